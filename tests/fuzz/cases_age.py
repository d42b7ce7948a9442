"""Encrypted packages: forged age headers and damaged bodies around a package our exporter
made (work factor 2^18, sync/age_encrypt.py).

Surface "encrypted": every case is refused before any key is derived (a factor above what is
opened unasked, with or without --allow-older-encryption above 2^20, a malformed factor,
armor, no passphrase, random bytes after the magic). Surface "encrypted-kdf": cases that reach
the key derivation at our factor (a damaged body, a wrong passphrase), refused by pyrage after
it: their cost is what 2^18 costs, the most a refusal may cost (docs/security.md).
"""

from __future__ import annotations

import base64
import os
import random
from collections.abc import Iterator
from pathlib import Path

from tests.fuzz.cases import Case, Run, _copy_db, _flip, _import_run
from tests.fuzz.seeds import Seeds

OLDER = [b"19", b"20"]  # an older version's factor: refused until the user agrees
ABOVE = [b"21", b"22", b"30", b"64", b"99", b"255"]  # refused even with consent
MALFORMED = [b"", b"-1", b"x", b"9" * 40, b"20 20", b"018", b"1e9", b"\xff\xfe"]


def with_factor(sealed: bytes, factor: bytes) -> bytes:
    head, _, rest = sealed.partition(b"\n-> scrypt ")
    salt, _, after = rest.partition(b" ")
    _, _, body = after.partition(b"\n")
    return head + b"\n-> scrypt " + salt + b" " + factor + b"\n" + body


def armored(data: bytes) -> bytes:
    text = base64.b64encode(data)
    lines = [text[i : i + 64] for i in range(0, len(text), 64)]
    return b"\n".join(
        [b"-----BEGIN AGE ENCRYPTED FILE-----", *lines, b"-----END AGE ENCRYPTED FILE-----", b""]
    )


def _run(seeds: Seeds, work: Path, pkg: Path, consent: bool) -> Run:
    run = _import_run(seeds, work, pkg, passphrase=True)
    if consent:
        return Run([*run.argv, "--allow-older-encryption"], watched=run.watched, expect=2)
    return Run(run.argv, watched=run.watched, expect=2)


def encrypted_cases(seeds: Seeds, rng: random.Random, count: int) -> Iterator[Case]:
    shapes = ["older", "above", "malformed", "armored", "no-passphrase", "random"]
    for n in range(count):
        shape = shapes[n % len(shapes)]
        seed = rng.randrange(1 << 30)

        def make(work: Path, shape: str = shape, seed: int = seed) -> Run:
            r = random.Random(seed)
            sealed = seeds.encrypted.read_bytes()
            pkg = work / "in.assessor"
            if shape == "older":
                pkg.write_bytes(with_factor(sealed, r.choice(OLDER)))
                return _run(seeds, work, pkg, consent=False)
            if shape == "above":
                pkg.write_bytes(with_factor(sealed, r.choice(ABOVE)))
                return _run(seeds, work, pkg, consent=r.random() < 0.5)
            if shape == "malformed":
                pkg.write_bytes(with_factor(sealed, r.choice(MALFORMED)))
                return _run(seeds, work, pkg, consent=r.random() < 0.5)
            if shape == "armored":
                factor = r.choice(OLDER + ABOVE + MALFORMED)
                text = armored(with_factor(sealed, factor))
                if r.random() < 0.3:  # lines of another width: the armor is no base64
                    text = text.replace(b"\n", b"", 3)
                pkg.write_bytes(text)
                return _run(seeds, work, pkg, consent=factor not in OLDER and r.random() < 0.5)
            if shape == "no-passphrase":
                pkg.write_bytes(sealed)
                target = _copy_db(seeds, work)
                return Run(["sync", "import", "--db", str(target), str(pkg)], watched=target)
            pkg.write_bytes(b"age-encryption.org/v1\n" + os.urandom(r.randrange(0, 300)))
            return _run(seeds, work, pkg, consent=r.random() < 0.5)

        yield Case("encrypted", f"{shape}-{n}", make)


def kdf_cases(seeds: Seeds, rng: random.Random, count: int) -> Iterator[Case]:
    """A damaged body or a wrong passphrase: the key is derived at our factor, then refused."""
    for n in range(count):
        seed = rng.randrange(1 << 30)
        wrong = n % 3 == 2

        def make(work: Path, seed: int = seed, wrong: bool = wrong) -> Run:
            r = random.Random(seed)
            sealed = seeds.encrypted.read_bytes()
            pkg = work / "in.assessor"
            if wrong:
                pkg.write_bytes(sealed)
                secret = work / "wrong.txt"
                secret.write_text(f"not the passphrase {seed}\n", encoding="utf-8")
                target = _copy_db(seeds, work)
                argv = ["sync", "import", "--db", str(target), str(pkg)]
                return Run([*argv, "--passphrase-file", str(secret)], watched=target, expect=2)
            # past the header's stanza: the MAC, the nonce or the payload
            pkg.write_bytes(_flip(sealed, r, 1, start=min(len(sealed) - 1, 120)))
            return _run(seeds, work, pkg, consent=False)

        yield Case("encrypted-kdf", f"{'wrong-passphrase' if wrong else 'body-flip'}-{n}", make)
