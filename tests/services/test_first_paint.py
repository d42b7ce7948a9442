"""The agency list read without SQLAlchemy equals the one the services return."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path

from assessor.services import agencies, meetings
from assessor.services.first_paint import agency_summaries
from assessor.store import snapshot
from assessor.store.db import Database


def _fill(db: Database) -> None:
    with db.transaction() as s:
        a = agencies.create_agency(s, name="Skatteverket", org_number="202100-5448")
        b = agencies.create_agency(s, name="Arbetsförmedlingen", ministry="Arbetsmarknadsdep.")
        gone = agencies.create_agency(s, name="Nedlagda verket")
        agencies.create_agency(s, name="Skatteverket")  # a duplicate name: order by id
        for i in range(3):
            meetings.create_meeting(s, a, starts_at=datetime(2025, 1, 1 + i, 9))
        deleted = meetings.create_meeting(s, b, starts_at=datetime(2025, 2, 1, 9))
        meetings.delete_meeting(s, deleted)
        agencies.delete_agency(s, gone)


def test_summaries_equal_list_agencies(db: Database, db_path: Path) -> None:
    _fill(db)
    with db.read() as s:
        expected = [dataclasses.astuple(r) for r in agencies.list_agencies(s)]
    db.close()  # the quick read is for a file nobody holds
    got = agency_summaries(db_path)
    assert got is not None
    assert [dataclasses.astuple(r) for r in got] == expected


def test_a_held_file_is_left_to_the_normal_open(db: Database, db_path: Path) -> None:
    assert not snapshot.is_free(db_path)
    assert agency_summaries(db_path) is None


def test_files_that_are_not_ready_answer_none(tmp_path: Path) -> None:
    assert agency_summaries(tmp_path / "missing.db") is None
    empty = tmp_path / "empty.db"
    empty.touch()
    assert agency_summaries(empty) is None
    text = tmp_path / "text.db"
    text.write_text("not a database")
    assert agency_summaries(text) is None


def test_another_schema_revision_answers_none(db: Database, db_path: Path) -> None:
    import sqlite3

    db.close()
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    assert agency_summaries(db_path) is None
