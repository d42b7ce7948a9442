"""age v1 passphrase encryption (the scrypt recipient), written from the age specification
(age-encryption.org/v1), so that our packages carry a work factor we chose.

pyrage picks the scrypt work factor by timing the sender's machine (2^19 here, 512 MiB to
derive the key), and a receiver must spend the same; it cannot be told the factor. Encrypting
here with a fixed factor bounds what every receiver spends (docs/architecture.md). Decryption
stays with pyrage, the audited implementation: every test decrypts our output with it and with
the age command.

The file, as the specification lays it out:

    age-encryption.org/v1
    -> scrypt <salt, base64> <log2 N>
    <the file key wrapped with ChaCha20-Poly1305, base64>
    --- <HMAC-SHA256 of the header up to and including "---", base64>
    <16-byte nonce><the payload: STREAM of 64 KiB ChaCha20-Poly1305 chunks>

base64 is the standard alphabet without padding; a stanza's body is wrapped at 64 columns
(the wrapped key is 43 characters, one line).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import os
from typing import BinaryIO

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

VERSION_LINE = b"age-encryption.org/v1"
SCRYPT_LABEL = b"age-encryption.org/v1/scrypt"
CHUNK = 64 * 1024
FILE_KEY_BYTES = 16
SALT_BYTES = 16
NONCE_BYTES = 16
SCRYPT_R = 8


def _b64(data: bytes) -> bytes:
    return base64.b64encode(data).rstrip(b"=")


def _hkdf(key: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(key)


def scrypt_key(passphrase: str, salt: bytes, log_n: int) -> bytes:
    """The key that wraps the file key: scrypt(N = 2^log_n, r = 8, p = 1) over the label and
    the stanza's salt."""
    n = 1 << log_n
    return hashlib.scrypt(
        passphrase.encode("utf-8"),
        salt=SCRYPT_LABEL + salt,
        n=n,
        r=SCRYPT_R,
        p=1,
        # OpenSSL counts the whole working set; the default cap (32 MiB) is far below 2^18
        maxmem=2 * 128 * SCRYPT_R * n,
        dklen=32,
    )


def header(file_key: bytes, passphrase: str, log_n: int, salt: bytes) -> bytes:
    """The header: version line, one scrypt stanza, and the MAC line (ending in a newline)."""
    wrapped = ChaCha20Poly1305(scrypt_key(passphrase, salt, log_n)).encrypt(
        bytes(12), file_key, None
    )
    lines = [
        VERSION_LINE,
        b"-> scrypt " + _b64(salt) + b" " + str(log_n).encode("ascii"),
        _b64(wrapped),  # 43 characters: one line, shorter than a full one as the body ends
        b"---",
    ]
    covered = b"\n".join(lines)
    mac = hmac.new(_hkdf(file_key, b"", b"header"), covered, "sha256").digest()
    return covered + b" " + _b64(mac) + b"\n"


def write_payload(file_key: bytes, nonce: bytes, source: BinaryIO, target: BinaryIO) -> None:
    """The nonce and the STREAM: chunk i is sealed under the nonce (i as 11 bytes big-endian,
    then 1 on the last chunk and 0 before it); only an empty file has an empty chunk. Read one
    chunk ahead, so that a package is never held in memory whole."""
    aead = ChaCha20Poly1305(_hkdf(file_key, nonce, b"payload"))
    target.write(nonce)
    chunk = source.read(CHUNK)
    i = 0
    while True:
        following = source.read(CHUNK) if len(chunk) == CHUNK else b""
        last = b"\x01" if not following else b"\x00"
        target.write(aead.encrypt(i.to_bytes(11, "big") + last, chunk, None))
        if not following:
            return
        chunk, i = following, i + 1


def encrypt_stream(source: BinaryIO, target: BinaryIO, passphrase: str, log_n: int) -> None:
    """What `source` holds, written to `target` as an age file that `passphrase` opens, with
    scrypt work 2^log_n."""
    if not passphrase:
        raise ValueError("an empty passphrase protects nothing")
    file_key = os.urandom(FILE_KEY_BYTES)
    target.write(header(file_key, passphrase, log_n, os.urandom(SALT_BYTES)))
    write_payload(file_key, os.urandom(NONCE_BYTES), source, target)


def encrypt(data: bytes, passphrase: str, log_n: int) -> bytes:
    """`data` as an age file (bytes in, bytes out)."""
    out = io.BytesIO()
    encrypt_stream(io.BytesIO(data), out, passphrase, log_n)
    return out.getvalue()
