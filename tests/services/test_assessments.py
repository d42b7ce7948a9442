from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select

from assessor.domain.errors import NotFound, ValidationError
from assessor.services.advisors import create_advisor
from assessor.services.agencies import create_agency
from assessor.services.assessments import (
    advisor_ids,
    create_assessment,
    delete_assessment,
    get_assessment,
    list_assessments,
    previous_assessment,
    set_advisors,
    set_target,
    targets,
    update_assessment,
)
from assessor.store.db import Database
from assessor.store.digest import digest
from assessor.store.models import Assessment, TargetLevel, derived_id


def _new(db: Database, agency_id: str, cl: Any, on: date = date(2025, 3, 1), **kw: Any) -> str:
    with db.transaction() as s:
        return create_assessment(s, agency_id, checklist_id=cl.id, assessed_on=on, **kw)


def test_create_with_advisors_and_targets(
    db: Database, agency_id: str, small_checklist: Any
) -> None:
    with db.transaction() as s:
        a1 = create_advisor(s, name="Anna Berg")
        a2 = create_advisor(s, name="Olle Ek")
    d1, d2 = small_checklist.dimensions
    aid = _new(
        db,
        agency_id,
        small_checklist,
        title=" Första ",
        advisor_ids=[a1, a2, a1],
        targets={d1: 3, d2: 2.5},
    )
    with db.read() as s:
        row = get_assessment(s, aid)
        assert (row.title, row.status, row.answered) == ("Första", "draft", 0)
        assert advisor_ids(s, aid) == sorted([a1, a2])
        assert targets(s, aid) == {d1: 3.0, d2: 2.5}
        assert s.get(TargetLevel, derived_id("target", aid, d1)) is not None


@pytest.mark.parametrize(
    "kwargs, field",
    [
        ({"status": "finished"}, "status"),
        ({"targets": {"not-a-dimension": 2}}, "dimension_id"),
        ({"targets": "HIGH"}, "level"),
    ],
)
def test_bad_create_changes_nothing(
    db: Database,
    agency_id: str,
    small_checklist: Any,
    kwargs: dict[str, Any],
    field: str,
) -> None:
    if kwargs.get("targets") == "HIGH":
        kwargs = {"targets": {small_checklist.dimensions[0]: 9}}
    with db.read() as s:
        before = digest(s)
    with pytest.raises(ValidationError) as err:
        _new(db, agency_id, small_checklist, **kwargs)
    assert err.value.field == field
    with db.read() as s:
        assert digest(s) == before


def test_unknown_checklist_or_agency_is_not_found(
    db: Database, agency_id: str, small_checklist: Any
) -> None:
    with db.transaction() as s, pytest.raises(NotFound):
        create_assessment(s, agency_id, checklist_id="nope", assessed_on=date(2025, 1, 1))
    with db.transaction() as s, pytest.raises(NotFound):
        create_assessment(s, "nope", checklist_id=small_checklist.id, assessed_on=date(2025, 1, 1))


def test_update_status_and_reject_unknown(
    db: Database, agency_id: str, small_checklist: Any
) -> None:
    aid = _new(db, agency_id, small_checklist)
    with db.transaction() as s:
        assert update_assessment(s, aid, status="in_review", summary="Bra läge")
        assert not update_assessment(s, aid, status="in_review")
    with pytest.raises(ValidationError), db.transaction() as s:
        update_assessment(s, aid, status="closed")
    with pytest.raises(ValidationError), db.transaction() as s:
        update_assessment(s, aid, owner="x")
    with db.read() as s:
        row = get_assessment(s, aid)
        assert (row.status, row.summary) == ("in_review", "Bra läge")


def test_set_advisors_replaces_the_set(db: Database, agency_id: str, small_checklist: Any) -> None:
    with db.transaction() as s:
        a, b, c = (create_advisor(s, name=n) for n in ("A A", "B B", "C C"))
    aid = _new(db, agency_id, small_checklist, advisor_ids=[a, b])
    with db.transaction() as s:
        set_advisors(s, aid, [b, c])
    with db.transaction() as s:
        assert advisor_ids(s, aid) == sorted([b, c])
        set_advisors(s, aid, [a])
    with db.read() as s:
        assert advisor_ids(s, aid) == [a]


def test_set_target_upserts_and_removes(db: Database, agency_id: str, small_checklist: Any) -> None:
    d1 = small_checklist.dimensions[0]
    aid = _new(db, agency_id, small_checklist)
    with db.transaction() as s:
        set_target(s, aid, d1, 2)
        set_target(s, aid, d1, 4)
    with db.transaction() as s:
        assert targets(s, aid) == {d1: 4.0}
        assert s.scalar(select(func.count()).select_from(TargetLevel)) == 1
        set_target(s, aid, d1, None)
    with db.transaction() as s:
        assert targets(s, aid) == {}
        set_target(s, aid, d1, 1)
    with db.read() as s:
        assert targets(s, aid) == {d1: 1.0}
    with pytest.raises(ValidationError), db.transaction() as s:
        set_target(s, aid, d1, 5)


def test_previous_assessment_is_same_agency_and_earlier(
    db: Database, agency_id: str, small_checklist: Any
) -> None:
    with db.transaction() as s:
        other = create_agency(s, name="Annan")
    first = _new(db, agency_id, small_checklist, on=date(2024, 1, 10))
    second = _new(db, agency_id, small_checklist, on=date(2025, 2, 1))
    third = _new(db, agency_id, small_checklist, on=date(2026, 2, 1))
    _new(db, other, small_checklist, on=date(2025, 6, 1))
    with db.transaction() as s:
        assert previous_assessment(s, first) is None
        assert previous_assessment(s, third) == second
        delete_assessment(s, second)
    with db.read() as s:
        assert previous_assessment(s, third) == first
        assert [r.id for r in list_assessments(s, agency_id)] == [third, first]
        assert s.get(Assessment, second) is not None  # soft delete keeps the row
