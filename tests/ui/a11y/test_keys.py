"""The keyboard rules one by one, where the issue found them broken: Tab leaves the agency
list without loading another agency, meeting mode's note box and the portfolio's date boxes
showing "any"; dividers move by keyboard; the focus is drawn where styles draw none."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QSplitter

ALT_SHIFT = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
# the keys do not depend on the language (the Tab walk covers both): one window, in English
pytestmark = pytest.mark.parametrize("visit", ["en"], indirect=True)


def _press(key, mods=Qt.KeyboardModifier.NoModifier) -> None:
    focus = QApplication.focusWidget()
    assert focus is not None, "no control has the focus"
    QTest.keyClick(focus, key, mods)


def test_tab_leaves_the_agency_list_without_loading_another(visit, qtbot) -> None:
    page = visit.window.show_page("agencies")
    page.show_agency(visit.agency)
    view = page.view
    view.setFocus()
    QApplication.processEvents()
    before = view.currentIndex().row()
    detail = page.detail.agency_id
    _press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not view
    assert view.currentIndex().row() == before and page.detail.agency_id == detail
    _press(Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is view
    _divider_moves(visit)
    _f6_moves_between_panes(visit)


def test_tab_leaves_text_and_date_boxes_and_the_focus_shows(visit, qtbot) -> None:
    _date_box(visit)
    _focus_ring(visit)
    _note_box(visit, qtbot)  # last: it opens a window of its own


def _note_box(visit, qtbot) -> None:
    from tests.ui.a11y.test_tab_walk import _workspace

    mode = _workspace(visit).meeting_mode()
    qtbot.waitExposed(mode)
    mode.editor.setFocus()
    QApplication.processEvents()
    QTest.keyClicks(mode.editor, "Budget")
    _press(Qt.Key.Key_Tab)
    assert mode.editor.toPlainText() == "Budget"
    assert QApplication.focusWidget() is not mode.editor
    mode.editor.clear()  # closing asks before a typed note is lost
    mode.close()


def _date_box(visit) -> None:
    page = visit.window.show_page("portfolio")
    box = page.from_edit
    assert box.text() == box.specialValueText()
    box.setFocus()
    QApplication.processEvents()
    _press(Qt.Key.Key_Tab)
    focus = QApplication.focusWidget()
    assert focus is page.to_edit or page.to_edit.isAncestorOf(focus)
    _press(Qt.Key.Key_Backtab)
    focus = QApplication.focusWidget()
    assert focus is box or box.isAncestorOf(focus)


def _divider_moves(visit) -> None:
    page = visit.window.show_page("agencies")
    page.show_agency(visit.agency)
    page.view.setFocus()
    QApplication.processEvents()
    splitter = page.view.parentWidget()
    while not isinstance(splitter, QSplitter):
        splitter = splitter.parentWidget()
    before = splitter.sizes()
    key = (
        Qt.Key.Key_Right if splitter.orientation() == Qt.Orientation.Horizontal else Qt.Key.Key_Down
    )
    _press(key, ALT_SHIFT)
    after = splitter.sizes()
    assert after != before and sum(after) == sum(before)
    # the divider that moved shows in the focus colour for a moment; the focus stays put
    from assessor.ui.divider_mark import MARK_MS, DividerMark

    moved = next(n for n in range(1, len(before)) if after[n - 1] != before[n - 1])
    handle = splitter.handle(moved)
    marks = [m for m in handle.findChildren(DividerMark) if m.isVisible()]
    assert len(marks) == 1 and marks[0].geometry() == handle.rect()
    picture = marks[0].grab().toImage()
    highlight = marks[0].palette().color(marks[0].palette().ColorRole.Highlight)
    assert picture.pixelColor(picture.width() // 2, picture.height() // 2).rgb() == highlight.rgb()
    assert QApplication.focusWidget() is page.view
    assert "Alt+Shift" in handle.toolTip()  # and a mouse user is told the keys
    QTest.qWait(MARK_MS + 200)
    assert not marks[0].isVisible()


def _focus_ring(visit) -> None:
    from assessor.ui.focus_ring import FocusRings

    rings = QApplication.instance().findChild(FocusRings)
    page = visit.window.show_page("portfolio")
    page.heatmap.setFocus()
    QApplication.processEvents()
    ring = rings.ring()
    assert ring is not None and ring.parentWidget() is page.heatmap and ring.isVisible()
    assert ring.geometry() == page.heatmap.rect()
    page.from_edit.setFocus()  # a date box draws its own focus: no ring
    QApplication.processEvents()
    assert rings.ring() is None


def _f6_moves_between_panes(visit) -> None:
    win = visit.window
    win.show_page("agencies").show_agency(visit.agency)
    win.nav.setFocus()
    QApplication.processEvents()
    seen = []
    for _ in range(4):
        _press(Qt.Key.Key_F6)
        seen.append(QApplication.focusWidget())
    assert len({id(w) for w in seen}) >= 2
    assert seen[0] is not win.nav  # the first press leaves the navigation pane
    _press(Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is seen[-2]
