"""The scores of an assessment, read from the database and computed by domain.scoring."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.domain.checklist import ChecklistDoc, pick
from assessor.domain.explain import explain_dimension, explain_overall
from assessor.domain.scoring import (
    BandSpec,
    DimensionSpec,
    QuestionAnswer,
    Scale,
    ScoreResult,
    score_assessment,
)
from assessor.services.checklists import dimension_row_id, load_checklist, question_row_id
from assessor.services.rows import get_live
from assessor.store.models import Answer, Assessment, TargetLevel


@dataclass(frozen=True)
class AssessmentScores:
    """Everything needed to show or print an assessment's scores and how they were made."""

    result: ScoreResult
    scale: Scale
    answers: tuple[QuestionAnswer, ...]
    dimension_titles: dict[str, dict[str, str]]
    """Dimension key -> its title per language."""
    checklist: ChecklistDoc

    def titles(self, lang: str) -> dict[str, str]:
        return {key: pick(title, lang) for key, title in self.dimension_titles.items()}

    def explain_dimension(self, key: str, lang: str) -> str:
        return explain_dimension(self.result, key, self.titles(lang), lang, self.answers)

    def explain_overall(self, lang: str) -> str:
        return explain_overall(self.result, self.titles(lang), lang, self.scale)


def score_given(
    scale: Scale,
    bands: Sequence[BandSpec],
    dimensions: Iterable[tuple[str, float, float | None]],
    questions: Iterable[tuple[str, str, float, int | None, bool]],
) -> tuple[ScoreResult, tuple[QuestionAnswer, ...]]:
    """The one way an assessment's answers become scores, for the report, the command line and
    the workspace's live summary alike. ``dimensions``: (key, weight, target);
    ``questions``: (question key, dimension key, weight, level, not applicable); a level given
    with "not applicable" does not count."""
    answers = tuple(
        QuestionAnswer(key, dimension, weight, None if na else level, na)
        for key, dimension, weight, level, na in questions
    )
    specs = [DimensionSpec(key, weight, target) for key, weight, target in dimensions]
    return score_assessment(scale, specs, list(answers), list(bands)), answers


def assessment_score_details(
    session: Session, assessment_id: str, profile: str | None = None
) -> AssessmentScores:
    """The assessment's scores; with a profile, only the profile's questions count (a dimension
    without any is left out), and ``checklist`` is the checklist cut to the profile."""
    assessment = get_live(session, Assessment, assessment_id)
    doc = load_checklist(session, assessment.checklist_id).in_profile(profile)
    checklist_id = assessment.checklist_id
    stored = {
        a.question_id: a
        for a in session.scalars(
            select(Answer).where(Answer.assessment_id == assessment_id, Answer.deleted_at.is_(None))
        )
    }
    targets = {
        t.dimension_id: t.level
        for t in session.scalars(
            select(TargetLevel).where(
                TargetLevel.assessment_id == assessment_id, TargetLevel.deleted_at.is_(None)
            )
        )
    }
    given = []
    for dimension, question in doc.questions():
        row = stored.get(question_row_id(checklist_id, question.id))
        given.append(
            (
                question.id,
                dimension.id,
                question.weight,
                row.level if row is not None else None,
                bool(row is not None and row.not_applicable),
            )
        )
    scale = Scale(tuple(s.level for s in doc.scale))
    bands = [BandSpec(b.min, dict(b.name)) for b in doc.bands]
    result, answers = score_given(
        scale,
        bands,
        [
            (d.id, d.weight, targets.get(dimension_row_id(checklist_id, d.id)))
            for d in doc.dimensions
        ],
        given,
    )
    return AssessmentScores(
        result=result,
        scale=scale,
        answers=answers,
        dimension_titles={d.id: dict(d.title) for d in doc.dimensions},
        checklist=doc,
    )


def assessment_scores(
    session: Session, assessment_id: str, profile: str | None = None
) -> ScoreResult:
    """The assessment's dimension scores, overall index and band (see domain.scoring)."""
    return assessment_score_details(session, assessment_id, profile).result


def dimension_titles(session: Session, assessment_id: str, lang: str) -> dict[str, str]:
    """Dimension key -> title in ``lang``, for the assessment's checklist."""
    return assessment_score_details(session, assessment_id).titles(lang)
