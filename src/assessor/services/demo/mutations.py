"""Random user-like edits (deletes included) on an existing database, for exercising sync:
each in its own transaction, through the services, under the simulated clock."""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from assessor.domain import orgnr
from assessor.domain.errors import BadInput
from assessor.services import answers as answer_service
from assessor.services import assessments as assessment_service
from assessor.services import findings as finding_service
from assessor.services import meetings as meeting_service
from assessor.services import recommendations as rec_service
from assessor.services.agencies import (
    create_agency,
    create_contact,
    delete_agency,
    delete_contact,
    update_agency,
    update_contact,
)
from assessor.services.demo import theme_words, words
from assessor.services.demo.clock import Clock, stamped_by
from assessor.store.db import Database
from assessor.store.models import (
    FINDING_KINDS,
    SYNCED_MODELS,
    ActionItem,
    Agency,
    Assessment,
    Contact,
    Finding,
    Meeting,
    Recommendation,
    Synced,
)


def _pick(session: Session, rng: random.Random, model: type[Synced], *where: Any) -> Any:
    """A random live row whose agency (and assessment) are live too, as a user could open."""
    query = select(model.id).where(model.deleted_at.is_(None), *where)
    columns = model.__table__.c
    if "assessment_id" in columns and model is not Meeting:
        query = query.join(Assessment, Assessment.id == columns.assessment_id).where(
            Assessment.deleted_at.is_(None)
        )
        query = query.join(Agency, Agency.id == Assessment.agency_id)
    elif "agency_id" in columns:
        query = query.join(Agency, Agency.id == columns.agency_id)
    if model is not Agency:
        query = query.where(Agency.deleted_at.is_(None))
    ids = session.scalars(query.order_by(model.id)).all()
    return session.get(model, rng.choice(ids)) if ids else None


def _uid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _m_create_agency(s: Session, rng: random.Random) -> str:
    name = rng.choice(words.INVENTED_FORMS).format(rng.choice(words.INVENTED_FIELDS))
    body = "2029" + "".join(str(rng.randrange(10)) for _ in range(5))
    number = f"{body[:6]}-{body[6:]}{orgnr.luhn_check_digit(body)}"
    create_agency(
        s, name=name, org_number=number, ministry=rng.choice(words.MINISTRIES), agency_id=_uid(rng)
    )
    return f"created agency {name}"


def _m_edit_agency(s: Session, rng: random.Random) -> str:
    agency = _pick(s, rng, Agency)
    if agency is None:
        return _m_create_agency(s, rng)
    update_agency(
        s,
        agency.id,
        notes=rng.choice(words.NOTE_SENTENCES).format(
            dim="digitaliseringen", contact="kontaktpersonen"
        ),
    )
    return f"edited agency {agency.name}"


def _m_delete_agency(s: Session, rng: random.Random) -> str:
    agency = _pick(s, rng, Agency)
    if agency is None:
        return _m_create_agency(s, rng)
    delete_agency(s, agency.id)
    return f"deleted agency {agency.name}"


def _m_contact(s: Session, rng: random.Random) -> str:
    agency = _pick(s, rng, Agency)
    if agency is None:
        return _m_create_agency(s, rng)
    choice = rng.random()
    contact = _pick(s, rng, Contact, Contact.agency_id == agency.id)
    if contact is None or choice < 0.4:
        name = f"{rng.choice(words.FIRST_NAMES)} {rng.choice(words.LAST_NAMES)}"
        create_contact(
            s, agency.id, name=name, title=rng.choice(words.CONTACT_TITLES), contact_id=_uid(rng)
        )
        return f"created contact {name}"
    if choice < 0.8:
        update_contact(
            s,
            contact.id,
            title=rng.choice(words.CONTACT_TITLES),
            phone=f"010-{rng.randrange(100, 999)} {rng.randrange(10, 99)} 00",
        )
        return f"edited contact {contact.name}"
    delete_contact(s, contact.id)
    return f"deleted contact {contact.name}"


def _m_meeting(s: Session, rng: random.Random) -> str:
    choice = rng.random()
    meeting = _pick(s, rng, Meeting)
    if meeting is None or choice < 0.4:
        agency = _pick(s, rng, Agency)
        if agency is None:
            return _m_create_agency(s, rng)
        starts = datetime(2026, 1, 5, 9) + timedelta(days=rng.randrange(0, 300))
        meeting_service.create_meeting(
            s,
            agency.id,
            starts_at=starts,
            ends_at=starts + timedelta(hours=1),
            title=rng.choice(words.MEETING_TITLES["followup"]),
            kind="video",
            notes=rng.choice(words.NOTE_SENTENCES).format(dim="styrningen", contact="GD"),
            meeting_id=_uid(rng),
        )
        return "created meeting"
    if choice < 0.85:
        meeting_service.update_meeting(
            s,
            meeting.id,
            notes=meeting.notes
            + "\n"
            + rng.choice(words.NOTE_SENTENCES).format(dim="arkitekturen", contact="it-chefen"),
            decisions=rng.choice(words.DECISIONS).format(dim="arkitekturen"),
        )
        return f"edited meeting {meeting.title}"
    meeting_service.delete_meeting(s, meeting.id)
    return f"deleted meeting {meeting.title}"


def _m_action(s: Session, rng: random.Random) -> str:
    choice = rng.random()
    item = _pick(s, rng, ActionItem)
    if item is None or choice < 0.35:
        meeting = _pick(s, rng, Meeting)
        if meeting is None:
            return _m_meeting(s, rng)
        meeting_service.create_action_item(
            s,
            meeting.agency_id,
            title=rng.choice(words.ACTION_ITEMS).format(dim="data"),
            meeting_id=meeting.id,
            due_on=meeting.starts_at.date() + timedelta(days=30),
            action_id=_uid(rng),
        )
        return "created action item"
    if choice < 0.85:
        meeting_service.update_action_item(s, item.id, done=not item.done)
        return f"toggled action item {item.title}"
    meeting_service.delete_action_item(s, item.id)
    return f"deleted action item {item.title}"


def _reopen(s: Session, assessment_id: str) -> None:
    """As an advisor must: a delivered assessment is reopened before it is changed."""
    assessment = s.get(Assessment, assessment_id)
    if assessment is not None and assessment.status == "delivered":
        assessment_service.update_assessment(s, assessment_id, status="in_review")


def _m_answer(s: Session, rng: random.Random) -> str:
    assessment = _pick(s, rng, Assessment)
    if assessment is None:
        return _m_meeting(s, rng)
    _reopen(s, assessment.id)
    facts = assessment_service.checklist_facts(s, assessment.checklist_id)
    question = rng.choice(sorted(facts.questions))
    roll = rng.random()
    if roll < 0.1:
        answer_service.set_answer(s, assessment.id, question, not_applicable=True)
    elif roll < 0.8:
        answer_service.set_answer(
            s, assessment.id, question, level=rng.choice(sorted(facts.levels))
        )
    else:
        answer_service.set_answer(
            s, assessment.id, question, comment=rng.choice(words.ANSWER_COMMENTS)
        )
    return "changed an answer"


def _m_finding(s: Session, rng: random.Random) -> str:
    choice = rng.random()
    finding = _pick(s, rng, Finding)
    if finding is None or choice < 0.4:
        assessment = _pick(s, rng, Assessment)
        if assessment is None:
            return _m_meeting(s, rng)
        facts = assessment_service.checklist_facts(s, assessment.checklist_id)
        _reopen(s, assessment.id)
        finding_service.create_finding(
            s,
            assessment.id,
            kind=rng.choice(FINDING_KINDS),
            title="Iakttagelse vid besök",
            text=rng.choice(theme_words.FINDING_TEXTS),
            dimension_id=rng.choice(sorted(facts.dimensions)),
            finding_id=_uid(rng),
        )
        return "created finding"
    _reopen(s, finding.assessment_id)
    if choice < 0.8:
        finding_service.update_finding(
            s,
            finding.id,
            text=rng.choice(theme_words.FINDING_TEXTS),
            kind=rng.choice(FINDING_KINDS),
        )
        return f"edited finding {finding.title}"
    finding_service.delete_finding(s, finding.id)
    return f"deleted finding {finding.title}"


def _m_recommendation(s: Session, rng: random.Random) -> str:
    choice = rng.random()
    rec = _pick(s, rng, Recommendation)
    if rec is None or choice < 0.35:
        assessment = _pick(s, rng, Assessment)
        if assessment is None:
            return _m_meeting(s, rng)
        rec_service.create_recommendation(
            s,
            assessment.id,
            title="Stärk samverkan med andra myndigheter",
            text=rng.choice(theme_words.RECOMMENDATION_TEXTS),
            recommendation_id=_uid(rng),
        )
        return "created recommendation"
    if choice < 0.85:
        rec_service.update_recommendation(
            s,
            rec.id,
            status=rng.choice(("agreed", "in_progress", "done", "rejected")),
            agency_response=rng.choice(words.AGENCY_RESPONSES),
        )
        return f"edited recommendation {rec.title}"
    rec_service.delete_recommendation(s, rec.id)
    return f"deleted recommendation {rec.title}"


MUTATIONS: tuple[tuple[Callable[[Session, random.Random], str], int], ...] = (
    (_m_create_agency, 2),
    (_m_edit_agency, 3),
    (_m_delete_agency, 1),
    (_m_contact, 6),
    (_m_meeting, 8),
    (_m_action, 6),
    (_m_answer, 12),
    (_m_finding, 5),
    (_m_recommendation, 5),
)


def mutate(db: Database, *, count: int, seed: int = 1) -> list[str]:
    """Apply `count` random user-like edits, each in its own transaction; what was done."""
    if count < 0:
        raise BadInput("the number of edits cannot be negative", code="demo.negative_edits")
    # the number of rows so far joins the seed: the same seed run twice on one file makes
    # new edits (and new ids) the second time, while one file and one seed give one result
    with db.read() as session:
        rows = sum(
            int(session.scalar(select(func.count()).select_from(model.__table__)) or 0)
            for model in SYNCED_MODELS
        )
    rng = random.Random(f"mutate:{seed}:{rows}")
    clock = Clock(datetime(2026, 3, 2, 8) + timedelta(minutes=rng.randrange(0, 10_000)))
    done: list[str] = []
    functions = [f for f, _ in MUTATIONS]
    weights = [w for _, w in MUTATIONS]
    for _ in range(count):
        clock.at(clock.now + timedelta(minutes=rng.randrange(1, 240)))
        action = rng.choices(functions, weights)[0]
        with db.transaction() as session, stamped_by(session, clock):
            done.append(action(session, rng))
    return done
