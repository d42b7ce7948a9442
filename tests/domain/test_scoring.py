from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from assessor.domain.errors import BadInput
from assessor.domain.scoring import (
    BandSpec,
    BulkScorer,
    DimensionSpec,
    QuestionAnswer,
    Scale,
    band_for,
    score_assessment,
)

SCALE = Scale((0, 1, 2, 3, 4))
DIMS = [DimensionSpec("a", 2.0, target=3.0), DimensionSpec("b", 1.0)]


def qa(key: str, dim: str, weight: float, level: int | None, na: bool = False) -> QuestionAnswer:
    return QuestionAnswer(key, dim, weight, level, na)


def test_a_worked_example() -> None:
    answers = [
        qa("a1", "a", 1.0, 1),
        qa("a2", "a", 3.0, 3),
        qa("a3", "a", 1.0, None),  # unanswered
        qa("a4", "a", 1.0, 0, na=True),  # N/A: its level does not count
        qa("b1", "b", 1.0, 4),
    ]
    bands = [BandSpec(0, {"en": "low"}), BandSpec(2.5, {"en": "high"})]
    result = score_assessment(SCALE, DIMS, answers, bands)
    a = result.dimension("a")
    assert a.score == pytest.approx((1 * 1 + 3 * 3) / 4)  # 2.5
    assert (a.answered, a.applicable, a.total) == (2, 3, 4)
    assert a.coverage == pytest.approx(2 / 3)
    assert a.gap == pytest.approx(0.5)
    b = result.dimension("b")
    assert b.score == 4 and b.gap is None and b.target is None
    assert result.overall == pytest.approx((2 * 2.5 + 1 * 4) / 3)  # 3.0
    assert result.overall_percent == pytest.approx(75.0)
    assert result.band == bands[1]


def test_a_dimension_without_answers_has_no_score_and_is_left_out_of_the_overall() -> None:
    result = score_assessment(SCALE, DIMS, [qa("a1", "a", 1, 2), qa("b1", "b", 1, None)])
    assert result.dimension("b").score is None
    assert result.dimension("b").coverage == 0
    assert result.overall == 2


def test_nothing_answered_gives_no_overall_and_no_band() -> None:
    result = score_assessment(SCALE, DIMS, [], [BandSpec(0, {"en": "x"})])
    assert result.overall is None and result.overall_percent is None and result.band is None


def test_all_not_applicable_means_zero_applicable_and_coverage_zero() -> None:
    result = score_assessment(SCALE, DIMS, [qa("a1", "a", 1, None, na=True)])
    a = result.dimension("a")
    assert (a.score, a.applicable, a.total, a.coverage) == (None, 0, 1, 0.0)


def test_band_for_picks_the_highest_band_reached() -> None:
    bands = [BandSpec(2, {"en": "mid"}), BandSpec(0, {"en": "low"}), BandSpec(3.5, {"en": "top"})]
    assert band_for(0, bands) == bands[1]
    assert band_for(1.99, bands) == bands[1]
    assert band_for(2, bands) == bands[0]
    assert band_for(4, bands) == bands[2]
    assert band_for(-1, bands) is None
    assert band_for(1, []) is None


def test_bad_input_is_refused_in_words() -> None:
    with pytest.raises(BadInput, match="outside the scale"):
        score_assessment(SCALE, DIMS, [qa("a1", "a", 1, 5)])
    with pytest.raises(BadInput, match="unknown dimension"):
        score_assessment(SCALE, DIMS, [qa("x1", "x", 1, 1)])
    with pytest.raises(BadInput, match="weight"):
        score_assessment(SCALE, DIMS, [qa("a1", "a", 0, 1)])


# --- properties -----------------------------------------------------------------------------

weights = st.floats(min_value=0.01, max_value=100, allow_nan=False, allow_infinity=False)


@st.composite
def assessments(draw: st.DrawFn) -> tuple[Scale, list[DimensionSpec], list[QuestionAnswer]]:
    low = draw(st.integers(-3, 3))
    high = low + draw(st.integers(1, 6))
    scale = Scale(tuple(range(low, high + 1)))
    n_dims = draw(st.integers(1, 4))
    dims = [
        DimensionSpec(f"d{i}", draw(weights), draw(st.none() | st.floats(low, high)))
        for i in range(n_dims)
    ]
    answers = []
    for i in range(draw(st.integers(0, 15))):
        dim = draw(st.sampled_from(dims)).key
        na = draw(st.booleans())
        level = draw(st.none() | st.integers(low, high))
        answers.append(QuestionAnswer(f"q{i}", dim, draw(weights), level, na))
    return scale, dims, answers


@settings(max_examples=300)
@given(assessments())
def test_scores_stay_within_the_scale(
    case: tuple[Scale, list[DimensionSpec], list[QuestionAnswer]],
) -> None:
    scale, dims, answers = case
    result = score_assessment(scale, dims, answers)
    for d in result.dimensions:
        assert d.score is None or scale.min_level <= d.score <= scale.max_level
        assert 0 <= d.coverage <= 1
        assert d.answered <= d.applicable <= d.total
    if result.overall is not None:
        assert scale.min_level <= result.overall <= scale.max_level
        assert result.overall_percent is not None
        assert 0 <= result.overall_percent <= 100


@settings(max_examples=300)
@given(assessments(), st.data())
def test_not_applicable_never_changes_a_score(
    case: tuple[Scale, list[DimensionSpec], list[QuestionAnswer]], data: st.DataObject
) -> None:
    scale, dims, answers = case
    before = score_assessment(scale, dims, answers)
    # marking an unanswered question N/A, or adding N/A questions with any level and weight
    extra = QuestionAnswer(
        "na",
        data.draw(st.sampled_from(dims)).key,
        data.draw(weights),
        data.draw(st.none() | st.integers(scale.min_level, scale.max_level)),
        True,
    )
    changed = [replace(a, not_applicable=True) if a.level is None else a for a in answers]
    for variant in ([*answers, extra], changed):
        after = score_assessment(scale, dims, variant)
        assert [d.score for d in after.dimensions] == [d.score for d in before.dimensions]
        assert after.overall == before.overall


@settings(max_examples=300)
@given(assessments(), st.data())
def test_raising_one_answer_never_lowers_its_dimension_score(
    case: tuple[Scale, list[DimensionSpec], list[QuestionAnswer]], data: st.DataObject
) -> None:
    scale, dims, answers = case
    counted = [i for i, a in enumerate(answers) if a.level is not None and not a.not_applicable]
    assume(counted)
    i = data.draw(st.sampled_from(counted))
    old = answers[i]
    assert old.level is not None
    assume(old.level < scale.max_level)
    raised = list(answers)
    raised[i] = replace(old, level=data.draw(st.integers(old.level + 1, scale.max_level)))
    before = score_assessment(scale, dims, answers).dimension(old.dimension_key).score
    after = score_assessment(scale, dims, raised).dimension(old.dimension_key).score
    assert before is not None and after is not None
    assert after >= before - 1e-9


@settings(max_examples=300)
@given(assessments(), st.floats(min_value=0.01, max_value=1000))
def test_multiplying_every_weight_by_a_constant_changes_nothing(
    case: tuple[Scale, list[DimensionSpec], list[QuestionAnswer]], factor: float
) -> None:
    scale, dims, answers = case
    before = score_assessment(scale, dims, answers)
    after = score_assessment(
        scale,
        [replace(d, weight=d.weight * factor) for d in dims],
        [replace(a, weight=a.weight * factor) for a in answers],
    )
    for b, a in zip(before.dimensions, after.dimensions, strict=True):
        assert (b.score is None) == (a.score is None)
        if b.score is not None:
            assert a.score == pytest.approx(b.score, rel=1e-9, abs=1e-9)
        assert (a.coverage, a.answered, a.applicable) == (b.coverage, b.answered, b.applicable)
    if before.overall is None:
        assert after.overall is None
    else:
        assert after.overall == pytest.approx(before.overall, rel=1e-9, abs=1e-9)


@settings(max_examples=300)
@given(assessments())
def test_the_bulk_scorer_gives_exactly_what_score_assessment_gives(
    case: tuple[Scale, list[DimensionSpec], list[QuestionAnswer]],
) -> None:
    scale, dims, answers = case
    result = score_assessment(scale, dims, answers)
    scorer = BulkScorer(scale, dims, [(a.question_key, a.dimension_key, a.weight) for a in answers])
    overall, scores = scorer.score([None if a.not_applicable else a.level for a in answers])
    assert overall == result.overall  # the same arithmetic: equal, not merely close
    assert scores == {d.key: d.score for d in result.dimensions}


def test_the_bulk_scorer_refuses_what_score_assessment_refuses() -> None:
    with pytest.raises(BadInput, match="unknown dimension"):
        BulkScorer(SCALE, DIMS, [("x1", "x", 1.0)])
    with pytest.raises(BadInput, match="weight"):
        BulkScorer(SCALE, DIMS, [("a1", "a", 0.0)])
    with pytest.raises(BadInput, match="a1: level 5 is outside the scale 0-4"):
        BulkScorer(SCALE, DIMS, [("a1", "a", 1.0)]).score([5])
