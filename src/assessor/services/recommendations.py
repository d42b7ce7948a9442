"""Recommendations, their links to dimensions and findings, and their follow-up across visits
(the reusable template library is services/templates.py)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.domain.errors import ValidationError
from assessor.services.assessments import checklist_facts, previous_assessment
from assessor.services.rows import (
    add_new,
    apply,
    get_live,
    required_text,
    restore,
    restore_by_id,
    soft_delete,
)
from assessor.store.models import (
    HORIZONS as HORIZONS,
)
from assessor.store.models import (
    PRIORITIES as PRIORITIES,
)
from assessor.store.models import (
    RECOMMENDATION_STATUSES as RECOMMENDATION_STATUSES,
)
from assessor.store.models import (
    Assessment,
    Finding,
    Recommendation,
    RecommendationDimension,
    RecommendationFinding,
    RecommendationTemplate,
    derived_id,
)

RECOMMENDATION_FIELDS = frozenset(
    {
        "title",
        "text",
        "rationale",
        "priority",
        "horizon",
        "status",
        "agency_response",
        "template_id",
        "previous_id",
        "cites_finding_id",
    }
)


@dataclass(frozen=True)
class RecommendationRow:
    id: str
    assessment_id: str
    title: str
    text: str
    rationale: str
    priority: str
    horizon: str
    status: str
    agency_response: str
    template_id: str | None
    previous_id: str | None
    cites_finding_id: str | None
    dimension_ids: tuple[str, ...]
    finding_ids: tuple[str, ...]


# --- recommendations -----------------------------------------------------------------------


def _check_choices(fields: dict[str, Any]) -> None:
    for field, allowed in (
        ("priority", PRIORITIES),
        ("horizon", HORIZONS),
        ("status", RECOMMENDATION_STATUSES),
    ):
        if field in fields and fields[field] not in allowed:
            raise ValidationError(
                field,
                f"unknown {field} '{fields[field]}'",
                code=f"recommendation.{field}",
                value=fields[field],
            )


def _clean_recommendation(session: Session, fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - RECOMMENDATION_FIELDS
    if unknown:
        raise ValidationError(sorted(unknown)[0], f"unknown field(s): {', '.join(sorted(unknown))}")
    clean = dict(fields)
    if "title" in clean:
        clean["title"] = required_text("title", clean["title"], "The recommendation's title")
    _check_choices(clean)
    if clean.get("template_id") is not None:
        get_live(session, RecommendationTemplate, clean["template_id"])
    if clean.get("previous_id") is not None:
        get_live(session, Recommendation, clean["previous_id"])
    if clean.get("cites_finding_id") is not None:
        get_live(session, Finding, clean["cites_finding_id"])
    return clean


def create_recommendation(
    session: Session,
    assessment_id: str,
    *,
    title: str,
    text: str = "",
    rationale: str = "",
    priority: str = "medium",
    horizon: str = "medium",
    status: str = "proposed",
    agency_response: str = "",
    template_id: str | None = None,
    previous_id: str | None = None,
    cites_finding_id: str | None = None,
    dimension_ids: Iterable[str] = (),
    finding_ids: Iterable[str] = (),
    recommendation_id: str | None = None,
) -> str:
    assessment = get_live(session, Assessment, assessment_id)
    fields = _clean_recommendation(
        session,
        {
            "title": title,
            "text": text,
            "rationale": rationale,
            "priority": priority,
            "horizon": horizon,
            "status": status,
            "agency_response": agency_response,
            "template_id": template_id,
            "previous_id": previous_id,
            "cites_finding_id": cites_finding_id,
        },
    )
    dims = list(dict.fromkeys(dimension_ids))
    facts = checklist_facts(session, assessment.checklist_id)
    for dimension_id in dims:
        if dimension_id not in facts.dimensions:
            raise ValidationError(
                "dimension_id",
                "the dimension is not part of this checklist",
                code="field.not_in_checklist",
            )
    finds = list(dict.fromkeys(finding_ids))
    for finding_id in finds:
        _check_finding(session, assessment_id, finding_id)
    rec = Recommendation(assessment_id=assessment_id, **fields)
    add_new(session, rec, recommendation_id)
    for dimension_id in dims:
        _add_link(session, RecommendationDimension, rec.id, dimension_id)
    for finding_id in finds:
        _add_link(session, RecommendationFinding, rec.id, finding_id)
    return rec.id


def update_recommendation(session: Session, recommendation_id: str, **changes: Any) -> bool:
    rec = get_live(session, Recommendation, recommendation_id)
    return apply(rec, _clean_recommendation(session, changes), RECOMMENDATION_FIELDS)


def delete_recommendation(session: Session, recommendation_id: str) -> None:
    soft_delete(get_live(session, Recommendation, recommendation_id))


def restore_recommendation(session: Session, recommendation_id: str) -> None:
    """Undo a deletion of a recommendation (same row and id, its links kept)."""
    restore_by_id(session, Recommendation, recommendation_id)
    session.flush()


def linked_ids(
    session: Session, model: Any, column: str, rec_ids: list[str]
) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    if not rec_ids:
        return out
    rows = session.execute(
        select(model.recommendation_id, getattr(model, column)).where(
            model.recommendation_id.in_(rec_ids), model.deleted_at.is_(None)
        )
    )
    for rec_id, other in rows:
        out[rec_id].append(other)
    return out


def _rows(session: Session, recs: list[Recommendation]) -> list[RecommendationRow]:
    ids = [r.id for r in recs]
    dims = linked_ids(session, RecommendationDimension, "dimension_id", ids)
    finds = linked_ids(session, RecommendationFinding, "finding_id", ids)
    return [
        RecommendationRow(
            r.id,
            r.assessment_id,
            r.title,
            r.text,
            r.rationale,
            r.priority,
            r.horizon,
            r.status,
            r.agency_response,
            r.template_id,
            r.previous_id,
            r.cites_finding_id,
            tuple(sorted(dims[r.id])),
            tuple(sorted(finds[r.id])),
        )
        for r in recs
    ]


def list_recommendations(session: Session, assessment_id: str) -> list[RecommendationRow]:
    """The assessment's recommendations, highest priority first."""
    recs = list(
        session.scalars(
            select(Recommendation).where(
                Recommendation.assessment_id == assessment_id,
                Recommendation.deleted_at.is_(None),
            )
        )
    )
    order = {p: i for i, p in enumerate(PRIORITIES)}
    recs.sort(key=lambda r: (order.get(r.priority, 9), r.title.casefold(), r.id))
    return _rows(session, recs)


def get_recommendation(session: Session, recommendation_id: str) -> RecommendationRow:
    return _rows(session, [get_live(session, Recommendation, recommendation_id)])[0]


# --- links ---------------------------------------------------------------------------------


def _check_finding(session: Session, assessment_id: str, finding_id: str) -> None:
    finding = get_live(session, Finding, finding_id)
    if finding.assessment_id != assessment_id:
        raise ValidationError(
            "finding_id",
            "the finding belongs to another assessment",
            code="field.finding_other_assessment",
        )


# a recommendation's link tables and the column naming what each links it to
_LINKED = {RecommendationDimension: "dimension_id", RecommendationFinding: "finding_id"}
Link = type[RecommendationDimension] | type[RecommendationFinding]


def _add_link(session: Session, model: Link, rec_id: str, other_id: str) -> None:
    """Link a recommendation to a dimension or a finding (a link taken off earlier comes back:
    its id is derived from the two ends)."""
    link_id = derived_id(model.__tablename__, rec_id, other_id)
    link = session.get(model, link_id)
    if link is None:
        session.add(model(id=link_id, recommendation_id=rec_id, **{_LINKED[model]: other_id}))
    else:
        restore(link)


def _drop_link(session: Session, model: Link, rec_id: str, other_id: str) -> None:
    link = session.get(model, derived_id(model.__tablename__, rec_id, other_id))
    if link is not None:
        soft_delete(link)


def link_dimension(session: Session, recommendation_id: str, dimension_id: str) -> None:
    rec = get_live(session, Recommendation, recommendation_id)
    assessment = get_live(session, Assessment, rec.assessment_id)
    if dimension_id not in checklist_facts(session, assessment.checklist_id).dimensions:
        raise ValidationError(
            "dimension_id",
            "the dimension is not part of this checklist",
            code="field.not_in_checklist",
        )
    _add_link(session, RecommendationDimension, recommendation_id, dimension_id)
    session.flush()


def unlink_dimension(session: Session, recommendation_id: str, dimension_id: str) -> None:
    _drop_link(session, RecommendationDimension, recommendation_id, dimension_id)


def link_finding(session: Session, recommendation_id: str, finding_id: str) -> None:
    rec = get_live(session, Recommendation, recommendation_id)
    _check_finding(session, rec.assessment_id, finding_id)
    _add_link(session, RecommendationFinding, recommendation_id, finding_id)
    session.flush()


def unlink_finding(session: Session, recommendation_id: str, finding_id: str) -> None:
    _drop_link(session, RecommendationFinding, recommendation_id, finding_id)


# --- follow-up -----------------------------------------------------------------------------


def previous_recommendations(session: Session, assessment_id: str) -> list[RecommendationRow]:
    """The previous assessment's recommendations with their status, for follow-up."""
    previous = previous_assessment(session, assessment_id)
    return [] if previous is None else list_recommendations(session, previous)


def carry_forward(
    session: Session,
    assessment_id: str,
    previous_id: str,
    *,
    recommendation_id: str | None = None,
) -> str:
    """A new recommendation continuing an earlier one (same text, linked by previous_id)."""
    old = get_live(session, Recommendation, previous_id)
    assessment = get_live(session, Assessment, assessment_id)
    facts = checklist_facts(session, assessment.checklist_id)
    old_dims = linked_ids(session, RecommendationDimension, "dimension_id", [old.id])[old.id]
    return create_recommendation(
        session,
        assessment_id,
        title=old.title,
        text=old.text,
        rationale=old.rationale,
        priority=old.priority,
        horizon=old.horizon,
        template_id=old.template_id,
        previous_id=old.id,
        dimension_ids=[d for d in old_dims if d in facts.dimensions],
        recommendation_id=recommendation_id,
    )
