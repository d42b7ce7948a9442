"""What the agencies shown can lend and what they were advised, per dimension of the checklist:
good practices (findings of that kind) and the recommendations given, grouped by title."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.services.portfolio_rows import GapRecommendation, PracticeRow
from assessor.services.portfolio_scoring import run_query
from assessor.services.templates import template_uses
from assessor.store.models import (
    Agency,
    Assessment,
    ChecklistDimension,
    Finding,
    Recommendation,
    RecommendationDimension,
    RecommendationTemplate,
)


def good_practices(
    session: Session, checklist_ids: Sequence[str], agency_ids: set[str]
) -> list[PracticeRow]:
    """Good practices tied to a dimension, from any live assessment of the agencies shown."""
    rows = run_query(
        session,
        select(
            Finding.id, Finding.title, Finding.text, Agency.id, Agency.name, ChecklistDimension.key
        )
        .join(Assessment, Assessment.id == Finding.assessment_id)
        .join(Agency, Agency.id == Assessment.agency_id)
        .join(ChecklistDimension, ChecklistDimension.id == Finding.dimension_id)
        .where(
            Finding.kind == "good_practice",
            Finding.deleted_at.is_(None),
            Assessment.deleted_at.is_(None),
            Assessment.checklist_id.in_(checklist_ids),
        ),
    )
    cited: dict[str, int] = defaultdict(int)
    for (finding_id,) in run_query(
        session,
        select(Recommendation.cites_finding_id)
        .join(Assessment, Assessment.id == Recommendation.assessment_id)
        .where(
            Recommendation.cites_finding_id.is_not(None),
            Recommendation.deleted_at.is_(None),
            Assessment.deleted_at.is_(None),
        ),
    ):
        cited[finding_id] += 1
    out = [
        PracticeRow(fid, agency_id, name, key, title, text, cited.get(fid, 0))
        for fid, title, text, agency_id, name, key in rows
        if agency_id in agency_ids
    ]
    out.sort(key=lambda p: (p.agency_name.casefold(), p.title.casefold(), p.finding_id))
    return out


def _title_key(title: str) -> str:
    return " ".join(title.casefold().split())


def recommendations_by_dimension(
    session: Session, checklist_ids: Sequence[str], agency_ids: set[str]
) -> dict[str, tuple[GapRecommendation, ...]]:
    """Per dimension key: the recommendations given to the agencies shown, grouped by title
    (a library template's title for those made from one), with how often each library template
    was used anywhere."""
    rows = run_query(
        session,
        select(
            ChecklistDimension.key,
            Recommendation.id,
            Recommendation.title,
            Recommendation.template_id,
            RecommendationTemplate.title,
            Agency.id,
            Agency.name,
        )
        .join(
            RecommendationDimension, RecommendationDimension.dimension_id == ChecklistDimension.id
        )
        .join(Recommendation, Recommendation.id == RecommendationDimension.recommendation_id)
        .join(Assessment, Assessment.id == Recommendation.assessment_id)
        .join(Agency, Agency.id == Assessment.agency_id)
        .outerjoin(
            RecommendationTemplate,
            (RecommendationTemplate.id == Recommendation.template_id)
            & RecommendationTemplate.deleted_at.is_(None),
        )
        .where(
            ChecklistDimension.checklist_id.in_(checklist_ids),
            RecommendationDimension.deleted_at.is_(None),
            Recommendation.deleted_at.is_(None),
            Assessment.deleted_at.is_(None),
        ),
    )
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    for key, rec_id, title, template_id, template_title, agency_id, name in rows:
        if agency_id not in agency_ids:
            continue
        shown = template_title if template_title is not None else title
        g = groups.setdefault(
            (key, _title_key(shown)),
            {"title": shown, "templates": set(), "recs": set(), "agencies": set()},
        )
        if template_title is not None:
            g["title"] = template_title
            g["templates"].add(template_id)
        g["recs"].add(rec_id)
        g["agencies"].add(name)
    templates = {t for g in groups.values() for t in g["templates"]}
    uses: dict[str, int] = defaultdict(int)
    if templates:
        for template_id, _agency in run_query(session, template_uses(templates)):
            uses[template_id] += 1
    out: dict[str, list[GapRecommendation]] = defaultdict(list)
    for (key, _), g in groups.items():
        template = min(g["templates"]) if g["templates"] else None
        out[key].append(
            GapRecommendation(
                title=g["title"],
                template_id=template,
                count=len(g["recs"]),
                agencies=tuple(sorted(g["agencies"], key=str.casefold)),
                library_uses=sum(uses[t] for t in g["templates"]),
            )
        )
    return {
        key: tuple(sorted(recs, key=lambda r: (-r.count, -r.library_uses, r.title.casefold())))
        for key, recs in out.items()
    }
