"""Editing a field of an existing finding or recommendation: saved, undoable, refusals shown."""

from __future__ import annotations

from assessor.services import findings, recommendations
from assessor.ui.workspace.workspace import AssessmentWorkspace


def test_finding_title_edit_is_saved_undone_and_an_empty_one_refused(
    qtbot, db, setup, undo_stack
) -> None:
    with db.transaction() as s:
        finding_id = findings.create_finding(
            s, setup.assessment_id, kind="weakness", title="Ingen strategi"
        )
    ws = AssessmentWorkspace(db, setup.assessment_id, undo_stack, lang="sv")
    qtbot.addWidget(ws)
    editor = ws.findings
    editor.reload()
    editor.select(finding_id)

    editor.title.setText("Strategin saknar mål")
    editor.title.editingFinished.emit()
    with db.read() as s:
        assert findings.list_findings(s, setup.assessment_id)[0].title == "Strategin saknar mål"

    editor.title.setText("   ")
    editor.title.editingFinished.emit()
    assert not editor.errors["title"].isHidden()
    assert editor.errors["title"].text()
    assert editor.title.text() == "   "  # what the user typed is kept
    with db.read() as s:
        assert findings.list_findings(s, setup.assessment_id)[0].title == "Strategin saknar mål"

    undo_stack.undo()
    with db.read() as s:
        assert findings.list_findings(s, setup.assessment_id)[0].title == "Ingen strategi"


def test_recommendation_rationale_edit_is_saved_and_undone(qtbot, db, setup, undo_stack) -> None:
    with db.transaction() as s:
        rec_id = recommendations.create_recommendation(
            s, setup.assessment_id, title="Inför portföljstyrning"
        )
    ws = AssessmentWorkspace(db, setup.assessment_id, undo_stack, lang="sv")
    qtbot.addWidget(ws)
    editor = ws.recommendations
    editor.reload()
    editor.select(rec_id)
    editor._save_field("rationale", "Satsningarna prioriteras var för sig.")
    with db.read() as s:
        assert recommendations.get_recommendation(s, rec_id).rationale == (
            "Satsningarna prioriteras var för sig."
        )
    undo_stack.undo()
    with db.read() as s:
        assert recommendations.get_recommendation(s, rec_id).rationale == ""
