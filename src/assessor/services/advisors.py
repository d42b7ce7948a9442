"""Advisors: the users of the program."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.services.rows import required_text
from assessor.store.models import Advisor


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
    if advisor_id is not None:
        advisor.id = advisor_id
    session.add(advisor)
    session.flush()
    return advisor.id


def list_advisors(session: Session) -> list[Advisor]:
    return list(
        session.scalars(
            select(Advisor).where(Advisor.deleted_at.is_(None)).order_by(Advisor.name, Advisor.id)
        )
    )
