"""Change stamping for sync (the design is in docs/sync.md).

Every insert or update of a synced row, made through an ORM session of a Database, stamps each
changed field group with the next hybrid-logical-clock value and this database's site id, in
the same transaction as the change (an after_flush hook writes sync_stamp rows). When a site
overwrites a value another site wrote, the stamp of the replaced value is kept beside the new
stamp under the group name plus PARENT_SUFFIX; the merge uses it to tell "edited after seeing
it" from "edited at the same time", so only real conflicts reach the conflict log.

The site id lives in local_meta with a fingerprint of the file (host, path, inode): a database
file copied or restored elsewhere no longer matches and gets a new site id at its first open,
so two files never write under the same id.
"""

from __future__ import annotations

import hashlib
import socket
import sqlite3
import uuid
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, event, inspect
from sqlalchemy.orm import Session

from assessor.domain import hlc
from assessor.domain.errors import DatabaseError
from assessor.store.models import SYNCED_MODELS, SyncConflict, Synced, table_of

if TYPE_CHECKING:
    from assessor.store.db import Database

SITE_KEY = "sync.site_id"
FILE_KEY = "sync.file"
CLOCK_KEY = "sync.clock"
PARENT_SUFFIX = "^"
DELETED_GROUP = "deleted"
# bookkeeping columns: not stamped; the merge keeps the earliest created_at and latest updated_at
UNSTAMPED = frozenset({"id", "created_at", "updated_at"})
# a conflict's content follows from its id; only these can change after it is logged
CONFLICT_GROUPS = frozenset({"resolved", DELETED_GROUP})

UPSERT_STAMP = (
    "INSERT INTO sync_stamp (table_name, row_id, field_group, hlc, site_id) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (table_name, row_id, field_group) DO UPDATE SET "
    "hlc = excluded.hlc, site_id = excluded.site_id"
)
DELETE_STAMP = "DELETE FROM sync_stamp WHERE table_name = ? AND row_id = ? AND field_group = ?"


@cache
def groups_of(table_name: str) -> dict[str, tuple[str, ...]]:
    """Field group name -> its columns, for a synced table."""
    model = MODELS_BY_TABLE[table_name]
    groups: dict[str, list[str]] = {}
    for column in table_of(model).columns:
        if column.name in UNSTAMPED:
            continue
        name = column.info.get("group", column.name)
        if column.name == "deleted_at":
            name = DELETED_GROUP
        if model is SyncConflict and name not in CONFLICT_GROUPS:
            continue
        groups.setdefault(name, []).append(column.name)
    return {name: tuple(cols) for name, cols in groups.items()}


MODELS_BY_TABLE: dict[str, type[Synced]] = {m.__tablename__: m for m in SYNCED_MODELS}


# --- site identity and clock ---------------------------------------------------------------


def file_fingerprint(path: Path) -> str:
    resolved = path.resolve()
    inode = resolved.stat().st_ino
    raw = f"{socket.gethostname()}\x1f{resolved}\x1f{inode}"
    return hashlib.sha256(raw.encode()).hexdigest()


def ensure_site(path: Path) -> str:
    """This file's site id, made anew when the file is new or is a copy of another file."""
    fingerprint = file_fingerprint(path)
    con = sqlite3.connect(path, isolation_level=None)
    try:
        meta = dict(
            con.execute(
                "SELECT key, value FROM local_meta WHERE key IN (?, ?, ?)",
                (SITE_KEY, FILE_KEY, CLOCK_KEY),
            ).fetchall()
        )
        if meta.get(SITE_KEY) and meta.get(FILE_KEY) == fingerprint:
            return str(meta[SITE_KEY])
        site = str(uuid.uuid4())
        con.execute("BEGIN IMMEDIATE")
        con.executemany(
            "INSERT OR REPLACE INTO local_meta (key, value) VALUES (?, ?)",
            [(SITE_KEY, site), (FILE_KEY, fingerprint), (CLOCK_KEY, meta.get(CLOCK_KEY, hlc.ZERO))],
        )
        con.execute("COMMIT")
        return site
    finally:
        con.close()


def read_site_and_clock(conn: Connection) -> tuple[str, hlc.Hlc]:
    meta: dict[str, str] = dict(
        conn.exec_driver_sql(
            "SELECT key, value FROM local_meta WHERE key IN (?, ?)", (SITE_KEY, CLOCK_KEY)
        ).all()
    )
    if SITE_KEY not in meta:
        raise DatabaseError("this database has no site id; open it with Assessor first")
    return str(meta[SITE_KEY]), hlc.Hlc.parse(str(meta.get(CLOCK_KEY, hlc.ZERO)))


# --- the session hooks ---------------------------------------------------------------------


def _changed_groups(obj: Synced) -> set[str]:
    state = inspect(obj)
    groups = groups_of(obj.__tablename__)
    column_group = {col: name for name, cols in groups.items() for col in cols}
    changed: set[str] = set()
    for attr in state.mapper.column_attrs:
        name = attr.columns[0].name
        group = column_group.get(name)
        if group is None or group in changed:
            continue
        if state.attrs[attr.key].history.has_changes():
            changed.add(group)
    return changed


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    for obj in session.deleted:
        if isinstance(obj, Synced):
            raise DatabaseError(
                f"a {obj.__tablename__} row cannot be removed outright (sync would bring it "
                "back); set deleted_at instead"
            )


def _after_flush(session: Session, _context: Any) -> None:
    work: list[tuple[str, str, Iterable[str], bool]] = []
    for obj in session.new:
        if isinstance(obj, Synced):
            work.append((obj.__tablename__, obj.id, groups_of(obj.__tablename__), True))
    for obj in session.dirty:
        if isinstance(obj, Synced) and obj not in session.new:
            changed = _changed_groups(obj)
            if changed:
                work.append((obj.__tablename__, obj.id, changed, False))
    if work:
        stamp_changes(session.connection(), work)


def stamp_changes(conn: Connection, work: list[tuple[str, str, Iterable[str], bool]]) -> None:
    """Stamp the given (table, row id, groups, row is new) with one fresh clock value."""
    site, last = read_site_and_clock(conn)
    now = str(hlc.tick(last))
    upserts: list[tuple[str, str, str, str, str]] = []
    deletes: list[tuple[str, str, str]] = []
    for table, row_id, groups, is_new in work:
        current: dict[str, tuple[str, str]] = {}
        if not is_new:
            current = {
                g: (h, s)
                for g, h, s in conn.exec_driver_sql(
                    "SELECT field_group, hlc, site_id FROM sync_stamp "
                    "WHERE table_name = ? AND row_id = ?",
                    (table, row_id),
                ).all()
            }
        for group in groups:
            upserts.append((table, row_id, group, now, site))
            mine = current.get(group)
            if mine is None:
                parent = None
            elif mine[1] == site:
                parent = current.get(group + PARENT_SUFFIX)
            else:
                parent = mine
            if parent is None:
                if group + PARENT_SUFFIX in current:
                    deletes.append((table, row_id, group + PARENT_SUFFIX))
            else:
                upserts.append((table, row_id, group + PARENT_SUFFIX, parent[0], parent[1]))
    conn.exec_driver_sql(UPSERT_STAMP, upserts)
    if deletes:
        conn.exec_driver_sql(DELETE_STAMP, deletes)
    conn.exec_driver_sql(
        "UPDATE local_meta SET value = ? WHERE key = ?", (now, CLOCK_KEY)
    )


def install(db: Database) -> None:
    """Give the file its site id and attach the hooks that stamp every change."""
    ensure_site(db.path)
    event.listen(db.sessions, "before_flush", _before_flush)
    event.listen(db.sessions, "after_flush", _after_flush)


def backfill(conn: Connection) -> int:
    """Stamp rows written around the session (plain SQL) so that sync still carries them.

    Returns how many stamps were added. Run before an export; normally it finds nothing.
    """
    work: list[tuple[str, str, Iterable[str], bool]] = []
    for model in SYNCED_MODELS:
        name = model.__tablename__
        groups = groups_of(name)
        rows = conn.exec_driver_sql(
            f'SELECT t.id FROM "{name}" t WHERE (SELECT count(*) FROM sync_stamp s '
            f"WHERE s.table_name = ? AND s.row_id = t.id AND substr(s.field_group, -1) != ?) < ?",
            (name, PARENT_SUFFIX, len(groups)),
        ).all()
        for (row_id,) in rows:
            have = {
                g for (g,) in conn.exec_driver_sql(
                    "SELECT field_group FROM sync_stamp WHERE table_name = ? AND row_id = ?",
                    (name, row_id),
                ).all()
            }
            work.append((name, row_id, [g for g in groups if g not in have], True))
    if work:
        stamp_changes(conn, work)
    return sum(len(list(w[2])) for w in work)
