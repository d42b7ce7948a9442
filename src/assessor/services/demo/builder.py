"""The demo database put together: each agency's two years of meetings and assessments,
written in one bulk unit of work under the simulated clock."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from assessor.domain.errors import AssessorError, BadInput
from assessor.services import templates as template_service
from assessor.services.demo.assessments import AssessmentMaker
from assessor.services.demo.bulk import BulkSession
from assessor.services.demo.checklist import ChecklistInfo, load_checklist_info
from assessor.services.demo.clock import Clock, stamped_by
from assessor.services.demo.people import AgencyPlan
from assessor.services.demo.summary import DemoSummary, count_rows, has_user_data

MEETINGS_PER_AGENCY = (7, 13)  # about 10: 3,000 meetings for 300 agencies
# about 35,000 answers for 300 agencies, whatever the checklist's size: the number of
# assessments per agency follows from its question count
ANSWERS_PER_AGENCY = 117
MAX_AGENCIES = 2000
BULK_CACHE_KIB = -131072  # negative: KiB, so 128 MiB
CHECKPOINT_EVERY = 5  # agencies between writes; templates saved from them join the library


class Builder(AssessmentMaker):
    """The whole builder (people.py explains its layers)."""

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
        dates = [
            self.workday(
                (self.start + timedelta(days=first + i * gap + rng.randrange(-20, 20))).date()
            )
            for i in range(n_assess)
        ]
        # latent maturity per dimension, growing a little between assessments
        base = rng.gauss(1.7, 0.6)
        latent = {d.id: base + rng.gauss(0, 0.55) for d in checklist.dimensions}
        meetings_left = n_meetings
        previous: str | None = None
        for index, assessed_on in enumerate(dates):
            last = index == len(dates) - 1
            own = max(2, min(meetings_left - (len(dates) - index - 1) * 2, rng.randint(3, 5)))
            meetings_left -= own
            previous = self.build_assessment(
                plan, checklist, assessed_on, latent, own, last, previous
            )
            for d in latent:
                latent[d] += rng.uniform(0.05, 0.6)
        for _ in range(max(0, meetings_left)):
            when = self.start + timedelta(days=rng.randrange(0, span))
            self.make_meeting(
                plan,
                when,
                rng.choice(("followup", "network")),
                rng.choice(checklist.dimensions),
                None,
            )

    def checkpoint(self) -> None:
        """Write what is pending, then save the recommendations picked for the library."""
        self.flush()
        for rec_id, dim in self.to_library:
            template_id = template_service.save_as_template(
                self.s, rec_id, self.tags(dim), template_id=self.uid()
            )
            self.templates[dim.key].append(template_id)
        self.to_library.clear()


def build_demo(session: Session, *, seed: int = 1, agencies: int = 12) -> DemoSummary:
    """Fill an empty database with a realistic demo; the same seed gives the same data."""
    if not 1 <= agencies <= MAX_AGENCIES:
        raise BadInput(
            f"the number of agencies must be between 1 and {MAX_AGENCIES}",
            code="demo.agencies",
            most=MAX_AGENCIES,
        )
    if has_user_data(session):
        raise BadInput(
            "the database already holds data; the demo needs a new or empty one",
            code="demo.not_empty",
        )
    builder_clock = Clock(datetime(2024, 1, 1))
    with stamped_by(session, builder_clock):
        b = Builder(session, seed, builder_clock)
        builder_clock.at(b.start - timedelta(days=120))
        checklist = load_checklist_info(session)
        if not checklist.dimensions:
            raise AssessorError(
                "the checklist has no questions to answer", code="demo.no_questions"
            )
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
