"""A stand-in for the Database while SQLAlchemy loads after start-up.

What the first screen shows, and a click on another agency, is read with the standard
library (services.agency_reads through AppContext.reads); SQLAlchemy, which the real Database
and every edit need, loads on a worker thread from the first paint on (`warm_up`). Until the
real Database is open this object answers ``path``; anything else opens the database first,
after the loading under way has finished, so code that needs it waits a moment instead of
failing.
"""

from __future__ import annotations

import threading
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
        self._loaded: threading.Event | None = None

    @property
    def is_open(self) -> bool:
        return self._db is not None

    def warm_up(self, then: Callable[[], None]) -> None:
        """Load SQLAlchemy and the mapped classes on a worker; ``then`` runs on the main thread
        once they are loaded (or failed to: opening then explains)."""
        from assessor.services.first_paint import warm_up
        from assessor.ui import tasks

        loaded = self._loaded = threading.Event()

        def work() -> None:
            try:
                warm_up()
            finally:
                loaded.set()

        tasks.run(work, on_result=lambda _r: then(), on_error=lambda _e: then())

    def open_now(self) -> Database | None:
        """The real Database, opened now if it was not yet; None if it cannot be opened."""
        if self._db is None and not self._failed:
            if self._loaded is not None:
                # let the worker finish: importing the same modules from two threads at once
                # is slower, and one thread may meet a module the other has half built
                self._loaded.wait()
            self._db = self._opener()
            self._failed = self._db is None
        return self._db

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # copy, pickle and friends probing: not the database's
            raise AttributeError(name)
        db = self.open_now()
        if db is None:
            # the refusal itself was explained when it happened (app.open_database)
            raise DatabaseError(
                f"{self.path} could not be opened", code="db.not_opened", path=self.path
            )
        return getattr(db, name)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
