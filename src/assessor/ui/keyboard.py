"""The keyboard rules every view keeps, set once for the whole application.

Qt's defaults trap the keyboard in places an advisor without a mouse cannot get out of: a table
walks its cells on Tab and wraps round (and in a master list each press loads another row), a
text box types a tab character, a date box showing "any" keeps Tab for its sections. Instead of
a call at each of the many places a view is made (and one forgotten in the next), one
application-wide filter sets the rule on every widget as it is first shown:

- item views (tables, lists, trees): Tab and Shift+Tab leave, the arrow keys move inside;
- text boxes: Tab moves the focus on (Ctrl+Tab still types a tab where a box takes one);
- date and number boxes: Tab leaves, the arrow keys move between day, month and year;
- F6 and Shift+F6 move to the next or previous pane of the split views (as in most desktop
  programs), Alt+Shift and an arrow key moves the divider beside the pane that has the focus
  (the divider shows in the focus colour as it moves, ``ui/divider_mark.py``; its tooltip says
  the keys to a mouse user).

The same filter gives every column header the window's one look (``ui/headers.py``): an
application-wide filter sees every event of the program, so one is cheaper than two.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QPlainTextEdit,
    QSplitter,
    QSplitterHandle,
    QTextEdit,
    QWidget,
)

from assessor.ui.divider_mark import mark
from assessor.ui.headers import same_look

SPLITTER_STEP = 0.05  # of the splitter's length, per key press

_ARROWS = {
    int(Qt.Key.Key_Left): (Qt.Orientation.Horizontal, -1),
    int(Qt.Key.Key_Right): (Qt.Orientation.Horizontal, 1),
    int(Qt.Key.Key_Up): (Qt.Orientation.Vertical, -1),
    int(Qt.Key.Key_Down): (Qt.Orientation.Vertical, 1),
}


def keep_keyboard_rules(widget: QWidget) -> None:
    """The rules for one widget (the filter calls this; a test may too), and the headers' look."""
    same_look(widget)
    if isinstance(widget, QAbstractItemView):
        widget.setTabKeyNavigation(False)
    elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
        widget.setTabChangesFocus(True)
    elif isinstance(widget, QSplitterHandle) and not widget.toolTip():
        widget.setToolTip(
            QCoreApplication.translate(
                "Keyboard",
                "Drag to resize the panes, or press Alt+Shift and an arrow key in a pane beside it",
            )
        )


class KeyboardRules(QObject):
    """The application-wide filter; :func:`install` puts one on the application."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(watched, QWidget):
            keep_keyboard_rules(watched)
        elif kind == QEvent.Type.KeyPress and isinstance(watched, QWidget):
            assert isinstance(event, QKeyEvent)
            return self._key(watched, event)
        return False

    def _key(self, widget: QWidget, event: QKeyEvent) -> bool:
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key == Qt.Key.Key_F6:
            forward = not mods & Qt.KeyboardModifier.ShiftModifier
            return next_pane(widget, forward)
        if (
            int(key) in _ARROWS
            and mods == Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
        ):
            orientation, step = _ARROWS[int(key)]
            return move_divider(widget, orientation, step)
        plain = not mods & ~Qt.KeyboardModifier.ShiftModifier
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and plain:
            box = _spin_box_of(widget)
            if box is not None:
                return _leave(box, key == Qt.Key.Key_Tab)
        return False


def install(app: QApplication | None = None) -> None:
    """Put the rules on the application once (later calls do nothing)."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    if app is None or app.property("assessorKeyboardRules"):
        return
    rules = KeyboardRules(app)
    app.installEventFilter(rules)
    app.setProperty("assessorKeyboardRules", True)
    for widget in app.allWidgets():  # those shown before the rules were installed
        keep_keyboard_rules(widget)


def _spin_box_of(widget: QWidget) -> QAbstractSpinBox | None:
    """The date or number box the widget is (or is the text field of)."""
    for w in (widget, widget.parentWidget()):
        if isinstance(w, QAbstractSpinBox):
            return w
    return None


def _takes_tab(w: QWidget) -> bool:
    return bool(w.focusPolicy() & Qt.FocusPolicy.TabFocus) and w.isVisible() and w.isEnabled()


def _leave(widget: QWidget, forward: bool) -> bool:
    """Move the focus to the next (or previous) control outside ``widget``."""
    w: QWidget | None = widget
    for _ in range(2000):  # the focus chain is a ring; a bound guards against a broken one
        assert w is not None
        w = w.nextInFocusChain() if forward else w.previousInFocusChain()
        if w is None or w is widget:
            return False
        if (
            w.window() is widget.window()
            and not widget.isAncestorOf(w)
            and _takes_tab(w)
            and w.focusProxy() is None
        ):
            w.setFocus(
                Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
            )
            return True
    return False


def _splitters(window: QWidget) -> list[QSplitter]:
    return [s for s in window.findChildren(QSplitter) if s.isVisible() and s.window() is window]


def panes(window: QWidget) -> list[QWidget]:
    """The panes of the window's split views, in focus-chain order: each splitter's parts that
    hold no visible splitter of their own."""
    splitters = _splitters(window)
    leaves: list[QWidget] = []
    for s in splitters:
        for i in range(s.count()):
            part = s.widget(i)
            if (
                part is not None
                and part.isVisible()
                and not any(part.isAncestorOf(t) for t in splitters)
                and _first_control(part) is not None
            ):
                leaves.append(part)
    order = _chain_order(window)
    return sorted(leaves, key=lambda p: order.get(id(_first_control(p)), 1 << 30))


def _chain_order(window: QWidget) -> dict[int, int]:
    order: dict[int, int] = {}
    w: QWidget | None = window
    for n in range(5000):
        w = w.nextInFocusChain() if w is not None else None
        if w is None or w is window or id(w) in order:
            break
        order[id(w)] = n
    return order


def _first_control(pane: QWidget) -> QWidget | None:
    if _takes_tab(pane) and pane.focusProxy() is None:
        return pane
    w: QWidget | None = pane
    for _ in range(5000):
        w = w.nextInFocusChain() if w is not None else None
        if w is None or w is pane:
            return None
        if pane.isAncestorOf(w) and _takes_tab(w) and w.focusProxy() is None:
            return w
    return None


def next_pane(widget: QWidget, forward: bool = True) -> bool:
    """Move the focus to the first control of the next pane; False when there are no panes."""
    all_panes = panes(widget.window())
    if not all_panes:
        return False
    here = next((n for n, p in enumerate(all_panes) if p is widget or p.isAncestorOf(widget)), None)
    if here is None:
        target = all_panes[0] if forward else all_panes[-1]
    else:
        target = all_panes[(here + (1 if forward else -1)) % len(all_panes)]
    control = _first_control(target)
    if control is None:
        return False
    control.setFocus(Qt.FocusReason.OtherFocusReason)
    return True


def move_divider(widget: QWidget, orientation: Qt.Orientation, step: int) -> bool:
    """Move the divider beside the pane holding ``widget`` (the innermost splitter of that
    orientation): right or down grows the pane before the divider."""
    w: QWidget | None = widget
    while w is not None:
        parent = w.parentWidget()
        if (
            isinstance(parent, QSplitter)
            and parent.orientation() == orientation
            and parent.count() > 1
        ):
            sizes = parent.sizes()
            index = parent.indexOf(w)
            left = min(index, parent.count() - 2)  # the divider after the pane, or before the last
            total = sum(sizes) or 1
            delta = max(1, int(total * SPLITTER_STEP)) * step
            delta = max(-sizes[left], min(delta, sizes[left + 1]))
            sizes[left] += delta
            sizes[left + 1] -= delta
            parent.setSizes(sizes)
            handle = parent.handle(left + 1)
            if handle is not None:
                mark(handle)
            return True
        w = parent
    return False
