"""The demo builder's meetings: participants, notes, decisions, action items, and the
time-stamped notes of meeting mode."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from assessor.services import answers as answer_service
from assessor.services import meetings as meeting_service
from assessor.services.demo import words
from assessor.services.demo.checklist import DimensionInfo
from assessor.services.demo.people import AgencyPlan, PeopleMaker


class MeetingMaker(PeopleMaker):
    def meeting_time(self, day: date) -> datetime:
        day = self.workday(day)
        return datetime.combine(
            day, time(self.rng.choice((9, 10, 13, 14)), self.rng.choice((0, 0, 15, 30)))
        )

    def make_meeting(
        self,
        plan: AgencyPlan,
        when: datetime,
        purpose: str,
        dim: DimensionInfo,
        assessment: tuple[str, list[str], DimensionInfo] | None,
    ) -> str:
        rng = self.rng
        starts = self.meeting_time(when.date())
        ends = starts + timedelta(minutes=rng.choice((60, 90, 120, 180)))
        self.clock.at(ends)
        kind = rng.choices(
            ("visit", "workshop", "video", "phone", "other"),
            (5, 2 if purpose == "workshop" else 1, 3, 1, 1),
        )[0]
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
            self.s,
            plan.id,
            starts_at=starts,
            ends_at=ends,
            title=title,
            place="Videomöte" if kind == "video" else rng.choice(words.PLACES),
            kind=kind,
            agenda=agenda,
            notes=notes,
            decisions=decisions,
            confidential=confidential,
            assessment_id=assessment[0] if assessment else None,
            meeting_id=self.uid(),
        )
        self.counts["meetings"] += 1
        advisors = assessment[1] if assessment else [rng.choice(self.advisors)[0]]
        for advisor_id in advisors:
            meeting_service.set_meeting_advisor(self.s, meeting_id, advisor_id, True)
        for contact_id, _ in attendees:
            meeting_service.add_participant(self.s, meeting_id, contact_id=contact_id)
        if rng.random() < 0.15:
            meeting_service.add_participant(
                self.s, meeting_id, name=self.person(), role="Konsult", participant_id=self.uid()
            )
        for _ in range(rng.choices((0, 1, 2, 3), (3, 4, 2, 1))[0]):
            due = starts.date() + timedelta(days=rng.randrange(14, 60))
            owner = rng.choice(names + [n for _, n in self.advisors[:3]])
            meeting_service.create_action_item(
                self.s,
                plan.id,
                title=rng.choice(words.ACTION_ITEMS).format(dim=dim.title),
                meeting_id=meeting_id,
                owner=owner,
                due_on=due,
                done=due < self.end.date() and rng.random() < 0.7,
                action_id=self.uid(),
            )
            self.counts["action_items"] += 1
        if assessment is not None:
            # meeting mode: time-stamped entries, some tied to a question (becoming evidence)
            note_dim = assessment[2]
            for minute in sorted(rng.sample(range(5, 55), rng.randint(2, 4))):
                tied = rng.choice(note_dim.questions) if rng.random() < 0.6 else None
                answer_service.add_meeting_note(
                    self.s,
                    meeting_id,
                    text=rng.choice(words.NOTE_SENTENCES).format(
                        dim=note_dim.title, contact=rng.choice(names)
                    ),
                    written_at=starts + timedelta(minutes=minute),
                    question_id=tied,
                    confidential=confidential and rng.random() < 0.3,
                    note_id=self.uid(),
                )
        return meeting_id
