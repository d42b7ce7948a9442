"""The divider a keyboard user moves, shown as it moves.

Alt+Shift and an arrow key move the divider beside the pane that has the focus
(``ui/keyboard.py``). The focus stays in the pane, so nothing on screen said which divider the
keys moved, and Fusion draws a handle as a few faint dots. Making every handle a Tab stop would
add one to each split view for everyone, to be skipped on every walk through the window; so the
keys stay where the work is, and the handle they move is filled in the focus colour (3:1 or more
against the window, ``ui/theme.py``) for a moment after each press.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QSplitterHandle, QWidget

MARK_MS = 1500  # long enough to find the divider after a press, gone before it is in the way


class DividerMark(QWidget):
    """The mark on one handle; a child of it, so it moves, hides and dies with it."""

    def __init__(self, handle: QSplitterHandle) -> None:
        super().__init__(handle)
        self.setObjectName("dividerMark")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName("")  # decoration: the pane sizes themselves change
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(MARK_MS)
        self._timer.timeout.connect(self.hide)
        handle.installEventFilter(self)
        self.hide()

    def show_now(self) -> None:
        """Show the mark (again) for MARK_MS."""
        handle = self.parentWidget()
        if handle is not None:
            self.setGeometry(handle.rect())
        self.raise_()
        self.show()
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        handle = self.parentWidget()
        if event.type() == QEvent.Type.Resize and handle is not None and watched is handle:
            self.setGeometry(handle.rect())
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), self.palette().color(self.palette().ColorRole.Highlight))
        p.end()


def mark(handle: QSplitterHandle) -> DividerMark:
    """Show that ``handle`` moved (one mark per handle, made on its first move)."""
    existing = handle.findChild(DividerMark, options=Qt.FindChildOption.FindDirectChildrenOnly)
    shown = existing if isinstance(existing, DividerMark) else DividerMark(handle)
    shown.show_now()
    return shown
