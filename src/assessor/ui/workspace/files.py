"""Evidence files in the assessment workspace: on answers (keyed by question id), findings
and recommendations. Changes go through the workspace's state, so a delivered assessment is
reopened only with the user's consent, a refusal is shown where the workspace shows them and
each change is one step on the workspace's undo stack."""

from __future__ import annotations

from collections.abc import Callable

from assessor.services import attachments as att
from assessor.ui.evidence_files import FileHost
from assessor.ui.workspace.state import WorkspaceState


class WorkspaceFiles(FileHost):
    """Files on rows of ``table`` (finding, recommendation) of the workspace's assessment."""

    def __init__(self, state: WorkspaceState, table: str) -> None:
        super().__init__(state.db, table, state)
        self.state = state
        self.failed.connect(state.failed.emit)

    def may_change(self) -> bool:
        return self.state.ensure_open()

    def run(self, fn: Callable[[], None]) -> bool:
        return self.state._guard(fn)

    def push_done(self, text: str, do: Callable[[], None], undo: Callable[[], None]) -> None:
        self.state.push_done(text, do, undo)


class AnswerFiles(WorkspaceFiles):
    """Files on the answers, keyed by question id (an answer is made when the first file
    comes); the question panel hears of them through the state's evidence_changed."""

    def __init__(self, state: WorkspaceState) -> None:
        super().__init__(state, "answer")
        state.evidence_changed.connect(self.changed.emit)

    def rows(self, key: str) -> list[att.AttachmentRow]:
        with self.db.read() as s:
            return att.for_assessment(s, self.state.assessment_id).get(key, [])

    def attach(self, key: str, data: bytes, file_name: str) -> att.AttachmentRow:
        with self.db.transaction() as s:
            return att.attach_to_answer(s, self.state.assessment_id, key, data, file_name=file_name)

    def notify(self, key: str) -> None:
        self.state.evidence_changed.emit(key)
