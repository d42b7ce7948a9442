"""One question: its guidance, the level descriptors as large choices, comment, confidence,
"mark for review", and evidence (meetings, with the meeting's notes beside the question)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCommandLinkButton,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from assessor.domain.checklist import pick, scale_word
from assessor.services import answers as answer_service
from assessor.services import meetings as meeting_service
from assessor.services.answers import CONFIDENCES, EvidenceRow
from assessor.ui.evidence_files import EvidenceFilesBox
from assessor.ui.row_model import Column, RowTableModel, show
from assessor.ui.words import words
from assessor.ui.workspace.files import AnswerFiles
from assessor.ui.workspace.forms import scrolled_body
from assessor.ui.workspace.state import WorkspaceState


@dataclass(frozen=True)
class MeetingChoice:
    id: str
    label: str
    notes: str


class EvidenceModel(RowTableModel[EvidenceRow]):
    def columns(self) -> list[Column[EvidenceRow]]:
        return [
            Column("meeting", self.tr("Meeting"), _evidence_label),
            Column("note", self.tr("Note"), lambda e: e.note_text),
        ]


def _evidence_label(e: EvidenceRow) -> str:
    when = show(e.meeting_starts_at.date())
    return f"{e.meeting_title} ({when})" if e.meeting_title else when


class LevelButton(QCommandLinkButton):
    """A level as a large choice; the chosen one gets a tick over its arrow.

    The tick is painted, not set as the icon: a new icon re-lays out the whole question (all
    the wrapped descriptors), which cost more than a frame on every choice."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # the levels are one group, as radio buttons are: Tab enters and leaves it, the arrow
        # keys move between the levels (and Space chooses)
        step = {
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_Right: 1,
        }.get(Qt.Key(event.key()))
        parent = self.parentWidget()
        if step is None or parent is None or event.modifiers() != Qt.KeyboardModifier.NoModifier:
            super().keyPressEvent(event)
            return
        levels = sorted(
            (b for b in parent.findChildren(LevelButton) if b.isVisible()), key=lambda b: b.y()
        )
        n = levels.index(self) if self in levels else 0
        levels[min(max(n + step, 0), len(levels) - 1)].setFocus(Qt.FocusReason.TabFocusReason)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.isChecked():
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        size = self.iconSize()
        box = QRectF(6, 8, size.width() + 6, size.height() + 6)
        p.fillRect(box, self.palette().color(self.palette().ColorRole.Button))
        pen = QPen(self.palette().color(self.palette().ColorRole.Highlight), 3)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        w, h = box.width(), box.height()
        p.drawPolyline(
            [
                QPointF(box.left() + w * 0.15, box.top() + h * 0.55),
                QPointF(box.left() + w * 0.42, box.top() + h * 0.8),
                QPointF(box.left() + w * 0.88, box.top() + h * 0.2),
            ]
        )
        p.end()


class QuestionPanel(QWidget):
    COMMENT_DELAY_MS = 800

    def __init__(self, state: WorkspaceState, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.state = state
        self.lang = state.lang
        self.question_id = ""
        self._meetings: list[MeetingChoice] | None = None
        checklist = state.data.checklist

        _scroll, body = scrolled_body(self, self.tr("The question and its answer"))
        layout = QVBoxLayout(body)

        self.where = QLabel(body)
        self.where.setTextFormat(Qt.TextFormat.PlainText)
        self.heading = QLabel(body)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        # a label is read by its name: the question itself, with what it is as description
        self.heading.setAccessibleDescription(self.tr("Question"))
        self.guidance = QLabel(body)
        self.guidance.setTextFormat(Qt.TextFormat.PlainText)
        self.guidance.setWordWrap(True)
        self.guidance.setAccessibleDescription(self.tr("Guidance"))
        layout.addWidget(self.where)
        layout.addWidget(self.heading)
        layout.addWidget(self.guidance)

        levels_box = QGroupBox(self.tr("Level (press a digit; N for not applicable)"), body)
        grid = QVBoxLayout(levels_box)
        self._marked: dict[int, bool] = {}
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)  # so that no choice (unanswered) can be shown
        self.level_buttons: dict[int, QCommandLinkButton] = {}
        for level, name in checklist.levels:
            b = LevelButton(f"{level}  {scale_word(name, self.lang)}", "", levels_box)
            b.setCheckable(True)
            b.setAccessibleName(
                self.tr("Level %1, %2")
                .replace("%1", str(level))
                .replace("%2", scale_word(name, self.lang))
            )
            b.clicked.connect(lambda _=False, lv=level: self.choose_level(lv))
            self.group.addButton(b, level)
            self.level_buttons[level] = b
            grid.addWidget(b)
        self.na_button = LevelButton(
            self.tr("N/A  Not applicable"),
            self.tr("The question does not apply to this agency"),
            levels_box,
        )
        self.na_button.setCheckable(True)
        self.na_button.setAccessibleName(self.tr("Not applicable"))
        self.na_button.clicked.connect(self.toggle_na)
        grid.addWidget(self.na_button)
        layout.addWidget(levels_box)

        form_box = QWidget(body)
        form = QFormLayout(form_box)
        form.setContentsMargins(0, 0, 0, 0)
        self.comment = QPlainTextEdit(form_box)
        self.comment.setAccessibleName(self.tr("Comment"))
        self.comment.setTabChangesFocus(True)
        self.comment.setMaximumHeight(110)
        self.comment.setPlaceholderText(self.tr("What you saw and heard, in your own words"))
        self._comment_timer = QTimer(self)
        self._comment_timer.setSingleShot(True)
        self._comment_timer.setInterval(self.COMMENT_DELAY_MS)
        self._comment_timer.timeout.connect(self.save_comment)
        self.comment.textChanged.connect(self._comment_typed)
        self.comment.installEventFilter(self)
        comment_label = QLabel(self.tr("Co&mment:"), form_box)
        comment_label.setBuddy(self.comment)
        form.addRow(comment_label, self.comment)
        self.confidence = QComboBox(form_box)
        self.confidence.setAccessibleName(self.tr("Confidence"))
        names = words("confidence")
        for key in CONFIDENCES:
            self.confidence.addItem(names[key], key)
        self.confidence.activated.connect(self._confidence_chosen)
        conf_label = QLabel(self.tr("Confide&nce:"), form_box)
        conf_label.setBuddy(self.confidence)
        form.addRow(conf_label, self.confidence)
        self.review = QCheckBox(self.tr("Mark for &review"), form_box)
        self.review.setAccessibleName(self.tr("Mark for review"))
        self.review.clicked.connect(self._review_clicked)
        form.addRow("", self.review)
        layout.addWidget(form_box)

        evidence_box = QGroupBox(self.tr("Evidence"), body)
        ev = QGridLayout(evidence_box)
        self.meeting_combo = QComboBox(evidence_box)
        self.meeting_combo.setAccessibleName(self.tr("Meeting to link as evidence"))
        self.meeting_combo.currentIndexChanged.connect(self._show_meeting_notes)
        self.link_button = QPushButton(self.tr("&Link meeting"), evidence_box)
        self.link_button.setAccessibleName(self.tr("Link the meeting as evidence"))
        self.link_button.clicked.connect(self.link_selected_meeting)
        self.unlink_button = QPushButton(self.tr("Remove lin&k"), evidence_box)
        self.unlink_button.clicked.connect(self.unlink_selected)
        pick_row = QHBoxLayout()
        meeting_label = QLabel(self.tr("Mee&ting:"), evidence_box)
        meeting_label.setBuddy(self.meeting_combo)
        pick_row.addWidget(meeting_label)
        pick_row.addWidget(self.meeting_combo, 1)
        ev.addLayout(pick_row, 0, 0, 1, 2)
        # the buttons under the choice: beside it they made the panel wider than its pane
        link_row = QHBoxLayout()
        link_row.addWidget(self.link_button)
        link_row.addWidget(self.unlink_button)
        link_row.addStretch(1)
        ev.addLayout(link_row, 1, 0, 1, 2)
        split = QSplitter(Qt.Orientation.Horizontal, evidence_box)
        self.evidence_model = EvidenceModel(parent=self)
        self.evidence_view = QListView(split)
        self.evidence_view.setModel(self.evidence_model)
        self.evidence_view.setAccessibleName(self.tr("Linked evidence"))
        self.evidence_view.selectionModel().currentChanged.connect(self._evidence_selected)
        self.notes_view = QPlainTextEdit(split)
        self.notes_view.setReadOnly(True)
        self.notes_view.setAccessibleName(self.tr("The meeting's notes"))
        self.notes_view.setPlaceholderText(self.tr("The chosen meeting's notes show here"))
        split.addWidget(self.evidence_view)
        split.addWidget(self.notes_view)
        split.setMinimumHeight(140)
        ev.addWidget(split, 2, 0, 1, 2)
        layout.addWidget(evidence_box)
        self.files = EvidenceFilesBox(AnswerFiles(state), body)
        layout.addWidget(self.files)
        layout.addStretch(1)

        state.answer_changed.connect(self._answer_changed)
        state.evidence_changed.connect(self._evidence_changed)

    # --- showing a question ---

    def show_question(self, question_id: str) -> None:
        if question_id == self.question_id:
            return
        self.save_comment()
        self.state.seal_merges()
        self.question_id = question_id
        data = self.state.data
        q = data.question(question_id)
        dim = next(d for d in data.checklist.dimensions if d.id == q.dimension_id)
        d_row = data.checklist.dimensions.index(dim)
        q_row = dim.questions.index(q)
        self.where.setText(f"{d_row + 1}.{q_row + 1} · {pick(dim.title, self.lang)}")
        self.heading.setText(pick(q.text, self.lang))
        guidance = pick(q.guidance, self.lang)
        self.guidance.setText(guidance)
        self.guidance.setVisible(bool(guidance))
        for level, button in self.level_buttons.items():
            button.setDescription(pick(q.descriptors.get(level, {}), self.lang))
        self._show_answer()
        self._load_evidence()
        self.files.show_files_of(question_id)

    def _show_answer(self) -> None:
        answer = self.state.data.answer(self.question_id)
        for level, button in self.level_buttons.items():
            self._mark(button, answer.level == level)
        self._mark(self.na_button, answer.not_applicable)
        if self.comment.toPlainText() != answer.comment and not self._comment_timer.isActive():
            self.comment.blockSignals(True)
            self.comment.setPlainText(answer.comment)
            self.comment.blockSignals(False)
        self.confidence.setCurrentIndex(max(0, self.confidence.findData(answer.confidence)))
        self.review.setChecked(answer.for_review)

    def _mark(self, button: QCommandLinkButton, chosen: bool) -> None:
        # kept on the Python side: cheaper than asking Qt, and checked() alone repaints only
        if self._marked.get(id(button)) == chosen:
            return
        button.setChecked(chosen)
        self._marked[id(button)] = chosen

    def _answer_changed(self, question_id: str) -> None:
        if question_id == self.question_id:
            self._show_answer()

    # --- edits ---

    def choose_level(self, level: int) -> None:
        if not self.question_id:
            return
        current = self.state.data.answer(self.question_id)
        new = None if current.level == level else level  # choosing the chosen level clears it
        text = (
            self.tr("Set level %1").replace("%1", str(level))
            if new is not None
            else self.tr("Clear level")
        )
        if not self.state.change_answer(self.question_id, text, level=new):
            self._show_answer()

    def toggle_na(self) -> None:
        if not self.question_id:
            return
        current = self.state.data.answer(self.question_id)
        self.state.change_answer(
            self.question_id,
            self.tr("Mark not applicable") if not current.not_applicable else self.tr("Clear N/A"),
            not_applicable=not current.not_applicable,
        )
        self._show_answer()

    def _comment_typed(self) -> None:
        self._comment_timer.start()

    def save_comment(self) -> None:
        self._comment_timer.stop()
        if not self.question_id:
            return
        text = self.comment.toPlainText()
        if text != self.state.data.answer(self.question_id).comment:
            self.state.change_answer(
                self.question_id,
                self.tr("Edit comment"),
                merge_key=f"comment:{self.question_id}",
                comment=text,
            )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.comment and event.type() == QEvent.Type.FocusOut:
            self.save_comment()
            self.state.seal_merges()
        return super().eventFilter(watched, event)

    def _confidence_chosen(self, index: int) -> None:
        self.state.change_answer(
            self.question_id, self.tr("Set confidence"), confidence=self.confidence.itemData(index)
        )

    def _review_clicked(self, checked: bool) -> None:
        self.state.change_answer(
            self.question_id,
            self.tr("Mark for review") if checked else self.tr("Clear mark for review"),
            for_review=checked,
        )

    # --- evidence ---

    def meetings(self) -> list[MeetingChoice]:
        if self._meetings is None:
            with self.state.db.read() as s:
                self._meetings = [
                    MeetingChoice(m.id, _meeting_label(m.title, m.starts_at), m.notes)
                    for m in meeting_service.list_meetings(s, self.state.data.agency_id)
                ]
            self.meeting_combo.blockSignals(True)
            self.meeting_combo.clear()
            for m in self._meetings:
                self.meeting_combo.addItem(m.label, m.id)
            self.meeting_combo.blockSignals(False)
            self._show_meeting_notes(self.meeting_combo.currentIndex())
        return self._meetings

    def reload_meetings(self) -> None:
        self._meetings = None
        self.meetings()

    def _load_evidence(self) -> None:
        self.meetings()
        with self.state.db.read() as s:
            rows = answer_service.list_evidence(s, self.state.assessment_id, self.question_id)
        self.evidence_model.set_rows(rows)
        self.link_button.setEnabled(bool(self._meetings))

    def _evidence_changed(self, question_id: str) -> None:
        if question_id == self.question_id:
            self._load_evidence()

    def link_selected_meeting(self) -> None:
        meeting_id = self.meeting_combo.currentData()
        if meeting_id and self.question_id:
            self.state.add_evidence(self.question_id, meeting_id)

    def unlink_selected(self) -> None:
        index = self.evidence_view.currentIndex()
        if not index.isValid():
            return
        row = self.evidence_model.row_at(index.row())
        self.state.remove_evidence(self.question_id, row.id, row.meeting_id, row.meeting_note_id)

    def _notes_text(self, meeting_id: str) -> str:
        choice = next((m for m in self.meetings() if m.id == meeting_id), None)
        with self.state.db.read() as s:
            entries = answer_service.list_meeting_notes(s, meeting_id)
        parts = [choice.notes] if choice and choice.notes else []
        parts.extend(f"[{n.written_at:%H:%M}] {n.text}" for n in entries)
        return "\n\n".join(parts)

    def _show_meeting_notes(self, index: int) -> None:
        meeting_id = self.meeting_combo.itemData(index) if index >= 0 else None
        self.notes_view.setPlainText(self._notes_text(meeting_id) if meeting_id else "")

    def _evidence_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            row = self.evidence_model.row_at(current.row())
            self.notes_view.setPlainText(self._notes_text(row.meeting_id))


def _meeting_label(title: str, starts_at: datetime) -> str:
    when = show(starts_at)
    return f"{when} {title}".strip()
