"""From the stamps of schema 0002 (one stamp per field group, one parent stamp, a conflict log
computed at import) to row clocks. Used by migration 0003 on a database and by the package
upgrade of a 0002 package; frozen with them: change it only together with a new migration.

Per group, the stamp becomes a version whose context is its parent stamp; a live, unsettled
logged edit conflict becomes a second version (its context: the stamp it had replaced), so it
stays a conflict; a delete's context covers the edits stamped before it and the edits whose
delete conflict was settled or withdrawn, so only the edits the old log still showed against
the delete remain concurrent with it. Settled conflicts stay in sync_conflict as the record;
the rest of the old log is dropped (it now follows from the clocks).
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from typing import Any

from assessor.domain import rowclock
from assessor.store import clocks

PARENT = "^"
REPLACED = "^replaced"


def _int(text: str) -> int:
    return clocks.hlc_int(text)


def convert(
    con: sqlite3.Connection, groups_of: Any, columns_of: Any, tables: list[str]
) -> dict[str, int]:
    """Fill sync_site and sync_row (already created, empty) from sync_stamp and the old log.

    Returns the version vector the converted data holds (site id -> latest hlc number).
    """
    stamps: dict[tuple[str, str], dict[str, tuple[int, str]]] = defaultdict(dict)
    for table, row_id, group, h, site in con.execute(
        "SELECT table_name, row_id, field_group, hlc, site_id FROM sync_stamp"
    ):
        stamps[(table, row_id)][group] = (_int(h), site)
    live_edits: dict[tuple[str, str, str], list[rowclock.Version]] = defaultdict(list)
    # settled or withdrawn edit conflicts: the value shown now was written knowing both
    seen_edits: dict[tuple[str, str, str], list[tuple[int, str]]] = defaultdict(list)
    settled_deletes: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    open_deletes: set[tuple[str, str, int, str]] = set()
    for table, row_id, group, kind, lh, ls, wh, ws, value, resolved, gone in con.execute(
        "SELECT table_name, row_id, field_group, kind, loser_hlc, loser_site, winner_hlc, "
        "winner_site, loser_value, resolved, deleted_at FROM sync_conflict"
    ):
        data = json.loads(value)
        if kind == "delete":
            if resolved or gone is not None:
                settled_deletes[(table, row_id)].append((_int(lh), ls))
            else:
                open_deletes.add((table, row_id, _int(lh), ls))
        elif resolved or gone is not None:
            seen_edits[(table, row_id, group)].extend([(_int(lh), ls), (_int(wh), ws)])
        else:
            parent = data.pop(REPLACED, None)
            ctx = ((parent[1], _int(parent[0])),) if parent and parent[1] != ls else ()
            live_edits[(table, row_id, group)].append(rowclock.Version(_int(lh), ls, ctx, data))
    con.execute("DELETE FROM sync_conflict WHERE resolved = 0 OR deleted_at IS NOT NULL")
    sites = sorted(
        {s for row in stamps.values() for _, s in row.values()}
        | {v.site for vs in live_edits.values() for v in vs}
    )
    number = {s: i + 1 for i, s in enumerate(sites)}
    con.executemany(
        "INSERT INTO sync_site (no, site_id) VALUES (?, ?)", [(n, s) for s, n in number.items()]
    )
    seen: dict[str, int] = {}
    for table in tables:
        groups = groups_of(table)
        cols = columns_of(table)
        if not cols:
            continue  # a table this schema did not have yet
        out: list[tuple[str, str, str, int, int]] = []
        for raw in con.execute(
            f'SELECT {", ".join(chr(34) + c + chr(34) for c in cols)} FROM "{table}"'
        ).fetchall():
            row = dict(zip(cols, raw, strict=True))
            mine = stamps.get((table, row["id"]))
            if not mine or any(g not in mine for g in groups):
                continue  # stamped by the next export's backfill
            state = _row_state(
                table, row, groups, mine, live_edits, seen_edits, settled_deletes, open_deletes
            )
            for vs in state.values():
                for v in vs:
                    for s, h in (*v.ctx, (v.site, v.hlc)):
                        seen[s] = max(seen.get(s, -1), h)
            text, top, conflicted, _ = clocks.encode(state, groups, number.__getitem__)
            out.append((table, row["id"], text, top, conflicted))
        con.executemany(
            "INSERT INTO sync_row (table_name, row_id, clock, top, conflicted) "
            "VALUES (?, ?, ?, ?, ?)",
            out,
        )
    return seen


def _row_state(
    table: str,
    row: dict[str, Any],
    groups: dict[str, tuple[str, ...]],
    mine: dict[str, tuple[int, str]],
    live_edits: dict[tuple[str, str, str], list[rowclock.Version]],
    seen_edits: dict[tuple[str, str, str], list[tuple[int, str]]],
    settled_deletes: dict[tuple[str, str], list[tuple[int, str]]],
    open_deletes: set[tuple[str, str, int, str]],
) -> rowclock.RowState:
    row_id = row["id"]
    state: rowclock.RowState = {}
    for group, cols in groups.items():
        h, s = mine[group]
        parent = mine.get(group + PARENT)
        knew: dict[str, int] = {parent[1]: parent[0]} if parent and parent[1] != s else {}
        for dh, ds in seen_edits.get((table, row_id, group), []):
            if ds != s:
                knew[ds] = max(knew.get(ds, -1), dh)
        main = rowclock.Version(h, s, tuple(sorted(knew.items())), {c: row[c] for c in cols})
        # the old log only held values that lost to the one the row shows
        others = [v for v in live_edits.get((table, row_id, group), []) if (v.hlc, v.site) < (h, s)]
        state[group] = rowclock.join_versions([main], others)
    gone = state.get(rowclock.DELETED)
    if gone and row.get("deleted_at") is not None:
        d = gone[0]
        cover: dict[str, int] = dict(d.ctx)
        known = [
            (v.hlc, v.site)
            for g, vs in state.items()
            if g != rowclock.DELETED
            for v in vs
            if v.hlc < d.hlc or (table, row_id, v.hlc, v.site) not in open_deletes
        ]
        for h, s in [*known, *settled_deletes.get((table, row_id), [])]:
            if s != d.site:
                cover[s] = max(cover.get(s, -1), h)
        state[rowclock.DELETED] = [
            rowclock.Version(d.hlc, d.site, tuple(sorted(cover.items())), d.value),
            *gone[1:],
        ]
    return state
