"""The kept mapping sets, as a box on the Checklists page: what each links (the checklists at
its ends where they are imported, else the frameworks' urns), its edition's version and how
many links it has, with
Remove… (asked first, undoable; a stamped soft delete, so it is removed for colleagues too)."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assessor.domain.checklist import pick
from assessor.domain.errors import AssessorError
from assessor.services.mappings import MappingRow, delete_mapping, mapping_rows, restore_mapping
from assessor.services.portfolio import data_stamp
from assessor.ui.changes import Change, Table
from assessor.ui.context import AppContext
from assessor.ui.roles import ID_ROLE
from assessor.ui.undo import push_row_step


def end_name(title: dict[str, str] | None, framework: str, language: str) -> str:
    """A set's end as the user knows it: the imported checklist's title, else the urn."""
    return pick(title, language) if title else framework


def _cell(text: str, tip: str = "") -> QTableWidgetItem:
    # set as plain item text: a name from a file is data, never markup
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if tip:
        item.setToolTip(tip)
    return item


def ask(parent: QWidget, title: str, text: str) -> bool:
    """A yes/no question whose text is shown as plain text: it holds a name from a file."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


class MappingSetsBox(QGroupBox):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Mapping sets between checklists"))
        self.setObjectName("mapping_sets")
        self.context = context
        self.language = context.language
        self._rows: list[MappingRow] = []
        self._stamp: tuple[object, ...] | None = None

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("mapping_sets_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Mapping set"), self.tr("From → to"), self.tr("Version"), self.tr("Links")]
        )
        self.table.setAccessibleName(self.tr("Kept mapping sets"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list for the button
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_button)

        self.empty = QLabel(
            self.tr(
                "No mapping sets kept. Import a CISO Assistant mapping library with "
                "Import checklist… to read an assessment as another checklist."
            )
        )
        self.empty.setWordWrap(True)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)

        self.remove_button = QPushButton(self.tr("&Remove…"))
        self.remove_button.setObjectName("remove_mapping_set")
        self.remove_button.setAccessibleName(self.tr("Remove the chosen mapping set"))
        self.remove_button.setToolTip(
            self.tr("Remove the chosen mapping set, for colleagues too once you sync")
        )
        self.remove_button.clicked.connect(self.remove_chosen)

        side = QVBoxLayout()
        side.addWidget(self.remove_button)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.table, 1)
        row.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addLayout(row)
        context.edits.changed.connect(self._on_data_changed)
        # filled by the page's refresh (or when first shown)

    # --- data ----------------------------------------------------------------------------

    def refresh(self) -> None:
        chosen = self.chosen()
        with self.context.db.read() as session:
            self._rows = mapping_rows(session)
            self._stamp = data_stamp(session)
        self.table.setRowCount(len(self._rows))
        for i, m in enumerate(self._rows):
            source = end_name(m.source_title, m.source_framework, self.language)
            target = end_name(m.target_title, m.target_framework, self.language)
            name = _cell(m.name, m.key)
            name.setData(ID_ROLE, m.id)
            self.table.setItem(i, 0, name)
            self.table.setItem(
                i, 1, _cell(f"{source} → {target}", f"{m.source_framework}\n{m.target_framework}")
            )
            # a set kept before versions were, or from a library naming none
            self.table.setItem(i, 2, _cell(m.version or "—"))
            links = _cell(QLocale().toString(m.links))
            links.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(i, 3, links)
        ids = [m.id for m in self._rows]
        if chosen is not None and chosen.id in ids:
            self.table.selectRow(ids.index(chosen.id))
        elif self._rows:
            self.table.selectRow(0)
        has_rows = bool(self._rows)
        self.empty.setVisible(not has_rows)
        self.table.setVisible(has_rows)
        self.remove_button.setVisible(has_rows)
        self._fit_height()
        self._update_button()

    def _fit_height(self) -> None:
        """As tall as its few rows (up to five), so the checklists keep the page."""
        shown = max(1, min(len(self._rows), 5))
        rows = sum(self.table.rowHeight(r) for r in range(min(len(self._rows), shown)))
        rows = rows or self.table.verticalHeader().defaultSectionSize()
        frame = 2 * self.table.frameWidth()
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height() + rows + frame)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh_if_changed()

    def refresh_if_changed(self) -> None:
        """Shown again: a sync import may have brought or removed sets meanwhile."""
        with self.context.db.read() as session:
            stamp = data_stamp(session)
        if stamp != self._stamp:
            self.refresh()

    def _on_data_changed(self, change: Change) -> None:
        if change.touches(Table.MAPPING_SET):
            self.refresh()

    def chosen(self) -> MappingRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self._rows[rows[0].row()] if rows and rows[0].row() < len(self._rows) else None

    def _update_button(self) -> None:
        self.remove_button.setEnabled(self.chosen() is not None)

    # --- removing ------------------------------------------------------------------------

    def confirm(self, row: MappingRow) -> bool:
        return ask(
            self,
            self.tr("Remove mapping set"),
            self.tr(
                "Remove the mapping set %1? Assessments can no longer be read through it, "
                "here or, once you sync, on colleagues' laptops. Edit > Undo brings it back."
            ).replace("%1", row.name),
        )

    def remove_chosen(self) -> bool:
        row = self.chosen()
        if row is None or not self.confirm(row):
            return False
        self.context.edits.flush()
        try:
            with self.context.db.transaction() as session:
                delete_mapping(session, row.id)
        except AssessorError as exc:
            QMessageBox.warning(self, self.tr("Mapping set not removed"), exc.message)
            self.refresh()
            return False
        push_row_step(
            self.context,
            self.tr("remove mapping set"),
            row.id,
            remove=delete_mapping,
            restore=restore_mapping,
            created=False,
            change=Change.of(Table.MAPPING_SET),
        )
        self.context.status(self.tr("Removed the mapping set %1.").replace("%1", row.name))
        return True
