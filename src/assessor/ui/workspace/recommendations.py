"""Recommendations: title, text, rationale, priority, horizon, status, the agency's response,
linked dimensions and findings; made from a library template or saved to the library."""

from __future__ import annotations

from collections.abc import Callable
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
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from assessor.domain.checklist import pick
from assessor.domain.errors import AssessorError
from assessor.services import findings as finding_service
from assessor.services import recommendations as rec_service
from assessor.services.recommendations import (
    HORIZONS,
    PRIORITIES,
    RECOMMENDATION_STATUSES,
    RecommendationRow,
)
from assessor.ui.check_list import CheckList
from assessor.ui.columns import row_list
from assessor.ui.evidence_files import EvidenceFilesBox
from assessor.ui.workspace.files import WorkspaceFiles
from assessor.ui.workspace.forms import ErrorLabel, save_row_field, show_error, with_error
from assessor.ui.workspace.recommendation_library import LibraryActions
from assessor.ui.workspace.recommendation_models import RecommendationsModel, choice_names
from assessor.ui.workspace.state import WorkspaceState
from assessor.ui.workspace.table import fit_columns


class RecommendationsEditor(LibraryActions, QWidget):
    TEXT_FIELDS = ("title", "text", "rationale", "agency_response")

    def __init__(self, state: WorkspaceState, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.state = state
        self.current_id: str | None = None
        names = choice_names()
        self.model = RecommendationsModel(self)
        self.view = row_list(QTableView(self), self.tr("Recommendations"), self.model)
        fit_columns(self.view, "title", ("priority", "horizon", "status"))
        self.view.setWordWrap(False)  # a long title ends in "…" (its tooltip shows it whole)

        body = QWidget()
        form = QFormLayout(body)
        self.title = QLineEdit(body)
        self.title.setAccessibleName(self.tr("Title of the recommendation"))
        title_box, title_error = with_error(self.title, body)
        self.text = QPlainTextEdit(body)
        self.rationale = QPlainTextEdit(body)
        self.response = QPlainTextEdit(body)
        for w, name in (
            (self.text, self.tr("Text of the recommendation")),
            (self.rationale, self.tr("Rationale")),
            (self.response, self.tr("The agency's response")),
        ):
            w.setAccessibleName(name)
            w.setTabChangesFocus(True)
            w.setMaximumHeight(90)
            w.installEventFilter(self)
        self.combos: dict[str, QComboBox] = {}
        for field, values in (
            ("priority", PRIORITIES),
            ("horizon", HORIZONS),
            ("status", RECOMMENDATION_STATUSES),
        ):
            combo = QComboBox(body)
            for v in values:
                combo.addItem(names[field][v], v)
            combo.setCurrentIndex(
                max(0, combo.findData("medium" if field != "status" else "proposed"))
            )
            combo.activated.connect(
                lambda _i, f=field: self._save_field(f, self.combos[f].currentData())
            )
            self.combos[field] = combo
        self.combos["priority"].setAccessibleName(self.tr("Priority"))
        self.combos["horizon"].setAccessibleName(self.tr("Horizon"))
        self.combos["status"].setAccessibleName(self.tr("Status"))
        self.dimensions = CheckList(body)
        self.dimensions.setAccessibleName(self.tr("Linked dimensions"))
        self.dimensions.setMaximumHeight(100)
        self.dimensions.fill(
            (d.id, pick(d.title, state.lang)) for d in state.data.checklist.dimensions
        )
        self.findings = CheckList(body)
        self.findings.setAccessibleName(self.tr("Linked findings"))
        self.findings.setMaximumHeight(100)
        self.dimensions.itemChanged.connect(self._dimension_toggled)
        self.findings.itemChanged.connect(self._finding_toggled)
        self.general_error = ErrorLabel(body)
        self.errors = {"title": title_error, "": self.general_error}
        rows = (
            (self.tr("&Title:"), title_box, self.title),
            (self.tr("Te&xt:"), self.text, None),
            (self.tr("&Rationale:"), self.rationale, None),
            (self.tr("&Priority:"), self.combos["priority"], None),
            (self.tr("Hori&zon:"), self.combos["horizon"], None),
            (self.tr("Stat&us:"), self.combos["status"], None),
            (self.tr("Agenc&y's response:"), self.response, None),
            (self.tr("Dimensions:"), self.dimensions, None),
            (self.tr("Findings:"), self.findings, None),
        )
        for label, widget, buddy in rows:
            lab = QLabel(label, body)
            lab.setBuddy(buddy or widget)
            form.addRow(lab, widget)
        form.addRow("", self.general_error)
        self.files = EvidenceFilesBox(WorkspaceFiles(state, "recommendation"), body)
        form.addRow(self.files)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName(self.tr("The recommendation"))
        scroll.setWidget(body)

        self.new_button = QPushButton(self.tr("&New recommendation"), self)
        self.add_button = QPushButton(self.tr("&Add recommendation"), self)
        self.template_button = QPushButton(self.tr("From &library…"), self)
        self.template_button.setAccessibleName(
            self.tr("New recommendation from a library template")
        )
        self.save_template_button = QPushButton(self.tr("Sa&ve to library"), self)
        self.delete_button = QPushButton(self.tr("Delete reco&mmendation"), self)
        # two rows: in one, the (Swedish) labels made the form wider than the list beside it;
        # deleting sits under adding, where its whole name fits
        buttons = QHBoxLayout()
        for b in (self.new_button, self.add_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        library = QHBoxLayout()
        for b in (self.template_button, self.save_template_button):
            library.addWidget(b)
        library.addStretch(1)
        library.addWidget(self.delete_button)
        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.addWidget(scroll, 1)
        rl.addLayout(buttons)
        rl.addLayout(library)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.view)
        split.addWidget(right)
        split.setSizes([480, 440])  # in proportion: the titles need the room
        layout = QVBoxLayout(self)
        layout.addWidget(split)

        self.new_button.clicked.connect(self.new_recommendation)
        self.add_button.clicked.connect(self.add_recommendation)
        self.template_button.clicked.connect(self.from_template)
        self.save_template_button.clicked.connect(self.save_to_library)
        self.delete_button.clicked.connect(self.delete_current)
        self.title.returnPressed.connect(self._title_entered)
        self.title.editingFinished.connect(lambda: self._save_field("title", self.title.text()))
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        state.recommendations_changed.connect(self.reload)
        state.findings_changed.connect(self._load_findings)
        self._load_findings()
        self.reload()
        self.new_recommendation()

    # --- list ---

    def reload(self) -> None:
        with self.state.db.read() as s:
            rows = rec_service.list_recommendations(s, self.state.assessment_id)
        keep = self.current_id
        self.model.set_rows(rows)
        if keep is not None and self.model.row_of(keep) >= 0:
            self.select(keep)
        elif keep is not None:
            self.new_recommendation()

    def _load_findings(self) -> None:
        with self.state.db.read() as s:
            rows = finding_service.list_findings(s, self.state.assessment_id)
        self.findings.fill((f.id, f.title) for f in rows)
        if self.current_id is not None and self.model.row_of(self.current_id) >= 0:
            self._show_links(self.model.row_at(self.model.row_of(self.current_id)))

    def select(self, rec_id: str) -> None:
        row = self.model.row_of(rec_id)
        if row >= 0:
            self.view.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def _show_links(self, r: RecommendationRow) -> None:
        self.dimensions.show_checked(r.dimension_ids)
        self.findings.show_checked(r.finding_ids)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        r = self.model.row_at(current.row())
        self.current_id = r.id
        self.title.setText(r.title)
        self.text.setPlainText(r.text)
        self.rationale.setPlainText(r.rationale)
        self.response.setPlainText(r.agency_response)
        for field in ("priority", "horizon", "status"):
            combo = self.combos[field]
            combo.setCurrentIndex(max(0, combo.findData(getattr(r, field))))
        self._show_links(r)
        self.files.show_files_of(r.id)
        self.add_button.setEnabled(False)
        self.save_template_button.setEnabled(True)
        self.delete_button.setEnabled(True)
        for e in self.errors.values():
            e.clear_error()

    def new_recommendation(self) -> None:
        self.current_id = None
        self.view.clearSelection()
        self.view.setCurrentIndex(self.model.index(-1, -1))
        for w in (self.text, self.rationale, self.response):
            w.clear()
        self.title.clear()
        self.dimensions.show_checked(())
        self.findings.show_checked(())
        self.add_button.setEnabled(True)
        self.save_template_button.setEnabled(False)
        self.delete_button.setEnabled(False)
        self.files.show_files_of("")  # files come once the recommendation is added
        self.title.setFocus()

    # --- creating ---

    def _title_entered(self) -> None:
        if self.current_id is None:
            self.add_recommendation()

    def add_recommendation(self) -> str | None:
        if self.current_id is not None:
            return None
        try:
            with self.state.db.transaction() as s:
                new_id = rec_service.create_recommendation(
                    s,
                    self.state.assessment_id,
                    title=self.title.text(),
                    text=self.text.toPlainText(),
                    rationale=self.rationale.toPlainText(),
                    agency_response=self.response.toPlainText(),
                    priority=self.combos["priority"].currentData(),
                    horizon=self.combos["horizon"].currentData(),
                    status=self.combos["status"].currentData(),
                    dimension_ids=self.dimensions.checked(),
                    finding_ids=self.findings.checked(),
                )
        except AssessorError as exc:
            show_error(self.errors, exc, "")
            return None
        return self._created(new_id, self.tr("Add recommendation"))

    def _created(self, new_id: str, text: str) -> str:
        for e in self.errors.values():
            e.clear_error()
        self.current_id = new_id
        self.state.created(text, "recommendation", new_id, self.state.recommendations_changed)
        self.select(new_id)
        return new_id

    # --- editing ---

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and isinstance(watched, QPlainTextEdit):
            field = {
                self.text: "text",
                self.rationale: "rationale",
                self.response: "agency_response",
            }.get(watched)
            if field:
                self._save_field(field, watched.toPlainText())
        return super().eventFilter(watched, event)

    def _save_field(self, field: str, value: Any) -> None:
        if self.current_id is None:
            return
        old = getattr(self.model.row_at(self.model.row_of(self.current_id)), field)
        save_row_field(
            self.state,
            self.tr("Edit recommendation"),
            rec_service.update_recommendation,
            self.current_id,
            field,
            old,
            value,
            self.state.recommendations_changed,
            self.errors,
            self.general_error,
        )

    def _link_toggled(
        self,
        item: QListWidgetItem,
        link: Callable[..., None],
        unlink: Callable[..., None],
        text: str,
    ) -> None:
        if self.current_id is None:
            return
        rec_id = self.current_id
        other = item.data(Qt.ItemDataRole.UserRole)
        on = item.checkState() == Qt.CheckState.Checked

        def write(v: bool) -> None:
            with self.state.db.transaction() as s:
                (link if v else unlink)(s, rec_id, other)

        try:
            self.state.field_changed(text, write, not on, on, self.state.recommendations_changed)
        except AssessorError as exc:
            show_error(self.errors, exc, "")

    def _dimension_toggled(self, item: QListWidgetItem) -> None:
        self._link_toggled(
            item,
            rec_service.link_dimension,
            rec_service.unlink_dimension,
            self.tr("Link dimension"),
        )

    def _finding_toggled(self, item: QListWidgetItem) -> None:
        self._link_toggled(
            item, rec_service.link_finding, rec_service.unlink_finding, self.tr("Link finding")
        )

    def delete_current(self) -> None:
        if self.current_id is not None:
            rec_id = self.current_id
            self.current_id = None
            self.state.deleted(
                self.tr("Delete recommendation"),
                "recommendation",
                rec_id,
                self.state.recommendations_changed,
            )
            self.new_recommendation()
