from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path
from typing import Any

from assessor.store import stamping
from assessor.store.models import SYNCED_MODELS, table_of
from assessor.sync.conflicts import shown_value


def raw_group(path: Path, table: str, row_id: str, group: str) -> dict[str, Any] | None:
    cols = stamping.groups_of(table)[group]
    con = sqlite3.connect(path)
    try:
        row = con.execute(
            f'SELECT {", ".join(cols)} FROM "{table}" WHERE id = ?', (row_id,)
        ).fetchone()
    finally:
        con.close()
    return dict(zip(cols, row, strict=True)) if row else None


def conflict_values(path: Path, table: str, row_id: str, group: str) -> list[dict[str, Any]]:
    con = sqlite3.connect(path)
    try:
        return [
            shown_value(json.loads(v))
            for (v,) in con.execute(
                "SELECT loser_value FROM sync_conflict WHERE table_name = ? AND row_id = ? "
                "AND field_group = ? AND deleted_at IS NULL",
                (table, row_id, group),
            )
        ]
    finally:
        con.close()


def full_state(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every synced row (bookkeeping columns included) and every stamp, in a fixed order."""
    con = sqlite3.connect(path)
    try:
        out: dict[str, list[tuple[Any, ...]]] = {}
        for model in SYNCED_MODELS:
            table = table_of(model)
            out[table.name] = con.execute(f'SELECT * FROM "{table.name}" ORDER BY id').fetchall()
        out["sync_stamp"] = con.execute(
            "SELECT * FROM sync_stamp ORDER BY table_name, row_id, field_group"
        ).fetchall()
        return out
    finally:
        con.close()


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
