"""Hand-made agencies for the portfolio tests, with scores worked out by hand.

Checklist "pf" (levels 0-4): dimension d1 (questions q1.1-q1.3) and d2 (q2.1-q2.3), weights 1.

| agency (ministry)                       | assessment (status)   | d1 levels      | d2 levels    |
|-----------------------------------------|-----------------------|----------------|--------------|
| Åklagarmyndigheten (Justitie)           | 2023-01-10 delivered  | 1 1 1 -> 1.0   | 2 2 2 -> 2.0 |
|                                         | 2024-02-01 delivered  | 1 1 2 -> 4/3   | 3 3 3 -> 3.0 |
| Bolagsverket (Närings)                  | 2024-03-01 draft      | 0 1 N/A -> 0.5 | 1 - - -> 1.0 |
| Centrala studiestödsnämnden (Utbildning)| 2024-01-15 delivered  | 4 4 3 -> 11/3  | 1 1 1 -> 1.0 |
| Dödverket (deleted agency)              | 2024-01-01            | 0 0 0          | 0 0 0        |

Below 2.0 with at least two agencies: d1 (Å 4/3, B 0.5; mean 11/6) and d2 (B 1.0, C 1.0;
mean 5/3), d2 first (lower mean). Lender on d1: C with its good practice; on d2: Å (3.0).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from assessor.services.agencies import create_agency, delete_agency
from assessor.services.answers import set_answer
from assessor.services.assessments import create_assessment, update_assessment
from assessor.services.findings import create_finding
from assessor.services.recommendations import create_recommendation
from assessor.services.templates import create_template
from assessor.store.db import Database
from assessor.store.models import Checklist, ChecklistDimension, ChecklistQuestion, derived_id

KEY = "pf"
HOSTILE = "Delad <b>plattform</b> & <img src='x'/> \"API\""
SCALE = [{"level": n, "name": {"sv": f"Nivå {n}", "en": f"Level {n}"}} for n in range(5)]


@dataclass(frozen=True)
class Sample:
    checklist_id: str
    dims: dict[str, str]  # key -> row id
    questions: dict[str, str]  # key -> row id
    a: str
    b: str
    c: str
    d: str
    a_old: str
    a_new: str
    b_only: str
    c_only: str
    practice: str
    template: str


def insert_checklist(db: Database) -> tuple[str, dict[str, str], dict[str, str]]:
    checklist_id = derived_id("pf-checklist", KEY)
    dims: dict[str, str] = {}
    questions: dict[str, str] = {}
    titles = {
        "d1": ("Samverkan och återanvändning", "Collaboration and reuse"),
        "d2": ("Säkerhet", "Security"),
    }
    with db.transaction() as s:
        s.add(
            Checklist(
                id=checklist_id,
                key=KEY,
                version="1",
                content_hash="1" * 64,
                title={"sv": "Portföljtest", "en": "Portfolio test"},
                languages=["sv", "en"],
                scale=SCALE,
                source="",
            )
        )
        s.flush()
        for d in (1, 2):
            key = f"d{d}"
            dims[key] = derived_id("pf-dimension", key)
            s.add(
                ChecklistDimension(
                    id=dims[key],
                    checklist_id=checklist_id,
                    key=key,
                    position=d,
                    title={"sv": titles[key][0], "en": titles[key][1]},
                )
            )
            s.flush()
            for q in (1, 2, 3):
                qkey = f"q{d}.{q}"
                questions[qkey] = derived_id("pf-question", qkey)
                s.add(
                    ChecklistQuestion(
                        id=questions[qkey],
                        checklist_id=checklist_id,
                        dimension_id=dims[key],
                        key=qkey,
                        position=q,
                        text={"sv": f"Fråga {qkey}", "en": f"Question {qkey}"},
                        descriptors={str(n): {"sv": "", "en": ""} for n in range(5)},
                    )
                )
    return checklist_id, dims, questions


def build_sample(db: Database) -> Sample:
    checklist_id, dims, qs = insert_checklist(db)
    with db.transaction() as s:
        a = create_agency(s, name="Åklagarmyndigheten", ministry="Justitiedepartementet")
        b = create_agency(s, name="Bolagsverket", ministry="Näringsdepartementet")
        c = create_agency(
            s, name="Centrala studiestödsnämnden", ministry="Utbildningsdepartementet"
        )
        d = create_agency(s, name="Dödverket", ministry="Justitiedepartementet")

        statuses: dict[str, str] = {}

        def assess(agency: str, on: date, status: str, levels: dict[str, int | None]) -> str:
            # scored first, delivered last: a delivered assessment is not changed
            aid = create_assessment(s, agency, checklist_id=checklist_id, assessed_on=on)
            statuses[aid] = status
            for qkey, level in levels.items():
                if level is None:
                    set_answer(s, aid, qs[qkey], not_applicable=True)
                else:
                    set_answer(s, aid, qs[qkey], level=level)
            return aid

        a_old = assess(
            a,
            date(2023, 1, 10),
            "delivered",
            {"q1.1": 1, "q1.2": 1, "q1.3": 1, "q2.1": 2, "q2.2": 2, "q2.3": 2},
        )
        a_new = assess(
            a,
            date(2024, 2, 1),
            "delivered",
            {"q1.1": 1, "q1.2": 1, "q1.3": 2, "q2.1": 3, "q2.2": 3, "q2.3": 3},
        )
        b_only = assess(
            b, date(2024, 3, 1), "draft", {"q1.1": 0, "q1.2": 1, "q1.3": None, "q2.1": 1}
        )
        c_only = assess(
            c,
            date(2024, 1, 15),
            "delivered",
            {"q1.1": 4, "q1.2": 4, "q1.3": 3, "q2.1": 1, "q2.2": 1, "q2.3": 1},
        )
        d_only = assess(
            d,
            date(2024, 1, 1),
            "delivered",
            {k: 0 for k in ("q1.1", "q1.2", "q1.3", "q2.1", "q2.2", "q2.3")},
        )

        practice = create_finding(
            s,
            c_only,
            kind="good_practice",
            title=HOSTILE,
            text="Öppen källkod som andra myndigheter kan använda.",
            dimension_id=dims["d1"],
        )
        create_finding(s, c_only, kind="weakness", title="Svag loggning", dimension_id=dims["d2"])
        create_finding(
            s, d_only, kind="good_practice", title="Borttagen praxis", dimension_id=dims["d1"]
        )

        template = create_template(s, title="Återanvänd plattform", dimension_key="d1")
        create_recommendation(
            s,
            a_new,
            title="Återanvänd plattform (Å)",
            template_id=template,
            dimension_ids=[dims["d1"]],
        )
        create_recommendation(
            s,
            b_only,
            title="Återanvänd plattform",
            template_id=template,
            dimension_ids=[dims["d1"]],
            cites_finding_id=practice,
        )
        create_recommendation(s, c_only, title="återanvänd   PLATTFORM", dimension_ids=[dims["d1"]])
        create_recommendation(s, c_only, title="Egen rekommendation", dimension_ids=[dims["d1"]])
        create_recommendation(s, b_only, title="Inför loggning", dimension_ids=[dims["d2"]])
        create_recommendation(
            s,
            d_only,
            title="Återanvänd plattform",
            template_id=template,
            dimension_ids=[dims["d1"]],
        )
        for aid, status in statuses.items():
            update_assessment(s, aid, status=status)
        delete_agency(s, d)
    return Sample(
        checklist_id, dims, qs, a, b, c, d, a_old, a_new, b_only, c_only, practice, template
    )
