"""What the report covers: meetings up to its date, and which earlier recommendations it
takes up again."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from assessor.services.agencies import create_agency
from assessor.services.assessments import create_assessment
from assessor.services.meetings import create_meeting
from assessor.services.recommendations import carry_forward, create_recommendation
from assessor.services.report_data import report_data
from assessor.services.templates import create_template
from assessor.store.db import Database
from assessor.store.models import Checklist


def _two_visits(db: Database) -> tuple[str, str, str]:
    with db.transaction() as s:
        checklist = s.scalars(select(Checklist)).first()
        assert checklist is not None
        agency = create_agency(s, name="Kammarkollegiet")
        first = create_assessment(
            s,
            agency,
            checklist_id=checklist.id,
            assessed_on=date(2025, 2, 1),
            title="Första besöket",
        )
        second = create_assessment(
            s, agency, checklist_id=checklist.id, assessed_on=date(2026, 2, 1), title="Uppföljning"
        )
    return agency, first, second


def test_a_meeting_after_the_reports_date_is_not_in_the_report(db: Database) -> None:
    agency, _first, second = _two_visits(db)
    with db.transaction() as s:
        for when, title in (
            (datetime(2026, 1, 20, 10), "Intervju"),
            (datetime(2026, 2, 1, 15), "Samma dag"),
            (datetime(2026, 2, 2, 9), "Återkoppling av rapporten"),
        ):
            create_meeting(s, agency, starts_at=when, title=title, assessment_id=second)
    with db.read() as s:
        data = report_data(s, second, "sv")
    assert [m.title for m in data.meetings] == ["Intervju", "Samma dag"]


def test_a_recommendation_taken_up_again_is_followed_up_however_it_was_made(
    db: Database,
) -> None:
    _agency, first, second = _two_visits(db)
    with db.transaction() as s:
        template = create_template(s, title="Publicera öppna data", text="Mer öppna data.")
        carried = create_recommendation(s, first, title="Inför en förvaltningsmodell")
        from_template = create_recommendation(
            s, first, title="Publicera öppna data", template_id=template
        )
        create_recommendation(s, first, title="Öva incidenthantering  årligen")
        create_recommendation(s, first, title="Gammal idé")
        carry_forward(s, second, carried)
        create_recommendation(s, second, title="Publicera fler öppna data", template_id=template)
        create_recommendation(s, second, title="öva incidenthantering årligen")
        assert from_template
    with db.read() as s:
        data = report_data(s, second, "sv")
    followed = {p.title: p.followed_up for p in data.previous_recommendations}
    assert followed == {
        "Inför en förvaltningsmodell": True,
        "Publicera öppna data": True,
        "Öva incidenthantering  årligen": True,
        "Gammal idé": False,
    }


def test_questions_are_named_by_number_and_a_place_repeating_the_kind_is_left_out(
    db: Database,
) -> None:
    agency, _first, second = _two_visits(db)
    with db.transaction() as s:
        create_meeting(
            s,
            agency,
            starts_at=datetime(2026, 1, 10, 9),
            kind="video",
            place="Videomöte",
            title="Via länk",
            assessment_id=second,
        )
        create_meeting(
            s,
            agency,
            starts_at=datetime(2026, 1, 11, 9),
            kind="visit",
            place="Stockholm",
            title="På plats",
            assessment_id=second,
        )
    with db.read() as s:
        data = report_data(s, second, "sv")
    keys = [a.question_key for a in data.answers]
    assert keys[0] == "1.1" and all(k.replace(".", "").isdigit() for k in keys)
    assert len(set(keys)) == len(keys)
    assert {m.title: m.place for m in data.meetings} == {"Via länk": "", "På plats": "Stockholm"}
