"""What a demo database holds, counted; and whether a database is empty enough for one."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from assessor.store.models import (
    ActionItem,
    Advisor,
    Agency,
    Answer,
    Assessment,
    Contact,
    Finding,
    Meeting,
    Recommendation,
    RecommendationTemplate,
    Synced,
)


@dataclass(frozen=True)
class DemoSummary:
    agencies: int
    advisors: int
    contacts: int
    meetings: int
    action_items: int
    assessments: int
    answers: int
    findings: int
    recommendations: int
    templates: int


def count_rows(session: Session) -> DemoSummary:
    def live(model: type[Synced]) -> int:
        table = model.__table__
        n = session.scalar(
            select(func.count()).select_from(table).where(table.c.deleted_at.is_(None))
        )
        return int(n or 0)

    return DemoSummary(
        live(Agency),
        live(Advisor),
        live(Contact),
        live(Meeting),
        live(ActionItem),
        live(Assessment),
        live(Answer),
        live(Finding),
        live(Recommendation),
        live(RecommendationTemplate),
    )


def has_user_data(session: Session) -> bool:
    """Whether the database holds anything beyond checklists (live or deleted)."""
    return any(
        session.scalar(select(model.id).limit(1)) is not None
        for model in (Agency, Advisor, RecommendationTemplate)
    )
