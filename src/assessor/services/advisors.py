"""Advisors: the users of the program."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.services.rows import add_new, required_text
from assessor.store.models import Advisor, SiteAdvisor
from assessor.store.stamping import read_site_and_clock


def create_advisor(
    session: Session,
    *,
    name: str,
    email: str = "",
    initials: str = "",
    advisor_id: str | None = None,
) -> str:
    name = required_text("name", name, "The advisor's name")
    initials = initials or "".join(part[0] for part in name.split() if part)[:3].upper()
    advisor = Advisor(name=name, email=email.strip(), initials=initials)
    add_new(session, advisor, advisor_id)
    return advisor.id


@dataclass(frozen=True)
class AdvisorRow:
    id: str
    name: str
    email: str
    initials: str


def list_advisors(session: Session) -> list[AdvisorRow]:
    return [
        AdvisorRow(a.id, a.name, a.email, a.initials)
        for a in session.scalars(
            select(Advisor).where(Advisor.deleted_at.is_(None)).order_by(Advisor.name, Advisor.id)
        )
    ]


# --- who uses this laptop ---------------------------------------------------------------------


@dataclass(frozen=True)
class Me:
    advisor_id: str
    name: str
    email: str


def me(session: Session) -> Me | None:
    """The advisor who uses this database (this site), if they have said so."""
    site = read_site_and_clock(session.connection())[0]
    link = session.get(SiteAdvisor, site)
    if link is None or link.deleted_at is not None:
        return None
    advisor = session.get(Advisor, link.advisor_id)
    if advisor is None:
        return None
    return Me(advisor.id, advisor.name, advisor.email)


def set_me(session: Session, *, name: str, email: str = "") -> str:
    """Say who uses this database: their name and e-mail travel with sync, so colleagues'
    laptops name them beside what they wrote. Returns the advisor's id."""
    name = required_text("name", name, "Your name")
    email = email.strip()
    current = me(session)
    if current is not None:
        advisor = session.get(Advisor, current.advisor_id)
        assert advisor is not None
        if advisor.name != name:
            advisor.name = name
        if advisor.email != email:
            advisor.email = email
        session.flush()
        return advisor.id
    found = session.scalars(
        select(Advisor)
        .where(Advisor.deleted_at.is_(None), Advisor.name == name, Advisor.email == email)
        .order_by(Advisor.id)
    ).first()
    advisor_id = found.id if found is not None else create_advisor(session, name=name, email=email)
    site = read_site_and_clock(session.connection())[0]
    link = session.get(SiteAdvisor, site)
    if link is None:
        session.add(SiteAdvisor(id=site, advisor_id=advisor_id))
    else:
        link.advisor_id = advisor_id
        link.deleted_at = None
    session.flush()
    return advisor_id


def site_names(session: Session) -> dict[str, str]:
    """Site id -> the name of the advisor who uses it, for every site that has said."""
    rows = session.execute(
        select(SiteAdvisor.id, Advisor.name)
        .join(Advisor, Advisor.id == SiteAdvisor.advisor_id)
        .where(SiteAdvisor.deleted_at.is_(None))
    )
    return {site: name for site, name in rows}
