"""The conflict log: the losing value of every concurrent edit, kept and synced.

A conflict's id is derived from the losing change (table, row, group, its stamp and the kind),
so the same conflict found on two laptops is one row. Everything in it follows from that id
except the winner, which may differ between laptops that found it against different values:
rows of the log merge by keeping the latest winner, and the "resolved" flag by its stamp.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from typing import Any

from assessor.store.models import derived_id

StampKey = tuple[str, str]  # (hlc, site id): compared as a tuple, the site breaks ties

EDIT = "edit"
DELETE = "delete"
# inside loser_value: the stamp the losing write had replaced, so that a value replaced
# knowingly is still known as such after the replacing write itself lost
REPLACED = "^replaced"


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
    loser_parent: StampKey | None = None,
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
         json.dumps({**loser_value, REPLACED: list(loser_parent) if loser_parent else None},
                    sort_keys=True, ensure_ascii=False)),
    )
    # stamped with the losing change itself, so two laptops logging it write the same stamps
    # and any later "resolved" by a user (whose clock has passed that change) wins
    con.executemany(
        "INSERT OR IGNORE INTO main.sync_stamp (table_name, row_id, field_group, hlc, site_id) "
        "VALUES ('sync_conflict', ?, ?, ?, ?)",
        [(cid, g, loser[0], loser[1]) for g in ("resolved", "deleted")],
    )
    return True


Write = tuple[StampKey, StampKey | None]  # a write's stamp and the stamp it replaced


def dominator(loser: StampKey, writes: list[Write]) -> StampKey | None:
    """The latest of the writes made knowing of `loser`, if any.

    A write knew of the loser when it comes from the loser's site and is later (a site's
    writes follow each other), or when it replaced the loser, or replaced a later write of
    the loser's site.
    """
    best: StampKey | None = None
    for stamp, parent in writes:
        knew = (stamp[1] == loser[1] and stamp > loser) or (
            parent is not None and (parent == loser or (parent[1] == loser[1] and parent > loser))
        )
        if knew and (best is None or stamp > best):
            best = stamp
    return best


def logged_writes(con: sqlite3.Connection, table: str, row_id: str, group: str) -> list[Write]:
    """The losing writes of this group in the log (withdrawn too), with what they replaced."""
    out: list[Write] = []
    for loser_hlc, loser_site, value in con.execute(
        "SELECT loser_hlc, loser_site, loser_value FROM main.sync_conflict WHERE table_name = ? "
        "AND row_id = ? AND field_group = ?",
        (table, row_id, group),
    ):
        parent = json.loads(value).get(REPLACED)
        out.append(((loser_hlc, loser_site), (parent[0], parent[1]) if parent else None))
    return out


def shown_value(value: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in value.items() if k != REPLACED}


def _stamp_time(stamp: str) -> str:
    millis = int(stamp.split("-")[0])
    return datetime.fromtimestamp(millis / 1000, UTC).replace(tzinfo=None).strftime(
        "%Y-%m-%d %H:%M:%S.%f"
    )


def retract_superseded(
    con: sqlite3.Connection, table: str, row_id: str, group: str, writes: list[Write]
) -> int:
    """Withdraw logged edits of this group that a write in `writes` was made knowing of.

    The same conflict may be logged or not depending on the order packages arrive in; once
    any laptop sees a write that knew of the losing value, the entry is withdrawn (a delete
    stamped with that write), so every order ends with the same live log.
    """
    found = con.execute(
        "SELECT id, loser_hlc, loser_site FROM main.sync_conflict WHERE table_name = ? "
        "AND row_id = ? AND field_group = ? AND kind = ? AND deleted_at IS NULL",
        (table, row_id, group, EDIT),
    ).fetchall()
    withdrawn = 0
    if found:
        writes = writes + logged_writes(con, table, row_id, group)
    for cid, loser_hlc, loser_site in found:
        by = dominator((loser_hlc, loser_site), writes)
        if by is None:
            continue
        con.execute(
            "UPDATE main.sync_conflict SET deleted_at = ? WHERE id = ?", (_stamp_time(by[0]), cid)
        )
        con.execute(
            "INSERT OR REPLACE INTO main.sync_stamp (table_name, row_id, field_group, hlc, "
            "site_id) VALUES ('sync_conflict', ?, 'deleted', ?, ?)",
            (cid, by[0], by[1]),
        )
        withdrawn += 1
    return withdrawn
