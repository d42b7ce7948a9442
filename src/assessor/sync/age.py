"""age passphrase encryption of a package, and the work factor a receiver accepts.

Decrypting costs 128 * 8 * 2^N bytes and about as many seconds as the sender's machine spent
on 2^N; a forged header can ask for any N. So the factor is read from the header and checked
here, in one place, before any key is derived (every path that opens a package comes through
package_read.unwrap).

Our exports use 2^18 (age_encrypt.py writes them: pyrage cannot be told the factor). Older
versions of this program let pyrage choose by timing, and it chose 2^19 or 2^20: such a package
still opens, but only when the user says yes to its cost. Above 2^20, never.
"""

from __future__ import annotations

import base64
from pathlib import Path

from assessor.sync.errors import PackageRefused

AGE_MAGIC = b"age-encryption.org/v1\n"
AGE_ARMOR = b"-----BEGIN AGE ENCRYPTED FILE-----"
# age's scrypt work factor (log2 N). 2^18 is the age tool's own default: 256 MiB and under a
# second to derive the key here. What we write, and what a receiver opens without asking.
WORK_FACTOR = 18
# pyrage's timing choice in older versions of this program (2^19 measured here, 2^20 on a
# faster machine): opened only with the user's consent. 2^22 would cost 4 GiB.
OLDER_WORK_FACTOR = 20
HEAD_BYTES = 4096  # an age header with one stanza is about 150 bytes (200 armored)


def key_memory(factor: int) -> str:
    """What deriving the key costs in memory, in words (the same in both languages)."""
    mib = 128 * 8 * (1 << factor) >> 20
    return f"{mib >> 10} GiB" if mib >= 1024 else f"{mib} MiB"


def work_factor(head: bytes) -> int | None:
    """The scrypt work factor an age header asks for (None: no scrypt stanza found)."""
    if head.startswith(AGE_ARMOR):
        lines = [line.strip() for line in head.split(b"\n")[1:]]
        if len(head) >= HEAD_BYTES:
            lines = lines[:-1]  # the read may have cut the last line
        ends = [i for i, line in enumerate(lines) if line.startswith(b"-----")]
        text = b"".join(lines[: ends[0]] if ends else lines)
        try:
            head = base64.b64decode(text[: len(text) // 4 * 4], validate=True)
        except ValueError:
            return 99  # armor that is not base64: as costly as unknown
    for line in head.split(b"\n")[1:16]:
        parts = line.split(b" ")
        if parts[:2] == [b"->", b"scrypt"]:
            if len(parts) != 4 or not parts[3].isdigit() or len(parts[3]) > 2:
                return 99  # malformed: as costly as unknown
            return int(parts[3])
        if line.startswith(b"---"):
            break
    return None


def check_work_factor(path: Path, *, older_ok: bool = False) -> None:
    """Refuse, before any key is derived, a package whose passphrase would cost more memory and
    time than a laptop can spare (a forged header can ask for gigabytes). A package of an older
    version (2^19, 2^20) opens when `older_ok`: the user agreed to its cost."""
    with path.open("rb") as fh:
        head = fh.read(HEAD_BYTES)
    factor = work_factor(head)
    if factor is None or factor <= WORK_FACTOR:
        return
    if factor > OLDER_WORK_FACTOR:
        raise PackageRefused(
            f"the package's passphrase protection asks for 2^{factor} scrypt work, more than "
            f"the 2^{OLDER_WORK_FACTOR} this program allows (more memory and time than a laptop "
            "can spare); nothing was imported",
            code="syncfile.work_factor",
            factor=factor,
            limit=OLDER_WORK_FACTOR,
        )
    if not older_ok:
        raise PackageRefused(
            "the package was encrypted by an older version of Assessor and needs about "
            f"{key_memory(factor)} of memory to open (scrypt work 2^{factor}); give "
            "--allow-older-encryption to open it; nothing was imported",
            code="syncfile.older_work_factor",
            factor=factor,
            memory=key_memory(factor),
        )


def encrypt_file(source: Path, target: Path, passphrase: str) -> None:
    """`source` encrypted into `target` with our fixed work factor."""
    from assessor.sync import age_encrypt  # cryptography costs 60 ms to import: only to write

    with source.open("rb") as src, target.open("wb") as dst:
        age_encrypt.encrypt_stream(src, dst, passphrase, WORK_FACTOR)
