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

import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
import uuid
import zipfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.schema import CreateTable

from assessor.store import clocks, legacy_stamps, schema
from assessor.store.models import (
    SYNCED_MODELS,
    Attachment,
    FileContent,
    SiteAdvisor,
    StoredMappingSet,
    SyncRow,
    SyncSite,
    table_of,
)
from assessor.store.stamping import CLOCK_KEY, SITE_KEY, groups_of, read_seen
from assessor.sync.age import AGE_ARMOR as AGE_ARMOR
from assessor.sync.age import AGE_MAGIC as AGE_MAGIC
from assessor.sync.age import encrypt_file
from assessor.sync.errors import PackageRefused

FORMAT = "assessor-sync"
FORMAT_VERSION = 2  # 2: row clocks, version vectors, deltas
MANIFEST = "manifest.json"
STATE = "state.sqlite"
ZIP_MAGIC = b"PK\x03\x04"
SQLITE_HEADER = b"SQLite format 3\x00"
MAX_PACKAGE_BYTES = 1 << 30
MAX_STATE_BYTES = 4 << 30
MAX_MANIFEST_BYTES = 64 << 10
MIN_PACKAGE_BYTES = 22  # the smallest zip file
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

    def groups_then(table: str) -> dict[str, tuple[str, ...]]:
        # the groups as schema 0003 had them: later columns are given their bits afterwards
        present = set(columns_of(table))
        return {g: cols for g, cols in groups_of(table).items() if set(cols) <= present}

    legacy_stamps.convert(con, groups_then, columns_of, [m.__tablename__ for m in SYNCED_MODELS])
    con.execute("DROP TABLE sync_stamp")


def _add_attachment_tables(con: sqlite3.Connection) -> None:
    """0003 -> 0004: the new synced tables file_content and attachment start empty."""
    dialect = sqlite_dialect.dialect()
    for table in (table_of(FileContent), table_of(Attachment)):
        con.execute(str(CreateTable(table).compile(dialect=dialect)).strip())


def _add_profile_and_delivered_scores(con: sqlite3.Connection) -> None:
    """0004 -> 0005: two columns at the end of two tables; each row's first write gets the
    new group, as the database migration does (store/migrations 0005)."""
    con.execute("ALTER TABLE assessment ADD COLUMN profile TEXT NOT NULL DEFAULT ''")
    con.execute("ALTER TABLE report_record ADD COLUMN scores TEXT NOT NULL DEFAULT ''")
    sites = {int(no): str(site) for no, site in con.execute("SELECT no, site_id FROM sync_site")}
    for table, bit in schema.ADDED_GROUPS["0005"].items():
        rows = con.execute(
            "SELECT row_id, clock FROM sync_row WHERE table_name = ?", (table,)
        ).fetchall()
        con.executemany(
            "UPDATE sync_row SET clock = ? WHERE table_name = ? AND row_id = ?",
            [
                (clocks.with_new_group(text, bit, sites.__getitem__), table, row_id)
                for row_id, text in rows
            ],
        )


def _add_mapping_sets(con: sqlite3.Connection) -> None:
    """0005 -> 0006: the new synced table mapping_set starts empty."""
    dialect = sqlite_dialect.dialect()
    con.execute(str(CreateTable(table_of(StoredMappingSet)).compile(dialect=dialect)).strip())


UPGRADES: dict[str, Any] = {
    "0001": None,
    "0002": _clocks_from_stamps,
    "0003": _add_attachment_tables,
    "0004": _add_profile_and_delivered_scores,
    "0005": _add_mapping_sets,
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


def write_state(
    db_path: Path,
    state_path: Path,
    base: dict[str, int] | None = None,
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
            con.execute(
                "CREATE TEMP TABLE delta_rows (table_name TEXT, row_id TEXT, "
                "PRIMARY KEY (table_name, row_id))"
            )
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
                where = (
                    " WHERE id IN (SELECT row_id FROM temp.delta_rows "
                    f"WHERE table_name = '{table.name}')"
                )
            elif base is not None and table.name == "sync_row":
                where = (
                    " WHERE (table_name, row_id) IN "
                    "(SELECT table_name, row_id FROM temp.delta_rows)"
                )
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


def export_package(
    db_path: Path,
    out: Path,
    passphrase: str | None = None,
    base: dict[str, int] | None = None,
    *,
    with_contents: bool = True,
) -> Manifest:
    """Write the synced state of the database to `out`, atomically (temp file + rename): all
    of it, or with `base` the delta a peer that has seen `base` lacks.

    Without contents, the file contents (file_content) stay out and the manifest says so:
    the receiver learns what this database has seen (for the deltas it writes for it) but
    does not count itself as holding all of it, so later deltas for it still carry the
    contents.
    """
    out = Path(out)
    if out.exists() and out.is_dir():
        raise PackageRefused(
            f"{out} is a folder; give a file name for the package",
            code="output.is_folder",
            path=out,
            what="package",
        )
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
                "contents, or send a package with only the changes (for one colleague)",
                code="syncfile.too_large",
                size=size >> 20,
                limit=MAX_PACKAGE_BYTES >> 20,
            )
        if passphrase is not None:
            sealed = work / "package.age"
            encrypt_file(archive, sealed, passphrase)
            archive = sealed
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


@contextlib.contextmanager
def private_folder() -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix="assessor-sync-"))  # mode 0700
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)
