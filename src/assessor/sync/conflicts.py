"""The conflict log: the losing value of every concurrent edit, kept and synced.

A conflict's id is derived from the losing change (table, row, group, its stamp and the kind),
so the same conflict found on two laptops is one row. Everything in it follows from that id
except the winner, which may differ between laptops that found it against different values:
rows of the log merge by keeping the latest winner, and the "resolved" flag by its stamp.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from assessor.store.models import derived_id

StampKey = tuple[str, str]  # (hlc, site id): compared as a tuple, the site breaks ties

EDIT = "edit"
DELETE = "delete"


def conflict_id(kind: str, table: str, row_id: str, group: str, loser: StampKey) -> str:
    return derived_id("sync_conflict", kind, table, row_id, group, loser[0], loser[1])


def record(
    con: sqlite3.Connection,
    *,
    now: str,
    kind: str,
    table: str,
    row_id: str,
    group: str,
    winner: StampKey,
    loser: StampKey,
    loser_value: dict[str, Any],
) -> bool:
    """Log a losing change in the main database; returns whether the log changed."""
    cid = conflict_id(kind, table, row_id, group, loser)
    found = con.execute(
        "SELECT winner_hlc, winner_site FROM main.sync_conflict WHERE id = ?", (cid,)
    ).fetchone()
    if found is not None:
        if tuple(found) < winner:
            con.execute(
                "UPDATE main.sync_conflict SET winner_hlc = ?, winner_site = ? WHERE id = ?",
                (winner[0], winner[1], cid),
            )
            return True
        return False
    con.execute(
        "INSERT INTO main.sync_conflict (id, created_at, updated_at, deleted_at, table_name, "
        "row_id, field_group, kind, winner_hlc, winner_site, loser_hlc, loser_site, "
        "loser_value, resolved) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
        (cid, now, now, table, row_id, group, kind, winner[0], winner[1], loser[0], loser[1],
         json.dumps(loser_value, sort_keys=True, ensure_ascii=False)),
    )
    # stamped with the losing change itself, so two laptops logging it write the same stamps
    # and any later "resolved" by a user (whose clock has passed that change) wins
    con.executemany(
        "INSERT OR IGNORE INTO main.sync_stamp (table_name, row_id, field_group, hlc, site_id) "
        "VALUES ('sync_conflict', ?, ?, ?, ?)",
        [(cid, g, loser[0], loser[1]) for g in ("resolved", "deleted")],
    )
    return True
