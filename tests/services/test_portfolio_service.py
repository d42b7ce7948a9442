from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from portfolio_sample import HOSTILE, KEY, Sample, build_sample
from sqlalchemy import event

from assessor.domain.errors import BadInput, NotFound
from assessor.services.agencies import create_agency
from assessor.services.answers import set_answer
from assessor.services.assessments import create_assessment, delete_assessment
from assessor.services.portfolio import (
    PortfolioFilter,
    build_portfolio_report,
    checklist_keys,
    load_details,
    load_portfolio,
    load_trends,
    report_data,
    suggested_contacts,
    with_details,
    with_trends,
)
from assessor.store.db import Database


@pytest.fixture
def sample(db: Database) -> Sample:
    return build_sample(db)


def load(db: Database, **flt: Any) -> Any:
    with db.read() as s:
        return load_portfolio(s, PortfolioFilter(checklist_key=KEY, **flt))


def test_latest_scores_per_live_agency(db: Database, sample: Sample) -> None:
    p = load(db)
    # Å sorts after Z, as in Swedish
    assert [a.name for a in p.agencies] == [
        "Bolagsverket",
        "Centrala studiestödsnämnden",
        "Åklagarmyndigheten",
    ]
    rows = {a.agency_id: a for a in p.agencies}
    assert sample.d not in rows  # deleted agency left out
    a, b, c = rows[sample.a], rows[sample.b], rows[sample.c]
    assert a.assessment_id == sample.a_new and a.assessed_on == date(2024, 2, 1)
    assert a.dimensions["d1"] == pytest.approx(4 / 3)
    assert a.dimensions["d2"] == pytest.approx(3.0)
    assert a.overall == pytest.approx((4 / 3 + 3) / 2)
    assert b.dimensions == pytest.approx({"d1": 0.5, "d2": 1.0})
    assert b.questions["q1.3"] is None and b.questions["q1.2"] == 1
    assert b.questions["q2.2"] is None  # unanswered
    assert c.dimensions["d1"] == pytest.approx(11 / 3)
    assert [d.key for d in p.dimensions] == ["d1", "d2"]
    assert p.dimension_title("d1", "sv") == "Samverkan och återanvändning"
    assert p.levels == (0, 1, 2, 3, 4)
    assert "Utbildningsdepartementet" in p.ministries


def test_trend_is_every_assessment_oldest_first(db: Database, sample: Sample) -> None:
    a = load(db).agency(sample.a)
    assert [t.assessment_id for t in a.trend] == [sample.a_old, sample.a_new]
    assert [t.overall for t in a.trend] == pytest.approx([1.5, (4 / 3 + 3) / 2])


def test_quick_portfolio_completed_later_is_the_full_one(db: Database, sample: Sample) -> None:
    flt = PortfolioFilter(checklist_key=KEY)
    with db.read() as s:
        quick = load_portfolio(s, flt, quick=True)
        trends = load_trends(s, flt)
        details = load_details(s, flt)
    assert [t.assessment_id for t in quick.agency(sample.a).trend] == [sample.a_new]
    assert quick.recommendations == {}
    full = load(db)
    assert with_trends(quick, trends).agency(sample.a).trend == full.agency(sample.a).trend
    assert with_details(quick, details) == full


def test_details_reuse_the_quick_scores_and_come_out_the_same(db: Database, sample: Sample) -> None:
    flt = PortfolioFilter(checklist_key=KEY)
    with db.read() as s:
        quick = load_portfolio(s, flt, quick=True)
        known = {r.assessment_id: r.overall for r in quick.agencies}
        assert sample.a_new in known
        reused = load_details(s, flt, known)
        fresh = load_details(s, flt)
        # a wrong "known" value shows through: the latest assessment is not scored again
        marked = load_details(s, flt, {sample.a_new: 9.0})
    assert reused == fresh
    assert [t.overall for t in marked.trends[sample.a]][-1] == 9.0


def test_filters(db: Database, sample: Sample) -> None:
    assert [a.agency_id for a in load(db, ministry="Justitiedepartementet").agencies] == [sample.a]
    old = load(db, assessed_to=date(2023, 12, 31))
    assert [(a.agency_id, a.assessment_id) for a in old.agencies] == [(sample.a, sample.a_old)]
    assert old.agencies[0].dimensions == pytest.approx({"d1": 1.0, "d2": 2.0})
    assert {a.agency_id for a in load(db, status="draft").agencies} == {sample.b}
    recent = load(db, assessed_from=date(2024, 2, 1))
    assert {a.agency_id for a in recent.agencies} == {sample.a, sample.b}


def test_bad_filter_is_bad_input(db: Database, sample: Sample) -> None:
    with pytest.raises(BadInput):
        load(db, status="finished")
    with pytest.raises(BadInput):
        load(db, assessed_from=date(2024, 2, 1), assessed_to=date(2024, 1, 1))
    with db.read() as s:
        assert KEY in checklist_keys(s)
        with pytest.raises(NotFound):
            load_portfolio(s, PortfolioFilter(checklist_key="nope"))


def test_common_gaps_lenders_and_borrowers(db: Database, sample: Sample) -> None:
    views = load(db).gap_views("en")
    assert [v.key for v in views] == ["d2", "d1"]  # same count; d2 has the lower mean
    d2, d1 = views
    assert d2.title == "Security"
    # a tie is broken by id, so the order does not depend on the order of loading
    assert [(r.agency_id, score) for r, score in d2.borrowers] == sorted(
        [(sample.b, 1.0), (sample.c, 1.0)]
    )
    assert [(r.agency_id, score, practices) for r, score, practices in d2.lenders] == [
        (sample.a, 3.0, ())
    ]
    assert d2.mean == pytest.approx(5 / 3)
    assert [r.agency_id for r, _ in d1.borrowers] == [sample.b, sample.a]  # lowest first
    [(lender, score, practices)] = d1.lenders
    assert lender.agency_id == sample.c and score == pytest.approx(11 / 3)
    assert [p.title for p in practices] == [HOSTILE]
    assert practices[0].finding_id == sample.practice
    assert practices[0].cited == 1  # Bolagsverket's recommendation points to it


def test_question_gaps(db: Database, sample: Sample) -> None:
    gaps = {g.key: g for g in load(db).question_gaps()}
    # q2.1: Å 3, B 1, C 1 -> B and C; q1.1: Å 1, B 0, C 4 -> Å and B
    assert [a for a, _ in gaps["q2.1"].low] == sorted([sample.b, sample.c])
    assert [a for a, _ in gaps["q1.1"].low] == [sample.b, sample.a]
    assert "q2.2" not in gaps  # only C answered it low: B left it unanswered


def test_recommendations_grouped_with_library_reuse(db: Database, sample: Sample) -> None:
    recs = load(db).recommendations
    top, own = recs["d1"]
    # the template's two uses and a hand-written one with the same title (any case, spacing)
    assert top.title == "Återanvänd plattform" and top.template_id == sample.template
    assert top.count == 3
    assert top.agencies == ("Bolagsverket", "Centrala studiestödsnämnden", "Åklagarmyndigheten")
    assert top.library_uses == 2  # the deleted agency's use is not counted
    assert (own.title, own.count, own.template_id, own.library_uses) == (
        "Egen rekommendation",
        1,
        None,
        0,
    )
    assert [r.title for r in recs["d2"]] == ["Inför loggning"]


def test_only_agencies_shown_count_in_recommendations(db: Database, sample: Sample) -> None:
    recs = load(db, ministry="Näringsdepartementet").recommendations
    assert [(r.title, r.count, r.agencies) for r in recs["d1"]] == [
        ("Återanvänd plattform", 1, ("Bolagsverket",))
    ]


def test_deleted_assessment_falls_back_to_the_previous(db: Database, sample: Sample) -> None:
    with db.transaction() as s:
        delete_assessment(s, sample.a_new)
    a = load(db).agency(sample.a)
    assert a.assessment_id == sample.a_old
    assert [t.assessment_id for t in a.trend] == [sample.a_old]


def _count_queries(db: Database, **flt: Any) -> int:
    seen: list[str] = []

    def count(*_args: Any) -> None:
        seen.append("q")

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        load(db, **flt)
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    return len(seen)


def test_queries_do_not_grow_with_agencies(db: Database, sample: Sample) -> None:
    before = _count_queries(db)
    with db.transaction() as s:
        for n in range(12):
            agency = create_agency(s, name=f"Myndighet {n}")
            aid = create_assessment(
                s, agency, checklist_id=sample.checklist_id, assessed_on=date(2024, 5, 1 + n)
            )
            set_answer(s, aid, sample.questions["q1.1"], level=n % 5)
    assert _count_queries(db) == before
    assert len(load(db).agencies) == 15


def test_suggested_contacts_give_every_borrower_one_lender(db: Database, sample: Sample) -> None:
    d2, d1 = load(db).gap_views("sv")
    [(lender, practice, borrowers)] = suggested_contacts(d1)
    assert (lender.agency_id, practice.finding_id) == (sample.c, sample.practice)
    assert [b.agency_id for b in borrowers] == [sample.b, sample.a]
    assert suggested_contacts(d2) == []  # Å is strong there but has no good practice to lend


def test_report_data_and_pdf(db: Database, sample: Sample) -> None:
    import io

    from pypdf import PdfReader

    p = load(db, ministry="")
    data = report_data(p, "sv", created_on=date(2025, 6, 1))
    assert data.dimensions == ("Samverkan och återanvändning", "Säkerhet")
    a = next(r for r in data.rows if r.name == "Åklagarmyndigheten")
    assert a.scores == pytest.approx((4 / 3, 3.0))
    assert a.change == pytest.approx((4 / 3 + 3) / 2 - 1.5)
    d1 = data.gaps[1]
    assert d1.contacts[0].practice == HOSTILE
    assert [(r.title, r.given, r.library_uses) for r in d1.recommendations] == [
        ("Återanvänd plattform", 3, 2),
        ("Egen rekommendation", 1, None),
    ]
    with db.read() as s:
        pdf = build_portfolio_report(s, PortfolioFilter(checklist_key=KEY), "en")
    text = " ".join(
        " ".join((pg.extract_text() or "").split()) for pg in PdfReader(io.BytesIO(pdf)).pages
    )
    assert "Common gaps" in text and "Åklagarmyndigheten" in text
    assert " ".join(HOSTILE.split()) in text
    with db.read() as s, pytest.raises(BadInput):
        build_portfolio_report(s, PortfolioFilter(checklist_key=KEY), "de")


def test_scope_lines_name_the_filters(db: Database, sample: Sample) -> None:
    p = load(
        db, ministry="Justitiedepartementet", assessed_from=date(2023, 1, 1), status="delivered"
    )
    assert report_data(p, "en").scope == (
        "Ministry: Justitiedepartementet",
        "Assessed 2023-01-01 – …",
        "Status: Delivered",  # capitalised as the agency report's "Status: Proposed"
    )
    assert report_data(p, "sv").scope[-1] == "Status: Levererad"


def test_bulk_scores_equal_the_one_assessment_service(db: Database) -> None:
    """Scored in bulk or one at a time by services.scores, every number is the same."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from assessor.services.checklists import list_checklists, load_checklist, question_row_id
    from assessor.services.scores import assessment_scores

    with db.read() as s:
        checklist = next(c for c in list_checklists(s) if c.key == "digital-maturity")
        doc = load_checklist(s, checklist.id)
    questions = [q.id for _, q in doc.questions()]
    answer = st.one_of(st.none(), st.just("na"), st.integers(doc.min_level, doc.max_level))

    @settings(
        max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(st.lists(answer, min_size=len(questions), max_size=len(questions)))
    def check(levels: list[Any]) -> None:
        with db.transaction() as s:
            agency = create_agency(s, name="Myndigheten för prov")
            aid = create_assessment(
                s, agency, checklist_id=checklist.id, assessed_on=date(2025, 1, 1)
            )
            for key, level in zip(questions, levels, strict=True):
                if level == "na":
                    set_answer(s, aid, question_row_id(checklist.id, key), not_applicable=True)
                elif level is not None:
                    set_answer(s, aid, question_row_id(checklist.id, key), level=level)
        with db.read() as s:
            row = load_portfolio(s).agency(agency)
            one = assessment_scores(s, aid)
        assert row.overall == one.overall
        assert row.dimensions == {d.key: d.score for d in one.dimensions}
        assert row.questions == {
            k: (None if v in (None, "na") else v) for k, v in zip(questions, levels, strict=True)
        }

    check()


def test_question_gap_views_lend_within_the_question(db: Database, sample: Sample) -> None:
    views = {v.key: v for v in load(db).question_gap_views("sv")}
    q11 = views["q1.1"]
    assert q11.title == "Fråga q1.1" and q11.is_question
    assert (q11.dimension_key, q11.dimension_title) == ("d1", "Samverkan och återanvändning")
    assert [r.agency_id for r, _ in q11.borrowers] == [sample.b, sample.a]
    [(lender, score, practices)] = q11.lenders
    assert (lender.agency_id, score) == (sample.c, 4.0)
    assert [p.finding_id for p in practices] == [sample.practice]
    assert q11.recommendations[0].title == "Återanvänd plattform"
    q21 = views["q2.1"]
    assert [(r.agency_id, s, p) for r, s, p in q21.lenders] == [(sample.a, 3.0, ())]
    assert not load(db).gap_views("sv")[0].is_question


def test_data_stamp_changes_with_an_edit(db: Database, sample: Sample) -> None:
    from assessor.services.agencies import update_agency
    from assessor.services.portfolio import data_stamp

    with db.read() as s:
        before = data_stamp(s)
        assert data_stamp(s) == before
    with db.transaction() as s:
        update_agency(s, sample.b, ministry="Finansdepartementet")
    with db.read() as s:
        assert data_stamp(s) != before


def test_report_never_carries_meeting_notes(db: Database, sample: Sample) -> None:
    import io
    from datetime import datetime

    from pypdf import PdfReader

    from assessor.services.answers import add_meeting_note
    from assessor.services.meetings import create_meeting

    with db.transaction() as s:
        meeting = create_meeting(
            s,
            sample.c,
            starts_at=datetime(2024, 1, 15, 9),
            notes="SEKRETESS-4711 om plattformen",
            confidential=True,
            assessment_id=sample.c_only,
        )
        add_meeting_note(
            s, meeting, text="ANTECKNING-0815 om loggning", written_at=datetime(2024, 1, 15, 9, 30)
        )
    with db.read() as s:
        pdf = build_portfolio_report(s, PortfolioFilter(checklist_key=KEY), "sv")
    text = " ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Centrala studiestödsnämnden" in text
    assert "SEKRETESS-4711" not in text and "ANTECKNING-0815" not in text
