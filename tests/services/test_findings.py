from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assessor.domain.errors import ValidationError
from assessor.services.assessments import create_assessment
from assessor.services.findings import (
    create_finding,
    delete_finding,
    good_practices,
    list_findings,
    update_finding,
)
from assessor.store.db import Database
from assessor.store.digest import digest


@pytest.fixture
def assessment(db: Database, agency_id: str, small_checklist: Any) -> str:
    with db.transaction() as s:
        return create_assessment(
            s, agency_id, checklist_id=small_checklist.id, assessed_on=date(2025, 4, 2)
        )


def test_question_alone_ties_its_dimension(
    db: Database, assessment: str, small_checklist: Any
) -> None:
    d2 = small_checklist.dimensions[1]
    q = small_checklist.questions[d2][0]
    with db.transaction() as s:
        fid = create_finding(s, assessment, kind="weakness", title=" Saknar plan ", question_id=q)
    with db.read() as s:
        [row] = list_findings(s, assessment)
        assert (row.id, row.title, row.dimension_id, row.question_id) == (fid, "Saknar plan", d2, q)


@pytest.mark.parametrize(
    "kwargs, field",
    [
        ({"kind": "opinion"}, "kind"),
        ({"title": "  "}, "title"),
        ({"dimension_id": "nope"}, "dimension_id"),
        ({"question_id": "nope"}, "question_id"),
    ],
)
def test_bad_finding_changes_nothing(
    db: Database, assessment: str, kwargs: dict[str, Any], field: str
) -> None:
    fields: dict[str, Any] = {"kind": "strength", "title": "Bra"} | kwargs
    with db.read() as s:
        before = digest(s)
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        create_finding(s, assessment, **fields)
    assert err.value.field == field
    with db.read() as s:
        assert digest(s) == before


def test_question_in_another_dimension_is_refused(
    db: Database, assessment: str, small_checklist: Any
) -> None:
    d1, d2 = small_checklist.dimensions
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        create_finding(
            s,
            assessment,
            kind="risk",
            title="R",
            dimension_id=d1,
            question_id=small_checklist.questions[d2][0],
        )
    assert err.value.field == "dimension_id"


def test_update_moves_with_question_and_bad_update_changes_nothing(
    db: Database, assessment: str, small_checklist: Any
) -> None:
    d1, d2 = small_checklist.dimensions
    with db.transaction() as s:
        fid = create_finding(s, assessment, kind="risk", title="R", dimension_id=d1)
        assert update_finding(s, fid, question_id=small_checklist.questions[d2][1])
    with db.transaction() as s:
        [row] = list_findings(s, assessment)
        assert row.dimension_id == d2
        with pytest.raises(ValidationError):
            update_finding(s, fid, kind="nonsense", title="Nytt")
    with db.transaction() as s:
        [row] = list_findings(s, assessment)
        assert (row.kind, row.title) == ("risk", "R")
        delete_finding(s, fid)
    with db.read() as s:
        assert list_findings(s, assessment) == []


def test_list_orders_by_kind_and_good_practices_span_agencies(
    db: Database, assessment: str, small_checklist: Any
) -> None:
    d1 = small_checklist.dimensions[0]
    with db.transaction() as s:
        create_finding(s, assessment, kind="good_practice", title="Delad e-tjänst", dimension_id=d1)
        create_finding(s, assessment, kind="strength", title="Ledning")
    with db.read() as s:
        assert [r.kind for r in list_findings(s, assessment)] == ["strength", "good_practice"]
        [gp] = good_practices(s)
        assert (gp.agency_name, gp.title, gp.dimension_key) == (
            "Skatteverket",
            "Delad e-tjänst",
            "d1",
        )
        assert good_practices(s, "d2") == []
