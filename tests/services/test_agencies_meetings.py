from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from assessor.domain.errors import NotFound, ValidationError
from assessor.services import advisors, agencies, meetings
from assessor.store.db import Database
from assessor.store.models import Agency, Meeting


def _agency(db: Database, name: str = "Skatteverket", org: str = "202100-5448") -> str:
    with db.transaction() as s:
        return agencies.create_agency(s, name=name, org_number=org, ministry="Finansdepartementet")


def test_create_agency_normalises_org_number(db: Database) -> None:
    agency_id = _agency(db, org="2021005448")
    with db.read() as s:
        assert s.get(Agency, agency_id).org_number == "202100-5448"  # type: ignore[union-attr]


def test_bad_org_number_changes_nothing(db: Database) -> None:
    agency_id = _agency(db)
    with pytest.raises(ValidationError) as info, db.transaction() as s:
        agencies.update_agency(s, agency_id, name="Nytt namn", org_number="202100-5488")
    assert info.value.field == "org_number"
    with db.read() as s:
        row = s.get(Agency, agency_id)
        assert row is not None and row.name == "Skatteverket"


def test_empty_name_is_refused(db: Database) -> None:
    with pytest.raises(ValidationError, match="cannot be empty"), db.transaction() as s:
        agencies.create_agency(s, name="   ")
    with db.read() as s:
        assert agencies.list_agencies(s) == []


def test_list_counts_meetings_and_hides_deleted(db: Database) -> None:
    a = _agency(db)
    b = _agency(db, "Försäkringskassan", "202100-5521")
    with db.transaction() as s:
        for day in range(3):
            meetings.create_meeting(s, a, starts_at=datetime(2025, 3, 1 + day, 9))
        agencies.delete_agency(s, b)
    with db.read() as s:
        rows = agencies.list_agencies(s)
    assert [(r.name, r.meetings) for r in rows] == [("Skatteverket", 3)]


def test_deleted_agency_is_kept_as_tombstone(db: Database) -> None:
    a = _agency(db)
    with db.transaction() as s:
        agencies.delete_agency(s, a)
    with db.read() as s:
        row = s.get(Agency, a)
        assert row is not None and row.deleted_at is not None and row.name == "Skatteverket"
    with pytest.raises(NotFound), db.transaction() as s:
        agencies.update_agency(s, a, name="x")


def test_meeting_that_ends_before_it_starts_is_refused(db: Database) -> None:
    a = _agency(db)
    start = datetime(2025, 5, 2, 10)
    with pytest.raises(ValidationError) as info, db.transaction() as s:
        meetings.create_meeting(s, a, starts_at=start, ends_at=start - timedelta(hours=1))
    assert info.value.field == "ends_at"
    with db.transaction() as s:
        m = meetings.create_meeting(s, a, starts_at=start, ends_at=start + timedelta(hours=2))
    with pytest.raises(ValidationError), db.transaction() as s:
        meetings.update_meeting(s, m, notes="ändrat", ends_at=start - timedelta(minutes=5))
    with db.read() as s:
        row = s.get(Meeting, m)
        assert row is not None and row.notes == "" and row.ends_at == start + timedelta(hours=2)


def test_meeting_people_and_action_items(db: Database) -> None:
    a = _agency(db)
    with db.transaction() as s:
        adv = advisors.create_advisor(s, name="Karin Lund")
        c = agencies.create_contact(s, a, name="Per Holm", title="CIO")
        m = meetings.create_meeting(s, a, starts_at=datetime(2025, 1, 10, 9))
        meetings.set_meeting_advisor(s, m, adv, True)
        meetings.set_meeting_advisor(s, m, adv, True)  # twice is once
        p1 = meetings.add_participant(s, m, contact_id=c)
        p2 = meetings.add_participant(s, m, contact_id=c)
        meetings.add_participant(s, m, name="Extern konsult")
        item = meetings.create_action_item(
            s,
            a,
            meeting_id=m,
            title="Skicka arkitekturskiss",
            owner="Per",
            due_on=date(2025, 2, 1),
        )
        meetings.update_action_item(s, item, done=True)
    assert p1 == p2
    with db.read() as s:
        assert meetings.meeting_advisor_ids(s, m) == [adv]
        assert [p.name for p in meetings.list_participants(s, m)] == ["Extern konsult", "Per Holm"]
        items = meetings.list_action_items(s, m)
        assert [(i.title, i.done) for i in items] == [("Skicka arkitekturskiss", True)]
    with db.transaction() as s:
        meetings.set_meeting_advisor(s, m, adv, False)
        meetings.delete_action_item(s, item)
    with db.read() as s:
        assert meetings.meeting_advisor_ids(s, m) == []
        assert meetings.list_action_items(s, m) == []


def test_unknown_field_is_refused(db: Database) -> None:
    a = _agency(db)
    with pytest.raises(ValidationError, match="unknown field"), db.transaction() as s:
        agencies.update_agency(s, a, colour="red")
