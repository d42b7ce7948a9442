"""A delivered assessment is what its report said: changing it needs reopening first."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from assessor.domain.errors import AssessmentDelivered
from assessor.services import answers, assessments, findings, meetings
from assessor.store.db import Database


@pytest.fixture
def delivered(db: Database, small_checklist: Any, agency_id: str) -> str:
    q = small_checklist.all_questions[0]
    with db.transaction() as s:
        aid = assessments.create_assessment(
            s, agency_id, checklist_id=small_checklist.id, assessed_on=date(2026, 3, 1),
            title="Våren 2026", targets={small_checklist.dimensions[0]: 3.0},
        )
        answers.set_answer(s, aid, q, level=2, comment="Strategi finns")
        findings.create_finding(s, aid, kind="weakness", title="Ingen portfölj")
        assessments.update_assessment(s, aid, status="delivered")
    return aid


def _digest(db: Database) -> str:
    from assessor.store.digest import digest

    with db.read() as s:
        return digest(s)


def test_every_change_to_a_delivered_assessment_is_refused_and_changes_nothing(
    db: Database, small_checklist: Any, delivered: str, agency_id: str
) -> None:
    q = small_checklist.all_questions[0]
    dim = small_checklist.dimensions[0]
    with db.transaction() as s:
        meeting_id = meetings.create_meeting(s, agency_id, starts_at=datetime(2026, 2, 1, 9))
        finding_id = findings.list_findings(s, delivered)[0].id
    before = _digest(db)
    attempts = [
        lambda s: answers.set_answer(s, delivered, q, level=4),
        lambda s: answers.set_answer(s, delivered, q, not_applicable=True),
        lambda s: answers.set_answer(s, delivered, q, comment="Ändrad"),
        lambda s: answers.set_answer(s, delivered, small_checklist.all_questions[1], level=1),
        lambda s: assessments.set_target(s, delivered, dim, 4.0),
        lambda s: assessments.set_target(s, delivered, dim, None),
        lambda s: assessments.update_assessment(s, delivered, summary="Ny sammanfattning"),
        lambda s: assessments.update_assessment(s, delivered, assessed_on=date(2026, 4, 1)),
        lambda s: findings.create_finding(s, delivered, kind="strength", title="Bra"),
        lambda s: findings.update_finding(s, finding_id, title="Annan"),
        lambda s: findings.delete_finding(s, finding_id),
        lambda s: answers.add_evidence(s, delivered, q, meeting_id),
    ]
    for attempt in attempts:
        with pytest.raises(AssessmentDelivered, match="reopen"), db.transaction() as s:
            attempt(s)
    assert _digest(db) == before
    assert AssessmentDelivered.exit_code == 2


def test_the_same_value_again_is_not_a_change_and_is_allowed(
    db: Database, small_checklist: Any, delivered: str
) -> None:
    q = small_checklist.all_questions[0]
    with db.transaction() as s:
        assert not answers.set_answer(s, delivered, q, level=2)
        assessments.set_target(s, delivered, small_checklist.dimensions[0], 3.0)
        assert not assessments.update_assessment(s, delivered, title="Våren 2026")


def test_reopening_allows_the_change_and_delivering_again_freezes_it(
    db: Database, small_checklist: Any, delivered: str
) -> None:
    q = small_checklist.all_questions[0]
    with db.transaction() as s:
        assessments.update_assessment(s, delivered, status="in_review")
        assert answers.set_answer(s, delivered, q, level=4)
        # delivering again and changing the summary in one step is allowed: it is the delivery
        assessments.update_assessment(s, delivered, status="delivered", summary="Klar")
    with db.read() as s:
        assert answers.get_answers(s, delivered)[q].level == 4
        assert assessments.get_assessment(s, delivered).summary == "Klar"
    with pytest.raises(AssessmentDelivered), db.transaction() as s:
        answers.set_answer(s, delivered, q, level=1)
