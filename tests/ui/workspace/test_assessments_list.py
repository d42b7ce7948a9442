"""The agency's assessments: create with targets, change the status (undoable), open."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_create_with_targets_and_advisors(qtbot, db, setup) -> None:
    from assessor.services.advisors import create_advisor
    from assessor.services.assessments import advisor_ids, targets
    from assessor.ui.workspace.assessments import NewAssessmentDialog

    with db.transaction() as s:
        advisor = create_advisor(s, name="Eva Ek")
    dialog = NewAssessmentDialog(db, setup.agency_id, "en")
    qtbot.addWidget(dialog)
    spins = list(dialog.target_spins.values())
    assert spins and all(s.value() == s.minimum() for s in spins)  # "no target" at first
    spins[0].setValue(3.5)
    dialog.advisors.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.title.setText("Uppföljning")
    dialog.create_assessment()
    assert dialog.created_id
    with db.read() as s:
        assert targets(s, dialog.created_id) == {next(iter(dialog.target_spins)): 3.5}
        assert advisor_ids(s, dialog.created_id) == [advisor]


def test_the_new_assessments_date_is_written_as_the_list_writes_dates(qtbot, db, setup) -> None:
    # the dialog wrote 2026-12-06 beside a list of 25/08/2025 in an English window
    from datetime import date

    from PySide6.QtCore import QDate, QLocale

    from assessor.ui.row_model import show
    from assessor.ui.workspace.assessments import NewAssessmentDialog

    old = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    try:
        dialog = NewAssessmentDialog(db, setup.agency_id, "en")
        qtbot.addWidget(dialog)
        dialog.when.setDate(QDate(2026, 3, 4))
        assert dialog.when.text() == show(date(2026, 3, 4)) == "04/03/2026"
    finally:
        QLocale.setDefault(old)


def test_status_change_is_undoable(qtbot, db, setup, undo_stack) -> None:
    from assessor.ui.workspace.assessments import AgencyAssessments

    widget = AgencyAssessments(db, setup.agency_id, undo_stack=undo_stack, lang="en")
    qtbot.addWidget(widget)
    opened = []
    widget.open_requested.connect(opened.append)
    assert widget.model.rowCount() == 1
    assert widget.set_status(setup.assessment_id, "in_review")
    assert widget.model.row_at(0).status == "in_review"
    undo_stack.undo()
    assert widget.model.row_at(0).status == "draft"
    undo_stack.redo()
    assert widget.model.row_at(0).status == "in_review"
    widget.open_row(0)
    assert opened == [setup.assessment_id]
