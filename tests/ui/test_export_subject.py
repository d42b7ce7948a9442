"""Ctrl+E exports the report of what is on screen, and the dialog says whose report it is."""

from __future__ import annotations

from datetime import date, datetime

import pytest

pytest.importorskip("assessor.ui.workspace.workspace")


@pytest.fixture
def two_agencies(db, sample):
    """Lantmäteriet (sample) with two assessments; Skatteverket with one and a meeting."""
    from assessor.services import agencies, assessments, checklists, meetings

    with db.transaction() as s:
        checklist_id = checklists.list_checklists(s)[0].id
        older = assessments.create_assessment(
            s,
            sample["agency"],
            checklist_id=checklist_id,
            assessed_on=date(2024, 3, 1),
            title="Första bedömningen",
        )
        newer = assessments.create_assessment(
            s,
            sample["agency"],
            checklist_id=checklist_id,
            assessed_on=date(2025, 5, 1),
            title="Uppföljning 2025",
            status="delivered",
        )
        other = agencies.create_agency(s, name="Skatteverket", org_number="202100-5448")
        other_assessment = assessments.create_assessment(
            s,
            other,
            checklist_id=checklist_id,
            assessed_on=date(2025, 9, 1),
            title="Skatteverket 2025",
        )
        other_meeting = meetings.create_meeting(
            s,
            other,
            starts_at=datetime(2025, 9, 1, 9),
            ends_at=datetime(2025, 9, 1, 10),
            place="Solna",
        )
    return {
        "older": older,
        "newer": newer,
        "other": other,
        "other_assessment": other_assessment,
        "other_meeting": other_meeting,
    }


def _capture(monkeypatch):
    from assessor.ui import report_dialog

    opened: list = []

    def fake_exec(self):
        opened.append(self)
        return 0

    monkeypatch.setattr(report_dialog.ExportReportDialog, "exec", fake_exec)
    return opened


def test_with_another_agencys_meeting_open_ctrl_e_exports_that_agencys_report(
    window, sample, two_agencies, monkeypatch
) -> None:
    from assessor.ui.agency_page import AgenciesPage

    opened = _capture(monkeypatch)
    page = window.show_page("agencies")
    assert isinstance(page, AgenciesPage)
    page.select_agency(sample["agency"])
    page.show_agency(sample["agency"])
    listing = page.detail.assessments
    listing.view.selectRow(1)  # the older Lantmäteriet assessment chosen in its list
    window.export_report_action.trigger()
    assert opened[-1].assessment_id == two_agencies["older"]

    # now Skatteverket's meeting is in front: its report, not Lantmäteriet's chosen one
    page.open_meeting(two_agencies["other"], two_agencies["other_meeting"])
    window.export_report_action.trigger()
    dialog = opened[-1]
    assert dialog.assessment_id == two_agencies["other_assessment"]
    assert dialog.agency_label.text() == "Skatteverket"
    assert "Skatteverket" in dialog.windowTitle()
    assert "Skatteverket 2025" in dialog.assessment.currentText()
    assert "Skatteverket" in dialog.path.text()


def test_an_agency_page_without_a_choice_exports_its_newest_assessment(
    window, sample, two_agencies, monkeypatch
) -> None:
    opened = _capture(monkeypatch)
    page = window.show_page("agencies")
    page.show_agency(sample["agency"])
    page.detail.assessments.view.clearSelection()
    page.detail.assessments.view.setCurrentIndex(page.detail.assessments.model.index(-1, -1))
    window.export_report_action.trigger()
    assert opened[-1].assessment_id == two_agencies["newer"]
    assert opened[-1].agency_label.text() == "Lantmäteriet"


def test_the_dialog_names_the_assessment_and_another_can_be_chosen(
    db, sample, two_agencies, qtbot, tmp_path
) -> None:
    from assessor.services.reports import list_report_records
    from assessor.ui import tasks
    from assessor.ui.report_dialog import ExportReportDialog

    dialog = ExportReportDialog(db, two_agencies["newer"], language="en")
    qtbot.addWidget(dialog)
    assert dialog.agency_label.text() == "Lantmäteriet"
    # both of the agency's assessments, newest first, each named by title, date and status
    labels = [dialog.assessment.itemText(i) for i in range(dialog.assessment.count())]
    assert len(labels) == 2
    assert labels[0].startswith("Uppföljning 2025") and "Delivered" in labels[0]
    assert labels[1].startswith("Första bedömningen")
    assert dialog.assessment.currentIndex() == 0
    assert dialog.language.currentData() == "en"  # the window's language by default
    assert "Uppföljning 2025" in dialog.path.text()

    dialog.assessment.setCurrentIndex(1)
    assert dialog.assessment_id == two_agencies["older"]
    assert "Första bedömningen" in dialog.path.text()  # the name follows the choice
    out = tmp_path / "first.pdf"
    dialog.path.setText(str(out))
    with tasks.synchronous():
        dialog.start_export()
    assert out.read_bytes().startswith(b"%PDF")
    with db.read() as s:
        assert [r.assessment_id for r in list_report_records(s, two_agencies["older"])]
        assert not list_report_records(s, two_agencies["newer"])
