"""Likely duplicate agencies side by side, and merging one into the other."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from assessor.domain.errors import AssessorError
from assessor.services import duplicates
from assessor.ui.row_model import tooltip

Index = QModelIndex | QPersistentModelIndex


def _one_line(text: str) -> str:
    return " ".join(text.split())


class DuplicatePairModel(QAbstractTableModel):
    """The pairs find_duplicates reports: both names and why they look like one agency."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._pairs: list[duplicates.DuplicatePair] = []

    def set_pairs(self, pairs: list[duplicates.DuplicatePair]) -> None:
        self.beginResetModel()
        self._pairs = list(pairs)
        self.endResetModel()

    def pair(self, row: int) -> duplicates.DuplicatePair:
        return self._pairs[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._pairs)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def reason_text(self, pair: duplicates.DuplicatePair) -> str:
        if pair.reason == "org_number":
            return self.tr("Same organisation number")
        return self.tr("Similar name ({percent} %)").format(percent=round(pair.score * 100))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        pair = self._pairs[index.row()]
        column = index.column()
        if column == 0:
            return (
                tooltip(pair.first_name)
                if role == Qt.ItemDataRole.ToolTipRole
                else _one_line(pair.first_name)
            )
        if column == 1:
            return (
                tooltip(pair.second_name)
                if role == Qt.ItemDataRole.ToolTipRole
                else _one_line(pair.second_name)
            )
        return self.reason_text(pair)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Agency"), self.tr("Possible duplicate"), self.tr("Why"))[section]


class DuplicatesDialog(QDialog):
    """Shows likely duplicate agencies; the user picks which one to keep and merges."""

    merged = Signal()

    def __init__(self, db: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Possible duplicate agencies"))
        self.resize(760, 520)
        self._details: list[duplicates.AgencyDetails] = []

        intro = QLabel(
            self.tr(
                "These agencies look like the same one entered twice, for example by two advisors. "
                "Merging moves the contacts, meetings and assessments of one to the other and "
                "deletes it; the merge syncs like any other change."
            )
        )
        intro.setWordWrap(True)

        self.model = DuplicatePairModel(self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Possible duplicates"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        compare = QGroupBox(self.tr("Compare"))
        grid = QGridLayout(compare)
        self.keep_buttons = QButtonGroup(self)
        self.keep_first = QRadioButton(self.tr("Keep this one"))
        self.keep_second = QRadioButton(self.tr("Keep this one"))
        self.keep_buttons.addButton(self.keep_first, 0)
        self.keep_buttons.addButton(self.keep_second, 1)
        grid.addWidget(self.keep_first, 0, 1)
        grid.addWidget(self.keep_second, 0, 2)
        labels = [
            self.tr("Name"),
            self.tr("Organisation number"),
            self.tr("Ministry"),
            self.tr("Contacts"),
            self.tr("Meetings"),
            self.tr("Assessments"),
        ]
        self.cells: list[tuple[QLabel, QLabel]] = []
        for row, text in enumerate(labels, start=1):
            grid.addWidget(QLabel(text), row, 0)
            pair = (QLabel(), QLabel())
            for column, cell in enumerate(pair, start=1):
                cell.setTextFormat(Qt.TextFormat.PlainText)  # user data is never markup
                cell.setWordWrap(True)
                cell.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                grid.addWidget(cell, row, column)
            self.cells.append(pair)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)

        self.merge_button = QPushButton(self.tr("Merge…"))
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(compare)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

        self.merge_button.clicked.connect(self.merge_chosen)
        self.table.selectionModel().selectionChanged.connect(self._show_selected)
        self.refresh()

    # --- showing ------------------------------------------------------------------------------

    def refresh(self) -> None:
        with self.db.read() as session:
            pairs = duplicates.find_duplicates(session)
        self.model.set_pairs(pairs)
        if pairs:
            self.table.selectRow(0)
        else:
            self.status.setText(self.tr("No likely duplicates."))
        self._show_selected()

    def selected_pair(self) -> duplicates.DuplicatePair | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.pair(rows[0].row()) if rows else None

    def _show_selected(self) -> None:
        pair = self.selected_pair()
        self._details = []
        if pair is not None:
            try:
                with self.db.read() as session:
                    self._details = [
                        duplicates.agency_details(session, pair.first_id),
                        duplicates.agency_details(session, pair.second_id),
                    ]
            except AssessorError as exc:
                self.status.setText(exc.message)
        for row, pair_cells in enumerate(self.cells):
            for index, cell in enumerate(pair_cells):
                cell.setText(self._cell_text(row, index))
        usable = len(self._details) == 2
        self.keep_first.setEnabled(usable)
        self.keep_second.setEnabled(usable)
        if usable:
            self._suggest_keep()
        self.merge_button.setEnabled(usable)

    def _cell_text(self, row: int, index: int) -> str:
        if len(self._details) != 2:
            return ""
        d = self._details[index]
        values = [d.name, d.org_number, d.ministry, d.contacts, d.meetings, d.assessments]
        return str(values[row]) if values[row] != "" else "—"

    def _suggest_keep(self) -> None:
        """Keep the one with more behind it, so the fewest rows move."""
        first, second = self._details
        weight = [d.contacts + d.meetings + d.assessments for d in (first, second)]
        (self.keep_second if weight[1] > weight[0] else self.keep_first).setChecked(True)

    # --- acting -------------------------------------------------------------------------------

    def confirm(self, keep: duplicates.AgencyDetails, other: duplicates.AgencyDetails) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Merge agencies"),
            self.tr("Move everything of “{other}” to “{keep}” and delete “{other}”?").format(
                other=_one_line(other.name), keep=_one_line(keep.name)
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def merge_chosen(self) -> None:
        if len(self._details) != 2:
            return
        keep_index = 1 if self.keep_second.isChecked() else 0
        keep, other = self._details[keep_index], self._details[1 - keep_index]
        if not self.confirm(keep, other):
            return
        try:
            with self.db.transaction() as session:
                moved = duplicates.merge_agencies_by_table(session, keep.id, other.id)
        except AssessorError as exc:
            self.status.setText(self.tr("Nothing was merged: {reason}").format(reason=exc.message))
            return
        self.refresh()
        self.status.setText(
            self.tr(
                "Merged “{other}” into “{keep}”: {contacts} contact(s), {meetings} meeting(s) and "
                "{assessments} assessment(s) moved ({rows} row(s) in all)."
            ).format(
                other=_one_line(other.name),
                keep=_one_line(keep.name),
                contacts=moved.get("contact", 0),
                meetings=moved.get("meeting", 0),
                assessments=moved.get("assessment", 0),
                rows=sum(moved.values()),
            )
        )
        self.merged.emit()
