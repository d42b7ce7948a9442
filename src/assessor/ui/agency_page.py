"""The Agencies section: the filterable list on the left; on the right the chosen agency (details,
contacts, meetings: ui/agency_detail.py) or one of its meetings in the meeting editor, or one
of its assessments in the workspace."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelection, QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from assessor.domain.errors import AssessorError
from assessor.ui.agency_dialogs import NewAgencyDialog
from assessor.ui.agency_lists import agency_columns, agency_table
from assessor.ui.agency_model import AgencyFilterProxy, AgencyTableModel
from assessor.ui.changes import Change, Table
from assessor.ui.context import AppContext
from assessor.ui.roles import ID_ROLE
from assessor.ui.undo import push_row_step

if TYPE_CHECKING:
    from assessor.ui.agency_detail import AgencyDetail


def _agencies() -> Any:
    # imported on first use: the services pull in SQLAlchemy, which the first paint avoids
    from assessor.services import agencies

    return agencies


def _meetings() -> Any:
    from assessor.services import meetings

    return meetings


class AgenciesPage(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.model = AgencyTableModel(parent=self)
        self.proxy = AgencyFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("agencyFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter by name, org. number or ministry"))
        self.filter_edit.setAccessibleName(self.tr("Filter agencies"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter_changed)

        self.view = agency_table(self.proxy, self.tr("Agencies"))
        self.columns = agency_columns(self.view, self.model)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

        self.count_label = QLabel()
        self.count_label.setObjectName("agencyCount")
        new_button = QPushButton(self.tr("New agency…"))
        new_button.clicked.connect(self.new_agency)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.filter_edit)
        ll.addWidget(self.view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(new_button)
        ll.addLayout(bottom)

        self.right = QStackedWidget()
        self.empty = QLabel(
            self.tr("Choose an agency in the list, or create one with File > New agency.")
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.right.addWidget(self.empty)
        self.detail: AgencyDetail | None = None  # built when first needed
        self.editor: QWidget | None = None
        self.workspace: QWidget | None = None

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("agencySplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.right)
        self.splitter.setSizes([590, 510])  # the list's columns all fit at 1100 px
        self.left = left
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.splitter)

        self._selected_id: str | None = None
        if context.first_rows is not None:  # read for the first paint, without SQLAlchemy
            self.model.set_rows(context.first_rows)
            context.first_rows = None
            self._update_count()
        else:
            self.reload()
        context.edits.changed.connect(self._on_data_changed)
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(200)
        self._reload_timer.timeout.connect(self.reload)

    # --- list ---

    def reload(self) -> None:
        self.model.load(self.context.reads)
        self._update_count()
        if self._selected_id is not None:
            self.select_agency(self._selected_id)

    def _on_data_changed(self, change: Change) -> None:
        if change.touches(Table.AGENCY, Table.MEETING):
            self._reload_timer.start()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            self.count_label.setText(self.tr("%n agencies", "", total))
        else:
            self.count_label.setText(
                self.tr("%1 of %n agencies", "", total).replace("%1", str(shown))
            )

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        self._update_count()

    def focus_search(self) -> None:
        if self.workspace is not None and self.right.currentWidget() is self.editor:
            focus = getattr(self.workspace, "focus_search", None)
            if focus is not None:
                focus()
                return
        if not self.left.isVisible() and self._selected_id is not None:
            self.show_agency(self._selected_id)
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def select_agency(self, agency_id: str) -> bool:
        source_row = self.model.row_of(agency_id)
        if source_row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            return False
        self.view.selectRow(index.row())
        self.view.scrollTo(index)
        return True

    def _selection_changed(self, _sel: QItemSelection, _desel: QItemSelection) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return
        agency_id = str(rows[0].data(ID_ROLE))
        if agency_id == self._selected_id and self.right.currentWidget() is not self.empty:
            return
        self.show_agency(agency_id)

    # --- right side ---

    def show_agency(self, agency_id: str) -> AgencyDetail:
        from assessor.ui.agency_detail import AgencyDetail

        self.context.edits.flush()
        if self.detail is None:
            self.detail = AgencyDetail(self.context, self)
            self.right.addWidget(self.detail)
        self._selected_id = agency_id
        self.detail.load(agency_id)
        self._close_editor()
        self.right.setCurrentWidget(self.detail)
        self._focus_right(False)
        return self.detail

    def open_meeting(self, agency_id: str, meeting_id: str) -> QWidget:
        from assessor.ui.meeting_editor import MeetingEditor

        self.context.edits.flush()
        self._close_editor()
        editor = MeetingEditor(self.context, meeting_id)
        editor.back_requested.connect(lambda: self.show_agency(agency_id))
        editor.delete_requested.connect(lambda: self.delete_meeting(agency_id, meeting_id))
        self.editor = editor
        self.right.addWidget(editor)
        self.right.setCurrentWidget(editor)
        self._focus_right(True)
        return editor

    def delete_meeting(self, agency_id: str, meeting_id: str, confirm: bool = True) -> bool:
        """Delete a meeting (after asking), undoably; back to the agency if it was open."""
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("Delete meeting"),
                self.tr(
                    "Delete this meeting with its notes, participants and action items? "
                    "Edit > Undo brings it back."
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self.context.edits.flush()
        try:
            with self.context.db.transaction() as s:
                _meetings().delete_meeting(s, meeting_id)
        except AssessorError as exc:
            QMessageBox.warning(self, self.tr("Meeting not deleted"), exc.message)
            return False
        self.push_meeting_step(
            self.tr("delete meeting"), agency_id, meeting_id, deleted_by_undo=False
        )
        self._leave_meeting(agency_id, meeting_id)
        return True

    def push_meeting_step(
        self, text: str, agency_id: str, meeting_id: str, deleted_by_undo: bool
    ) -> None:
        """An undo step over a meeting already created (undo deletes it) or deleted (undo
        brings it back); the list's meeting count follows either way."""
        push_row_step(
            self.context,
            text,
            meeting_id,
            remove=_meetings().delete_meeting,
            restore=_meetings().restore_meeting,
            created=deleted_by_undo,
            change=Change.of(Table.MEETING),
            after=lambda: self._leave_meeting(agency_id, meeting_id),
        )
        self.refresh_list()

    def _leave_meeting(self, agency_id: str, meeting_id: str) -> None:
        """The meeting is gone (or back): do not leave its editor open on it; counts follow."""
        editor = self.editor
        if editor is not None and getattr(editor, "meeting_id", None) == meeting_id:
            self.show_agency(agency_id)
        elif self.detail is not None and self.detail.agency_id == agency_id:
            self.detail.reload_lists()
        self.refresh_list()

    def refresh_soon(self, *_args: object) -> None:
        self._reload_timer.start()

    def refresh_list(self) -> None:
        """Read the list again now (meeting and assessment counts), keeping the selection."""
        self._reload_timer.stop()
        self.reload()

    def _focus_right(self, wide: bool) -> None:
        """A meeting or an assessment takes the whole page; the agency view shares it."""
        self.left.setVisible(not wide)

    def open_assessment(self, agency_id: str, assessment_id: str) -> QWidget:
        """The assessment workspace in the right pane, with a way back to the agency."""
        from assessor.ui.workspace.workspace import AssessmentWorkspace

        self.context.edits.flush()
        self._close_editor()
        holder = QWidget()
        holder.setObjectName("assessmentHolder")
        lay = QVBoxLayout(holder)
        lay.setContentsMargins(0, 0, 0, 0)
        back = QPushButton(self.tr("← Back to the agency"))
        back.clicked.connect(lambda: self.show_agency(agency_id))
        row = QHBoxLayout()
        row.addWidget(back)
        row.addStretch(1)
        lay.addLayout(row)
        workspace = AssessmentWorkspace(
            self.context.db,
            assessment_id,
            self.context.edits.stack,
            lang=self.context.language,
        )
        workspace.status_message.connect(self.context.status)
        workspace.open_requested.connect(self.open_hit)
        lay.addWidget(workspace, 1)
        holder.setProperty("workspace", workspace)
        self.workspace = workspace
        self.editor = holder
        self.right.addWidget(holder)
        self.right.setCurrentWidget(holder)
        self._focus_right(True)
        return workspace

    def current_assessment_id(self) -> str | None:
        """The assessment in front of the user: the one open in the workspace; with a meeting
        open, its agency's newest; on an agency's page, the one chosen in its list, else its
        newest. Never one of an agency that is not on screen."""
        shown = self.right.currentWidget()
        if self.workspace is not None and shown is self.editor:
            value = getattr(self.workspace, "assessment_id", None)
            return str(value() if callable(value) else value) if value else None
        if shown is self.editor and self.editor is not None:
            agency_id = getattr(self.editor, "agency_id", None)
            return self._newest_assessment(str(agency_id)) if agency_id else None
        if self.detail is None or shown is not self.detail or not self.detail.agency_id:
            return None
        agency_id = str(self.detail.agency_id)
        listing = self.detail.assessments
        view = getattr(listing, "view", None)
        model = getattr(listing, "model", None)
        if view is not None and model is not None and view.currentIndex().isValid():
            row = model.row_at(view.currentIndex().row())
            if row is not None and row.agency_id == agency_id:
                return str(row.id)
        return self._newest_assessment(agency_id)

    def _newest_assessment(self, agency_id: str) -> str | None:
        from assessor.services.assessments import list_assessments

        with self.context.db.read() as s:
            rows = list_assessments(s, agency_id)
        return rows[0].id if rows else None

    def export_report(self) -> None:
        from assessor.ui.report_dialog import ExportReportDialog

        assessment_id = self.current_assessment_id()
        if assessment_id is None:
            self.context.status(self.tr("Open or choose an assessment first."), 6000)
            return
        dialog = ExportReportDialog(
            self.context.db, assessment_id, self, language=self.context.language
        )
        dialog.exec()

    def open_hit(self, hit: Any) -> None:
        """Go to a search hit from elsewhere: its meeting, its assessment or its agency."""
        self.filter_edit.clear()
        self._selected_id = hit.agency_id
        self.select_agency(hit.agency_id)
        if hit.meeting_id:
            self.open_meeting(hit.agency_id, hit.meeting_id)
        elif hit.assessment_id:
            self.open_assessment(hit.agency_id, hit.assessment_id)
        else:
            self.show_agency(hit.agency_id)

    def _close_editor(self) -> None:
        if self.editor is not None:
            self.context.edits.flush()
            self.right.removeWidget(self.editor)
            self.editor.deleteLater()
            self.editor = None
            self.workspace = None

    def new_agency(self) -> None:
        dialog = NewAgencyDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            with self.context.db.transaction() as s:
                agency_id = _agencies().create_agency(
                    s,
                    name=dialog.name.text(),
                    org_number=dialog.org.text(),
                    ministry=dialog.ministry.text(),
                )
        except AssessorError as exc:
            QMessageBox.warning(self, self.tr("Agency not created"), exc.message)
            return
        self.filter_edit.clear()
        self._selected_id = agency_id
        self.reload()
        self.show_agency(agency_id)

    # --- state ---

    def save_settings(self, s: QSettings) -> None:
        s.setValue("splitter", self.splitter.saveState())
        s.setValue("header", self.view.horizontalHeader().saveState())
        if self._selected_id:
            s.setValue("agency", self._selected_id)
        if self.detail is not None:
            s.setValue("lists", self.detail.lists_splitter.saveState())

    def restore_settings(self, s: QSettings) -> None:
        state = s.value("splitter")
        if state:
            self.splitter.restoreState(state)
        header = s.value("header")
        if header:
            self.columns.restore(header)
        agency = s.value("agency")
        if agency and self.select_agency(str(agency)) and self.detail is not None:
            lists = s.value("lists")
            if lists:
                self.detail.lists_splitter.restoreState(lists)
