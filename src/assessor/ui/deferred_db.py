"""A stand-in for the Database while the window paints its first screen.

The first screen is read with the standard library (services.first_paint); the real
Database, with SQLAlchemy behind it, is opened right after the first paint. Until then this
object answers ``path``; anything else opens the database first, so code that needs it simply
waits a moment instead of failing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assessor.domain.errors import DatabaseError

if TYPE_CHECKING:
    from assessor.store.db import Database


class DeferredDatabase:
    def __init__(self, path: Path, opener: Callable[[], Database | None]) -> None:
        self.path = Path(path)
        self._opener = opener
        self._db: Database | None = None
        self._failed = False

    @property
    def is_open(self) -> bool:
        return self._db is not None

    def open_now(self) -> Database | None:
        """The real Database, opened now if it was not yet; None if it cannot be opened."""
        if self._db is None and not self._failed:
            self._db = self._opener()
            self._failed = self._db is None
        return self._db

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # copy, pickle and friends probing: not the database's
            raise AttributeError(name)
        db = self.open_now()
        if db is None:
            raise DatabaseError(f"{self.path} could not be opened")
        return getattr(db, name)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
