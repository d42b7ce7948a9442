"""Walking a window with real Tab presses, and what the walk finds wrong (tests use it)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QMenuBar,
    QTabBar,
    QWidget,
)

_MNEMONIC = re.compile(r"&([^&\s])")


def describe(w: QWidget | None) -> str:
    if w is None:
        return "<none>"
    text = w.text() if hasattr(w, "text") and callable(w.text) else ""
    return f"{type(w).__name__}#{w.objectName() or '?'}({accessible_name(w) or text!s:.40})"


def accessible_name(w: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(w)
    return iface.text(QAccessible.Text.Name) if iface is not None and iface.isValid() else ""


def _inside_compound(w: QWidget) -> bool:
    """The text field inside a spin box or editable combo box: the box is the stop."""
    parent = w.parentWidget()
    return isinstance(parent, (QAbstractSpinBox, QComboBox))


def tab_stops(window: QWidget) -> list[QWidget]:
    """The controls Tab must reach: shown, enabled, taking focus by Tab, in this window."""
    out = []
    for w in window.findChildren(QWidget):
        if (
            w.isVisible()
            and w.isEnabled()
            and w.window() is window
            and w.focusPolicy() & Qt.FocusPolicy.TabFocus
            and w.focusProxy() is None
            and not _inside_compound(w)
            and w.objectName() != "qt_scrollarea_viewport"
            and not isinstance(w, QMenuBar)
        ):
            out.append(w)
    return out


def _stop_of(w: QWidget | None) -> QWidget | None:
    while w is not None and _inside_compound(w):
        w = w.parentWidget()
    return w


@dataclass
class Walk:
    visited: list[QWidget] = field(default_factory=list)
    traps: list[str] = field(default_factory=list)
    unreachable: list[str] = field(default_factory=list)
    unnamed: list[str] = field(default_factory=list)


def walk(window: QWidget, backwards: bool = False) -> Walk:
    """Press Tab (or Shift+Tab) from the first stop round the window, twice its stop count."""
    stops = tab_stops(window)
    result = Walk()
    if not stops:
        return result
    window.activateWindow()
    stops[0].setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    key = Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab
    mods = Qt.KeyboardModifier.ShiftModifier if backwards else Qt.KeyboardModifier.NoModifier
    before = _stop_of(QApplication.focusWidget())
    same = 0
    for _ in range(len(stops) * 2 + 4):
        focus = QApplication.focusWidget()
        if focus is None:
            result.traps.append("the focus left the window")
            break
        QTest.keyClick(focus, key, mods)
        now = _stop_of(QApplication.focusWidget())
        if now is None or now.window() is not window:
            result.traps.append(f"Tab from {describe(before)} left the window for {describe(now)}")
            break
        if now is before and len(stops) > 1:
            same += 1
            if same >= 2:
                result.traps.append(f"Tab stays in {describe(now)}")
                break
        else:
            same = 0
        result.visited.append(now)
        before = now
    seen = {id(w) for w in result.visited}
    for w in result.visited:  # a button group is one stop, as radio buttons are (arrows inside)
        group = w.group() if isinstance(w, QAbstractButton) else None
        if group is not None:
            seen |= {id(b) for b in group.buttons()}
    result.unreachable = [
        describe(w) for w in stops if id(w) not in seen and w.isVisible() and w.isEnabled()
    ]
    result.unnamed = sorted({describe(w) for w in result.visited if not accessible_name(w)})
    return result


def mnemonics(window: QWidget) -> dict[str, list[str]]:
    """Each Alt letter in use among the window's shown controls, with who uses it (and the
    menu bar's titles, which share the Alt keys with everything in the window). Disabled
    controls count: their letter comes alive as soon as they are enabled."""
    used: dict[str, list[str]] = {}

    def add(text: str, who: str) -> None:
        for letter in _MNEMONIC.findall(text or ""):
            used.setdefault(letter.casefold(), []).append(f"{who}: {text}")

    for w in window.findChildren(QWidget):
        if not w.isVisible() or w.window() is not window:
            continue
        if isinstance(w, QAbstractButton):
            add(w.text(), type(w).__name__)
        elif isinstance(w, QLabel) and w.buddy() is not None:
            add(w.text(), "label")
        elif isinstance(w, QGroupBox) and w.isCheckable():
            add(w.title(), "group")
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                if w.isTabVisible(i):
                    add(w.tabText(i), "tab")
        elif isinstance(w, QMenuBar):
            for action in w.actions():
                if action.isVisible():
                    add(action.text(), "menu")
    return used


def duplicated(window: QWidget) -> list[str]:
    return [
        f"Alt+{letter.upper()}: " + " | ".join(who)
        for letter, who in sorted(mnemonics(window).items())
        if len(who) > 1
    ]


def hidden_texts(window: QWidget) -> list[str]:
    """Shown labels whose text a screen reader cannot reach: a label is read by its accessible
    name, so a name set by hand ("Question") hides the text it stands for (the question) unless
    the name or the description says the text too."""
    hidden = []
    for w in window.findChildren(QLabel):
        if not w.isVisible() or w.window() is not window or not w.accessibleName():
            continue
        text = " ".join(w.text().replace("&", "").split())
        told = " ".join(f"{w.accessibleName()} {w.accessibleDescription()}".split())
        if text and text not in told:
            hidden.append(f"{describe(w)} hides {text[:50]!r}")
    return hidden
