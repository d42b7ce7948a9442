"""Changing a delivered assessment in the window asks first; no means nothing changes."""

from __future__ import annotations

from assessor.services import answers, assessments, findings
from assessor.ui.workspace.workspace import AssessmentWorkspace


def _deliver(db, setup) -> str:
    with db.transaction() as s:
        question = sorted(assessments.checklist_facts(s, setup.checklist_id).questions)[0]
        answers.set_answer(s, setup.assessment_id, question, level=2)
        assessments.update_assessment(s, setup.assessment_id, status="delivered")
    return question


def _stored(db, setup, question):
    with db.read() as s:
        status = assessments.get_assessment(s, setup.assessment_id).status
        return status, answers.get_answers(s, setup.assessment_id)[question].level


def test_a_level_chosen_on_a_delivered_assessment_asks_and_no_changes_nothing(
    qtbot, db, setup, undo_stack
) -> None:
    question = _deliver(db, setup)
    ws = AssessmentWorkspace(db, setup.assessment_id, undo_stack, lang="en")
    qtbot.addWidget(ws)
    assert "Delivered" in ws.title.text()  # the status is in sight
    asked: list[bool] = []
    ws.state.confirm_reopen = lambda: asked.append(True) or False
    ws.scoring.panel.show_question(question)
    ws.scoring.panel.choose_level(4)
    ws.state.flush()
    assert asked == [True]
    assert _stored(db, setup, question) == ("delivered", 2)
    assert ws.state.data.answer(question).level == 2  # the screen shows the stored level
    assert ws.scoring.panel.level_buttons[2].isChecked()
    assert undo_stack.count() == 0


def test_yes_reopens_then_changes_and_undo_takes_both_back(qtbot, db, setup, undo_stack) -> None:
    question = _deliver(db, setup)
    ws = AssessmentWorkspace(db, setup.assessment_id, undo_stack, lang="en")
    qtbot.addWidget(ws)
    asked: list[bool] = []
    ws.state.confirm_reopen = lambda: asked.append(True) or True
    ws.scoring.panel.show_question(question)
    ws.scoring.panel.choose_level(4)
    ws.state.flush()
    assert _stored(db, setup, question) == ("in_review", 4)
    assert "In review" in ws.title.text()
    ws.scoring.panel.choose_level(3)  # reopened now: no second question
    ws.state.flush()
    assert asked == [True]
    undo_stack.undo()
    undo_stack.undo()
    undo_stack.undo()
    assert _stored(db, setup, question) == ("delivered", 2)


def test_a_finding_of_a_delivered_assessment_is_not_added_without_consent(
    qtbot, db, setup, undo_stack
) -> None:
    _deliver(db, setup)
    ws = AssessmentWorkspace(db, setup.assessment_id, undo_stack, lang="en")
    qtbot.addWidget(ws)
    ws.state.confirm_reopen = lambda: False
    editor = ws.findings
    editor.new_finding()
    editor.title.setText("Ingen portfölj")
    assert editor.add_finding() is None
    with db.read() as s:
        assert findings.list_findings(s, setup.assessment_id) == []
