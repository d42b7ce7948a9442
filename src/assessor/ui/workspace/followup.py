"""Follow-up across visits: the previous assessment's recommendations with their status, and the
score of each dimension then and now."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from assessor.domain.checklist import pick
from assessor.domain.errors import AssessorError
from assessor.services import assessments as assessment_service
from assessor.services import recommendations as rec_service
from assessor.services.recommendations import RecommendationRow
from assessor.services.workspace import load_workspace
from assessor.ui.columns import row_list
from assessor.ui.row_model import Column, RowTableModel, show
from assessor.ui.workspace.numbers import number, signed
from assessor.ui.workspace.recommendation_models import ChoicesModel
from assessor.ui.workspace.state import WorkspaceState
from assessor.ui.workspace.table import fit_columns


@dataclass(frozen=True)
class Comparison:
    id: str  # dimension key
    title: str
    previous: float | None
    current: float | None

    @property
    def change(self) -> float | None:
        if self.previous is None or self.current is None:
            return None
        return self.current - self.previous


def _num(value: float | None) -> str:
    return number(value, 2)


def _signed(value: float | None) -> str:
    return signed(value, 2)


class ComparisonModel(RowTableModel[Comparison]):
    def columns(self) -> list[Column[Comparison]]:
        right = Qt.AlignmentFlag.AlignRight
        return [
            Column("dimension", self.tr("Dimension"), lambda c: c.title),
            Column("previous", self.tr("Previous"), lambda c: _num(c.previous), right),
            Column("current", self.tr("Now"), lambda c: _num(c.current), right),
            Column("change", self.tr("Change"), lambda c: _signed(c.change), right),
        ]


class PreviousRecommendationsModel(ChoicesModel):
    def columns(self) -> list[Column[RecommendationRow]]:
        return [
            Column("title", self.tr("Recommendation"), lambda r: r.title),
            self.named("status", self.tr("Status")),
            self.named("priority", self.tr("Priority")),
            Column("response", self.tr("Agency's response"), lambda r: r.agency_response),
        ]


def compare(state: WorkspaceState, previous_id: str) -> list[Comparison]:
    with state.db.read() as s:
        before = load_workspace(s, previous_id)
    then = {d.key: d.score for d in before.score().dimensions}
    now = {d.key: d.score for d in state.data.score().dimensions}
    return [
        Comparison(d.key, pick(d.title, state.lang), then.get(d.key), now.get(d.key))
        for d in state.data.checklist.dimensions
    ]


class FollowUpView(QWidget):
    def __init__(self, state: WorkspaceState, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.state = state
        self.previous_id: str | None = None
        self.info = QLabel(self)
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        self.info.setWordWrap(True)
        self.recs = PreviousRecommendationsModel(self)
        self.rec_view = self._table(self.recs, self.tr("Previous recommendations"))
        fit_columns(self.rec_view, "title", ("status", "priority"))
        self.rec_view.horizontalHeader().setSectionResizeMode(  # shares the room with the title
            self.recs.column_of("response"), QHeaderView.ResizeMode.Stretch
        )
        self.carry_button = QPushButton(self.tr("Carr&y forward to this assessment"), self)
        self.carry_button.clicked.connect(self.carry_forward)
        self.scores = ComparisonModel(parent=self)
        self.score_view = self._table(self.scores, self.tr("Scores then and now"))
        fit_columns(self.score_view, "dimension", ("previous", "current", "change"))
        layout = QVBoxLayout(self)
        self._layout = layout
        layout.addWidget(self.info)
        rec_label = QLabel(self.tr("&Recommendations of the previous assessment"), self)
        rec_label.setBuddy(self.rec_view)
        layout.addWidget(rec_label)
        layout.addWidget(self.rec_view, 1)
        layout.addWidget(self.carry_button, 0, Qt.AlignmentFlag.AlignLeft)
        score_label = QLabel(self.tr("Score per dimension, &previous and now"), self)
        score_label.setBuddy(self.score_view)
        layout.addWidget(score_label)
        layout.addWidget(self.score_view, 1)
        state.answer_changed.connect(lambda _q: self._refresh_scores())
        self.reload()

    def _table(self, model: QAbstractItemModel, name: str) -> QTableView:
        return row_list(QTableView(self), name, model)

    def reload(self) -> None:
        with self.state.db.read() as s:
            self.previous_id = assessment_service.previous_assessment(s, self.state.assessment_id)
            rows = rec_service.previous_recommendations(s, self.state.assessment_id)
            prev = (
                assessment_service.get_assessment(s, self.previous_id) if self.previous_id else None
            )
        if prev is None:
            self.info.setText(
                self.tr("This is the agency's first assessment: nothing to follow up yet.")
            )
        else:
            self.info.setText(
                self.tr("Previous assessment: %1").replace(
                    "%1", f"{prev.title} ({show(prev.assessed_on)})".strip()
                )
            )
        self.recs.set_rows(rows)
        self.carry_button.setEnabled(bool(rows))
        self._refresh_scores()
        self._share_height()

    def _share_height(self) -> None:
        """The two tables share the height by their rows: three recommendations do not keep
        empty space while the eight dimensions below scroll."""
        for view, model in ((self.rec_view, self.recs), (self.score_view, self.scores)):
            self._layout.setStretchFactor(view, max(3, model.rowCount()))

    def _refresh_scores(self) -> None:
        if self.previous_id is None:
            self.scores.set_rows([])
            return
        if not self.isVisible() and self.scores.rowCount() > 0:
            self._stale = True
            return
        self.scores.set_rows(compare(self.state, self.previous_id))
        self._share_height()

    def showEvent(self, event: QShowEvent) -> None:
        if getattr(self, "_stale", False):
            self._stale = False
            self._refresh_scores()
        super().showEvent(event)

    def carry_forward(self) -> str | None:
        index = self.rec_view.currentIndex()
        if not index.isValid():
            return None
        old = self.recs.row_at(index.row())
        try:
            with self.state.db.transaction() as s:
                new_id = rec_service.carry_forward(s, self.state.assessment_id, old.id)
        except AssessorError as exc:
            self.state.failed.emit(exc.message)
            return None
        self.state.created(
            self.tr("Carry forward"), "recommendation", new_id, self.state.recommendations_changed
        )
        return new_id
