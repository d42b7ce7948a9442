"""Other models: this assessment read as another checklist through a mapping set.

One agency's answers on ISO 27001 read as NIST CSF 2.0 (services.mappings): the mapped score
per dimension, how many of its questions the mapping could read, and what it could not read.
Nothing is stored; the reading is made again when the tab is shown after answers changed, and
the checklists offered are looked up again when a mapping set or checklist was kept or removed
meanwhile (on the Checklists page, by undo, or by a sync), so a removed set is never offered.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from assessor.domain.checklist import pick
from assessor.domain.errors import AssessorError
from assessor.services.mappings import (
    AssessmentReading,
    Reachable,
    reach_stamp,
    reachable_checklists,
    read_assessment_as,
)
from assessor.ui.changes import Change, Table
from assessor.ui.edits import Edits
from assessor.ui.row_model import Column, RowTableModel
from assessor.ui.workspace.numbers import number
from assessor.ui.workspace.state import WorkspaceState
from assessor.ui.workspace.table import fit_columns


@dataclass(frozen=True)
class MappedRow:
    id: str  # dimension key of the other checklist
    title: str
    score: float | None
    read: int
    total: int


class MappedModel(RowTableModel[MappedRow]):
    def columns(self) -> list[Column[MappedRow]]:
        right = Qt.AlignmentFlag.AlignRight
        return [
            Column("dimension", self.tr("Dimension"), lambda r: r.title),
            Column("score", self.tr("Mapped score"), lambda r: number(r.score, 2), right),
            Column(
                "read",
                self.tr("Questions read"),
                lambda r: (
                    self.tr("%1 of %2").replace("%1", str(r.read)).replace("%2", str(r.total))
                ),
                right,
            ),
        ]


class MappedView(QWidget):
    def __init__(self, state: WorkspaceState, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.state = state
        self._stale = False
        self._stamp: tuple[object, ...] | None = None
        self.targets: list[Reachable] = []
        self.info = QLabel(self)
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        self.info.setWordWrap(True)
        self.choice = QComboBox(self)
        self.choice.setAccessibleName(self.tr("Checklist to read the assessment as"))
        label = QLabel(self.tr("&Read as:"), self)
        label.setBuddy(self.choice)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.choice, 1)
        self.overall = QLabel(self)
        self.overall.setTextFormat(Qt.TextFormat.PlainText)
        self.model = MappedModel(parent=self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Mapped score per dimension"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        fit_columns(self.table, "dimension", ("score", "read"))
        self.gaps = QPlainTextEdit(self)
        self.gaps.setReadOnly(True)
        self.gaps.setAccessibleName(self.tr("What the mapping could not read"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addLayout(row)
        layout.addWidget(self.overall)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.gaps, 1)
        self.choice.currentIndexChanged.connect(lambda _i: self.refresh())
        state.answer_changed.connect(self._answers_changed)
        # the window's undo stack belongs to its Edits, whose change notice says a set was
        # removed on the Checklists page (or brought back by undo) while this tab stays open
        edits = state.undo_stack.parent()
        if isinstance(edits, Edits):
            edits.changed.connect(self._data_changed)
        self.reload()

    def reload(self) -> None:
        """The checklists a kept mapping set reaches from this assessment's checklist; the
        one chosen stays chosen while it is still reached."""
        was = self.chosen()
        try:
            with self.state.db.read() as s:
                self._stamp = reach_stamp(s)
                self.targets = reachable_checklists(s, self.state.data.checklist.id)
        except AssessorError as exc:
            self.targets = []
            self.state.failed.emit(exc.message)
        self.choice.blockSignals(True)
        self.choice.clear()
        for target in self.targets:
            self.choice.addItem(
                f"{pick(target.title, self.state.lang)} ({target.version})", target.checklist_id
            )
        ids = [(t.mapping.id, t.checklist_id) for t in self.targets]
        if was is not None and (was.mapping.id, was.checklist_id) in ids:
            self.choice.setCurrentIndex(ids.index((was.mapping.id, was.checklist_id)))
        self.choice.blockSignals(False)
        self.choice.setEnabled(bool(self.targets))
        if not self.targets:
            self.info.setText(
                self.tr(
                    "No mapping set joins this checklist to another imported one. Import the other "
                    "framework and a mapping set between the two with Import checklist… in "
                    "Checklists to read this assessment as the other one."
                )
            )
        else:
            self.info.setText(
                self.tr(
                    "The answers of this assessment read as another checklist: each of its "
                    "questions gets the mean of the mapped answers, moved onto its scale. A first "
                    "estimate to reuse, not an assessment."
                )
            )
        self.refresh()

    def chosen(self) -> Reachable | None:
        index = self.choice.currentIndex()
        return self.targets[index] if 0 <= index < len(self.targets) else None

    def reading(self) -> AssessmentReading | None:
        target = self.chosen()
        if target is None:
            return None
        self.state.flush()  # a level chosen a moment ago is written after a zero timer
        try:
            with self.state.db.read() as s:
                return read_assessment_as(
                    s, self.state.assessment_id, target.mapping.id, target.checklist_id
                )
        except AssessorError as exc:
            self.state.failed.emit(exc.message)
            return None

    def refresh(self) -> None:
        result = self.reading()
        if result is None:
            self.model.set_rows([])
            self.overall.setText("")
            self.gaps.setPlainText("")
            return
        lang = self.state.lang
        titles = {d.id: pick(d.title, lang) for d in result.target.dimensions}
        reading = result.reading
        self.model.set_rows(
            [
                MappedRow(d.key, titles.get(d.key, d.key), d.score, d.read, d.total)
                for d in reading.dimensions
            ]
        )
        self.overall.setText(
            self.tr("Mapped overall index: %1").replace("%1", number(reading.overall, 2))
        )
        lines = []
        for label, keys in (
            (self.tr("Questions no mapping reaches (%1):"), reading.not_linked),
            (self.tr("Questions mapped only to unanswered ones (%1):"), reading.not_answered),
            (self.tr("Answers the mapping does not use (%1):"), reading.unused),
        ):
            if keys:
                lines.append(label.replace("%1", str(len(keys))) + " " + ", ".join(keys))
        self.gaps.setPlainText("\n".join(lines))

    def _answers_changed(self, _question_id: str) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def _data_changed(self, change: Change) -> None:
        if not change.touches(Table.MAPPING_SET):
            return
        if self.isVisible():
            self.reload()
        else:
            self._stamp = None  # looked up again when shown

    def showEvent(self, event: QShowEvent) -> None:
        with self.state.db.read() as s:
            stamp = reach_stamp(s)
        if stamp != self._stamp:  # kept or removed meanwhile, here or by a sync
            self._stale = False
            self.reload()
        elif self._stale:
            self._stale = False
            self.refresh()
        super().showEvent(event)
