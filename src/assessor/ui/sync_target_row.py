"""One row of the Sync page for a place the team syncs through (the shared folder, the hub):
what is set and when this laptop last synced, a button to choose it and "Sync now". The
subclass words the buttons and does the choosing and syncing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


class SyncTargetRow(QWidget):
    # a sentence for the page's summary, and whether the database changed
    finished = Signal(str, bool)

    def __init__(self, db: Any, when_text: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._when_text = when_text
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # a path or address is user data
        self.label.setWordWrap(True)
        self.choose_button = QPushButton()
        self.sync_button = QPushButton()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.choose_button)
        row.addWidget(self.sync_button)
        self.choose_button.clicked.connect(self.choose)
        self.sync_button.clicked.connect(lambda: self.before_sharing(self.sync_now))
        # the page may ask something first (the advisor's name) and then go on
        self.before_sharing: Callable[[Callable[[], None]], None] = lambda go: go()

    def choose(self) -> None:
        raise NotImplementedError

    def sync_now(self) -> None:
        raise NotImplementedError
