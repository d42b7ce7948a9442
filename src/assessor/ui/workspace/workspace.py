"""The assessment workspace: scoring, findings, recommendations and follow-up in tabs.

``AssessmentWorkspace(db, assessment_id, undo_stack)``: every edit is saved as made and is one
step on ``undo_stack`` (the window's). Ctrl+F (or :meth:`focus_search`) opens the search.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from assessor.services.search import SearchHit
from assessor.store.db import Database
from assessor.ui.language import ui_language
from assessor.ui.workspace.state import WorkspaceState

if TYPE_CHECKING:
    from assessor.ui.workspace.findings import FindingsEditor
    from assessor.ui.workspace.followup import FollowUpView
    from assessor.ui.workspace.mapped_view import MappedView
    from assessor.ui.workspace.recommendations import RecommendationsEditor
    from assessor.ui.workspace.search_dialog import SearchDialog


class AssessmentWorkspace(QWidget):
    # a search hit outside this assessment (an agency, a meeting): the window opens it
    open_requested = Signal(object)
    status_message = Signal(str)

    def __init__(
        self,
        db: Database,
        assessment_id: str,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
        lang: str | None = None,
    ) -> None:
        super().__init__(parent)
        from assessor.ui.workspace.findings import FindingsEditor
        from assessor.ui.workspace.followup import FollowUpView
        from assessor.ui.workspace.mapped_view import MappedView
        from assessor.ui.workspace.recommendations import RecommendationsEditor
        from assessor.ui.workspace.scoring_view import ScoringView

        self.db = db
        self.undo_stack = undo_stack
        self.state = WorkspaceState(db, assessment_id, undo_stack, lang or ui_language(), self)
        self.setAccessibleName(self.tr("Assessment workspace"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self._show_title()
        self.state.status_changed.connect(self._show_title)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.meeting_button = QPushButton(self.tr("Meeting mo&de…"), self)
        self.meeting_button.setAccessibleName(self.tr("Start meeting mode for this assessment"))
        self.meeting_button.clicked.connect(self.meeting_mode)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.meeting_button)
        layout.addLayout(head)
        self.meeting_window: QWidget | None = None
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Parts of the assessment"))
        self.scoring = ScoringView(self.state, self.tabs)
        self.tabs.addTab(self.scoring, self.tr("&Scoring"))
        # the other parts are built when first shown: opening an assessment stays quick
        self._parts: dict[int, QWidget] = {}
        self._builders = {
            1: FindingsEditor,
            2: RecommendationsEditor,
            3: FollowUpView,
            4: MappedView,
        }
        for title in (
            self.tr("F&indings"),
            self.tr("Re&commendations"),
            self.tr("Follo&w-up"),
            self.tr("Other m&odels"),
        ):
            self.tabs.addTab(QWidget(self.tabs), title)
        self.tabs.currentChanged.connect(self._part)
        layout.addWidget(self.tabs)
        self.state.failed.connect(self.status_message)
        self.search_dialog: SearchDialog | None = None
        self._focus_before_search: QWidget | None = None

    @property
    def assessment_id(self) -> str:
        return self.state.assessment_id

    def _show_title(self, *_args: object) -> None:
        from assessor.ui.words import word

        data = self.state.data
        title = data.title or QLocale().toString(
            QDate(data.assessed_on), QLocale.FormatType.ShortFormat
        )
        status = word("assessment_status", data.status)
        # the status is in sight, so nobody is surprised that a delivered one asks first
        self.title.setText(f"{data.agency_name} · {title} · {status}")

    def _part(self, index: int) -> QWidget:
        if index not in self._builders:
            widget = self.tabs.widget(index)
            assert widget is not None
            return widget
        part = self._parts.get(index)
        if part is None:
            current = self.tabs.currentIndex()
            title = self.tabs.tabText(index)
            placeholder = self.tabs.widget(index)
            part = self._builders[index](self.state, self.tabs)
            self._parts[index] = part
            self.tabs.blockSignals(True)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, part, title)
            self.tabs.setCurrentIndex(current)
            self.tabs.blockSignals(False)
            if placeholder is not None:
                placeholder.deleteLater()
        return part

    @property
    def findings(self) -> FindingsEditor:
        return cast("FindingsEditor", self._part(1))

    @property
    def recommendations(self) -> RecommendationsEditor:
        return cast("RecommendationsEditor", self._part(2))

    @property
    def followup(self) -> FollowUpView:
        return cast("FollowUpView", self._part(3))

    @property
    def mapped(self) -> MappedView:
        return cast("MappedView", self._part(4))

    def meeting_mode(self) -> QWidget:
        """Meeting mode in a window of its own (a large editor beside the scoring); notes tied
        to a question show at once as evidence here."""
        from assessor.ui.workspace.meeting_mode import MeetingMode

        if self.meeting_window is None:
            mode = MeetingMode(
                self.db,
                self.state.data.agency_id,
                self.assessment_id,
                undo_stack=self.undo_stack,
                lang=self.state.lang,
            )
            mode.setWindowFlag(Qt.WindowType.Window)
            mode.setParent(self, Qt.WindowType.Window)
            mode.resize(900, 700)
            mode.note_added.connect(self._note_added)
            self.meeting_window = mode
        self.meeting_window.show()
        self.meeting_window.raise_()
        self.meeting_window.activateWindow()
        return self.meeting_window

    def _note_added(self, _note_id: str) -> None:
        panel = self.scoring.panel
        panel.reload_meetings()
        if panel.question_id:
            self.state.evidence_changed.emit(panel.question_id)

    def hideEvent(self, event: QHideEvent) -> None:
        self.state.flush()  # nothing typed or chosen is left unsaved
        super().hideEvent(event)

    # --- search (Ctrl+F) ---

    def event(self, event: QEvent) -> bool:
        # take Ctrl+F before any window-wide shortcut, so it works alone and inside the window
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Find)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Find):
            self.focus_search()
            return
        super().keyPressEvent(event)

    def focus_search(self) -> None:
        from assessor.ui.workspace.search_dialog import SearchDialog

        dialog = self.search_dialog
        if dialog is None:
            dialog = self.search_dialog = SearchDialog(self.db, self)
            dialog.hit_chosen.connect(self.open_hit)
            dialog.closed.connect(self._search_closed)
        if not dialog.isVisible():
            focus = QApplication.focusWidget()
            self._focus_before_search = (
                focus if focus is not None and self.isAncestorOf(focus) else None
            )
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        dialog.query.setFocus()
        dialog.query.selectAll()

    def _search_closed(self) -> None:
        """Give the keyboard back to where it was (else the navigator), so the workspace's keys
        work again at once without a click."""
        target = self._focus_before_search
        self._focus_before_search = None
        if not self.isVisible():  # the workspace itself is closing: nothing to give back
            return
        if target is None or not target.isVisible():
            target = self.scoring.tree if self.scoring.isVisible() else self.tabs.currentWidget()
        window = self.window()
        if window is not None:
            window.activateWindow()
        if target is not None:
            target.setFocus(Qt.FocusReason.PopupFocusReason)

    def open_hit(self, hit: SearchHit) -> None:
        """Open where the text is: here when it belongs to this assessment, else ask the window."""
        if hit.kind == "finding" and hit.assessment_id == self.assessment_id:
            self.tabs.setCurrentWidget(self.findings)
            self.findings.select(hit.id)
            self.findings.view.setFocus()
        elif hit.kind == "recommendation" and hit.assessment_id == self.assessment_id:
            self.tabs.setCurrentWidget(self.recommendations)
            self.recommendations.select(hit.id)
            self.recommendations.view.setFocus()
        else:
            self.open_requested.emit(hit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return super().eventFilter(watched, event)
