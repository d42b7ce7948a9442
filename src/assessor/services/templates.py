"""The reusable recommendation library: templates, their search and use counts, and a
recommendation made from one (or saved as one)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from assessor.domain.errors import ValidationError
from assessor.services.recommendations import create_recommendation, linked_ids
from assessor.services.rows import add_new, apply, get_live, required_text, soft_delete
from assessor.store.models import (
    Agency,
    Assessment,
    ChecklistDimension,
    Recommendation,
    RecommendationDimension,
    RecommendationTemplate,
)

TEMPLATE_FIELDS = frozenset({"title", "text", "rationale", "dimension_key", "tags", "language"})
LANGUAGES = ("sv", "en")


@dataclass(frozen=True)
class TemplateRow:
    id: str
    title: str
    text: str
    rationale: str
    dimension_key: str
    tags: tuple[str, ...]
    language: str
    usage: int  # live recommendations made from it
    agencies: tuple[str, ...]  # names of the agencies where it was used, sorted


# --- templates -----------------------------------------------------------------------------


def _tags(raw: str | Iterable[str]) -> str:
    parts = raw.split(",") if isinstance(raw, str) else list(raw)
    seen = dict.fromkeys(t.strip().casefold() for t in parts if t.strip())
    return ",".join(seen)


def _clean_template(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - TEMPLATE_FIELDS
    if unknown:
        raise ValidationError(sorted(unknown)[0], f"unknown field(s): {', '.join(sorted(unknown))}")
    clean = dict(fields)
    if "title" in clean:
        clean["title"] = required_text("title", clean["title"], "The template's title")
    if "tags" in clean:
        clean["tags"] = _tags(clean["tags"])
    if "language" in clean and clean["language"] not in LANGUAGES:
        raise ValidationError(
            "language",
            f"unknown language '{clean['language']}'",
            code="template.language",
            language=clean["language"],
        )
    if "dimension_key" in clean:
        clean["dimension_key"] = clean["dimension_key"].strip()
    return clean


def create_template(
    session: Session,
    *,
    title: str,
    text: str = "",
    rationale: str = "",
    dimension_key: str = "",
    tags: str | Iterable[str] = "",
    language: str = "sv",
    template_id: str | None = None,
) -> str:
    fields = _clean_template(
        {
            "title": title,
            "text": text,
            "rationale": rationale,
            "dimension_key": dimension_key,
            "tags": tags,
            "language": language,
        }
    )
    template = RecommendationTemplate(**fields)
    add_new(session, template, template_id)
    return template.id


def update_template(session: Session, template_id: str, **changes: Any) -> bool:
    template = get_live(session, RecommendationTemplate, template_id)
    return apply(template, _clean_template(changes), TEMPLATE_FIELDS)


def delete_template(session: Session, template_id: str) -> None:
    soft_delete(get_live(session, RecommendationTemplate, template_id))


def save_as_template(
    session: Session,
    recommendation_id: str,
    tags: str | Iterable[str] = "",
    language: str = "sv",
    *,
    template_id: str | None = None,
) -> str:
    """Put a recommendation into the library; it then counts as the template's first use."""
    rec = get_live(session, Recommendation, recommendation_id)
    dims = linked_ids(session, RecommendationDimension, "dimension_id", [rec.id])[rec.id]
    keys = sorted(
        session.scalars(select(ChecklistDimension.key).where(ChecklistDimension.id.in_(dims)))
    )
    new_id = create_template(
        session,
        title=rec.title,
        text=rec.text,
        rationale=rec.rationale,
        dimension_key=keys[0] if keys else "",
        tags=tags,
        language=language,
        template_id=template_id,
    )
    if rec.template_id is None:
        rec.template_id = new_id
    return new_id


def template_uses(template_ids: Iterable[str]) -> Select[str | None, str]:
    """A row (template id, agency name) per live recommendation made from one of the templates
    (on a live assessment of a live agency): what the library's and the portfolio's counts count."""
    return (
        select(Recommendation.template_id, Agency.name)
        .join(Assessment, Assessment.id == Recommendation.assessment_id)
        .join(Agency, Agency.id == Assessment.agency_id)
        .where(
            Recommendation.template_id.in_(template_ids),
            Recommendation.deleted_at.is_(None),
            Assessment.deleted_at.is_(None),
            Agency.deleted_at.is_(None),
        )
    )


def _usage(session: Session, template_ids: list[str]) -> dict[str, tuple[int, tuple[str, ...]]]:
    counts: dict[str, int] = defaultdict(int)
    agencies: dict[str, set[str]] = defaultdict(set)
    for template_id, agency in session.execute(template_uses(template_ids)):
        if template_id is not None:
            counts[template_id] += 1
            agencies[template_id].add(agency)
    return {t: (counts[t], tuple(sorted(agencies[t], key=str.casefold))) for t in template_ids}


def search_templates(
    session: Session, text: str = "", dimension_key: str = "", tag: str = ""
) -> list[TemplateRow]:
    """The library filtered by words, dimension and tag; most used first."""
    query = select(RecommendationTemplate).where(RecommendationTemplate.deleted_at.is_(None))
    if dimension_key:
        query = query.where(RecommendationTemplate.dimension_key == dimension_key)
    templates = list(session.scalars(query))
    wanted_tag = tag.strip().casefold()
    # SQLite's lower() folds only ASCII, so "Å" would miss "å": filter words in Python
    words = text.casefold().split()
    kept = []
    for t in templates:
        tags = tuple(x for x in t.tags.split(",") if x)
        if wanted_tag and wanted_tag not in tags:
            continue
        haystack = f"{t.title}\n{t.text}\n{t.rationale}\n{t.tags}".casefold()
        if all(w in haystack for w in words):
            kept.append((t, tags))
    usage = _usage(session, [t.id for t, _ in kept])
    rows = [
        TemplateRow(
            t.id, t.title, t.text, t.rationale, t.dimension_key, tags, t.language, *usage[t.id]
        )
        for t, tags in kept
    ]
    rows.sort(key=lambda r: (-r.usage, r.title.casefold(), r.id))
    return rows


def suggest_templates(session: Session, dimension_id: str) -> list[TemplateRow]:
    """Templates for a (weak) dimension, most used first."""
    dimension = session.get(ChecklistDimension, dimension_id)
    if dimension is None:
        raise ValidationError("dimension_id", "no such dimension", code="template.no_dimension")
    return search_templates(session, dimension_key=dimension.key)


def create_recommendation_from_template(
    session: Session, assessment_id: str, template_id: str, **overrides: Any
) -> str:
    """A new recommendation with the template's words, linked to its dimension if present."""
    template = get_live(session, RecommendationTemplate, template_id)
    assessment = get_live(session, Assessment, assessment_id)
    dims = []
    if template.dimension_key:
        dims = list(
            session.scalars(
                select(ChecklistDimension.id).where(
                    ChecklistDimension.checklist_id == assessment.checklist_id,
                    ChecklistDimension.key == template.dimension_key,
                )
            )
        )
    fields: dict[str, Any] = {
        "title": template.title,
        "text": template.text,
        "rationale": template.rationale,
        "dimension_ids": dims,
    }
    fields.update(overrides)
    return create_recommendation(session, assessment_id, template_id=template_id, **fields)
