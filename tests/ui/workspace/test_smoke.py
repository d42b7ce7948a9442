from __future__ import annotations

from PySide6.QtCore import Qt


def test_workspace_builds_and_a_digit_sets_a_level(qtbot, db, setup, undo_stack) -> None:
    from assessor.ui.workspace.workspace import AssessmentWorkspace

    ws = AssessmentWorkspace(db, setup.assessment_id, undo_stack, lang="en")
    qtbot.addWidget(ws)
    ws.resize(1200, 800)
    ws.show()
    qtbot.waitExposed(ws)
    view = ws.scoring
    view.tree.setFocus()
    first = view.current_question()
    qtbot.keyClick(view.tree, Qt.Key.Key_3)
    assert ws.state.data.answer(first).level == 3
