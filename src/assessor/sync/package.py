"""The package file: a zip of manifest.json and state.sqlite, optionally inside age encryption.

state.sqlite holds the synced tables, their clocks (sync_row) and the site numbers the clocks use
(sync_site), nothing local: every row (a full package), or the rows with a write the peer has
not seen (a delta). The manifest says what made
it (format version, schema revision, site id, clock, package id) and how to check it (row counts,
size and SHA-256 of state.sqlite). Reading treats the file as hostile: every size is capped
before anything is allocated or extracted, and nothing of it is trusted until validate.py has
looked at every row.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
import stat
import tempfile
import uuid
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import pyrage
from sqlalchemy import Table
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.schema import CreateTable

from assessor.store import legacy_stamps, schema
from assessor.store.models import (
    SYNCED_MODELS,
    Attachment,
    FileContent,
    SiteAdvisor,
    SyncRow,
    SyncSite,
    table_of,
)
from assessor.store.stamping import CLOCK_KEY, SITE_KEY, groups_of, read_seen
from assessor.sync.errors import PackageRefused, unusable

FORMAT = "assessor-sync"
FORMAT_VERSION = 2  # 2: row clocks, version vectors, deltas
MANIFEST = "manifest.json"
STATE = "state.sqlite"
ZIP_MAGIC = b"PK\x03\x04"
AGE_MAGIC = b"age-encryption.org/v1\n"
AGE_ARMOR = b"-----BEGIN AGE ENCRYPTED FILE-----"
SQLITE_HEADER = b"SQLite format 3\x00"
MAX_PACKAGE_BYTES = 1 << 30
MAX_STATE_BYTES = 4 << 30
MAX_MANIFEST_BYTES = 64 << 10
MIN_PACKAGE_BYTES = 22  # the smallest zip file
# No package this program writes inflates more than about 6 times (measured: 5 for a demo
# database, 6 for an empty one); a zip bomb inflates a thousand times. The floor lets a small
# package of mostly empty pages through.
MAX_INFLATION = 50
INFLATION_FLOOR = 64 << 20
# age's scrypt work factor (log2 N): decrypting costs 128 * 8 * 2^N bytes and about as many
# seconds as the sender's machine spent. pyrage picks it by timing (19 or 20 measured here,
# 512 MiB to 1 GiB); 2^22 would cost 4 GiB, more than a laptop can spare.
MAX_WORK_FACTOR = 20
MAX_JSON_DEPTH = 8
# format_version -> the schema revisions a package of that format holds
KNOWN_FORMATS: dict[int, frozenset[str]] = {
    1: frozenset({"0001", "0002"}),
    2: frozenset(schema.REVISIONS) - {"0001", "0002"},
}

# Package schema revisions older than the head, and what turns each into the next one in the
# private copy (None: that migration did not touch the synced tables). A revision missing here
# cannot be read; a test keeps this in step with store.schema.REVISIONS.
def _clocks_from_stamps(con: sqlite3.Connection) -> None:
    """0002 -> 0003: the per-group stamps become row clocks (store/legacy_stamps.py); the
    new synced table site_advisor starts empty."""
    dialect = sqlite_dialect.dialect()
    for (index,) in con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
    ).fetchall():
        con.execute(f"DROP INDEX {_quote(index)}")
    for table in (table_of(SyncRow), table_of(SyncSite), table_of(SiteAdvisor)):
        con.execute(str(CreateTable(table).compile(dialect=dialect)).strip())

    def columns_of(table: str) -> list[str]:
        return [r[1] for r in con.execute(f"PRAGMA table_info({_quote(table)})")]

    legacy_stamps.convert(con, groups_of, columns_of, [m.__tablename__ for m in SYNCED_MODELS])
    con.execute("DROP TABLE sync_stamp")


def _add_attachment_tables(con: sqlite3.Connection) -> None:
    """0003 -> 0004: the new synced tables file_content and attachment start empty."""
    dialect = sqlite_dialect.dialect()
    for table in (table_of(FileContent), table_of(Attachment)):
        con.execute(str(CreateTable(table).compile(dialect=dialect)).strip())


UPGRADES: dict[str, Any] = {
    "0001": None, "0002": _clocks_from_stamps, "0003": _add_attachment_tables,
}


def package_tables() -> list[Table]:
    return [table_of(m) for m in SYNCED_MODELS] + [table_of(SyncRow), table_of(SyncSite)]


@cache
def package_ddl() -> tuple[str, ...]:
    """The package's tables, without the database's secondary indexes: the merge reads the
    package by primary key only, and the indexes would be a fifth of the file."""
    dialect = sqlite_dialect.dialect()
    return tuple(
        str(CreateTable(table).compile(dialect=dialect)).strip() for table in package_tables()
    )


def create_package_schema(con: sqlite3.Connection) -> None:
    for statement in package_ddl():
        con.execute(statement)


@dataclass
class Manifest:
    package_id: str
    site_id: str
    clock: str
    schema_revision: str
    created_at: str
    counts: dict[str, int]
    sha256: str
    size: int
    format: str = FORMAT
    format_version: int = FORMAT_VERSION
    encrypted: bool = False
    # what the writing database had seen (site -> latest hlc as a number); empty: not known
    seen: dict[str, int] = field(default_factory=dict)
    # a delta: what the receiver must have seen already; None for a full package
    base: dict[str, int] | None = None
    kind: str = "full"
    # False: the file contents were left out; the receiver then lacks some writes of what
    # `seen` claims, so it remembers `seen` as the peer's but does not join it into its own
    contents: bool = True
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> bytes:
        data = asdict(self)
        data.pop("encrypted")
        return json.dumps(data, indent=2, sort_keys=True).encode()


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def uri(path: Path, flags: str) -> str:
    """An SQLite URI for a file (as_uri escapes what needs escaping, Windows drives too)."""
    return f"{path.resolve().as_uri()}?{flags}"


DELTA_ROWS = (
    "INSERT INTO temp.delta_rows (table_name, row_id) SELECT r.table_name, r.row_id "
    "FROM main.sync_row r WHERE EXISTS (SELECT 1 FROM json_each(r.clock) e "
    "WHERE json_extract(e.value, '$[0]') > coalesce((SELECT b.hlc FROM temp.delta_base b "
    "WHERE b.no = json_extract(e.value, '$[1]')), -1))"
)


def write_state(db_path: Path, state_path: Path, base: dict[str, int] | None = None,
                leave_out: frozenset[str] = frozenset(),
                ) -> tuple[str, str, str, dict[str, int], dict[str, int]]:
    """Copy the synced tables of the database into a new state file, from one snapshot: every
    row, or with `base` (what the peer has seen) only the rows holding a write it has not.
    Tables in `leave_out` stay empty, their clocks too (a package without file contents).

    Returns (site id, clock, schema revision, row counts, what this database has seen).
    """
    out = sqlite3.connect(state_path)
    try:
        # a private temporary file: no journal, no syncing; the finished package is synced
        out.execute("PRAGMA journal_mode=OFF")
        out.execute("PRAGMA synchronous=OFF")
        out.execute("PRAGMA page_size=4096")
        out.execute("BEGIN")
        create_package_schema(out)
        out.commit()
    finally:
        out.close()
    con = sqlite3.connect(uri(db_path, "mode=ro"), uri=True, isolation_level=None)
    try:
        con.execute("ATTACH DATABASE ? AS pkg", (str(state_path),))
        con.execute("PRAGMA pkg.journal_mode=OFF")
        con.execute("PRAGMA pkg.synchronous=OFF")
        con.execute("BEGIN")
        if base is not None:
            con.execute("CREATE TEMP TABLE delta_base (no INTEGER PRIMARY KEY, hlc INTEGER)")
            con.execute("CREATE TEMP TABLE delta_rows (table_name TEXT, row_id TEXT, "
                        "PRIMARY KEY (table_name, row_id))")
            con.executemany(
                "INSERT INTO temp.delta_base (no, hlc) SELECT no, ? FROM main.sync_site "
                "WHERE site_id = ?",
                [(h, site) for site, h in base.items()],
            )
            con.execute(DELTA_ROWS)
        counts: dict[str, int] = {}
        for table in package_tables():
            cols = ", ".join(_quote(c.name) for c in table.columns)
            name = _quote(table.name)
            where = ""
            if table.name in leave_out:
                counts[table.name] = 0
                continue
            if base is not None and table.name in SYNCED_NAMES:
                where = (" WHERE id IN (SELECT row_id FROM temp.delta_rows "
                         f"WHERE table_name = '{table.name}')")
            elif base is not None and table.name == "sync_row":
                where = (" WHERE (table_name, row_id) IN "
                         "(SELECT table_name, row_id FROM temp.delta_rows)")
            if leave_out and table.name == "sync_row":
                names = ", ".join(f"'{n}'" for n in sorted(leave_out))
                where += (" AND " if where else " WHERE ") + f"table_name NOT IN ({names})"
            # the clocks in key order (their table is the key): its pages fill up whole; the
            # other tables in the order rows were written, where neighbours are alike
            order = " ORDER BY table_name, row_id" if table.name == "sync_row" else ""
            cur = con.execute(
                f"INSERT INTO pkg.{name} ({cols}) SELECT {cols} FROM main.{name}{where}{order}"
            )
            counts[table.name] = cur.rowcount
        seen = read_seen(lambda sql, params=(): con.execute(sql, params))
        meta = dict(con.execute("SELECT key, value FROM main.local_meta").fetchall())
        revision = con.execute("SELECT version_num FROM main.alembic_version").fetchone()[0]
        con.execute("COMMIT")
        con.execute("DETACH DATABASE pkg")
    finally:
        con.close()
    if base is None:
        # rebuilt with every page full: the full package compresses a tenth smaller
        out = sqlite3.connect(state_path, isolation_level=None)
        try:
            out.execute("VACUUM")
        finally:
            out.close()
    return str(meta[SITE_KEY]), str(meta[CLOCK_KEY]), str(revision), counts, seen


SYNCED_NAMES = frozenset(m.__tablename__ for m in SYNCED_MODELS)
CONTENT_TABLES = frozenset({FileContent.__tablename__})


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def export_package(db_path: Path, out: Path, passphrase: str | None = None,
                   base: dict[str, int] | None = None, *,
                   with_contents: bool = True) -> Manifest:
    """Write the synced state of the database to `out`, atomically (temp file + rename): all
    of it, or with `base` the delta a peer that has seen `base` lacks.

    Without contents, the file contents (file_content) stay out and the manifest says so:
    the receiver learns what this database has seen (for the deltas it writes for it) but
    does not count itself as holding all of it, so later deltas for it still carry the
    contents.
    """
    out = Path(out)
    if out.exists() and out.is_dir():
        raise PackageRefused(f"{out} is a folder; give a file name for the package",
                             code="output.is_folder", path=out, what="package")
    with private_folder() as work:
        state = work / STATE
        leave_out = frozenset() if with_contents else CONTENT_TABLES
        site, clock, revision, counts, seen = write_state(db_path, state, base, leave_out)
        manifest = Manifest(
            package_id=str(uuid.uuid4()),
            site_id=site,
            clock=clock,
            schema_revision=revision,
            created_at=datetime.now(UTC).isoformat(timespec="seconds"),
            counts=counts,
            sha256=_sha256(state),
            size=state.stat().st_size,
            encrypted=passphrase is not None,
            seen=seen,
            base=base,
            kind="full" if base is None else "delta",
            contents=with_contents,
        )
        archive = work / "package.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
            zf.writestr(MANIFEST, manifest.to_json())
            zf.write(state, STATE)
        # a receiver refuses a larger file: better to say so here, with what to do instead
        size = archive.stat().st_size
        if passphrase is not None:  # age adds 16 bytes per 64 KiB and a header
            size += (size >> 16) * 16 + 4096
        if size > MAX_PACKAGE_BYTES:
            raise PackageRefused(
                f"the package would be {size >> 20} MB, more than the "
                f"{MAX_PACKAGE_BYTES >> 20} MB a package may be; export it without file "
                "contents, or send a package with only the changes (for one colleague)"
            )
        if passphrase is not None:
            archive.write_bytes(_encrypt(archive.read_bytes(), passphrase))
        tmp = out.with_name(f".{out.name}.{uuid.uuid4().hex}.tmp")
        try:
            with archive.open("rb") as src, tmp.open("wb") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)
                dst.flush()
                os.fsync(dst.fileno())
            os.replace(tmp, out)
        finally:
            tmp.unlink(missing_ok=True)
    return manifest


def _encrypt(data: bytes, passphrase: str) -> bytes:
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
        code="syncfile.work_factor_export", limit=MAX_WORK_FACTOR,
    )


@contextlib.contextmanager
def private_folder() -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix="assessor-sync-"))  # mode 0700
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


# --- reading --------------------------------------------------------------------------------


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


def unwrap(source: Path, work: Path, passphrase: str | None) -> tuple[Path, bool]:
    """Copy the file into the private folder and decrypt it there.

    Returns the zip's path and whether the file was encrypted.
    """
    try:
        size = source.stat().st_size
    except FileNotFoundError:
        raise PackageRefused(f"no such file: {source}", code="syncfile.no_file",
                             path=source) from None
    if source.is_dir():
        raise PackageRefused(f"{source} is a folder, not a package", code="syncfile.folder",
                             path=source)
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
            raise PackageRefused("the package is encrypted: give its passphrase",
                                 code="syncfile.encrypted")
        _check_work_factor(copy)
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


def _check_work_factor(path: Path) -> None:
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
            code="syncfile.work_factor", factor=factor, limit=MAX_WORK_FACTOR,
        )


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
                code="syncfile.newer_schema", revision=revision,
            )
        raise PackageRefused(f"the package's schema {revision} is too old to import",
                             code="syncfile.too_old", revision=revision)
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
        package_id=data["package_id"], site_id=data["site_id"], clock=data["clock"],
        schema_revision=revision, created_at=data["created_at"], counts=counts,
        sha256=data["sha256"], size=size, format_version=version, seen=seen, base=base,
        kind=kind, contents=contents,
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
            if manifest.size > max(INFLATION_FLOOR,
                                   MAX_INFLATION * by_name[STATE].compress_size):
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
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError,
            ValueError, NotImplementedError) as exc:
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


def open_package(source: Path, work: Path, passphrase: str | None) -> tuple[Manifest, Path]:
    """Copy, decrypt and unpack a package into `work`; the state is not yet validated."""
    archive, encrypted = unwrap(Path(source), work, passphrase)
    manifest, state = extract(archive, work)
    archive.unlink()
    manifest.encrypted = encrypted
    return manifest, state


def read_manifest(source: Path, passphrase: str | None = None) -> dict[str, Any]:
    """The manifest of a package, as plain data (for showing before an import)."""
    with private_folder() as work:
        manifest, _ = open_package(source, work, passphrase)
    return asdict(manifest)
