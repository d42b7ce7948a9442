"""An agency's assessments: list them, create one (checklist version, date, advisors, targets),
change the status, open one."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from assessor.domain.errors import AssessorError
from assessor.services import agency_reads
from assessor.services.agency_reads import AssessmentRow
from assessor.ui.check_list import CheckList
from assessor.ui.columns import row_list
from assessor.ui.context import database_reads
from assessor.ui.edits import DoneCommand
from assessor.ui.language import ui_language
from assessor.ui.row_model import Column, RowTableModel, show
from assessor.ui.words import words
from assessor.ui.workspace.counts import counts_short, counts_text
from assessor.ui.workspace.forms import ErrorLabel, show_error, with_error
from assessor.ui.workspace.table import fit_columns

if TYPE_CHECKING:
    from assessor.store.db import Database

# the services load SQLAlchemy: imported when first used, since the agency's list of
# assessments is read without it while the window starts (services.agency_reads)
Reads = Callable[[], AbstractContextManager[sqlite3.Connection]]


def _assessments() -> Any:
    from assessor.services import assessments

    return assessments


def status_names() -> dict[str, str]:
    return words("assessment_status")


class AssessmentsModel(RowTableModel[AssessmentRow]):
    def __init__(
        self, question_counts: dict[str, int] | None = None, parent: QObject | None = None
    ) -> None:
        self._names = status_names()
        self._counts = question_counts or {}
        super().__init__(parent=parent)

    def set_question_counts(self, counts: dict[str, int]) -> None:
        self._counts = counts

    def columns(self) -> list[Column[AssessmentRow]]:
        return [
            Column("date", self.tr("Date"), lambda a: show(a.assessed_on)),
            Column("title", self.tr("Title"), lambda a: a.title),
            Column("status", self.tr("Status"), lambda a: self._names.get(a.status, a.status)),
            Column("answered", self.tr("Answered"), self._answered, Qt.AlignmentFlag.AlignRight),
        ]

    def _answered(self, a: AssessmentRow) -> str:
        total = self._counts.get(a.checklist_id)
        levels = a.answered - a.not_applicable
        return counts_short(levels, total - a.not_applicable) if total else str(levels)

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and index.isValid()
            and self._columns[index.column()].key == "answered"
        ):
            a = self.row_at(index.row())
            total = self._counts.get(a.checklist_id, 0)
            return counts_text(
                a.answered - a.not_applicable, total - a.not_applicable, a.not_applicable
            )
        return super().data(index, role)


class NewAssessmentDialog(QDialog):
    def __init__(
        self, db: Database, agency_id: str, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent=parent)
        self.db = db
        self.agency_id = agency_id
        self.lang = lang
        self.created_id: str | None = None
        self.setWindowTitle(self.tr("New assessment"))
        from assessor.domain.checklist import pick
        from assessor.services import advisors as advisor_service
        from assessor.services import checklists as checklist_service

        with db.read() as s:
            checklists = checklist_service.list_checklists(s)
            advisors = [(a.id, a.name) for a in advisor_service.list_advisors(s)]
        self.checklist = QComboBox(self)
        self.checklist.setAccessibleName(self.tr("Checklist version"))
        for c in checklists:
            self.checklist.addItem(f"{pick(c.title, lang)} {c.version}", c.id)
        self.when = QDateEdit(QDate.currentDate(), self)
        self.when.setCalendarPopup(True)
        # as the assessments' list beside it writes dates (the locale's), not always ISO
        self.when.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
        self.when.setAccessibleName(self.tr("Date of the assessment"))
        self.title = QLineEdit(self)
        self.title.setAccessibleName(self.tr("Title of the assessment"))
        self.advisors = CheckList(self)
        self.advisors.setAccessibleName(self.tr("Advisors"))
        self.advisors.setMaximumHeight(90)
        self.advisors.fill(advisors)
        self.targets_box = QWidget(self)
        self.targets_form = QFormLayout(self.targets_box)
        self.targets_form.setContentsMargins(0, 0, 0, 0)
        self.target_spins: dict[str, QDoubleSpinBox] = {}
        self.general_error = ErrorLabel(self)
        title_box, title_error = with_error(self.title, self)
        self.errors = {"title": title_error, "": self.general_error}
        form = QFormLayout()
        for label, w, buddy in (
            (self.tr("&Checklist:"), self.checklist, None),
            (self.tr("&Date:"), self.when, None),
            (self.tr("&Title:"), title_box, self.title),
            (self.tr("&Advisors:"), self.advisors, None),
            (self.tr("Target &levels:"), self.targets_box, None),
        ):
            lab = QLabel(label, self)
            lab.setBuddy(buddy or w)
            form.addRow(lab, w)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("C&reate"))
        buttons.accepted.connect(self.create_assessment)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.checklist.currentIndexChanged.connect(self._fill_targets)
        self._fill_targets()

    def _fill_targets(self) -> None:
        while self.targets_form.rowCount():
            self.targets_form.removeRow(0)
        self.target_spins.clear()
        checklist_id = self.checklist.currentData()
        if not checklist_id:
            return
        from assessor.domain.checklist import pick
        from assessor.services.workspace import load_checklist_info

        with self.db.read() as s:
            info = load_checklist_info(s, checklist_id)
        for d in info.dimensions:
            spin = QDoubleSpinBox(self.targets_box)
            spin.setRange(info.scale.min_level - 1, info.scale.max_level)
            spin.setSingleStep(0.5)
            spin.setDecimals(1)
            spin.setSpecialValueText(self.tr("no target"))
            spin.setValue(spin.minimum())
            spin.setAccessibleName(self.tr("Target for %1").replace("%1", pick(d.title, self.lang)))
            self.targets_form.addRow(pick(d.title, self.lang), spin)
            self.target_spins[d.id] = spin

    def targets(self) -> dict[str, float]:
        return {d: s.value() for d, s in self.target_spins.items() if s.value() > s.minimum()}

    def create_assessment(self) -> None:
        checklist_id = self.checklist.currentData()
        if not checklist_id:
            self.general_error.show_error(self.tr("Import a checklist first"))
            return
        advisors = self.advisors.checked()
        qd = self.when.date()
        try:
            with self.db.transaction() as s:
                self.created_id = _assessments().create_assessment(
                    s,
                    self.agency_id,
                    checklist_id=checklist_id,
                    assessed_on=date(qd.year(), qd.month(), qd.day()),
                    title=self.title.text(),
                    advisor_ids=advisors,
                    targets=self.targets(),
                )
        except AssessorError as exc:
            show_error(self.errors, exc, "")
            return
        self.accept()


class AgencyAssessments(QWidget):
    open_requested = Signal(str)  # assessment id

    def __init__(
        self,
        db: Database,
        agency_id: str,
        parent: QWidget | None = None,
        undo_stack: QUndoStack | None = None,
        lang: str | None = None,
        reads: Reads | None = None,
    ) -> None:
        super().__init__(parent=parent)
        self.db = db
        self._reads: Reads = reads or (lambda: database_reads(db))
        self.agency_id = agency_id
        self.undo_stack = undo_stack
        self.lang = lang or ui_language()
        self.model = AssessmentsModel(parent=self)
        self.view = row_list(QTableView(self), self.tr("Assessments of the agency"), self.model)
        fit_columns(self.view, "title", ("date", "status", "answered"))
        self.view.activated.connect(lambda index: self.open_row(index.row()))
        self.new_button = QPushButton(self.tr("Ne&w assessment…"), self)
        self.new_button.clicked.connect(self.new_assessment)
        self.open_button = QPushButton(self.tr("O&pen"), self)
        self.open_button.clicked.connect(lambda: self.open_row(self.view.currentIndex().row()))
        self.status = QComboBox(self)
        self.status.setAccessibleName(self.tr("Status of the assessment"))
        for key, name in status_names().items():
            self.status.addItem(name, key)
        self.status.activated.connect(self._status_chosen)
        self.error = ErrorLabel(self)
        status_label = QLabel(self.tr("&Status:"), self)
        status_label.setBuddy(self.status)
        bar = QHBoxLayout()
        bar.addWidget(self.new_button)
        bar.addWidget(self.open_button)
        bar.addStretch(1)
        bar.addWidget(status_label)
        bar.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view)
        layout.addWidget(self.error)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.reload()

    def reload(self) -> None:
        with self._reads() as con:
            rows = agency_reads.assessment_rows(con, self.agency_id)
            counts = agency_reads.question_counts(con, {r.checklist_id for r in rows})
        self.model.set_question_counts(counts)
        self.model.set_rows(rows)
        if rows:
            self.view.selectRow(0)
        self.open_button.setEnabled(bool(rows))
        self.status.setEnabled(bool(rows))

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            row = self.model.row_at(current.row())
            self.status.setCurrentIndex(max(0, self.status.findData(row.status)))

    def new_assessment(self) -> str | None:
        dialog = NewAssessmentDialog(self.db, self.agency_id, self.lang, self)
        if dialog.exec() and dialog.created_id:
            self.reload()
            self.view.selectRow(self.model.row_of(dialog.created_id))
            self.open_requested.emit(dialog.created_id)
            return dialog.created_id
        return None

    def open_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.open_requested.emit(self.model.row_at(row).id)

    def set_status(self, assessment_id: str, status: str) -> bool:
        row = self.model.row_at(self.model.row_of(assessment_id))
        old = row.status

        def write(value: str) -> None:
            with self.db.transaction() as s:
                _assessments().update_assessment(s, assessment_id, status=value)
            self.reload()

        try:
            write(status)
        except AssessorError as exc:
            self.error.show_error(exc.message)
            return False
        self.error.clear_error()
        if self.undo_stack is not None and old != status:
            self.undo_stack.push(
                DoneCommand(
                    QCoreApplication.translate("Assessments", "Change status"),
                    lambda: write(status),
                    lambda: write(old),
                    self._guard,
                )
            )
        return True

    def _guard(self, fn: Callable[[], None]) -> None:
        try:
            fn()
        except AssessorError as exc:  # undoing on a row changed meanwhile: say so here
            self.error.show_error(exc.message)

    def _status_chosen(self, index: int) -> None:
        current = self.view.currentIndex()
        if current.isValid():
            self.set_status(self.model.row_at(current.row()).id, self.status.itemData(index))
