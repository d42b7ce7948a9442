"""Agencies and their contacts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from assessor.domain import orgnr
from assessor.services.first_paint import AgencyRow as AgencyRow
from assessor.services.rows import add_new, apply, get_live, required_text, soft_delete
from assessor.store.models import Agency, Assessment, Contact, Meeting

AGENCY_FIELDS = frozenset({"name", "org_number", "ministry", "website", "notes"})
CONTACT_FIELDS = frozenset({"name", "title", "email", "phone"})


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


def _clean_agency(changes: dict[str, Any]) -> dict[str, Any]:
    clean = dict(changes)
    if "name" in clean:
        clean["name"] = required_text("name", clean["name"], "The agency's name")
    if clean.get("org_number"):
        clean["org_number"] = orgnr.normalise(clean["org_number"])
    for key in ("ministry", "website", "notes"):
        if key in clean:
            clean[key] = clean[key].strip()
    return clean


def create_agency(
    session: Session,
    *,
    name: str,
    org_number: str = "",
    ministry: str = "",
    website: str = "",
    notes: str = "",
    agency_id: str | None = None,
) -> str:
    fields = _clean_agency(
        {
            "name": name,
            "org_number": org_number,
            "ministry": ministry,
            "website": website,
            "notes": notes,
        }
    )
    agency = Agency(**fields)
    add_new(session, agency, agency_id)
    return agency.id


def update_agency(session: Session, agency_id: str, **changes: Any) -> bool:
    agency = get_live(session, Agency, agency_id)
    return apply(agency, _clean_agency(changes), AGENCY_FIELDS)


def get_agency(session: Session, agency_id: str) -> AgencyFacts:
    a = get_live(session, Agency, agency_id)
    return AgencyFacts(a.id, a.name, a.org_number, a.ministry, a.website, a.notes)


def delete_agency(session: Session, agency_id: str) -> None:
    soft_delete(get_live(session, Agency, agency_id))


def list_agencies(session: Session) -> list[AgencyRow]:
    meetings = (
        select(Meeting.agency_id, func.count().label("n"))
        .where(Meeting.deleted_at.is_(None))
        .group_by(Meeting.agency_id)
        .subquery()
    )
    assessments = (
        select(Assessment.agency_id, func.count().label("n"))
        .where(Assessment.deleted_at.is_(None))
        .group_by(Assessment.agency_id)
        .subquery()
    )
    rows = session.execute(
        select(
            Agency.id,
            Agency.name,
            Agency.org_number,
            Agency.ministry,
            func.coalesce(meetings.c.n, 0),
            func.coalesce(assessments.c.n, 0),
        )
        .outerjoin(meetings, meetings.c.agency_id == Agency.id)
        .outerjoin(assessments, assessments.c.agency_id == Agency.id)
        .where(Agency.deleted_at.is_(None))
        .order_by(Agency.name, Agency.id)
    )
    return [AgencyRow(*r) for r in rows]


def _clean_contact(changes: dict[str, Any]) -> dict[str, Any]:
    clean = {k: (v.strip() if isinstance(v, str) else v) for k, v in changes.items()}
    if "name" in clean:
        clean["name"] = required_text("name", clean["name"], "The contact's name")
    return clean


def create_contact(
    session: Session,
    agency_id: str,
    *,
    name: str,
    title: str = "",
    email: str = "",
    phone: str = "",
    contact_id: str | None = None,
) -> str:
    get_live(session, Agency, agency_id)
    fields = _clean_contact({"name": name, "title": title, "email": email, "phone": phone})
    contact = Contact(agency_id=agency_id, **fields)
    add_new(session, contact, contact_id)
    return contact.id


def update_contact(session: Session, contact_id: str, **changes: Any) -> bool:
    return apply(get_live(session, Contact, contact_id), _clean_contact(changes), CONTACT_FIELDS)


def delete_contact(session: Session, contact_id: str) -> None:
    soft_delete(get_live(session, Contact, contact_id))


def list_contacts(session: Session, agency_id: str) -> list[ContactRow]:
    return [
        ContactRow(c.id, c.agency_id, c.name, c.title, c.email, c.phone)
        for c in session.scalars(
            select(Contact)
            .where(Contact.agency_id == agency_id, Contact.deleted_at.is_(None))
            .order_by(Contact.name, Contact.id)
        )
    ]
