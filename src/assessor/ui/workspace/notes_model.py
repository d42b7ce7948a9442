"""A meeting's notes as table rows: when each was written, the note, the question it supports
(meeting mode's list, and the meeting editor's timed notes)."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale, QObject

from assessor.services.answers import NoteRow
from assessor.ui.row_model import Column, RowTableModel


class NotesModel(RowTableModel[NoteRow]):
    def __init__(
        self, question_labels: dict[str, str] | None = None, parent: QObject | None = None
    ) -> None:
        self._labels = question_labels or {}
        super().__init__(parent=parent)

    def set_question_labels(self, labels: dict[str, str]) -> None:
        self._labels = labels

    def columns(self) -> list[Column[NoteRow]]:
        return [
            # the date too: a meeting's notes may be read weeks later, next to other meetings'
            Column(
                "time",
                self.tr("Written"),
                lambda n: QLocale().toString(
                    QDateTime(n.written_at), QLocale.FormatType.ShortFormat
                ),
            ),
            Column("text", self.tr("Note"), lambda n: n.text),
            Column(
                "question",
                self.tr("Supports question"),
                lambda n: self._labels.get(n.question_id or "", ""),
            ),
        ]
