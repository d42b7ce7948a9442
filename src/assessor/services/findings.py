"""Findings: strengths, weaknesses, risks and good practices, tied to a dimension or question."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.domain.errors import ValidationError
from assessor.services.assessments import ChecklistFacts, check_open, checklist_facts
from assessor.services.rows import (
    add_new,
    apply,
    get_live,
    required_text,
    restore_by_id,
    soft_delete,
)
from assessor.store.models import (
    FINDING_KINDS as FINDING_KINDS,
)
from assessor.store.models import (
    Agency,
    Assessment,
    ChecklistDimension,
    Finding,
)

FINDING_FIELDS = frozenset({"kind", "title", "text", "dimension_id", "question_id"})


@dataclass(frozen=True)
class FindingRow:
    id: str
    assessment_id: str
    kind: str
    title: str
    text: str
    dimension_id: str | None
    question_id: str | None


@dataclass(frozen=True)
class GoodPracticeRow:
    id: str
    agency_id: str
    agency_name: str
    title: str
    text: str
    dimension_key: str


def _row(f: Finding) -> FindingRow:
    return FindingRow(f.id, f.assessment_id, f.kind, f.title, f.text, f.dimension_id, f.question_id)


def _clean(facts: ChecklistFacts, fields: dict[str, Any]) -> dict[str, Any]:
    """Check the fields; a question alone also ties the finding to the question's dimension."""
    clean = dict(fields)
    if "kind" in clean and clean["kind"] not in FINDING_KINDS:
        raise ValidationError(
            "kind",
            f"unknown kind of finding '{clean['kind']}'",
            code="finding.kind",
            kind=clean["kind"],
        )
    if "title" in clean:
        clean["title"] = required_text("title", clean["title"], "The finding's title")
    question_id = clean.get("question_id")
    dimension_id = clean.get("dimension_id")
    if question_id is not None:
        if question_id not in facts.questions:
            raise ValidationError(
                "question_id",
                "the question is not part of this checklist",
                code="field.question_not_in_checklist",
            )
        own = facts.question_dimension[question_id]
        if dimension_id is None:
            clean["dimension_id"] = own
        elif dimension_id != own:
            raise ValidationError(
                "dimension_id",
                "the question belongs to another dimension",
                code="field.question_other_dimension",
            )
    if dimension_id is not None and dimension_id not in facts.dimensions:
        raise ValidationError(
            "dimension_id",
            "the dimension is not part of this checklist",
            code="field.not_in_checklist",
        )
    return clean


def create_finding(
    session: Session,
    assessment_id: str,
    *,
    kind: str,
    title: str,
    text: str = "",
    dimension_id: str | None = None,
    question_id: str | None = None,
    finding_id: str | None = None,
) -> str:
    assessment = get_live(session, Assessment, assessment_id)
    check_open(assessment)
    fields = _clean(
        checklist_facts(session, assessment.checklist_id),
        {
            "kind": kind,
            "title": title,
            "text": text,
            "dimension_id": dimension_id,
            "question_id": question_id,
        },
    )
    finding = Finding(assessment_id=assessment_id, **fields)
    add_new(session, finding, finding_id)
    return finding.id


def update_finding(session: Session, finding_id: str, **changes: Any) -> bool:
    unknown = set(changes) - FINDING_FIELDS
    if unknown:
        raise ValidationError(sorted(unknown)[0], f"unknown field(s): {', '.join(sorted(unknown))}")
    finding = get_live(session, Finding, finding_id)
    assessment = get_live(session, Assessment, finding.assessment_id)
    # validate the finding as it would be after the change, so a bad change touches nothing
    merged: dict[str, Any] = {
        "dimension_id": finding.dimension_id,
        "question_id": finding.question_id,
        **changes,
    }
    if changes.get("question_id") is not None and "dimension_id" not in changes:
        merged["dimension_id"] = None  # follow the new question's dimension
    clean = _clean(checklist_facts(session, assessment.checklist_id), merged)
    if any(getattr(finding, field) != value for field, value in clean.items()):
        check_open(assessment)
    return apply(finding, clean, FINDING_FIELDS)


def delete_finding(session: Session, finding_id: str) -> None:
    finding = get_live(session, Finding, finding_id)
    check_open(get_live(session, Assessment, finding.assessment_id))
    soft_delete(finding)


def restore_finding(session: Session, finding_id: str) -> None:
    """Undo a deletion of a finding (same row and id)."""
    restore_by_id(session, Finding, finding_id)
    session.flush()


def list_findings(
    session: Session, assessment_id: str, kind: str | None = None
) -> list[FindingRow]:
    query = select(Finding).where(
        Finding.assessment_id == assessment_id, Finding.deleted_at.is_(None)
    )
    if kind is not None:
        query = query.where(Finding.kind == kind)
    order = {k: i for i, k in enumerate(FINDING_KINDS)}
    rows = [_row(f) for f in session.scalars(query)]
    return sorted(rows, key=lambda r: (order.get(r.kind, 99), r.title.casefold(), r.id))


def good_practices(session: Session, dimension_key: str = "") -> list[GoodPracticeRow]:
    """Good practices found at any agency: what others can borrow instead of reinventing."""
    query = (
        select(Finding, Agency.id, Agency.name, ChecklistDimension.key)
        .join(Assessment, Assessment.id == Finding.assessment_id)
        .join(Agency, Agency.id == Assessment.agency_id)
        .outerjoin(ChecklistDimension, ChecklistDimension.id == Finding.dimension_id)
        .where(
            Finding.kind == "good_practice",
            Finding.deleted_at.is_(None),
            Assessment.deleted_at.is_(None),
            Agency.deleted_at.is_(None),
        )
        .order_by(Agency.name, Finding.title, Finding.id)
    )
    if dimension_key:
        query = query.where(ChecklistDimension.key == dimension_key)
    return [
        GoodPracticeRow(f.id, agency_id, name, f.title, f.text, key or "")
        for f, agency_id, name, key in session.execute(query)
    ]
