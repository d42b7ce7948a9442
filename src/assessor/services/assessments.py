"""Assessments: an agency scored against one pinned checklist version, with advisors and targets."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.domain.errors import (
    AssessmentDelivered,
    NotFound,
    ValidationError,
    row_not_found,
)
from assessor.services import agency_reads
from assessor.services.agency_reads import AssessmentRow as AssessmentRow
from assessor.services.rows import add_new, apply, get_live, restore, soft_delete, sql_connection
from assessor.store.models import (
    ASSESSMENT_STATUSES,
    Advisor,
    Agency,
    Assessment,
    AssessmentAdvisor,
    Checklist,
    ChecklistDimension,
    ChecklistQuestion,
    TargetLevel,
    derived_id,
)

ASSESSMENT_FIELDS = frozenset({"title", "assessed_on", "status", "summary", "profile"})
# what a delivered report printed: changed only after the assessment is reopened
DELIVERED_FIELDS = frozenset({"title", "assessed_on", "summary", "profile"})


@dataclass(frozen=True)
class ChecklistFacts:
    """What validating an answer needs of a checklist; checklists are immutable, so cacheable."""

    id: str
    levels: frozenset[int]
    questions: frozenset[str]
    dimensions: frozenset[str]
    question_dimension: Mapping[str, str]

    @property
    def lowest(self) -> int:
        return min(self.levels)

    @property
    def highest(self) -> int:
        return max(self.levels)


def checklist_facts(session: Session, checklist_id: str) -> ChecklistFacts:
    """The checklist's scale and members, cached on the session (one query per checklist)."""
    cache: dict[str, ChecklistFacts] = session.info.setdefault("assessor.checklist_facts", {})
    facts = cache.get(checklist_id)
    if facts is not None:
        return facts
    checklist = session.get(Checklist, checklist_id)
    if checklist is None:
        raise NotFound(
            f"no checklist with id {checklist_id}", code="checklist.no_id", id=checklist_id
        )
    levels = frozenset(int(step["level"]) for step in checklist.scale)
    if not levels:
        raise ValidationError(
            "checklist_id", "the checklist has no scale", code="checklist.no_scale"
        )
    dimensions = frozenset(
        session.scalars(
            select(ChecklistDimension.id).where(ChecklistDimension.checklist_id == checklist_id)
        )
    )
    pairs: dict[str, str] = {
        question_id: dimension_id
        for question_id, dimension_id in session.execute(
            select(ChecklistQuestion.id, ChecklistQuestion.dimension_id).where(
                ChecklistQuestion.checklist_id == checklist_id
            )
        )
    }
    facts = ChecklistFacts(checklist_id, levels, frozenset(pairs), dimensions, pairs)
    cache[checklist_id] = facts
    return facts


def _check_status(status: str) -> None:
    if status not in ASSESSMENT_STATUSES:
        raise ValidationError(
            "status", f"unknown status '{status}'", code="assessment.status", status=status
        )


def _check_target(facts: ChecklistFacts, dimension_id: str, level: float) -> None:
    if dimension_id not in facts.dimensions:
        raise ValidationError(
            "dimension_id",
            "the dimension is not part of this checklist",
            code="field.not_in_checklist",
        )
    if not facts.lowest <= level <= facts.highest:
        raise ValidationError(
            "level",
            f"a target must be between {facts.lowest} and {facts.highest}",
            code="field.target_range",
            low=facts.lowest,
            high=facts.highest,
        )


def _check_advisors(session: Session, advisor_ids: Iterable[str]) -> list[str]:
    ids = list(dict.fromkeys(advisor_ids))
    for advisor_id in ids:
        get_live(session, Advisor, advisor_id)
    return ids


def create_assessment(
    session: Session,
    agency_id: str,
    *,
    checklist_id: str,
    assessed_on: date,
    title: str = "",
    status: str = "draft",
    summary: str = "",
    advisor_ids: Iterable[str] = (),
    targets: Mapping[str, float] | None = None,
    assessment_id: str | None = None,
) -> str:
    get_live(session, Agency, agency_id)
    facts = checklist_facts(session, checklist_id)
    _check_status(status)
    targets = dict(targets or {})
    for dimension_id, level in targets.items():
        _check_target(facts, dimension_id, level)
    advisors = _check_advisors(session, advisor_ids)
    assessment = Assessment(
        agency_id=agency_id,
        checklist_id=checklist_id,
        assessed_on=assessed_on,
        title=title.strip(),
        status=status,
        summary=summary,
    )
    add_new(session, assessment, assessment_id)
    for advisor_id in advisors:
        session.add(
            AssessmentAdvisor(
                id=derived_id("assessment_advisor", assessment.id, advisor_id),
                assessment_id=assessment.id,
                advisor_id=advisor_id,
            )
        )
    for dimension_id, level in targets.items():
        session.add(
            TargetLevel(
                id=derived_id("target", assessment.id, dimension_id),
                assessment_id=assessment.id,
                dimension_id=dimension_id,
                level=float(level),
            )
        )
    return assessment.id


def check_open(assessment: Assessment) -> None:
    """Refuse a change to a delivered assessment: its report was handed over as it stands.

    Reopening is a change of status (to in review), which is always allowed and synced like
    any other edit, so a re-scoring is never silent.
    """
    if assessment.status == "delivered":
        name = assessment.title or assessment.assessed_on.isoformat()
        raise AssessmentDelivered(
            f"the assessment '{name}' was delivered; reopen it (status in review) "
            "before changing it",
            code="assessment.delivered",
            name=name,
        )


def update_assessment(session: Session, assessment_id: str, **changes: Any) -> bool:
    assessment = get_live(session, Assessment, assessment_id)
    clean = dict(changes)
    reopening = clean.get("status", assessment.status) != "delivered"
    if not reopening and any(
        getattr(assessment, field) != clean[field] for field in DELIVERED_FIELDS & set(clean)
    ):
        check_open(assessment)
    if "status" in clean:
        _check_status(clean["status"])
    if "title" in clean:
        clean["title"] = clean["title"].strip()
    if "assessed_on" in clean and not isinstance(clean["assessed_on"], date):
        raise ValidationError(
            "assessed_on", "the date of an assessment must be a date", code="assessment.date"
        )
    if clean.get("profile"):  # "" scores against the whole checklist
        from assessor.services.checklists import load_checklist

        load_checklist(session, assessment.checklist_id).profile(clean["profile"])
    return apply(assessment, clean, ASSESSMENT_FIELDS)


def delete_assessment(session: Session, assessment_id: str) -> None:
    soft_delete(get_live(session, Assessment, assessment_id))


def list_assessments(session: Session, agency_id: str) -> list[AssessmentRow]:
    """The agency's assessments, newest first."""
    return agency_reads.assessment_rows(sql_connection(session), agency_id)


def get_assessment(session: Session, assessment_id: str) -> AssessmentRow:
    row = agency_reads.assessment_row(sql_connection(session), assessment_id)
    if row is None:
        raise row_not_found("assessment", assessment_id)
    return row


def set_advisors(session: Session, assessment_id: str, advisor_ids: Iterable[str]) -> None:
    """Make exactly these advisors the assessment's advisors."""
    get_live(session, Assessment, assessment_id)
    wanted = set(_check_advisors(session, advisor_ids))
    links = session.scalars(
        select(AssessmentAdvisor).where(AssessmentAdvisor.assessment_id == assessment_id)
    )
    seen: set[str] = set()
    for link in links:
        seen.add(link.advisor_id)
        if link.advisor_id in wanted:
            if link.deleted_at is not None:
                restore(link)
        else:
            soft_delete(link)
    for advisor_id in sorted(wanted - seen):
        session.add(
            AssessmentAdvisor(
                id=derived_id("assessment_advisor", assessment_id, advisor_id),
                assessment_id=assessment_id,
                advisor_id=advisor_id,
            )
        )
    session.flush()


def advisor_ids(session: Session, assessment_id: str) -> list[str]:
    return sorted(
        session.scalars(
            select(AssessmentAdvisor.advisor_id).where(
                AssessmentAdvisor.assessment_id == assessment_id,
                AssessmentAdvisor.deleted_at.is_(None),
            )
        )
    )


def set_target(
    session: Session, assessment_id: str, dimension_id: str, level: float | None
) -> None:
    """Set the target level of one dimension; None removes it."""
    assessment = get_live(session, Assessment, assessment_id)
    current = targets(session, assessment_id).get(dimension_id)
    if current != (None if level is None else float(level)):
        check_open(assessment)
    facts = checklist_facts(session, assessment.checklist_id)
    if level is not None:
        _check_target(facts, dimension_id, level)
    target_id = derived_id("target", assessment_id, dimension_id)
    target = session.get(TargetLevel, target_id)
    if level is None:
        if target is not None:
            soft_delete(target)
        return
    if target is None:
        session.add(
            TargetLevel(
                id=target_id,
                assessment_id=assessment_id,
                dimension_id=dimension_id,
                level=float(level),
            )
        )
    else:
        restore(target)
        if target.level != level:
            target.level = float(level)
    session.flush()


def targets(session: Session, assessment_id: str) -> dict[str, float]:
    rows = session.execute(
        select(TargetLevel.dimension_id, TargetLevel.level).where(
            TargetLevel.assessment_id == assessment_id, TargetLevel.deleted_at.is_(None)
        )
    )
    return {dimension_id: level for dimension_id, level in rows}


def previous_assessment(session: Session, assessment_id: str) -> str | None:
    """The same agency's latest assessment before this one, for follow-up."""
    current = get_live(session, Assessment, assessment_id)
    return session.scalar(
        select(Assessment.id)
        .where(
            Assessment.agency_id == current.agency_id,
            Assessment.deleted_at.is_(None),
            Assessment.id != current.id,
            (Assessment.assessed_on < current.assessed_on)
            | (
                (Assessment.assessed_on == current.assessed_on)
                & (Assessment.created_at < current.created_at)
            ),
        )
        .order_by(Assessment.assessed_on.desc(), Assessment.created_at.desc(), Assessment.id)
        .limit(1)
    )
