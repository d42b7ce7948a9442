"""services.agency_reads is the one reading of what the Agencies page shows. Held here against
the mapped classes themselves (what the ORM would load), on a demo database with deletions, and
read both ways: on a session's connection and on a read-only sqlite3 connection of the file, as
the window reads it while SQLAlchemy loads."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from assessor.services import agency_reads, demo
from assessor.services.agencies import delete_agency, get_agency
from assessor.services.assessments import delete_assessment, get_assessment
from assessor.services.meetings import delete_meeting, get_meeting
from assessor.services.rows import sql_connection
from assessor.services.workspace import load_checklist_info
from assessor.store import snapshot
from assessor.store.db import Database
from assessor.store.models import Agency, Answer, Assessment, Contact, Meeting


@pytest.fixture
def filled(db: Database) -> Database:
    with db.transaction() as s:
        demo.build_demo(s, seed=3, agencies=6)
    with db.transaction() as s:
        agencies = list(s.scalars(select(Agency).order_by(Agency.id)))
        delete_agency(s, agencies[0].id)
        meeting = s.scalars(select(Meeting).where(Meeting.agency_id == agencies[1].id)).first()
        assert meeting is not None
        delete_meeting(s, meeting.id)
        assessment = s.scalars(
            select(Assessment).where(Assessment.agency_id == agencies[2].id)
        ).first()
        assert assessment is not None
        delete_assessment(s, assessment.id)
        answer = s.scalars(select(Answer).where(Answer.level.is_not(None))).first()
        assert answer is not None
        answer.deleted_at = datetime.now(UTC).replace(tzinfo=None)
    return db


def _expected(db: Database) -> dict[str, object]:
    """What the page shows, computed from the ORM's own objects."""
    with db.read() as s:
        live = [a for a in s.scalars(select(Agency)) if a.deleted_at is None]
        meetings = [m for m in s.scalars(select(Meeting)) if m.deleted_at is None]
        assessments = [a for a in s.scalars(select(Assessment)) if a.deleted_at is None]
        answers = [
            a
            for a in s.scalars(select(Answer))
            if a.deleted_at is None and (a.level is not None or a.not_applicable)
        ]
        contacts = [c for c in s.scalars(select(Contact)) if c.deleted_at is None]
        per_agency = {}
        for agency in live:
            own = sorted(
                (m for m in meetings if m.agency_id == agency.id),
                key=lambda m: m.id,
            )
            own.sort(key=lambda m: m.starts_at, reverse=True)
            own_assessments = sorted(
                (a for a in assessments if a.agency_id == agency.id), key=lambda a: a.id
            )
            own_assessments.sort(key=lambda a: a.assessed_on, reverse=True)
            per_agency[agency.id] = {
                "facts": (agency.name, agency.org_number, agency.ministry, agency.website),
                "meetings": [
                    (m.id, m.title, m.starts_at, m.ends_at, m.kind, m.confidential, m.assessment_id)
                    for m in own
                ],
                "contacts": sorted(
                    ((c.name, c.id) for c in contacts if c.agency_id == agency.id),
                ),
                "assessments": [
                    (
                        a.id,
                        a.assessed_on,
                        a.status,
                        a.profile,
                        sum(1 for x in answers if x.assessment_id == a.id),
                        sum(1 for x in answers if x.assessment_id == a.id and x.not_applicable),
                    )
                    for a in own_assessments
                ],
                "counts": (
                    sum(1 for m in meetings if m.agency_id == agency.id),
                    len(own_assessments),
                ),
            }
        questions = {
            a.checklist_id: len(load_checklist_info(s, a.checklist_id).questions())
            for a in assessments
        }
    return {"agencies": per_agency, "questions": questions}


def _read(con: sqlite3.Connection) -> dict[str, object]:
    per_agency = {}
    for row in agency_reads.agency_rows(con):
        facts = agency_reads.agency_facts(con, row.id)
        assert facts is not None
        per_agency[row.id] = {
            "facts": (facts.name, facts.org_number, facts.ministry, facts.website),
            "meetings": [
                (m.id, m.title, m.starts_at, m.ends_at, m.kind, m.confidential, m.assessment_id)
                for m in agency_reads.meeting_rows(con, row.id)
            ],
            "contacts": [(c.name, c.id) for c in agency_reads.contact_rows(con, row.id)],
            "assessments": [
                (a.id, a.assessed_on, a.status, a.profile, a.answered, a.not_applicable)
                for a in agency_reads.assessment_rows(con, row.id)
            ],
            "counts": (row.meetings, row.assessments),
        }
    checklists = {str(r[0]) for r in con.execute("SELECT checklist_id FROM assessment")}
    counts = agency_reads.question_counts(con, checklists)
    return {"agencies": per_agency, "questions": counts}


def test_the_plain_reading_gives_what_the_mapped_classes_hold(filled: Database) -> None:
    expected = _expected(filled)
    with filled.read() as s:
        through_session = _read(sql_connection(s))
    assert through_session["agencies"] == expected["agencies"]
    questions = through_session["questions"]
    assert isinstance(questions, dict)
    expected_questions = expected["questions"]
    assert isinstance(expected_questions, dict)
    for checklist_id, n in expected_questions.items():
        assert questions[checklist_id] == n
    # a deleted agency, meeting and assessment are not read; the demo has something of each
    agencies = expected["agencies"]
    assert isinstance(agencies, dict) and len(agencies) == 5
    assert any(v["meetings"] for v in agencies.values())
    assert any(v["assessments"] for v in agencies.values())


def test_the_window_reads_the_same_from_the_file_before_sqlalchemy_is_needed(
    filled: Database, db_path: Path
) -> None:
    with filled.read() as s:
        through_session = _read(sql_connection(s))
    filled.close()
    con = snapshot.connect_current(db_path)
    assert con is not None
    try:
        assert _read(con) == through_session
        with pytest.raises(sqlite3.OperationalError):  # read-only: the window cannot write here
            con.execute("UPDATE agency SET name = 'x'")
    finally:
        con.close()


def test_the_services_single_reads_say_not_found_for_deleted_rows(filled: Database) -> None:
    from assessor.domain.errors import NotFound

    with filled.read() as s:
        agency = s.scalars(select(Agency).where(Agency.deleted_at.is_not(None))).one()
        meeting = s.scalars(select(Meeting).where(Meeting.deleted_at.is_not(None))).first()
        assessment = s.scalars(select(Assessment).where(Assessment.deleted_at.is_not(None))).first()
        assert meeting is not None and assessment is not None
        for read, row_id in (
            (get_agency, agency.id),
            (get_meeting, meeting.id),
            (get_assessment, assessment.id),
        ):
            with pytest.raises(NotFound):
                read(s, row_id)


def test_a_change_not_yet_committed_is_read_within_its_transaction(db: Database) -> None:
    from assessor.services.agencies import create_agency, list_agencies, update_agency

    with db.transaction() as s:
        agency_id = create_agency(s, name="Bolagsverket")
        update_agency(s, agency_id, ministry="Näringsdepartementet")
        assert [(r.name, r.ministry) for r in list_agencies(s)] == [
            ("Bolagsverket", "Näringsdepartementet")
        ]
