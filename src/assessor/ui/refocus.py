"""Giving the keyboard back to the main window when one of its dialogs closes.

When a modal dialog closes, some window managers (and Qt's offscreen platform) activate no
window at all: the menu shortcuts (Ctrl+N, Ctrl+Q, Ctrl+E), which work only in the active
window, then do nothing until the user clicks the window. Only a dialog of ours closing gives
the focus back, so the window never takes it from another program.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget


class RefocusAfterDialogs(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Hide
            and isinstance(watched, QDialog)
            and watched.window() is not self._window
        ):
            QTimer.singleShot(0, self._restore)
        return False

    def _restore(self) -> None:
        window = self._window
        active = QApplication.activeWindow()
        modal = QApplication.activeModalWidget()
        # a hidden one does not count: a dialog closed without ending its loop may linger
        if (
            window.isVisible()
            and (active is None or not active.isVisible())
            and (modal is None or not modal.isVisible())
        ):
            window.activateWindow()
