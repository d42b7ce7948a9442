"""A visible focus for the controls whose style draws none.

Fusion (and the other styles we ship on) show no change when a table without a current row, a
scroll area, a read-only text box or the painted heat map takes the focus, and a default button
looks the same focused or not. A keyboard user then cannot tell where the keys go (WCAG 2.4.7).
One overlay follows the focus and draws a ring inside the edge of such a control, in the
palette's focus colour (the theme keeps it at 3:1 or more against the window and the base).
It takes no mouse and no focus, so it changes nothing but the picture.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QPushButton, QWidget

RING_WIDTH = 2


def wants_ring(widget: QWidget) -> bool:
    """Controls whose own look does not show the focus."""
    return isinstance(widget, (QAbstractScrollArea, QPushButton))


class FocusRing(QWidget):
    """The ring on one control; a child of it, so it moves, hides and dies with it."""

    def __init__(self, target: QWidget) -> None:
        super().__init__(target)
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName("")  # decoration: nothing for a screen reader to say
        target.installEventFilter(self)
        self._place()
        self.show()

    def _place(self) -> None:
        target = self.parentWidget()
        if target is not None:
            self.setGeometry(target.rect())
            self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.ChildAdded):
            self._place()
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        pen = QPen(self.palette().color(self.palette().ColorRole.Highlight), RING_WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        p.setPen(pen)
        half = RING_WIDTH // 2
        p.drawRect(self.rect().adjusted(half, half, -half - 1, -half - 1))
        p.end()


class FocusRings(QObject):
    """Puts a ring on the control that takes the focus and removes it from the one that lost it."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._ring: FocusRing | None = None
        app.focusChanged.connect(self._moved)

    def ring(self) -> FocusRing | None:
        return self._ring if self._ring is not None and shiboken6.isValid(self._ring) else None

    def _moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        ring = self.ring()
        if ring is not None:
            ring.hide()
            ring.deleteLater()
        self._ring = FocusRing(new) if new is not None and wants_ring(new) else None


def install(app: QApplication | None = None) -> FocusRings | None:
    """The rings for the application (later calls return the same)."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    if app is None:
        return None
    existing = app.findChild(FocusRings)
    if isinstance(existing, FocusRings):
        return existing
    return FocusRings(app)
