"""A realistic, deterministic demo database, and random user-like edits for exercising sync.

Everything comes from one random.Random(seed): the same seed gives the same rows, ids
included, and the created/updated stamps come from a simulated clock, never the wall clock.
All rows are made through the service functions, as a user's edits would be.

Real agency names and organisation numbers come from demo_data.KNOWN_AGENCIES; agencies
beyond those get generated names and SYNTHETIC organisation numbers (see demo_data).
"""

from __future__ import annotations

import math
import random
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import event, func, inspect, select
from sqlalchemy.orm import Session

from assessor.domain import orgnr
from assessor.domain.errors import AssessorError, BadInput
from assessor.services import answers as answer_service
from assessor.services import assessments as assessment_service
from assessor.services import demo_data as words
from assessor.services import findings as finding_service
from assessor.services import meetings as meeting_service
from assessor.services import recommendations as rec_service
from assessor.services.advisors import create_advisor
from assessor.services.agencies import (
    create_agency,
    create_contact,
    delete_agency,
    delete_contact,
    update_agency,
    update_contact,
)
from assessor.store.db import Database
from assessor.store.models import (
    FINDING_KINDS,
    SYNCED_MODELS,
    ActionItem,
    Advisor,
    Agency,
    Answer,
    Assessment,
    Checklist,
    ChecklistDimension,
    ChecklistQuestion,
    Contact,
    Finding,
    Meeting,
    Recommendation,
    RecommendationTemplate,
    Synced,
)

DEFAULT_CHECKLIST_KEY = "digital-maturity"
MEETINGS_PER_AGENCY = (7, 13)  # about 10: 3,000 meetings for 300 agencies
# about 35,000 answers for 300 agencies, whatever the checklist's size: the number of
# assessments per agency follows from its question count
ANSWERS_PER_AGENCY = 117
MAX_AGENCIES = 2000
BULK_CACHE_KIB = -131072  # negative: KiB, so 128 MiB
CHECKPOINT_EVERY = 5  # agencies between writes; templates saved from them join the library


@dataclass(frozen=True)
class DemoSummary:
    agencies: int
    advisors: int
    contacts: int
    meetings: int
    action_items: int
    assessments: int
    answers: int
    findings: int
    recommendations: int
    templates: int


def count_rows(session: Session) -> DemoSummary:
    def live(model: type[Synced]) -> int:
        table = model.__table__
        n = session.scalar(
            select(func.count()).select_from(table).where(table.c.deleted_at.is_(None))
        )
        return int(n or 0)

    return DemoSummary(
        live(Agency), live(Advisor), live(Contact), live(Meeting), live(ActionItem),
        live(Assessment), live(Answer), live(Finding), live(Recommendation),
        live(RecommendationTemplate),
    )


def has_user_data(session: Session) -> bool:
    """Whether the database holds anything beyond checklists (live or deleted)."""
    return any(
        session.scalar(select(model.id).limit(1)) is not None
        for model in (Agency, Advisor, RecommendationTemplate)
    )


# --- the simulated clock -------------------------------------------------------------------


class Clock:
    """The time every row created or changed is stamped with; the demo moves it along."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def at(self, when: datetime) -> None:
        self.now = when


@contextmanager
def stamped_by(session: Session, clock: Clock) -> Iterator[None]:
    """Stamp created_at/updated_at/deleted_at of the session's rows from the clock."""

    def on_add(_session: Session, obj: Any) -> None:
        if isinstance(obj, Synced):
            obj.created_at = obj.updated_at = clock.now

    def before_flush(sess: Session, _context: Any, _instances: Any) -> None:
        for obj in sess.dirty:
            if not isinstance(obj, Synced) or not sess.is_modified(obj):
                continue
            obj.updated_at = clock.now
            history = inspect(obj).attrs.deleted_at.history
            if history.added and history.added[0] is not None:
                obj.deleted_at = clock.now

    event.listen(session, "transient_to_pending", on_add)
    event.listen(session, "before_flush", before_flush)
    try:
        yield
    finally:
        event.remove(session, "before_flush", before_flush)
        event.remove(session, "transient_to_pending", on_add)


class BulkSession:
    """Building a new database in one unit of work without a flush per row.

    The services flush after each insert so that a database-assigned default id is known;
    the demo gives every row its id itself, so those flushes only cost time (3,000 meetings
    would mean 100,000 flushes). While active, flush() is a no-op unless called through
    checkpoint(), and get() answers from the rows this session created: the database held
    no user data when building began, so a row not created here (other than the checklist
    rows, read from the file) does not exist.
    """

    CHECKLIST_MODELS = (Checklist, ChecklistDimension, ChecklistQuestion)

    def __init__(self, session: Session) -> None:
        self.session = session
        self.created: dict[tuple[type[Any], str], Any] = {}
        self._real_flush = session.flush
        self._real_get = session.get

    def _on_add(self, _session: Session, obj: Any) -> None:
        if isinstance(obj, Synced):
            if obj.id is None:
                raise AssertionError(f"a demo {obj.__tablename__} row was added without an id")
            self.created[(type(obj), obj.id)] = obj

    def _get(self, model: Any, ident: Any, **kw: Any) -> Any:
        found = self.created.get((model, ident))
        if found is not None or model not in self.CHECKLIST_MODELS:
            return found
        return self._real_get(model, ident, **kw)

    def checkpoint(self) -> None:
        """Write what is pending, so that queries see it."""
        self._real_flush()

    @contextmanager
    def active(self) -> Iterator[BulkSession]:
        event.listen(self.session, "transient_to_pending", self._on_add)
        setattr(self.session, "flush", lambda objects=None: None)  # noqa: B010
        setattr(self.session, "get", self._get)  # noqa: B010
        try:
            yield self
            self.checkpoint()
        finally:
            del self.session.flush
            del self.session.get
            event.remove(self.session, "transient_to_pending", self._on_add)


# --- the checklist the demo scores against -------------------------------------------------


@dataclass
class DimensionInfo:
    id: str
    key: str
    title: str  # Swedish, lower case first letter, for phrases
    theme: str
    questions: list[str]


@dataclass
class ChecklistInfo:
    id: str
    levels: list[int]
    dimensions: list[DimensionInfo]

    @property
    def question_count(self) -> int:
        return sum(len(d.questions) for d in self.dimensions)


def _theme(key: str, title: str) -> str:
    # the key first: titles mix themes ("Nyttorealisering och investeringsstyrning")
    for text in (key.casefold(), title.casefold()):
        for theme, needles in words.THEME_WORDS.items():
            if any(n in text for n in needles):
                return theme
    return ""


def _ascii(text: str) -> str:
    """For e-mail addresses: 'Åsa Öberg' -> 'asa oberg'."""
    table = str.maketrans("åäöéüæø", "aaoeuao")
    return text.lower().translate(table)


def load_checklist_info(session: Session) -> ChecklistInfo:
    """The default checklist (imported first if missing), or the first one the file has."""
    from assessor.services.checklists import ensure_default

    ensure_default(session)
    checklists = session.scalars(
        select(Checklist).where(Checklist.deleted_at.is_(None)).order_by(Checklist.key,
                                                                          Checklist.id)
    ).all()
    if not checklists:
        raise AssessorError("no checklist to assess against; import one first")
    chosen = next((c for c in checklists if c.key == DEFAULT_CHECKLIST_KEY), checklists[0])
    dims = session.scalars(
        select(ChecklistDimension)
        .where(ChecklistDimension.checklist_id == chosen.id)
        .order_by(ChecklistDimension.position, ChecklistDimension.key)
    ).all()
    questions: dict[str, list[str]] = defaultdict(list)
    for q_id, dim_id in session.execute(
        select(ChecklistQuestion.id, ChecklistQuestion.dimension_id)
        .where(ChecklistQuestion.checklist_id == chosen.id)
        .order_by(ChecklistQuestion.position, ChecklistQuestion.key)
    ):
        questions[dim_id].append(q_id)
    infos = []
    for d in dims:
        title = str(d.title.get("sv") or d.title.get("en") or d.key)
        title = title[:1].lower() + title[1:]
        infos.append(DimensionInfo(d.id, d.key, title, _theme(d.key, title), questions[d.id]))
    levels = sorted(int(step["level"]) for step in chosen.scale)
    return ChecklistInfo(chosen.id, levels, [d for d in infos if d.questions])


# --- building ------------------------------------------------------------------------------


@dataclass
class AgencyPlan:
    id: str
    name: str
    domain: str
    contacts: list[tuple[str, str]] = field(default_factory=list)  # (id, name)


class Builder:
    def __init__(self, session: Session, seed: int, clock: Clock,
                 flush: Callable[[], None] | None = None) -> None:
        self.s = session
        self.flush = flush or session.flush
        self.to_library: list[tuple[str, DimensionInfo]] = []
        self.library_titles: set[str] = set()
        self.open_recommendations: dict[str, list[tuple[str, str, str]]] = {}
        self.rng = random.Random(seed)
        self.clock = clock
        self.start = datetime(2024, 1, 8) + timedelta(days=self.rng.randrange(0, 180))
        self.end = self.start + timedelta(days=730)
        self.used_orgnr: set[str] = set()
        self.advisors: list[tuple[str, str]] = []
        self.templates: dict[str, list[str]] = defaultdict(list)  # dimension key -> ids
        self.good_practices: list[str] = []
        self.counts: dict[str, int] = defaultdict(int)

    # small helpers
    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def person(self) -> str:
        return f"{self.rng.choice(words.FIRST_NAMES)} {self.rng.choice(words.LAST_NAMES)}"

    def synthetic_orgnr(self) -> str:
        while True:
            body = "2029" + "".join(str(self.rng.randrange(10)) for _ in range(5))
            number = f"{body[:6]}-{body[6:]}{orgnr.luhn_check_digit(body)}"
            if number not in self.used_orgnr:
                self.used_orgnr.add(number)
                return number

    def workday(self, day: date) -> date:
        while day.weekday() >= 5:
            day += timedelta(days=1)
        return day

    # people and agencies
    def make_advisors(self, count: int) -> None:
        names: set[str] = set()
        while len(names) < count:
            names.add(self.person())
        for name in sorted(names):
            first, last = name.split(" ", 1)
            email = _ascii(f"{first}.{last}@radgivning.example")
            advisor_id = create_advisor(self.s, name=name, email=email, advisor_id=self.uid())
            self.advisors.append((advisor_id, name))

    def agency_specs(self, count: int) -> list[tuple[str, str, str, str]]:
        specs = list(words.KNOWN_AGENCIES[:count])
        self.used_orgnr.update(number for _, number, _, _ in words.KNOWN_AGENCIES)
        for county in words.COUNTIES:
            if len(specs) >= count:
                break
            slug = county.lower().rstrip("s").replace("å", "a").replace("ä", "a") \
                .replace("ö", "o").replace(" ", "")
            specs.append((f"Länsstyrelsen i {county} län", self.synthetic_orgnr(),
                          "Finansdepartementet", f"www.lansstyrelsen.se/{slug}"))
        names = [form.format(f) for f in words.INVENTED_FIELDS for form in words.INVENTED_FORMS]
        self.rng.shuffle(names)
        serial = 0
        while len(specs) < count:
            if names:
                name = names.pop()
            else:
                serial += 1
                name = f"Statens servicecenter region {serial}"
            slug = "".join(ch for ch in name.lower() if ch.isalpha())[:20]
            specs.append((name, self.synthetic_orgnr(), self.rng.choice(words.MINISTRIES),
                          f"www.{slug}.example"))
        return specs

    def make_agency(self, name: str, number: str, ministry: str, website: str) -> AgencyPlan:
        self.clock.at(self.start - timedelta(days=self.rng.randrange(10, 60)))
        agency_id = create_agency(self.s, name=name, org_number=number, ministry=ministry,
                                  website=f"https://{website}", agency_id=self.uid())
        domain = website.split("/")[0].removeprefix("www.")
        plan = AgencyPlan(agency_id, name, domain)
        titles = self.rng.sample(words.CONTACT_TITLES, self.rng.randint(3, 6))
        for title in titles:
            contact = self.person()
            first, last = contact.split(" ", 1)
            contact_id = create_contact(
                self.s, agency_id, name=contact, title=title,
                email=_ascii(f"{first}.{last}@{domain}"),
                phone=f"010-{self.rng.randrange(100, 999)} {self.rng.randrange(10, 99)} "
                      f"{self.rng.randrange(10, 99)}",
                contact_id=self.uid(),
            )
            plan.contacts.append((contact_id, contact))
        self.counts["contacts"] += len(titles)
        return plan

    # templates
    def make_template_library(self, checklist: ChecklistInfo) -> None:
        self.clock.at(self.start - timedelta(days=90))
        for dim in checklist.dimensions:
            for title in self.phrases(dim, "rec")[:2]:
                template_id = rec_service.create_template(
                    self.s, title=title, text=self.rng.choice(words.RECOMMENDATION_TEXTS),
                    rationale=self.rng.choice(words.RATIONALES), dimension_key=dim.key,
                    tags=self.tags(dim), template_id=self.uid(),
                )
                self.templates[dim.key].append(template_id)
                self.library_titles.add(title)

    def tags(self, dim: DimensionInfo) -> list[str]:
        own = words.THEME_TAGS.get(dim.theme, "")
        return [t for t in (own, self.rng.choice(words.TEMPLATE_TAGS)) if t]

    def phrases(self, dim: DimensionInfo, kind: str) -> list[str]:
        bank = words.THEMES.get(dim.theme, {}).get(kind) or words.GENERIC_THEME[kind]
        return [p.format(dim=dim.title) for p in bank]

    # one agency's two years
    def build_agency(self, plan: AgencyPlan, checklist: ChecklistInfo) -> None:
        rng = self.rng
        per_agency = ANSWERS_PER_AGENCY / max(1.0, checklist.question_count * 0.93)
        # some agencies are visited more often than others; the mean stays per_agency
        n_assess = int(per_agency) + (rng.random() < per_agency % 1)
        if n_assess >= 2:
            n_assess += rng.choice((-1, 0, 0, 1))
        n_assess = max(1, min(4, n_assess))
        n_meetings = rng.randint(*MEETINGS_PER_AGENCY)
        span = (self.end - self.start).days
        gap = span // (n_assess + 1)
        first = rng.randrange(20, max(21, gap))
        dates = [self.workday((self.start + timedelta(days=first + i * gap
                                                      + rng.randrange(-20, 20))).date())
                 for i in range(n_assess)]
        # latent maturity per dimension, growing a little between assessments
        base = rng.gauss(1.7, 0.6)
        latent = {d.id: base + rng.gauss(0, 0.55) for d in checklist.dimensions}
        meetings_left = n_meetings
        previous: str | None = None
        for index, assessed_on in enumerate(dates):
            last = index == len(dates) - 1
            own = max(2, min(meetings_left - (len(dates) - index - 1) * 2, rng.randint(3, 5)))
            meetings_left -= own
            previous = self.build_assessment(plan, checklist, assessed_on, latent, own, last,
                                             previous)
            for d in latent:
                latent[d] += rng.uniform(0.05, 0.6)
        for _ in range(max(0, meetings_left)):
            when = self.start + timedelta(days=rng.randrange(0, span))
            self.make_meeting(plan, when, rng.choice(("followup", "network")),
                              rng.choice(checklist.dimensions), None)

    def meeting_time(self, day: date) -> datetime:
        day = self.workday(day)
        return datetime.combine(day, time(self.rng.choice((9, 10, 13, 14)),
                                          self.rng.choice((0, 0, 15, 30))))

    def make_meeting(self, plan: AgencyPlan, when: datetime, purpose: str,
                     dim: DimensionInfo, assessment: tuple[str, list[str], DimensionInfo] | None,
                     ) -> str:
        rng = self.rng
        starts = self.meeting_time(when.date())
        ends = starts + timedelta(minutes=rng.choice((60, 90, 120, 180)))
        self.clock.at(ends)
        kind = rng.choices(("visit", "workshop", "video", "phone", "other"),
                           (5, 2 if purpose == "workshop" else 1, 3, 1, 1))[0]
        title = rng.choice(words.MEETING_TITLES[purpose]).format(dim=dim.title)
        attendees = rng.sample(plan.contacts, min(len(plan.contacts), rng.randint(1, 4)))
        names = [n for _, n in attendees]
        agenda = "\n".join(
            f"{i}. {item.format(dim=dim.title)}"
            for i, item in enumerate(rng.sample(words.AGENDA_ITEMS, rng.randint(3, 5)), 1)
        )
        notes = "\n".join(
            s.format(dim=dim.title, contact=rng.choice(names))
            for s in rng.sample(words.NOTE_SENTENCES, rng.randint(2, 5))
        )
        confidential = rng.random() < 0.1
        if confidential:
            notes += "\n" + rng.choice(words.CONFIDENTIAL_NOTES)
        decisions = "\n".join(
            f"- {d.format(dim=dim.title)}" for d in rng.sample(words.DECISIONS, rng.randint(0, 3))
        )
        meeting_id = meeting_service.create_meeting(
            self.s, plan.id, starts_at=starts, ends_at=ends, title=title,
            place="Videomöte" if kind == "video" else rng.choice(words.PLACES), kind=kind,
            agenda=agenda, notes=notes, decisions=decisions, confidential=confidential,
            assessment_id=assessment[0] if assessment else None, meeting_id=self.uid(),
        )
        self.counts["meetings"] += 1
        advisors = assessment[1] if assessment else [rng.choice(self.advisors)[0]]
        for advisor_id in advisors:
            meeting_service.set_meeting_advisor(self.s, meeting_id, advisor_id, True)
        for contact_id, _ in attendees:
            meeting_service.add_participant(self.s, meeting_id, contact_id=contact_id)
        if rng.random() < 0.15:
            meeting_service.add_participant(self.s, meeting_id, name=self.person(),
                                            role="Konsult", participant_id=self.uid())
        for _ in range(rng.choices((0, 1, 2, 3), (3, 4, 2, 1))[0]):
            due = starts.date() + timedelta(days=rng.randrange(14, 60))
            owner = rng.choice(names + [n for _, n in self.advisors[:3]])
            meeting_service.create_action_item(
                self.s, plan.id, title=rng.choice(words.ACTION_ITEMS).format(dim=dim.title),
                meeting_id=meeting_id, owner=owner, due_on=due,
                done=due < self.end.date() and rng.random() < 0.7, action_id=self.uid(),
            )
            self.counts["action_items"] += 1
        if assessment is not None:
            # meeting mode: time-stamped entries, some tied to a question (becoming evidence)
            note_dim = assessment[2]
            for minute in sorted(rng.sample(range(5, 55), rng.randint(2, 4))):
                tied = rng.choice(note_dim.questions) if rng.random() < 0.6 else None
                answer_service.add_meeting_note(
                    self.s, meeting_id,
                    text=rng.choice(words.NOTE_SENTENCES).format(dim=note_dim.title,
                                                                  contact=rng.choice(names)),
                    written_at=starts + timedelta(minutes=minute), question_id=tied,
                    confidential=confidential and rng.random() < 0.3, note_id=self.uid(),
                )
        return meeting_id

    def build_assessment(
        self, plan: AgencyPlan, checklist: ChecklistInfo, assessed_on: date,
        latent: dict[str, float], meetings: int, last: bool, previous: str | None,
    ) -> str:
        rng = self.rng
        lo, hi = checklist.levels[0], checklist.levels[-1]
        kickoff = datetime.combine(assessed_on - timedelta(days=rng.randrange(25, 45)), time(8))
        self.clock.at(kickoff)
        advisors = [a for a, _ in rng.sample(self.advisors, rng.randint(1, 3))]
        targets = {d: float(min(hi, max(lo, round(v) + 1))) for d, v in latent.items()}
        aid = assessment_service.create_assessment(
            self.s, plan.id, checklist_id=checklist.id, assessed_on=assessed_on,
            title=f"{'Uppföljning' if previous else 'Bedömning'} {assessed_on.year}",
            advisor_ids=advisors, targets=targets, assessment_id=self.uid(),
        )
        self.counts["assessments"] += 1
        # meetings of the assessment: kick-off, interviews, feedback afterwards
        dims = checklist.dimensions
        self.make_meeting(plan, kickoff, "start", rng.choice(dims), (aid, advisors, dims[0]))
        for i in range(max(0, meetings - 2)):
            dim = rng.choice(dims)
            when = kickoff + timedelta(days=5 + i * 7 + rng.randrange(0, 4))
            self.make_meeting(plan, when, rng.choice(("interview", "workshop")), dim,
                              (aid, advisors, dim))
        self.clock.at(datetime.combine(assessed_on, time(16)))
        # answers
        draft = last and (assessed_on + timedelta(days=60) > self.end.date()
                          or rng.random() < 0.3)
        skip = rng.uniform(0.0, 0.4) if draft else 0.0
        scores: dict[str, list[int]] = defaultdict(list)
        for dim in dims:
            for q in dim.questions:
                if rng.random() < skip:
                    continue
                if rng.random() < 0.03:
                    answer_service.set_answer(self.s, aid, q, not_applicable=True,
                                              comment="Gäller inte myndigheten.")
                    self.counts["answers"] += 1
                    continue
                level = min(hi, max(lo, round(latent[dim.id] + rng.gauss(0, 0.6))))
                scores[dim.id].append(level)
                answer_service.set_answer(
                    self.s, aid, q, level=level,
                    comment=rng.choice(words.ANSWER_COMMENTS) if rng.random() < 0.25 else "",
                    confidence=rng.choices(("low", "medium", "high"), (1, 4, 3))[0],
                    for_review=draft and rng.random() < 0.08,
                )
                self.counts["answers"] += 1
        ranked = sorted(dims, key=lambda d: (sum(scores[d.id]) / max(1, len(scores[d.id])), d.key))
        findings = self.make_findings(aid, ranked)
        self.make_recommendations(aid, ranked, findings, delivered=not draft, previous=previous)
        feedback = datetime.combine(assessed_on + timedelta(days=rng.randrange(14, 30)), time(9))
        if not draft and feedback < self.end:
            self.make_meeting(plan, feedback, "feedback", ranked[0], (aid, advisors, ranked[0]))
            self.clock.at(feedback + timedelta(hours=4))
            status = "delivered" if not last or rng.random() < 0.8 else "in_review"
            assessment_service.update_assessment(
                self.s, aid, status=status, summary=rng.choice(words.SUMMARIES))
        elif not draft:
            assessment_service.update_assessment(self.s, aid, status="in_review")
        return aid

    def make_findings(self, aid: str, ranked: list[DimensionInfo]) -> dict[str, list[str]]:
        rng = self.rng
        made: dict[str, list[str]] = defaultdict(list)
        plan = [(d, "weakness") for d in ranked[:2]] + [(d, "strength") for d in ranked[-2:]]
        if rng.random() < 0.5:
            plan.append((ranked[rng.randrange(len(ranked))], "risk"))
        if rng.random() < 0.35:
            plan.append((ranked[-1], "good_practice"))
        for dim, kind in plan:
            question = rng.choice(dim.questions) if rng.random() < 0.4 else None
            finding_id = finding_service.create_finding(
                self.s, aid, kind=kind, title=rng.choice(self.phrases(dim, kind)),
                text=rng.choice(words.FINDING_TEXTS), dimension_id=dim.id,
                question_id=question, finding_id=self.uid(),
            )
            made[dim.id].append(finding_id)
            self.counts["findings"] += 1
            if kind == "good_practice":
                self.good_practices.append(finding_id)
        return made

    def rec_status(self, delivered: bool) -> tuple[str, str]:
        if not delivered:
            return "proposed", ""
        status = self.rng.choices(("agreed", "in_progress", "done", "rejected", "proposed"),
                                  (3, 3, 2, 1, 1))[0]
        response = self.rng.choice(words.AGENCY_RESPONSES) if self.rng.random() < 0.6 else ""
        return status, response

    def make_recommendations(self, aid: str, ranked: list[DimensionInfo],
                             findings: dict[str, list[str]], *, delivered: bool,
                             previous: str | None) -> None:
        rng = self.rng
        made: list[tuple[str, str, str]] = []  # id, title, dimension id
        if previous is not None:
            # follow-up: carry on some of the last assessment's unfinished recommendations
            open_recs = self.open_recommendations.get(previous, [])
            for rec_id, title, dim_id in rng.sample(open_recs,
                                                    min(len(open_recs), rng.randint(0, 2))):
                status, response = self.rec_status(delivered)
                new = rec_service.create_recommendation(
                    self.s, aid, title=title, text=rng.choice(words.RECOMMENDATION_TEXTS),
                    previous_id=rec_id, dimension_ids=[dim_id], status=status,
                    agency_response=response, recommendation_id=self.uid(),
                )
                made.append((new, title, dim_id))
                self.counts["recommendations"] += 1
        for dim in ranked[: rng.randint(2, 4)]:
            status, response = self.rec_status(delivered)
            extra: dict[str, Any] = {
                "priority": rng.choices(("high", "medium", "low"), (2, 3, 1))[0],
                "horizon": rng.choice(("short", "medium", "long")),
                "status": status, "agency_response": response,
                "recommendation_id": self.uid(),
            }
            pool = self.templates.get(dim.key, [])
            if pool and rng.random() < 0.6:
                rec_id = rec_service.create_recommendation_from_template(
                    self.s, aid, rng.choice(pool), **extra)
            else:
                rec_id = rec_service.create_recommendation(
                    self.s, aid, title=rng.choice(self.phrases(dim, "rec")),
                    text=rng.choice(words.RECOMMENDATION_TEXTS),
                    rationale=rng.choice(words.RATIONALES), dimension_ids=[dim.id], **extra,
                )
                saved = self.s.get(Recommendation, rec_id)
                if (saved is not None and saved.title not in self.library_titles
                        and rng.random() < 0.5):
                    # saved to the library at the next checkpoint, once its links are written
                    self.library_titles.add(saved.title)
                    self.to_library.append((rec_id, dim))
            for finding_id in findings.get(dim.id, [])[:1]:
                rec_service.link_finding(self.s, rec_id, finding_id)
            if self.good_practices and rng.random() < 0.15:
                rec_service.update_recommendation(
                    self.s, rec_id, cites_finding_id=rng.choice(self.good_practices))
            self.counts["recommendations"] += 1
            row = self.s.get(Recommendation, rec_id)
            if row is not None and status in ("proposed", "agreed", "in_progress"):
                made.append((rec_id, row.title, dim.id))
        self.open_recommendations[aid] = made

    def checkpoint(self) -> None:
        """Write what is pending, then save the recommendations picked for the library."""
        self.flush()
        for rec_id, dim in self.to_library:
            template_id = rec_service.save_as_template(
                self.s, rec_id, self.tags(dim), template_id=self.uid())
            self.templates[dim.key].append(template_id)
        self.to_library.clear()


def build_demo(session: Session, *, seed: int = 1, agencies: int = 12) -> DemoSummary:
    """Fill an empty database with a realistic demo; the same seed gives the same data."""
    if not 1 <= agencies <= MAX_AGENCIES:
        raise BadInput(f"the number of agencies must be between 1 and {MAX_AGENCIES}")
    if has_user_data(session):
        raise BadInput("the database already holds data; the demo needs a new or empty one")
    builder_clock = Clock(datetime(2024, 1, 1))
    with stamped_by(session, builder_clock):
        b = Builder(session, seed, builder_clock)
        builder_clock.at(b.start - timedelta(days=120))
        checklist = load_checklist_info(session)
        if not checklist.dimensions:
            raise AssessorError("the checklist has no questions to answer")
        session.flush()
        # a bigger page cache for this one large transaction: the indexes stay in memory
        connection = session.connection()
        previous_cache = connection.exec_driver_sql("PRAGMA cache_size").scalar()
        connection.exec_driver_sql(f"PRAGMA cache_size={BULK_CACHE_KIB}")
        # Without relationship() declarations a flush does not order inserts by foreign
        # key; checking the keys at commit (this transaction only) makes the order moot.
        # The pragma lasts until the transaction ends, so a transaction must be open (the
        # driver opens one lazily, at the first write): hence the write that changes nothing.
        connection.exec_driver_sql("UPDATE local_meta SET value = value WHERE 0")
        connection.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
        try:
            with BulkSession(session).active() as bulk:
                b.flush = bulk.checkpoint
                b.make_advisors(max(4, min(24, math.ceil(agencies / 20) + 3)))
                b.make_template_library(checklist)
                for index, spec in enumerate(b.agency_specs(agencies), 1):
                    plan = b.make_agency(*spec)
                    b.build_agency(plan, checklist)
                    if index % CHECKPOINT_EVERY == 0:
                        b.checkpoint()
                b.checkpoint()
        finally:
            connection.exec_driver_sql(f"PRAGMA cache_size={int(previous_cache or -2000)}")
    return count_rows(session)


# --- mutations -----------------------------------------------------------------------------


def _pick(session: Session, rng: random.Random, model: type[Synced], *where: Any) -> Any:
    """A random live row whose agency (and assessment) are live too, as a user could open."""
    query = select(model.id).where(model.deleted_at.is_(None), *where)
    columns = model.__table__.c
    if "assessment_id" in columns and model is not Meeting:
        query = query.join(Assessment, Assessment.id == columns.assessment_id).where(
            Assessment.deleted_at.is_(None))
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
    create_agency(s, name=name, org_number=number, ministry=rng.choice(words.MINISTRIES),
                  agency_id=_uid(rng))
    return f"created agency {name}"


def _m_edit_agency(s: Session, rng: random.Random) -> str:
    agency = _pick(s, rng, Agency)
    if agency is None:
        return _m_create_agency(s, rng)
    update_agency(s, agency.id, notes=rng.choice(words.NOTE_SENTENCES).format(
        dim="digitaliseringen", contact="kontaktpersonen"))
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
        create_contact(s, agency.id, name=name, title=rng.choice(words.CONTACT_TITLES),
                       contact_id=_uid(rng))
        return f"created contact {name}"
    if choice < 0.8:
        update_contact(s, contact.id, title=rng.choice(words.CONTACT_TITLES),
                       phone=f"010-{rng.randrange(100, 999)} {rng.randrange(10, 99)} 00")
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
            s, agency.id, starts_at=starts, ends_at=starts + timedelta(hours=1),
            title=rng.choice(words.MEETING_TITLES["followup"]), kind="video",
            notes=rng.choice(words.NOTE_SENTENCES).format(dim="styrningen", contact="GD"),
            meeting_id=_uid(rng),
        )
        return "created meeting"
    if choice < 0.85:
        meeting_service.update_meeting(
            s, meeting.id, notes=meeting.notes + "\n" + rng.choice(words.NOTE_SENTENCES).format(
                dim="arkitekturen", contact="it-chefen"),
            decisions=rng.choice(words.DECISIONS).format(dim="arkitekturen"))
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
            s, meeting.agency_id, title=rng.choice(words.ACTION_ITEMS).format(dim="data"),
            meeting_id=meeting.id, due_on=meeting.starts_at.date() + timedelta(days=30),
            action_id=_uid(rng))
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
        answer_service.set_answer(s, assessment.id, question,
                                  level=rng.choice(sorted(facts.levels)))
    else:
        answer_service.set_answer(s, assessment.id, question,
                                  comment=rng.choice(words.ANSWER_COMMENTS))
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
            s, assessment.id, kind=rng.choice(FINDING_KINDS), title="Iakttagelse vid besök",
            text=rng.choice(words.FINDING_TEXTS),
            dimension_id=rng.choice(sorted(facts.dimensions)), finding_id=_uid(rng))
        return "created finding"
    _reopen(s, finding.assessment_id)
    if choice < 0.8:
        finding_service.update_finding(s, finding.id, text=rng.choice(words.FINDING_TEXTS),
                                       kind=rng.choice(FINDING_KINDS))
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
            s, assessment.id, title="Stärk samverkan med andra myndigheter",
            text=rng.choice(words.RECOMMENDATION_TEXTS), recommendation_id=_uid(rng))
        return "created recommendation"
    if choice < 0.85:
        rec_service.update_recommendation(
            s, rec.id, status=rng.choice(("agreed", "in_progress", "done", "rejected")),
            agency_response=rng.choice(words.AGENCY_RESPONSES))
        return f"edited recommendation {rec.title}"
    rec_service.delete_recommendation(s, rec.id)
    return f"deleted recommendation {rec.title}"


MUTATIONS: tuple[tuple[Callable[[Session, random.Random], str], int], ...] = (
    (_m_create_agency, 2), (_m_edit_agency, 3), (_m_delete_agency, 1), (_m_contact, 6),
    (_m_meeting, 8), (_m_action, 6), (_m_answer, 12), (_m_finding, 5), (_m_recommendation, 5),
)


def mutate(db: Database, *, count: int, seed: int = 1) -> list[str]:
    """Apply `count` random user-like edits, each in its own transaction; what was done."""
    if count < 0:
        raise BadInput("the number of edits cannot be negative")
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
