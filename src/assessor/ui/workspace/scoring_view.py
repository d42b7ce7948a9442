"""The scoring view: navigator | question | live summary, driven by the keyboard.

Keys (outside text fields): a digit picks that level, N marks not applicable, Up/Down move in
the navigator, PageUp/PageDown move to the previous/next question across dimensions.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from assessor.domain.checklist import pick
from assessor.ui.roles import ID_ROLE
from assessor.ui.workspace.navigator import NavigatorModel
from assessor.ui.workspace.question_panel import QuestionPanel
from assessor.ui.workspace.state import WorkspaceState
from assessor.ui.workspace.summary import SummaryPanel

_TEXT_INPUTS = ("QLineEdit", "QPlainTextEdit", "QTextEdit", "QComboBox", "QAbstractSpinBox")


class ScoringView(QWidget):
    def __init__(self, state: WorkspaceState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.model = NavigatorModel(state.data, state.lang, self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setAccessibleName(self.tr("Dimensions and questions"))
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # a fixed width: ResizeToContents would measure every row again on each answer
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.tree.header().resizeSection(
            1, self.tree.fontMetrics().horizontalAdvance(" 00/00 ") + 12
        )
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.expandAll()
        self.tree.installEventFilter(self)
        self.panel = QuestionPanel(state, self)
        self.summary = SummaryPanel(state.data.view, state.lang, self)
        self.profile_combo = self._profile_chooser()
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        if self.profile_combo is not None:
            row = QHBoxLayout()
            label = QLabel(self.tr("&Profile:"), left)
            label.setBuddy(self.profile_combo)
            row.addWidget(label)
            row.addWidget(self.profile_combo, 1)
            left_layout.addLayout(row)
        left_layout.addWidget(self.tree)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.panel)
        self.splitter.addWidget(self.summary)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([280, 430, 370])  # the chart needs room for its labels
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        state.answer_changed.connect(self._answer_changed)
        self.refresh_summary()
        ids = self.model.question_ids()
        if ids:
            self.go_to_question(ids[0])
        # not setFocusProxy(tree): Qt then puts this view after its last child in the Tab
        # chain, and Tab from the summary's button wraps back to the tree instead of leaving
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.tree.setFocus(event.reason())

    # --- profiles ---

    def _profile_chooser(self) -> QComboBox | None:
        """A choice of profile (maturity level, implementation group) when the checklist has any."""
        profiles = self.state.data.checklist.profiles
        if not profiles:
            return None
        combo = QComboBox(self)
        combo.setAccessibleName(self.tr("Profile scored"))
        combo.setToolTip(self.tr("Only the profile's questions are shown and count in the scores"))
        combo.addItem(self.tr("Whole checklist"), None)
        for profile in profiles:
            name = pick(profile.name, self.state.lang)
            # Essential Eight names its maturity levels "1", "2", "3"
            combo.addItem(
                self.tr("Profile %1").replace("%1", name) if name.isdigit() else name, profile.id
            )
            description = pick(profile.description, self.state.lang)
            if description:
                combo.setItemData(combo.count() - 1, description, Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(max(0, combo.findData(self.state.data.profile)))
        combo.currentIndexChanged.connect(lambda row: self.choose_profile(combo.itemData(row)))
        return combo

    def choose_profile(self, profile_id: str | None) -> None:
        """The user's choice: kept with the assessment (one undo step; a delivered assessment
        is reopened first, with consent), then shown."""
        if profile_id == self.state.data.profile:
            return
        if not self.state.save_profile(profile_id, self.set_profile):
            self._show_profile_choice(self.state.data.profile)  # refused: back as it was

    def _show_profile_choice(self, profile_id: str | None) -> None:
        if self.profile_combo is not None:
            self.profile_combo.blockSignals(True)
            self.profile_combo.setCurrentIndex(max(0, self.profile_combo.findData(profile_id)))
            self.profile_combo.blockSignals(False)

    def set_profile(self, profile_id: str | None) -> None:
        """Score on a profile: the navigator and the summary show only its questions."""
        data = self.state.data
        self._show_profile_choice(profile_id)
        if profile_id == data.profile:
            return
        current = self.current_question()
        data.profile = profile_id
        self.model = NavigatorModel(data, self.state.lang, self)
        self.tree.setModel(self.model)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.expandAll()
        self.summary.set_checklist(data.view)
        self.refresh_summary()
        ids = self.model.question_ids()
        if ids:
            self.go_to_question(current if current in ids else ids[0])

    # --- navigation ---

    def current_question(self) -> str:
        return self.panel.question_id

    def go_to_question(self, question_id: str) -> None:
        index = self.model.question_index(question_id)
        if index.isValid():
            self.tree.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.tree.scrollTo(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        question_id = current.data(ID_ROLE) if current.isValid() else None
        if question_id:
            self.panel.show_question(question_id)

    def step(self, delta: int) -> None:
        ids = self.model.question_ids()
        if not ids:
            return
        at = ids.index(self.current_question()) if self.current_question() in ids else -1
        self.go_to_question(ids[min(max(at + delta, 0), len(ids) - 1)])

    # --- keys ---

    def handle_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods not in (Qt.KeyboardModifier.NoModifier,):
            return False
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            level = key - Qt.Key.Key_0
            if level in self.panel.level_buttons:
                self.panel.choose_level(level)
                return True
            return False
        if key == Qt.Key.Key_N:
            self.panel.toggle_na()
            return True
        if key == Qt.Key.Key_PageDown:
            self.step(1)
            return True
        if key == Qt.Key.Key_PageUp:
            self.step(-1)
            return True
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tree and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if self.handle_key(event):
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # keys a child did not take (a level button, the summary) land here
        focus = self.focusWidget()
        typing = focus is not None and any(focus.inherits(n) for n in _TEXT_INPUTS)
        if not typing and self.handle_key(event):
            return
        super().keyPressEvent(event)

    # --- summary ---

    def _answer_changed(self, question_id: str) -> None:
        self.model.answer_changed(question_id)
        self.refresh_summary()

    def refresh_summary(self) -> None:
        data = self.state.data
        self.summary.show_result(data.score(), data.answers)
