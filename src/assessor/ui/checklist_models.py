"""The Checklists page's two models: the imported checklists, one row per version, and the
tree of one version (dimensions, questions, guidance and level descriptors)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from assessor.domain.checklist import ChecklistDoc, pick, scale_word
from assessor.services.checklists import ChecklistRow
from assessor.ui.roles import ID_ROLE, TEXT_ROLE

Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("title", "key", "version", "dimensions", "questions", "hash", "assessments")


class ChecklistTableModel(QAbstractTableModel):
    """The imported checklists, one row per version."""

    def __init__(self, language: str = "en", parent: Any = None) -> None:
        super().__init__(parent)
        self.language = language
        self._rows: list[ChecklistRow] = []

    def set_rows(self, rows: list[ChecklistRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> ChecklistRow:
        return self._rows[row]

    @property
    def rows(self) -> list[ChecklistRow]:
        return list(self._rows)

    def row_of(self, checklist_id: str) -> int:
        for i, r in enumerate(self._rows):
            if r.id == checklist_id:
                return i
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = {
            "title": self.tr("Checklist"),
            "key": self.tr("Id"),
            "version": self.tr("Version"),
            "dimensions": self.tr("Dimensions"),
            "questions": self.tr("Questions"),
            "hash": self.tr("Content hash"),
            "assessments": self.tr("Assessments"),
        }
        return headers[COLUMNS[section]]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole and column == "hash":
            return row.content_hash  # hex digits only: safe as a tooltip
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            "dimensions",
            "questions",
            "assessments",
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = {
            "title": pick(row.title, self.language),
            "key": row.key,
            "version": row.version,
            "dimensions": row.dimensions,
            "questions": row.questions,
            "hash": row.content_hash[:12],
            "assessments": row.assessments,
        }
        return values[column]


def _number(value: float) -> str:
    """A weight in the window's language: "1,5" in Swedish."""
    return QLocale().toString(float(value), "g", 6)


def _item(text: str, full: str | None = None) -> QStandardItem:
    item = QStandardItem(text.replace("\n", " "))
    item.setEditable(False)
    item.setData(full if full is not None else text, TEXT_ROLE)
    return item


def build_tree(
    model: QStandardItemModel, doc: ChecklistDoc, language: str, labels: dict[str, str]
) -> None:
    """Dimensions, their questions, and each question's guidance and level descriptors."""
    model.clear()
    model.setHorizontalHeaderLabels([labels["item"], labels["weight"]])
    root = model.invisibleRootItem()
    level_names = {s.level: scale_word(s.name, language) for s in doc.scale}
    for d_number, dimension in enumerate(doc.dimensions, start=1):
        title = pick(dimension.title, language)
        dim_item = _item(
            f"{d_number}. {title}",
            "\n".join(t for t in (title, pick(dimension.description, language)) if t),
        )
        for q_number, question in enumerate(dimension.questions, start=1):
            text = pick(question.text, language)
            # numbered as in the workspace and the report; the file's id only in the tooltip,
            # for the checklist's author
            q_item = _item(f"{d_number}.{q_number} {text}", text)
            q_item.setToolTip(f"{text}\n({question.id})")
            guidance = pick(question.guidance, language)
            if guidance:
                q_item.appendRow([_item(f"{labels['guidance']}: {guidance}", guidance), _item("")])
            for level in sorted(question.levels):
                descriptor = pick(question.levels[level], language)
                name = level_names.get(level, "")
                label = f"{level} {name}".strip()
                q_item.appendRow(
                    [_item(f"{label}: {descriptor}", f"{label}\n{descriptor}"), _item("")]
                )
            dim_item.appendRow([q_item, _item(_number(question.weight))])
        root.appendRow([dim_item, _item(_number(dimension.weight))])
