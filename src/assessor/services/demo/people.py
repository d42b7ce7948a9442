"""The first layer of the demo builder: its state, advisors, agencies with their contacts,
and the recommendation library.

The builder is one class in layers, one module each: people and agencies (here), meetings
(meetings.py), assessments with their findings and recommendations (assessments.py), and one
agency's two years put together (builder.py).
"""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from assessor.domain import orgnr
from assessor.services import templates as template_service
from assessor.services.advisors import create_advisor
from assessor.services.agencies import create_agency, create_contact
from assessor.services.demo import theme_words, words
from assessor.services.demo.checklist import ChecklistInfo, DimensionInfo
from assessor.services.demo.clock import Clock


def _ascii(text: str) -> str:
    """For e-mail addresses: 'Åsa Öberg' -> 'asa oberg'."""
    table = str.maketrans("åäöéüæø", "aaoeuao")
    return text.lower().translate(table)


@dataclass
class AgencyPlan:
    id: str
    name: str
    domain: str
    contacts: list[tuple[str, str]] = field(default_factory=list)  # (id, name)


class PeopleMaker:
    """The builder's state, and the people, agencies and library it starts from."""

    def __init__(
        self, session: Session, seed: int, clock: Clock, flush: Callable[[], None] | None = None
    ) -> None:
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
            slug = (
                county.lower()
                .rstrip("s")
                .replace("å", "a")
                .replace("ä", "a")
                .replace("ö", "o")
                .replace(" ", "")
            )
            specs.append(
                (
                    f"Länsstyrelsen i {county} län",
                    self.synthetic_orgnr(),
                    "Finansdepartementet",
                    f"www.lansstyrelsen.se/{slug}",
                )
            )
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
            specs.append(
                (
                    name,
                    self.synthetic_orgnr(),
                    self.rng.choice(words.MINISTRIES),
                    f"www.{slug}.example",
                )
            )
        return specs

    def make_agency(self, name: str, number: str, ministry: str, website: str) -> AgencyPlan:
        self.clock.at(self.start - timedelta(days=self.rng.randrange(10, 60)))
        agency_id = create_agency(
            self.s,
            name=name,
            org_number=number,
            ministry=ministry,
            website=f"https://{website}",
            agency_id=self.uid(),
        )
        domain = website.split("/")[0].removeprefix("www.")
        plan = AgencyPlan(agency_id, name, domain)
        titles = self.rng.sample(words.CONTACT_TITLES, self.rng.randint(3, 6))
        for title in titles:
            contact = self.person()
            first, last = contact.split(" ", 1)
            contact_id = create_contact(
                self.s,
                agency_id,
                name=contact,
                title=title,
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
                template_id = template_service.create_template(
                    self.s,
                    title=title,
                    text=self.rng.choice(theme_words.RECOMMENDATION_TEXTS),
                    rationale=self.rng.choice(theme_words.RATIONALES),
                    dimension_key=dim.key,
                    tags=self.tags(dim),
                    template_id=self.uid(),
                )
                self.templates[dim.key].append(template_id)
                self.library_titles.add(title)

    def tags(self, dim: DimensionInfo) -> list[str]:
        own = theme_words.THEME_TAGS.get(dim.theme, "")
        return [t for t in (own, self.rng.choice(theme_words.TEMPLATE_TAGS)) if t]

    def phrases(self, dim: DimensionInfo, kind: str) -> list[str]:
        bank = theme_words.THEMES.get(dim.theme, {}).get(kind) or theme_words.GENERIC_THEME[kind]
        return [p.format(dim=dim.title) for p in bank]
