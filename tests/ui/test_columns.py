"""Column widths of the agency page at the default window size: names and titles stay readable."""

from __future__ import annotations

from assessor.ui.agency_model import Column
from assessor.ui.agency_page import AgenciesPage


def _shown(window, qtbot, sample) -> AgenciesPage:
    window.resize(1100, 720)
    page = window.show_page("agencies")
    assert page.select_agency(sample["agency"])
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.isVisible())
    qtbot.wait(10)  # let the layouts settle at this size
    return page


def _too_narrow(header, least: int = 60) -> list[int]:
    return [c for c in range(header.count()) if header.sectionSize(c) < least]


def test_name_and_title_columns_are_readable_at_the_default_size(window, sample, qtbot) -> None:
    page = _shown(window, qtbot, sample)
    agencies = page.view.horizontalHeader()
    assert agencies.sectionSize(Column.NAME) >= 160
    assert _too_narrow(agencies) == []
    meetings = page.detail.meetings_view.horizontalHeader()
    assert meetings.sectionSize(page.detail.meetings.column_of("title")) >= 140
    assert _too_narrow(meetings) == []
    contacts = page.detail.contacts_view.horizontalHeader()
    assert contacts.sectionSize(page.detail.contacts.column_of("name")) >= 120
    assert _too_narrow(contacts) == []


def test_a_saved_header_with_a_squeezed_name_column_is_widened(db, sample, qtbot, window) -> None:
    from PySide6.QtWidgets import QTableView

    from assessor.ui import settings
    from assessor.ui.app import build_window

    # a header state as an older version could save it: the name column 25 px, another 5 px
    view = QTableView()
    view.setModel(window.show_page("agencies").proxy)
    header = view.horizontalHeader()
    header.setMinimumSectionSize(1)
    header.resizeSection(Column.NAME, 25)
    header.resizeSection(Column.MEETINGS, 5)
    header.resizeSection(Column.MINISTRY, 400)
    s = settings.store()
    s.setValue("page/agencies/header", header.saveState())
    s.setValue("window/page", "agencies")
    s.sync()

    again = build_window(db, "en")
    qtbot.addWidget(again)
    again.show()
    page = _shown(again, qtbot, sample)
    agencies = page.view.horizontalHeader()
    assert agencies.sectionSize(Column.NAME) >= 160
    assert _too_narrow(agencies) == []


def test_dragging_a_column_wider_takes_the_room_from_the_name_not_below_its_least(
    window, sample, qtbot
) -> None:
    page = _shown(window, qtbot, sample)
    header = page.view.horizontalHeader()
    before = header.sectionSize(Column.NAME)
    header.resizeSection(Column.ORG_NUMBER, header.sectionSize(Column.ORG_NUMBER) + 20)
    after = header.sectionSize(Column.NAME)
    assert after == max(160, before - 20)


def test_a_short_list_keeps_no_empty_space_while_a_longer_one_scrolls(
    window, sample, db, qtbot
) -> None:
    from datetime import datetime

    from assessor.services.meetings import create_meeting

    with db.transaction() as s:
        for day in range(1, 13):
            create_meeting(
                s, sample["agency"], starts_at=datetime(2025, 1, day, 9), title=f"Möte {day}"
            )
    window.resize(1366, 768)
    page = window.show_page("agencies")
    page.show_agency(sample["agency"])
    detail = page.detail
    qtbot.wait(50)
    contacts, meetings = detail.contacts_view, detail.meetings_view
    row = contacts.rowHeight(0)
    shown = contacts.viewport().height()
    # both contacts are seen whole, with less than a row's height left empty below them
    assert 2 * row <= shown < 3 * row + 4
    # the room went to the meetings (13 of them): more than three rows are seen
    assert meetings.viewport().height() > 3 * meetings.rowHeight(0)
