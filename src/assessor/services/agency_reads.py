"""What the Agencies page shows, read in plain SQL on a DB-API connection.

The one reading of the agency list, an agency's facts, contacts, meetings and assessments.
The services (services.agencies, .meetings, .assessments) run it on their session's own
connection; the window runs it on a read-only sqlite3 connection while SQLAlchemy is still
loading after start-up (store.snapshot), so the first screen and a click on another agency do
not wait for the ORM. Nothing here imports SQLAlchemy: that is the point of the module.
Writes never come here; they go through the ORM, whose hooks stamp them for sync.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

# A DB-API connection to the SQLite file: sqlite3's own, or the one under a SQLAlchemy session.
Connection = sqlite3.Connection


@dataclass(frozen=True)
class AgencyRow:
    """A row of the agency list."""

    id: str
    name: str
    org_number: str
    ministry: str
    meetings: int
    assessments: int


@dataclass(frozen=True)
class AgencyFacts:
    """One agency's own fields, as its page shows and edits them."""

    id: str
    name: str
    org_number: str
    ministry: str
    website: str
    notes: str


@dataclass(frozen=True)
class ContactRow:
    id: str
    agency_id: str
    name: str
    title: str
    email: str
    phone: str


@dataclass(frozen=True)
class MeetingRow:
    """A meeting as the window shows it (every field: the editor binds them all)."""

    id: str
    agency_id: str
    assessment_id: str | None
    title: str
    starts_at: datetime
    ends_at: datetime | None
    place: str
    kind: str
    agenda: str
    notes: str
    decisions: str
    confidential: bool


@dataclass(frozen=True)
class AssessmentRow:
    id: str
    agency_id: str
    checklist_id: str
    title: str
    assessed_on: date
    status: str
    summary: str
    answered: int  # questions with a level or marked N/A
    not_applicable: int = 0  # of those, the ones marked N/A
    profile: str = ""  # the checklist profile it is scored against; "" for all questions


_AGENCIES = """
SELECT a.id, a.name, a.org_number, a.ministry,
       (SELECT count(*) FROM meeting m WHERE m.agency_id = a.id AND m.deleted_at IS NULL),
       (SELECT count(*) FROM assessment s WHERE s.agency_id = a.id AND s.deleted_at IS NULL)
FROM agency a
WHERE a.deleted_at IS NULL
ORDER BY a.name, a.id
"""

_AGENCY = """
SELECT id, name, org_number, ministry, website, notes
FROM agency WHERE id = ? AND deleted_at IS NULL
"""

_CONTACTS = """
SELECT id, agency_id, name, title, email, phone
FROM contact WHERE agency_id = ? AND deleted_at IS NULL
ORDER BY name, id
"""

_MEETINGS = """
SELECT id, agency_id, assessment_id, title, starts_at, ends_at, place, kind, agenda, notes,
       decisions, confidential
FROM meeting WHERE {where} AND deleted_at IS NULL
ORDER BY starts_at DESC, id
"""

_ASSESSMENTS = """
SELECT s.id, s.agency_id, s.checklist_id, s.title, s.assessed_on, s.status, s.summary,
       count(a.id), coalesce(sum(CASE WHEN a.not_applicable THEN 1 ELSE 0 END), 0), s.profile
FROM assessment s
LEFT JOIN answer a ON a.assessment_id = s.id AND a.deleted_at IS NULL
    AND (a.level IS NOT NULL OR a.not_applicable)
WHERE {where} AND s.deleted_at IS NULL
GROUP BY s.id
ORDER BY s.assessed_on DESC, s.id
"""

# the questions a checklist's structure holds (services.workspace.load_checklist_info counts
# those under one of the checklist's own dimensions)
_QUESTION_COUNTS = """
SELECT q.checklist_id, count(*)
FROM checklist_question q
JOIN checklist_dimension d ON d.id = q.dimension_id AND d.checklist_id = q.checklist_id
WHERE q.checklist_id IN ({marks})
GROUP BY q.checklist_id
"""


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _when(value: object) -> datetime:
    # SQLAlchemy keeps a DateTime as "YYYY-MM-DD HH:MM:SS.ffffff"; a datetime if the
    # connection was told to convert
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def _day(value: object) -> date:
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def agency_rows(con: Connection) -> list[AgencyRow]:
    """Every live agency with its numbers of meetings and assessments, by name."""
    return [
        AgencyRow(str(r[0]), str(r[1]), _text(r[2]), _text(r[3]), int(r[4]), int(r[5]))
        for r in con.execute(_AGENCIES)
    ]


def agency_facts(con: Connection, agency_id: str) -> AgencyFacts | None:
    """The agency's own fields; None if there is no such live agency."""
    r = con.execute(_AGENCY, (agency_id,)).fetchone()
    if r is None:
        return None
    return AgencyFacts(str(r[0]), str(r[1]), _text(r[2]), _text(r[3]), _text(r[4]), _text(r[5]))


def contact_rows(con: Connection, agency_id: str) -> list[ContactRow]:
    return [
        ContactRow(str(r[0]), str(r[1]), str(r[2]), _text(r[3]), _text(r[4]), _text(r[5]))
        for r in con.execute(_CONTACTS, (agency_id,))
    ]


def _meeting(r: tuple[Any, ...]) -> MeetingRow:
    return MeetingRow(
        str(r[0]),
        str(r[1]),
        None if r[2] is None else str(r[2]),
        _text(r[3]),
        _when(r[4]),
        None if r[5] is None else _when(r[5]),
        _text(r[6]),
        _text(r[7]),
        _text(r[8]),
        _text(r[9]),
        _text(r[10]),
        bool(r[11]),
    )


def meeting_rows(con: Connection, agency_id: str) -> list[MeetingRow]:
    """The agency's meetings, newest first."""
    sql = _MEETINGS.format(where="agency_id = ?")
    return [_meeting(tuple(r)) for r in con.execute(sql, (agency_id,))]


def meeting_row(con: Connection, meeting_id: str) -> MeetingRow | None:
    """One live meeting; None if there is none."""
    r = con.execute(_MEETINGS.format(where="id = ?"), (meeting_id,)).fetchone()
    return None if r is None else _meeting(tuple(r))


def _assessment(r: tuple[Any, ...]) -> AssessmentRow:
    return AssessmentRow(
        str(r[0]),
        str(r[1]),
        str(r[2]),
        _text(r[3]),
        _day(r[4]),
        _text(r[5]),
        _text(r[6]),
        int(r[7]),
        int(r[8]),
        _text(r[9]),
    )


def assessment_rows(con: Connection, agency_id: str) -> list[AssessmentRow]:
    """The agency's assessments, newest first, with how many questions each has answered."""
    sql = _ASSESSMENTS.format(where="s.agency_id = ?")
    return [_assessment(tuple(r)) for r in con.execute(sql, (agency_id,))]


def assessment_row(con: Connection, assessment_id: str) -> AssessmentRow | None:
    """One live assessment as the lists show it; None if there is none."""
    sql = _ASSESSMENTS.format(where="s.id = ?")
    r = con.execute(sql, (assessment_id,)).fetchone()
    return None if r is None else _assessment(tuple(r))


def question_counts(con: Connection, checklist_ids: Iterable[str]) -> dict[str, int]:
    """How many questions each checklist version asks (0 for one not found)."""
    ids = sorted(set(checklist_ids))
    if not ids:
        return {}
    sql = _QUESTION_COUNTS.format(marks=", ".join("?" * len(ids)))
    counts = {str(c): int(n) for c, n in con.execute(sql, ids)}
    return {c: counts.get(c, 0) for c in ids}
