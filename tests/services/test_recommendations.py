from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assessor.domain.errors import NotFound, ValidationError
from assessor.services.agencies import create_agency, delete_agency
from assessor.services.assessments import create_assessment
from assessor.services.findings import create_finding
from assessor.services.recommendations import (
    carry_forward,
    create_recommendation,
    delete_recommendation,
    get_recommendation,
    link_dimension,
    link_finding,
    list_recommendations,
    previous_recommendations,
    unlink_dimension,
    unlink_finding,
    update_recommendation,
)
from assessor.services.templates import (
    create_recommendation_from_template,
    create_template,
    save_as_template,
    search_templates,
    suggest_templates,
)
from assessor.store.db import Database
from assessor.store.digest import digest
from assessor.store.models import RecommendationDimension, derived_id


def _assessment(db: Database, agency_id: str, cl: Any, on: date = date(2025, 4, 2)) -> str:
    with db.transaction() as s:
        return create_assessment(s, agency_id, checklist_id=cl.id, assessed_on=on)


@pytest.fixture
def assessment(db: Database, agency_id: str, small_checklist: Any) -> str:
    return _assessment(db, agency_id, small_checklist)


def test_create_with_links_and_list_by_priority(
    db: Database, assessment: str, small_checklist: Any
) -> None:
    d1, d2 = small_checklist.dimensions
    with db.transaction() as s:
        fid = create_finding(s, assessment, kind="weakness", title="Ingen plan")
        low = create_recommendation(s, assessment, title="Senare", priority="low")
        high = create_recommendation(
            s,
            assessment,
            title="Nu",
            priority="high",
            horizon="short",
            dimension_ids=[d1, d1, d2],
            finding_ids=[fid],
        )
    with db.read() as s:
        rows = list_recommendations(s, assessment)
        assert [r.id for r in rows] == [high, low]
        assert rows[0].dimension_ids == tuple(sorted([d1, d2]))
        assert rows[0].finding_ids == (fid,)
        assert s.get(RecommendationDimension, derived_id("recommendation_dimension", high, d1))


@pytest.mark.parametrize(
    "kwargs, field",
    [
        ({"priority": "urgent"}, "priority"),
        ({"horizon": "forever"}, "horizon"),
        ({"status": "maybe"}, "status"),
        ({"title": ""}, "title"),
        ({"dimension_ids": ["nope"]}, "dimension_id"),
    ],
)
def test_bad_recommendation_changes_nothing(
    db: Database, assessment: str, kwargs: dict[str, Any], field: str
) -> None:
    fields: dict[str, Any] = {"title": "Gör något"} | kwargs
    with db.read() as s:
        before = digest(s)
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        create_recommendation(s, assessment, **fields)
    assert err.value.field == field
    with db.read() as s:
        assert digest(s) == before


def test_update_links_unlinks_and_deletes(
    db: Database, agency_id: str, assessment: str, small_checklist: Any
) -> None:
    d1 = small_checklist.dimensions[0]
    other = _assessment(db, agency_id, small_checklist, date(2024, 1, 1))
    with db.transaction() as s:
        rid = create_recommendation(s, assessment, title="R")
        fid = create_finding(s, assessment, kind="risk", title="F")
        foreign = create_finding(s, other, kind="risk", title="Annan")
        assert update_recommendation(s, rid, status="agreed", agency_response="Vi gör det")
        link_dimension(s, rid, d1)
        link_dimension(s, rid, d1)
        link_finding(s, rid, fid)
        with pytest.raises(ValidationError):
            link_finding(s, rid, foreign)
        with pytest.raises(ValidationError):
            update_recommendation(s, rid, status="closed")
    with db.transaction() as s:
        row = get_recommendation(s, rid)
        assert (row.status, row.agency_response) == ("agreed", "Vi gör det")
        assert (row.dimension_ids, row.finding_ids) == ((d1,), (fid,))
        unlink_dimension(s, rid, d1)
        unlink_finding(s, rid, fid)
    with db.transaction() as s:
        row = get_recommendation(s, rid)
        assert (row.dimension_ids, row.finding_ids) == ((), ())
        link_dimension(s, rid, d1)  # restoring a removed link
        delete_recommendation(s, rid)
    with db.read() as s:
        assert list_recommendations(s, assessment) == []
        with pytest.raises(NotFound):
            get_recommendation(s, rid)


def test_template_usage_counts_and_agencies(
    db: Database, agency_id: str, assessment: str, small_checklist: Any
) -> None:
    d1 = small_checklist.dimensions[0]
    with db.transaction() as s:
        other_agency = create_agency(s, name="Bolagsverket")
        gone_agency = create_agency(s, name="Nedlagd")
    other = _assessment(db, other_agency, small_checklist)
    gone = _assessment(db, gone_agency, small_checklist)
    with db.transaction() as s:
        tid = create_template(
            s,
            title="Inför en gemensam arkitektur",
            dimension_key="d1",
            tags=" Arkitektur, samverkan,arkitektur",
            text="Återanvänd",
        )
        unused = create_template(s, title="Mät nyttor", dimension_key="d2", tags="nytta")
        r1 = create_recommendation_from_template(s, assessment, tid)
        create_recommendation_from_template(s, assessment, tid)
        create_recommendation_from_template(s, other, tid)
        create_recommendation_from_template(s, gone, tid)
        delete_agency(s, gone_agency)
    with db.transaction() as s:
        row = get_recommendation(s, r1)
        assert (row.title, row.text, row.template_id, row.dimension_ids) == (
            "Inför en gemensam arkitektur",
            "Återanvänd",
            tid,
            (d1,),
        )
        [t, u] = search_templates(s)
        assert (t.id, t.usage, t.agencies, t.tags) == (
            tid,
            3,
            ("Bolagsverket", "Skatteverket"),
            ("arkitektur", "samverkan"),
        )
        assert (u.id, u.usage, u.agencies) == (unused, 0, ())
        delete_recommendation(s, r1)
    with db.read() as s:
        assert search_templates(s)[0].usage == 2
        assert [t.id for t in search_templates(s, text="ÅTERANVÄND")] == [tid]
        assert [t.id for t in search_templates(s, tag="Nytta")] == [unused]
        assert [t.id for t in search_templates(s, dimension_key="d2")] == [unused]
        assert search_templates(s, text="arkitektur mät") == []
        assert [t.id for t in suggest_templates(s, d1)] == [tid]


def test_save_as_template_counts_the_origin(
    db: Database, assessment: str, small_checklist: Any
) -> None:
    d2 = small_checklist.dimensions[1]
    with db.transaction() as s:
        rid = create_recommendation(
            s, assessment, title="Samordna inköp", text="Gör så", dimension_ids=[d2]
        )
        tid = save_as_template(s, rid, ["inköp"])
    with db.read() as s:
        [t] = search_templates(s)
        assert (t.id, t.title, t.dimension_key, t.tags, t.usage) == (
            tid,
            "Samordna inköp",
            "d2",
            ("inköp",),
            1,
        )
        assert get_recommendation(s, rid).template_id == tid


def test_previous_recommendations_and_carry_forward(
    db: Database, agency_id: str, small_checklist: Any
) -> None:
    d1 = small_checklist.dimensions[0]
    first = _assessment(db, agency_id, small_checklist, date(2024, 5, 1))
    second = _assessment(db, agency_id, small_checklist, date(2025, 5, 1))
    with db.transaction() as s:
        old = create_recommendation(
            s, first, title="Inför e-arkiv", status="in_progress", dimension_ids=[d1]
        )
        assert previous_recommendations(s, first) == []
        [prev] = previous_recommendations(s, second)
        assert (prev.id, prev.status) == (old, "in_progress")
        new = carry_forward(s, second, old)
    with db.read() as s:
        row = get_recommendation(s, new)
        assert (row.assessment_id, row.previous_id, row.title, row.dimension_ids) == (
            second,
            old,
            "Inför e-arkiv",
            (d1,),
        )
