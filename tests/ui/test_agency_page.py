"""The agency page: details saved as they are edited, the org-number error beside the field."""

from __future__ import annotations

from PySide6.QtCore import Qt

from assessor.services.agencies import list_agencies, list_contacts
from assessor.ui.agency_dialogs import orgnr_message
from assessor.ui.agency_page import AgenciesPage


def _page(window, sample) -> AgenciesPage:
    page = window.show_page("agencies")
    assert isinstance(page, AgenciesPage)
    assert page.select_agency(sample["agency"])
    assert page.detail is not None and page.detail.agency_id == sample["agency"]
    return page


def _org_in_db(db) -> str:
    with db.read() as s:
        return list_agencies(s)[0].org_number


def test_the_list_shows_the_agency_and_choosing_it_opens_its_page(window, sample) -> None:
    page = _page(window, sample)
    detail = page.detail
    assert detail.name_edit.text() == "Lantmäteriet"
    assert detail.org_edit.text() == "202100-4888"
    assert detail.contacts.rowCount() == 2
    assert detail.meetings.rowCount() == 1
    assert page.count_label.text() == "1 agencies" or "1" in page.count_label.text()


def test_a_wrong_check_digit_is_explained_beside_the_field_and_the_text_kept(
    window, sample, db, qtbot
) -> None:
    detail = _page(window, sample).detail
    detail.org_edit.setFocus()
    detail.org_edit.selectAll()
    qtbot.keyClicks(detail.org_edit, "202100-4887")
    qtbot.keyClick(detail.org_edit, Qt.Key.Key_Return)  # editingFinished
    assert detail.org_error.isVisible()
    assert "check digit" in detail.org_error.text()
    assert "202100-4888"[-1] in detail.org_error.text()  # says what the digit should be
    assert detail.org_edit.text() == "202100-4887"  # what the user typed stays
    assert _org_in_db(db) == "202100-4888"  # and nothing was saved

    # correcting it clears the message at once and saves on finishing
    qtbot.keyClick(detail.org_edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(detail.org_edit, "8")
    assert not detail.org_error.isVisible()
    qtbot.keyClick(detail.org_edit, Qt.Key.Key_Return)
    assert _org_in_db(db) == "202100-4888"


def test_a_malformed_org_number_is_explained_in_words(window, sample, db, qtbot) -> None:
    detail = _page(window, sample).detail
    detail.org_edit.setFocus()
    detail.org_edit.selectAll()
    qtbot.keyClicks(detail.org_edit, "12-34")
    qtbot.keyClick(detail.org_edit, Qt.Key.Key_Return)
    assert detail.org_error.isVisible()
    assert "NNNNNN-NNNN" in detail.org_error.text()
    assert detail.org_edit.text() == "12-34"
    assert _org_in_db(db) == "202100-4888"


def test_a_valid_org_number_is_saved_normalised_and_undoable(window, sample, db, qtbot) -> None:
    detail = _page(window, sample).detail
    detail.org_edit.setFocus()
    detail.org_edit.selectAll()
    qtbot.keyClicks(detail.org_edit, "2021005448")
    qtbot.keyClick(detail.org_edit, Qt.Key.Key_Return)
    assert not detail.org_error.isVisible()
    assert _org_in_db(db) == "202100-5448"
    window.edits.undo()
    assert _org_in_db(db) == "202100-4888"
    assert detail.org_edit.text() == "202100-4888"


def test_orgnr_message_is_empty_for_valid_and_blank_numbers() -> None:
    assert orgnr_message("202100-4888") == ""
    assert orgnr_message("  ") == ""
    assert "check digit" in orgnr_message("2021004887")
    assert "NNNNNN-NNNN" in orgnr_message("abc")


def test_an_empty_name_is_refused_beside_the_field(window, sample, db, qtbot) -> None:
    detail = _page(window, sample).detail
    detail.name_edit.setFocus()
    detail.name_edit.selectAll()
    qtbot.keyClick(detail.name_edit, Qt.Key.Key_Delete)
    qtbot.keyClick(detail.name_edit, Qt.Key.Key_Return)
    assert detail.name_error.isVisible()
    with db.read() as s:
        assert list_agencies(s)[0].name == "Lantmäteriet"


def test_filter_box_narrows_the_list_and_ctrl_f_focuses_it(window, sample, db, qtbot) -> None:
    from assessor.services.agencies import create_agency

    with db.transaction() as s:
        create_agency(s, name="Skatteverket")
    page = _page(window, sample)
    page.reload()
    assert page.proxy.rowCount() == 2
    window.find_action.trigger()
    assert page.filter_edit.hasFocus() or window.focusWidget() is page.filter_edit
    qtbot.keyClicks(page.filter_edit, "skatte")
    assert page.proxy.rowCount() == 1
    assert "1 of 2" in page.count_label.text()


def test_removing_a_contact_goes_through_the_service(window, sample, db, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    detail = _page(window, sample).detail
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    detail.contacts_view.selectRow(0)
    detail.remove_contact()
    with db.read() as s:
        assert [c.name for c in list_contacts(s, sample["agency"])] == ["Björn Berg"]
    assert detail.contacts.rowCount() == 1


def test_an_assessment_opens_in_the_workspace_and_exports_from_the_file_menu(
    window, sample, db, qtbot, monkeypatch
) -> None:
    from datetime import date

    import pytest

    pytest.importorskip("assessor.ui.workspace.workspace")
    from assessor.services import assessments, checklists
    from assessor.ui import report_dialog

    with db.transaction() as s:
        checklist_id = checklists.list_checklists(s)[0].id
        assessment_id = assessments.create_assessment(
            s,
            sample["agency"],
            checklist_id=checklist_id,
            assessed_on=date(2025, 5, 1),
            title="Bedömning 2025",
        )
    page = _page(window, sample)
    page.show_agency(sample["agency"])
    workspace = page.open_assessment(sample["agency"], assessment_id)
    assert workspace.assessment_id == assessment_id
    assert not page.left.isVisible()  # the workspace takes the whole page
    assert page.current_assessment_id() == assessment_id

    opened: list[str] = []
    monkeypatch.setattr(
        report_dialog.ExportReportDialog,
        "exec",
        lambda self: opened.append(self._assessment_id) or 0,
    )
    window.export_report_action.trigger()
    assert opened == [assessment_id]

    page.show_agency(sample["agency"])  # back: the list is there again
    assert page.left.isVisible()


def test_new_meeting_is_created_and_opened_in_the_editor(window, sample, db) -> None:
    from assessor.services.meetings import list_meetings
    from assessor.ui.meeting_editor import MeetingEditor

    page = _page(window, sample)
    page.detail.new_meeting()
    assert isinstance(page.editor, MeetingEditor)
    with db.read() as s:
        ids = [m.id for m in list_meetings(s, sample["agency"])]
    assert len(ids) == 2 and page.editor.meeting_id in ids


def test_contacts_are_added_and_edited_through_the_dialog(window, sample, db, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from assessor.ui.agency_dialogs import ContactDialog

    def fill(name: str):
        def exec_(self) -> QDialog.DialogCode:
            self.name.setText(name)
            self.email.setText("cecilia@example.se")
            return QDialog.DialogCode.Accepted

        return exec_

    detail = _page(window, sample).detail
    monkeypatch.setattr(ContactDialog, "exec", fill("Cecilia Ek"))
    detail.add_contact()
    names = [r.name for r in detail.contacts.rows()]
    assert "Cecilia Ek" in names
    detail.contacts_view.selectRow(names.index("Cecilia Ek"))
    monkeypatch.setattr(ContactDialog, "exec", fill("Cecilia Eklund"))
    detail.edit_contact()
    with db.read() as s:
        stored = {c.name: c.email for c in list_contacts(s, sample["agency"])}
    assert stored.get("Cecilia Eklund") == "cecilia@example.se"
    assert "Cecilia Ek" not in stored


def test_typing_a_name_is_saved_after_a_pause_without_leaving_the_field(
    window, sample, db, qtbot
) -> None:
    detail = _page(window, sample).detail
    detail.name_edit.setFocus()
    detail.name_edit.end(False)
    qtbot.keyClicks(detail.name_edit, " (LM)")

    def saved() -> bool:
        with db.read() as s:
            return list_agencies(s)[0].name == "Lantmäteriet (LM)"

    qtbot.waitUntil(saved, timeout=3000)
    assert detail.name_edit.hasFocus() or window.focusWidget() is detail.name_edit


def _meetings_in_list(page, agency_id: str) -> int:
    from assessor.ui.agency_model import Column

    row = page.model.row_of(agency_id)
    return int(page.model.index(row, Column.MEETINGS).data())


def test_the_meeting_count_in_the_list_follows_new_and_deleted_meetings(
    window, sample, db, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from assessor.services.meetings import list_meetings

    page = _page(window, sample)
    assert _meetings_in_list(page, sample["agency"]) == 1
    page.detail.new_meeting()
    assert _meetings_in_list(page, sample["agency"]) == 2
    assert page.view.selectionModel().selectedRows()  # the agency stays chosen

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.editor.delete_requested.emit()
    with db.read() as s:
        assert [m.id for m in list_meetings(s, sample["agency"])] == [sample["meeting"]]
    assert _meetings_in_list(page, sample["agency"]) == 1
    assert page.editor is None and page.right.currentWidget() is page.detail


def test_undo_right_after_new_meeting_removes_it_and_redo_brings_it_back(
    window, sample, db
) -> None:
    from assessor.services.meetings import list_meetings

    page = _page(window, sample)
    page.detail.new_meeting()
    new_id = page.editor.meeting_id
    window.edits.undo()
    with db.read() as s:
        assert [m.id for m in list_meetings(s, sample["agency"])] == [sample["meeting"]]
    assert page.editor is None  # not left editing a deleted meeting
    assert _meetings_in_list(page, sample["agency"]) == 1
    window.edits.redo()
    with db.read() as s:
        assert new_id in [m.id for m in list_meetings(s, sample["agency"])]
    assert _meetings_in_list(page, sample["agency"]) == 2


def test_deleting_a_meeting_from_the_list_asks_first_and_is_undoable(
    window, sample, db, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from assessor.services.meetings import list_meetings

    detail = _page(window, sample).detail
    detail.meetings_view.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    detail.delete_meeting()
    with db.read() as s:
        assert len(list_meetings(s, sample["agency"])) == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    detail.delete_meeting()
    with db.read() as s:
        assert list_meetings(s, sample["agency"]) == []
    assert detail.meetings.rowCount() == 0
    window.edits.undo()
    with db.read() as s:
        assert [m.id for m in list_meetings(s, sample["agency"])] == [sample["meeting"]]
    assert detail.meetings.rowCount() == 1


def test_a_long_org_number_error_in_the_new_agency_dialog_is_shown_whole(qtbot) -> None:
    from assessor.ui.agency_dialogs import NewAgencyDialog

    dialog = NewAgencyDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("Testverket")
    dialog.org.setText("not a number at all, but quite a long text")
    dialog._accept()
    qtbot.wait(10)
    error = dialog.error
    assert error.isVisible() and "NNNNNN-NNNN" in error.text()
    assert error.height() >= error.heightForWidth(error.width())  # no line cut off
    assert error.height() > error.fontMetrics().height() * 1.5  # it did wrap
    assert not error.geometry().intersects(dialog.ministry.geometry())
    assert not error.geometry().intersects(dialog.org.geometry())


def test_the_contact_dialog_shows_a_whole_email_address(qtbot) -> None:
    from assessor.ui.agency_dialogs import ContactDialog

    dialog = ContactDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    address = "anna-karin.andersson@forsakringskassan.se"
    dialog.email.setText(address)
    room = dialog.email.contentsRect().width()
    assert room >= dialog.email.fontMetrics().horizontalAdvance(address)
