"""Answers, their evidence, and the time-stamped notes taken in meeting mode."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.domain.errors import ValidationError
from assessor.services.assessments import check_open, checklist_facts
from assessor.services.rows import add_new, apply, get_live, restore, restore_by_id, soft_delete
from assessor.store.models import (
    CONFIDENCES as CONFIDENCES,
)
from assessor.store.models import (
    Answer,
    Assessment,
    Evidence,
    Meeting,
    MeetingNote,
    derived_id,
)


class Unset(enum.Enum):
    """'Leave this field as it is', distinct from None (which clears a level)."""

    UNSET = 0


UNSET = Unset.UNSET


@dataclass(frozen=True)
class AnswerData:
    question_id: str
    level: int | None
    not_applicable: bool
    comment: str
    confidence: str
    for_review: bool

    @property
    def answered(self) -> bool:
        return self.level is not None or self.not_applicable


@dataclass(frozen=True)
class EvidenceRow:
    id: str
    question_id: str
    meeting_id: str
    meeting_title: str
    meeting_starts_at: datetime
    meeting_note_id: str | None
    note_text: str
    comment: str


@dataclass(frozen=True)
class NoteRow:
    id: str
    meeting_id: str
    written_at: datetime
    text: str
    question_id: str | None
    confidential: bool


NOT_IN_CHECKLIST = "the question is not part of this assessment's checklist"


def answer_id(assessment_id: str, question_id: str) -> str:
    return derived_id("answer", assessment_id, question_id)


def _would_change(answer: Answer | None, changes: dict[str, Any]) -> bool:
    if answer is None or answer.deleted_at is not None:
        return bool(changes)
    return any(getattr(answer, field) != value for field, value in changes.items())


def set_answer(
    session: Session,
    assessment_id: str,
    question_id: str,
    *,
    level: int | Unset | None = UNSET,
    not_applicable: bool | Unset = UNSET,
    comment: str | Unset = UNSET,
    confidence: str | Unset = UNSET,
    for_review: bool | Unset = UNSET,
) -> bool:
    """Create or change the one answer to a question; returns whether anything changed.

    A level and N/A exclude each other: setting one clears the other.
    """
    assessment = get_live(session, Assessment, assessment_id)
    facts = checklist_facts(session, assessment.checklist_id)
    if question_id not in facts.questions:
        raise ValidationError("question_id", NOT_IN_CHECKLIST, code="answer.not_in_checklist")
    changes: dict[str, Any] = {}
    bad_level = isinstance(level, bool) or (
        level is not UNSET
        and level is not None
        and (not isinstance(level, int) or level not in facts.levels)
    )
    if bad_level:
        levels = ", ".join(map(str, sorted(facts.levels)))
        raise ValidationError(
            "level", f"the level must be one of {levels}", code="answer.bad_level", levels=levels
        )
    if not_applicable is True and level is not UNSET and level is not None:
        raise ValidationError(
            "level", "an answer cannot both have a level and be N/A", code="answer.level_and_na"
        )
    if level is not UNSET:
        changes["level"] = level
        if level is not None:
            changes["not_applicable"] = False
    if not_applicable is not UNSET:
        changes["not_applicable"] = bool(not_applicable)
        if not_applicable:
            changes["level"] = None
    if confidence is not UNSET:
        if confidence not in CONFIDENCES:
            raise ValidationError(
                "confidence",
                f"unknown confidence '{confidence}'",
                code="answer.confidence",
                value=confidence,
            )
        changes["confidence"] = confidence
    if comment is not UNSET:
        changes["comment"] = comment
    if for_review is not UNSET:
        changes["for_review"] = bool(for_review)

    row_id = answer_id(assessment_id, question_id)
    answer = session.get(Answer, row_id)
    if assessment.status == "delivered" and _would_change(answer, changes):
        check_open(assessment)
    if answer is None:
        answer = Answer(
            id=row_id,
            assessment_id=assessment_id,
            question_id=question_id,
            level=None,
            not_applicable=False,
            comment="",
            confidence="medium",
            for_review=False,
        )
        for field, value in changes.items():
            setattr(answer, field, value)
        session.add(answer)
        return True
    changed = False
    if answer.deleted_at is not None:
        restore(answer)
        changed = True
    return apply(answer, changes, frozenset(changes)) or changed


def get_answers(session: Session, assessment_id: str) -> dict[str, AnswerData]:
    answers = session.scalars(
        select(Answer).where(Answer.assessment_id == assessment_id, Answer.deleted_at.is_(None))
    )
    return {
        a.question_id: AnswerData(
            a.question_id, a.level, a.not_applicable, a.comment, a.confidence, a.for_review
        )
        for a in answers
    }


# --- evidence ------------------------------------------------------------------------------


def _evidence_id(assessment_id: str, question_id: str, meeting_id: str, note_id: str | None) -> str:
    return derived_id("evidence", assessment_id, question_id, meeting_id, note_id or "")


def add_evidence(
    session: Session,
    assessment_id: str,
    question_id: str,
    meeting_id: str,
    *,
    meeting_note_id: str | None = None,
    comment: str = "",
) -> str:
    """Link a meeting (or one note of it) to a question; the same link twice is one row."""
    assessment = get_live(session, Assessment, assessment_id)
    if question_id not in checklist_facts(session, assessment.checklist_id).questions:
        raise ValidationError("question_id", NOT_IN_CHECKLIST, code="answer.not_in_checklist")
    check_open(assessment)
    meeting = get_live(session, Meeting, meeting_id)
    if meeting.agency_id != assessment.agency_id:
        raise ValidationError(
            "meeting_id", "the meeting was with another agency", code="answer.other_agency_meeting"
        )
    if meeting_note_id is not None:
        note = get_live(session, MeetingNote, meeting_note_id)
        if note.meeting_id != meeting_id:
            raise ValidationError(
                "meeting_note_id",
                "the note belongs to another meeting",
                code="answer.other_meeting_note",
            )
    row_id = _evidence_id(assessment_id, question_id, meeting_id, meeting_note_id)
    existing = session.get(Evidence, row_id)
    if existing is not None:
        restore(existing)
        if comment and existing.comment != comment:
            existing.comment = comment
        return row_id
    session.add(
        Evidence(
            id=row_id,
            assessment_id=assessment_id,
            question_id=question_id,
            meeting_id=meeting_id,
            meeting_note_id=meeting_note_id,
            comment=comment,
        )
    )
    return row_id


def remove_evidence(session: Session, evidence_id: str) -> None:
    evidence = get_live(session, Evidence, evidence_id)
    check_open(get_live(session, Assessment, evidence.assessment_id))
    soft_delete(evidence)


def list_evidence(
    session: Session, assessment_id: str, question_id: str | None = None
) -> list[EvidenceRow]:
    query = (
        select(Evidence, Meeting.title, Meeting.starts_at, MeetingNote.text)
        .join(Meeting, Meeting.id == Evidence.meeting_id)
        .outerjoin(MeetingNote, MeetingNote.id == Evidence.meeting_note_id)
        .where(
            Evidence.assessment_id == assessment_id,
            Evidence.deleted_at.is_(None),
            Meeting.deleted_at.is_(None),
        )
        .order_by(Meeting.starts_at, MeetingNote.written_at, Evidence.id)
    )
    if question_id is not None:
        query = query.where(Evidence.question_id == question_id)
    return [
        EvidenceRow(
            e.id,
            e.question_id,
            e.meeting_id,
            title,
            starts_at,
            e.meeting_note_id,
            note_text or "",
            e.comment,
        )
        for e, title, starts_at, note_text in session.execute(query)
    ]


# --- meeting notes -------------------------------------------------------------------------

NOTE_FIELDS = frozenset({"text", "written_at", "question_id", "confidential"})


def _note_evidence(session: Session, note: MeetingNote, meeting: Meeting, live: bool) -> None:
    """A note tied to a question of the meeting's assessment is evidence for that question."""
    if note.question_id is None or meeting.assessment_id is None:
        return
    if live:
        add_evidence(
            session, meeting.assessment_id, note.question_id, meeting.id, meeting_note_id=note.id
        )
        return
    row = session.get(
        Evidence, _evidence_id(meeting.assessment_id, note.question_id, meeting.id, note.id)
    )
    if row is not None:
        soft_delete(row)


def _check_note_question(session: Session, meeting: Meeting, question_id: str | None) -> None:
    if question_id is None or meeting.assessment_id is None:
        return
    assessment = get_live(session, Assessment, meeting.assessment_id)
    if question_id not in checklist_facts(session, assessment.checklist_id).questions:
        raise ValidationError("question_id", NOT_IN_CHECKLIST, code="answer.not_in_checklist")


def add_meeting_note(
    session: Session,
    meeting_id: str,
    *,
    text: str,
    written_at: datetime,
    question_id: str | None = None,
    confidential: bool = False,
    note_id: str | None = None,
) -> str:
    meeting = get_live(session, Meeting, meeting_id)
    _check_note_question(session, meeting, question_id)
    note = MeetingNote(
        meeting_id=meeting_id,
        written_at=written_at,
        text=text,
        question_id=question_id,
        confidential=confidential,
    )
    add_new(session, note, note_id)
    _note_evidence(session, note, meeting, live=True)
    return note.id


def update_meeting_note(session: Session, note_id: str, **changes: Any) -> bool:
    note = get_live(session, MeetingNote, note_id)
    meeting = get_live(session, Meeting, note.meeting_id)
    if "question_id" in changes:
        _check_note_question(session, meeting, changes["question_id"])
    moves = "question_id" in changes and changes["question_id"] != note.question_id
    if moves:
        _note_evidence(session, note, meeting, live=False)
    changed = apply(note, changes, NOTE_FIELDS)
    if moves:
        _note_evidence(session, note, meeting, live=True)
    return changed


def delete_meeting_note(session: Session, note_id: str) -> None:
    note = get_live(session, MeetingNote, note_id)
    meeting = session.get(Meeting, note.meeting_id)
    if meeting is not None:
        _note_evidence(session, note, meeting, live=False)
    soft_delete(note)


def restore_meeting_note(session: Session, note_id: str) -> None:
    """Undo a deletion of a note (same row and id): the evidence it gave comes back too."""
    note = restore_by_id(session, MeetingNote, note_id)
    meeting = session.get(Meeting, note.meeting_id)
    if meeting is not None and meeting.deleted_at is None:
        _note_evidence(session, note, meeting, live=True)
    session.flush()


def list_meeting_notes(session: Session, meeting_id: str) -> list[NoteRow]:
    notes = session.scalars(
        select(MeetingNote)
        .where(MeetingNote.meeting_id == meeting_id, MeetingNote.deleted_at.is_(None))
        .order_by(MeetingNote.written_at, MeetingNote.id)
    )
    return [
        NoteRow(n.id, n.meeting_id, n.written_at, n.text, n.question_id, n.confidential)
        for n in notes
    ]
