"""The conflict log in words: what row, which field, both values and who wrote them when.

Qt-free, so the Sync page stays a thin view and the wording is tested here. Table names, field
names and coded values (a status, a kind) come from the one vocabulary (domain/vocabulary.py)
that the window and the reports use too; the rest from a small dictionary per language. Dates
of *values* are written as ISO dates, while the moment of each write is returned as a datetime
for the window to format in the user's locale.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from assessor.domain import hlc
from assessor.domain.counts import counted
from assessor.domain.errors import BadInput, NotFound, ValidationError
from assessor.domain.mapping import edition_parts
from assessor.domain.vocabulary import column_group, field_word, word
from assessor.services import advisors
from assessor.services import sync as sync_service
from assessor.store import stamping
from assessor.store.models import table_of

SV: dict[str, str] = {
    "yes": "Ja",
    "no": "Nej",
    "deleted": "Raderad",
    "not_deleted": "Inte raderad",
    "empty": "—",
    "not_applicable": "Ej tillämplig (E/T)",
    "level_n": "Nivå {n}",
    "version_n": "version {n}",
    "this_laptop": "Den här datorn",
    "laptop": "Dator {id}",
    "unknown_row": "(okänd rad)",
}

EN: dict[str, str] = {
    "yes": "Yes",
    "no": "No",
    "deleted": "Deleted",
    "not_deleted": "Not deleted",
    "empty": "—",
    "not_applicable": "Not applicable (N/A)",
    "level_n": "Level {n}",
    "version_n": "version {n}",
    "this_laptop": "This laptop",
    "laptop": "Laptop {id}",
    "unknown_row": "(unknown row)",
}

TEXTS: dict[str, dict[str, str]] = {"sv": SV, "en": EN}

# free-text fields a user may edit by hand on the conflicts page
FREE_TEXT = frozenset(
    {
        "name",
        "title",
        "notes",
        "text",
        "rationale",
        "agency_response",
        "summary",
        "agenda",
        "decisions",
        "comment",
        "place",
        "role",
        "owner",
        "ministry",
        "recipient",
        "phone",
        "initials",
        "tags",
    }
)


def texts(language: str) -> Mapping[str, str]:
    return TEXTS.get(language, SV)


@dataclass(frozen=True)
class ConflictLine:
    """One conflict as the user reads it; `current`/`other` are display text."""

    id: str
    kind: str  # "edit" or "delete"
    kind_text: str
    thing: str  # the kind of row: "Myndighet"
    name: str  # the row's human name: "Skatteverket"
    field: str  # the field in words: "Anteckningar"
    current: str  # the value kept (what this laptop has now)
    other: str  # the value that lost
    current_by: str
    current_at: datetime | None  # UTC; the window shows it in local time
    other_by: str
    other_at: datetime | None
    resolved: bool
    row_deleted: bool
    editable: bool  # a single free-text field: can be edited by hand before keeping
    edit_value: str  # the current value, raw, to prefill the edit


def stamp_time(stamp: str) -> datetime | None:
    try:
        return datetime.fromtimestamp(hlc.Hlc.parse(stamp).millis / 1000, UTC)
    except ValueError:
        return None


def who(site: str, own_site: str, language: str, names: Mapping[str, str] | None = None) -> str:
    """A site in words: the advisor who uses it, where they have said who they are (the
    synced site_advisor table); else this laptop, or another laptop by the start of its id."""
    t = texts(language)
    name = (names or {}).get(site)
    if name:
        return name
    if site == own_site:
        return t["this_laptop"]
    return t["laptop"].format(id=site[:8])


def _one_line(text: str) -> str:
    """A name or value on one line, whole: the window wraps and elides it (keeping the whole
    in the cell's tooltip) and a terminal wraps it; cut here, the whole was lost to both."""
    return " ".join(text.split())


def _localized(value: Any, language: str) -> str:
    """A {"sv": ..., "en": ...} text (stored as JSON) in the language, else any language."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return str(value)
    if isinstance(value, dict):
        found = value.get(language) or next((v for v in value.values() if v), "")
        return str(found)
    return "" if value is None else str(value)


class DateWords:
    """How the dates inside names and values are written: as ISO here (the command line);
    the window passes one that writes them as the user's locale does, as it writes the
    moments beside them, so one table never shows a date two ways."""

    def day(self, value: date) -> str:
        return value.isoformat()

    def moment(self, value: datetime) -> str:
        return value.isoformat(sep=" ", timespec="minutes")

    def clock(self, value: datetime) -> str:
        return value.strftime("%H:%M")


def _as_moment(raw: Any) -> datetime | date | None:
    if isinstance(raw, (datetime, date)):
        return raw
    try:
        return datetime.fromisoformat(str(raw))
    except ValueError:
        return None


class _Namer:
    """Human names of rows, looked up once per (table, id)."""

    def __init__(self, session: Session, language: str, dates: DateWords) -> None:
        self.session = session
        self.language = language
        self.dates = dates
        self.t = texts(language)
        self.cache: dict[tuple[str, str], str] = {}

    def date_text(self, raw: Any, with_time: bool) -> str:
        """A stored date or time (a value, or its text in a row read raw) as words."""
        if raw is None or raw == "":
            return ""
        value = _as_moment(raw)
        if value is None:  # not a date after all: shown as stored
            return str(raw)
        if isinstance(value, datetime):
            return self.dates.moment(value) if with_time else self.dates.day(value.date())
        return self.dates.day(value)

    def row(self, table: str, row_id: str) -> dict[str, Any] | None:
        if table not in stamping.MODELS_BY_TABLE:
            return None
        return sync_service.raw_row(self.session, table, row_id)

    def name(self, table: str, row_id: str | None) -> str:
        if not row_id:
            return self.t["empty"]
        key = (table, row_id)
        if key not in self.cache:
            self.cache[key] = self._name(table, row_id)
        return self.cache[key]

    def _name(self, table: str, row_id: str) -> str:
        r = self.row(table, row_id)
        if r is None:
            return self.t["unknown_row"]
        lang = self.language
        if table in ("advisor", "agency", "contact", "mapping_set"):
            return _one_line(r["name"])
        if table in ("action_item", "finding", "recommendation", "recommendation_template"):
            return _one_line(r["title"])
        if table == "checklist":
            return _one_line(f"{_localized(r['title'], lang)} {r['version']}")
        if table == "checklist_dimension":
            return _one_line(_localized(r["title"], lang))
        if table == "checklist_question":
            return _one_line(_localized(r["text"], lang))
        if table == "assessment":
            agency = self.name("agency", r["agency_id"])
            title = r["title"] or agency
            return _one_line(f"{title}, {self.date_text(r['assessed_on'], False)}")
        if table == "meeting":
            title = r["title"] or word("meeting_kind", r["kind"], lang)
            agency = self.name("agency", r["agency_id"])
            return _one_line(f"{title} ({agency}), {self.date_text(r['starts_at'], False)}")
        if table == "meeting_note":
            meeting = self.name("meeting", r["meeting_id"])
            return _one_line(f"{meeting}: {self.date_text(r['written_at'], True)}")
        if table in ("meeting_advisor", "assessment_advisor"):
            parent = "meeting" if table == "meeting_advisor" else "assessment"
            adv = self.name("advisor", r["advisor_id"])
            return _one_line(f"{adv}: {self.name(parent, r[f'{parent}_id'])}")
        if table == "meeting_participant":
            person = r["name"] or self.name("contact", r["contact_id"])
            return _one_line(f"{person}: {self.name('meeting', r['meeting_id'])}")
        if table in ("answer", "evidence"):
            return self.name("checklist_question", r["question_id"])
        if table == "target_level":
            return self.name("checklist_dimension", r["dimension_id"])
        if table in ("recommendation_dimension", "recommendation_finding"):
            return self.name("recommendation", r["recommendation_id"])
        if table == "report_record":
            return _one_line(
                f"{r['file_name'] or self.name('assessment', r['assessment_id'])}, "
                f"{self.date_text(r['exported_at'], False)}"
            )
        return row_id[:8]


def _column_text(namer: _Namer, table: str, column: sa.Column[Any], raw: Any) -> str:
    t = namer.t
    if column.foreign_keys:
        target = next(iter(column.foreign_keys)).column.table.name
        return namer.name(target, raw)
    if raw is None or raw == "":
        return t["empty"]
    kind = column.type
    if isinstance(kind, sa.Boolean):
        return t["yes"] if raw in (1, True, "1", "true") else t["no"]
    if isinstance(kind, sa.DateTime):
        return namer.date_text(raw, True)
    if isinstance(kind, sa.Date):
        return namer.date_text(raw, False)
    if isinstance(kind, sa.JSON):
        return _one_line(_localized(raw, namer.language))
    group = column_group(table, column.name)
    if group is not None:
        return word(group, str(raw), namer.language)
    return str(raw)


def value_text(namer: _Namer, table: str, group: str, value: Mapping[str, Any]) -> str:
    """One group's value in words."""
    t = namer.t
    if group == stamping.DELETED_GROUP:
        return t["not_deleted"] if value.get("deleted_at") is None else t["deleted"]
    if table == "answer" and group == "level":
        na = value.get("not_applicable") in (1, True, "1")
        if na:
            return t["not_applicable"]
        level = value.get("level")
        return t["empty"] if level is None else t["level_n"].format(n=level)
    if table == "meeting" and group == "time":
        start = namer.date_text(value.get("starts_at"), True)
        begins, ends = _as_moment(value.get("starts_at")), _as_moment(value.get("ends_at"))
        if isinstance(begins, datetime) and isinstance(ends, datetime):
            same_day = ends.date() == begins.date()
            end = namer.dates.clock(ends) if same_day else namer.dates.moment(ends)
        else:
            end = namer.date_text(value.get("ends_at"), True)
        return f"{start}–{end}" if end else (start or t["empty"])
    if table == "mapping_set" and group == "edition":
        # a whole edition: its version and size first (editions of one set mostly share
        # their name)
        links = value.get("links")
        stored, version = edition_parts(json.loads(links) if isinstance(links, str) else links)
        size = counted(len(stored) if isinstance(stored, list) else 0, "link", namer.language)
        if version is not None:
            size = f"{t['version_n'].format(n=version)}, {size}"
        return f"{size}: {_one_line(str(value.get('name') or ''))}"
    columns = table_of(stamping.MODELS_BY_TABLE[table]).c
    parts = [_column_text(namer, table, columns[c], value.get(c)) for c in value if c in columns]
    return " / ".join(parts) if parts else t["empty"]


def field_text(group: str, language: str, table: str = "") -> str:
    return field_word(table, group, language)


def _editable(table: str, group: str, kind: str) -> bool:
    if kind != "edit" or table not in stamping.MODELS_BY_TABLE:
        return False
    cols = stamping.groups_of(table).get(group, ())
    return len(cols) == 1 and cols[0] == group and group in FREE_TEXT


def describe(
    session: Session,
    language: str = "sv",
    *,
    include_resolved: bool = False,
    dates: DateWords | None = None,
) -> list[ConflictLine]:
    """The conflict log in words, in the given language ("sv" or "en"), dates written by
    ``dates`` (ISO unless told)."""
    t = texts(language)
    namer = _Namer(session, language, dates or DateWords())
    own = sync_service.site_id(session)
    names = advisors.site_names(session)
    out: list[ConflictLine] = []
    for c in sync_service.list_conflicts(session, include_resolved=include_resolved):
        known = c.table_name in stamping.MODELS_BY_TABLE
        editable = _editable(c.table_name, c.field_group, c.kind)
        raw_now = c.current.get(c.field_group) if editable else None
        if c.row_deleted and c.kind == "delete":
            current = t["deleted"]
        elif known:
            current = value_text(namer, c.table_name, c.field_group, c.current)
        else:
            current = str(c.current)
        out.append(
            ConflictLine(
                id=c.id,
                kind=c.kind,
                kind_text=word("conflict_kind", c.kind, language),
                thing=word("table", c.table_name, language),
                name=namer.name(c.table_name, c.row_id) if known else c.row_id[:8],
                field=field_text(c.field_group, language, c.table_name),
                current=current,
                other=value_text(namer, c.table_name, c.field_group, c.other)
                if known
                else str(c.other),
                current_by=who(c.winner_site, own, language, names),
                current_at=stamp_time(c.winner_hlc),
                other_by=who(c.loser_site, own, language, names),
                other_at=stamp_time(c.loser_hlc),
                resolved=c.resolved,
                row_deleted=c.row_deleted,
                editable=editable,
                edit_value="" if raw_now is None else str(raw_now),
            )
        )
    return out


def keep_edited(session: Session, conflict_id: str, text: str) -> None:
    """Settle a conflict with a value the user wrote: a new edit, stamped now, so it wins
    everywhere; the conflict is marked resolved."""
    conflict = sync_service.find_conflict(session, conflict_id)
    if not _editable(conflict.table_name, conflict.field_group, conflict.kind):
        raise BadInput(
            "this conflict's value cannot be edited by hand; keep one of the two",
            code="conflict.not_editable",
        )
    model = stamping.MODELS_BY_TABLE[conflict.table_name]
    row = session.get(model, conflict.row_id)
    if row is None:
        raise NotFound(
            f"the {conflict.table_name} row of this conflict is gone",
            code="conflict.row_gone",
            table=conflict.table_name,
        )
    column = table_of(model).c[conflict.field_group]
    value = text.strip() if column.name in ("name", "title") else text
    if column.name in ("name", "title") and column.default is None and not value:
        raise ValidationError(column.name, "must not be empty", code="conflict.empty_value")
    setattr(row, column.name, value)
    session.flush()
    if any(c.id == conflict_id for c in sync_service.list_conflicts(session)):
        # the value typed is the one shown: still a write made holding both
        stamping.write_groups(
            session.connection(), conflict.table_name, conflict.row_id, [conflict.field_group]
        )
        session.expire(row)
