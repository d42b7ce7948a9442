"""What the assessment workspace shows, read once into plain data (no live ORM rows cross
into widgets).

A checklist is immutable, so its structure is read once per workspace; answers and targets are
kept here as the user changes them, so the live summary is computed in memory (no query per
keystroke), through the same scoring input as the report's (services.scores.score_given).
Writes go through the other services (the window's workspace state calls them).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.domain import scoring
from assessor.domain.checklist import default_bands, from_canonical, pick
from assessor.services import answers as answer_service
from assessor.services import assessments as assessment_service
from assessor.services.answers import AnswerData
from assessor.services.scores import score_given
from assessor.store.models import (
    Agency,
    Checklist,
    ChecklistDimension,
    ChecklistQuestion,
)


@dataclass(frozen=True)
class QuestionInfo:
    id: str
    key: str
    dimension_id: str
    weight: float
    text: dict[str, str]
    guidance: dict[str, str]
    descriptors: dict[int, dict[str, str]]
    profiles: tuple[str, ...] = ()
    """Ids of the checklist's profiles this question belongs to."""


@dataclass(frozen=True)
class ProfileInfo:
    """A named subset of the questions (an implementation group, a maturity level)."""

    id: str
    name: dict[str, str]
    description: dict[str, str]


@dataclass(frozen=True)
class DimensionInfo:
    id: str
    key: str
    weight: float
    title: dict[str, str]
    description: dict[str, str]
    questions: tuple[QuestionInfo, ...]


@dataclass(frozen=True)
class ChecklistInfo:
    id: str
    title: dict[str, str]
    version: str
    levels: tuple[tuple[int, dict[str, str]], ...]  # (level, name) lowest first
    bands: tuple[scoring.BandSpec, ...]
    dimensions: tuple[DimensionInfo, ...]
    profiles: tuple[ProfileInfo, ...] = ()

    def in_profile(self, profile_id: str | None) -> ChecklistInfo:
        """Only a profile's questions (dimensions left without any dropped); None: all."""
        if profile_id is None:
            return self
        dims = []
        for dim in self.dimensions:
            kept = tuple(q for q in dim.questions if profile_id in q.profiles)
            if kept:
                dims.append(replace(dim, questions=kept))
        return replace(self, dimensions=tuple(dims))

    @property
    def scale(self) -> scoring.Scale:
        return scoring.Scale(tuple(level for level, _ in self.levels))

    def questions(self) -> list[QuestionInfo]:
        return [q for d in self.dimensions for q in d.questions]

    def level_name(self, level: int, lang: str) -> str:
        for value, name in self.levels:
            if value == level:
                return pick(name, lang)
        return str(level)


EMPTY_ANSWER = AnswerData("", None, False, "", "medium", False)


def blank_answer(question_id: str) -> AnswerData:
    return replace(EMPTY_ANSWER, question_id=question_id)


@dataclass
class WorkspaceData:
    assessment_id: str
    agency_id: str
    agency_name: str
    title: str
    assessed_on: date
    status: str
    checklist: ChecklistInfo
    answers: dict[str, AnswerData]
    targets: dict[str, float]  # dimension id -> target level
    profile: str | None = None
    """The profile the assessment is scored on in this window; None: the whole checklist."""
    _question: dict[str, QuestionInfo] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._question = {q.id: q for q in self.checklist.questions()}

    def question(self, question_id: str) -> QuestionInfo:
        return self._question[question_id]

    def answer(self, question_id: str) -> AnswerData:
        return self.answers.get(question_id) or blank_answer(question_id)

    def progress(self, dimension_id: str) -> tuple[int, int]:
        dim = next(d for d in self.checklist.dimensions if d.id == dimension_id)
        done = sum(1 for q in dim.questions if self.answer(q.id).answered)
        return done, len(dim.questions)

    @property
    def view(self) -> ChecklistInfo:
        """The checklist as scored: cut to the profile when one is chosen."""
        return self.checklist.in_profile(self.profile)

    def score(self) -> scoring.ScoreResult:
        return score_of(self.view, self.answers, self.targets)


_CHECKLIST_CACHE: dict[str, ChecklistInfo] = {}


def load_checklist_info(session: Session, checklist_id: str) -> ChecklistInfo:
    """The checklist's structure; cached per process since a checklist never changes."""
    cached = _CHECKLIST_CACHE.get(checklist_id)
    if cached is not None:
        return cached
    checklist = session.get(Checklist, checklist_id)
    assert checklist is not None
    levels = tuple(
        sorted((int(step["level"]), dict(step.get("name") or {})) for step in checklist.scale)
    )
    membership: dict[str, tuple[str, ...]] = {}
    profiles: tuple[ProfileInfo, ...] = ()
    try:
        doc = from_canonical(json.loads(checklist.source))
        band_list = doc.bands
        profiles = tuple(ProfileInfo(p.id, p.name, p.description) for p in doc.profiles)
        membership = {q.id: q.profiles for _, q in doc.questions() if q.profiles}
    except Exception:  # an older or hand-made row: fall back to one band per level
        from assessor.domain.checklist import ScaleLevel

        band_list = default_bands([ScaleLevel(level, name) for level, name in levels])
    bands = tuple(scoring.BandSpec(b.min, dict(b.name)) for b in band_list)
    questions: dict[str, list[QuestionInfo]] = {}
    for q in session.scalars(
        select(ChecklistQuestion)
        .where(ChecklistQuestion.checklist_id == checklist_id)
        .order_by(ChecklistQuestion.position, ChecklistQuestion.key)
    ):
        questions.setdefault(q.dimension_id, []).append(
            QuestionInfo(
                q.id,
                q.key,
                q.dimension_id,
                q.weight,
                dict(q.text),
                dict(q.guidance or {}),
                {int(k): dict(v) for k, v in (q.descriptors or {}).items()},
                membership.get(q.key, ()),
            )
        )
    dims = tuple(
        DimensionInfo(
            d.id,
            d.key,
            d.weight,
            dict(d.title),
            dict(d.description or {}),
            tuple(questions.get(d.id, ())),
        )
        for d in session.scalars(
            select(ChecklistDimension)
            .where(ChecklistDimension.checklist_id == checklist_id)
            .order_by(ChecklistDimension.position, ChecklistDimension.key)
        )
    )
    info = ChecklistInfo(
        checklist.id, dict(checklist.title), checklist.version, levels, bands, dims, profiles
    )
    _CHECKLIST_CACHE[checklist_id] = info
    return info


def load_workspace(session: Session, assessment_id: str) -> WorkspaceData:
    row = assessment_service.get_assessment(session, assessment_id)
    agency = session.get(Agency, row.agency_id)
    return WorkspaceData(
        assessment_id=row.id,
        agency_id=row.agency_id,
        agency_name=agency.name if agency is not None else "",
        title=row.title,
        assessed_on=row.assessed_on,
        status=row.status,
        checklist=load_checklist_info(session, row.checklist_id),
        answers=answer_service.get_answers(session, assessment_id),
        targets=assessment_service.targets(session, assessment_id),
        profile=row.profile or None,
    )


def score_of(
    checklist: ChecklistInfo, answers: dict[str, AnswerData], targets: dict[str, float]
) -> scoring.ScoreResult:
    result, _given = score_given(
        checklist.scale,
        checklist.bands,
        [(d.key, d.weight, targets.get(d.id)) for d in checklist.dimensions],
        _given_answers(checklist, answers),
    )
    return result


def _given_answers(
    checklist: ChecklistInfo, answers: dict[str, AnswerData]
) -> list[tuple[str, str, float, int | None, bool]]:
    keyed = {d.id: d.key for d in checklist.dimensions}
    out = []
    for q in checklist.questions():
        a = answers.get(q.id)
        out.append(
            (
                q.key,
                keyed[q.dimension_id],
                q.weight,
                a.level if a is not None else None,
                bool(a and a.not_applicable),
            )
        )
    return out


def question_answers(
    checklist: ChecklistInfo, answers: dict[str, AnswerData]
) -> list[scoring.QuestionAnswer]:
    return [
        scoring.QuestionAnswer(k, d, w, None if na else level, na)
        for k, d, w, level, na in _given_answers(checklist, answers)
    ]
