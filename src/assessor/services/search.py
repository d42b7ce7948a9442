"""One search over agencies, meetings, meeting notes, findings and recommendations.

The index is an SQLite FTS5 table, ``local_search`` (migration 0002). It is local: never synced,
never exported, and always rebuildable from the synced rows. It is kept current without triggers
(the sync import must see no triggers) and without hooks: before each search the rows changed
since the last refresh (by ``updated_at``) are indexed again. A sync import that writes rows with
older ``updated_at`` stamps than the local watermark must call :func:`rebuild_index` afterwards.

A hit carries where its text lives (agency, assessment, meeting), so the window can open it there.
Matched words in a snippet are wrapped in :data:`MARK_START` / :data:`MARK_END`; the text itself is
user data, so the UI escapes it before turning the marks into markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import Select, func, select, text
from sqlalchemy.orm import Session

from assessor.domain.errors import BadInput
from assessor.store.models import (
    Agency,
    Assessment,
    Finding,
    Meeting,
    MeetingNote,
    Meta,
    Recommendation,
)

KINDS = ("agency", "meeting", "note", "finding", "recommendation")
MARK_START = "\x02"
MARK_END = "\x03"
WATERMARK_KEY = "search.indexed_to"
DEFAULT_LIMIT = 50


@dataclass(frozen=True)
class SearchHit:
    kind: str  # one of KINDS
    id: str  # the row's id in its own table
    title: str
    snippet: str  # with MARK_START / MARK_END around matched words
    agency_id: str
    assessment_id: str | None  # findings, recommendations (and meetings tied to one)
    meeting_id: str | None  # meetings and notes


@dataclass(frozen=True)
class _Doc:
    kind: str
    row_id: str
    agency_id: str
    title: str
    body: str


def _join(*parts: str) -> str:
    return "\n".join(p for p in parts if p)


# --- turning rows into documents ----------------------------------------------------------


Query = TypeVar("Query", bound="Select[*tuple[Any, ...]]")


def _live(query: Query, model: Any, ids: Iterable[str] | None) -> Query:
    """``query`` kept to live rows of ``model`` and, when ``ids`` are given, to those rows."""
    query = query.where(model.deleted_at.is_(None))
    return query if ids is None else query.where(model.id.in_(list(ids)))


def _in_assessments(model: Any, ids: Iterable[str] | None) -> Select[Any, str]:
    """Live rows of ``model`` (findings, recommendations) with their live assessment's agency."""
    query = (
        select(model, Assessment.agency_id)
        .join(Assessment, Assessment.id == model.assessment_id)
        .where(Assessment.deleted_at.is_(None))
    )
    return _live(query, model, ids)


def _agency_docs(session: Session, ids: Iterable[str] | None) -> Iterator[_Doc]:
    for a in session.scalars(_live(select(Agency), Agency, ids)):
        yield _Doc("agency", a.id, a.id, a.name, _join(a.org_number, a.ministry, a.notes))


def _meeting_title(title: str, starts_at: datetime) -> str:
    when = starts_at.strftime("%Y-%m-%d")
    return f"{title} ({when})" if title else when


def _meeting_docs(session: Session, ids: Iterable[str] | None) -> Iterator[_Doc]:
    for m in session.scalars(_live(select(Meeting), Meeting, ids)):
        yield _Doc(
            "meeting",
            m.id,
            m.agency_id,
            _meeting_title(m.title, m.starts_at),
            _join(m.place, m.agenda, m.notes, m.decisions),
        )


def _note_docs(session: Session, ids: Iterable[str] | None) -> Iterator[_Doc]:
    query = (
        select(MeetingNote, Meeting.agency_id, Meeting.title, Meeting.starts_at)
        .join(Meeting, Meeting.id == MeetingNote.meeting_id)
        .where(Meeting.deleted_at.is_(None))
    )
    for n, agency_id, title, starts_at in session.execute(_live(query, MeetingNote, ids)):
        yield _Doc("note", n.id, agency_id, _meeting_title(title, starts_at), n.text)


def _finding_docs(session: Session, ids: Iterable[str] | None) -> Iterator[_Doc]:
    for f, agency_id in session.execute(_in_assessments(Finding, ids)):
        yield _Doc("finding", f.id, agency_id, f.title, f.text)


def _recommendation_docs(session: Session, ids: Iterable[str] | None) -> Iterator[_Doc]:
    for r, agency_id in session.execute(_in_assessments(Recommendation, ids)):
        yield _Doc(
            "recommendation",
            r.id,
            agency_id,
            r.title,
            _join(r.text, r.rationale, r.agency_response),
        )


_SOURCES = {
    "agency": (Agency, _agency_docs),
    "meeting": (Meeting, _meeting_docs),
    "note": (MeetingNote, _note_docs),
    "finding": (Finding, _finding_docs),
    "recommendation": (Recommendation, _recommendation_docs),
}


# --- keeping the index current -------------------------------------------------------------


def _insert(session: Session, docs: Iterable[_Doc]) -> None:
    rows = [
        {
            "kind": d.kind,
            "row_id": d.row_id,
            "agency_id": d.agency_id,
            "title": d.title,
            "body": d.body,
        }
        for d in docs
    ]
    if rows:
        session.execute(
            text(
                "INSERT INTO local_search (kind, row_id, agency_id, title, body) "
                "VALUES (:kind, :row_id, :agency_id, :title, :body)"
            ),
            rows,
        )


def _remove(session: Session, kind: str, ids: list[str]) -> None:
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join(f":i{n}" for n in range(len(chunk)))
        params: dict[str, str] = {f"i{n}": row_id for n, row_id in enumerate(chunk)}
        params["kind"] = kind
        session.execute(
            text(f"DELETE FROM local_search WHERE kind = :kind AND row_id IN ({marks})"), params
        )


def _latest_change(session: Session) -> datetime | None:
    stamps = [
        session.scalar(select(func.max(model.updated_at)))
        for model in (Agency, Meeting, MeetingNote, Finding, Recommendation, Assessment)
    ]
    present = [s for s in stamps if s is not None]
    return max(present) if present else None


def _set_watermark(session: Session, stamp: datetime | None) -> None:
    value = stamp.isoformat(sep=" ") if stamp is not None else ""
    row = session.get(Meta, WATERMARK_KEY)
    if row is None:
        session.add(Meta(key=WATERMARK_KEY, value=value))
    elif row.value != value:
        row.value = value
    session.flush()


def _watermark(session: Session) -> datetime | bool | None:
    """The last refresh's stamp; None: refreshed, empty database; False: never built."""
    row = session.get(Meta, WATERMARK_KEY)
    if row is None:
        return False
    return datetime.fromisoformat(row.value) if row.value else None


def rebuild_index(session: Session) -> int:
    """Build the whole index again from the rows; returns the number of documents.

    Call after anything that writes rows behind the services' back (a sync import).
    """
    session.execute(text("DELETE FROM local_search"))
    count = 0
    for _model, docs in _SOURCES.values():
        batch = list(docs(session, None))
        _insert(session, batch)
        count += len(batch)
    _set_watermark(session, _latest_change(session))
    return count


def refresh_index(session: Session) -> int:
    """Index again the rows changed since the last refresh; returns how many were looked at."""
    mark = _watermark(session)
    if mark is False:
        rebuild_index(session)
        return -1
    since = mark if isinstance(mark, datetime) else datetime.min
    changed: dict[str, set[str]] = {}
    for kind, (model, _docs) in _SOURCES.items():
        ids = set(session.scalars(select(model.id).where(model.updated_at >= since)))
        if ids:
            changed[kind] = ids
    # a deleted (or restored) parent hides (or shows) its children: look at them again too
    assessments = list(session.scalars(select(Assessment.id).where(Assessment.updated_at >= since)))
    if assessments:
        for kind, model in (("finding", Finding), ("recommendation", Recommendation)):
            changed.setdefault(kind, set()).update(
                session.scalars(select(model.id).where(model.assessment_id.in_(assessments)))
            )
    if "meeting" in changed:
        changed.setdefault("note", set()).update(
            session.scalars(
                select(MeetingNote.id).where(MeetingNote.meeting_id.in_(list(changed["meeting"])))
            )
        )
    looked = 0
    for kind, ids in changed.items():
        id_list = sorted(ids)
        _remove(session, kind, id_list)
        _insert(session, _SOURCES[kind][1](session, id_list))
        looked += len(id_list)
    latest = _latest_change(session)
    if latest != mark:
        _set_watermark(session, latest)
    return looked


# --- searching -----------------------------------------------------------------------------

_WORD = re.compile(r"\w+", re.UNICODE)


def match_expression(query: str) -> str:
    """The user's words as an FTS5 expression: all words, the last one also as a prefix.

    Only word characters reach FTS5, so no input can be an FTS5 syntax error.
    """
    words = _WORD.findall(query)
    if not words:
        return ""
    parts = [f'"{w}"' for w in words]
    parts[-1] += "*"
    return " ".join(parts)


def search(
    session: Session,
    query: str,
    *,
    kinds: Iterable[str] | None = None,
    agency_id: str | None = None,
    limit: int = DEFAULT_LIMIT,
) -> list[SearchHit]:
    """The best matches for ``query``, best first. Refreshes the index first."""
    wanted = tuple(kinds) if kinds is not None else KINDS
    unknown = set(wanted) - set(KINDS)
    if unknown:
        raise BadInput(
            f"unknown kind of search result: {', '.join(sorted(unknown))}",
            code="query.kind",
            kinds=", ".join(sorted(unknown)),
        )
    expression = match_expression(query)
    if not expression or not wanted:
        return []
    refresh_index(session)
    params: dict[str, object] = {"q": expression, "limit": int(limit)}
    marks = ", ".join(f":k{n}" for n in range(len(wanted)))
    params.update({f"k{n}": k for n, k in enumerate(wanted)})
    where = f"local_search MATCH :q AND s.kind IN ({marks}) AND a.deleted_at IS NULL"
    if agency_id is not None:
        where += " AND s.agency_id = :agency"
        params["agency"] = agency_id
    # the snippet comes from the body only: a match in the title is seen in the title, and
    # repeating the title as the "text" said nothing. A note matched only by its meeting's
    # title (which it carries for display) is left out: the meeting itself is the hit, not
    # each of its notes again.
    rows = session.execute(
        text(
            "SELECT s.kind, s.row_id, s.agency_id, s.title, "
            f"snippet(local_search, 4, '{MARK_START}', '{MARK_END}', '…', 12), "
            f"instr(highlight(local_search, 4, '{MARK_START}', '{MARK_END}'), '{MARK_START}') "
            "FROM local_search AS s JOIN agency AS a ON a.id = s.agency_id "
            f"WHERE {where} ORDER BY s.rank, s.title, s.row_id LIMIT :limit"
        ),
        params,
    )
    hits = [
        (str(k), str(i), str(a), str(t), str(sn) if in_body else "")
        for k, i, a, t, sn, in_body in rows
        if in_body or k != "note"
    ]
    return _locate(session, hits)


def _locate(session: Session, rows: list[tuple[str, str, str, str, str]]) -> list[SearchHit]:
    """Add where each hit opens: its assessment or meeting."""
    by_kind: dict[str, list[str]] = {}
    for kind, row_id, *_rest in rows:
        by_kind.setdefault(kind, []).append(row_id)
    assessment_of: dict[str, str | None] = {}
    meeting_of: dict[str, str | None] = {}
    if by_kind.get("finding"):
        for f_id, a_id in session.execute(
            select(Finding.id, Finding.assessment_id).where(Finding.id.in_(by_kind["finding"]))
        ):
            assessment_of[f_id] = a_id
    if by_kind.get("recommendation"):
        for r_id, a_id in session.execute(
            select(Recommendation.id, Recommendation.assessment_id).where(
                Recommendation.id.in_(by_kind["recommendation"])
            )
        ):
            assessment_of[r_id] = a_id
    if by_kind.get("meeting"):
        for m_id, m_assessment in session.execute(
            select(Meeting.id, Meeting.assessment_id).where(Meeting.id.in_(by_kind["meeting"]))
        ):
            meeting_of[str(m_id)] = str(m_id)
            assessment_of[str(m_id)] = m_assessment
    if by_kind.get("note"):
        for n_id, m_id, n_assessment in session.execute(
            select(MeetingNote.id, MeetingNote.meeting_id, Meeting.assessment_id)
            .join(Meeting, Meeting.id == MeetingNote.meeting_id)
            .where(MeetingNote.id.in_(by_kind["note"]))
        ):
            meeting_of[str(n_id)] = str(m_id)
            assessment_of[str(n_id)] = n_assessment
    return [
        SearchHit(
            kind,
            row_id,
            title,
            snippet,
            agency_id,
            assessment_of.get(row_id),
            meeting_of.get(row_id),
        )
        for kind, row_id, agency_id, title, snippet in rows
    ]


# --- where a hit is, for the list of hits ------------------------------------------------------


@dataclass(frozen=True)
class HitPlace:
    """Where a hit lives, so that hits with the same title (one recommendation given to several
    agencies) can be told apart: its agency's name, and the title and date of the meeting or
    assessment it belongs to (empty and None for an agency)."""

    agency: str
    title: str
    on: date | None


def hit_places(session: Session, hits: list[SearchHit]) -> dict[str, HitPlace]:
    """Each hit's place, keyed ``kind:id``, in three queries whatever the number of hits."""
    agency_ids = {h.agency_id for h in hits}
    assessment_ids = {h.assessment_id for h in hits if h.assessment_id}
    meeting_ids = {h.meeting_id for h in hits if h.meeting_id}
    agencies: dict[str, str] = {
        i: n
        for i, n in session.execute(select(Agency.id, Agency.name).where(Agency.id.in_(agency_ids)))
    }
    assessments: dict[str, tuple[str, date]] = {
        i: (t, d)
        for i, t, d in session.execute(
            select(Assessment.id, Assessment.title, Assessment.assessed_on).where(
                Assessment.id.in_(assessment_ids)
            )
        )
    }
    meetings: dict[str, tuple[str, date]] = {
        i: (t, d.date())
        for i, t, d in session.execute(
            select(Meeting.id, Meeting.title, Meeting.starts_at).where(Meeting.id.in_(meeting_ids))
        )
    }
    result = {}
    for h in hits:
        where: tuple[str, date | None] = ("", None)
        if h.kind in ("meeting", "note") and h.meeting_id:
            where = meetings.get(h.meeting_id, where)
        elif h.assessment_id:
            where = assessments.get(h.assessment_id, where)
        result[f"{h.kind}:{h.id}"] = HitPlace(agencies.get(h.agency_id, ""), *where)
    return result
