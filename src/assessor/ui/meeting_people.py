"""Who was at a meeting: the advisors (ticked in a list in the meeting's form) and the agency's
participants (its contacts, or a name), each change saved at once and undoable."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from assessor.services import meetings as meeting_service
from assessor.services.meetings import ParticipantRow
from assessor.ui.changes import Change, Table
from assessor.ui.context import AppContext
from assessor.ui.row_model import ColumnSpec, RowTableModel
from assessor.ui.undo import push_row_step

PARTICIPANT_COLUMNS: list[ColumnSpec[ParticipantRow]] = [
    ColumnSpec("name", QT_TRANSLATE_NOOP("RowTableModel", "Name"), lambda r: r.name),
    ColumnSpec("role", QT_TRANSLATE_NOOP("RowTableModel", "Role"), lambda r: r.role),
]


class MeetingPeople(QGroupBox):
    """The participants box; ``advisors_list`` is placed in the meeting's form by the editor."""

    def __init__(
        self,
        context: AppContext,
        agency_id: str,
        meeting_id: str,
        stale: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Participants"), parent)
        self.context = context
        self.edits = context.edits
        self.agency_id = agency_id
        self.meeting_id = meeting_id
        self._refresh_later = stale  # an undo or redo changed the rows: the editor reloads

        self.advisors_list = QListWidget()
        self.advisors_list.setAccessibleName(self.tr("Advisors at the meeting"))
        self.advisors_list.setFlow(QListView.Flow.LeftToRight)
        self.advisors_list.setWrapping(True)
        self.advisors_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.advisors_list.setSpacing(4)
        self.advisors_list.setMaximumHeight(3 * self.fontMetrics().height() + 12)
        self.advisors_list.itemChanged.connect(self._advisor_toggled)

        pl = QVBoxLayout(self)
        self.participants = RowTableModel(PARTICIPANT_COLUMNS, self)
        self.participants_view = QTableView()
        self.participants_view.setModel(self.participants)
        self.participants_view.setAccessibleName(self.tr("Participants"))
        self.participants_view.verticalHeader().hide()
        self.participants_view.horizontalHeader().setStretchLastSection(True)
        # a name on one line, the role takes the rest (at Qt's 100 px "Annika Lindberg" broke
        # over two lines beside a half-empty role column)
        self.participants_view.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.participants_view.setWordWrap(False)
        self.participants_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.participants_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        pl.addWidget(self.participants_view, 1)
        row = QHBoxLayout()
        self.contact_combo = QComboBox()
        self.contact_combo.setAccessibleName(self.tr("Contact to add"))
        self.add_contact_button = QPushButton(self.tr("Add c&ontact"))
        self.add_contact_button.clicked.connect(self.add_contact_participant)
        row.addWidget(self.contact_combo, 1)
        row.addWidget(self.add_contact_button)
        pl.addLayout(row)
        row = QHBoxLayout()
        self.free_name_edit = QLineEdit()
        self.free_name_edit.setPlaceholderText(self.tr("Someone else: name"))
        self.free_name_edit.setAccessibleName(self.tr("Name of another participant"))
        self.free_name_edit.returnPressed.connect(self.add_named_participant)
        self.add_name_button = QPushButton(self.tr("Add"))
        self.add_name_button.setAccessibleName(self.tr("Add participant by name"))
        self.add_name_button.clicked.connect(self.add_named_participant)
        self.remove_participant_button = QPushButton(self.tr("Remove"))
        self.remove_participant_button.setAccessibleName(self.tr("Remove participant"))
        self.remove_participant_button.clicked.connect(self.remove_participant)
        row.addWidget(self.free_name_edit, 1)
        row.addWidget(self.add_name_button)
        row.addWidget(self.remove_participant_button)
        pl.addLayout(row)

    def reload(self) -> None:
        self.reload_participants()
        # not now: the change may come from inside the list's own signal (a ticked advisor)
        QTimer.singleShot(0, self.reload_advisors)

    def reload_advisors(self) -> None:
        from assessor.services.advisors import list_advisors

        with self.context.db.read() as s:
            advisors = [(a.id, a.name) for a in list_advisors(s)]
            present = set(meeting_service.meeting_advisor_ids(s, self.meeting_id))
        blocked = self.advisors_list.blockSignals(True)
        self.advisors_list.clear()
        for advisor_id, name in advisors:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, advisor_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if advisor_id in present else Qt.CheckState.Unchecked
            )
            self.advisors_list.addItem(item)
        self.advisors_list.blockSignals(blocked)

    def set_advisor(self, advisor_id: str, present: bool) -> None:
        db = self.context.db
        meeting_id = self.meeting_id

        def write(value: bool) -> None:
            with db.transaction() as s:
                meeting_service.set_meeting_advisor(s, meeting_id, advisor_id, value)
            self._refresh_later()

        write(present)
        self.edits.push_done(
            self.tr("add advisor") if present else self.tr("remove advisor"),
            lambda: write(present),
            lambda: write(not present),
            Change.of(Table.MEETING_ADVISOR),
        )

    def _advisor_toggled(self, item: QListWidgetItem) -> None:
        advisor_id = item.data(Qt.ItemDataRole.UserRole)
        if advisor_id:
            self.set_advisor(str(advisor_id), item.checkState() == Qt.CheckState.Checked)

    # --- participants ---

    def reload_participants(self) -> None:
        from assessor.services.agencies import list_contacts

        with self.context.db.read() as s:
            rows = meeting_service.list_participants(s, self.meeting_id)
            contacts = [(c.id, c.name, c.title) for c in list_contacts(s, self.agency_id)]
        self.participants.set_rows(rows)
        present = {r.contact_id for r in rows}
        self.contact_combo.clear()
        for cid, name, title in contacts:
            if cid not in present:
                self.contact_combo.addItem(f"{name} ({title})" if title else name, cid)
        self.add_contact_button.setEnabled(self.contact_combo.count() > 0)

    def _participant_step(self, text: str, participant_id: str, created: bool) -> None:
        push_row_step(
            self.context,
            text,
            participant_id,
            remove=meeting_service.remove_participant,
            restore=meeting_service.restore_participant,
            created=created,
            change=Change.of(Table.MEETING_PARTICIPANT),
            after=self._refresh_later,
        )

    def add_contact_participant(self) -> None:
        contact_id = self.contact_combo.currentData()
        if not contact_id:
            return
        with self.context.db.transaction() as s:
            pid = meeting_service.add_participant(s, self.meeting_id, contact_id=contact_id)
        self._participant_step(self.tr("add participant"), pid, created=True)
        self.reload_participants()

    def add_named_participant(self) -> str | None:
        name = self.free_name_edit.text().strip()
        if not name:
            return None
        with self.context.db.transaction() as s:
            pid = meeting_service.add_participant(s, self.meeting_id, name=name)
        self.free_name_edit.clear()
        self._participant_step(self.tr("add participant"), pid, created=True)
        self.reload_participants()
        return pid

    def remove_participant(self) -> None:
        rows = self.participants_view.selectionModel().selectedRows()
        if not rows:
            return
        row = self.participants.row_at(rows[0].row())
        if row is None:
            return
        with self.context.db.transaction() as s:
            meeting_service.remove_participant(s, row.id)
        self._participant_step(self.tr("remove participant"), row.id, created=False)
        self.reload_participants()
