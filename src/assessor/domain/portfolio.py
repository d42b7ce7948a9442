"""Across agencies: common gaps, and who could lend a solution to whom. Pure functions.

A *gap* is a dimension (or question) where an agency's latest score is below a threshold.
A gap is *common* when at least `min_agencies` agencies share it. For each common gap the agencies
that are strong in it (score at or above `strong_at`) and the good practices they have recorded
there are put beside the agencies that lack it: concrete suggestions of whom to put in touch.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from statistics import fmean


@dataclass(frozen=True)
class AgencyScores:
    agency_id: str
    name: str
    ministry: str
    assessment_id: str
    dimensions: Mapping[str, float | None]
    questions: Mapping[str, int | None] = field(default_factory=dict)


@dataclass(frozen=True)
class GoodPractice:
    finding_id: str
    agency_id: str
    dimension_key: str
    title: str


@dataclass(frozen=True)
class Gap:
    key: str  # a dimension key or a question key
    low: tuple[tuple[str, float], ...]  # (agency_id, score), lowest first
    mean: float | None  # mean score of every agency scored on it

    @property
    def count(self) -> int:
        return len(self.low)


@dataclass(frozen=True)
class Lender:
    agency_id: str
    score: float
    practices: tuple[GoodPractice, ...]


@dataclass(frozen=True)
class Suggestion:
    gap: Gap
    lenders: tuple[Lender, ...]  # strongest first; those with good practices before others

    @property
    def borrowers(self) -> tuple[str, ...]:
        return tuple(agency_id for agency_id, _ in self.gap.low)


def _gaps(
    values: Mapping[str, Mapping[str, float | None]], below: float, min_agencies: int
) -> list[Gap]:
    keys = sorted({k for per_agency in values.values() for k in per_agency})
    gaps = []
    for key in keys:
        scored = [
            (agency_id, float(v))
            for agency_id, per_agency in values.items()
            if (v := per_agency.get(key)) is not None
        ]
        low = sorted(((a, s) for a, s in scored if s < below), key=lambda p: (p[1], p[0]))
        if len(low) >= min_agencies:
            gaps.append(Gap(key, tuple(low), fmean(s for _, s in scored) if scored else None))
    gaps.sort(key=lambda g: (-g.count, g.mean if g.mean is not None else 0.0, g.key))
    return gaps


def common_dimension_gaps(
    agencies: Sequence[AgencyScores], *, below: float = 2.0, min_agencies: int = 2
) -> list[Gap]:
    """Dimensions where at least `min_agencies` agencies score below `below`, most shared first."""
    return _gaps({a.agency_id: a.dimensions for a in agencies}, below, min_agencies)


def common_question_gaps(
    agencies: Sequence[AgencyScores], *, below: float = 2.0, min_agencies: int = 2
) -> list[Gap]:
    values = {
        a.agency_id: {k: (None if v is None else float(v)) for k, v in a.questions.items()}
        for a in agencies
    }
    return _gaps(values, below, min_agencies)


def lending_suggestions(
    gaps: Sequence[Gap],
    agencies: Sequence[AgencyScores],
    practices: Sequence[GoodPractice],
    *,
    strong_at: float = 3.0,
) -> list[Suggestion]:
    """For each dimension gap: the agencies strong in it, with their good practices there."""
    by_agency = {a.agency_id: a for a in agencies}
    suggestions = []
    for gap in gaps:
        # each agency's practices in the gap's dimension, found in one pass over the practices
        # (not one per agency: a thousand agencies and their practices made that quadratic)
        theirs: dict[str, list[GoodPractice]] = {}
        for p in practices:
            if p.dimension_key == gap.key:
                theirs.setdefault(p.agency_id, []).append(p)
        lenders = []
        for agency in agencies:
            score = agency.dimensions.get(gap.key)
            # only an agency strong in the dimension lends: one with a good practice there but a
            # low score is not "strong", whatever its finding says
            if score is None or score < strong_at:
                continue
            own: list[GoodPractice] = []
            seen: set[str] = set()
            for p in sorted(
                theirs.get(agency.agency_id, ()), key=lambda p: (p.title, p.finding_id)
            ):
                # the same practice written down at two visits is one practice
                same = " ".join(p.title.split()).casefold()
                if same not in seen:
                    seen.add(same)
                    own.append(p)
            lenders.append(Lender(agency.agency_id, float(score), tuple(own)))
        lenders.sort(
            key=lambda lender: (
                not lender.practices,
                -lender.score,
                by_agency[lender.agency_id].name,
            )
        )
        suggestions.append(Suggestion(gap, tuple(lenders)))
    return suggestions
