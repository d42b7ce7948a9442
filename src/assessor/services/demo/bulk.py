"""One unit of work for a whole demo database, without a flush per row."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from assessor.store.models import Checklist, ChecklistDimension, ChecklistQuestion, Synced


class BulkSession:
    """Building a new database in one unit of work without a flush per row.

    The services flush after each insert so that a database-assigned default id is known;
    the demo gives every row its id itself, so those flushes only cost time (3,000 meetings
    would mean 100,000 flushes). While active, flush() is a no-op unless called through
    checkpoint(), and get() answers from the rows this session created: the database held
    no user data when building began, so a row not created here (other than the checklist
    rows, read from the file) does not exist.
    """

    CHECKLIST_MODELS = (Checklist, ChecklistDimension, ChecklistQuestion)

    def __init__(self, session: Session) -> None:
        self.session = session
        self.created: dict[tuple[type[Any], str], Any] = {}
        self._real_flush = session.flush
        self._real_get = session.get

    def _on_add(self, _session: Session, obj: Any) -> None:
        if isinstance(obj, Synced):
            if obj.id is None:
                raise AssertionError(f"a demo {obj.__tablename__} row was added without an id")
            self.created[(type(obj), obj.id)] = obj

    def _get(self, model: Any, ident: Any, **kw: Any) -> Any:
        found = self.created.get((model, ident))
        if found is not None or model not in self.CHECKLIST_MODELS:
            return found
        return self._real_get(model, ident, **kw)

    def checkpoint(self) -> None:
        """Write what is pending, so that queries see it."""
        self._real_flush()

    @contextmanager
    def active(self) -> Iterator[BulkSession]:
        event.listen(self.session, "transient_to_pending", self._on_add)
        setattr(self.session, "flush", lambda objects=None: None)  # noqa: B010
        setattr(self.session, "get", self._get)  # noqa: B010
        try:
            yield self
            self.checkpoint()
        finally:
            del self.session.flush
            del self.session.get
            event.remove(self.session, "transient_to_pending", self._on_add)
