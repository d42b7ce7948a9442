"""What the window reads from the services: plain frozen rows, one scoring path, and every
change (a meeting brought back included) made by a service."""

from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest

from assessor.services import advisors, agencies, demo, meetings, search
from assessor.services.assessments import list_assessments
from assessor.services.scores import assessment_scores
from assessor.services.workspace import load_workspace
from assessor.store.db import Database


@pytest.fixture
def demo_db(db: Database) -> Database:
    with db.transaction() as s:
        demo.build_demo(s, seed=3, agencies=2)
    return db


def test_lists_the_window_shows_are_frozen_rows(demo_db: Database) -> None:
    with demo_db.read() as s:
        agency = agencies.list_agencies(s)[0]
        meeting = meetings.list_meetings(s, agency.id)[0]
        rows = [
            agencies.get_agency(s, agency.id),
            *agencies.list_contacts(s, agency.id),
            meeting,
            meetings.get_meeting(s, meeting.id),
            *advisors.list_advisors(s),
        ]
        for m in meetings.list_meetings(s, agency.id):
            rows += meetings.list_participants(s, m.id) + meetings.list_action_items(s, m.id)
    assert len(rows) > 5
    for row in rows:
        assert dataclasses.is_dataclass(row)
        with pytest.raises(dataclasses.FrozenInstanceError):
            row.id = "x"  # type: ignore[misc]


def test_restore_meeting_brings_back_the_same_row(db: Database) -> None:
    with db.transaction() as s:
        agency_id = agencies.create_agency(s, name="Skatteverket", org_number="202100-5448")
        meeting_id = meetings.create_meeting(s, agency_id, starts_at=datetime(2026, 3, 1, 9))
        meetings.delete_meeting(s, meeting_id)
    with db.read() as s:
        assert meetings.list_meetings(s, agency_id) == []
    with db.transaction() as s:
        meetings.restore_meeting(s, meeting_id)
    with db.read() as s:
        assert [m.id for m in meetings.list_meetings(s, agency_id)] == [meeting_id]


def test_the_workspace_scores_as_the_report_does(demo_db: Database) -> None:
    with demo_db.read() as s:
        ids = [a.id for agency in agencies.list_agencies(s) for a in list_assessments(s, agency.id)]
        assert ids
        for assessment_id in ids:
            assert load_workspace(s, assessment_id).score() == assessment_scores(s, assessment_id)


def test_hit_places_name_the_agency_and_the_meeting(demo_db: Database) -> None:
    with demo_db.transaction() as s:
        agency = agencies.list_agencies(s)[0]
        meeting = meetings.list_meetings(s, agency.id)[0]
        word = next(w for w in meeting.title.split() if len(w) > 3)
        hits = [h for h in search.search(s, word) if h.meeting_id == meeting.id]
        places = search.hit_places(s, hits)
    assert hits
    for hit in hits:
        place = places[f"{hit.kind}:{hit.id}"]
        assert place.agency == agency.name
        assert (place.title, place.on) == (meeting.title, meeting.starts_at.date())
