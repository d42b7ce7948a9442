from __future__ import annotations

from datetime import datetime

import pytest

from assessor.domain.errors import BadInput
from assessor.services import agencies, meetings
from assessor.services.duplicates import find_duplicates, merge_agencies
from assessor.store.db import Database
from assessor.store.models import Agency, Meeting


def test_same_org_number_or_similar_name_is_flagged(db: Database) -> None:
    with db.transaction() as s:
        a = agencies.create_agency(s, name="Skatteverket", org_number="202100-5448")
        b = agencies.create_agency(s, name="Skatteverket HK", org_number="2021005448")
        c = agencies.create_agency(s, name="Försäkringskassan")
        d = agencies.create_agency(s, name="Forsakringskassan.")
        agencies.create_agency(s, name="Kammarkollegiet")
        pairs = find_duplicates(s)
    found = {frozenset((p.first_id, p.second_id)): p.reason for p in pairs}
    assert found == {frozenset((a, b)): "org_number", frozenset((c, d)): "name"}


def test_merging_moves_children_fills_gaps_and_deletes_the_other(db: Database) -> None:
    with db.transaction() as s:
        keep = agencies.create_agency(s, name="Skatteverket")
        other = agencies.create_agency(s, name="Skatteverket", ministry="Finansdepartementet")
        m = meetings.create_meeting(s, other, starts_at=datetime(2026, 2, 3, 10))
        gone = meetings.create_meeting(s, other, starts_at=datetime(2026, 2, 4, 10))
        meetings.delete_meeting(s, gone)
        agencies.create_contact(s, other, name="Eva")
    with db.transaction() as s:
        moved = merge_agencies(s, keep, other)
    assert moved == 3
    with db.read() as s:
        kept, merged = s.get(Agency, keep), s.get(Agency, other)
        assert kept is not None and merged is not None
        assert kept.ministry == "Finansdepartementet" and merged.deleted_at is not None
        assert {x.agency_id for x in s.query(Meeting).filter(Meeting.id.in_([m, gone]))} == {keep}
        assert [c.name for c in agencies.list_contacts(s, keep)] == ["Eva"]
    with pytest.raises(BadInput), db.transaction() as s:
        merge_agencies(s, keep, keep)
