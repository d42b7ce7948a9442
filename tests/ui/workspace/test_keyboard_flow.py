"""A complete assessment driven by the keyboard alone, as an advisor would during a visit."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


errors: list[BaseException] = []


def _when_modal(qtbot, act) -> None:
    """Run ``act(dialog)`` once a modal dialog is up (exec() blocks the test until it closes)."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, poll)
            return
        try:
            act(dialog)
        except BaseException as exc:  # an assertion inside exec() would abort the process
            errors.append(exc)
            dialog.reject()

    QTimer.singleShot(0, poll)


def type_text(widget, text: str) -> None:
    """Type like a keyboard would; QTest.keyClicks knows only ASCII, Swedish needs more."""
    from PySide6.QtTest import QTest

    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def _focus(qtbot, widget) -> None:
    qtbot.waitUntil(lambda: widget.hasFocus(), timeout=2000)


def test_complete_assessment_by_keyboard(qtbot, db, setup) -> None:
    from PySide6.QtGui import QUndoStack

    from assessor.services.search import search
    from assessor.ui.workspace.assessments import AgencyAssessments
    from assessor.ui.workspace.workspace import AssessmentWorkspace

    stack = QUndoStack()
    # --- create an assessment from the agency's list ---
    agency = AgencyAssessments(db, setup.agency_id, undo_stack=stack, lang="en")
    qtbot.addWidget(agency)
    agency.show()
    qtbot.waitExposed(agency)
    opened: list[str] = []
    agency.open_requested.connect(opened.append)

    def fill(dialog) -> None:
        qtbot.keyClick(dialog, Qt.Key.Key_T, ALT)  # &Title
        type_text(dialog.title, "Hösten 2026")
        qtbot.keyClick(dialog.title, Qt.Key.Key_Return)  # the default button: Create

    agency.new_button.setFocus()
    _when_modal(qtbot, fill)
    qtbot.keyClick(agency.new_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(opened))
    assessment_id = opened[-1]
    assert agency.model.rowCount() == 2
    assert agency.model.row_at(agency.model.row_of(assessment_id)).title == "Hösten 2026"

    # --- the workspace, as the window shows it, with Undo/Redo on Ctrl+Z / Ctrl+Shift+Z ---
    ws = AssessmentWorkspace(db, assessment_id, stack, lang="en")
    qtbot.addWidget(ws)
    undo = stack.createUndoAction(ws)
    undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
    redo = stack.createRedoAction(ws)
    redo.setShortcut(QKeySequence("Ctrl+Shift+Z"))
    ws.addActions([undo, redo])
    ws.resize(1280, 860)
    ws.show()
    ws.activateWindow()
    qtbot.waitExposed(ws)
    view = ws.scoring
    view.tree.setFocus()
    _focus(qtbot, view.tree)
    summary = view.summary
    assert "not yet scored" in summary.overall.text()

    questions = view.model.question_ids()
    assert len(questions) >= 10
    first = view.current_question()
    assert first == questions[0]
    for n, question_id in enumerate(questions):
        assert view.current_question() == question_id
        if n == 1:
            qtbot.keyClick(view.tree, Qt.Key.Key_N)  # not applicable
        else:
            qtbot.keyClick(view.tree, Qt.Key(Qt.Key.Key_0 + (n % 5)))
        if n == 0:
            assert "not yet scored" not in summary.overall.text()
            paints = view.summary.chart.paints
        qtbot.keyClick(view.tree, Qt.Key.Key_PageDown)
    data = ws.state.data
    assert all(data.answer(q).answered for q in questions)
    assert data.answer(questions[1]).not_applicable
    assert data.answer(questions[2]).level == 2
    qtbot.waitUntil(lambda: view.summary.chart.paints > paints)
    overall_after_all = summary.overall.text()
    # one definition everywhere: answered = a level; the N/A question leaves the count
    applicable = len(data.checklist.dimensions[0].questions) - 1
    assert view.model.data(view.model.index(0, 1)) == f"{applicable}/{applicable}"
    assert view.summary.bars._bars[0].answered == applicable
    assert view.summary.bars._bars[0].applicable == applicable

    # PageUp back to the first question; Up/Down move in the navigator too
    for _ in questions:
        qtbot.keyClick(view.tree, Qt.Key.Key_PageUp)
    assert view.current_question() == first

    # --- a comment, through its mnemonic; saved when leaving the field ---
    qtbot.keyClick(ws, Qt.Key.Key_M, ALT)  # Co&mment
    _focus(qtbot, view.panel.comment)
    type_text(view.panel.comment, "Strategin beslutad 2025")
    qtbot.keyClick(view.panel.comment, Qt.Key.Key_Tab)  # tab leaves the field: saved
    qtbot.waitUntil(lambda: data.answer(first).comment == "Strategin beslutad 2025")

    # --- evidence: choose the meeting and link it ---
    qtbot.keyClick(ws, Qt.Key.Key_T, ALT)  # Mee&ting
    _focus(qtbot, view.panel.meeting_combo)
    qtbot.keyClick(ws, Qt.Key.Key_L, ALT)  # &Link meeting
    qtbot.waitUntil(lambda: view.panel.evidence_model.rowCount() == 1)
    assert "Strategin är under revision" in view.panel.notes_view.toPlainText()

    # --- undo and redo, from the navigator ---
    view.tree.setFocus()
    _focus(qtbot, view.tree)
    qtbot.keyClick(view.tree, Qt.Key.Key_4)
    assert data.answer(first).level == 4
    changed_text = summary.overall.text()
    qtbot.keyClick(view.tree, Qt.Key.Key_Z, CTRL)
    assert data.answer(first).level == 0
    assert summary.overall.text() == overall_after_all
    qtbot.keyClick(view.tree, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert data.answer(first).level == 4
    assert summary.overall.text() == changed_text
    with db.read() as s:
        from assessor.services.answers import get_answers

        assert get_answers(s, assessment_id)[first].level == 4  # saved as made

    # --- a finding ---
    qtbot.keyClick(ws, Qt.Key.Key_I, ALT)  # F&indings tab
    assert ws.tabs.currentWidget() is ws.findings
    qtbot.keyClick(ws, Qt.Key.Key_N, ALT)  # &New finding
    _focus(qtbot, ws.findings.title)
    qtbot.keyClick(ws.findings.title, Qt.Key.Key_Return)  # empty title: refused, said why
    assert ws.findings.errors["title"].isVisibleTo(ws)
    assert ws.findings.model.rowCount() == 0
    type_text(ws.findings.title, "Ingen portföljstyrning")
    qtbot.keyClick(ws.findings.title, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ws.findings.model.rowCount() == 1)
    assert not ws.findings.errors["title"].isVisibleTo(ws)

    # --- a recommendation from the library, suggested for the weak dimension ---
    qtbot.keyClick(ws, Qt.Key.Key_C, ALT)  # Re&commendations tab
    assert ws.tabs.currentWidget() is ws.recommendations

    def use_first(dialog) -> None:
        # with no dimension ticked in the form, the library opens on every dimension
        assert dialog.dimension.currentData() == ""
        qtbot.keyClick(dialog, Qt.Key.Key_D, ALT)  # &Dimension filter: any
        qtbot.keyClick(dialog.dimension, Qt.Key.Key_Home)
        assert dialog.model.rowCount() >= 1
        dialog.view.setFocus()
        qtbot.keyClick(dialog.view, Qt.Key.Key_Return)

    _when_modal(qtbot, use_first)
    qtbot.keyClick(ws, Qt.Key.Key_L, ALT)  # From &library…
    qtbot.waitUntil(lambda: ws.recommendations.model.rowCount() == 1)
    rec = ws.recommendations.model.row_at(0)
    assert rec.title == "Inför portföljstyrning" and rec.template_id == setup.template_id

    # --- find it again through search (Ctrl+F) and open it ---
    ws.recommendations.new_recommendation()
    qtbot.keyClick(ws.recommendations.title, Qt.Key.Key_F, CTRL)
    dialog = ws.search_dialog
    assert dialog is not None and dialog.isVisible()
    _focus(qtbot, dialog.query)
    type_text(dialog.query, "portföljstyr")
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    kinds = {h.kind for h in dialog.model.rows()}
    assert {"finding", "recommendation"} <= kinds
    assert not dialog.isVisible()  # Enter opened the best hit
    qtbot.keyClick(ws, Qt.Key.Key_F, CTRL)
    qtbot.keyClick(dialog.query, Qt.Key.Key_Down)
    rec_row = next(n for n, h in enumerate(dialog.model.rows()) if h.kind == "recommendation")
    dialog.view.selectRow(rec_row)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)
    assert ws.tabs.currentWidget() is ws.recommendations
    assert ws.recommendations.current_id == rec.id
    with db.transaction() as s:
        assert any(h.id == rec.id for h in search(s, "portföljstyrning"))


def teardown_function() -> None:
    if errors:
        raise errors.pop()
