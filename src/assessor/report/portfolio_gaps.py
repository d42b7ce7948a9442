"""The portfolio report's common gaps: for each, whom to call, who can lend a practice, who
borrows, and the recommendations already given; then the single questions most agencies miss."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak

from assessor.report.document import heading
from assessor.report.markup import esc
from assessor.report.para import Para
from assessor.report.portfolio_data import GapItem
from assessor.report.portfolio_writer import StoryWriter


class GapSections(StoryWriter):
    def gaps(self) -> None:
        d, t, st = self.data, self.t, self.st
        self.story += [
            PageBreak(),
            heading(t["gaps"], st.h1, "gaps"),
            self.para(
                self.fmt(
                    "gaps_intro",
                    min=d.min_agencies,
                    below=self.num(d.below),
                    strong=self.num(d.strong_at),
                ),
                st.small,
            ),
        ]
        if not d.gaps:
            self.story.append(self.para(esc(t["no_gaps"])))
            return
        for n, gap in enumerate(d.gaps, 1):
            self.story.append(CondPageBreak(6 * cm))
            self.story.append(
                heading(
                    t["gap_heading"].format(
                        title=gap.title, count=len(gap.borrowers), below=self.num(d.below)
                    ),
                    st.h2,
                    f"gap{n}",
                )
            )
            self.contacts(gap)
            self.lenders(gap)
            if not gap.contacts:  # else every borrower is already named in a contact
                self.borrowers(gap)
            self.recommendations(gap)
        self.question_gaps()

    def question_gaps(self, shown: int = 20) -> None:
        d, t, st = self.data, self.t, self.st
        if not d.question_gaps:
            return
        items = d.question_gaps[:shown]
        rows: list[list[Any]] = [
            [
                self.cell(t["question"], True),
                self.cell(t["dimension"], True),
                self.cell(t["with_gap"], True, True),
                self.cell(t["mean"], True, True),
                self.cell(t["lenders_n"], True, True),
            ]
        ]
        for q in items:
            rows.append(
                [
                    self.cell(q.question),
                    self.cell(q.dimension),
                    str(q.count),
                    self.num(q.mean),
                    str(q.lenders),
                ]
            )
        table = self.grid(
            rows, [self.width - 9.6 * cm, 3.6 * cm, 2.1 * cm, 1.6 * cm, 2.3 * cm], numbers=(2, -1)
        )
        self.story += [
            CondPageBreak(6 * cm),
            heading(t["question_gaps"], st.h2, "questions"),
            self.para(
                self.fmt("question_gaps_intro", n=len(items), below=self.num(d.below)), st.small
            ),
            table,
        ]

    def contacts(self, gap: GapItem) -> None:
        t, st = self.t, self.st
        if not gap.contacts:
            return
        rows: list[list[Any]] = [
            [
                self.cell(t["lender"], True),
                self.cell(t["practice"], True),
                self.cell(t["borrowers"], True),
            ]
        ]
        for c in gap.contacts:
            rows.append(
                [self.cell(c.lender), self.cell(c.practice), self.cell(", ".join(c.borrowers))]
            )
        table = self.grid(rows, [4 * cm, 4.4 * cm, self.width - 8.4 * cm])
        self.story += [
            self.para(f"<b>{esc(t['contacts'])}</b>", st.h3),
            self.para(esc(t["contacts_intro"]), st.small),
            table,
        ]

    def lenders(self, gap: GapItem, shown: int = 8) -> None:
        t, st = self.t, self.st
        if not gap.lenders:
            self.story.append(self.para(esc(t["no_lenders"]), st.small))
            return
        rows: list[list[Any]] = [
            [
                self.cell(t["agency"], True),
                self.cell(t["score"], True, True),
                self.cell(t["practices"], True),
            ]
        ]
        for lender in gap.lenders[:shown]:
            practices = "<br/>".join(
                f"<b>{esc(p.title)}</b>"
                + (f": {esc(p.text)}" if p.text.strip() else "")
                + (
                    f" <i>({self.fmt('cited_one' if p.cited == 1 else 'cited', n=p.cited)})</i>"
                    if p.cited
                    else ""
                )
                for p in lender.practices
            )
            rows.append([self.cell(lender.name), self.num(lender.score), Para(practices, st.cell)])
        table = self.grid(rows, [5 * cm, 1.6 * cm, self.width - 6.6 * cm], numbers=(1, 1))
        self.story += [self.para(f"<b>{esc(t['strong'])}</b>", st.h3), table]
        if len(gap.lenders) > shown:
            self.story.append(self.para(self.fmt("more", n=len(gap.lenders) - shown), st.muted))

    def borrowers(self, gap: GapItem) -> None:
        t, st = self.t, self.st
        names = ", ".join(f"{esc(name)} ({self.num(score)})" for name, score in gap.borrowers)
        self.story += [self.para(f"<b>{esc(t['have_gap'])}</b>", st.h3), self.para(names, st.small)]

    def recommendations(self, gap: GapItem, shown: int = 8) -> None:
        t, st = self.t, self.st
        heading = self.para(f"<b>{esc(t['recommendations'])}</b>", st.h3)
        if not gap.recommendations:
            self.story.append(
                KeepTogether([heading, self.para(esc(t["no_recommendations"]), st.small)])
            )
            return
        rows: list[list[Any]] = [
            [
                self.cell(t["recommendation"], True),
                self.cell(t["given"], True, True),
                self.cell(t["library"], True, True),
            ]
        ]
        for r in gap.recommendations[:shown]:
            rows.append(
                [
                    self.cell(r.title),
                    str(r.given),
                    "" if r.library_uses is None else str(r.library_uses),
                ]
            )
        table = self.grid(rows, [self.width - 5 * cm, 2.2 * cm, 2.8 * cm], numbers=(1, -1))
        self.story += [heading, table]
        if len(gap.recommendations) > shown:
            self.story.append(
                self.para(self.fmt("more", n=len(gap.recommendations) - shown), st.muted)
            )
