"""A meeting's action items: the table model (edited in place, each edit saved and undoable)
and the box of the meeting editor that lists them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from assessor.domain.errors import AssessorError
from assessor.services import meetings as meeting_service
from assessor.services.meetings import ActionRow
from assessor.ui.changes import Change, Table
from assessor.ui.context import AppContext
from assessor.ui.edits import Edits
from assessor.ui.row_model import tooltip
from assessor.ui.undo import push_row_step
from assessor.ui.words import word

Index = QModelIndex | QPersistentModelIndex

ACTION_FIELDS = ("title", "owner", "due_on", "done")
ACTION_HEADERS = {
    "title": QT_TRANSLATE_NOOP("ActionItemModel", "Action item"),
    "owner": QT_TRANSLATE_NOOP("ActionItemModel", "Owner"),
    "due_on": QT_TRANSLATE_NOOP("ActionItemModel", "Due date"),
    "done": QT_TRANSLATE_NOOP("ActionItemModel", "Done"),
}


class ActionItemModel(QAbstractTableModel):
    """A meeting's action items, edited in place; each edit is saved and undoable."""

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.context = context
        self.edits: Edits = context.edits
        self._rows: list[ActionRow] = []
        self.edits.value_restored.connect(self._on_restored)

    def set_rows(self, rows: list[ActionRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[ActionRow]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ACTION_FIELDS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(ACTION_FIELDS)
        ):
            return QCoreApplication.translate(
                "ActionItemModel", str(ACTION_HEADERS[ACTION_FIELDS[section]])
            )
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if ACTION_FIELDS[index.column()] == "done":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        field = ACTION_FIELDS[index.column()]
        value = getattr(row, field)
        if field == "done":
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return word("action_item_status", "done" if value else "open")
            return None
        if field == "due_on":
            if role == Qt.ItemDataRole.DisplayRole:
                return (
                    QLocale().toString(QDate(value), QLocale.FormatType.ShortFormat)
                    if value
                    else ""
                )
            if role == Qt.ItemDataRole.EditRole:
                return QDate(value) if value else QDate.currentDate()
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return value
        if role == Qt.ItemDataRole.ToolTipRole:  # the column cuts a long item with "…"
            return tooltip(str(value or ""))
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        row = self._rows[index.row()]
        field = ACTION_FIELDS[index.column()]
        if field == "done":
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            new: Any = (
                Qt.CheckState(value) == Qt.CheckState.Checked
                if not isinstance(value, bool)
                else value
            )
        elif role != Qt.ItemDataRole.EditRole:
            return False
        elif field == "due_on":
            new = value.toPython() if isinstance(value, QDate) else value
        else:
            new = str(value)
        old = getattr(row, field)
        if new == old:
            return False
        db = self.context.db
        action_id = row.id

        def write(v: Any) -> None:
            with db.transaction() as s:
                meeting_service.update_action_item(s, action_id, **{field: v})

        try:
            self.edits.set_field(
                ("action_item", action_id, field),
                self.tr("edit action item"),
                write,
                old,
                new,
                Change.of(Table.ACTION_ITEM),
            )
        except AssessorError as exc:
            self.edits.failed.emit(exc.message)
            return False
        self._set_value(index.row(), field, new)
        return True

    def _set_value(self, r: int, field: str, value: Any) -> None:
        self._rows[r] = replace(self._rows[r], **{field: value})
        col = ACTION_FIELDS.index(field)
        self.dataChanged.emit(self.index(r, col), self.index(r, col))

    def _on_restored(self, key: Any, value: Any) -> None:
        if not (isinstance(key, tuple) and len(key) == 3 and key[0] == "action_item"):
            return
        for r, row in enumerate(self._rows):
            if row.id == key[1]:
                self._set_value(r, key[2], value)


class MeetingActions(QGroupBox):
    """The meeting's action items with buttons to add and remove one (each undoable)."""

    def __init__(
        self,
        context: AppContext,
        agency_id: str,
        meeting_id: str,
        stale: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Action items"), parent)
        self.context = context
        self.agency_id = agency_id
        self.meeting_id = meeting_id
        self._stale = stale  # an undo or redo changed the rows: the editor reloads them
        al = QVBoxLayout(self)
        self.action_items = ActionItemModel(context, self)
        self.actions_view = QTableView()
        self.actions_view.setModel(self.action_items)
        self.actions_view.setAccessibleName(self.tr("Action items"))
        self.actions_view.verticalHeader().hide()
        header = self.actions_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2, 3):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.actions_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.actions_view.setToolTip(self.tr("Delete clears the due date of the chosen item"))
        self.actions_view.installEventFilter(self)
        al.addWidget(self.actions_view, 1)
        row = QHBoxLayout()
        self.add_action_button = QPushButton(self.tr("Add a&ction item"))
        self.add_action_button.clicked.connect(self.add_action_item)
        self.remove_action_button = QPushButton(self.tr("Remove action item"))
        self.remove_action_button.clicked.connect(self.remove_action_item)
        row.addWidget(self.add_action_button)
        row.addWidget(self.remove_action_button)
        row.addStretch(1)
        al.addLayout(row)

    def reload_actions(self) -> None:
        with self.context.db.read() as s:
            rows = meeting_service.list_action_items(s, self.meeting_id)
        self.action_items.set_rows(rows)

    def add_action_item(self) -> str:
        with self.context.db.transaction() as s:
            action_id = meeting_service.create_action_item(
                s,
                self.agency_id,
                meeting_id=self.meeting_id,
                title=self.tr("New action item"),
            )

        self._action_step(self.tr("add action item"), action_id, created=True)
        self.reload_actions()
        for r, row in enumerate(self.action_items.rows()):
            if row.id == action_id:
                index = self.action_items.index(r, 0)
                self.actions_view.setCurrentIndex(index)
                self.actions_view.edit(index)
        return action_id

    def remove_action_item(self) -> None:
        rows = self.actions_view.selectionModel().selectedRows() or (
            [self.actions_view.currentIndex()] if self.actions_view.currentIndex().isValid() else []
        )
        if not rows:
            return
        action_id = self.action_items.rows()[rows[0].row()].id
        with self.context.db.transaction() as s:
            meeting_service.delete_action_item(s, action_id)
        self._action_step(self.tr("remove action item"), action_id, created=False)
        self.reload_actions()

    def _action_step(self, text: str, action_id: str, created: bool) -> None:
        push_row_step(
            self.context,
            text,
            action_id,
            remove=meeting_service.delete_action_item,
            restore=meeting_service.restore_action_item,
            created=created,
            change=Change.of(Table.ACTION_ITEM),
            after=self._stale,
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Delete/Backspace on an action item clears its due date (a date editor cannot)
        if (
            watched is self.actions_view
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and self.actions_view.state() != QAbstractItemView.State.EditingState
        ):
            current = self.actions_view.currentIndex()
            if current.isValid():
                index = self.action_items.index(current.row(), ACTION_FIELDS.index("due_on"))
                self.action_items.setData(index, None)
                return True
        return super().eventFilter(watched, event)
