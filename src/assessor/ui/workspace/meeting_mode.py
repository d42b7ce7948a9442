"""Meeting mode: typing during a meeting. A large notes editor where each entry gets a time
stamp (Ctrl+Enter adds it), quick-add of participants from the agency's contacts, and a way to
tie an entry to a question, which then shows as evidence on that question."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QDateTime, QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from assessor.domain.checklist import pick
from assessor.domain.errors import AssessorError
from assessor.services import agencies as agency_service
from assessor.services import answers as answer_service
from assessor.services import meetings as meeting_service
from assessor.store.db import Database
from assessor.ui.edits import DoneCommand
from assessor.ui.elided_combo import ElidedCombo
from assessor.ui.evidence_files import EvidenceFilesBox, FileHost
from assessor.ui.language import ui_language
from assessor.ui.workspace.forms import ErrorLabel
from assessor.ui.workspace.notes_model import NotesModel


class NoteFiles(FileHost):
    """Files on meeting notes, each change a step on meeting mode's undo stack."""

    def __init__(self, mode: MeetingMode) -> None:
        super().__init__(mode.db, "meeting_note", mode)
        self.mode = mode
        self.failed.connect(mode.error.show_error)

    def push_done(self, text: str, do: Callable[[], None], undo: Callable[[], None]) -> None:
        self.mode._push(text, do, undo)


class MeetingMode(QWidget):
    note_added = Signal(str)  # note id

    def __init__(
        self,
        db: Database,
        agency_id: str,
        assessment_id: str | None = None,
        parent: QWidget | None = None,
        undo_stack: QUndoStack | None = None,
        lang: str | None = None,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        super().__init__(parent=parent)
        self.db = db
        self.agency_id = agency_id
        self.assessment_id = assessment_id
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self.lang = lang or ui_language()
        self.now = now
        self.meeting_id: str | None = None
        self._meeting_assessments: dict[str, str | None] = {}
        self.setAccessibleName(self.tr("Meeting mode"))

        self.meeting = QComboBox(self)
        self.meeting.setAccessibleName(self.tr("Meeting"))
        self.meeting.currentIndexChanged.connect(self._meeting_chosen)
        self.start_button = QPushButton(self.tr("&Start a new meeting"), self)
        self.start_button.clicked.connect(self.start_meeting)
        meeting_label = QLabel(self.tr("&Meeting:"), self)
        meeting_label.setBuddy(self.meeting)
        top = QHBoxLayout()
        top.addWidget(meeting_label)
        top.addWidget(self.meeting, 1)
        top.addWidget(self.start_button)

        self.contacts = QComboBox(self)
        self.contacts.setAccessibleName(self.tr("Contact to add as participant"))
        self.add_participant_button = QPushButton(self.tr("Add &participant"), self)
        self.add_participant_button.clicked.connect(self.add_selected_contact)
        self.participants = QListWidget(self)
        self.participants.setAccessibleName(self.tr("Participants"))
        self.participants.setFlow(QListWidget.Flow.LeftToRight)
        self.participants.setWrapping(True)
        self.participants.setSpacing(4)
        self.participants.setMaximumHeight(self.fontMetrics().height() * 3 + 12)
        contact_label = QLabel(self.tr("C&ontact:"), self)
        contact_label.setBuddy(self.contacts)
        people = QHBoxLayout()
        people.addWidget(contact_label)
        people.addWidget(self.contacts, 1)
        people.addWidget(self.add_participant_button)

        self.model = NotesModel(parent=self)
        self.notes = QTableView(self)
        self.notes.setModel(self.model)
        self.notes.setAccessibleName(self.tr("Notes taken"))
        self.notes.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.notes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.notes.setWordWrap(False)
        self.notes.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.notes.verticalHeader().hide()
        header = self.notes.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        # the note is what is read here: the question gets the number and a few words (at a
        # fixed 300 px the note column kept some 15 letters in a 900 px window)
        header.resizeSection(2, self.fontMetrics().averageCharWidth() * 22)
        self.editor = QPlainTextEdit(self)
        self.editor.setAccessibleName(self.tr("New note"))
        self.editor.setPlaceholderText(self.tr("Type a note; Ctrl+Enter adds it with the time"))
        font = self.editor.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.editor.setFont(font)
        self.editor.installEventFilter(self)
        self.question = ElidedCombo(self)
        self.question.setAccessibleName(self.tr("Question the note supports"))
        self.add_note_button = QPushButton(self.tr("&Add note"), self)
        self.add_note_button.setToolTip(self.tr("Ctrl+Enter"))
        self.add_note_button.clicked.connect(self.add_note)
        self.error = ErrorLabel(self)
        question_label = QLabel(self.tr("Supports &question:"), self)
        question_label.setBuddy(self.question)
        tie = QHBoxLayout()
        tie.addWidget(question_label)
        tie.addWidget(self.question, 1)
        tie.addWidget(self.add_note_button)

        split = QSplitter(Qt.Orientation.Vertical, self)
        # the notes and, beside them, the files of the note chosen (a photo of the whiteboard)
        notes_and_files = QSplitter(Qt.Orientation.Horizontal, split)
        notes_and_files.addWidget(self.notes)
        self.files = EvidenceFilesBox(NoteFiles(self), notes_and_files)
        self.files.setTitle(self.tr("Files of the chosen note (drop or paste here)"))
        notes_and_files.addWidget(self.files)
        notes_and_files.setSizes([600, 300])
        self.notes.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.files.show_files_of(
                self.model.row_at(current.row()).id if current.isValid() else ""
            )
        )
        split.addWidget(notes_and_files)
        editor_box = QWidget(split)
        eb = QVBoxLayout(editor_box)
        eb.setContentsMargins(0, 0, 0, 0)
        eb.addWidget(self.editor, 1)
        eb.addLayout(tie)
        eb.addWidget(self.error)
        split.addWidget(editor_box)
        split.setSizes([300, 260])
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(top)
        layout.addLayout(people)
        participants_label = QLabel(self.tr("Participants:"), self)
        participants_label.setBuddy(self.participants)
        layout.addWidget(participants_label)
        layout.addWidget(self.participants)
        layout.addWidget(split, 1)
        self._load()

    # --- loading ---

    def _load(self) -> None:
        with self.db.read() as s:
            name = agency_service.get_agency(s, self.agency_id).name
            meetings = [
                (m.id, m.title, m.starts_at, m.assessment_id)
                for m in meeting_service.list_meetings(s, self.agency_id)
            ]
            contacts = [
                (c.id, c.name, c.title) for c in agency_service.list_contacts(s, self.agency_id)
            ]
        # one title wherever it was opened from (the agency's page or an assessment)
        self.heading.setText(self.tr("Meeting mode: %1").replace("%1", name))
        self.setWindowTitle(self.tr("Meeting mode – %1").replace("%1", name))
        self._meeting_assessments = {m_id: a_id for m_id, _t, _s, a_id in meetings}
        self.contacts.clear()
        for c_id, cname, title in contacts:
            self.contacts.addItem(f"{cname}, {title}" if title else cname, c_id)
        self.add_participant_button.setEnabled(bool(contacts))
        self.meeting.blockSignals(True)
        self.meeting.clear()
        for m_id, title, starts, _a in meetings:
            when = QLocale().toString(QDateTime(starts), QLocale.FormatType.ShortFormat)
            self.meeting.addItem(f"{when} {title}".strip(), m_id)
        self.meeting.blockSignals(False)
        if meetings:
            # the meeting of this assessment if there is one, else the latest
            mine = next((i for i, m in enumerate(meetings) if m[3] == self.assessment_id), 0)
            self.meeting.setCurrentIndex(mine)
            self._meeting_chosen(mine)
        else:
            self._meeting_chosen(-1)

    def _load_questions(self) -> None:
        """The questions a note can support: those of the chosen meeting's assessment (else of
        the assessment the mode was opened from), so the choice works from the agency's page
        too."""
        assessment_id = self._meeting_assessments.get(self.meeting_id or "") or self.assessment_id
        questions: list[tuple[str, str]] = []
        if assessment_id is not None:
            from assessor.services.assessments import get_assessment
            from assessor.services.workspace import load_checklist_info

            with self.db.read() as s:
                info = load_checklist_info(s, get_assessment(s, assessment_id).checklist_id)
            for n, d in enumerate(info.dimensions, start=1):
                for m, q in enumerate(d.questions, start=1):
                    questions.append((q.id, f"{n}.{m} {pick(q.text, self.lang)}"))
        self.question.clear()
        self.question.addItem(self.tr("(no question)"), None)
        for q_id, label in questions:
            self.question.addItem(label, q_id)
        self.question.setEnabled(bool(questions))
        self.question.setToolTip(
            ""
            if questions
            else self.tr(
                "The meeting belongs to no assessment: its notes cannot support a question."
            )
        )
        self.model.set_question_labels(dict(questions))

    def _meeting_chosen(self, index: int) -> None:
        self.meeting_id = self.meeting.itemData(index) if index >= 0 else None
        self.editor.setEnabled(self.meeting_id is not None)
        self.add_note_button.setEnabled(self.meeting_id is not None)
        self._load_questions()
        self.reload_notes()
        self.reload_participants()

    def reload_notes(self) -> None:
        if self.meeting_id is None:
            self.model.set_rows([])
            return
        with self.db.read() as s:
            rows = answer_service.list_meeting_notes(s, self.meeting_id)
        self.model.set_rows(rows)
        if rows:
            self.notes.scrollToBottom()

    def reload_participants(self) -> None:
        self.participants.clear()
        if self.meeting_id is None:
            return
        with self.db.read() as s:
            for p in meeting_service.list_participants(s, self.meeting_id):
                self.participants.addItem(f"{p.name}, {p.role}" if p.role else p.name)

    # --- actions ---

    def start_meeting(self) -> str:
        with self.db.transaction() as s:
            meeting_id = meeting_service.create_meeting(
                s,
                self.agency_id,
                starts_at=self.now().replace(second=0, microsecond=0),
                title=self.tr("Meeting"),
                assessment_id=self.assessment_id,
            )

        def undo() -> None:
            with self.db.transaction() as s:
                meeting_service.delete_meeting(s, meeting_id)
            self._load()

        def redo() -> None:
            with self.db.transaction() as s:
                meeting_service.restore_meeting(s, meeting_id)
            self._load()
            self.meeting.setCurrentIndex(self.meeting.findData(meeting_id))

        self._push(self.tr("Start a meeting"), redo, undo)
        self._load()
        self.meeting.setCurrentIndex(self.meeting.findData(meeting_id))
        self.editor.setFocus()
        return meeting_id

    def add_selected_contact(self) -> str | None:
        contact_id = self.contacts.currentData()
        if not contact_id or self.meeting_id is None:
            return None
        meeting_id = self.meeting_id
        try:
            with self.db.transaction() as s:
                participant_id = meeting_service.add_participant(
                    s, meeting_id, contact_id=contact_id
                )
        except AssessorError as exc:
            self.error.show_error(exc.message)
            return None

        def undo() -> None:
            with self.db.transaction() as s:
                meeting_service.remove_participant(s, participant_id)
            self.reload_participants()

        def redo() -> None:
            with self.db.transaction() as s:
                meeting_service.add_participant(s, meeting_id, contact_id=contact_id)
            self.reload_participants()

        self._push(self.tr("Add participant"), redo, undo)
        self.reload_participants()
        return participant_id

    def add_note(self) -> str | None:
        text = self.editor.toPlainText().strip()
        if self.meeting_id is None:
            self.error.show_error(self.tr("Start or choose a meeting first"))
            return None
        if not text:
            self.error.show_error(self.tr("The note is empty"))
            return None
        meeting_id = self.meeting_id
        question_id = self.question.currentData()
        written = self.now().replace(microsecond=0)
        try:
            with self.db.transaction() as s:
                note_id = answer_service.add_meeting_note(
                    s, meeting_id, text=text, written_at=written, question_id=question_id
                )
        except AssessorError as exc:
            self.error.show_error(exc.message)  # the typed note stays in the editor
            return None
        self.error.clear_error()

        def undo() -> None:
            with self.db.transaction() as s:
                answer_service.delete_meeting_note(s, note_id)
            self.reload_notes()

        def redo() -> None:
            with self.db.transaction() as s:
                answer_service.restore_meeting_note(s, note_id)
            self.reload_notes()

        self._push(self.tr("Add note"), redo, undo)
        self.editor.clear()
        self.question.setCurrentIndex(0)
        self.reload_notes()
        self.note_added.emit(note_id)
        return note_id

    def _push(self, text: str, do: Callable[[], None], undo: Callable[[], None]) -> None:
        self.undo_stack.push(DoneCommand(text, do, undo, self._guarded))

    def _guarded(self, fn: Callable[[], None]) -> None:
        try:
            fn()
        except AssessorError as exc:  # the row changed meanwhile: say so, keep the window
            self.error.show_error(exc.message)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.isWindow():
            self.close()  # a window of its own: Escape closes it, as a dialog's does
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.editor.toPlainText().strip() and self.confirm_discard() is False:
            event.ignore()
            return
        super().closeEvent(event)

    def confirm_discard(self) -> bool:
        """A note typed but not added is not lost without asking (a test replaces this)."""
        answer = QMessageBox.question(
            self,
            self.tr("Close meeting mode"),
            self.tr("The note you are typing has not been added. Close and discard it?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.editor
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.add_note()
            return True
        return super().eventFilter(watched, event)
