"""Merging a validated package state (attached as "pkg") into the local database ("main").

Each row's state is its clock (domain/rowclock.py): merging is the union of both sides'
versions with the superseded ones dropped, and the row's columns are the shown versions'
values. The package's clocks were already written in this database's site numbers
(sync/clockcheck.py), so a row whose clock text is the same on both sides is the same state
and is skipped in SQL; rows new here are copied with one INSERT ... SELECT per table; only
rows whose clocks differ are read into Python, a chunk at a time, so memory is bounded by a
chunk, not by the package. created_at merges as the earliest value and updated_at as the
latest, so they converge too without a clock.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table

from assessor.domain import rowclock
from assessor.store import clocks
from assessor.store.models import SYNCED_MODELS, table_of
from assessor.store.stamping import CLOCK_KEY, SITE_KEY, groups_of
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
            "added": self.added,
            "changed": self.changed,
            "deleted": self.deleted,
            "conflicts": self.conflicts,
            "held_back": self.held_back,
            "tables": self.tables,
        }


def q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@dataclass
class _Context:
    con: sqlite3.Connection
    limit: int
    summary: MergeSummary
    sites: dict[int, str]
    held: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


def _count(ctx: _Context, table: str, key: str, n: int = 1) -> None:
    setattr(ctx.summary, key, getattr(ctx.summary, key) + n)
    per = ctx.summary.tables.setdefault(table, {})
    per[key] = per.get(key, 0) + n


def _write(ctx: _Context, sql: str, params: Any = ()) -> int:
    n = ctx.con.execute(sql, params).rowcount
    ctx.summary.writes += max(n, 0)
    return n


def merge_attached(con: sqlite3.Connection, *, limit: int) -> MergeSummary:
    """Merge pkg into main inside the caller's transaction; returns what changed."""
    meta = dict(con.execute("SELECT key, value FROM main.local_meta").fetchall())
    site, clock = str(meta[SITE_KEY]), clocks.hlc_int(str(meta[CLOCK_KEY]))
    sites = _join_sites(con)
    mine = next((n for n, s in sites.items() if s == site), None)
    if mine is not None:
        cloned = con.execute(
            "SELECT count(*) FROM pkg.sync_row r, json_each(r.clock) e "
            "WHERE json_extract(e.value, '$[1]') = ? AND json_extract(e.value, '$[0]') > ?",
            (mine, clock),
        ).fetchone()[0]
        if cloned:
            raise PackageRefused(
                "the package holds changes made under this database's own identity that this "
                "database never made: it comes from a copy of this file. Open the copy in "
                "Assessor once (it then gets its own identity) and export again",
                code="syncfile.cloned",
            )
    ctx = _Context(con, limit, MergeSummary(), sites)
    con.execute(
        "CREATE TEMP TABLE IF NOT EXISTS held (table_name TEXT, id TEXT, "
        "PRIMARY KEY (table_name, id))"
    )
    con.execute("CREATE TEMP TABLE IF NOT EXISTS new_ids (id TEXT PRIMARY KEY)")
    con.execute("DELETE FROM temp.held")
    for model in SYNCED_MODELS:
        _merge_table(ctx, table_of(model))
    seen = con.execute("SELECT max(top) FROM pkg.sync_row WHERE top <= ?", (limit,)).fetchone()[0]
    if seen is not None and seen > clock:
        _write(
            ctx,
            "UPDATE main.local_meta SET value = ? WHERE key = ?",
            (clocks.hlc_text(seen), CLOCK_KEY),
        )
    return ctx.summary


def _join_sites(con: sqlite3.Connection) -> dict[int, str]:
    local = dict(con.execute("SELECT no, site_id FROM main.sync_site").fetchall())
    by_site = {s: n for n, s in local.items()}
    for no, site in con.execute("SELECT no, site_id FROM pkg.sync_site").fetchall():
        if by_site.get(site, no) != no or (no in local and local[no] != site):
            raise PackageRefused(
                "this database changed while the package was being read; import it again",
                code="syncfile.changed_meanwhile",
            )
        if site not in by_site:
            con.execute("INSERT INTO main.sync_site (no, site_id) VALUES (?, ?)", (no, site))
            local[no], by_site[site] = site, no
    return local


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
    # rows new here that carry a write from too far ahead, or hang from such a row, wait whole
    held_rows = con.execute(
        f"INSERT OR IGNORE INTO temp.held (table_name, id) SELECT ?, p.id FROM pkg.{t} p "
        f"JOIN pkg.sync_row r ON r.table_name = ? AND r.row_id = p.id "
        f"WHERE NOT EXISTS (SELECT 1 FROM main.{t} l WHERE l.id = p.id) AND (r.top > ?"
        + (f" OR {held_parent}" if held_parent else "")
        + ")",
        (name, name, ctx.limit),
    ).rowcount
    if held_rows:
        _count(ctx, name, "held_back", held_rows)
        ctx.held[name].update(
            r[0] for r in con.execute("SELECT id FROM temp.held WHERE table_name = ?", (name,))
        )
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
            "INSERT OR REPLACE INTO main.sync_row (table_name, row_id, clock, top, conflicted) "
            "SELECT table_name, row_id, clock, top, conflicted FROM pkg.sync_row "
            "WHERE table_name = ? AND row_id IN (SELECT id FROM temp.new_ids)",
            (name,),
        )
        live, conflicted = con.execute(
            f"SELECT count(*) FILTER (WHERE t.deleted_at IS NULL), "
            f"count(*) FILTER (WHERE r.conflicted = 1) FROM main.{t} t "
            f"JOIN main.sync_row r ON r.table_name = ? AND r.row_id = t.id "
            f"WHERE t.id IN (SELECT id FROM temp.new_ids)",
            (name,),
        ).fetchone()
        if live:
            _count(ctx, name, "added", live)
        if conflicted:
            _count(ctx, name, "conflicts", conflicted)
    # rows both sides have, whose states differ
    ids = [
        r[0]
        for r in con.execute(
            "SELECT p.row_id FROM pkg.sync_row p JOIN main.sync_row l "
            "ON l.table_name = p.table_name AND l.row_id = p.row_id "
            "WHERE p.table_name = ? AND p.clock != l.clock ORDER BY p.row_id",
            (name,),
        )
    ]
    for start in range(0, len(ids), CHUNK):
        _merge_rows(ctx, table, cols, fks, ids[start : start + CHUNK])
    # bookkeeping that converges without a clock (not from a row that waits)
    on_time = (
        "NOT EXISTS (SELECT 1 FROM pkg.sync_row r WHERE r.table_name = ? "
        "AND r.row_id = p.id AND r.top > ?)"
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


def _fetch(
    con: sqlite3.Connection, schema: str, table: str, cols: list[str], ids: list[str]
) -> dict[str, dict[str, Any]]:
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


def _clocks(
    con: sqlite3.Connection, schema: str, table: str, ids: list[str]
) -> dict[str, tuple[str, int, int]]:
    marks = ", ".join("?" * len(ids))
    return {
        row_id: (text, top, conflicted)
        for row_id, text, top, conflicted in con.execute(
            f"SELECT row_id, clock, top, conflicted FROM {schema}.sync_row "
            f"WHERE table_name = ? AND row_id IN ({marks})",
            [table, *ids],
        )
    }


def _merge_rows(
    ctx: _Context, table: Table, cols: list[str], fks: dict[str, str], ids: list[str]
) -> None:
    con, name = ctx.con, table.name
    incoming = _fetch(con, "pkg", name, cols, ids)
    local = _fetch(con, "main", name, cols, ids)
    pkg_clocks = _clocks(con, "pkg", name, ids)
    main_clocks = _clocks(con, "main", name, ids)
    groups = groups_of(name)
    site_of = ctx.sites.__getitem__
    by_site = {s: n for n, s in ctx.sites.items()}
    clock_updates: list[tuple[str, int, int, str, str]] = []
    for row_id in ids:
        inc, loc = incoming[row_id], local[row_id]
        p_text, p_top, _ = pkg_clocks[row_id]
        if p_top > ctx.limit or any(
            inc[c] is not None and inc[c] in ctx.held[target] for c, target in fks.items()
        ):
            _count(ctx, name, "held_back")
            continue
        l_text, _, l_conflicted = main_clocks[row_id]
        merged = rowclock.merge(
            clocks.decode(l_text, groups, loc, site_of),
            clocks.decode(p_text, groups, inc, site_of),
        )
        text, top, conflicted, shown = clocks.encode(merged, groups, by_site.__getitem__)
        if text == l_text:
            continue
        clock_updates.append((text, top, conflicted, name, row_id))
        updates = {c: v for c, v in shown.items() if loc[c] != v or type(loc[c]) is not type(v)}
        if updates:
            sets = ", ".join(f"{q(c)} = ?" for c in updates)
            _write(
                ctx, f"UPDATE main.{q(name)} SET {sets} WHERE id = ?", [*updates.values(), row_id]
            )
            if "deleted_at" in updates and loc["deleted_at"] is None:
                _count(ctx, name, "deleted")
            if set(updates) - {"deleted_at"}:
                _count(ctx, name, "changed")
        if conflicted and not l_conflicted:
            _count(ctx, name, "conflicts")
    if clock_updates:
        con.executemany(
            "UPDATE main.sync_row SET clock = ?, top = ?, conflicted = ? "
            "WHERE table_name = ? AND row_id = ?",
            clock_updates,
        )
        ctx.summary.writes += len(clock_updates)
