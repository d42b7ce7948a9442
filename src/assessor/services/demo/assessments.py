"""The demo builder's assessments: answers drawn around a latent maturity, findings and
recommendations (some carried over from the previous assessment, some saved to the library)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timedelta
from typing import Any

from assessor.services import answers as answer_service
from assessor.services import assessments as assessment_service
from assessor.services import findings as finding_service
from assessor.services import recommendations as rec_service
from assessor.services import templates as template_service
from assessor.services.demo import theme_words, words
from assessor.services.demo.checklist import ChecklistInfo, DimensionInfo
from assessor.services.demo.meetings import MeetingMaker
from assessor.services.demo.people import AgencyPlan
from assessor.store.models import Recommendation


class AssessmentMaker(MeetingMaker):
    def build_assessment(
        self,
        plan: AgencyPlan,
        checklist: ChecklistInfo,
        assessed_on: date,
        latent: dict[str, float],
        meetings: int,
        last: bool,
        previous: str | None,
    ) -> str:
        rng = self.rng
        lo, hi = checklist.levels[0], checklist.levels[-1]
        kickoff = datetime.combine(assessed_on - timedelta(days=rng.randrange(25, 45)), time(8))
        self.clock.at(kickoff)
        advisors = [a for a, _ in rng.sample(self.advisors, rng.randint(1, 3))]
        targets = {d: float(min(hi, max(lo, round(v) + 1))) for d, v in latent.items()}
        aid = assessment_service.create_assessment(
            self.s,
            plan.id,
            checklist_id=checklist.id,
            assessed_on=assessed_on,
            title=f"{'Uppföljning' if previous else 'Bedömning'} {assessed_on.year}",
            advisor_ids=advisors,
            targets=targets,
            assessment_id=self.uid(),
        )
        self.counts["assessments"] += 1
        # meetings of the assessment: kick-off, interviews, feedback afterwards
        dims = checklist.dimensions
        self.make_meeting(plan, kickoff, "start", rng.choice(dims), (aid, advisors, dims[0]))
        for i in range(max(0, meetings - 2)):
            dim = rng.choice(dims)
            when = kickoff + timedelta(days=5 + i * 7 + rng.randrange(0, 4))
            self.make_meeting(
                plan, when, rng.choice(("interview", "workshop")), dim, (aid, advisors, dim)
            )
        self.clock.at(datetime.combine(assessed_on, time(16)))
        # answers
        draft = last and (assessed_on + timedelta(days=60) > self.end.date() or rng.random() < 0.3)
        skip = rng.uniform(0.0, 0.4) if draft else 0.0
        scores: dict[str, list[int]] = defaultdict(list)
        for dim in dims:
            for q in dim.questions:
                if rng.random() < skip:
                    continue
                if rng.random() < 0.03:
                    answer_service.set_answer(
                        self.s, aid, q, not_applicable=True, comment="Gäller inte myndigheten."
                    )
                    self.counts["answers"] += 1
                    continue
                level = min(hi, max(lo, round(latent[dim.id] + rng.gauss(0, 0.6))))
                scores[dim.id].append(level)
                answer_service.set_answer(
                    self.s,
                    aid,
                    q,
                    level=level,
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
                self.s, aid, status=status, summary=rng.choice(words.SUMMARIES)
            )
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
                self.s,
                aid,
                kind=kind,
                title=rng.choice(self.phrases(dim, kind)),
                text=rng.choice(theme_words.FINDING_TEXTS),
                dimension_id=dim.id,
                question_id=question,
                finding_id=self.uid(),
            )
            made[dim.id].append(finding_id)
            self.counts["findings"] += 1
            if kind == "good_practice":
                self.good_practices.append(finding_id)
        return made

    def rec_status(self, delivered: bool) -> tuple[str, str]:
        if not delivered:
            return "proposed", ""
        status = self.rng.choices(
            ("agreed", "in_progress", "done", "rejected", "proposed"), (3, 3, 2, 1, 1)
        )[0]
        response = self.rng.choice(words.AGENCY_RESPONSES) if self.rng.random() < 0.6 else ""
        return status, response

    def make_recommendations(
        self,
        aid: str,
        ranked: list[DimensionInfo],
        findings: dict[str, list[str]],
        *,
        delivered: bool,
        previous: str | None,
    ) -> None:
        rng = self.rng
        made: list[tuple[str, str, str]] = []  # id, title, dimension id
        if previous is not None:
            # follow-up: carry on some of the last assessment's unfinished recommendations
            open_recs = self.open_recommendations.get(previous, [])
            for rec_id, title, dim_id in rng.sample(
                open_recs, min(len(open_recs), rng.randint(0, 2))
            ):
                status, response = self.rec_status(delivered)
                new = rec_service.create_recommendation(
                    self.s,
                    aid,
                    title=title,
                    text=rng.choice(theme_words.RECOMMENDATION_TEXTS),
                    previous_id=rec_id,
                    dimension_ids=[dim_id],
                    status=status,
                    agency_response=response,
                    recommendation_id=self.uid(),
                )
                made.append((new, title, dim_id))
                self.counts["recommendations"] += 1
        for dim in ranked[: rng.randint(2, 4)]:
            status, response = self.rec_status(delivered)
            extra: dict[str, Any] = {
                "priority": rng.choices(("high", "medium", "low"), (2, 3, 1))[0],
                "horizon": rng.choice(("short", "medium", "long")),
                "status": status,
                "agency_response": response,
                "recommendation_id": self.uid(),
            }
            pool = self.templates.get(dim.key, [])
            if pool and rng.random() < 0.6:
                rec_id = template_service.create_recommendation_from_template(
                    self.s, aid, rng.choice(pool), **extra
                )
            else:
                rec_id = rec_service.create_recommendation(
                    self.s,
                    aid,
                    title=rng.choice(self.phrases(dim, "rec")),
                    text=rng.choice(theme_words.RECOMMENDATION_TEXTS),
                    rationale=rng.choice(theme_words.RATIONALES),
                    dimension_ids=[dim.id],
                    **extra,
                )
                saved = self.s.get(Recommendation, rec_id)
                if (
                    saved is not None
                    and saved.title not in self.library_titles
                    and rng.random() < 0.5
                ):
                    # saved to the library at the next checkpoint, once its links are written
                    self.library_titles.add(saved.title)
                    self.to_library.append((rec_id, dim))
            for finding_id in findings.get(dim.id, [])[:1]:
                rec_service.link_finding(self.s, rec_id, finding_id)
            if self.good_practices and rng.random() < 0.15:
                rec_service.update_recommendation(
                    self.s, rec_id, cites_finding_id=rng.choice(self.good_practices)
                )
            self.counts["recommendations"] += 1
            row = self.s.get(Recommendation, rec_id)
            if row is not None and status in ("proposed", "agreed", "in_progress"):
                made.append((rec_id, row.title, dim.id))
        self.open_recommendations[aid] = made
