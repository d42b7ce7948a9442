"""Findings: strengths, weaknesses, risks and good practices, tied to a dimension or question."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from assessor.domain.checklist import pick
from assessor.domain.errors import AssessorError
from assessor.services import findings as finding_service
from assessor.services.findings import FindingRow
from assessor.services.workspace import ChecklistInfo
from assessor.ui.columns import row_list
from assessor.ui.elided_combo import ElidedCombo
from assessor.ui.evidence_files import EvidenceFilesBox
from assessor.ui.row_model import Column, RowTableModel
from assessor.ui.words import words
from assessor.ui.workspace.files import WorkspaceFiles
from assessor.ui.workspace.forms import ErrorLabel, save_row_field, show_error, with_error
from assessor.ui.workspace.state import WorkspaceState
from assessor.ui.workspace.table import fit_columns, fit_two_lines


def kind_names() -> dict[str, str]:
    return words("finding_kind")


class FindingsModel(RowTableModel[FindingRow]):
    def __init__(self, checklist: ChecklistInfo, lang: str, parent: QObject | None = None) -> None:
        self._dims = {d.id: pick(d.title, lang) for d in checklist.dimensions}
        self._kinds = kind_names()
        super().__init__(parent=parent)

    def columns(self) -> list[Column[FindingRow]]:
        return [
            Column("kind", self.tr("Kind"), lambda f: self._kinds.get(f.kind, f.kind)),
            Column("title", self.tr("Title"), lambda f: f.title),
            Column(
                "dimension",
                self.tr("Dimension"),
                lambda f: self._dims.get(f.dimension_id or "", ""),
            ),
        ]


class FindingsEditor(QWidget):
    def __init__(self, state: WorkspaceState, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.state = state
        checklist = state.data.checklist
        self.model = FindingsModel(checklist, state.lang, self)
        self.view = row_list(QTableView(self), self.tr("Findings"), self.model)
        fit_columns(self.view, "title", ("kind",))
        # Qt's default 100 px broke Swedish titles into fragments ending in "…"
        fit_two_lines(
            self.view, "dimension", [pick(d.title, state.lang) for d in checklist.dimensions]
        )

        form_box = QWidget(self)
        form = QFormLayout(form_box)
        self.kind = QComboBox(form_box)
        self.kind.setAccessibleName(self.tr("Kind of finding"))
        for key, name in kind_names().items():
            self.kind.addItem(name, key)
        self.title = QLineEdit(form_box)
        self.title.setAccessibleName(self.tr("Title of the finding"))
        title_box, title_error = with_error(self.title, form_box)
        self.text = QPlainTextEdit(form_box)
        self.text.setAccessibleName(self.tr("Text of the finding"))
        self.text.setTabChangesFocus(True)
        self.dimension = QComboBox(form_box)
        self.dimension.setAccessibleName(self.tr("Dimension of the finding"))
        self.dimension.addItem(self.tr("(none)"), None)
        for d in checklist.dimensions:
            self.dimension.addItem(pick(d.title, state.lang), d.id)
        self.question = ElidedCombo(form_box)
        self.question.setAccessibleName(self.tr("Question of the finding"))
        self.question.addItem(self.tr("(none)"), None)
        for n, d in enumerate(checklist.dimensions, start=1):
            for m, q in enumerate(d.questions, start=1):
                self.question.addItem(f"{n}.{m} {pick(q.text, state.lang)}", q.id)
        for combo in (self.dimension, self.question):
            # a long question must not make the form (and squeeze the list) wider
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(20)
        self.general_error = ErrorLabel(form_box)
        self.errors = {
            "title": title_error,
            "kind": self.general_error,
            "dimension_id": self.general_error,
            "question_id": self.general_error,
            "": self.general_error,
        }
        for label, widget in (
            (self.tr("&Kind:"), self.kind),
            (self.tr("&Title:"), title_box),
            (self.tr("Te&xt:"), self.text),
            (self.tr("Di&mension:"), self.dimension),
            (self.tr("&Question:"), self.question),
        ):
            lab = QLabel(label, form_box)
            lab.setBuddy(widget if widget is not title_box else self.title)
            form.addRow(lab, widget)
        form.addRow("", self.general_error)
        self.new_button = QPushButton(self.tr("&New finding"), self)
        self.save_button = QPushButton(self.tr("&Add finding"), self)
        self.save_button.setDefault(True)
        self.delete_button = QPushButton(self.tr("De&lete finding"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.addWidget(form_box)
        rl.addLayout(buttons)
        self.files = EvidenceFilesBox(WorkspaceFiles(state, "finding"), right)
        rl.addWidget(self.files)
        rl.addStretch(1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.view)
        split.addWidget(right)
        split.setSizes([500, 420])  # in proportion: the list gets a little more
        layout = QVBoxLayout(self)
        layout.addWidget(split)

        self.current_id: str | None = None
        self.new_button.clicked.connect(self.new_finding)
        self.save_button.clicked.connect(self.add_finding)
        self.delete_button.clicked.connect(self.delete_current)
        self.title.returnPressed.connect(self._title_entered)
        self.title.editingFinished.connect(lambda: self._save_field("title", self.title.text()))
        self.kind.activated.connect(lambda _i: self._save_field("kind", self.kind.currentData()))
        self.dimension.activated.connect(
            lambda _i: self._save_field("dimension_id", self.dimension.currentData())
        )
        self.question.activated.connect(
            lambda _i: self._save_field("question_id", self.question.currentData())
        )
        self.text.installEventFilter(self)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        state.findings_changed.connect(self.reload)
        self.reload()
        self.new_finding()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.text and event.type() == QEvent.Type.FocusOut:
            self._save_field("text", self.text.toPlainText())
        return super().eventFilter(watched, event)

    def reload(self) -> None:
        with self.state.db.read() as s:
            rows = finding_service.list_findings(s, self.state.assessment_id)
        keep = self.current_id
        self.model.set_rows(rows)
        if keep is not None and self.model.row_of(keep) >= 0:
            self.select(keep)
        elif keep is not None:
            self.new_finding()

    def select(self, finding_id: str) -> None:
        row = self.model.row_of(finding_id)
        if row >= 0:
            self.view.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        f = self.model.row_at(current.row())
        self.current_id = f.id
        self.kind.setCurrentIndex(max(0, self.kind.findData(f.kind)))
        self.title.setText(f.title)
        self.text.setPlainText(f.text)
        self.dimension.setCurrentIndex(max(0, self.dimension.findData(f.dimension_id)))
        self.question.setCurrentIndex(max(0, self.question.findData(f.question_id)))
        self.save_button.setEnabled(False)
        self.delete_button.setEnabled(True)
        self.files.show_files_of(f.id)
        for e in self.errors.values():
            e.clear_error()

    def new_finding(self) -> None:
        self.current_id = None
        self.view.clearSelection()
        self.view.setCurrentIndex(self.model.index(-1, -1))
        self.title.clear()
        self.text.clear()
        self.dimension.setCurrentIndex(0)
        self.question.setCurrentIndex(0)
        self.save_button.setEnabled(True)
        self.delete_button.setEnabled(False)
        self.files.show_files_of("")  # files come once the finding is added
        self.title.setFocus()

    def _title_entered(self) -> None:
        if self.current_id is None:
            self.add_finding()

    def add_finding(self) -> str | None:
        if self.current_id is not None or not self.state.ensure_open():
            return None
        try:
            with self.state.db.transaction() as s:
                new_id = finding_service.create_finding(
                    s,
                    self.state.assessment_id,
                    kind=self.kind.currentData(),
                    title=self.title.text(),
                    text=self.text.toPlainText(),
                    dimension_id=self.dimension.currentData(),
                    question_id=self.question.currentData(),
                )
        except AssessorError as exc:
            show_error(self.errors, exc, "")  # the typed text stays in the fields
            return None
        for e in self.errors.values():
            e.clear_error()
        self.current_id = new_id
        self.state.created(self.tr("Add finding"), "finding", new_id, self.state.findings_changed)
        self.select(new_id)
        return new_id

    def _save_field(self, field: str, value: Any) -> None:
        if self.current_id is None:
            return
        old = getattr(self.model.row_at(self.model.row_of(self.current_id)), field)
        if old == value:
            return
        if not self.state.ensure_open():
            # the form shows the stored finding again
            self._row_changed(self.view.currentIndex(), QModelIndex())
            return
        save_row_field(
            self.state,
            self.tr("Edit finding"),
            finding_service.update_finding,
            self.current_id,
            field,
            old,
            value,
            self.state.findings_changed,
            self.errors,
            self.general_error,
        )

    def delete_current(self) -> None:
        if self.current_id is not None and self.state.ensure_open():
            finding_id = self.current_id
            self.current_id = None
            self.state.deleted(
                self.tr("Delete finding"), "finding", finding_id, self.state.findings_changed
            )
            self.new_finding()
