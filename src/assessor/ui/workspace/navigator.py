"""The navigator: dimensions with their progress, and under each its questions with their level.

A tree model over :class:`WorkspaceData`; it reads the data's answers, so after an answer changes
the view calls :meth:`NavigatorModel.answer_changed` and only two rows repaint.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from assessor.domain.checklist import pick
from assessor.services.workspace import WorkspaceData
from assessor.ui.roles import ANSWERED_ROLE, DIMENSION_ID_ROLE, ID_ROLE
from assessor.ui.workspace.counts import counts_text

_TOP = 0xFFFFFFFF  # internal id of dimension rows; question rows carry their dimension's row

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def numbered(number: int, title: str) -> str:
    """ "2. Governance"; a title that already starts with its number (a framework's reference,
    "2 Patch operating systems") keeps it once."""
    first = title.split(" ", 1)[0].rstrip(".")
    return title if first == str(number) else f"{number}. {title}"


class NavigatorModel(QAbstractItemModel):
    COLUMNS = 2  # title, level / progress

    def __init__(self, data: WorkspaceData, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._data = data
        self._lang = lang
        self._dims = data.view.dimensions  # a chosen profile's questions only
        self._where: dict[str, tuple[int, int]] = {}
        # texts that never change, made once: data() is called for every visible cell and role
        self._titles: list[str] = []
        self._question_texts: dict[str, tuple[str, str]] = {}  # id -> (number, text)
        for d_row, dim in enumerate(self._dims):
            self._titles.append(numbered(d_row + 1, pick(dim.title, lang)))
            for q_row, q in enumerate(dim.questions):
                self._where[q.id] = (d_row, q_row)
                self._question_texts[q.id] = (f"{d_row + 1}.{q_row + 1}", pick(q.text, lang))
        self._bold = QFont()
        self._bold.setBold(True)
        self._na = self.tr("N/A")
        self._progress: list[tuple[int, int, int]] = [
            self._count(row) for row in range(len(self._dims))
        ]

    def _count(self, row: int) -> tuple[int, int, int]:
        """(answered, applicable, not applicable): one definition for the window and the
        report: answered means a level was chosen; an N/A question is left out of both."""
        answers = [self._data.answer(q.id) for q in self._dims[row].questions]
        na = sum(1 for a in answers if a.not_applicable)
        done = sum(1 for a in answers if a.level is not None and not a.not_applicable)
        return done, len(answers) - na, na

    # --- structure ---

    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if column < 0 or column >= self.COLUMNS or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row >= len(self._dims):
                return QModelIndex()
            return self.createIndex(row, column, _TOP)
        if parent.internalId() != _TOP or parent.row() >= len(self._dims):
            return QModelIndex()
        if row >= len(self._dims[parent.row()].questions):
            return QModelIndex()
        return self.createIndex(row, column, parent.row())

    def parent(self, child: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(int(child.internalId()), 0, _TOP)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if not parent.isValid():
            return len(self._dims)
        if parent.internalId() == _TOP and parent.column() == 0:
            return len(self._dims[parent.row()].questions)
        return 0

    def columnCount(self, parent: Index = _ROOT) -> int:
        return self.COLUMNS

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Question"), self.tr("Level"))[section]
        return None

    # --- content ---

    _ROLES = frozenset(
        {
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.FontRole,
            Qt.ItemDataRole.TextAlignmentRole,
            ID_ROLE,
            DIMENSION_ID_ROLE,
            ANSWERED_ROLE,
        }
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in self._ROLES or not index.isValid():
            return None
        if index.internalId() == _TOP:
            return self._dimension_data(index.row(), index.column(), role)
        dim = self._dims[int(index.internalId())]
        return self._question_data(dim.questions[index.row()].id, index.column(), role)

    def _dimension_data(self, row: int, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return self._titles[row]
            done, applicable, _na = self._progress[row]
            return f"{done}/{applicable}"
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if column == 0 else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return None
        dim = self._dims[row]
        done, applicable, na = self._progress[row]
        counted = counts_text(done, applicable, na)
        if role == Qt.ItemDataRole.ToolTipRole:
            return counted
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{pick(dim.title, self._lang)}, {counted}"
        if role == DIMENSION_ID_ROLE:
            return dim.id
        if role == ANSWERED_ROLE:
            return done == applicable
        return None

    def _level_text(self, question_id: str) -> str:
        answer = self._data.answers.get(question_id)
        if answer is None or (answer.level is None and not answer.not_applicable):
            return "–"
        if answer.not_applicable:
            return self._na
        return str(answer.level)

    def _question_data(self, question_id: str, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 1:
                return self._level_text(question_id)
            number, text = self._question_texts[question_id]
            answer = self._data.answers.get(question_id)
            flag = " ⚑" if answer is not None and answer.for_review else ""
            return f"{number} {text}{flag}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter) if column == 1 else None
        if role == Qt.ItemDataRole.FontRole:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._question_texts[question_id][1]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            number, text = self._question_texts[question_id]
            level = self._level_text(question_id)
            if level == "–":
                level = self.tr("not answered")
            return f"{number} {text}: {level}"
        if role == ID_ROLE:
            return question_id
        if role == DIMENSION_ID_ROLE:
            return self._data.question(question_id).dimension_id
        if role == ANSWERED_ROLE:
            return self._data.answer(question_id).answered
        return None

    # --- lookups and updates ---

    def question_index(self, question_id: str, column: int = 0) -> QModelIndex:
        where = self._where.get(question_id)
        if where is None:
            return QModelIndex()
        return self.index(where[1], column, self.index(where[0], 0))

    def question_ids(self) -> list[str]:
        return [q.id for d in self._dims for q in d.questions]

    def answer_changed(self, question_id: str) -> None:
        where = self._where.get(question_id)
        if where is None:
            return
        self._progress[where[0]] = self._count(where[0])
        parent = self.index(where[0], 0)
        self.dataChanged.emit(self.index(where[1], 0, parent), self.index(where[1], 1, parent))
        self.dataChanged.emit(parent, self.index(where[0], 1))

    def reset_all(self) -> None:
        self.beginResetModel()
        self._progress = [self._count(row) for row in range(len(self._dims))]
        self.endResetModel()
