"""Agencies and their contacts."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from assessor.domain import orgnr
from assessor.domain.errors import row_not_found
from assessor.services import agency_reads
from assessor.services.agency_reads import AgencyFacts as AgencyFacts
from assessor.services.agency_reads import AgencyRow as AgencyRow
from assessor.services.agency_reads import ContactRow as ContactRow
from assessor.services.rows import (
    add_new,
    apply,
    get_live,
    required_text,
    soft_delete,
    sql_connection,
)
from assessor.store.models import Agency, Contact

AGENCY_FIELDS = frozenset({"name", "org_number", "ministry", "website", "notes"})
CONTACT_FIELDS = frozenset({"name", "title", "email", "phone"})


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
    facts = agency_reads.agency_facts(sql_connection(session), agency_id)
    if facts is None:
        raise row_not_found("agency", agency_id)
    return facts


def delete_agency(session: Session, agency_id: str) -> None:
    soft_delete(get_live(session, Agency, agency_id))


def list_agencies(session: Session) -> list[AgencyRow]:
    return agency_reads.agency_rows(sql_connection(session))


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
    return agency_reads.contact_rows(sql_connection(session), agency_id)
