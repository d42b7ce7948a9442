"""Scores of an assessment: pure functions over plain numbers (the formula shown to users).

- dimension score = weighted mean of the answered levels of its questions; questions marked not
  applicable (N/A) and unanswered ones are left out;
- coverage = answered / applicable questions (N/A ones are not applicable; 0 when none is);
- overall index = weighted mean of the dimension scores that have a score (by dimension weight);
- overall percent = (overall - lowest level) / (highest level - lowest level) x 100;
- gap = target - score, per dimension, when both exist;
- band = the band with the highest min that the score reaches.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from assessor.domain.errors import BadInput


@dataclass(frozen=True)
class Scale:
    levels: tuple[int, ...]

    @property
    def min_level(self) -> int:
        return min(self.levels)

    @property
    def max_level(self) -> int:
        return max(self.levels)


@dataclass(frozen=True)
class QuestionAnswer:
    """One question of an assessment: answered (level), N/A, or unanswered (level None)."""

    question_key: str
    dimension_key: str
    weight: float
    level: int | None
    not_applicable: bool = False


@dataclass(frozen=True)
class DimensionSpec:
    key: str
    weight: float
    target: float | None = None


@dataclass(frozen=True)
class DimensionScore:
    key: str
    score: float | None
    coverage: float
    answered: int
    applicable: int
    total: int
    target: float | None
    gap: float | None
    weight: float


@dataclass(frozen=True)
class BandSpec:
    min_score: float
    name: dict[str, str]


@dataclass(frozen=True)
class ScoreResult:
    dimensions: tuple[DimensionScore, ...]
    overall: float | None
    overall_percent: float | None
    band: BandSpec | None

    def dimension(self, key: str) -> DimensionScore:
        for d in self.dimensions:
            if d.key == key:
                return d
        raise KeyError(key)


def _clamp(value: float, low: float, high: float) -> float:
    # a mean of numbers within [low, high] is within it; rounding may step just outside
    return min(max(value, low), high)


def weighted_mean(pairs: Sequence[tuple[float, float]]) -> float | None:
    """sum(w * x) / sum(w) over (weight, value) pairs; None when there are none."""
    total = math.fsum(w for w, _ in pairs)
    if not pairs or total <= 0:
        return None
    return math.fsum(w * x for w, x in pairs) / total


def is_counted(answer: QuestionAnswer) -> bool:
    """Whether an answer goes into its dimension's score (answered and applicable)."""
    return not answer.not_applicable and answer.level is not None


def score_dimension(
    scale: Scale, spec: DimensionSpec, answers: Sequence[QuestionAnswer]
) -> DimensionScore:
    # one pass (a portfolio scores tens of thousands of dimensions): the same counts as
    # filtering mine -> applicable -> counted
    total = applicable = 0
    pairs: list[tuple[float, float]] = []
    for a in answers:
        if a.dimension_key != spec.key:
            continue
        total += 1
        if a.not_applicable:
            continue
        applicable += 1
        if a.level is not None:
            pairs.append((a.weight, float(a.level)))
    mean = weighted_mean(pairs)
    score = None if mean is None else _clamp(mean, scale.min_level, scale.max_level)
    gap = spec.target - score if spec.target is not None and score is not None else None
    return DimensionScore(
        key=spec.key,
        score=score,
        coverage=len(pairs) / applicable if applicable else 0.0,
        answered=len(pairs),
        applicable=applicable,
        total=total,
        target=spec.target,
        gap=gap,
        weight=spec.weight,
    )


def band_for(score: float, bands: Sequence[BandSpec]) -> BandSpec | None:
    """The band with the highest min_score not above ``score`` (None below every band)."""
    best: BandSpec | None = None
    for band in bands:
        if band.min_score <= score and (best is None or band.min_score > best.min_score):
            best = band
    return best


def _check(
    scale: Scale, dimensions: Sequence[DimensionSpec], answers: Sequence[QuestionAnswer]
) -> None:
    if not scale.levels:
        raise BadInput("the scale has no levels", code="scoring.no_levels")
    keys = {d.key for d in dimensions}
    for d in dimensions:
        if not d.weight > 0:
            raise BadInput(
                f"dimension {d.key}: weight must be greater than 0",
                code="scoring.dimension_weight",
                dimension=d.key,
            )
    lowest, highest = scale.min_level, scale.max_level
    for a in answers:
        if a.dimension_key not in keys:
            raise BadInput(
                f"question {a.question_key}: unknown dimension {a.dimension_key}",
                code="scoring.unknown_dimension",
                question=a.question_key,
                dimension=a.dimension_key,
            )
        if not a.weight > 0:
            raise BadInput(
                f"question {a.question_key}: weight must be greater than 0",
                code="scoring.question_weight",
                question=a.question_key,
            )
        if is_counted(a) and not lowest <= (a.level or 0) <= highest:
            raise BadInput(
                f"question {a.question_key}: level {a.level} is outside the scale "
                f"{scale.min_level}-{scale.max_level}",
                code="scoring.level_outside",
                question=a.question_key,
                level=a.level,
                low=scale.min_level,
                high=scale.max_level,
            )


def score_assessment(
    scale: Scale,
    dimensions: Sequence[DimensionSpec],
    answers: Sequence[QuestionAnswer],
    bands: Sequence[BandSpec] = (),
) -> ScoreResult:
    """Every dimension's score and the overall index. Pass every question, answered or not,
    so that coverage counts the unanswered ones."""
    _check(scale, dimensions, answers)
    # each dimension reads only its own answers: one pass to sort them, not one per dimension
    # (a portfolio scores thousands of assessments)
    grouped: dict[str, list[QuestionAnswer]] = {d.key: [] for d in dimensions}
    for a in answers:
        grouped[a.dimension_key].append(a)
    scores = tuple(score_dimension(scale, spec, grouped[spec.key]) for spec in dimensions)
    mean = weighted_mean([(d.weight, d.score) for d in scores if d.score is not None])
    overall = None if mean is None else _clamp(mean, scale.min_level, scale.max_level)
    percent: float | None = None
    if overall is not None and scale.max_level > scale.min_level:
        percent = (overall - scale.min_level) / (scale.max_level - scale.min_level) * 100
    band = band_for(overall, bands) if overall is not None else None
    return ScoreResult(dimensions=scores, overall=overall, overall_percent=percent, band=band)


class BulkScorer:
    """The dimension scores and overall index of many assessments on one checklist version, by
    :func:`score_assessment`'s formula and arithmetic (tests/domain/test_scoring.py holds the
    two to the same results): the structure is checked and grouped by dimension once, and each
    assessment is then only its row of levels. A portfolio scores thousands of assessments; per
    assessment this does a third of the work."""

    def __init__(
        self,
        scale: Scale,
        dimensions: Sequence[DimensionSpec],
        questions: Sequence[tuple[str, str, float]],
    ) -> None:
        """``questions``: (key, dimension key, weight) of every question, in the order of the
        rows of levels given to :meth:`score`."""
        _check(scale, dimensions, [QuestionAnswer(k, d, w, None) for k, d, w in questions])
        self._low, self._high = scale.min_level, scale.max_level
        self.keys = tuple(k for k, _, _ in questions)
        self._dimensions = [
            (
                spec.key,
                spec.weight,
                [(i, w) for i, (_, d, w) in enumerate(questions) if d == spec.key],
            )
            for spec in dimensions
        ]

    def score(self, levels: Sequence[int | None]) -> tuple[float | None, dict[str, float | None]]:
        """(overall index, dimension key -> score) of one assessment. ``levels``: one per
        question, None where it is N/A or unanswered."""
        low, high = self._low, self._high
        scores: dict[str, float | None] = {}
        weights: list[float] = []
        products: list[float] = []
        # weighted_mean's sums, taken as plain lists (fsum is exact, so the same numbers)
        for key, weight, members in self._dimensions:
            ws: list[float] = []
            wx: list[float] = []
            for i, w in members:
                level = levels[i]
                if level is not None:
                    if not low <= level <= high:
                        raise BadInput(
                            f"question {self.keys[i]}: level {level} is outside the scale "
                            f"{low}-{high}",
                            code="scoring.level_outside",
                            question=self.keys[i],
                            level=level,
                            low=low,
                            high=high,
                        )
                    ws.append(w)
                    wx.append(w * float(level))
            score = _clamp(math.fsum(wx) / math.fsum(ws), low, high) if ws else None
            scores[key] = score
            if score is not None:
                weights.append(weight)
                products.append(weight * score)
        overall = _clamp(math.fsum(products) / math.fsum(weights), low, high) if weights else None
        return overall, scores
