"""Columns with room for what they hold at the default window size (1100x720): a finding's
dimension in two lines at most, a meeting note wider than the question it supports."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_findings_dimension_fits_its_column_in_two_lines(
    qtbot, db, setup, undo_stack, lang: str
) -> None:  # type: ignore[no-untyped-def]
    from assessor.domain.checklist import pick
    from assessor.services.findings import create_finding
    from assessor.services.workspace import load_workspace
    from assessor.ui.workspace.workspace import AssessmentWorkspace

    with db.transaction() as s:
        dimensions = load_workspace(s, setup.assessment_id).checklist.dimensions
        for d in dimensions:
            create_finding(s, setup.assessment_id, kind="risk", title="x", dimension_id=d.id)
    ws = AssessmentWorkspace(db, setup.assessment_id, undo_stack, lang=lang)
    qtbot.addWidget(ws)
    ws.resize(1100, 720)
    ws.show()
    qtbot.waitExposed(ws)
    ws.tabs.setCurrentIndex(1)
    QApplication.processEvents()
    view = ws.findings.view
    width = view.horizontalHeader().sectionSize(view.model().column_of("dimension"))
    metrics = view.fontMetrics()
    room = QRect(0, 0, width - 2 * metrics.averageCharWidth(), 10_000)  # less the padding
    for d in dimensions:
        title = pick(d.title, lang)
        height = metrics.boundingRect(room, Qt.TextFlag.TextWordWrap, title).height()
        assert height <= 2 * metrics.lineSpacing(), f"{title!r} needs more than two lines"


def test_in_meeting_mode_the_note_is_wider_than_the_question(qtbot, db, setup, undo_stack) -> None:  # type: ignore[no-untyped-def]
    from assessor.ui.workspace.meeting_mode import MeetingMode

    mode = MeetingMode(db, setup.agency_id, setup.assessment_id, undo_stack=undo_stack, lang="sv")
    qtbot.addWidget(mode)
    mode.resize(900, 700)
    mode.show()
    qtbot.waitExposed(mode)
    header = mode.notes.horizontalHeader()
    assert header.sectionSize(1) > header.sectionSize(2) > 0


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_librarys_dimension_fits_its_column_in_two_lines(qtbot, db, lang: str) -> None:  # type: ignore[no-untyped-def]
    from assessor.domain.checklist import pick
    from assessor.services.checklists import list_checklists
    from assessor.services.workspace import load_checklist_info
    from assessor.ui.workspace.templates import TemplateLibrary

    with db.read() as s:
        dimensions = load_checklist_info(s, list_checklists(s)[0].id).dimensions
    library = TemplateLibrary(db, [(d.key, d.title) for d in dimensions], lang)
    qtbot.addWidget(library)
    library.show()
    qtbot.waitExposed(library)
    view = library.view
    width = view.horizontalHeader().sectionSize(view.model().column_of("dimension"))
    metrics = view.fontMetrics()
    room = QRect(0, 0, width - 2 * metrics.averageCharWidth(), 10_000)
    for d in dimensions:
        title = pick(d.title, lang)
        height = metrics.boundingRect(room, Qt.TextFlag.TextWordWrap, title).height()
        assert height <= 2 * metrics.lineSpacing(), f"{title!r} needs more than two lines"


def test_a_recommendations_title_keeps_room_beside_its_form(qtbot, db, setup, undo_stack) -> None:  # type: ignore[no-untyped-def]
    # the workspace as it is in a 1100 px window (less the navigation): the title column kept
    # some 18 letters ("Ta fram en plan fö…") beside priority, horizon and status
    from assessor.services.recommendations import create_recommendation
    from assessor.ui.workspace.workspace import AssessmentWorkspace

    with db.transaction() as s:
        create_recommendation(s, setup.assessment_id, title="Ta fram en plan för digitalisering")
    ws = AssessmentWorkspace(db, setup.assessment_id, undo_stack, lang="sv")
    qtbot.addWidget(ws)
    ws.resize(970, 680)
    ws.show()
    qtbot.waitExposed(ws)
    ws.tabs.setCurrentIndex(2)
    QApplication.processEvents()
    view = ws.recommendations.view
    header = view.horizontalHeader()
    title = header.sectionSize(view.model().column_of("title"))
    assert title >= view.fontMetrics().averageCharWidth() * 34
