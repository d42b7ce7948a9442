"""The lists of things to tick: ids in and out, and rows tall enough to read."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle

from assessor.ui.check_list import CheckList


def test_a_row_is_taller_than_its_check_box_and_its_text(qtbot) -> None:  # type: ignore[no-untyped-def]
    # at the font's own height the boxes touched and the dots of Ö were cut ("Oppna data")
    lst = CheckList()
    qtbot.addWidget(lst)
    lst.fill([("a", "Öppna data publiceras"), ("b", "Återanvändning")])
    lst.show()
    qtbot.waitExposed(lst)
    box = lst.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorHeight, None, lst)
    for row in range(lst.count()):
        height = lst.visualItemRect(lst.item(row)).height()
        assert height >= max(box, lst.fontMetrics().height()) + 2


def test_ticks_are_read_and_shown_by_id_without_signalling_a_change(qtbot) -> None:  # type: ignore[no-untyped-def]
    lst = CheckList()
    qtbot.addWidget(lst)
    changed: list[str] = []
    lst.itemChanged.connect(lambda item: changed.append(item.text()))
    lst.fill([("a", "A"), ("b", "B"), ("c", "C")])
    lst.show_checked({"c", "a"})
    assert lst.checked() == ["a", "c"] and changed == []
    lst.item(1).setCheckState(Qt.CheckState.Checked)  # the user ticks B
    assert changed == ["B"] and lst.checked() == ["a", "b", "c"]
    lst.show_checked(())
    assert lst.checked() == []


def test_a_long_entry_ends_in_an_ellipsis_not_a_scroll_bar(qtbot) -> None:  # type: ignore[no-untyped-def]
    long = "Nyttorealisering och investeringsstyrning i hela den statliga förvaltningen"
    lst = CheckList()
    qtbot.addWidget(lst)
    lst.fill([("a", long), ("b", "<b>Kort</b>")])
    lst.resize(220, 120)
    lst.show()
    qtbot.waitExposed(lst)
    qtbot.wait(20)
    assert not lst.horizontalScrollBar().isVisible()
    assert lst.visualItemRect(lst.item(0)).width() <= lst.viewport().width()
    assert lst.item(0).toolTip() == long
    assert "<b>" not in lst.item(1).toolTip()  # user text is never markup
    lst.resize(900, 120)  # wider again: the entry has the room
    qtbot.wait(20)
    assert lst.visualItemRect(lst.item(0)).width() >= lst.fontMetrics().horizontalAdvance(long)
