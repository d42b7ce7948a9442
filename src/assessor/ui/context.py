"""What every page of the window is given: the open database, the window's edits (undo stack), the
language. Pages receive one ``AppContext`` in their constructor (see MainWindow.add_page)."""

from __future__ import annotations

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

    def __getattr__(self, name: str) -> Any:
        # a context stands in for its database: a page written as Page(db) can be given one
        if name.startswith("__") or name == "db":
            raise AttributeError(name)
        return getattr(self.db, name)

    def database_is_open(self) -> bool:
        """False only in the moment between the first paint and the real open (DeferredDatabase)."""
        return bool(getattr(self.db, "is_open", True))

    def status(self, text: str, ms: int = 4000) -> None:
        """A short message in the window's status bar (no-op without a window)."""
        bar: QStatusBar | None = self.window.statusBar() if self.window is not None else None
        if bar is not None:
            bar.showMessage(text, ms)
