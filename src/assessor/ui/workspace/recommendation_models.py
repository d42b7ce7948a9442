"""Recommendations as table rows: priority, horizon and status in words, not codes (the
workspace's list and the follow-up of the previous assessment's recommendations)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from assessor.services.recommendations import RecommendationRow
from assessor.ui.row_model import Column, RowTableModel
from assessor.ui.words import words


def choice_names() -> dict[str, dict[str, str]]:
    return {
        "priority": words("priority"),
        "horizon": words("horizon"),
        "status": words("recommendation_status"),
    }


class ChoicesModel(RowTableModel[RecommendationRow]):
    """Recommendations whose priority, horizon and status columns show words, not codes."""

    def __init__(self, parent: QObject | None = None) -> None:
        self._names = choice_names()
        super().__init__(parent=parent)

    def named(self, key: str, header: str) -> Column[RecommendationRow]:
        """The column of the choice ``key`` in words; a status without a word shows its code."""
        words = self._names[key]
        unnamed = (lambda code: code) if key == "status" else (lambda _code: "")
        return Column(key, header, lambda r: words.get(getattr(r, key), unnamed(getattr(r, key))))


class RecommendationsModel(ChoicesModel):
    def columns(self) -> list[Column[RecommendationRow]]:
        return [
            Column("title", self.tr("Title"), lambda r: r.title),
            self.named("priority", self.tr("Priority")),
            self.named("horizon", self.tr("Horizon")),
            self.named("status", self.tr("Status")),
        ]
