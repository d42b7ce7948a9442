"""The open assessment's state and every edit made to it, each an undo step calling a service.

An edit is written first (in its own short transaction: saved as made); only when the write
succeeded is a command pushed on the window's QUndoStack, so a refused edit leaves no step
behind. Undo and redo write through the same services. Widgets listen to the signals.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox

from assessor.domain.errors import AssessorError
from assessor.services import answers as answer_service
from assessor.services import findings as finding_service
from assessor.services import recommendations as recommendation_service
from assessor.services.answers import AnswerData
from assessor.services.workspace import WorkspaceData, load_workspace
from assessor.store.db import Database
from assessor.ui.edits import DoneCommand, attempt

ANSWER_COMMAND_ID = 0x5A01

# how a finding or a recommendation is deleted and brought back (undo of an add or a delete)
_DELETE_RESTORE: dict[str, tuple[Callable[[Any, str], None], Callable[[Any, str], None]]] = {
    "finding": (finding_service.delete_finding, finding_service.restore_finding),
    "recommendation": (
        recommendation_service.delete_recommendation,
        recommendation_service.restore_recommendation,
    ),
}


class AnswerCommand(QUndoCommand):
    """One answer from ``before`` to ``after`` (already written when pushed)."""

    def __init__(
        self,
        state: WorkspaceState,
        text: str,
        before: AnswerData,
        after: AnswerData,
        merge_key: str = "",
    ) -> None:
        super().__init__(text)
        self.state = state
        self.before = before
        self.after = after
        self.merge_key = merge_key  # typing in one comment merges into one step
        self._skip = True

    def id(self) -> int:
        return ANSWER_COMMAND_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, AnswerCommand) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        if self._skip:
            self._skip = False
            return
        self.state.flush()
        self.state._write_answer(self.after)

    def undo(self) -> None:
        self.state.flush()
        self.state._write_answer(self.before)


class WorkspaceState(QObject):
    answer_changed = Signal(str)  # question id
    evidence_changed = Signal(str)  # question id
    findings_changed = Signal()
    recommendations_changed = Signal()
    failed = Signal(str)  # a write was refused: words for the user
    status_changed = Signal(str)  # the assessment was reopened (or its reopening undone)

    def __init__(
        self,
        db: Database,
        assessment_id: str,
        undo_stack: QUndoStack,
        lang: str = "en",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.undo_stack = undo_stack
        self.lang = lang
        with db.read() as s:
            self.data: WorkspaceData = load_workspace(s, assessment_id)
        # answers shown but not yet written: written in order right after the repaint
        self.pending: list[tuple[AnswerData, AnswerData, dict[str, Any]]] = []
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(0)
        self._flush_timer.timeout.connect(self.flush)
        # asks whether a delivered assessment may be reopened; a test replaces it
        self.confirm_reopen: Callable[[], bool] = self._ask_reopen

    @property
    def assessment_id(self) -> str:
        return self.data.assessment_id

    # --- a delivered assessment is changed only after the user agrees to reopen it ---

    def _stored_status(self) -> str:
        from assessor.services.assessments import get_assessment

        with self.db.read() as s:
            return get_assessment(s, self.assessment_id).status

    def _ask_reopen(self) -> bool:
        answer = QMessageBox.question(
            QApplication.activeWindow(),
            self.tr("Reopen the delivered assessment?"),
            self.tr(
                "This assessment has been delivered: its report was handed over as it "
                "stands. Reopen it (status: In review) to change it? Set it to Delivered "
                "again and export a new report when you are done."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _write_status(self, status: str) -> None:
        from assessor.services.assessments import update_assessment

        with self.db.transaction() as s:
            update_assessment(s, self.assessment_id, status=status)
        self.data.status = status
        self.status_changed.emit(status)

    def ensure_open(self) -> bool:
        """True when the assessment may be changed: not delivered, or reopened just now with
        the user's consent (one undo step of its own)."""
        if self._stored_status() != "delivered":
            return True
        if not self.confirm_reopen():
            return False
        if not self._guard(lambda: self._write_status("in_review")):
            return False
        self.push_done(
            self.tr("Reopen assessment"),
            lambda: self._write_status("in_review"),
            lambda: self._write_status("delivered"),
        )
        return True

    def push_done(self, text: str, do: Callable[[], None], undo: Callable[[], None]) -> None:
        """Record a step already carried out; undo and redo first write any answer pending."""
        self.undo_stack.push(DoneCommand(text, do, undo, self._run_step))

    def _run_step(self, fn: Callable[[], None]) -> None:
        self.flush()
        self._guard(fn)

    def _guard(self, fn: Callable[[], None]) -> bool:
        return attempt(fn, self.failed)

    # --- the profile scored ---

    def save_profile(self, profile_id: str | None, show: Callable[[str | None], None]) -> bool:
        """Keep the profile with the assessment (so the report and colleagues score on it too)
        and show it; undo goes back to the one before. False when refused."""
        if not self.ensure_open():
            return False
        before = self.data.profile

        def choose(chosen: str | None) -> Callable[[], None]:
            def write() -> None:
                from assessor.services.assessments import update_assessment

                with self.db.transaction() as s:
                    update_assessment(s, self.assessment_id, profile=chosen or "")
                show(chosen)

            return write

        if not self._guard(choose(profile_id)):
            return False
        self.push_done(self.tr("Choose profile"), choose(profile_id), choose(before))
        return True

    # --- answers ---

    def _write_answer(self, answer: AnswerData) -> None:
        def write() -> None:
            with self.db.transaction() as s:
                answer_service.set_answer(
                    s,
                    self.assessment_id,
                    answer.question_id,
                    level=answer.level,
                    not_applicable=answer.not_applicable,
                    comment=answer.comment,
                    confidence=answer.confidence,
                    for_review=answer.for_review,
                )

        if self._guard(write):
            self.data.answers[answer.question_id] = answer
            self.answer_changed.emit(answer.question_id)

    def change_answer(
        self, question_id: str, text: str, merge_key: str = "", **changes: Any
    ) -> bool:
        """Change some fields of one answer; one undo step.

        The screen changes first; the write follows in the same turn of the event loop, right
        after the repaint (a zero timer), so choosing a level feels instant. A refused write
        puts the answer back and says why (:attr:`failed`).
        """
        before = self.data.answer(question_id)
        if not self.ensure_open():
            self.answer_changed.emit(question_id)  # the widget shows the stored answer again
            return False
        if "level" in changes and changes["level"] is not None:
            changes["not_applicable"] = False
        if changes.get("not_applicable"):
            changes["level"] = None
        after = replace(before, **changes)
        if after == before:
            return False
        self.data.answers[question_id] = after
        self.pending.append((before, after, changes))
        self._flush_timer.start()
        self.undo_stack.push(AnswerCommand(self, text, before, after, merge_key))
        self.answer_changed.emit(question_id)
        return True

    def flush(self) -> None:
        """Write the answers changed on screen but not saved yet (before undo, on close)."""
        self._flush_timer.stop()
        while self.pending:
            before, after, changes = self.pending.pop(0)
            try:
                with self.db.transaction() as s:
                    answer_service.set_answer(s, self.assessment_id, after.question_id, **changes)
            except AssessorError as exc:
                self.pending.clear()
                self.data.answers[after.question_id] = before
                self.answer_changed.emit(after.question_id)
                self.failed.emit(exc.message)
                return

    def seal_merges(self) -> None:
        """Typing in a new field (or the same one again later) starts a new undo step."""
        top = self.undo_stack.command(self.undo_stack.index() - 1)
        if isinstance(top, AnswerCommand):
            top.merge_key = ""

    # --- evidence ---

    def add_evidence(self, question_id: str, meeting_id: str, note_id: str | None = None) -> str:
        if not self.ensure_open():
            return ""
        holder: dict[str, str] = {}

        def do() -> None:
            with self.db.transaction() as s:
                holder["id"] = answer_service.add_evidence(
                    s, self.assessment_id, question_id, meeting_id, meeting_note_id=note_id
                )
            self.evidence_changed.emit(question_id)

        def undo() -> None:
            with self.db.transaction() as s:
                answer_service.remove_evidence(s, holder["id"])
            self.evidence_changed.emit(question_id)

        if not self._guard(do):
            return ""
        self.push_done(self.tr("Add evidence"), do, undo)
        return holder["id"]

    def remove_evidence(
        self, question_id: str, evidence_id: str, meeting_id: str, note_id: str | None
    ) -> None:
        if not self.ensure_open():
            return

        def do() -> None:
            with self.db.transaction() as s:
                answer_service.remove_evidence(s, evidence_id)
            self.evidence_changed.emit(question_id)

        def undo() -> None:
            with self.db.transaction() as s:
                answer_service.add_evidence(
                    s, self.assessment_id, question_id, meeting_id, meeting_note_id=note_id
                )
            self.evidence_changed.emit(question_id)

        if self._guard(do):
            self.push_done(self.tr("Remove evidence"), do, undo)

    # --- findings and recommendations: create, change, delete ---

    def _set_deleted(self, table: str, row_id: str, deleted: bool) -> None:
        delete, restore = _DELETE_RESTORE[table]
        with self.db.transaction() as s:
            (delete if deleted else restore)(s, row_id)

    def created(self, text: str, table: str, row_id: str, signal: Any) -> None:
        """Record the creation of a row (already written) as an undo step."""

        def undo() -> None:
            self._set_deleted(table, row_id, True)
            signal.emit()

        def redo() -> None:
            self._set_deleted(table, row_id, False)
            signal.emit()

        self.push_done(text, redo, undo)
        signal.emit()

    def deleted(self, text: str, table: str, row_id: str, signal: Any) -> None:
        def do() -> None:
            self._set_deleted(table, row_id, True)
            signal.emit()

        def undo() -> None:
            self._set_deleted(table, row_id, False)
            signal.emit()

        do()
        self.push_done(text, do, undo)

    def field_changed(
        self, text: str, write: Callable[[Any], None], old: Any, new: Any, signal: Any
    ) -> bool:
        """A field of a finding or recommendation: write ``new`` now, undo writes ``old``."""
        if old == new:
            return False

        def do() -> None:
            write(new)
            signal.emit()

        def undo() -> None:
            write(old)
            signal.emit()

        do()  # a refused value raises: the form shows why beside the field, keeping the text
        self.push_done(text, do, undo)
        return True
