"""The meeting editor: time, place, kind, participants, agenda, notes, decisions, action items.

There is no Save button: each field is written through the meeting services as the user
finishes it (or 500 ms after the last keystroke), in its own short transaction, and each write
is one step on the window's undo stack.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QDateTime,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from assessor.domain.errors import AssessorError, ValidationError
from assessor.services import meetings as meeting_service
from assessor.store.models import MEETING_KINDS
from assessor.ui.context import AppContext
from assessor.ui.edits import Edits
from assessor.ui.fields import ErrorLabel, FieldBinding, route_undo_keys
from assessor.ui.row_model import ColumnSpec, RowTableModel

Index = QModelIndex | QPersistentModelIndex

_KIND_NAMES = {
    "visit": QT_TRANSLATE_NOOP("MeetingEditor", "Visit"),
    "workshop": QT_TRANSLATE_NOOP("MeetingEditor", "Workshop"),
    "video": QT_TRANSLATE_NOOP("MeetingEditor", "Video meeting"),
    "phone": QT_TRANSLATE_NOOP("MeetingEditor", "Phone call"),
    "other": QT_TRANSLATE_NOOP("MeetingEditor", "Other"),
}


def kind_names() -> dict[str, str]:
    return {k: QCoreApplication.translate("MeetingEditor", str(_KIND_NAMES.get(k, k)))
            for k in MEETING_KINDS}


@dataclass(frozen=True)
class ParticipantRow:
    id: str
    name: str
    role: str
    contact_id: str | None


@dataclass(frozen=True)
class ActionRow:
    id: str
    title: str
    owner: str
    due_on: date | None
    done: bool


PARTICIPANT_COLUMNS: list[ColumnSpec[ParticipantRow]] = [
    ColumnSpec("name", QT_TRANSLATE_NOOP("RowTableModel", "Name"), lambda r: r.name),
    ColumnSpec("role", QT_TRANSLATE_NOOP("RowTableModel", "Role"), lambda r: r.role),
]

ACTION_FIELDS = ("title", "owner", "due_on", "done")
ACTION_HEADERS = {
    "title": QT_TRANSLATE_NOOP("ActionItemModel", "Action item"),
    "owner": QT_TRANSLATE_NOOP("ActionItemModel", "Owner"),
    "due_on": QT_TRANSLATE_NOOP("ActionItemModel", "Due date"),
    "done": QT_TRANSLATE_NOOP("ActionItemModel", "Done"),
}


class ActionItemModel(QAbstractTableModel):
    """A meeting's action items, edited in place; each edit is saved and undoable."""

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.context = context
        self.edits: Edits = context.edits
        self._rows: list[ActionRow] = []
        self.edits.value_restored.connect(self._on_restored)

    def set_rows(self, rows: list[ActionRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[ActionRow]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ACTION_FIELDS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(ACTION_FIELDS)):
            return QCoreApplication.translate("ActionItemModel",
                                              str(ACTION_HEADERS[ACTION_FIELDS[section]]))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if ACTION_FIELDS[index.column()] == "done":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        field = ACTION_FIELDS[index.column()]
        value = getattr(row, field)
        if field == "done":
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return self.tr("done") if value else self.tr("not done")
            return None
        if field == "due_on":
            if role == Qt.ItemDataRole.DisplayRole:
                return QLocale().toString(QDate(value), QLocale.FormatType.ShortFormat) \
                    if value else ""
            if role == Qt.ItemDataRole.EditRole:
                return QDate(value) if value else QDate.currentDate()
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return value
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        row = self._rows[index.row()]
        field = ACTION_FIELDS[index.column()]
        if field == "done":
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            new: Any = Qt.CheckState(value) == Qt.CheckState.Checked \
                if not isinstance(value, bool) else value
        elif role != Qt.ItemDataRole.EditRole:
            return False
        elif field == "due_on":
            new = value.toPython() if isinstance(value, QDate) else value
        else:
            new = str(value)
        old = getattr(row, field)
        if new == old:
            return False
        db = self.context.db
        action_id = row.id

        def write(v: Any) -> None:
            with db.transaction() as s:
                meeting_service.update_action_item(s, action_id, **{field: v})

        try:
            self.edits.set_field(
                ("action_item", action_id, field), self.tr("edit action item"), write, old, new,
                "action_item",
            )
        except AssessorError as exc:
            self.edits.failed.emit(exc.message)
            return False
        self._set_value(index.row(), field, new)
        return True

    def _set_value(self, r: int, field: str, value: Any) -> None:
        self._rows[r] = replace(self._rows[r], **{field: value})
        col = ACTION_FIELDS.index(field)
        self.dataChanged.emit(self.index(r, col), self.index(r, col))

    def _on_restored(self, key: Any, value: Any) -> None:
        if not (isinstance(key, tuple) and len(key) == 3 and key[0] == "action_item"):
            return
        for r, row in enumerate(self._rows):
            if row.id == key[1]:
                self._set_value(r, key[2], value)


class MeetingEditor(QWidget):
    back_requested = Signal()
    # the user asked to delete this meeting (the agency page asks and does it, undoably)
    delete_requested = Signal()

    def __init__(self, context: AppContext, meeting_id: str) -> None:
        super().__init__()
        self.setObjectName("meetingEditor")
        self.context = context
        self.edits = context.edits
        self.meeting_id = meeting_id
        self.bindings: dict[str, FieldBinding] = {}

        from assessor.services.rows import get_live
        from assessor.store.models import Agency, Meeting

        with context.db.read() as s:
            m = get_live(s, Meeting, meeting_id)
            self.agency_id = m.agency_id
            agency_name = get_live(s, Agency, m.agency_id).name
            values = {
                "title": m.title, "starts_at": m.starts_at, "ends_at": m.ends_at,
                "place": m.place, "kind": m.kind, "agenda": m.agenda, "notes": m.notes,
                "decisions": m.decisions, "confidential": m.confidential,
            }

        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← Back to the agency"))
        self.back_button.clicked.connect(self.back_requested.emit)
        top.addWidget(self.back_button)
        self.heading = QLabel(self.tr("Meeting with %1").replace("%1", agency_name))
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.heading.setFont(font)
        top.addWidget(self.heading, 1)
        self.saved_label = QLabel(self.tr("Changes are saved as you type."))
        # quiet but readable: a disabled label is 1.6:1, the theme keeps this colour at 4.5:1
        self.saved_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        top.addWidget(self.saved_label)
        self.delete_button = QPushButton(self.tr("Delete meeting…"))
        self.delete_button.clicked.connect(self.delete_requested.emit)
        top.addWidget(self.delete_button)
        outer.addLayout(top)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        outer.addWidget(split, 1)

        # --- left: the facts and who was there ---
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        facts = QGroupBox(self.tr("Meeting"))
        form = QFormLayout(facts)
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.starts_edit = self._datetime_edit(self.tr("Starts"))
        self.ends_edit = self._datetime_edit(self.tr("Ends"))
        self.time_error = ErrorLabel()
        self.place_edit = QLineEdit()
        self.place_edit.setAccessibleName(self.tr("Place"))
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName(self.tr("Kind of meeting"))
        for key, name in kind_names().items():
            self.kind_combo.addItem(name, key)
        self.confidential_check = QCheckBox(self.tr("Confidential (notes kept out of reports)"))
        self.confidential_check.setAccessibleName(self.tr("Confidential"))
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("&Starts:"), self.starts_edit)
        form.addRow(self.tr("En&ds:"), self.ends_edit)
        form.addRow("", self.time_error)
        form.addRow(self.tr("&Place:"), self.place_edit)
        form.addRow(self.tr("&Kind:"), self.kind_combo)
        form.addRow("", self.confidential_check)
        self.advisors_list = QListWidget()
        self.advisors_list.setAccessibleName(self.tr("Advisors at the meeting"))
        self.advisors_list.setFlow(QListView.Flow.LeftToRight)
        self.advisors_list.setWrapping(True)
        self.advisors_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.advisors_list.setSpacing(4)
        self.advisors_list.setMaximumHeight(3 * self.fontMetrics().height() + 12)
        self.advisors_list.itemChanged.connect(self._advisor_toggled)
        form.addRow(self.tr("Ad&visors:"), self.advisors_list)
        ll.addWidget(facts)

        people = QGroupBox(self.tr("Participants"))
        pl = QVBoxLayout(people)
        self.participants = RowTableModel(PARTICIPANT_COLUMNS, self)
        self.participants_view = QTableView()
        self.participants_view.setModel(self.participants)
        self.participants_view.setAccessibleName(self.tr("Participants"))
        self.participants_view.verticalHeader().hide()
        self.participants_view.horizontalHeader().setStretchLastSection(True)
        self.participants_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.participants_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        pl.addWidget(self.participants_view, 1)
        row = QHBoxLayout()
        self.contact_combo = QComboBox()
        self.contact_combo.setAccessibleName(self.tr("Contact to add"))
        self.add_contact_button = QPushButton(self.tr("Add contact"))
        self.add_contact_button.clicked.connect(self.add_contact_participant)
        row.addWidget(self.contact_combo, 1)
        row.addWidget(self.add_contact_button)
        pl.addLayout(row)
        row = QHBoxLayout()
        self.free_name_edit = QLineEdit()
        self.free_name_edit.setPlaceholderText(self.tr("Someone else: name"))
        self.free_name_edit.setAccessibleName(self.tr("Name of another participant"))
        self.free_name_edit.returnPressed.connect(self.add_named_participant)
        self.add_name_button = QPushButton(self.tr("Add"))
        self.add_name_button.setAccessibleName(self.tr("Add participant by name"))
        self.add_name_button.clicked.connect(self.add_named_participant)
        self.remove_participant_button = QPushButton(self.tr("Remove"))
        self.remove_participant_button.setAccessibleName(self.tr("Remove participant"))
        self.remove_participant_button.clicked.connect(self.remove_participant)
        row.addWidget(self.free_name_edit, 1)
        row.addWidget(self.add_name_button)
        row.addWidget(self.remove_participant_button)
        pl.addLayout(row)
        ll.addWidget(people, 1)
        ll.addStretch(0)
        split.addWidget(left)

        # --- right: the texts and the action items ---
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self.agenda_edit = self._text_edit(self.tr("Agenda"))
        self.notes_edit = self._text_edit(self.tr("Notes"))
        self.decisions_edit = self._text_edit(self.tr("Decisions"))
        self.tabs.addTab(self.agenda_edit, self.tr("&Agenda"))
        self.tabs.addTab(self.notes_edit, self.tr("&Notes"))
        self.tabs.addTab(self.decisions_edit, self.tr("Dec&isions"))
        self.timed_notes = self._timed_notes_view()
        self.tabs.addTab(self.timed_notes, self.tr("Ti&med notes"))
        self.tabs.setCurrentWidget(self.notes_edit)
        rl.addWidget(self.tabs, 3)

        actions = QGroupBox(self.tr("Action items"))
        al = QVBoxLayout(actions)
        self.action_items = ActionItemModel(context, self)
        self.actions_view = QTableView()
        self.actions_view.setModel(self.action_items)
        self.actions_view.setAccessibleName(self.tr("Action items"))
        self.actions_view.verticalHeader().hide()
        header = self.actions_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2, 3):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.actions_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.actions_view.setToolTip(self.tr("Delete clears the due date of the chosen item"))
        self.actions_view.installEventFilter(self)
        al.addWidget(self.actions_view, 1)
        row = QHBoxLayout()
        self.add_action_button = QPushButton(self.tr("Add action item"))
        self.add_action_button.clicked.connect(self.add_action_item)
        self.remove_action_button = QPushButton(self.tr("Remove action item"))
        self.remove_action_button.clicked.connect(self.remove_action_item)
        row.addWidget(self.add_action_button)
        row.addWidget(self.remove_action_button)
        row.addStretch(1)
        al.addLayout(row)
        rl.addWidget(actions, 2)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)

        self._bind_all(values)
        self.reload_timed_notes()
        self.reload_participants()
        self.reload_actions()
        self.reload_advisors()
        self.edits.changed.connect(self._on_changed)

    # --- building ---

    def _datetime_edit(self, name: str) -> QDateTimeEdit:
        edit = QDateTimeEdit()
        edit.setCalendarPopup(True)
        edit.setAccessibleName(name)
        edit.setDisplayFormat(QLocale().dateTimeFormat(QLocale.FormatType.ShortFormat))
        return edit

    def _timed_notes_view(self) -> QTableView:
        """The time-stamped notes written in meeting mode, read here beside the meeting."""
        from assessor.ui.workspace.meeting_mode import NotesModel

        view = QTableView()
        view.setModel(NotesModel(parent=view))
        view.setAccessibleName(self.tr("Notes written in meeting mode"))
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(True)
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        view.setColumnHidden(2, True)  # the question is shown with the note as evidence
        return view

    def showEvent(self, event: QShowEvent) -> None:
        self.reload_timed_notes()  # meeting mode may have written some meanwhile
        super().showEvent(event)

    def reload_timed_notes(self) -> None:
        from assessor.services.answers import list_meeting_notes

        with self.context.db.read() as s:
            rows = list_meeting_notes(s, self.meeting_id)
        model = self.timed_notes.model()
        model.set_rows(rows)  # type: ignore[attr-defined]
        self.timed_notes.resizeRowsToContents()
        index = self.tabs.indexOf(self.timed_notes)
        self.tabs.setTabText(index, self.tr("Ti&med notes (%1)").replace("%1", str(len(rows))))

    def _text_edit(self, name: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setAccessibleName(name)
        edit.setUndoRedoEnabled(False)  # undo is the window's, so it can cross fields and saves
        edit.setTabChangesFocus(True)
        return edit

    def _writer(self, field: str) -> Any:
        db = self.context.db
        meeting_id = self.meeting_id

        def write(value: Any) -> None:
            with db.transaction() as s:
                meeting_service.update_meeting(s, meeting_id, **{field: value})

        return write

    def _bind(self, field: str, widget: QWidget, undo_text: str, saved: Any, **kw: Any) -> None:
        binding = FieldBinding(
            self.edits, widget, key=("meeting", self.meeting_id, field), undo_text=undo_text,
            write=self._writer(field), saved=saved, table="meeting", **kw,
        )
        binding.set_value(saved)
        self.bindings[field] = binding

    def _bind_all(self, v: dict[str, Any]) -> None:
        for field, edit, text in (
            ("title", self.title_edit, self.tr("edit title")),
            ("place", self.place_edit, self.tr("edit place")),
        ):
            assert isinstance(edit, QLineEdit)
            self._bind(field, edit, text, v[field], get=edit.text, put=edit.setText,
                       changed=edit.textEdited, finished=edit.editingFinished)
        for field, text_edit, text in (
            ("agenda", self.agenda_edit, self.tr("edit agenda")),
            ("notes", self.notes_edit, self.tr("edit notes")),
            ("decisions", self.decisions_edit, self.tr("edit decisions")),
        ):
            self._bind(field, text_edit, text, v[field], get=text_edit.toPlainText,
                       put=_text_setter(text_edit), changed=text_edit.textChanged)

        def time_message(exc: AssessorError, _value: Any) -> str:
            if isinstance(exc, ValidationError) and exc.field == "ends_at":
                return self.tr("The meeting ends before it starts.")
            return exc.message

        starts = self.starts_edit
        self._bind("starts_at", starts, self.tr("edit start time"), v["starts_at"],
                   get=lambda: _py(starts.dateTime()),
                   put=lambda d: starts.setDateTime(QDateTime(d)),
                   changed=starts.dateTimeChanged, finished=starts.editingFinished,
                   error_label=self.time_error, message=time_message)
        ends = self.ends_edit
        ends_state = {"touched": v["ends_at"] is not None}

        def get_ends() -> datetime | None:
            return _py(ends.dateTime()) if ends_state["touched"] else None

        def put_ends(d: datetime | None) -> None:
            ends_state["touched"] = d is not None
            shown = d if d is not None else v["starts_at"] + timedelta(hours=1)
            ends.setDateTime(QDateTime(shown))

        ends.dateTimeChanged.connect(lambda _d: ends_state.__setitem__("touched", True))
        self._bind("ends_at", ends, self.tr("edit end time"), v["ends_at"], get=get_ends,
                   put=put_ends, changed=ends.dateTimeChanged, finished=ends.editingFinished,
                   error_label=self.time_error, message=time_message)
        combo = self.kind_combo
        self._bind("kind", combo, self.tr("change kind of meeting"), v["kind"],
                   get=combo.currentData,
                   put=lambda k: combo.setCurrentIndex(max(0, combo.findData(k))),
                   finished=combo.currentIndexChanged)
        check = self.confidential_check
        self._bind("confidential", check, self.tr("change confidential"), v["confidential"],
                   get=check.isChecked, put=check.setChecked, finished=check.toggled)
        route_undo_keys(self.free_name_edit)

    # --- advisors ---

    def reload_advisors(self) -> None:
        from assessor.services.advisors import list_advisors

        with self.context.db.read() as s:
            advisors = [(a.id, a.name) for a in list_advisors(s)]
            present = set(meeting_service.meeting_advisor_ids(s, self.meeting_id))
        blocked = self.advisors_list.blockSignals(True)
        self.advisors_list.clear()
        for advisor_id, name in advisors:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, advisor_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if advisor_id in present else Qt.CheckState.Unchecked
            )
            self.advisors_list.addItem(item)
        self.advisors_list.blockSignals(blocked)

    def set_advisor(self, advisor_id: str, present: bool) -> None:
        db = self.context.db
        meeting_id = self.meeting_id

        def write(value: bool) -> None:
            with db.transaction() as s:
                meeting_service.set_meeting_advisor(s, meeting_id, advisor_id, value)
            self._refresh_later()

        write(present)
        self.edits.push_done(
            self.tr("add advisor") if present else self.tr("remove advisor"),
            lambda: write(present), lambda: write(not present), "meeting_advisor",
        )

    def _advisor_toggled(self, item: QListWidgetItem) -> None:
        advisor_id = item.data(Qt.ItemDataRole.UserRole)
        if advisor_id:
            self.set_advisor(str(advisor_id), item.checkState() == Qt.CheckState.Checked)

    # --- participants ---

    def reload_participants(self) -> None:
        from assessor.services.agencies import list_contacts

        with self.context.db.read() as s:
            rows = [
                ParticipantRow(p.id, p.name, p.role, p.contact_id)
                for p in meeting_service.list_participants(s, self.meeting_id)
            ]
            contacts = [(c.id, c.name, c.title) for c in list_contacts(s, self.agency_id)]
        self.participants.set_rows(rows)
        present = {r.contact_id for r in rows}
        self.contact_combo.clear()
        for cid, name, title in contacts:
            if cid not in present:
                self.contact_combo.addItem(f"{name} ({title})" if title else name, cid)
        self.add_contact_button.setEnabled(self.contact_combo.count() > 0)

    def _participant_step(self, text: str, participant_id: str) -> None:
        db = self.context.db

        def undo() -> None:
            with db.transaction() as s:
                meeting_service.remove_participant(s, participant_id)
            self._refresh_later()

        def redo() -> None:
            with db.transaction() as s:
                meeting_service.restore_participant(s, participant_id)
            self._refresh_later()

        self.edits.push_done(text, redo, undo, "meeting_participant")

    def add_contact_participant(self) -> None:
        contact_id = self.contact_combo.currentData()
        if not contact_id:
            return
        with self.context.db.transaction() as s:
            pid = meeting_service.add_participant(s, self.meeting_id, contact_id=contact_id)
        self._participant_step(self.tr("add participant"), pid)
        self.reload_participants()

    def add_named_participant(self) -> str | None:
        name = self.free_name_edit.text().strip()
        if not name:
            return None
        with self.context.db.transaction() as s:
            pid = meeting_service.add_participant(s, self.meeting_id, name=name)
        self.free_name_edit.clear()
        self._participant_step(self.tr("add participant"), pid)
        self.reload_participants()
        return pid

    def remove_participant(self) -> None:
        rows = self.participants_view.selectionModel().selectedRows()
        if not rows:
            return
        row = self.participants.row_at(rows[0].row())
        if row is None:
            return
        db = self.context.db
        pid = row.id
        with db.transaction() as s:
            meeting_service.remove_participant(s, pid)

        def undo() -> None:
            with db.transaction() as s:
                meeting_service.restore_participant(s, pid)
            self._refresh_later()

        def redo() -> None:
            with db.transaction() as s:
                meeting_service.remove_participant(s, pid)
            self._refresh_later()

        self.edits.push_done(self.tr("remove participant"), redo, undo, "meeting_participant")
        self.reload_participants()

    # --- action items ---

    def reload_actions(self) -> None:
        with self.context.db.read() as s:
            rows = [
                ActionRow(a.id, a.title, a.owner, a.due_on, a.done)
                for a in meeting_service.list_action_items(s, self.meeting_id)
            ]
        self.action_items.set_rows(rows)

    def add_action_item(self) -> str:
        db = self.context.db
        with db.transaction() as s:
            action_id = meeting_service.create_action_item(
                s, self.agency_id, meeting_id=self.meeting_id,
                title=self.tr("New action item"),
            )

        def undo() -> None:
            with db.transaction() as s:
                meeting_service.delete_action_item(s, action_id)
            self._refresh_later()

        def redo() -> None:
            with db.transaction() as s:
                meeting_service.restore_action_item(s, action_id)
            self._refresh_later()

        self.edits.push_done(self.tr("add action item"), redo, undo, "action_item")
        self.reload_actions()
        for r, row in enumerate(self.action_items.rows()):
            if row.id == action_id:
                index = self.action_items.index(r, 0)
                self.actions_view.setCurrentIndex(index)
                self.actions_view.edit(index)
        return action_id

    def remove_action_item(self) -> None:
        rows = self.actions_view.selectionModel().selectedRows() or (
            [self.actions_view.currentIndex()] if self.actions_view.currentIndex().isValid()
            else []
        )
        if not rows:
            return
        action_id = self.action_items.rows()[rows[0].row()].id
        db = self.context.db
        with db.transaction() as s:
            meeting_service.delete_action_item(s, action_id)

        def undo() -> None:
            with db.transaction() as s:
                meeting_service.restore_action_item(s, action_id)
            self._refresh_later()

        def redo() -> None:
            with db.transaction() as s:
                meeting_service.delete_action_item(s, action_id)
            self._refresh_later()

        self.edits.push_done(self.tr("remove action item"), redo, undo, "action_item")
        self.reload_actions()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Delete/Backspace on an action item clears its due date (a date editor cannot)
        if (
            watched is self.actions_view
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and self.actions_view.state() != QAbstractItemView.State.EditingState
        ):
            current = self.actions_view.currentIndex()
            if current.isValid():
                index = self.action_items.index(current.row(), ACTION_FIELDS.index("due_on"))
                self.action_items.setData(index, None)
                return True
        return super().eventFilter(watched, event)

    # --- keeping in step ---

    def _refresh_later(self) -> None:
        self._stale = True

    def _on_changed(self, table: str) -> None:
        if table == "meeting_note":
            self.reload_timed_notes()
        if getattr(self, "_stale", False) or table in (
            "meeting_participant", "action_item", "meeting_advisor"
        ):
            self._stale = False
            self.reload_participants()
            self.reload_actions()
            # not now: the change may come from inside the list's own signal (a ticked advisor)
            QTimer.singleShot(0, self.reload_advisors)

    def flush(self) -> None:
        for b in self.bindings.values():
            b.commit()


def _py(value: QDateTime) -> datetime:
    result = value.toPython()
    assert isinstance(result, datetime)
    return result.replace(tzinfo=None)


def _text_setter(edit: QPlainTextEdit) -> Any:
    def put(text: str) -> None:
        if edit.toPlainText() != text:
            cursor = edit.textCursor().position()
            edit.setPlainText(text)
            c = edit.textCursor()
            c.setPosition(min(cursor, len(text)))
            edit.setTextCursor(c)

    return put
