"""Reading a package: every size capped before anything is allocated or extracted.

The file is copied into a private folder, decrypted (the age work factor checked first),
unpacked as a stream that stops at the declared size and at a ratio no real package reaches,
and its manifest read with its depth, numbers and versions bounded. Nothing of it is trusted
until validate.py has looked at every row.
"""

from __future__ import annotations

import hashlib
import json
import stat
import uuid
import zipfile
import zlib
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pyrage

from assessor.store import schema
from assessor.sync.age import AGE_ARMOR, AGE_MAGIC, check_work_factor
from assessor.sync.errors import PackageRefused, unusable
from assessor.sync.package import (
    FORMAT,
    FORMAT_VERSION,
    KNOWN_FORMATS,
    MANIFEST,
    MAX_MANIFEST_BYTES,
    MAX_PACKAGE_BYTES,
    MAX_STATE_BYTES,
    MIN_PACKAGE_BYTES,
    SQLITE_HEADER,
    STATE,
    UPGRADES,
    ZIP_MAGIC,
    Manifest,
    private_folder,
)

# No package this program writes inflates more than about 6 times (measured: 5 for a demo
# database, 6 for an empty one); a zip bomb inflates a thousand times. The floor lets a small
# package of mostly empty pages through.
MAX_INFLATION = 50
INFLATION_FLOOR = 64 << 20
MAX_JSON_DEPTH = 8


def _refuse(message: str) -> PackageRefused:
    # the reasons are for whoever looks into a damaged or forged file; the user reads that
    # the file is not a usable package, in their language
    return unusable(message)


def _copy_capped(source: Path, target: Path, limit: int) -> None:
    """Copy in blocks, stopping at the cap (the size on disk may change while we read)."""
    copied = 0
    with source.open("rb") as src, target.open("wb") as dst:
        for block in iter(lambda: src.read(1 << 20), b""):
            copied += len(block)
            if copied > limit:
                raise _refuse("the file is too large")
            dst.write(block)


def unwrap(
    source: Path, work: Path, passphrase: str | None, *, allow_older_encryption: bool = False
) -> tuple[Path, bool]:
    """Copy the file into the private folder and decrypt it there (an older version's
    costlier work factor only with `allow_older_encryption`: age.check_work_factor).

    Returns the zip's path and whether the file was encrypted.
    """
    try:
        size = source.stat().st_size
    except FileNotFoundError:
        raise PackageRefused(
            f"no such file: {source}", code="syncfile.no_file", path=source
        ) from None
    if source.is_dir():
        raise PackageRefused(
            f"{source} is a folder, not a package", code="syncfile.folder", path=source
        )
    if not stat.S_ISREG(source.stat().st_mode):  # a pipe would hang the copy
        raise _refuse("not a regular file (a pipe, a device or a socket)")
    if size < MIN_PACKAGE_BYTES:
        raise _refuse("the file is empty or cut short")
    if size > MAX_PACKAGE_BYTES:
        raise _refuse("the file is larger than any package this program writes")
    copy = work / "received"
    _copy_capped(source, copy, MAX_PACKAGE_BYTES)
    with copy.open("rb") as fh:
        head = fh.read(64)
    encrypted = head.startswith((AGE_MAGIC, AGE_ARMOR))
    archive = work / "package.zip"
    if encrypted:
        if passphrase is None:
            raise PackageRefused(
                "the package is encrypted: give its passphrase", code="syncfile.encrypted"
            )
        check_work_factor(copy, older_ok=allow_older_encryption)
        try:
            # pyrage works on bytes: an encrypted package is held in memory once, decrypted
            archive.write_bytes(pyrage.passphrase.decrypt(copy.read_bytes(), passphrase))
        except pyrage.DecryptError:  # a wrong key or damage
            raise PackageRefused(
                "cannot decrypt the package: wrong passphrase, or the file was damaged",
                code="syncfile.passphrase",
            ) from None
        copy.unlink()
        with archive.open("rb") as fh:
            head = fh.read(64)
    else:
        copy.rename(archive)
    if not head.startswith(ZIP_MAGIC):
        raise _refuse("unknown file type")
    return archive, encrypted


def _depth(value: Any, limit: int) -> bool:
    """Whether a decoded JSON value nests at most `limit` levels."""
    stack = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if level > limit:
            return False
        if isinstance(item, dict):
            stack.extend((v, level + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, level + 1) for v in item)
    return True


def _check_manifest(raw: bytes) -> Manifest:
    try:
        data = json.loads(raw.decode("utf-8"))
    except ValueError:  # not UTF-8, not JSON, or a number of thousands of digits
        raise _refuse("the manifest is not JSON") from None
    except RecursionError:  # the decoder's own depth bound
        raise _refuse("the manifest nests too deeply") from None
    if not _depth(data, MAX_JSON_DEPTH):
        raise _refuse("the manifest nests too deeply")
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _refuse("the manifest is not an Assessor manifest")
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise _refuse("the manifest has no format version")
    if version > FORMAT_VERSION and version < 1000:
        raise PackageRefused(
            "the package was written by a newer version of Assessor; install it to import this",
            code="syncfile.newer_format",
        )
    if version not in KNOWN_FORMATS:
        raise _refuse("the manifest's format version is not one Assessor wrote")
    strings = ("package_id", "site_id", "clock", "schema_revision", "created_at", "sha256")
    if any(not isinstance(data.get(k), str) for k in strings):
        raise _refuse("the manifest lacks a field")
    counts = data.get("counts")
    size = data.get("size")
    if not isinstance(counts, dict) or not all(
        isinstance(k, str) and isinstance(v, int) and v >= 0 for k, v in counts.items()
    ):
        raise _refuse("the manifest's counts are not numbers")
    if not isinstance(size, int) or not 0 < size <= MAX_STATE_BYTES:
        raise _refuse("the manifest's size is out of range")
    revision = data["schema_revision"]
    if not (len(revision) == 4 and revision.isascii() and revision.isdigit()):
        raise _refuse("the manifest's schema revision is not one")
    if revision in schema.REVISIONS and revision not in KNOWN_FORMATS[version]:
        raise _refuse("the manifest's format version and schema do not belong together")
    if revision != schema.HEAD and revision not in UPGRADES:
        if revision not in schema.REVISIONS:
            raise PackageRefused(
                f"the package was written by a newer version of Assessor (schema {revision}); "
                "install the newer version to import it",
                code="syncfile.newer_schema",
                revision=revision,
            )
        raise PackageRefused(
            f"the package's schema {revision} is too old to import",
            code="syncfile.too_old",
            revision=revision,
        )
    try:
        uuid.UUID(data["package_id"])
        uuid.UUID(data["site_id"])
    except ValueError:
        raise _refuse("the manifest's ids are not UUIDs") from None
    seen = _vector(data.get("seen", {}))
    base = None if data.get("base") is None else _vector(data["base"])
    contents = data.get("contents", True)
    if not isinstance(contents, bool):
        raise _refuse("the manifest's contents flag is not true or false")
    kind = data.get("kind", "full")
    if kind not in ("full", "delta") or (kind == "delta") != (base is not None):
        raise _refuse("the manifest's kind is not full or delta")
    return Manifest(
        package_id=data["package_id"],
        site_id=data["site_id"],
        clock=data["clock"],
        schema_revision=revision,
        created_at=data["created_at"],
        counts=counts,
        sha256=data["sha256"],
        size=size,
        format_version=version,
        seen=seen,
        base=base,
        kind=kind,
        contents=contents,
    )


def _vector(data: Any) -> dict[str, int]:
    """A version vector from a manifest: site id -> latest hlc (a number)."""
    if not isinstance(data, dict) or len(data) > 100_000:
        raise _refuse("the manifest's version vector is malformed")
    out: dict[str, int] = {}
    for site, value in data.items():
        try:
            uuid.UUID(str(site))
        except ValueError:
            raise _refuse("the manifest's version vector is malformed") from None
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 10**18:
            raise _refuse("the manifest's version vector is malformed")
        out[str(site)] = value
    return out


def extract(archive: Path, work: Path) -> tuple[Manifest, Path]:
    """Check the zip's directory and extract the state with every size capped."""
    try:
        with zipfile.ZipFile(archive) as zf:
            infos = zf.infolist()
            if sorted(i.filename for i in infos) != [MANIFEST, STATE] or len(infos) != 2:
                raise _refuse("unexpected files inside")
            by_name = {i.filename: i for i in infos}
            for info in infos:
                if info.flag_bits & 0x1:
                    raise _refuse("zip-level encryption is not used by Assessor")
                if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                    raise _refuse("unknown compression")
            if by_name[MANIFEST].file_size > MAX_MANIFEST_BYTES:
                raise _refuse("the manifest is too large")
            with zf.open(by_name[MANIFEST]) as fh:
                raw = fh.read(MAX_MANIFEST_BYTES + 1)
            if len(raw) > MAX_MANIFEST_BYTES:
                raise _refuse("the manifest is too large")
            manifest = _check_manifest(raw)
            if by_name[STATE].file_size != manifest.size:
                raise _refuse("the state's size does not match the manifest")
            if manifest.size > max(INFLATION_FLOOR, MAX_INFLATION * by_name[STATE].compress_size):
                raise _refuse("the state inflates far more than any package does")
            state = work / STATE
            h = hashlib.sha256()
            written = 0
            with zf.open(by_name[STATE]) as src, state.open("wb") as dst:
                for block in iter(lambda: src.read(1 << 20), b""):
                    written += len(block)
                    if written > manifest.size:
                        raise _refuse("the state is larger than the manifest says")
                    h.update(block)
                    dst.write(block)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        EOFError,
        OSError,
        ValueError,
        NotImplementedError,
    ) as exc:
        if isinstance(exc, PackageRefused):
            raise
        raise _refuse("the archive is damaged or cut short") from None
    if written != manifest.size or h.hexdigest() != manifest.sha256:
        raise _refuse("the state does not match its checksum")
    with state.open("rb") as fh:
        header = fh.read(100)
    # bytes 18 and 19 are the file format versions: 1 = rollback journal, 2 = WAL
    if len(header) < 100 or not header.startswith(SQLITE_HEADER) or header[18:20] != b"\x01\x01":
        raise _refuse("the state is not a plain SQLite file")
    return manifest, state


def open_package(
    source: Path, work: Path, passphrase: str | None, *, allow_older_encryption: bool = False
) -> tuple[Manifest, Path]:
    """Copy, decrypt and unpack a package into `work`; the state is not yet validated."""
    archive, encrypted = unwrap(
        Path(source), work, passphrase, allow_older_encryption=allow_older_encryption
    )
    manifest, state = extract(archive, work)
    archive.unlink()
    manifest.encrypted = encrypted
    return manifest, state


def read_manifest(
    source: Path, passphrase: str | None = None, *, allow_older_encryption: bool = False
) -> dict[str, Any]:
    """The manifest of a package, as plain data (for showing before an import)."""
    with private_folder() as work:
        manifest, _ = open_package(
            source, work, passphrase, allow_older_encryption=allow_older_encryption
        )
    return asdict(manifest)
