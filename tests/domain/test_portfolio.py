from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from assessor.domain.portfolio import (
    AgencyScores,
    GoodPractice,
    common_dimension_gaps,
    common_question_gaps,
    lending_suggestions,
)


def _a(agency_id: str, **dims: float | None) -> AgencyScores:
    return AgencyScores(agency_id, agency_id.upper(), "", f"as-{agency_id}", dims)


AGENCIES = [
    _a("a", security=1.0, data=3.5, skills=1.5),
    _a("b", security=1.5, data=1.0, skills=3.0),
    _a("c", security=3.5, data=1.5, skills=1.0),
    _a("d", security=0.5, data=None, skills=3.2),
    _a("e", security=3.0, data=3.0, skills=2.5),
]


def test_common_gaps_known_answer() -> None:
    gaps = common_dimension_gaps(AGENCIES, below=2.0, min_agencies=2)
    assert [(g.key, g.count) for g in gaps] == [("security", 3), ("skills", 2), ("data", 2)]
    security = gaps[0]
    assert security.low == (("d", 0.5), ("a", 1.0), ("b", 1.5))
    assert security.mean == (1.0 + 1.5 + 3.5 + 0.5 + 3.0) / 5
    # the agency with no score on data is neither low nor counted in its mean
    assert gaps[2].mean == (3.5 + 1.0 + 1.5 + 3.0) / 4


def test_min_agencies_filters_gaps() -> None:
    assert [g.key for g in common_dimension_gaps(AGENCIES, min_agencies=3)] == ["security"]
    assert common_dimension_gaps(AGENCIES, min_agencies=6) == []


def test_lenders_are_strong_agencies_with_practices_first() -> None:
    gaps = common_dimension_gaps(AGENCIES)
    practices = [
        GoodPractice("f1", "e", "security", "Gemensam säkerhetsklassning"),
        GoodPractice("f2", "b", "security", "Not a lender: b lacks security itself"),
    ]
    suggestions = lending_suggestions(gaps, AGENCIES, practices, strong_at=3.0)
    security = suggestions[0]
    assert security.borrowers == ("d", "a", "b")
    assert [(lender.agency_id, lender.score) for lender in security.lenders] == [
        ("e", 3.0),
        ("c", 3.5),
    ]
    assert [p.finding_id for p in security.lenders[0].practices] == ["f1"]
    skills = next(s for s in suggestions if s.gap.key == "skills")
    assert {lender.agency_id for lender in skills.lenders} == {"b", "d"}


def test_question_gaps() -> None:
    agencies = [
        AgencyScores("x", "X", "", "1", {}, {"q1": 0, "q2": 4}),
        AgencyScores("y", "Y", "", "2", {}, {"q1": 1, "q2": None}),
    ]
    assert [(g.key, g.count) for g in common_question_gaps(agencies)] == [("q1", 2)]


scores = st.none() | st.floats(min_value=0, max_value=4, allow_nan=False)


@given(st.lists(st.tuples(scores, scores), min_size=1, max_size=12), st.floats(0.5, 4))
def test_gap_members_are_exactly_the_agencies_below(
    rows: list[tuple[float | None, float | None]], below: float
) -> None:
    agencies = [_a(f"g{i}", d1=s1, d2=s2) for i, (s1, s2) in enumerate(rows)]
    gaps = {g.key: g for g in common_dimension_gaps(agencies, below=below, min_agencies=1)}
    for key in ("d1", "d2"):
        expected = {
            a.agency_id for a in agencies if (v := a.dimensions[key]) is not None and v < below
        }
        got = {agency for agency, _ in gaps[key].low} if key in gaps else set()
        assert got == expected


def test_a_weak_agency_with_a_practice_is_no_lender_and_a_practice_counts_once() -> None:
    agencies = [
        _a("low1", security=1.0),
        _a("low2", security=1.5),
        _a("mid", security=2.0),  # has a good practice, but is not strong
        _a("top", security=4.0),
        _a("good", security=3.2),
    ]
    practices = [
        GoodPractice("p1", "mid", "security", "Övning i incidenthantering"),
        GoodPractice("p2", "good", "security", "Övning i incidenthantering"),
        GoodPractice("p3", "good", "security", "övning  i incidenthantering"),  # next visit
    ]
    [security] = lending_suggestions(
        common_dimension_gaps(agencies, below=2.0, min_agencies=2),
        agencies,
        practices,
        strong_at=3.0,
    )
    assert [(lender.agency_id, lender.score) for lender in security.lenders] == [
        ("good", 3.2),
        ("top", 4.0),
    ]
    assert [p.finding_id for p in security.lenders[0].practices] == ["p2"]
