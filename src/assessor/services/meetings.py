"""Meetings: time, place, who was there, agenda, notes, decisions, action items."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.domain.errors import ValidationError, row_not_found
from assessor.services import agency_reads
from assessor.services.agency_reads import MeetingRow as MeetingRow
from assessor.services.rows import (
    add_new,
    apply,
    get_live,
    required_text,
    restore,
    restore_by_id,
    soft_delete,
    sql_connection,
)
from assessor.store.models import (
    MEETING_KINDS as MEETING_KINDS,
)
from assessor.store.models import (
    ActionItem,
    Advisor,
    Agency,
    Contact,
    Meeting,
    MeetingAdvisor,
    MeetingParticipant,
    derived_id,
)

MEETING_FIELDS = frozenset(
    {
        "title",
        "starts_at",
        "ends_at",
        "place",
        "kind",
        "agenda",
        "notes",
        "decisions",
        "confidential",
        "assessment_id",
    }
)
ACTION_FIELDS = frozenset({"title", "owner", "due_on", "done", "meeting_id"})


@dataclass(frozen=True)
class ParticipantRow:
    id: str
    meeting_id: str
    name: str
    role: str
    contact_id: str | None


@dataclass(frozen=True)
class ActionRow:
    id: str
    meeting_id: str | None
    title: str
    owner: str
    due_on: date | None
    done: bool


def _check_meeting(meeting: Meeting) -> None:
    if meeting.kind not in MEETING_KINDS:
        raise ValidationError(
            "kind",
            f"unknown kind of meeting '{meeting.kind}'",
            code="meeting.kind",
            kind=meeting.kind,
        )
    if meeting.ends_at is not None and meeting.ends_at < meeting.starts_at:
        raise ValidationError(
            "ends_at", "the meeting ends before it starts", code="meeting.ends_before_start"
        )


def create_meeting(
    session: Session,
    agency_id: str,
    *,
    starts_at: datetime,
    ends_at: datetime | None = None,
    title: str = "",
    place: str = "",
    kind: str = "visit",
    agenda: str = "",
    notes: str = "",
    decisions: str = "",
    confidential: bool = False,
    assessment_id: str | None = None,
    meeting_id: str | None = None,
) -> str:
    get_live(session, Agency, agency_id)
    meeting = Meeting(
        agency_id=agency_id,
        starts_at=starts_at,
        ends_at=ends_at,
        title=title.strip(),
        place=place.strip(),
        kind=kind,
        agenda=agenda,
        notes=notes,
        decisions=decisions,
        confidential=confidential,
        assessment_id=assessment_id,
    )
    _check_meeting(meeting)
    add_new(session, meeting, meeting_id)
    return meeting.id


def update_meeting(session: Session, meeting_id: str, **changes: Any) -> bool:
    meeting = get_live(session, Meeting, meeting_id)
    # check the result before touching the row, so a bad value changes nothing
    starts = changes.get("starts_at", meeting.starts_at)
    ends = changes.get("ends_at", meeting.ends_at)
    if ends is not None and ends < starts:
        raise ValidationError(
            "ends_at", "the meeting ends before it starts", code="meeting.ends_before_start"
        )
    if "kind" in changes and changes["kind"] not in MEETING_KINDS:
        raise ValidationError(
            "kind",
            f"unknown kind of meeting '{changes['kind']}'",
            code="meeting.kind",
            kind=changes["kind"],
        )
    return apply(meeting, changes, MEETING_FIELDS)


def get_meeting(session: Session, meeting_id: str) -> MeetingRow:
    row = agency_reads.meeting_row(sql_connection(session), meeting_id)
    if row is None:
        raise row_not_found("meeting", meeting_id)
    return row


def delete_meeting(session: Session, meeting_id: str) -> None:
    soft_delete(get_live(session, Meeting, meeting_id))


def restore_meeting(session: Session, meeting_id: str) -> None:
    """Undo a deletion of a meeting (same row and id); a meeting never stored is an error."""
    restore_by_id(session, Meeting, meeting_id)
    session.flush()


def list_meetings(session: Session, agency_id: str) -> list[MeetingRow]:
    return agency_reads.meeting_rows(sql_connection(session), agency_id)


def set_meeting_advisor(session: Session, meeting_id: str, advisor_id: str, present: bool) -> None:
    get_live(session, Meeting, meeting_id)
    get_live(session, Advisor, advisor_id)
    link_id = derived_id("meeting_advisor", meeting_id, advisor_id)
    link = session.get(MeetingAdvisor, link_id)
    if present:
        if link is None:
            session.add(MeetingAdvisor(id=link_id, meeting_id=meeting_id, advisor_id=advisor_id))
        elif link.deleted_at is not None:
            restore(link)
    elif link is not None:
        soft_delete(link)
    session.flush()


def meeting_advisor_ids(session: Session, meeting_id: str) -> list[str]:
    return list(
        session.scalars(
            select(MeetingAdvisor.advisor_id).where(
                MeetingAdvisor.meeting_id == meeting_id, MeetingAdvisor.deleted_at.is_(None)
            )
        )
    )


def add_participant(
    session: Session,
    meeting_id: str,
    *,
    contact_id: str | None = None,
    name: str = "",
    role: str = "",
    participant_id: str | None = None,
) -> str:
    get_live(session, Meeting, meeting_id)
    if contact_id is not None:
        contact = get_live(session, Contact, contact_id)
        name = name or contact.name
        role = role or contact.title
        # a contact attends once: the same contact added on two laptops is one row
        participant_id = participant_id or derived_id("participant", meeting_id, contact_id)
        existing = session.get(MeetingParticipant, participant_id)
        if existing is not None:
            restore(existing)
            return existing.id
    name = required_text("name", name, "The participant's name")
    row = MeetingParticipant(meeting_id=meeting_id, contact_id=contact_id, name=name, role=role)
    add_new(session, row, participant_id)
    return row.id


def remove_participant(session: Session, participant_id: str) -> None:
    soft_delete(get_live(session, MeetingParticipant, participant_id))


def list_participants(session: Session, meeting_id: str) -> list[ParticipantRow]:
    return [
        ParticipantRow(p.id, p.meeting_id, p.name, p.role, p.contact_id)
        for p in session.scalars(
            select(MeetingParticipant)
            .where(
                MeetingParticipant.meeting_id == meeting_id,
                MeetingParticipant.deleted_at.is_(None),
            )
            .order_by(MeetingParticipant.name, MeetingParticipant.id)
        )
    ]


def create_action_item(
    session: Session,
    agency_id: str,
    *,
    title: str,
    meeting_id: str | None = None,
    owner: str = "",
    due_on: date | None = None,
    done: bool = False,
    action_id: str | None = None,
) -> str:
    get_live(session, Agency, agency_id)
    if meeting_id is not None:
        get_live(session, Meeting, meeting_id)
    item = ActionItem(
        agency_id=agency_id,
        meeting_id=meeting_id,
        title=required_text("title", title, "The action item's title"),
        owner=owner.strip(),
        due_on=due_on,
        done=done,
    )
    add_new(session, item, action_id)
    return item.id


def update_action_item(session: Session, action_id: str, **changes: Any) -> bool:
    if "title" in changes:
        changes["title"] = required_text("title", changes["title"], "The action item's title")
    return apply(get_live(session, ActionItem, action_id), changes, ACTION_FIELDS)


def delete_action_item(session: Session, action_id: str) -> None:
    soft_delete(get_live(session, ActionItem, action_id))


def list_action_items(session: Session, meeting_id: str) -> list[ActionRow]:
    return [
        ActionRow(a.id, a.meeting_id, a.title, a.owner, a.due_on, a.done)
        for a in session.scalars(
            select(ActionItem)
            .where(ActionItem.meeting_id == meeting_id, ActionItem.deleted_at.is_(None))
            .order_by(ActionItem.due_on, ActionItem.id)
        )
    ]


def restore_participant(session: Session, participant_id: str) -> None:
    """Undo a removal: the participant attends again (same row, so sync sees one person)."""
    restore_by_id(session, MeetingParticipant, participant_id)
    session.flush()


def restore_action_item(session: Session, action_id: str) -> None:
    """Undo a deletion of an action item (same row and id)."""
    restore_by_id(session, ActionItem, action_id)
    session.flush()
