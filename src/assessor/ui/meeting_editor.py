"""The meeting editor: time, place, kind, participants, agenda, notes, decisions, action items.

There is no Save button: each field is written through the meeting services as the user
finishes it (or 500 ms after the last keystroke), in its own short transaction, and each write
is one step on the window's undo stack.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QPalette, QShowEvent
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
    QMessageBox,
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
from assessor.ui.changes import Change, Table
from assessor.ui.context import AppContext
from assessor.ui.evidence_files import EvidenceFilesBox, WindowFiles
from assessor.ui.fields import ErrorLabel, FieldBinding, route_undo_keys
from assessor.ui.meeting_actions import MeetingActions
from assessor.ui.meeting_people import MeetingPeople
from assessor.ui.words import words

Index = QModelIndex | QPersistentModelIndex


def kind_names() -> dict[str, str]:
    return words("meeting_kind")


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

        from assessor.services.agencies import get_agency

        with context.db.read() as s:
            m = meeting_service.get_meeting(s, meeting_id)
            self.agency_id = m.agency_id
            agency_name = get_agency(s, m.agency_id).name
        values = {
            "title": m.title,
            "starts_at": m.starts_at,
            "ends_at": m.ends_at,
            "place": m.place,
            "kind": m.kind,
            "agenda": m.agenda,
            "notes": m.notes,
            "decisions": m.decisions,
            "confidential": m.confidential,
        }

        outer = QVBoxLayout(self)
        outer.addLayout(self._top_bar(agency_name))
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        outer.addWidget(split, 1)
        split.addWidget(self._facts_and_people())
        split.addWidget(self._texts_and_actions())
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)

        self._bind_all(values)
        self.reload_timed_notes()
        self.people.reload_participants()
        self.action_box.reload_actions()
        self.people.reload_advisors()
        self.edits.changed.connect(self._on_changed)

    # --- building ---

    def _top_bar(self, agency_name: str) -> QHBoxLayout:
        """Back, the heading, "saved as you type", delete."""
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
        return top

    def _facts_and_people(self) -> QWidget:
        """Left: the facts and who was there."""
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
        self.people = MeetingPeople(
            self.context, self.agency_id, self.meeting_id, self._refresh_later
        )
        form.addRow(self.tr("Ad&visors:"), self.people.advisors_list)
        ll.addWidget(facts)

        ll.addWidget(self.people, 1)
        ll.addStretch(0)
        return left

    def _texts_and_actions(self) -> QWidget:
        """Right: the texts and the action items."""
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
        self.files = EvidenceFilesBox(WindowFiles(self.context, "meeting", self))
        self.files.setTitle(self.tr("Files from the meeting (drop or paste here)"))
        self.files.host.changed.connect(lambda _key: self._count_files())
        self.files.host.failed.connect(
            lambda message: QMessageBox.warning(self, self.tr("Evidence files"), message)
        )
        self.tabs.addTab(self.files, self.tr("Fi&les"))
        self.files.show_files_of(self.meeting_id)
        self._count_files()
        self.tabs.setCurrentWidget(self.notes_edit)
        rl.addWidget(self.tabs, 3)

        self.action_box = MeetingActions(
            self.context, self.agency_id, self.meeting_id, self._refresh_later
        )
        rl.addWidget(self.action_box, 2)
        return right

    def _datetime_edit(self, name: str) -> QDateTimeEdit:
        edit = QDateTimeEdit()
        edit.setCalendarPopup(True)
        edit.setAccessibleName(name)
        edit.setDisplayFormat(QLocale().dateTimeFormat(QLocale.FormatType.ShortFormat))
        return edit

    def _timed_notes_view(self) -> QTableView:
        """The time-stamped notes written in meeting mode, read here beside the meeting."""
        from assessor.ui.workspace.notes_model import NotesModel

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

    def _count_files(self) -> None:
        index = self.tabs.indexOf(self.files)
        count = self.files.list.count()
        self.tabs.setTabText(index, self.tr("Fi&les (%1)").replace("%1", str(count)))

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
            self.edits,
            widget,
            key=("meeting", self.meeting_id, field),
            undo_text=undo_text,
            write=self._writer(field),
            saved=saved,
            change=Change.of(Table.MEETING),
            **kw,
        )
        binding.set_value(saved)
        self.bindings[field] = binding

    def _bind_all(self, v: dict[str, Any]) -> None:
        for field, edit, text in (
            ("title", self.title_edit, self.tr("edit title")),
            ("place", self.place_edit, self.tr("edit place")),
        ):
            assert isinstance(edit, QLineEdit)
            self._bind(
                field,
                edit,
                text,
                v[field],
                get=edit.text,
                put=edit.setText,
                changed=edit.textEdited,
                finished=edit.editingFinished,
            )
        for field, text_edit, text in (
            ("agenda", self.agenda_edit, self.tr("edit agenda")),
            ("notes", self.notes_edit, self.tr("edit notes")),
            ("decisions", self.decisions_edit, self.tr("edit decisions")),
        ):
            self._bind(
                field,
                text_edit,
                text,
                v[field],
                get=text_edit.toPlainText,
                put=_text_setter(text_edit),
                changed=text_edit.textChanged,
            )

        def time_message(exc: AssessorError, _value: Any) -> str:
            if isinstance(exc, ValidationError) and exc.field == "ends_at":
                return self.tr("The meeting ends before it starts.")
            return exc.message

        starts = self.starts_edit
        self._bind(
            "starts_at",
            starts,
            self.tr("edit start time"),
            v["starts_at"],
            get=lambda: _py(starts.dateTime()),
            put=lambda d: starts.setDateTime(QDateTime(d)),
            changed=starts.dateTimeChanged,
            finished=starts.editingFinished,
            error_label=self.time_error,
            message=time_message,
        )
        ends = self.ends_edit
        ends_state = {"touched": v["ends_at"] is not None}

        def get_ends() -> datetime | None:
            return _py(ends.dateTime()) if ends_state["touched"] else None

        def put_ends(d: datetime | None) -> None:
            ends_state["touched"] = d is not None
            shown = d if d is not None else v["starts_at"] + timedelta(hours=1)
            ends.setDateTime(QDateTime(shown))

        ends.dateTimeChanged.connect(lambda _d: ends_state.__setitem__("touched", True))
        self._bind(
            "ends_at",
            ends,
            self.tr("edit end time"),
            v["ends_at"],
            get=get_ends,
            put=put_ends,
            changed=ends.dateTimeChanged,
            finished=ends.editingFinished,
            error_label=self.time_error,
            message=time_message,
        )
        combo = self.kind_combo
        self._bind(
            "kind",
            combo,
            self.tr("change kind of meeting"),
            v["kind"],
            get=combo.currentData,
            put=lambda k: combo.setCurrentIndex(max(0, combo.findData(k))),
            finished=combo.currentIndexChanged,
        )
        check = self.confidential_check
        self._bind(
            "confidential",
            check,
            self.tr("change confidential"),
            v["confidential"],
            get=check.isChecked,
            put=check.setChecked,
            finished=check.toggled,
        )
        route_undo_keys(self.people.free_name_edit)

    # --- keeping in step ---

    def _refresh_later(self) -> None:
        self._stale = True

    def _on_changed(self, change: Change) -> None:
        if Table.MEETING_NOTE in change.tables:
            self.reload_timed_notes()
        if getattr(self, "_stale", False) or not change.tables.isdisjoint(
            (Table.MEETING_PARTICIPANT, Table.ACTION_ITEM, Table.MEETING_ADVISOR)
        ):
            self._stale = False
            self.people.reload()
            self.action_box.reload_actions()

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
