"""Likely duplicate agencies (two advisors created the same one) and merging two into one."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from assessor.domain.errors import BadInput
from assessor.services.rows import get_live, soft_delete
from assessor.store.models import (
    SYNCED_MODELS,
    Agency,
    Assessment,
    Contact,
    Meeting,
    table_of,
)

SIMILAR = 0.88
FILLABLE = ("org_number", "ministry", "website", "notes")


@dataclass(frozen=True)
class DuplicatePair:
    first_id: str
    second_id: str
    first_name: str
    second_name: str
    reason: str  # "org_number" or "name"
    score: float


def _plain_name(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).casefold()
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())


def find_duplicates(session: Session, threshold: float = SIMILAR) -> list[DuplicatePair]:
    """Pairs of live agencies with the same organisation number or very similar names."""
    rows = session.execute(
        select(Agency.id, Agency.name, Agency.org_number)
        .where(Agency.deleted_at.is_(None))
        .order_by(Agency.id)
    ).all()
    pairs: dict[tuple[str, str], DuplicatePair] = {}
    by_number: dict[str, list[tuple[str, str]]] = {}
    for agency_id, name, number in rows:
        if number:
            by_number.setdefault(number, []).append((agency_id, name))
    for group in by_number.values():
        for i, (a_id, a_name) in enumerate(group):
            for b_id, b_name in group[i + 1 :]:
                pairs[(a_id, b_id)] = DuplicatePair(a_id, b_id, a_name, b_name, "org_number", 1.0)
    plain = [(agency_id, name, _plain_name(name)) for agency_id, name, _ in rows]
    matcher = difflib.SequenceMatcher(autojunk=False)
    for i, (a_id, a_name, a_plain) in enumerate(plain):
        matcher.set_seq2(a_plain)
        for b_id, b_name, b_plain in plain[i + 1 :]:
            if (a_id, b_id) in pairs:
                continue
            matcher.set_seq1(b_plain)
            if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
                continue
            score = matcher.ratio()
            if score >= threshold:
                pairs[(a_id, b_id)] = DuplicatePair(a_id, b_id, a_name, b_name, "name", score)
    return sorted(pairs.values(), key=lambda p: (-p.score, p.first_name, p.first_id))


def merge_agencies(session: Session, keep_id: str, other_id: str) -> int:
    """Move everything of `other` to `keep`, fill keep's empty fields, delete `other`.

    Every change is an ordinary stamped edit, so it syncs; rows already deleted move too, so
    that a restore later finds them under the right agency. Returns how many rows moved.
    """
    return sum(merge_agencies_by_table(session, keep_id, other_id).values())


def merge_agencies_by_table(session: Session, keep_id: str, other_id: str) -> dict[str, int]:
    """As merge_agencies, returning how many rows moved per table (tables with none left out)."""
    if keep_id == other_id:
        raise BadInput("an agency cannot be merged with itself", code="agency.merge_self")
    keep = get_live(session, Agency, keep_id)
    other = get_live(session, Agency, other_id)
    for field in FILLABLE:
        if not getattr(keep, field) and getattr(other, field):
            setattr(keep, field, getattr(other, field))
    moved: dict[str, int] = {}
    for model in SYNCED_MODELS:
        table = table_of(model)
        for column in table.columns:
            if not any(fk.column.table.name == "agency" for fk in column.foreign_keys):
                continue
            attr = getattr(model, column.name)
            for row in session.scalars(select(model).where(attr == other_id)):
                setattr(row, column.name, keep_id)
                moved[table.name] = moved.get(table.name, 0) + 1
    soft_delete(other)
    session.flush()
    return moved


@dataclass(frozen=True)
class AgencyDetails:
    """What a user compares before choosing which of two agencies to keep (live rows only)."""

    id: str
    name: str
    org_number: str
    ministry: str
    contacts: int
    meetings: int
    assessments: int


def agency_details(session: Session, agency_id: str) -> AgencyDetails:
    agency = get_live(session, Agency, agency_id)

    def count(model: type[Contact] | type[Meeting] | type[Assessment]) -> int:
        return (
            session.scalar(
                select(func.count())
                .select_from(model)
                .where(model.agency_id == agency_id, model.deleted_at.is_(None))
            )
            or 0
        )

    return AgencyDetails(
        agency.id,
        agency.name,
        agency.org_number,
        agency.ministry,
        count(Contact),
        count(Meeting),
        count(Assessment),
    )
