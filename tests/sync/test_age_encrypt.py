"""Our age passphrase encryption (sync/age_encrypt.py) against the audited readers: pyrage and
the age command open what we write, at every chunk boundary, and refuse a wrong passphrase.

The size cases use a small work factor (2^10): the format is the same at any factor, and
2^18 costs a second per key. The exporter's own output (2^18) is checked separately."""

from __future__ import annotations

import base64
import io
import os
import shutil
import sys
import time
import zipfile
from pathlib import Path

import pyrage
import pytest
from tests.older_packages import PASSPHRASE as OLDER_PASSPHRASE
from tests.older_packages import OlderPackage

from assessor.sync import age
from assessor.sync.age_encrypt import CHUNK, encrypt
from assessor.sync.errors import PackageRefused

PASSPHRASE = "rätt häst batteri"
SIZES = {"empty": 0, "short": 1000, "one-chunk": CHUNK, "chunk-and-a-byte": CHUNK + 1}
SIZES["three-chunks"] = 3 * CHUNK
SIZES["multi-chunk"] = 2 * CHUNK + 12345

needs_age = pytest.mark.skipif(
    shutil.which("age") is None or sys.platform == "win32",
    reason="needs the age command and a pseudo-terminal",
)


def age_decrypt(sealed: Path, out: Path, passphrase: str) -> tuple[int, bytes]:
    """`age -d`, its passphrase typed on a pseudo-terminal (age 1.1 reads it from nowhere
    else: no option, no environment variable). Returns the exit code and what it printed."""
    import pty

    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        os.execvp("age", ["age", "-d", "-o", str(out), str(sealed)])
    seen = b""
    deadline = time.monotonic() + 30
    while b"assphrase" not in seen and time.monotonic() < deadline:
        try:
            seen += os.read(fd, 1024)
        except OSError:
            break
    os.write(fd, passphrase.encode() + b"\n")
    while True:
        try:
            chunk = os.read(fd, 1024)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), seen


def armored(sealed: bytes) -> bytes:
    """The ASCII armor of the age specification: PEM-like, base64 in 64-column lines."""
    text = base64.b64encode(sealed)
    lines = [text[i : i + 64] for i in range(0, len(text), 64)]
    return b"\n".join(
        [b"-----BEGIN AGE ENCRYPTED FILE-----", *lines, b"-----END AGE ENCRYPTED FILE-----", b""]
    )


@pytest.mark.parametrize("size", list(SIZES.values()), ids=list(SIZES))
def test_pyrage_opens_what_we_write(size: int) -> None:
    data = os.urandom(size)
    sealed = encrypt(data, PASSPHRASE, 10)
    assert sealed.startswith(b"age-encryption.org/v1\n-> scrypt ")
    assert pyrage.passphrase.decrypt(sealed, PASSPHRASE) == data
    # 16 bytes of tag per chunk (one for an empty file), a 16-byte nonce and the header
    chunks = max(1, -(-size // CHUNK))
    head = sealed.index(b"\n---") + len(b"\n--- ") + 43 + 1
    assert len(sealed) == head + 16 + size + 16 * chunks


def test_two_files_of_the_same_data_share_nothing() -> None:
    one, two = encrypt(b"x" * 100, PASSPHRASE, 10), encrypt(b"x" * 100, PASSPHRASE, 10)
    assert one[:60] != two[:60] and one[-116:] != two[-116:]  # salt, key, nonce all fresh


def test_a_wrong_passphrase_or_a_changed_byte_is_refused() -> None:
    sealed = encrypt(b"PK\x03\x04 package", PASSPHRASE, 10)
    with pytest.raises(pyrage.DecryptError):
        pyrage.passphrase.decrypt(sealed, "fel lösenfras")
    for at in (40, sealed.index(b"---") + 8, len(sealed) - 3):  # stanza, MAC, payload
        changed = bytearray(sealed)
        changed[at] ^= 0x01
        with pytest.raises(pyrage.DecryptError):
            pyrage.passphrase.decrypt(bytes(changed), PASSPHRASE)


def test_an_empty_passphrase_is_not_protection() -> None:
    with pytest.raises(ValueError):
        encrypt(b"data", "", 10)


def test_armored_input_is_read_and_its_factor_checked(tmp_path: Path) -> None:
    """We write binary age; a package armored by hand (age -a) still opens, and its work
    factor is read through the armor."""
    data = os.urandom(CHUNK + 7)
    text = armored(encrypt(data, PASSPHRASE, 10))
    assert pyrage.passphrase.decrypt(text, PASSPHRASE) == data
    assert age.work_factor(text[:4096]) == 10
    older = tmp_path / "older.age"
    older.write_bytes(
        armored(
            b"age-encryption.org/v1\n-> scrypt c2FsdHNhbHRzYWx0c2FsdA 19\nAAAA\n--- AAAA\n"
            + bytes(99)
        )
    )
    with pytest.raises(PackageRefused) as info:
        age.check_work_factor(older)
    assert info.value.code == "syncfile.older_work_factor"


def test_the_exporter_writes_work_factor_18(older_package: OlderPackage) -> None:
    sealed = older_package.ours.read_bytes()
    assert age.work_factor(sealed[:4096]) == age.WORK_FACTOR == 18
    opened = pyrage.passphrase.decrypt(sealed, OLDER_PASSPHRASE)
    with zipfile.ZipFile(io.BytesIO(opened)) as zf:
        assert sorted(zf.namelist()) == ["manifest.json", "state.sqlite"]
    # (a wrong passphrase at import: tests/sync/test_hostile.py; each key here costs a second)


@needs_age
@pytest.mark.parametrize("size", [0, 1000, CHUNK, 3 * CHUNK, 2 * CHUNK + 12345])
def test_the_age_command_opens_what_we_write(size: int, tmp_path: Path) -> None:
    data = os.urandom(size)
    sealed = tmp_path / "in.age"
    sealed.write_bytes(encrypt(data, PASSPHRASE, 10))
    out = tmp_path / "out.bin"
    code, said = age_decrypt(sealed, out, PASSPHRASE)
    assert code == 0, said
    # age creates its output at the first byte it writes: none for an empty file
    assert (out.read_bytes() if out.exists() else b"") == data


@needs_age
def test_the_age_command_opens_an_export_and_refuses_a_wrong_passphrase(
    older_package: OlderPackage, tmp_path: Path
) -> None:
    ours = older_package.ours
    out = tmp_path / "out.zip"
    code, said = age_decrypt(ours, out, "fel lösenfras")
    assert code != 0, said
    assert not out.exists() or out.stat().st_size == 0
    code, said = age_decrypt(ours, out, OLDER_PASSPHRASE)
    assert code == 0, said
    assert out.read_bytes() == pyrage.passphrase.decrypt(ours.read_bytes(), OLDER_PASSPHRASE)
