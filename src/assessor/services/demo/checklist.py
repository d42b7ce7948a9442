"""The checklist the demo scores against, read once into plain lists."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.domain.errors import AssessorError
from assessor.services.demo import theme_words
from assessor.store.models import Checklist, ChecklistDimension, ChecklistQuestion

DEFAULT_CHECKLIST_KEY = "digital-maturity"


@dataclass
class DimensionInfo:
    id: str
    key: str
    title: str  # Swedish, lower case first letter, for phrases
    theme: str
    questions: list[str]


@dataclass
class ChecklistInfo:
    id: str
    levels: list[int]
    dimensions: list[DimensionInfo]

    @property
    def question_count(self) -> int:
        return sum(len(d.questions) for d in self.dimensions)


def _theme(key: str, title: str) -> str:
    # the key first: titles mix themes ("Nyttorealisering och investeringsstyrning")
    for text in (key.casefold(), title.casefold()):
        for theme, needles in theme_words.THEME_WORDS.items():
            if any(n in text for n in needles):
                return theme
    return ""


def load_checklist_info(session: Session) -> ChecklistInfo:
    """The default checklist (imported first if missing), or the first one the file has."""
    from assessor.services.checklists import ensure_default

    ensure_default(session)
    checklists = session.scalars(
        select(Checklist)
        .where(Checklist.deleted_at.is_(None))
        .order_by(Checklist.key, Checklist.id)
    ).all()
    if not checklists:
        raise AssessorError(
            "no checklist to assess against; import one first", code="demo.no_checklist"
        )
    chosen = next((c for c in checklists if c.key == DEFAULT_CHECKLIST_KEY), checklists[0])
    dims = session.scalars(
        select(ChecklistDimension)
        .where(ChecklistDimension.checklist_id == chosen.id)
        .order_by(ChecklistDimension.position, ChecklistDimension.key)
    ).all()
    questions: dict[str, list[str]] = defaultdict(list)
    for q_id, dim_id in session.execute(
        select(ChecklistQuestion.id, ChecklistQuestion.dimension_id)
        .where(ChecklistQuestion.checklist_id == chosen.id)
        .order_by(ChecklistQuestion.position, ChecklistQuestion.key)
    ):
        questions[dim_id].append(q_id)
    infos = []
    for d in dims:
        title = str(d.title.get("sv") or d.title.get("en") or d.key)
        title = title[:1].lower() + title[1:]
        infos.append(DimensionInfo(d.id, d.key, title, _theme(d.key, title), questions[d.id]))
    levels = sorted(int(step["level"]) for step in chosen.scale)
    return ChecklistInfo(chosen.id, levels, [d for d in infos if d.questions])
