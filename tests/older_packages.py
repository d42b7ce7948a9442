"""Packages as older versions of the program wrote them: age passphrase encryption at the
work factor pyrage chose by timing (2^19 here), and forged headers at any factor."""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

from assessor.services import agencies
from assessor.services import sync as sync_service
from assessor.services.setup import init_database
from assessor.sync.age_encrypt import encrypt

PASSPHRASE = "gammal lösenfras"


@dataclass(frozen=True)
class OlderPackage:
    plain: Path  # the package unencrypted
    sealed: Path  # encrypted at 2^19, as pyrage chose it on this machine
    ours: Path  # encrypted by this version (2^18)
    site: str  # the site id of the laptop that wrote it
    passphrase_file: Path


def make(folder: Path) -> OlderPackage:
    """A colleague's package with one agency, encrypted as an older version did (costs a
    2^19 key derivation: 512 MiB and a second or two)."""
    source = folder / "colleague.db"
    with init_database(source) as db:
        with db.transaction() as s:
            agencies.create_agency(s, name="Bolagsverket")
        plain = folder / "plain.assessor"
        sync_service.export_package(db, plain)
        ours = folder / "ours.assessor"
        sync_service.export_package(db, ours, PASSPHRASE)
    with zipfile.ZipFile(plain) as zf:
        site = json.loads(zf.read("manifest.json"))["site_id"]
    sealed = folder / "older.assessor"
    sealed.write_bytes(encrypt(plain.read_bytes(), PASSPHRASE, 19))
    secret = folder / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return OlderPackage(plain, sealed, ours, site, secret)


def with_factor(sealed: bytes, factor: bytes) -> bytes:
    """The same file with its header's work factor replaced (the MAC then fails, but only
    after the key was derived: what a forged header costs a receiver)."""
    head, _, rest = sealed.partition(b"\n-> scrypt ")
    salt, _, after = rest.partition(b" ")
    _, _, body = after.partition(b"\n")
    return head + b"\n-> scrypt " + salt + b" " + factor + b"\n" + body
