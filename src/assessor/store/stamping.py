"""Change stamping for sync (the design is in docs/sync.md).

Every insert or update of a synced row, made through an ORM session of a Database, is a write
in the row's clock (domain/rowclock.py): the changed field groups get one new version stamped
with the next hybrid-logical-clock value and this database's site, whose context is all the
row's clock held, in the same transaction as the change (session hooks update sync_row). A
write that ends a conflict (it was made holding both values) keeps what it ended on record in
sync_conflict, so no value is lost without a trace.

The site id lives in local_meta with a fingerprint of the file (host, path, inode): a database
file copied or restored elsewhere no longer matches and gets a new site id at its first open,
so two files never write under the same id.
"""

from __future__ import annotations

import hashlib
import json
import socket
import sqlite3
import uuid
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, event, inspect
from sqlalchemy.orm import Session, sessionmaker

from assessor.domain import hlc, rowclock
from assessor.domain.errors import DatabaseError
from assessor.store import clocks
from assessor.store.models import SYNCED_MODELS, SyncConflict, Synced, derived_id, table_of

SITE_KEY = "sync.site_id"
FILE_KEY = "sync.file"
CLOCK_KEY = "sync.clock"
# what this database has seen of every other site (JSON: site id -> latest hlc as a number);
# its own site's entry is its clock
SEEN_KEY = "sync.seen"
# what a peer had seen when it wrote the latest of its packages imported here
PEER_PREFIX = "sync.peer:"
DELETED_GROUP = "deleted"
# bookkeeping columns: not stamped; the merge keeps the earliest created_at and latest updated_at
UNSTAMPED = frozenset({"id", "created_at", "updated_at"})
# a settled conflict's record is written once; its content follows from its id
CONFLICT_GROUPS = frozenset({"resolved", DELETED_GROUP})

UPSERT_ROW = (
    "INSERT OR REPLACE INTO sync_row (table_name, row_id, clock, top, conflicted) "
    "VALUES (?, ?, ?, ?, ?)"
)
BEFORE_KEY = "assessor.sync.before"


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
        if meta.get(SITE_KEY):
            # a copy holds everything its original had written: a peer may count on that
            found = con.execute(
                "SELECT value FROM local_meta WHERE key = ?", (SEEN_KEY,)
            ).fetchone()
            seen = json.loads(found[0]) if found else {}
            seen[str(meta[SITE_KEY])] = clocks.hlc_int(str(meta.get(CLOCK_KEY, hlc.ZERO)))
            con.execute(
                "INSERT OR REPLACE INTO local_meta (key, value) VALUES (?, ?)",
                (SEEN_KEY, clocks.dumps(seen)),
            )
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
        raise DatabaseError(
            "this database has no site id; open it with Assessor first", code="db.no_site_id"
        )
    return str(meta[SITE_KEY]), hlc.Hlc.parse(str(meta.get(CLOCK_KEY, hlc.ZERO)))


def read_seen(execute: Any) -> dict[str, int]:
    """This database's version vector: per site, the latest write of it this database holds
    (everything before it too)."""
    meta = dict(
        execute(
            "SELECT key, value FROM local_meta WHERE key IN (?, ?, ?)",
            (SITE_KEY, CLOCK_KEY, SEEN_KEY),
        ).fetchall()
    )
    seen: dict[str, int] = json.loads(meta[SEEN_KEY]) if SEEN_KEY in meta else {}
    if SITE_KEY in meta:
        seen[str(meta[SITE_KEY])] = clocks.hlc_int(str(meta.get(CLOCK_KEY, hlc.ZERO)))
    return seen


# --- site numbers ----------------------------------------------------------------------------


class SiteNumbers:
    """sync_site as two dictionaries; a site seen for the first time gets the next number."""

    def __init__(self, execute: Any) -> None:
        self._execute = execute
        rows = execute("SELECT no, site_id FROM sync_site").fetchall()
        self.site: dict[int, str] = {int(n): str(s) for n, s in rows}
        self.number: dict[str, int] = {s: n for n, s in self.site.items()}

    def site_of(self, no: int) -> str:
        return self.site[no]

    def no(self, site: str) -> int:
        found = self.number.get(site)
        if found is None:
            found = max(self.site, default=0) + 1
            self._execute("INSERT INTO sync_site (no, site_id) VALUES (?, ?)", (found, site))
            self.site[found], self.number[site] = site, found
        return found


def _execute_on(conn: Connection) -> Any:
    return lambda sql, params=(): conn.exec_driver_sql(sql, params)


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


def raw_row(conn: Connection, table: str, row_id: str) -> dict[str, Any] | None:
    cols = [c.name for c in table_of(MODELS_BY_TABLE[table]).columns]
    found = conn.exec_driver_sql(
        f'SELECT {", ".join(chr(34) + c + chr(34) for c in cols)} FROM "{table}" WHERE id = ?',
        (row_id,),
    ).first()
    return dict(zip(cols, found, strict=True)) if found is not None else None


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    dirty: dict[str, list[str]] = {}
    for obj in session.deleted:
        if isinstance(obj, Synced):
            raise DatabaseError(
                f"a {obj.__tablename__} row cannot be removed outright (sync would bring it "
                "back); set deleted_at instead",
                code="db.hard_delete",
                table=obj.__tablename__,
            )
    for obj in session.dirty:
        if isinstance(obj, Synced) and obj.id is not None:
            dirty.setdefault(obj.__tablename__, []).append(obj.id)
    if not dirty:
        return
    # a row in conflict needs its values as they were, to keep on record what a write ends
    conn = session.connection()
    before: dict[tuple[str, str], dict[str, Any]] = session.info.setdefault(BEFORE_KEY, {})
    for table, ids in dirty.items():
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            for (row_id,) in conn.exec_driver_sql(
                f"SELECT row_id FROM sync_row WHERE conflicted = 1 AND table_name = ? "
                f"AND row_id IN ({marks})",
                (table, *chunk),
            ).all():
                row = raw_row(conn, table, row_id)
                if row is not None:
                    before.setdefault((table, row_id), row)


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
    before = session.info.pop(BEFORE_KEY, {})
    if work:
        stamp_changes(session.connection(), work, before)


def stamp_changes(
    conn: Connection,
    work: Sequence[tuple[str, str, Iterable[str], bool]],
    before: dict[tuple[str, str], dict[str, Any]] | None = None,
) -> None:
    """Write the given (table, row id, groups, row is new) with one fresh clock value.

    `before` holds the rows in conflict as they were before the change (rows missing from it
    are read as they are now, which is right for a write that changes no value).
    """
    before = before or {}
    site, last = read_site_and_clock(conn)
    now = hlc.tick(last)
    now_int = clocks.hlc_int(str(now))
    sites = SiteNumbers(_execute_on(conn))
    mine = sites.no(site)
    upserts: list[tuple[str, str, str, int, int]] = []
    records: list[tuple[str, str, str, rowclock.Version, str]] = []
    for table, row_id, groups, is_new in work:
        names = groups_of(table)
        found = (
            None
            if is_new
            else conn.exec_driver_sql(
                "SELECT clock, conflicted FROM sync_row WHERE table_name = ? AND row_id = ?",
                (table, row_id),
            ).first()
        )
        if found is None:
            # new (or never stamped): one version of every group, whatever was asked
            mask = (1 << len(names)) - 1
            upserts.append((table, row_id, clocks.dumps([[now_int, mine, mask]]), now_int, 0))
            continue
        text, conflicted = found
        row = before.get((table, row_id)) if conflicted else None
        if conflicted and row is None:
            row = raw_row(conn, table, row_id)
        values = row if row is not None else _NoValues()
        state = clocks.decode(text, names, values, sites.site_of)
        after = raw_row(conn, table, row_id) if conflicted else None
        written = {
            g: ({c: after[c] for c in names[g]} if after is not None else {}) for g in groups
        }
        new_state = rowclock.write(state, written, site, now_int)
        if conflicted:
            for c in _settled(state, new_state):
                records.extend(_record(table, row_id, c, written, new_state))
        clock_text, top, now_conflicted, _ = clocks.encode(new_state, names, sites.no)
        upserts.append((table, row_id, clock_text, top, now_conflicted if conflicted else 0))
    if records:
        upserts.extend(_write_records(conn, records, str(now), now_int, mine))
    conn.exec_driver_sql(UPSERT_ROW, upserts)
    conn.exec_driver_sql("UPDATE local_meta SET value = ? WHERE key = ?", (str(now), CLOCK_KEY))


class _NoValues(dict[str, Any]):
    """Row values where none are needed (a row with no conflict: only the clock changes)."""

    def __missing__(self, key: str) -> None:
        return None


def _settled(old: rowclock.RowState, new: rowclock.RowState) -> list[rowclock.Conflict]:
    still = {(c.kind, c.group, c.other.dot) for c in rowclock.conflicts(new)}
    return [c for c in rowclock.conflicts(old) if (c.kind, c.group, c.other.dot) not in still]


def _record(
    table: str,
    row_id: str,
    c: rowclock.Conflict,
    written: dict[str, dict[str, Any]],
    new: rowclock.RowState,
) -> list[tuple[str, str, str, rowclock.Version, str]]:
    """The versions a settled conflict leaves behind: for an edit, the ones that differ from
    the value kept; for a delete, the edit made beside it."""
    if c.kind == "delete":
        return [(table, row_id, c.group, c.other, c.kind)]
    kept = new[c.group][0].value if c.group in new else written.get(c.group, {})
    return [
        (table, row_id, c.group, v, c.kind)
        for v in (c.shown, c.other)
        if rowclock.differ(c.group, v.value, kept)
    ]


def _write_records(
    conn: Connection,
    records: list[tuple[str, str, str, rowclock.Version, str]],
    now_text: str,
    now_int: int,
    mine: int,
) -> list[tuple[str, str, str, int, int]]:
    site, _ = read_site_and_clock(conn)
    stamp = clocks.hlc_text(now_int)
    mask = (1 << len(groups_of(SyncConflict.__tablename__))) - 1
    upserts: list[tuple[str, str, str, int, int]] = []
    seen: set[str] = set()
    moment = _stamp_time(now_int)
    for table, row_id, group, v, kind in records:
        cid = derived_id("sync_conflict", now_text, site, table, row_id, group, str(v.hlc), v.site)
        if cid in seen:
            continue
        seen.add(cid)
        conn.exec_driver_sql(
            "INSERT OR IGNORE INTO sync_conflict (id, created_at, updated_at, deleted_at, "
            "table_name, row_id, field_group, kind, winner_hlc, winner_site, loser_hlc, "
            "loser_site, loser_value, resolved) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, 1)",
            (
                cid,
                moment,
                moment,
                table,
                row_id,
                group,
                kind,
                stamp,
                site,
                clocks.hlc_text(v.hlc),
                v.site,
                clocks.dumps(dict(v.value)),
            ),
        )
        upserts.append(
            (SyncConflict.__tablename__, cid, clocks.dumps([[now_int, mine, mask]]), now_int, 0)
        )
    return upserts


def _stamp_time(value: int) -> str:
    from datetime import UTC, datetime

    millis = value // clocks.COUNTER_SPAN
    return (
        datetime.fromtimestamp(millis / 1000, UTC)
        .replace(tzinfo=None)
        .strftime("%Y-%m-%d %H:%M:%S.%f")
    )


def install(path: Path, sessions: sessionmaker[Session]) -> None:
    """Give the file its site id and attach the hooks that stamp every change made through
    the sessions (a Database's; this module knows nothing of Database, which calls it)."""
    ensure_site(path)
    event.listen(sessions, "before_flush", _before_flush)
    event.listen(sessions, "after_flush", _after_flush)


def write_groups(conn: Connection, table: str, row_id: str, groups: Iterable[str]) -> None:
    """A write of the given groups with the values the row holds now (settling a conflict by
    keeping the shown value changes no column, but is a write all the same)."""
    stamp_changes(conn, [(table, row_id, list(groups), False)])


def backfill(conn: Connection) -> int:
    """Stamp rows written around the session (plain SQL) so that sync still carries them.

    Returns how many rows were stamped. Run before an export; normally it finds nothing.
    """
    work: list[tuple[str, str, Iterable[str], bool]] = []
    for model in SYNCED_MODELS:
        name = model.__tablename__
        rows = conn.exec_driver_sql(
            f'SELECT t.id FROM "{name}" t WHERE NOT EXISTS (SELECT 1 FROM sync_row s '
            "WHERE s.table_name = ? AND s.row_id = t.id)",
            (name,),
        ).all()
        work.extend((name, row_id, groups_of(name), True) for (row_id,) in rows)
    if work:
        stamp_changes(conn, work)
    return len(work)
