"""The Agencies section: the filterable list on the left; on the right the chosen agency (details,
contacts, meetings) or one of its meetings in the meeting editor."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelection, QSettings, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from assessor.domain import orgnr
from assessor.domain.errors import AssessorError, ValidationError
from assessor.ui.agency_model import ID_ROLE, AgencyFilterProxy, AgencyTableModel, Column
from assessor.ui.columns import LEAST, ColumnFitter, text_width
from assessor.ui.context import AppContext
from assessor.ui.fields import ErrorLabel, FieldBinding
from assessor.ui.row_model import ColumnSpec, RowTableModel


def _agencies() -> Any:
    # imported on first use: the services pull in SQLAlchemy, which the first paint avoids
    from assessor.services import agencies

    return agencies


def _meetings() -> Any:
    from assessor.services import meetings

    return meetings


@dataclass(frozen=True)
class ContactRow:
    id: str
    name: str
    title: str
    email: str
    phone: str


@dataclass(frozen=True)
class MeetingRow:
    id: str
    starts_at: datetime
    kind: str
    title: str
    place: str


def kind_label(kind: str) -> str:
    from assessor.ui.meeting_editor import kind_names

    return kind_names().get(kind, kind)


CONTACT_COLUMNS: list[ColumnSpec[ContactRow]] = [
    ColumnSpec("name", QT_TRANSLATE_NOOP("RowTableModel", "Name"), lambda r: r.name),
    ColumnSpec("title", QT_TRANSLATE_NOOP("RowTableModel", "Job title"), lambda r: r.title),
    ColumnSpec("email", QT_TRANSLATE_NOOP("RowTableModel", "E-mail"), lambda r: r.email),
    ColumnSpec("phone", QT_TRANSLATE_NOOP("RowTableModel", "Phone"), lambda r: r.phone),
]
MEETING_COLUMNS: list[ColumnSpec[MeetingRow]] = [
    ColumnSpec("starts_at", QT_TRANSLATE_NOOP("RowTableModel", "When"), lambda r: r.starts_at),
    ColumnSpec("kind", QT_TRANSLATE_NOOP("RowTableModel", "Kind"), lambda r: kind_label(r.kind)),
    ColumnSpec("title", QT_TRANSLATE_NOOP("RowTableModel", "Title"), lambda r: r.title),
    ColumnSpec("place", QT_TRANSLATE_NOOP("RowTableModel", "Place"), lambda r: r.place),
]


def orgnr_message(raw: str) -> str:
    """Why ``raw`` is not an organisation number, in the UI language ("" when it is one)."""
    from PySide6.QtCore import QCoreApplication

    text = raw.strip()
    if not text or orgnr.is_valid(text):
        return ""
    digits = "".join(ch for ch in text if ch.isdigit())
    shaped = text.replace(" ", "").replace("-", "")
    if shaped.isdigit() and len(digits) in (10, 12):
        ten = digits[-10:]
        message = QCoreApplication.translate(
            "AgencyDetail", "The check digit of %1 is wrong: the last digit should be %2."
        )
        return message.replace("%1", f"{ten[:6]}-{ten[6:]}").replace(
            "%2", str(orgnr.luhn_check_digit(ten[:9]))
        )
    message = QCoreApplication.translate(
        "AgencyDetail", "“%1” is not an organisation number; write ten digits as NNNNNN-NNNN."
    )
    return message.replace("%1", text)


def _compact_rows(view: QTableView) -> None:
    """Rows as high as the text needs (the style's default is roomy), so more agencies show."""
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)


def _widest(view: QTableView, model: Any, column: int, samples: list[str]) -> int:
    title = str(model.headerData(column, Qt.Orientation.Horizontal))
    return max([text_width(view, title, header=True)] + [text_width(view, t) for t in samples])


def _contact_columns(view: QTableView, model: RowTableModel[Any]) -> ColumnFitter:
    col = model.column_of
    return ColumnFitter(
        view, stretch=col("name"), least=120,
        widths={
            col("title"): text_width(view, "M" * 12),
            col("email"): text_width(view, "fornamn.efternamn@myndighet.se"),
            col("phone"): _widest(view, model, col("phone"), ["010-000 00 00"]),
        },
        give=[(col("email"), 70), (col("title"), 70)],
    )


def _meeting_columns(view: QTableView, model: RowTableModel[Any]) -> ColumnFitter:
    from PySide6.QtCore import QDateTime, QLocale

    from assessor.ui.meeting_editor import kind_names

    col = model.column_of
    when = QLocale().toString(
        QDateTime.fromString("2025-12-28T23:59:00", Qt.DateFormat.ISODate),
        QLocale.FormatType.ShortFormat,
    )
    return ColumnFitter(
        view, stretch=col("title"), least=150,
        widths={
            col("starts_at"): _widest(view, model, col("starts_at"), [when]),
            col("kind"): _widest(view, model, col("kind"), list(kind_names().values())),
            col("place"): text_width(view, "M" * 10),
        },
        give=[(col("place"), LEAST), (col("kind"), LEAST)],
    )


def _table(model: Any, name: str) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    _compact_rows(view)
    view.horizontalHeader().setStretchLastSection(True)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    return view


class ContactDialog(QDialog):
    """Add or edit one contact person."""

    def __init__(self, parent: QWidget | None, contact: ContactRow | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit contact") if contact else self.tr("New contact"))
        form = QFormLayout(self)
        # room for a whole e-mail address and job title
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self.name = QLineEdit(contact.name if contact else "")
        self.title = QLineEdit(contact.title if contact else "")
        self.email = QLineEdit(contact.email if contact else "")
        self.phone = QLineEdit(contact.phone if contact else "")
        for widget, label in (
            (self.name, self.tr("&Name:")),
            (self.title, self.tr("&Title:")),
            (self.email, self.tr("&E-mail:")),
            (self.phone, self.tr("&Phone:")),
        ):
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            form.addRow(label, widget)
        self.error = ErrorLabel()
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict[str, str]:
        return {
            "name": self.name.text(), "title": self.title.text(),
            "email": self.email.text(), "phone": self.phone.text(),
        }

    def _accept(self) -> None:
        if not self.name.text().strip():
            self.error.show_error(self.tr("The contact's name cannot be empty."))
            self.name.setFocus()
            return
        self.accept()


class AgencyDetail(QWidget):
    """One agency: editable details, contacts, meetings. Every edit is saved at once."""

    def __init__(self, context: AppContext, page: AgenciesPage) -> None:
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
        form.addRow(self.tr("&Name:"), _with_error(self.name_edit, self.name_error))
        form.addRow(self.tr("&Organisation number:"), _with_error(self.org_edit, self.org_error))
        form.addRow(self.tr("&Ministry:"), self.ministry_edit)
        self.org_edit.textEdited.connect(self._org_typed)
        outer.addWidget(details)

        lists = QSplitter(Qt.Orientation.Vertical)
        lists.setObjectName("agencyLists")
        self.lists_splitter = lists

        contacts_box = QGroupBox(self.tr("Contacts"))
        cl = QVBoxLayout(contacts_box)
        self.contacts = RowTableModel(CONTACT_COLUMNS, self)
        self.contacts_view = _table(self.contacts, self.tr("Contacts"))
        self.contacts_columns = _contact_columns(self.contacts_view, self.contacts)
        self.contacts_view.doubleClicked.connect(lambda _i: self.edit_contact())
        cl.addWidget(self.contacts_view)
        row = QHBoxLayout()
        self.add_contact_button = QPushButton(self.tr("Add contact…"))
        self.edit_contact_button = QPushButton(self.tr("Edit…"))
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
        self.meetings_view = _table(self.meetings, self.tr("Meetings"))
        self.meetings_columns = _meeting_columns(self.meetings_view, self.meetings)
        self.meetings_view.doubleClicked.connect(lambda _i: self.open_meeting())
        ml.addWidget(self.meetings_view)
        row = QHBoxLayout()
        self.new_meeting_button = QPushButton(self.tr("New meeting"))
        self.open_meeting_button = QPushButton(self.tr("Open meeting"))
        self.delete_meeting_button = QPushButton(self.tr("Delete meeting…"))
        self.new_meeting_button.clicked.connect(self.new_meeting)
        self.open_meeting_button.clicked.connect(self.open_meeting)
        self.delete_meeting_button.clicked.connect(self.delete_meeting)
        row.addWidget(self.new_meeting_button)
        row.addWidget(self.open_meeting_button)
        row.addWidget(self.delete_meeting_button)
        if _has_workspace():
            self.meeting_mode_button = QPushButton(self.tr("Meeting mode…"))
            self.meeting_mode_button.clicked.connect(self.meeting_mode)
            row.addWidget(self.meeting_mode_button)
        row.addStretch(1)
        ml.addLayout(row)
        lists.addWidget(meetings_box)

        # the assessment workspace's list, when that part of the program is present
        self.assessments_box = QGroupBox(self.tr("Assessments"))
        self.assessments_layout = QVBoxLayout(self.assessments_box)
        self.assessments: QWidget | None = None
        if _has_workspace():
            lists.addWidget(self.assessments_box)
        outer.addWidget(lists, 1)

        self.edits.changed.connect(self._on_data_changed)

    # --- loading ---

    def load(self, agency_id: str) -> None:
        from assessor.services.rows import get_live
        from assessor.store.models import Agency

        for b in self._bindings:
            b.commit()
            b._detach()
            b.deleteLater()
        self._bindings = []
        self.agency_id = agency_id
        with self.context.db.read() as s:
            agency = get_live(s, Agency, agency_id)
            name, org, ministry = agency.name, agency.org_number, agency.ministry
        self.heading.setText(name)
        self.name_error.clear_error()
        self.org_error.clear_error()
        self._bindings = [
            self._bind(self.name_edit, "name", name, self.tr("edit agency name"),
                       self.name_error, self._name_message),
            self._bind(self.org_edit, "org_number", org, self.tr("edit organisation number"),
                       self.org_error, lambda _e, v: orgnr_message(v)),
            self._bind(self.ministry_edit, "ministry", ministry, self.tr("edit ministry"),
                       None, None),
        ]
        self.reload_lists()
        self._load_assessments(agency_id)

    def _load_assessments(self, agency_id: str) -> None:
        if not _has_workspace():
            return
        from assessor.ui.workspace.assessments import AgencyAssessments

        if isinstance(self.assessments, AgencyAssessments) \
                and self.assessments.agency_id == agency_id:
            # the same agency read again (a refresh): keep the widget, so that a dialog it has
            # open (New assessment) is not deleted under the user
            self.assessments.reload()
            return
        if self.assessments is not None:
            self.assessments_layout.removeWidget(self.assessments)
            self.assessments.deleteLater()
        try:
            widget = AgencyAssessments(
                self.context.db, agency_id, undo_stack=self.edits.stack,
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
        self, edit: QLineEdit, field: str, value: str, undo_text: str,
        error: ErrorLabel | None, message: Any,
    ) -> FieldBinding:
        agency_id = self.agency_id
        assert agency_id is not None
        db = self.context.db

        def write(v: str) -> None:
            with db.transaction() as s:
                _agencies().update_agency(s, agency_id, **{field: v})

        binding = FieldBinding(
            self.edits, edit, key=("agency", agency_id, field), undo_text=undo_text,
            get=edit.text, put=edit.setText, write=write, saved=value,
            finished=edit.editingFinished, error_label=error, message=message, table="agency",
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
        with self.context.db.read() as s:
            contacts = [
                ContactRow(c.id, c.name, c.title, c.email, c.phone)
                for c in _agencies().list_contacts(s, self.agency_id)
            ]
            meetings = [
                MeetingRow(m.id, m.starts_at, m.kind, m.title, m.place)
                for m in _meetings().list_meetings(s, self.agency_id)
            ]
        self.contacts.set_rows(contacts)
        self.meetings.set_rows(meetings)
        QTimer.singleShot(0, self.fit_lists)  # once the assessments' list is filled too

    # --- the three lists share the height by what they hold ---

    def _list_need(self, box: QWidget, view: QTableView | None, rows: int) -> tuple[int, int]:
        """(height showing every row, height showing three) of one list's box."""
        if view is None:
            return box.sizeHint().height(), box.minimumSizeHint().height()
        # what the box holds besides the table (title, buttons, margins), as laid out now
        chrome = box.height() - view.height() if box.height() > 0 else (
            box.sizeHint().height() - view.sizeHint().height())
        head = view.horizontalHeader().height() or view.horizontalHeader().sizeHint().height()
        row_h = view.rowHeight(0) if rows else view.verticalHeader().defaultSectionSize()
        base = max(0, chrome) + head + 2 * view.frameWidth() + 2
        return base + max(rows, 1) * row_h, base + min(max(rows, 1), 3) * row_h

    def fit_lists(self) -> None:
        """Each list as tall as its rows where the room allows: a list of three contacts does
        not keep empty space while the meetings below scroll. The room left over goes to the
        longest list; when there is too little, each keeps three rows and the rest is shared
        by what the lists hold."""
        splitter = self.lists_splitter
        total = splitter.height() - splitter.handleWidth() * (splitter.count() - 1)
        if total <= 0 or splitter.count() == 0:
            return
        views: list[tuple[QWidget, QTableView | None, int]] = []
        for i in range(splitter.count()):
            box = splitter.widget(i)
            if box is None:
                return
            view = box.findChild(QTableView)
            model = view.model() if view is not None else None
            views.append((box, view, model.rowCount() if model is not None else 0))
        needs = [self._list_need(box, view, rows) for box, view, rows in views]
        full = [n for n, _ in needs]
        least = [m for _, m in needs]
        if sum(full) <= total:
            sizes = list(full)
            longest = max(range(len(views)), key=lambda i: views[i][2])
            sizes[longest] += total - sum(full)
        else:
            sizes = list(least)
            spare = max(0, total - sum(least))
            wanted = [f - m for f, m in zip(full, least, strict=True)]
            share = sum(wanted) or 1
            sizes = [m + spare * w // share for m, w in zip(least, wanted, strict=True)]
        splitter.setSizes(sizes)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self.fit_lists)

    def _on_data_changed(self, table: str) -> None:
        if self.agency_id is None or not self.isVisible():
            return
        if table in ("", "agency"):
            self.heading.setText(self.name_edit.text())
        if table in ("", "contact", "meeting"):
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
            self, self.tr("Remove contact"),
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
        mode = MeetingMode(self.context.db, self.agency_id, undo_stack=self.edits.stack,
                           lang=self.context.language)
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


def _has_workspace() -> bool:
    from importlib.util import find_spec

    try:
        return find_spec("assessor.ui.workspace.assessments") is not None
    except (ImportError, ValueError):
        return False


def _with_error(field: QWidget, error: ErrorLabel) -> QWidget:
    box = QWidget()
    lay = QHBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.addWidget(field, 1)
    lay.addWidget(error, 1)
    return box


class NewAgencyDialog(QDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New agency"))
        form = QFormLayout(self)
        # room for a ministry's long name, and for the error message on two lines at most
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Agency name"))
        self.org = QLineEdit()
        self.org.setAccessibleName(self.tr("Organisation number"))
        self.org.setPlaceholderText(self.tr("NNNNNN-NNNN"))
        self.ministry = QLineEdit()
        self.ministry.setAccessibleName(self.tr("Ministry"))
        self.error = ErrorLabel()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Organisation number:"), self.org)
        form.addRow(self.tr("&Ministry:"), self.ministry)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _accept(self) -> None:
        if not self.name.text().strip():
            self._show_error(self.tr("The agency's name cannot be empty."))
            self.name.setFocus()
            return
        message = orgnr_message(self.org.text())
        if message:
            self._show_error(message)
            self.org.setFocus()
            return
        self.accept()

    def _show_error(self, message: str) -> None:
        """Show the message wrapped, growing the dialog so that no line of it is cut off (the
        dialog's size does not follow a wrapped label's height by itself)."""
        self.error.show_error(message)
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)


# the agency list's name column is never narrower than this
NAME_LEAST = 160


class AgenciesPage(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.model = AgencyTableModel(parent=self)
        self.proxy = AgencyFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("agencyFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter by name, org. number or ministry"))
        self.filter_edit.setAccessibleName(self.tr("Filter agencies"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter_changed)

        self.view = QTableView()
        self.view.setObjectName("agencyTable")
        self.view.setAccessibleName(self.tr("Agencies"))
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        _compact_rows(self.view)
        # widths from the font, not ResizeToContents: that measures every row at start-up
        view, model = self.view, self.model
        self.columns = ColumnFitter(
            view, stretch=Column.NAME, least=NAME_LEAST,
            widths={
                Column.ORG_NUMBER: _widest(view, model, Column.ORG_NUMBER, ["000000-0000"]),
                Column.MINISTRY: text_width(view, "M" * 12),
                Column.MEETINGS: _widest(view, model, Column.MEETINGS, ["000"]),
                Column.ASSESSMENTS: _widest(view, model, Column.ASSESSMENTS, ["000"]),
            },
            give=[(Column.MINISTRY, LEAST)],
        )
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

        self.count_label = QLabel()
        self.count_label.setObjectName("agencyCount")
        new_button = QPushButton(self.tr("New agency…"))
        new_button.clicked.connect(self.new_agency)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.filter_edit)
        ll.addWidget(self.view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(new_button)
        ll.addLayout(bottom)

        self.right = QStackedWidget()
        self.empty = QLabel(
            self.tr("Choose an agency in the list, or create one with File > New agency.")
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.right.addWidget(self.empty)
        self.detail: AgencyDetail | None = None  # built when first needed
        self.editor: QWidget | None = None
        self.workspace: QWidget | None = None

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("agencySplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.right)
        self.splitter.setSizes([580, 520])
        self.left = left
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.splitter)

        self._selected_id: str | None = None
        self._pending_agency: str | None = None
        if context.first_rows is not None:  # read for the first paint, without SQLAlchemy
            self.model.set_rows(context.first_rows)
            context.first_rows = None
            self._update_count()
        else:
            self.reload()
        context.edits.changed.connect(self._on_data_changed)
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(200)
        self._reload_timer.timeout.connect(self.reload)

    # --- list ---

    def reload(self) -> None:
        self.model.load(self.context.db)
        self._update_count()
        if self._selected_id is not None:
            self.select_agency(self._selected_id)

    def _on_data_changed(self, table: str) -> None:
        if table in ("", "agency", "meeting"):
            self._reload_timer.start()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            self.count_label.setText(self.tr("%n agencies", "", total))
        else:
            self.count_label.setText(
                self.tr("%1 of %n agencies", "", total).replace("%1", str(shown))
            )

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        self._update_count()

    def focus_search(self) -> None:
        if self.workspace is not None and self.right.currentWidget() is self.editor:
            focus = getattr(self.workspace, "focus_search", None)
            if focus is not None:
                focus()
                return
        if not self.left.isVisible() and self._selected_id is not None:
            self.show_agency(self._selected_id)
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def select_agency(self, agency_id: str) -> bool:
        source_row = self.model.row_of(agency_id)
        if source_row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            return False
        self.view.selectRow(index.row())
        self.view.scrollTo(index)
        return True

    def _selection_changed(self, _sel: QItemSelection, _desel: QItemSelection) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return
        agency_id = str(rows[0].data(ID_ROLE))
        if agency_id == self._selected_id and self.right.currentWidget() is not self.empty:
            return
        self.show_agency(agency_id)

    # --- right side ---

    def show_agency(self, agency_id: str) -> AgencyDetail:
        self.context.edits.flush()
        if self.detail is None:
            self.detail = AgencyDetail(self.context, self)
            self.right.addWidget(self.detail)
        self._selected_id = agency_id
        self.detail.load(agency_id)
        self._close_editor()
        self.right.setCurrentWidget(self.detail)
        self._focus_right(False)
        return self.detail

    def open_meeting(self, agency_id: str, meeting_id: str) -> QWidget:
        from assessor.ui.meeting_editor import MeetingEditor

        self.context.edits.flush()
        self._close_editor()
        editor = MeetingEditor(self.context, meeting_id)
        editor.back_requested.connect(lambda: self.show_agency(agency_id))
        editor.delete_requested.connect(lambda: self.delete_meeting(agency_id, meeting_id))
        self.editor = editor
        self.right.addWidget(editor)
        self.right.setCurrentWidget(editor)
        self._focus_right(True)
        return editor

    def delete_meeting(self, agency_id: str, meeting_id: str, confirm: bool = True) -> bool:
        """Delete a meeting (after asking), undoably; back to the agency if it was open."""
        if confirm:
            answer = QMessageBox.question(
                self, self.tr("Delete meeting"),
                self.tr("Delete this meeting with its notes, participants and action items? "
                        "Edit > Undo brings it back."),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self.context.edits.flush()
        try:
            with self.context.db.transaction() as s:
                _meetings().delete_meeting(s, meeting_id)
        except AssessorError as exc:
            QMessageBox.warning(self, self.tr("Meeting not deleted"), exc.message)
            return False
        self.push_meeting_step(self.tr("delete meeting"), agency_id, meeting_id,
                               deleted_by_undo=False)
        self._leave_meeting(agency_id, meeting_id)
        return True

    def push_meeting_step(
        self, text: str, agency_id: str, meeting_id: str, deleted_by_undo: bool
    ) -> None:
        """An undo step over a meeting already created (undo deletes it) or deleted (undo
        brings it back); the list's meeting count follows either way."""
        db = self.context.db

        def delete() -> None:
            self.context.edits.flush()
            with db.transaction() as s:
                _meetings().delete_meeting(s, meeting_id)
            self._leave_meeting(agency_id, meeting_id)

        def restore() -> None:
            from assessor.services.rows import restore as restore_row
            from assessor.store.models import Meeting

            with db.transaction() as s:
                meeting = s.get(Meeting, meeting_id)
                if meeting is not None:
                    restore_row(meeting)
            self.refresh_list()

        do, undo = (restore, delete) if deleted_by_undo else (delete, restore)
        self.context.edits.push_done(text, do, undo, "meeting")
        self.refresh_list()

    def _leave_meeting(self, agency_id: str, meeting_id: str) -> None:
        """The meeting is gone: do not leave its editor open on it."""
        editor = self.editor
        if editor is not None and getattr(editor, "meeting_id", None) == meeting_id:
            self.show_agency(agency_id)
        elif self.detail is not None and self.detail.agency_id == agency_id:
            self.detail.reload_lists()
        self.refresh_list()

    def refresh_soon(self, *_args: object) -> None:
        self._reload_timer.start()

    def refresh_list(self) -> None:
        """Read the list again now (meeting and assessment counts), keeping the selection."""
        self._reload_timer.stop()
        self.reload()

    def _focus_right(self, wide: bool) -> None:
        """A meeting or an assessment takes the whole page; the agency view shares it."""
        self.left.setVisible(not wide)

    def open_assessment(self, agency_id: str, assessment_id: str) -> QWidget:
        """The assessment workspace in the right pane, with a way back to the agency."""
        from assessor.ui.workspace.workspace import AssessmentWorkspace

        self.context.edits.flush()
        self._close_editor()
        holder = QWidget()
        holder.setObjectName("assessmentHolder")
        lay = QVBoxLayout(holder)
        lay.setContentsMargins(0, 0, 0, 0)
        back = QPushButton(self.tr("← Back to the agency"))
        back.clicked.connect(lambda: self.show_agency(agency_id))
        row = QHBoxLayout()
        row.addWidget(back)
        row.addStretch(1)
        lay.addLayout(row)
        workspace = AssessmentWorkspace(
            self.context.db, assessment_id, self.context.edits.stack,
            lang=self.context.language,
        )
        workspace.status_message.connect(self.context.status)
        workspace.open_requested.connect(self.open_hit)
        lay.addWidget(workspace, 1)
        holder.setProperty("workspace", workspace)
        self.workspace = workspace
        self.editor = holder
        self.right.addWidget(holder)
        self.right.setCurrentWidget(holder)
        self._focus_right(True)
        return workspace

    def current_assessment_id(self) -> str | None:
        """The assessment in front of the user: the one open in the workspace; with a meeting
        open, its agency's newest; on an agency's page, the one chosen in its list, else its
        newest. Never one of an agency that is not on screen."""
        shown = self.right.currentWidget()
        if self.workspace is not None and shown is self.editor:
            value = getattr(self.workspace, "assessment_id", None)
            return str(value() if callable(value) else value) if value else None
        if shown is self.editor and self.editor is not None:
            agency_id = getattr(self.editor, "agency_id", None)
            return self._newest_assessment(str(agency_id)) if agency_id else None
        if self.detail is None or shown is not self.detail or not self.detail.agency_id:
            return None
        agency_id = str(self.detail.agency_id)
        listing = self.detail.assessments
        view = getattr(listing, "view", None)
        model = getattr(listing, "model", None)
        if view is not None and model is not None and view.currentIndex().isValid():
            row = model.row_at(view.currentIndex().row())
            if row is not None and row.agency_id == agency_id:
                return str(row.id)
        return self._newest_assessment(agency_id)

    def _newest_assessment(self, agency_id: str) -> str | None:
        from assessor.services.assessments import list_assessments

        with self.context.db.read() as s:
            rows = list_assessments(s, agency_id)
        return rows[0].id if rows else None

    def export_report(self) -> None:
        from assessor.ui.report_dialog import ExportReportDialog

        assessment_id = self.current_assessment_id()
        if assessment_id is None:
            self.context.status(self.tr("Open or choose an assessment first."), 6000)
            return
        dialog = ExportReportDialog(self.context.db, assessment_id, self,
                                    language=self.context.language)
        dialog.exec()

    def open_hit(self, hit: Any) -> None:
        """Go to a search hit from elsewhere: its meeting, its assessment or its agency."""
        self.filter_edit.clear()
        self._selected_id = hit.agency_id
        self.select_agency(hit.agency_id)
        if hit.meeting_id:
            self.open_meeting(hit.agency_id, hit.meeting_id)
        elif hit.assessment_id:
            self.open_assessment(hit.agency_id, hit.assessment_id)
        else:
            self.show_agency(hit.agency_id)

    def _close_editor(self) -> None:
        if self.editor is not None:
            self.context.edits.flush()
            self.right.removeWidget(self.editor)
            self.editor.deleteLater()
            self.editor = None
            self.workspace = None

    def new_agency(self) -> None:
        dialog = NewAgencyDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            with self.context.db.transaction() as s:
                agency_id = _agencies().create_agency(
                    s, name=dialog.name.text(), org_number=dialog.org.text(),
                    ministry=dialog.ministry.text(),
                )
        except AssessorError as exc:
            QMessageBox.warning(self, self.tr("Agency not created"), exc.message)
            return
        self.filter_edit.clear()
        self._selected_id = agency_id
        self.reload()
        self.show_agency(agency_id)

    def database_ready(self) -> None:
        """The real database is open (after the first paint): show the remembered agency."""
        if self._pending_agency is not None:
            agency, self._pending_agency = self._pending_agency, None
            lists = getattr(self, "_pending_lists", None)
            if self.select_agency(agency) and lists and self.detail is not None:
                self.detail.lists_splitter.restoreState(lists)

    # --- state ---

    def save_settings(self, s: QSettings) -> None:
        s.setValue("splitter", self.splitter.saveState())
        s.setValue("header", self.view.horizontalHeader().saveState())
        if self._selected_id:
            s.setValue("agency", self._selected_id)
        if self.detail is not None:
            s.setValue("lists", self.detail.lists_splitter.saveState())

    def restore_settings(self, s: QSettings) -> None:
        state = s.value("splitter")
        if state:
            self.splitter.restoreState(state)
        header = s.value("header")
        if header:
            self.columns.restore(header)
        agency = s.value("agency")
        if agency and not self.context.database_is_open():
            self._pending_agency = str(agency)  # shown once the database is open
            self._pending_lists = s.value("lists")
            return
        if agency and self.select_agency(str(agency)) and self.detail is not None:
            lists = s.value("lists")
            if lists:
                self.detail.lists_splitter.restoreState(lists)

