"""One hash of all live content: equal for two databases holding the same data.

Row order, the site that wrote a row and the bookkeeping stamps (created, updated) do not count;
deleted rows do not count.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.store.models import SYNCED_MODELS, table_of

IGNORED = frozenset({"created_at", "updated_at", "deleted_at"})


def _plain(value: Any) -> Any:
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
    return h.hexdigest()
