"""Meeting mode, follow-up and the live summary."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt

CTRL = Qt.KeyboardModifier.ControlModifier


def test_meeting_mode_note_tied_to_a_question_is_evidence(qtbot, db, setup, undo_stack) -> None:
    from assessor.ui.workspace.meeting_mode import MeetingMode
    from assessor.ui.workspace.workspace import AssessmentWorkspace

    clock = iter(
        [datetime(2026, 3, 1, 10, 0), datetime(2026, 3, 1, 10, 2), datetime(2026, 3, 1, 10, 7)]
    )
    mode = MeetingMode(
        db,
        setup.agency_id,
        setup.assessment_id,
        undo_stack=undo_stack,
        lang="en",
        now=lambda: next(clock),
    )
    qtbot.addWidget(mode)
    mode.show()
    assert mode.meeting_id == setup.meeting_id  # the assessment's meeting is chosen
    meeting_id = mode.start_meeting()
    assert mode.meeting_id == meeting_id
    mode.add_selected_contact()
    assert mode.participants.count() == 1
    assert "Anna Andersson" in mode.participants.item(0).text()
    # an empty note is refused, said in words
    mode.add_note()
    assert mode.error.isVisibleTo(mode)
    question_index = 3
    mode.question.setCurrentIndex(question_index)
    question_id = mode.question.itemData(question_index)
    mode.editor.setPlainText("Förvaltningsplanen finns")
    qtbot.keyClick(mode.editor, Qt.Key.Key_Return, CTRL)
    assert mode.model.rowCount() == 1
    stamp = mode.model.index(0, 0).data()
    assert "10:02" in stamp and ("2026" in stamp or "26" in stamp)  # a date, not a time alone
    assert mode.model.index(0, 2).data().startswith("1.3")
    assert mode.editor.toPlainText() == ""

    ws = AssessmentWorkspace(db, setup.assessment_id, undo_stack, lang="en")
    qtbot.addWidget(ws)
    ws.scoring.go_to_question(question_id)
    rows = ws.scoring.panel.evidence_model.rows()
    assert [r.note_text for r in rows] == ["Förvaltningsplanen finns"]

    undo_stack.undo()  # the note goes, and its evidence with it
    assert mode.model.rowCount() == 0
    undo_stack.redo()
    assert mode.model.rowCount() == 1
    assert "Meeting mode" in mode.windowTitle() and "Skatteverket" in mode.windowTitle()


def test_meeting_mode_from_the_agency_page_can_tie_a_note_and_escape_closes_it(
    qtbot, db, setup, undo_stack
) -> None:
    from datetime import datetime

    from assessor.ui.workspace.meeting_mode import MeetingMode

    mode = MeetingMode(
        db,
        setup.agency_id,
        undo_stack=undo_stack,
        lang="en",
        now=lambda: datetime(2026, 2, 20, 10, 15),
    )
    mode.setWindowFlag(Qt.WindowType.Window)
    qtbot.addWidget(mode)
    mode.show()
    # no assessment given: the questions are those of the chosen meeting's assessment
    assert mode.meeting_id == setup.meeting_id
    assert mode.question.isEnabled() and mode.question.count() > 1
    assert "Meeting mode" in mode.windowTitle() and "Skatteverket" in mode.windowTitle()
    mode.editor.setPlainText("Halvskriven anteckning")
    asked: list[bool] = []
    mode.confirm_discard = lambda: asked.append(True) or False
    qtbot.keyClick(mode, Qt.Key.Key_Escape)
    assert asked == [True] and mode.isVisible()  # typed text is not thrown away unasked
    mode.editor.clear()
    qtbot.keyClick(mode, Qt.Key.Key_Escape)
    assert not mode.isVisible()


def test_follow_up_shows_previous_recommendations_and_scores(qtbot, db, setup, undo_stack) -> None:
    from assessor.services.answers import set_answer
    from assessor.services.assessments import create_assessment
    from assessor.services.recommendations import create_recommendation, update_recommendation
    from assessor.services.workspace import load_workspace
    from assessor.ui.workspace.workspace import AssessmentWorkspace

    with db.read() as s:
        questions = load_workspace(s, setup.assessment_id).checklist.questions()
    with db.transaction() as s:
        rec = create_recommendation(s, setup.assessment_id, title="Inför portfölj")
        update_recommendation(s, rec, status="agreed", agency_response="Beslut i maj")
        set_answer(s, setup.assessment_id, questions[0].id, level=1)
        later = create_assessment(
            s, setup.agency_id, checklist_id=setup.checklist_id, assessed_on=date(2027, 3, 1)
        )
    ws = AssessmentWorkspace(db, later, undo_stack, lang="en")
    qtbot.addWidget(ws)
    follow = ws.followup
    assert follow.recs.rowCount() == 1
    assert [follow.recs.index(0, c).data() for c in range(4)] == [
        "Inför portfölj",
        "Agreed",
        "Medium",
        "Beslut i maj",
    ]
    first = follow.scores.row_at(0)
    assert first.previous == 1.0 and first.current is None
    ws.tabs.setCurrentWidget(follow)
    ws.show()
    ws.state.change_answer(questions[0].id, "x", level=3)
    assert follow.scores.row_at(0).change == 2.0
    follow.rec_view.selectRow(0)
    new_id = follow.carry_forward()
    assert new_id and ws.recommendations.model.row_of(new_id) == 0


def test_summary_follows_answers_and_explains(qtbot, db, setup, undo_stack) -> None:
    from assessor.ui.workspace.workspace import AssessmentWorkspace

    ws = AssessmentWorkspace(db, setup.assessment_id, undo_stack, lang="en")
    qtbot.addWidget(ws)
    ws.resize(1200, 800)
    ws.show()
    qtbot.waitExposed(ws)
    summary = ws.scoring.summary
    qtbot.waitUntil(lambda: summary.chart.paints > 0)
    dims = ws.state.data.checklist.dimensions
    assert [a.value for a in summary.chart.axes()] == [None] * len(dims)
    q = dims[1].questions[0].id
    ws.scoring.go_to_question(q)
    ws.scoring.panel.choose_level(2)
    axes = summary.chart.axes()
    assert axes[1].value == 2.0 and axes[0].value is None
    assert summary.bars.bars()[1].answered == 1
    assert "2.00" in summary.overall.text()
    before = summary.chart.paints
    summary.chart.repaint()
    assert summary.chart.paints == before + 1
    chart_height = summary.chart.height()
    summary.explain_button.click()
    text = summary.explain_text.toPlainText()
    assert summary.explain_text.isVisible() and "2" in text
    # a window of its own: the radar keeps its size, the text gets room to be read
    assert summary.explain_window.isWindow() and summary.explain_window.height() >= 500
    assert summary.chart.height() == chart_height
    summary.explain_window.close()
    assert not summary.explain_button.isChecked()
    ws.scoring.panel.choose_level(2)  # the chosen level again: cleared
    assert ws.state.data.answer(q).level is None
    undo_stack.undo()
    assert ws.state.data.answer(q).level == 2
