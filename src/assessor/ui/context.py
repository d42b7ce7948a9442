"""What every page of the window is given: the open database, the window's edits (undo stack), the
language. Every page is built from one ``AppContext`` (``Page(context)``, see
MainWindow.add_page), and reaches the database as ``context.db``."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow, QStatusBar

    from assessor.store.db import Database
    from assessor.ui.edits import Edits


@dataclass
class AppContext:
    db: Database
    edits: Edits
    language: str = "en"  # "sv" or "en": the language of the window (and default of reports)
    window: QMainWindow | None = field(default=None, repr=False)
    # the agency list read for the first paint (services.first_paint), used once by that page
    first_rows: list[Any] | None = field(default=None, repr=False)
    # the read-only connection of reads() until the Database is open (one, not one per read)
    _plain: sqlite3.Connection | None = field(default=None, repr=False)

    @classmethod
    def standalone(cls, db: Database, language: str | None = None) -> AppContext:
        """A context of its own (a fresh undo stack, no window): a page shown alone, as the
        tests and benchmarks show one; in the language of Qt's locale unless told."""
        from assessor.ui.edits import Edits
        from assessor.ui.language import ui_language

        return cls(db=db, edits=Edits(), language=language or ui_language())

    def database_is_open(self) -> bool:
        """False only in the moment between the first paint and the real open (DeferredDatabase)."""
        return bool(getattr(self.db, "is_open", True))

    @contextmanager
    def reads(self) -> Iterator[sqlite3.Connection]:
        """A connection for services.agency_reads: the open database's; or, while SQLAlchemy
        still loads after start-up, a read-only one of the file's own, so the first screen and
        a click on another agency need not wait for it (docs/architecture.md, start-up)."""
        if not self.database_is_open():
            if self._plain is None:
                from assessor.store import snapshot

                self._plain = snapshot.connect_current(self.db.path)
            if self._plain is not None:
                yield self._plain
                return
        self.database_opened()
        yield from _session_connection(self.db)

    def database_opened(self) -> None:
        """The Database is open: its connection serves reads() from now on, so the read-only
        one of the loading moment is closed (it would otherwise hold the file open)."""
        if self._plain is not None:
            self._plain.close()
            self._plain = None

    def status(self, text: str, ms: int = 4000) -> None:
        """A short message in the window's status bar (no-op without a window)."""
        bar: QStatusBar | None = self.window.statusBar() if self.window is not None else None
        if bar is not None:
            bar.showMessage(text, ms)


def _session_connection(db: Any) -> Iterator[sqlite3.Connection]:
    from assessor.services.rows import sql_connection

    with db.read() as session:
        yield sql_connection(session)


@contextmanager
def database_reads(db: Any) -> Iterator[sqlite3.Connection]:
    """services.agency_reads' connection on an open Database (a widget shown without a window)."""
    yield from _session_connection(db)
