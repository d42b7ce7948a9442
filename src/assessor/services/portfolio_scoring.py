"""Reading and scoring every agency at once, for the portfolio.

A handful of queries for all agencies together, never one per agency or per question: the
checklist's versions and structure, the assessments passing the filter, then every answer of
those in one read, scored with domain.scoring per assessment. The cost grows with the answers
read, not with agencies times questions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.domain.checklist import version_key
from assessor.domain.errors import BadInput, NotFound
from assessor.domain.scoring import BulkScorer, DimensionSpec, Scale
from assessor.services.portfolio_rows import DimensionColumn, PortfolioFilter
from assessor.services.rows import sql_connection
from assessor.store.models import (
    ASSESSMENT_STATUSES,
    Agency,
    Assessment,
    Checklist,
    ChecklistDimension,
    ChecklistQuestion,
)

# Core selects run on the session's connection: the ORM's row machinery is not needed for plain
# tuples, and on tens of thousands of answers it costs more than the query.


def run_query(session: Session, query: Any) -> list[Any]:
    return list(session.connection().execute(query).all())


def _parts(session: Session, model: Any, checklist_ids: list[str], *columns: Any) -> list[Any]:
    """The live dimensions or questions (``model``) of the checklist versions, as rows of
    ``columns``, in the order the checklist gives them (position, then key)."""
    query = select(*columns).where(
        model.checklist_id.in_(checklist_ids), model.deleted_at.is_(None)
    )
    return sorted(run_query(session, query), key=lambda part: (part.position, part.key))


def check_filter(flt: PortfolioFilter) -> None:
    if flt.status and flt.status not in ASSESSMENT_STATUSES:
        raise BadInput(
            f"unknown status '{flt.status}' (one of {', '.join(ASSESSMENT_STATUSES)})",
            code="portfolio.status",
            status=flt.status,
            statuses=", ".join(ASSESSMENT_STATUSES),
        )
    if flt.assessed_from and flt.assessed_to and flt.assessed_from > flt.assessed_to:
        raise BadInput("the period's start is after its end", code="portfolio.period")


@dataclass
class Structure:
    """Every live version of the checklist: dimensions and questions per version."""

    versions: list[Any]  # newest first
    scales: dict[str, tuple[int, ...]]
    specs: dict[str, list[DimensionSpec]]
    questions: dict[str, list[tuple[str, str, str, float]]]  # (row id, key, dim key, weight)
    columns: dict[str, DimensionColumn]
    question_texts: dict[str, dict[str, str]]
    question_dimension: dict[str, str]

    @property
    def ids(self) -> list[str]:
        return [v.id for v in self.versions]


def _newest_first(row: Any) -> tuple[Any, ...]:
    try:
        return (1, version_key(row.version))
    except BadInput:
        return (0, ())


def read_structure(session: Session, key: str) -> Structure:
    versions = run_query(
        session,
        select(Checklist.id, Checklist.version, Checklist.title, Checklist.scale).where(
            Checklist.key == key, Checklist.deleted_at.is_(None)
        ),
    )
    if not versions:
        raise NotFound(f"no checklist with key '{key}'", code="checklist.no_key", key=key)
    versions.sort(key=_newest_first, reverse=True)
    ids = [v.id for v in versions]
    dims = _parts(
        session,
        ChecklistDimension,
        ids,
        ChecklistDimension.id,
        ChecklistDimension.checklist_id,
        ChecklistDimension.key,
        ChecklistDimension.weight,
        ChecklistDimension.title,
        ChecklistDimension.position,
    )
    questions = _parts(
        session,
        ChecklistQuestion,
        ids,
        ChecklistQuestion.id,
        ChecklistQuestion.checklist_id,
        ChecklistQuestion.dimension_id,
        ChecklistQuestion.key,
        ChecklistQuestion.weight,
        ChecklistQuestion.text,
        ChecklistQuestion.position,
    )
    dim_key = {d.id: d.key for d in dims}
    s = Structure(versions, {}, defaultdict(list), defaultdict(list), {}, {}, {})
    for v in versions:
        s.scales[v.id] = tuple(int(x["level"]) for x in v.scale) or (0,)
    for d in dims:
        s.specs[d.checklist_id].append(DimensionSpec(d.key, float(d.weight)))
    for q in questions:
        if q.dimension_id in dim_key:
            key_of_dim = dim_key[q.dimension_id]
            s.questions[q.checklist_id].append((q.id, q.key, key_of_dim, float(q.weight)))
    # columns: the newest version's dimensions in order, then keys only older ones have
    order = {v.id: n for n, v in enumerate(versions)}
    for d in sorted(dims, key=lambda d: order[d.checklist_id]):
        s.columns.setdefault(d.key, DimensionColumn(d.key, dict(d.title)))
    for q in sorted(questions, key=lambda q: order[q.checklist_id]):
        if q.dimension_id in dim_key:
            s.question_texts.setdefault(q.key, dict(q.text))
            s.question_dimension.setdefault(q.key, dim_key[q.dimension_id])
    return s


def assessments_passing(
    session: Session, flt: PortfolioFilter, checklist_ids: Sequence[str]
) -> list[Any]:
    """The assessments passing the filter, oldest first."""
    query = (
        select(
            Assessment.id,
            Assessment.agency_id,
            Assessment.checklist_id,
            Assessment.assessed_on,
            Assessment.status,
            Agency.name,
            Agency.ministry,
        )
        .join(Agency, Agency.id == Assessment.agency_id)
        .where(
            Assessment.checklist_id.in_(checklist_ids),
            Assessment.deleted_at.is_(None),
            Agency.deleted_at.is_(None),
        )
    )
    if flt.ministry:
        query = query.where(Agency.ministry == flt.ministry)
    if flt.status:
        query = query.where(Assessment.status == flt.status)
    if flt.assessed_from:
        query = query.where(Assessment.assessed_on >= flt.assessed_from)
    if flt.assessed_to:
        query = query.where(Assessment.assessed_on <= flt.assessed_to)
    return sorted(run_query(session, query), key=lambda a: (a.assessed_on, a.id))


Scored = tuple[float | None, dict[str, float | None], dict[str, int | None]]


def answer_tuples(session: Session, ids: Sequence[str]) -> list[tuple[str, str, int | None, int]]:
    """(assessment id, question id, level, N/A) of every live answer of these assessments.

    Read on the session's own SQLite connection (same transaction, same snapshot) with plain
    cursors: at 1,000 agencies these are over 100,000 rows, and SQLAlchemy's result rows
    around each would cost as much again as SQLite's reading them.
    """
    raw = sql_connection(session)
    found: list[tuple[str, str, int | None, int]] = []
    for start in range(0, len(ids), 500):  # well under SQLite's limit on bound parameters
        chunk = list(ids[start : start + 500])
        marks = ", ".join("?" * len(chunk))
        found.extend(
            raw.execute(
                "SELECT assessment_id, question_id, level, not_applicable FROM answer "
                f"WHERE deleted_at IS NULL AND assessment_id IN ({marks})",
                chunk,
            )
        )
    return found


def score_all(session: Session, s: Structure, assessments: Sequence[Any]) -> dict[str, Scored]:
    """Assessment id -> (overall, dimension scores, question levels): one query for all the
    answers, then domain.scoring's bulk scorer per checklist version."""
    stored: dict[str, dict[str, int | None]] = defaultdict(dict)
    ids = [a.id for a in assessments]
    for assessment_id, question_id, level, na in answer_tuples(session, ids):
        stored[assessment_id][question_id] = None if na else level
    scorers: dict[str, tuple[list[str], BulkScorer]] = {}
    out: dict[str, Scored] = {}
    for a in assessments:
        if a.checklist_id not in scorers:
            questions = s.questions[a.checklist_id]
            scorers[a.checklist_id] = (
                [row_id for row_id, _, _, _ in questions],
                BulkScorer(
                    Scale(s.scales[a.checklist_id]),
                    s.specs[a.checklist_id],
                    [(key, dim, weight) for _, key, dim, weight in questions],
                ),
            )
        row_ids, scorer = scorers[a.checklist_id]
        mine = stored.get(a.id, {})
        levels = [mine.get(row_id) for row_id in row_ids]
        overall, dimensions = scorer.score(levels)
        out[a.id] = (overall, dimensions, dict(zip(scorer.keys, levels, strict=True)))
    return out
