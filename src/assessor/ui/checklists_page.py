"""The Checklists section: the imported checklists and their versions, import from a file (with
the validation messages shown), and a read-only tree of dimensions, questions and level
descriptors of the chosen version (the two models: checklist_models.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QItemSelection,
    QModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QShowEvent, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from assessor.domain.checklist import (
    ChecklistProblems,
    ChecklistVersionConflict,
)
from assessor.domain.errors import AssessorError
from assessor.services import checklists as checklist_service
from assessor.services.checklists import ChecklistRow
from assessor.services.mappings import MappingImport, import_mappings, is_mapping_library
from assessor.ui import tasks
from assessor.ui.checklist_models import ChecklistTableModel, build_tree
from assessor.ui.context import AppContext
from assessor.ui.export_files import default_folder
from assessor.ui.mapping_sets import MappingSetsBox
from assessor.ui.roles import TEXT_ROLE


class ChecklistsPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.db = context.db
        self.language = context.language
        self.setObjectName("ChecklistsPage")
        self.last_import_ok: bool | None = None
        self._importing = ""

        self.import_button = QPushButton(self.tr("&Import checklist…"))
        self.import_button.setObjectName("import_checklist")
        self.import_button.setToolTip(
            self.tr(
                "Import a checklist file (YAML) of Assessor's format or a CISO Assistant library"
            )
        )
        self.import_button.clicked.connect(self.choose_file)
        top = QHBoxLayout()
        heading = QLabel(self.tr("Imported checklists and versions"))
        heading.setTextFormat(Qt.TextFormat.PlainText)
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.import_button)

        self.model = ChecklistTableModel(self.language, self)
        self.table = QTableView()
        self.table.setObjectName("checklists_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # short values under long (Swedish) headings: size each column to its heading too
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Imported checklists"))
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.messages = QPlainTextEdit()
        self.messages.setObjectName("checklist_messages")
        self.messages.setReadOnly(True)
        self.messages.setAccessibleName(self.tr("Import messages"))
        self.messages.setMaximumHeight(140)
        self.messages.hide()

        self.tree_model = QStandardItemModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("checklist_tree")
        self.tree.setModel(self.tree_model)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAccessibleName(self.tr("Dimensions, questions and level descriptors"))
        self.tree.setUniformRowHeights(True)
        self.tree.selectionModel().currentChanged.connect(self._tree_current_changed)

        self.detail = QLabel()
        self.detail.setObjectName("checklist_detail")
        self.detail.setTextFormat(Qt.TextFormat.PlainText)  # checklist text is data, not markup
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._show_detail("")

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.tree, 1)
        lower_layout.addWidget(self.detail)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)  # a few versions above, the long tree below

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.messages)
        layout.addWidget(splitter, 1)
        self.mapping_sets = MappingSetsBox(context)
        layout.addWidget(self.mapping_sets)
        self.refresh()

    # --- data --------------------------------------------------------------------------------

    def refresh(self, select_id: str | None = None) -> None:
        self._list_checklists(select_id)
        self.mapping_sets.refresh()  # a new checklist may name a set's end

    def showEvent(self, event: QShowEvent) -> None:
        """Shown again: a sync may have brought or removed checklists meanwhile (the mapping
        box below looks for itself); the chosen version stays chosen."""
        super().showEvent(event)
        with self.db.read() as session:
            rows = checklist_service.list_checklists(session)
        if rows != self.model.rows:
            self._list_checklists(self.selected_id(), rows)

    def _list_checklists(
        self, select_id: str | None, rows: list[ChecklistRow] | None = None
    ) -> None:
        if rows is None:
            with self.db.read() as session:
                rows = checklist_service.list_checklists(session)
        self.model.set_rows(rows)
        if rows:
            row = self.model.row_of(select_id) if select_id else 0
            self.table.selectRow(max(row, 0))
        else:
            self.tree_model.clear()

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()).id if rows else None

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        checklist_id = self.selected_id()
        if checklist_id is None:
            self.tree_model.clear()
            return
        with self.db.read() as session:
            doc = checklist_service.load_checklist(session, checklist_id)
        labels = {
            "item": self.tr("Dimension, question, level"),
            "weight": self.tr("Weight"),
            "guidance": self.tr("Guidance"),
        }
        build_tree(self.tree_model, doc, self.language, labels)
        # the text takes the width; the weight column is as wide as its heading and numbers
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.expandToDepth(0)
        self._show_detail("")

    def _tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        first = current.siblingAtColumn(0)
        self._show_detail(str(first.data(TEXT_ROLE) or ""))

    def _show_detail(self, text: str) -> None:
        # a click selects its text to copy; empty, there is nothing to take the focus for (and
        # a screen reader would meet a nameless stop)
        self.detail.setText(text)
        self.detail.setFocusPolicy(Qt.FocusPolicy.ClickFocus if text else Qt.FocusPolicy.NoFocus)

    # --- import ------------------------------------------------------------------------------

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import checklist"),
            str(default_folder()),
            self.tr("Checklists (*.yaml *.yml);;All files (*)"),
        )
        if path:
            self.import_file(path)

    def show_messages(self, lines: list[str]) -> None:
        self.messages.setPlainText("\n".join(lines))
        self.messages.setVisible(bool(lines))

    def import_file(self, path: str, as_new_version: bool = False) -> tasks.TaskHandle[Any]:
        """Import a file off the UI thread; the messages (or notes) show when it is done."""
        self.import_button.setEnabled(False)
        self._importing = path
        self.show_messages([self.tr("Importing %1…").replace("%1", Path(path).name)])
        return tasks.run(
            _import_file,
            self.db,
            path,
            as_new_version,
            on_result=self._imported,
            on_error=self._import_failed,
            on_finished=lambda: self.import_button.setEnabled(True),
        )

    def ask_new_version(self, message: str, version: str) -> bool:
        """Whether to import a library converted differently before as a new version."""
        answer = QMessageBox.question(
            self,
            self.tr("Import as a new version"),
            message
            + "\n\n"
            + self.tr("Import the new conversion as version %1?").replace("%1", version),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _import_failed(self, exc: BaseException) -> None:
        self.last_import_ok = False
        if (
            isinstance(exc, ChecklistVersionConflict)
            and exc.code == "checklist.version_conflict_converted"
            and self.ask_new_version(exc.message, str(exc.params.get("next", "")))
        ):
            # after this callback: the button is enabled again once this task has finished
            QTimer.singleShot(
                0, self, lambda: self.import_file(self._importing, as_new_version=True)
            )
            return
        if isinstance(exc, ChecklistProblems):
            lines = [str(p) for p in exc.problems]
        elif isinstance(exc, AssessorError):
            lines = [exc.message]
        elif isinstance(exc, OSError):
            lines = [f"{exc.filename}: {exc.strerror or exc}"]
        else:
            raise exc
        self.show_messages([self.tr("The file was not imported:"), *lines])
        # in the status bar too: a success said there a moment ago must not stand
        self.context.status(self.tr("The file was not imported."))

    def _imported(self, result: checklist_service.ImportResult | list[MappingImport]) -> None:
        self.last_import_ok = True
        if isinstance(result, list):
            self._mappings_kept(result)
            return
        if result.added:
            summary = self.tr("Imported %1 version %2.")
        else:
            summary = self.tr("%1 version %2 was already imported; nothing changed.")
        summary = summary.replace("%1", result.key).replace("%2", result.version)
        notes = [self.tr("Not carried over from the file:"), *result.notes] if result.notes else []
        self.show_messages([summary, *notes])
        self.context.status(summary)
        self.refresh(select_id=result.checklist_id)

    def _mappings_kept(self, kept: list[MappingImport]) -> None:
        lines = []
        for item in kept:
            m = item.mapping
            text = (
                self.tr("Kept the mapping set %1 (%n links).", "", len(m.links))
                if item.added
                else self.tr("The mapping set %1 was already kept; nothing changed.")
            )
            lines.append(text.replace("%1", m.name))
            lines.append(
                self.tr(
                    "It reads assessments on %1 as %2 and back, in an assessment's "
                    "Other models tab."
                )
                .replace("%1", m.source_framework)
                .replace("%2", m.target_framework)
            )
        self.show_messages(lines)
        self.mapping_sets.refresh()
        if lines:
            self.context.status(lines[0])


def _import_file(
    db: Any, path: str, as_new_version: bool = False
) -> checklist_service.ImportResult | list[MappingImport]:
    """Runs on a worker: read, check and import one file in one transaction; a mapping set
    between two frameworks is kept beside the checklists (services.mappings)."""
    data = Path(path).read_bytes()
    with db.transaction() as session:
        if is_mapping_library(data):
            return import_mappings(session, data, Path(path).name)
        return checklist_service.import_checklist(
            session, data, Path(path).name, as_new_version=as_new_version
        )
