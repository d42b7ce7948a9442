"""The agency report's story, in reading order: the cover, the contents, the summary, the
results, findings and recommendations, the previous visit's recommendations, then the record
sections (report.agency_records)."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    NextPageTemplate,
    PageBreak,
    Spacer,
)

from assessor.domain.counts import counted
from assessor.report.agency_records import RecordSections
from assessor.report.chart import radar
from assessor.report.data import (
    DimensionResult,
    FindingItem,
)
from assessor.report.document import meta
from assessor.report.markup import clean, esc, percent
from assessor.report.pages import Contents
from assessor.report.para import Para
from assessor.report.styles import grid_style
from assessor.report.tagging import (
    Figure,
    P,
    TaggedTable,
)
from assessor.report.texts import label

PRIORITY_ORDER = {"high": 0, "medium": 1, "low": 2}
KEY_RECOMMENDATIONS = 5
MAX_RADAR_SPOKES = 24  # beyond this a radar is unreadable; the table alone shows the scores


# the previous assessment's recommendations: title, priority, status, response, followed up.
# No word of ours breaks inside a cell, in the PDF or in Word's wider cell margins
# (tests/report/test_followup_table.py); the agency's response gets the room left.
PREVIOUS_WIDTHS = (0.25, 0.12, 0.2, 0.29, 0.14)


class AgencyStory(RecordSections):
    """Turns the data into flowables, section by section."""

    # the report --------------------------------------------------------------------------
    def build(self) -> list[Flowable]:
        self.cover()
        contents_at = len(self.story)
        self.summary()
        self.results()
        self.findings()
        self.recommendations()
        if self.data.previous_recommendations or self.data.previous_scores:
            self.previous()
        self.meetings()
        self.appendix_answers()
        self.appendix_method()
        if self.data.mapped is not None:
            self.appendix_mapped(self.data.mapped)
        contents: list[Flowable] = [
            P(esc(self.t["contents"]), self.st.h1),
            Contents(self.toc, self.furniture),
        ]
        self.story[contents_at:contents_at] = contents
        return self.story

    def cover(self) -> None:
        d, t, st = self.data, self.t, self.st
        self.story.append(Spacer(1, 3.2 * cm))
        self.para(esc(t["report_kind"].upper()), st.cover_kind)
        self.para(esc(d.agency_name), st.cover_title)
        if d.assessment_title.strip():
            self.para(esc(d.assessment_title), st.cover_sub)
        rows: list[tuple[str, str]] = [
            (t["date"], d.assessed_on.isoformat()),
            (t["advisors"], ", ".join(d.advisors)),
            (t["status"], label(d.language, "status", d.status)),
        ]
        if d.checklist_title:
            version = f" ({d.checklist_version})" if d.checklist_version else ""
            rows.append((t["checklist"], d.checklist_title + version))
        if d.profile_name:
            rows.append((t["profile"], d.profile_name))
        if d.agency_org_number:
            rows.append((t["org_number"], d.agency_org_number))
        if d.agency_ministry:
            rows.append((t["ministry"], d.agency_ministry))
        table = TaggedTable(
            [[Para(esc(k), st.muted), Para(esc(v), st.body)] for k, v in rows],
            colWidths=[4.5 * cm, self.width - 4.5 * cm],
            hAlign="LEFT",
            header_cols=1,
        )
        style = grid_style(header=False)
        style.add("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.Color(0.85, 0.87, 0.9))
        table.setStyle(style)
        self.story.append(table)
        self.story.append(NextPageTemplate("body"))
        self.story.append(PageBreak())

    def _scored(self) -> list[DimensionResult]:
        return [dim for dim in self.data.dimensions if dim.score is not None]

    def summary(self) -> None:
        d, t, st = self.data, self.t, self.st
        self.section("1-summary", "summary")
        if d.overall is None:
            self.para(esc(t["no_score"]), st.big)
        else:
            self.para(
                esc(
                    t["overall_line"].format(
                        score=self.num(d.overall, 2),
                        max=d.max_level,
                        percent=percent(d.overall_percent, d.language),
                    )
                ),
                st.big,
            )
            if d.band:
                self.para(f"{esc(t['band'])}: <b>{esc(d.band)}</b>")
        answered = sum(dim.answered for dim in d.dimensions)
        total = sum(dim.total for dim in d.dimensions)
        lang = d.language
        self.para(
            esc(
                t["facts"].format(
                    answered=answered,
                    total=counted(total, "question", lang),
                    dimensions=counted(len(d.dimensions), "dimension", lang),
                    findings=counted(len(d.findings), "finding", lang),
                    recommendations=counted(len(d.recommendations), "recommendation", lang),
                    meetings=counted(len(d.meetings), "meeting", lang),
                )
            )
        )
        scored = sorted(self._scored(), key=lambda dim: (-(dim.score or 0), dim.title))
        if scored:
            # at most half the dimensions each, so that none is both: with five, "ID Identify"
            # was among the three strongest and the three weakest
            take = min(3, max(1, len(scored) // 2))
            strongest = scored[:take]
            rest = [dim for dim in scored if not any(dim is s for s in strongest)]
            weakest = sorted(rest, key=lambda dim: ((dim.score or 0), dim.title))[:take]
            rows = []
            for i in range(max(len(strongest), len(weakest))):
                row = []
                for group in (strongest, weakest):
                    if i < len(group):
                        row += [esc(group[i].title), self.num(group[i].score)]
                    else:
                        row += ["", ""]
                rows.append(row)
            self.story.append(Spacer(1, 6))
            self.story.append(
                self.table(
                    [t["strongest"], t["score"], t["weakest"], t["score"]],
                    rows,
                    [0.37, 0.13, 0.37, 0.13],
                    align_right=(1, 3),
                )
            )
        recs = self._sorted_recommendations()[:KEY_RECOMMENDATIONS]
        if recs:
            self.story.append(P(esc(t["key_recommendations"]), st.h2))
            for i, rec in enumerate(recs, 1):
                priority = label(d.language, "priority", rec.priority)
                horizon = label(d.language, "horizon", rec.horizon).lower()
                self.item(
                    f"<b>{esc(rec.title)}</b> ({esc(priority)}, {esc(horizon)})", "key", f"{i}."
                )
        if d.summary.strip():
            self.story.append(P(esc(t["advisors_summary"]), st.h2))
            self.user(d.summary)

    def results(self) -> None:
        d, t, st = self.data, self.t, self.st
        self.section("2-results", "results")
        dims = d.dimensions
        if 3 <= len(dims) <= MAX_RADAR_SPOKES:
            self.story.append(
                Figure(
                    radar(
                        [clean(dim.title) for dim in dims],
                        [dim.score for dim in dims],
                        [dim.target for dim in dims],
                        low=d.min_level,
                        high=d.max_level,
                        legend=(t["current"], t["target"]),
                        width=self.width,
                    ),
                    self.radar_alt(),
                )
            )
            targets = any(dim.target is not None for dim in dims)
            self.para(esc(t["radar_caption" if targets else "radar_caption_no_target"]), st.muted)
        rows = []
        for dim in dims:
            rows.append(
                [
                    esc(dim.title),
                    self.num(dim.score),
                    self.num(dim.target),
                    self.num(dim.gap),
                    t["answered_of"].format(answered=dim.answered, applicable=dim.applicable)
                    + f" ({percent(dim.coverage * 100, d.language)}\u00a0%)",
                ]
            )
        self.story.append(Spacer(1, 6))
        self.story.append(
            self.table(
                [t["dimension"], t["score"], t["target"], t["gap"], t["coverage"]],
                rows,
                [0.44, 0.11, 0.11, 0.11, 0.23],
                align_right=(1, 2, 3, 4),
            )
        )

    def change(self, then: float | None, now: float | None, digits: int = 1) -> str:
        """Now minus then, signed ("+0,5", "−0,3"); a dash where either is missing."""
        if then is None or now is None:
            return "–"
        text = self.num(now - then, digits)
        if text.startswith("−") or not text.strip("0,."):  # negative, or no change at all
            return text
        return f"+{text}"

    def radar_alt(self) -> str:
        """The chart in words, every number in it: what a screen reader reads out."""
        t = self.t
        targets = any(dim.target is not None for dim in self.data.dimensions)
        item, whole = (
            ("radar_alt_item", "radar_alt")
            if targets
            else ("radar_alt_item_no_target", "radar_alt_no_target")
        )
        parts = [
            t[item].format(
                dimension=meta(dim.title), score=self.num(dim.score), target=self.num(dim.target)
            )
            for dim in self.data.dimensions
        ]
        return t[whole].format(
            min=self.data.min_level, max=self.data.max_level, items="; ".join(parts)
        )

    def findings(self) -> None:
        d, t, st = self.data, self.t, self.st
        self.section("3-findings", "findings")
        if not d.findings:
            self.para(esc(t["no_findings"]))
            return
        keys = {dim.key for dim in d.dimensions}
        by_dimension: dict[str | None, list[FindingItem]] = {}
        for finding in d.findings:
            key = finding.dimension_key if finding.dimension_key in keys else None
            by_dimension.setdefault(key, []).append(finding)
        groups = [
            (dim.title, by_dimension[dim.key]) for dim in d.dimensions if dim.key in by_dimension
        ]
        if None in by_dimension:
            groups.append((t["general"], by_dimension[None]))
        for title, items in groups:
            for i, finding in enumerate(items):
                kind = label(d.language, "kind", finding.kind)
                block: list[Flowable] = [P(esc(title), st.h2_block)] if i == 0 else []
                block.append(
                    P(
                        f"<font color='#1a4573'>{esc(kind)}:</font> <b>{esc(finding.title)}</b>",
                        st.h3_block,
                    )
                )
                if finding.text.strip():
                    block.append(P(esc(finding.text), st.indent))
                self.keep(block, len(finding.title) + len(finding.text))

    def _sorted_recommendations(self) -> list[Any]:
        return sorted(
            self.data.recommendations,
            key=lambda r: PRIORITY_ORDER.get(r.priority, len(PRIORITY_ORDER)),
        )

    def recommendations(self) -> None:
        d, t, st = self.data, self.t, self.st
        self.section("4-recommendations", "recommendations")
        if not d.recommendations:
            self.para(esc(t["no_recommendations"]))
            return
        current = None
        for i, rec in enumerate(self._sorted_recommendations(), 1):
            if rec.priority != current:
                current = rec.priority
                self.story.append(
                    P(
                        f"{esc(t['priority'])}: {esc(label(d.language, 'priority', rec.priority))}",
                        st.h2,
                    )
                )
            self.story.append(CondPageBreak(3 * cm))
            self.story.append(P(f"{i}. {esc(rec.title)}", st.h3))
            self.user(rec.text, st.indent)
            items = [(t["horizon"], esc(label(d.language, "horizon", rec.horizon)))]
            if rec.dimension_keys:
                items.append(
                    (
                        t["linked_dimensions"],
                        esc(", ".join(self.titles.get(k, k) for k in rec.dimension_keys)),
                    )
                )
            items.append((t["status"], esc(label(d.language, "rstatus", rec.status))))
            if rec.rationale.strip():
                items.append((t["rationale"], esc(rec.rationale)))
            if rec.agency_response.strip():
                items.append((t["agency_response"], esc(rec.agency_response)))
            self.fields(items)

    def previous(self) -> None:
        d, t = self.data, self.t
        self.section("5-previous", "previous")
        then = d.previous_assessed_on.isoformat() if d.previous_assessed_on else ""
        if d.previous_scores:
            self.para(esc(t["previous_scores"].format(date=then)))
            rows = [
                [
                    esc(dim.title),
                    self.num(d.previous_scores.get(dim.key)),
                    self.num(dim.score),
                    self.change(d.previous_scores.get(dim.key), dim.score),
                ]
                for dim in d.dimensions
            ]
            rows.append(
                [
                    f"<b>{esc(t['overall_index'])}</b>",
                    self.num(d.previous_overall, 2),
                    self.num(d.overall, 2),
                    self.change(d.previous_overall, d.overall, 2),
                ]
            )
            self.story.append(
                self.table(
                    [t["dimension"], then, t["now"], t["change"]],
                    rows,
                    [0.52, 0.16, 0.16, 0.16],
                    align_right=(1, 2, 3),
                )
            )
            self.story.append(Spacer(1, 8))
        if not d.previous_recommendations:
            return
        self.para(esc(t["previous_intro"].format(date=then)))
        rows = [
            [
                esc(p.title),
                esc(label(d.language, "priority", p.priority)),
                esc(label(d.language, "rstatus", p.status)),
                esc(p.agency_response),
                esc(t["yes"] if p.followed_up else t["no"]),
            ]
            for p in d.previous_recommendations
        ]
        self.story.append(
            self.table(
                [
                    t["recommendation"],
                    t["priority"],
                    t["status"],
                    t["agency_response"],
                    t["followed_up"],
                ],
                rows,
                PREVIOUS_WIDTHS,
            )
        )
