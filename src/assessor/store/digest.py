"""One hash of all live content: equal for two databases holding the same data.

Row order, the site that wrote a row and the bookkeeping stamps (created, updated) do not count;
deleted rows do not count. The conflict log does: the settled conflicts are rows of a synced
table, and the live ones (which follow from the rows' clocks) are hashed after the rows, each
with the write that is not shown and its value.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.domain import rowclock
from assessor.store import clocks
from assessor.store.models import SYNCED_MODELS, table_of

IGNORED = frozenset({"created_at", "updated_at", "deleted_at"})


def _plain(value: Any) -> Any:
    if isinstance(value, bytes):  # a file's content: its hash stands for it
        return "sha256:" + hashlib.sha256(value).hexdigest()
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def digest(session: Session) -> str:
    h = hashlib.sha256()
    for model in sorted(SYNCED_MODELS, key=lambda m: m.__tablename__):
        table = table_of(model)
        columns = [c for c in table.columns if c.name not in IGNORED]
        rows = session.execute(
            select(*columns).where(table.c.deleted_at.is_(None)).order_by(table.c.id)
        )
        h.update(f"\x1e{table.name}\x1e".encode())
        names = [c.name for c in columns]
        for row in rows:
            record = {n: _plain(v) for n, v in zip(names, row, strict=True)}
            h.update(json.dumps(record, sort_keys=True, ensure_ascii=False).encode())
            h.update(b"\n")
    h.update(b"\x1elive conflicts\x1e")
    for line in sorted(_live_conflicts(session)):
        h.update(line.encode())
        h.update(b"\n")
    return h.hexdigest()


def _live_conflicts(session: Session) -> list[str]:
    from assessor.store.stamping import MODELS_BY_TABLE, groups_of

    conn = session.connection()
    sites = {int(n): str(s) for n, s in conn.exec_driver_sql("SELECT no, site_id FROM sync_site")}
    out: list[str] = []
    for table, row_id, text in conn.exec_driver_sql(
        "SELECT table_name, row_id, clock FROM sync_row WHERE conflicted = 1"
    ).all():
        columns = [c.name for c in table_of(MODELS_BY_TABLE[table]).columns]
        row = conn.exec_driver_sql(
            f'SELECT {", ".join(chr(34) + c + chr(34) for c in columns)} FROM "{table}" '
            "WHERE id = ?",
            (row_id,),
        ).first()
        if row is None:
            continue
        state = clocks.decode(
            text, groups_of(table), dict(zip(columns, row, strict=True)), sites.__getitem__
        )
        for c in rowclock.conflicts(state):
            out.append(
                json.dumps(
                    [
                        c.kind,
                        table,
                        row_id,
                        c.group,
                        c.other.hlc,
                        c.other.site,
                        {k: _plain(v) for k, v in c.other.value.items()},
                    ],
                    sort_keys=True,
                    ensure_ascii=False,
                )
            )
    return out
