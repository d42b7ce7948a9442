"""Merging a validated package state (attached as "pkg") into the local database ("main").

Per field group, the later stamp wins: (hlc, site id) compared as text, so every laptop picks
the same winner whatever the order of imports. The loser of a concurrent edit goes to the
conflict log; "concurrent" means the winner was not written over the loser: the stamp a write
replaced is kept beside it (the PARENT_SUFFIX stamp), and a loser that is the winner's parent,
or that comes from the winner's own site, was seen and deliberately replaced. An edit stamped
after the row's delete, from another site, was made without knowing of the delete: it is logged
as a "delete" conflict (the row keeps its data, restore is offered). created_at merges as the
earliest and updated_at as the latest, so they converge too without being stamped.

Rows new to this database are copied in bulk with SQL; only rows whose stamps differ go through
Python, a chunk at a time, so memory is bounded by a chunk, not by the package.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table

from assessor.store.models import SYNCED_MODELS, SyncConflict, table_of
from assessor.store.stamping import (
    CLOCK_KEY,
    DELETED_GROUP,
    PARENT_SUFFIX,
    SITE_KEY,
    groups_of,
)
from assessor.sync import conflicts
from assessor.sync.conflicts import StampKey
from assessor.sync.errors import PackageRefused

CHUNK = 500


@dataclass
class MergeSummary:
    added: int = 0
    changed: int = 0
    deleted: int = 0
    conflicts: int = 0
    held_back: int = 0
    writes: int = 0
    tables: dict[str, dict[str, int]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "added": self.added, "changed": self.changed, "deleted": self.deleted,
            "conflicts": self.conflicts, "held_back": self.held_back, "tables": self.tables,
        }


def q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@dataclass
class _Context:
    con: sqlite3.Connection
    limit: str
    now: str
    summary: MergeSummary
    held: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


def _count(ctx: _Context, table: str, key: str, n: int = 1) -> None:
    setattr(ctx.summary, key, getattr(ctx.summary, key) + n)
    per = ctx.summary.tables.setdefault(table, {})
    per[key] = per.get(key, 0) + n


def _write(ctx: _Context, sql: str, params: Any = ()) -> int:
    n = ctx.con.execute(sql, params).rowcount
    ctx.summary.writes += max(n, 0)
    return n


def merge_attached(con: sqlite3.Connection, *, limit: str, now: str) -> MergeSummary:
    """Merge pkg into main inside the caller's transaction; returns what changed."""
    meta = dict(con.execute("SELECT key, value FROM main.local_meta").fetchall())
    site, clock = str(meta[SITE_KEY]), str(meta[CLOCK_KEY])
    cloned = con.execute(
        "SELECT count(*) FROM pkg.sync_stamp WHERE site_id = ? AND hlc > ?", (site, clock)
    ).fetchone()[0]
    if cloned:
        raise PackageRefused(
            "the package holds changes made under this database's own identity that this "
            "database never made: it comes from a copy of this file. Open the copy in Assessor "
            "once (it then gets its own identity) and export again"
        )
    ctx = _Context(con, limit, now, MergeSummary())
    con.execute("CREATE TEMP TABLE IF NOT EXISTS held (table_name TEXT, id TEXT, "
                "PRIMARY KEY (table_name, id))")
    con.execute("CREATE TEMP TABLE IF NOT EXISTS new_ids (id TEXT PRIMARY KEY)")
    con.execute("DELETE FROM temp.held")
    before = con.execute("SELECT count(*) FROM main.sync_conflict").fetchone()[0]
    for model in SYNCED_MODELS:
        _merge_table(ctx, table_of(model))
    after = con.execute("SELECT count(*) FROM main.sync_conflict").fetchone()[0]
    ctx.summary.conflicts = after - before
    seen = con.execute(
        "SELECT max(hlc) FROM pkg.sync_stamp WHERE hlc <= ?", (limit,)
    ).fetchone()[0]
    if seen is not None and seen > clock:
        _write(ctx, "UPDATE main.local_meta SET value = ? WHERE key = ?", (seen, CLOCK_KEY))
    return ctx.summary


def _log(ctx: _Context, **kwargs: Any) -> None:
    if conflicts.record(ctx.con, now=ctx.now, **kwargs):
        ctx.summary.writes += 1


def _fk_columns(table: Table) -> dict[str, str]:
    return {
        col.name: next(iter(col.foreign_keys)).column.table.name
        for col in table.columns
        if col.foreign_keys
    }


def _merge_table(ctx: _Context, table: Table) -> None:
    con, name = ctx.con, table.name
    t = q(name)
    cols = [c.name for c in table.columns]
    col_list = ", ".join(q(c) for c in cols)
    fks = _fk_columns(table)
    held_parent = " OR ".join(
        f"EXISTS (SELECT 1 FROM temp.held h WHERE h.table_name = '{target}' AND h.id = p.{q(c)})"
        for c, target in fks.items()
    )
    # rows new here that carry a stamp from too far ahead, or hang from such a row, wait
    held_rows = con.execute(
        f"INSERT OR IGNORE INTO temp.held (table_name, id) SELECT ?, p.id FROM pkg.{t} p "
        f"WHERE NOT EXISTS (SELECT 1 FROM main.{t} l WHERE l.id = p.id) AND ("
        f"EXISTS (SELECT 1 FROM pkg.sync_stamp s WHERE s.table_name = ? AND s.row_id = p.id "
        f"AND s.hlc > ?)" + (f" OR {held_parent}" if held_parent else "") + ")",
        (name, name, ctx.limit),
    ).rowcount
    if held_rows:
        _count(ctx, name, "held_back", held_rows)
        ctx.held[name].update(
            r[0] for r in con.execute("SELECT id FROM temp.held WHERE table_name = ?", (name,))
        )
    # new rows: copied in bulk with their stamps
    con.execute("DELETE FROM temp.new_ids")
    con.execute(
        f"INSERT INTO temp.new_ids (id) SELECT p.id FROM pkg.{t} p WHERE NOT EXISTS "
        f"(SELECT 1 FROM main.{t} l WHERE l.id = p.id) AND NOT EXISTS "
        f"(SELECT 1 FROM temp.held h WHERE h.table_name = ? AND h.id = p.id)",
        (name,),
    )
    added = _write(
        ctx,
        f"INSERT INTO main.{t} ({col_list}) SELECT {col_list} FROM pkg.{t} "
        f"WHERE id IN (SELECT id FROM temp.new_ids)",
    )
    if added:
        _write(
            ctx,
            "INSERT OR REPLACE INTO main.sync_stamp (table_name, row_id, field_group, hlc, "
            "site_id) SELECT table_name, row_id, field_group, hlc, site_id FROM pkg.sync_stamp "
            "WHERE table_name = ? AND row_id IN (SELECT id FROM temp.new_ids)",
            (name,),
        )
        live = con.execute(
            f"SELECT count(*) FROM main.{t} WHERE id IN (SELECT id FROM temp.new_ids) "
            "AND deleted_at IS NULL"
        ).fetchone()[0]
        if live:
            _count(ctx, name, "added", live)
        if name == SyncConflict.__tablename__:
            _recheck_received(ctx)
        else:
            gone = [
                r[0] for r in con.execute(
                    f"SELECT id FROM main.{t} WHERE id IN (SELECT id FROM temp.new_ids) "
                    "AND deleted_at IS NOT NULL"
                )
            ]
            for start in range(0, len(gone), CHUNK):
                _delete_conflicts(ctx, table, gone[start:start + CHUNK])
    # rows both sides have, whose stamps differ
    diffs: dict[str, list[tuple[str, StampKey, StampKey]]] = defaultdict(list)
    for row_id, group, ph, ps, lh, ls in con.execute(
        "SELECT p.row_id, p.field_group, p.hlc, p.site_id, l.hlc, l.site_id "
        "FROM pkg.sync_stamp p JOIN main.sync_stamp l ON l.table_name = p.table_name "
        "AND l.row_id = p.row_id AND l.field_group = p.field_group "
        "WHERE p.table_name = ? AND substr(p.field_group, -1) != ? "
        "AND (l.hlc != p.hlc OR l.site_id != p.site_id)",
        (name, PARENT_SUFFIX),
    ):
        diffs[row_id].append((group, (ph, ps), (lh, ls)))
    ids = sorted(diffs)
    for start in range(0, len(ids), CHUNK):
        _merge_rows(ctx, table, cols, fks, {i: diffs[i] for i in ids[start:start + CHUNK]})
    # bookkeeping that converges without stamps
    # (not from a row with held-back stamps: it waits whole, bookkeeping included)
    on_time = (
        "NOT EXISTS (SELECT 1 FROM pkg.sync_stamp s WHERE s.table_name = ? "
        "AND s.row_id = p.id AND s.hlc > ?)"
    )
    _write(
        ctx,
        f"UPDATE main.{t} AS l SET created_at = p.created_at FROM pkg.{t} AS p "
        f"WHERE p.id = l.id AND p.created_at < l.created_at AND {on_time}",
        (name, ctx.limit),
    )
    _write(
        ctx,
        f"UPDATE main.{t} AS l SET updated_at = p.updated_at FROM pkg.{t} AS p "
        f"WHERE p.id = l.id AND p.updated_at > l.updated_at AND {on_time}",
        (name, ctx.limit),
    )
    if name == SyncConflict.__tablename__:
        _write(
            ctx,
            "UPDATE main.sync_conflict AS l SET winner_hlc = p.winner_hlc, "
            "winner_site = p.winner_site FROM pkg.sync_conflict AS p WHERE p.id = l.id "
            "AND (p.winner_hlc, p.winner_site) > (l.winner_hlc, l.winner_site)",
        )


def _fetch(con: sqlite3.Connection, schema: str, table: str, cols: list[str],
           ids: list[str]) -> dict[str, dict[str, Any]]:
    marks = ", ".join("?" * len(ids))
    rows = con.execute(
        f"SELECT {', '.join(q(c) for c in cols)} FROM {schema}.{q(table)} WHERE id IN ({marks})",
        ids,
    )
    out: dict[str, dict[str, Any]] = {}
    for r in rows:
        row = dict(zip(cols, r, strict=True))
        out[row["id"]] = row
    return out


def _stamps(con: sqlite3.Connection, schema: str, table: str,
            ids: list[str]) -> dict[str, dict[str, StampKey]]:
    marks = ", ".join("?" * len(ids))
    out: dict[str, dict[str, StampKey]] = defaultdict(dict)
    for row_id, group, h, s in con.execute(
        f"SELECT row_id, field_group, hlc, site_id FROM {schema}.sync_stamp "
        f"WHERE table_name = ? AND row_id IN ({marks})",
        [table, *ids],
    ):
        out[row_id][group] = (h, s)
    return out


def differ(group: str, a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether two values of a group disagree in substance: for the delete group only
    deleted or not counts (two laptops deleting a row agree, whenever each did it)."""
    if group == DELETED_GROUP:
        return (a.get("deleted_at") is None) != (b.get("deleted_at") is None)
    return a != b


def _concurrent(con: sqlite3.Connection, where: tuple[str, str, str], winner: StampKey,
                winner_parent: StampKey | None, loser: StampKey) -> bool:
    """Whether no write known here (the winner, or one in the log) was made knowing of loser."""
    if conflicts.dominator(loser, [(winner, winner_parent)]) is not None:
        return False
    return conflicts.dominator(loser, conflicts.logged_writes(con, *where)) is None


def _merge_rows(ctx: _Context, table: Table, cols: list[str], fks: dict[str, str],
                diffs: dict[str, list[tuple[str, StampKey, StampKey]]]) -> None:
    con, name = ctx.con, table.name
    ids = list(diffs)
    incoming = _fetch(con, "pkg", name, cols, ids)
    local = _fetch(con, "main", name, cols, ids)
    pkg_stamps = _stamps(con, "pkg", name, ids)
    main_stamps = _stamps(con, "main", name, ids)
    groups = groups_of(name)
    log_conflicts = name != SyncConflict.__tablename__
    touched: list[str] = []
    for row_id, row_diffs in diffs.items():
        inc, loc = incoming[row_id], local[row_id]
        updates: dict[str, Any] = {}
        stamp_rows: list[tuple[str, str, str, str, str]] = []
        drop_marks: list[tuple[str, str, str]] = []
        changed_groups: set[str] = set()
        for group, inc_stamp, loc_stamp in row_diffs:
            group_cols = groups[group]
            inc_value = {c: inc[c] for c in group_cols}
            loc_value = {c: loc[c] for c in group_cols}
            mark = group + PARENT_SUFFIX
            if inc_stamp > loc_stamp:
                if inc_stamp[0] > ctx.limit or any(
                    c in fks and inc[c] is not None and inc[c] in ctx.held[fks[c]]
                    for c in group_cols
                ):
                    _count(ctx, name, "held_back")
                    continue
                if log_conflicts and differ(group, loc_value, inc_value) and _concurrent(
                    con, (name, row_id, group), inc_stamp, pkg_stamps[row_id].get(mark),
                    loc_stamp,
                ):
                    _log(
                        ctx, kind=conflicts.EDIT, table=name, row_id=row_id,
                        group=group, winner=inc_stamp, loser=loc_stamp, loser_value=loc_value,
                        loser_parent=main_stamps[row_id].get(mark),
                    )
                updates.update(inc_value)
                if loc_value != inc_value:
                    changed_groups.add(group)
                stamp_rows.append((name, row_id, group, *inc_stamp))
                parent = pkg_stamps[row_id].get(mark)
                if parent is not None:
                    stamp_rows.append((name, row_id, mark, *parent))
                elif mark in main_stamps[row_id]:
                    drop_marks.append((name, row_id, mark))
            elif log_conflicts and differ(group, loc_value, inc_value) and _concurrent(
                con, (name, row_id, group), loc_stamp, main_stamps[row_id].get(mark), inc_stamp
            ):
                _log(
                    ctx, kind=conflicts.EDIT, table=name, row_id=row_id,
                    group=group, winner=loc_stamp, loser=inc_stamp, loser_value=inc_value,
                    loser_parent=pkg_stamps[row_id].get(mark),
                )
            if log_conflicts:
                ctx.summary.writes += conflicts.retract_superseded(
                    con, name, row_id, group,
                    [(inc_stamp, pkg_stamps[row_id].get(mark)),
                     (loc_stamp, main_stamps[row_id].get(mark))],
                )
        if stamp_rows:
            con.executemany(
                "INSERT OR REPLACE INTO main.sync_stamp (table_name, row_id, field_group, hlc, "
                "site_id) VALUES (?, ?, ?, ?, ?)",
                stamp_rows,
            )
            ctx.summary.writes += len(stamp_rows)
        if drop_marks:
            con.executemany(
                "DELETE FROM main.sync_stamp WHERE table_name = ? AND row_id = ? "
                "AND field_group = ?",
                drop_marks,
            )
        if updates:
            sets = ", ".join(f"{q(c)} = ?" for c in updates)
            _write(ctx, f"UPDATE main.{q(name)} SET {sets} WHERE id = ?",
                   [*updates.values(), row_id])
            touched.append(row_id)
        if DELETED_GROUP in changed_groups:
            if loc["deleted_at"] is None and updates.get("deleted_at") is not None:
                _count(ctx, name, "deleted")
            changed_groups.discard(DELETED_GROUP)
        if changed_groups:
            _count(ctx, name, "changed")
    if log_conflicts and touched:
        _delete_conflicts(ctx, table, touched)


def _recheck_received(ctx: _Context) -> None:
    """A conflict received from elsewhere may be known here to be superseded already."""
    con = ctx.con
    received = con.execute(
        "SELECT c.table_name, c.row_id, c.field_group FROM main.sync_conflict c "
        "WHERE c.id IN (SELECT id FROM temp.new_ids) AND c.deleted_at IS NULL AND c.kind = ?",
        (conflicts.EDIT,),
    ).fetchall()
    for table, row_id, group in set(received):
        stamps = dict(
            (g, (h, s)) for g, h, s in con.execute(
                "SELECT field_group, hlc, site_id FROM main.sync_stamp WHERE table_name = ? "
                "AND row_id = ? AND field_group IN (?, ?)",
                (table, row_id, group, group + PARENT_SUFFIX),
            )
        )
        if group in stamps:
            ctx.summary.writes += conflicts.retract_superseded(
                con, table, row_id, group, [(stamps[group], stamps.get(group + PARENT_SUFFIX))]
            )


def _delete_conflicts(ctx: _Context, table: Table, ids: list[str]) -> None:
    """Log edits stamped after the row's delete by another site: made without knowing of it."""
    con, name = ctx.con, table.name
    groups = groups_of(name)
    rows = _fetch(con, "main", name, [c.name for c in table.columns], ids)
    stamps = _stamps(con, "main", name, ids)
    for row_id, row in rows.items():
        if row["deleted_at"] is None:
            continue
        gone = stamps[row_id].get(DELETED_GROUP)
        if gone is None:
            continue
        for group, cols in groups.items():
            stamp = stamps[row_id].get(group)
            if group == DELETED_GROUP or stamp is None:
                continue
            if stamp[1] != gone[1] and stamp[0] > gone[0]:
                _log(
                    ctx, kind=conflicts.DELETE, table=name, row_id=row_id,
                    group=group, winner=gone, loser=stamp,
                    loser_value={c: row[c] for c in cols},
                    loser_parent=stamps[row_id].get(group + PARENT_SUFFIX),
                )
