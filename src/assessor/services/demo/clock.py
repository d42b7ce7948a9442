"""The simulated clock: every demo row is stamped with the demo's time, never the wall clock,
so the same seed gives the same stamps."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from assessor.store.models import Synced


class Clock:
    """The time every row created or changed is stamped with; the demo moves it along."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def at(self, when: datetime) -> None:
        self.now = when


@contextmanager
def stamped_by(session: Session, clock: Clock) -> Iterator[None]:
    """Stamp created_at/updated_at/deleted_at of the session's rows from the clock."""

    def on_add(_session: Session, obj: Any) -> None:
        if isinstance(obj, Synced):
            obj.created_at = obj.updated_at = clock.now

    def before_flush(sess: Session, _context: Any, _instances: Any) -> None:
        for obj in sess.dirty:
            if not isinstance(obj, Synced) or not sess.is_modified(obj):
                continue
            obj.updated_at = clock.now
            history = inspect(obj).attrs.deleted_at.history
            if history.added and history.added[0] is not None:
                obj.deleted_at = clock.now

    event.listen(session, "transient_to_pending", on_add)
    event.listen(session, "before_flush", before_flush)
    try:
        yield
    finally:
        event.remove(session, "before_flush", before_flush)
        event.remove(session, "transient_to_pending", on_add)
