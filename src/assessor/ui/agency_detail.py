"""One agency on the right of the Agencies section: its details (saved as typed), its
contacts, meetings and assessments."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Protocol

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from assessor.domain.errors import AssessorError, ValidationError, row_not_found
from assessor.services import agency_reads
from assessor.ui.agency_dialogs import ContactDialog, orgnr_message, with_error
from assessor.ui.agency_lists import (
    CONTACT_COLUMNS,
    MEETING_COLUMNS,
    contact_columns,
    list_table,
    meeting_columns,
    share_height,
)
from assessor.ui.changes import Change, Table
from assessor.ui.context import AppContext
from assessor.ui.fields import ErrorLabel, FieldBinding
from assessor.ui.row_model import RowTableModel


class AgencyPageActions(Protocol):
    """What one agency asks of the page around it (ui/agency_page.AgenciesPage)."""

    def open_meeting(self, agency_id: str, meeting_id: str) -> QWidget: ...

    def delete_meeting(self, agency_id: str, meeting_id: str, confirm: bool = True) -> bool: ...

    def push_meeting_step(
        self, text: str, agency_id: str, meeting_id: str, deleted_by_undo: bool
    ) -> None: ...

    def open_assessment(self, agency_id: str, assessment_id: str) -> QWidget: ...

    def refresh_soon(self, *_args: object) -> None: ...


def _agencies() -> Any:
    # imported on first use: the services pull in SQLAlchemy, which the first paint avoids
    from assessor.services import agencies

    return agencies


def _meetings() -> Any:
    from assessor.services import meetings

    return meetings


class AgencyDetail(QWidget):
    """One agency: editable details, contacts, meetings. Every edit is saved at once."""

    def __init__(self, context: AppContext, page: AgencyPageActions) -> None:
        super().__init__()
        self.context = context
        self.edits = context.edits
        self.page = page
        self.agency_id: str | None = None
        self._bindings: list[FieldBinding] = []

        outer = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setObjectName("agencyHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        outer.addWidget(self.heading)

        details = QGroupBox(self.tr("Details"))
        form = QFormLayout(details)
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(self.tr("Agency name"))
        self.name_error = ErrorLabel()
        self.org_edit = QLineEdit()
        self.org_edit.setAccessibleName(self.tr("Organisation number"))
        self.org_edit.setPlaceholderText(self.tr("NNNNNN-NNNN"))
        self.org_edit.setMaxLength(20)
        self.org_error = ErrorLabel()
        self.ministry_edit = QLineEdit()
        self.ministry_edit.setAccessibleName(self.tr("Ministry"))
        form.addRow(self.tr("&Name:"), with_error(self.name_edit, self.name_error))
        form.addRow(self.tr("&Organisation number:"), with_error(self.org_edit, self.org_error))
        form.addRow(self.tr("&Ministry:"), self.ministry_edit)
        self.org_edit.textEdited.connect(self._org_typed)
        outer.addWidget(details)

        lists = QSplitter(Qt.Orientation.Vertical)
        lists.setObjectName("agencyLists")
        self.lists_splitter = lists

        contacts_box = QGroupBox(self.tr("Contacts"))
        cl = QVBoxLayout(contacts_box)
        self.contacts = RowTableModel(CONTACT_COLUMNS, self)
        self.contacts_view = list_table(self.contacts, self.tr("Contacts"))
        self.contacts_columns = contact_columns(self.contacts_view, self.contacts)
        self.contacts_view.doubleClicked.connect(lambda _i: self.edit_contact())
        cl.addWidget(self.contacts_view)
        row = QHBoxLayout()
        self.add_contact_button = QPushButton(self.tr("&Add contact…"))
        self.edit_contact_button = QPushButton(self.tr("Edi&t…"))
        self.edit_contact_button.setAccessibleName(self.tr("Edit contact"))
        self.remove_contact_button = QPushButton(self.tr("Remove"))
        self.remove_contact_button.setAccessibleName(self.tr("Remove contact"))
        self.add_contact_button.clicked.connect(self.add_contact)
        self.edit_contact_button.clicked.connect(self.edit_contact)
        self.remove_contact_button.clicked.connect(self.remove_contact)
        for b in (self.add_contact_button, self.edit_contact_button, self.remove_contact_button):
            row.addWidget(b)
        row.addStretch(1)
        cl.addLayout(row)
        lists.addWidget(contacts_box)

        meetings_box = QGroupBox(self.tr("Meetings"))
        ml = QVBoxLayout(meetings_box)
        self.meetings = RowTableModel(MEETING_COLUMNS, self)
        self.meetings_view = list_table(self.meetings, self.tr("Meetings"))
        self.meetings_columns = meeting_columns(self.meetings_view, self.meetings)
        self.meetings_view.doubleClicked.connect(lambda _i: self.open_meeting())
        ml.addWidget(self.meetings_view)
        row = QHBoxLayout()
        self.new_meeting_button = QPushButton(self.tr("New meet&ing"))
        # short words inside the Meetings box (as the contacts' Edit… and Remove): the four
        # buttons in a row set the pane's least width, and so how much the agency list keeps
        self.open_meeting_button = QPushButton(self.tr("Open"))
        self.open_meeting_button.setAccessibleName(self.tr("Open meeting"))
        self.delete_meeting_button = QPushButton(self.tr("Delete…"))
        self.delete_meeting_button.setAccessibleName(self.tr("Delete meeting…"))
        self.new_meeting_button.clicked.connect(self.new_meeting)
        self.open_meeting_button.clicked.connect(self.open_meeting)
        self.delete_meeting_button.clicked.connect(self.delete_meeting)
        row.addWidget(self.new_meeting_button)
        row.addWidget(self.open_meeting_button)
        row.addWidget(self.delete_meeting_button)
        self.meeting_mode_button = QPushButton(self.tr("Meeting mo&de…"))
        self.meeting_mode_button.clicked.connect(self.meeting_mode)
        row.addWidget(self.meeting_mode_button)
        row.addStretch(1)
        ml.addLayout(row)
        lists.addWidget(meetings_box)

        # the agency's assessments, each opened in the assessment workspace
        self.assessments_box = QGroupBox(self.tr("Assessments"))
        self.assessments_layout = QVBoxLayout(self.assessments_box)
        self.assessments: QWidget | None = None
        lists.addWidget(self.assessments_box)
        outer.addWidget(lists, 1)

        self.edits.changed.connect(self._on_data_changed)

    # --- loading ---

    def load(self, agency_id: str) -> None:
        for b in self._bindings:
            b.commit()
            b._detach()
            b.deleteLater()
        self._bindings = []
        self.agency_id = agency_id
        with self.context.reads() as con:
            agency = agency_reads.agency_facts(con, agency_id)
        if agency is None:
            raise row_not_found("agency", agency_id)
        name, org, ministry = agency.name, agency.org_number, agency.ministry
        self.heading.setText(name)
        self.name_error.clear_error()
        self.org_error.clear_error()
        self._bindings = [
            self._bind(
                self.name_edit,
                "name",
                name,
                self.tr("edit agency name"),
                self.name_error,
                self._name_message,
            ),
            self._bind(
                self.org_edit,
                "org_number",
                org,
                self.tr("edit organisation number"),
                self.org_error,
                lambda _e, v: orgnr_message(v),
            ),
            self._bind(
                self.ministry_edit, "ministry", ministry, self.tr("edit ministry"), None, None
            ),
        ]
        self.reload_lists()
        self._load_assessments(agency_id)

    def _load_assessments(self, agency_id: str) -> None:
        from assessor.ui.workspace.assessments import AgencyAssessments

        if (
            isinstance(self.assessments, AgencyAssessments)
            and self.assessments.agency_id == agency_id
        ):
            # the same agency read again (a refresh): keep the widget, so that a dialog it has
            # open (New assessment) is not deleted under the user
            self.assessments.reload()
            return
        if self.assessments is not None:
            self.assessments_layout.removeWidget(self.assessments)
            self.assessments.deleteLater()
        try:
            widget = AgencyAssessments(
                self.context.db,
                agency_id,
                reads=self.context.reads,
                undo_stack=self.edits.stack,
                lang=self.context.language,
            )
        except Exception:  # that part failing must not hide the agency
            import logging

            logging.getLogger(__name__).exception("the assessments list failed")
            self.assessments = None
            return
        widget.open_requested.connect(
            lambda assessment_id: self.page.open_assessment(agency_id, assessment_id)
        )
        # an assessment added or removed there changes the count in the agency list
        model = getattr(widget, "model", None)
        for name in ("modelReset", "rowsInserted", "rowsRemoved"):
            signal = getattr(model, name, None)
            if signal is not None:
                signal.connect(self.page.refresh_soon)
        self.assessments = widget
        self.assessments_layout.addWidget(widget)

    def _bind(
        self,
        edit: QLineEdit,
        field: str,
        value: str,
        undo_text: str,
        error: ErrorLabel | None,
        message: Any,
    ) -> FieldBinding:
        agency_id = self.agency_id
        assert agency_id is not None
        db = self.context.db

        def write(v: str) -> None:
            with db.transaction() as s:
                _agencies().update_agency(s, agency_id, **{field: v})

        binding = FieldBinding(
            self.edits,
            edit,
            key=("agency", agency_id, field),
            undo_text=undo_text,
            get=edit.text,
            put=edit.setText,
            write=write,
            saved=value,
            finished=edit.editingFinished,
            error_label=error,
            message=message,
            change=Change.of(Table.AGENCY),
            # a half-typed org number is always wrong: that one is checked when finished
            changed=None if field == "org_number" else edit.textEdited,
        )
        binding.set_value(value)
        return binding

    def _name_message(self, exc: AssessorError, _value: str) -> str:
        if isinstance(exc, ValidationError) and exc.field == "name":
            return self.tr("The agency's name cannot be empty.")
        return exc.message

    def _org_typed(self, text: str) -> None:
        # a fixed number clears the error as soon as it is right; a new one waits for the user
        if self.org_error.has_error() and not orgnr_message(text):
            self.org_error.clear_error()

    def reload_lists(self) -> None:
        if self.agency_id is None:
            return
        with self.context.reads() as con:
            contacts = agency_reads.contact_rows(con, self.agency_id)
            meetings = agency_reads.meeting_rows(con, self.agency_id)
        self.contacts.set_rows(contacts)
        self.meetings.set_rows(meetings)
        QTimer.singleShot(0, self.fit_lists)  # once the assessments' list is filled too

    def fit_lists(self) -> None:
        share_height(self.lists_splitter)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self.fit_lists)

    def _on_data_changed(self, change: Change) -> None:
        if self.agency_id is None or not self.isVisible():
            return
        if change.touches(Table.AGENCY):
            self.heading.setText(self.name_edit.text())
        if change.touches(Table.CONTACT, Table.MEETING):
            self.reload_lists()

    # --- contacts ---

    def _selected(self, view: QTableView, model: RowTableModel[Any]) -> Any:
        rows = view.selectionModel().selectedRows()
        if not rows:
            return None
        return model.row_at(rows[0].row())

    def add_contact(self) -> None:
        if self.agency_id is None:
            return
        dialog = ContactDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            with self.context.db.transaction() as s:
                _agencies().create_contact(s, self.agency_id, **dialog.values())
        except AssessorError as exc:
            QMessageBox.warning(self, self.tr("Contact not added"), exc.message)
        self.reload_lists()

    def edit_contact(self) -> None:
        contact = self._selected(self.contacts_view, self.contacts)
        if contact is None:
            return
        dialog = ContactDialog(self, contact)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            with self.context.db.transaction() as s:
                _agencies().update_contact(s, contact.id, **dialog.values())
        except AssessorError as exc:
            QMessageBox.warning(self, self.tr("Contact not changed"), exc.message)
        self.reload_lists()

    def remove_contact(self) -> None:
        contact = self._selected(self.contacts_view, self.contacts)
        if contact is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove contact"),
            self.tr("Remove %1 from this agency's contacts?").replace("%1", contact.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        with self.context.db.transaction() as s:
            _agencies().delete_contact(s, contact.id)
        self.reload_lists()

    # --- meetings ---

    def new_meeting(self) -> None:
        if self.agency_id is None:
            return
        agency_id = self.agency_id
        start = (datetime.now() + timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)
        with self.context.db.transaction() as s:
            meeting_id = _meetings().create_meeting(
                s, agency_id, starts_at=start, ends_at=start + timedelta(hours=1)
            )
        # created at once (saved as you type), so Undo is the way to take it back
        self.page.push_meeting_step(
            self.tr("new meeting"), agency_id, meeting_id, deleted_by_undo=True
        )
        self.reload_lists()
        self.page.open_meeting(agency_id, meeting_id)

    def delete_meeting(self) -> None:
        meeting = self._selected(self.meetings_view, self.meetings)
        if meeting is None or self.agency_id is None:
            return
        self.page.delete_meeting(self.agency_id, meeting.id)

    def meeting_mode(self) -> None:
        """Meeting mode (time-stamped notes, quick-add of contacts) in a window of its own."""
        from assessor.ui.workspace.meeting_mode import MeetingMode

        if self.agency_id is None:
            return
        mode = MeetingMode(
            self.context.db, self.agency_id, undo_stack=self.edits.stack, lang=self.context.language
        )
        mode.setParent(self, Qt.WindowType.Window)
        mode.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        mode.resize(900, 700)
        mode.destroyed.connect(lambda _o=None: self.reload_lists())
        mode.show()

    def open_meeting(self) -> None:
        meeting = self._selected(self.meetings_view, self.meetings)
        if meeting is None or self.agency_id is None:
            return
        self.page.open_meeting(self.agency_id, meeting.id)
