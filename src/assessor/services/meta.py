"""Small settings a laptop keeps in its own database (the meta table), each a JSON value under
a key: where the team folder or hub is, when this laptop last synced, what it has merged."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from assessor.store.db import Database
from assessor.store.models import Meta


def read_meta(db: Database, key: str) -> Any:
    """The value kept under ``key``, or None."""
    with db.read() as session:
        found = session.get(Meta, key)
        return json.loads(found.value) if found is not None else None


def write_meta(db: Database, key: str, value: Any) -> None:
    with db.transaction() as session:
        session.merge(Meta(key=key, value=json.dumps(value, sort_keys=True)))


def stamp_now(db: Database, key: str) -> None:
    """Keep the time now (UTC, to the second) under ``key``."""
    write_meta(db, key, datetime.now(UTC).isoformat(timespec="seconds"))


def read_time(db: Database, key: str) -> datetime | None:
    """The time :func:`stamp_now` kept under ``key``, or None."""
    value = read_meta(db, key)
    return datetime.fromisoformat(value) if value else None
