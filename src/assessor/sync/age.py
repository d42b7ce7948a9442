"""age passphrase encryption of a package, and the work factor a receiver accepts.

Decrypting costs 128 * 8 * 2^N bytes and about as many seconds as the sender's machine spent
on 2^N; a forged header can ask for any N. So the factor is read from the header and refused
above the cap before any key is derived, and the export checks what pyrage chose.
"""

from __future__ import annotations

import base64
from pathlib import Path

import pyrage

from assessor.sync.errors import PackageRefused

AGE_MAGIC = b"age-encryption.org/v1\n"
AGE_ARMOR = b"-----BEGIN AGE ENCRYPTED FILE-----"
# age's scrypt work factor (log2 N): decrypting costs 128 * 8 * 2^N bytes and about as many
# seconds as the sender's machine spent. pyrage picks it by timing (19 or 20 measured here,
# 512 MiB to 1 GiB); 2^22 would cost 4 GiB, more than a laptop can spare.
MAX_WORK_FACTOR = 20


def work_factor(head: bytes) -> int | None:
    """The scrypt work factor an age header asks for (None: no scrypt stanza found)."""
    if head.startswith(AGE_ARMOR):
        body = b"".join(head.split(b"\n")[1:-1])
        try:
            head = base64.b64decode(body[: len(body) // 4 * 4], validate=False)
        except ValueError:
            return None
    for line in head.split(b"\n")[1:16]:
        parts = line.split(b" ")
        if parts[:2] == [b"->", b"scrypt"]:
            if len(parts) != 4 or not parts[3].isdigit() or len(parts[3]) > 2:
                return 99  # malformed: as costly as unknown
            return int(parts[3])
        if line.startswith(b"---"):
            break
    return None


def check_work_factor(path: Path) -> None:
    """Refuse, before any key is derived, a package whose passphrase would cost more memory
    and time than a laptop can spare (a forged header can ask for gigabytes)."""
    with path.open("rb") as fh:
        head = fh.read(4096)
    factor = work_factor(head)
    if factor is not None and factor > MAX_WORK_FACTOR:
        raise PackageRefused(
            f"the package's passphrase protection asks for 2^{factor} scrypt work, more than "
            f"the 2^{MAX_WORK_FACTOR} this program allows (more memory and time than a laptop "
            "can spare); nothing was imported",
            code="syncfile.work_factor",
            factor=factor,
            limit=MAX_WORK_FACTOR,
        )


def encrypt(data: bytes, passphrase: str) -> bytes:
    """age encryption whose work factor a receiver accepts: pyrage picks the factor by timing
    this machine, so a fast one may pick more than MAX_WORK_FACTOR; then try again."""
    for _ in range(4):
        sealed: bytes = pyrage.passphrase.encrypt(data, passphrase)
        factor = work_factor(sealed[:4096])
        if factor is None or factor <= MAX_WORK_FACTOR:
            return sealed
    raise PackageRefused(
        f"this machine's age encryption chose a work factor above 2^{MAX_WORK_FACTOR}, which "
        "a colleague's program would refuse; export without a passphrase and encrypt the file "
        "with the age tool instead",
        code="syncfile.work_factor_export",
        limit=MAX_WORK_FACTOR,
    )
