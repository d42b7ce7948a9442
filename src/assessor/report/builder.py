"""ReportData in, PDF bytes out: the story of the report, laid out once by ReportLab."""

from __future__ import annotations

import io
import os
import re
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from assessor import __version__
from assessor.domain.counts import counted
from assessor.report import fonts
from assessor.report.chart import radar
from assessor.report.data import (
    AnswerItem,
    DimensionResult,
    FindingItem,
    MappedReadingItem,
    MeetingItem,
    ReportData,
)
from assessor.report.markup import clean, esc, number, percent
from assessor.report.pages import Contents, Furniture, ReportCanvas
from assessor.report.structure import write_structure
from assessor.report.styles import ACCENT, Styles, grid_style, make_styles
from assessor.report.tagging import (
    Figure,
    Marks,
    Outline,
    P,
    Tag,
    TaggedParagraph,
    TaggedTable,
    artifact,
    attach,
)
from assessor.report.texts import label, texts

MARGIN = 2 * cm
PRIORITY_ORDER = {"high": 0, "medium": 1, "low": 2}
LANG_TAGS = {"sv": "sv-SE", "en": "en-GB"}
KEY_RECOMMENDATIONS = 5
MAX_RADAR_SPOKES = 24  # beyond this a radar is unreadable; the table alone shows the scores


def Heading(text: str, style: Any, key: str) -> TaggedParagraph:
    """A section heading that goes in the table of contents (and, as every heading, the
    PDF outline)."""
    heading = P(esc(text), style)
    heading.toc_key = key
    return heading


class _Doc(BaseDocTemplate):  # type: ignore[misc]
    def __init__(self, buffer: io.BytesIO, furniture: Furniture, **kwargs: Any) -> None:
        super().__init__(buffer, **kwargs)
        self.furniture = furniture
        self.outline = Outline()

    def afterFlowable(self, flowable: Flowable) -> None:
        key = self.outline.add(self.canv, flowable)
        if key and hasattr(flowable, "toc_key"):
            self.furniture.heading_pages.setdefault(flowable.toc_key, self.page)


def _meta(text: str) -> str:
    """User text fit for the document information and XMP: one line, no control characters."""
    return " ".join(clean(text).split())


def document_title(data: ReportData) -> str:
    title = data.assessment_title.strip() or texts(data.language)["report_kind"]
    return _meta(f"{title} – {data.agency_name}")


def document_author(data: ReportData) -> str:
    return _meta(", ".join(data.advisors))


def document_subject(data: ReportData) -> str:
    return _meta(texts(data.language)["subject"].format(agency=data.agency_name))


def language_tag(language: str) -> str:
    return LANG_TAGS.get(language, language)


def reproducible() -> bool:
    """SOURCE_DATE_EPOCH asks for a fixed date and document id: same data, same bytes."""
    return bool(os.environ.get("SOURCE_DATE_EPOCH", "").strip())


def report_story(data: ReportData) -> tuple[list[Flowable], Furniture]:
    """The report's content in reading order (the one model both PDF and DOCX are made from),
    and what every page carries."""
    fonts.register_fonts()
    furniture = Furniture(
        header_left=clean(data.agency_name).replace("\n", " "),
        header_right=data.assessed_on.isoformat(),
        page_of=texts(data.language)["page_of"],
        margin=MARGIN,
    )
    return _Story(data, make_styles(), furniture).build(), furniture


def build_pdf(data: ReportData, *, tagged: bool = True) -> bytes:
    """The report as tagged PDF bytes (PDF/UA-1); tagged=False gives the same pages without
    tags (what the benchmark compares the cost of tagging with)."""
    t = texts(data.language)
    story, furniture = report_story(data)
    buffer = io.BytesIO()
    doc = _Doc(
        buffer,
        furniture,
        pagesize=A4,
        leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
        title=document_title(data),
        author=document_author(data),
        subject=document_subject(data),
        creator=f"Assessor {__version__}",
        keywords="",
        lang=language_tag(data.language),
        initialFontName=fonts.REGULAR,
        invariant=1 if reproducible() else 0,
        pageCompression=1,
    )
    draft = data.status == "draft"
    watermark = _watermark(t["watermark"]) if draft else _nothing
    frame = Frame(MARGIN, MARGIN, A4[0] - 2 * MARGIN, A4[1] - 2 * MARGIN, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([
        PageTemplate(id="cover", frames=[frame], onPage=_cover_decor(watermark)),
        PageTemplate(id="body", frames=[frame], onPage=watermark),
    ])
    tree = attach(story, language_tag(data.language))
    canvases: list[ReportCanvas] = []
    doc.build(story, canvasmaker=partial(_canvas, canvases, furniture, tagged))
    if not tagged:
        return buffer.getvalue()
    return write_structure(buffer.getvalue(), tree, _marks(canvases[-1]),
                           language=language_tag(data.language))


def _marks(canv: ReportCanvas) -> Marks:
    if canv.marks is None:
        raise ValueError("an untagged canvas has no marks")
    return canv.marks


def _canvas(made: list[ReportCanvas], furniture: Furniture, tagged: bool, *args: Any,
            **kwargs: Any) -> ReportCanvas:
    """A report canvas, kept so that its marks can be read after the build."""
    canv = ReportCanvas(*args, furniture=furniture, **kwargs)
    if not tagged:
        canv.marks = None  # nothing is marked: the flowables draw as they would untagged
    made.append(canv)
    return canv


def _nothing(canv: Canvas, doc: Any) -> None:
    pass


def _watermark(word: str) -> Callable[[Canvas, Any], None]:
    def draw(canv: Canvas, doc: Any) -> None:
        canv.saveState()
        with artifact(canv, "Pagination", "Watermark"):
            canv.setFillColor(colors.Color(0.90, 0.91, 0.93))
            canv.setFont(fonts.BOLD, 110)
            canv.translate(A4[0] / 2, A4[1] / 2)
            canv.rotate(52)
            canv.drawCentredString(0, -40, word)
        canv.restoreState()

    return draw


def _cover_decor(
    watermark: Callable[[Canvas, Any], None],
) -> Callable[[Canvas, Any], None]:
    def draw(canv: Canvas, doc: Any) -> None:
        watermark(canv, doc)
        canv.saveState()
        with artifact(canv):
            canv.setFillColor(ACCENT)
            canv.rect(0, A4[1] - 1.1 * cm, A4[0], 1.1 * cm, stroke=0, fill=1)
            canv.rect(MARGIN, MARGIN + 3 * cm, 3 * cm, 0.12 * cm, stroke=0, fill=1)
        canv.restoreState()

    return draw


class _Story:
    """Turns the data into flowables, section by section."""

    def __init__(self, data: ReportData, styles: Styles, furniture: Furniture) -> None:
        self.data = data
        self.t: Mapping[str, str] = texts(data.language)
        self.st = styles
        self.furniture = furniture
        self.story: list[Flowable] = []
        self.toc: list[tuple[str, str]] = []
        self.width = A4[0] - 2 * MARGIN
        self.titles = {dim.key: dim.title for dim in data.dimensions}

    # helpers ----------------------------------------------------------------------------
    def num(self, value: float | None, digits: int = 1) -> str:
        return number(value, self.data.language, digits)

    def para(self, markup: str, style: Any = None) -> None:
        self.story.append(P(markup, style or self.st.body))

    def item(self, markup: str, group: str, label: str) -> None:
        """One item of a numbered list: consecutive items of one group are one list."""
        item = P(markup, self.st.item, Tag("LI", group=group))
        item.bulletText = label
        self.story.append(item)

    def user(self, text: str, style: Any = None) -> None:
        """User text, one paragraph per blank-line-separated part (so a page can break, and a
        heading can stay with the first part, between them)."""
        for part in re.split(r"\n\s*\n", text):
            if part.strip():
                self.para(esc(part.strip("\n")), style)

    def keep(self, block: list[Flowable], chars: int) -> None:
        """Keep a short block on one page without laying it out twice (as KeepTogether does):
        break the page first when less room is left than the block is likely to need."""
        lines = len(block) + chars // 90
        if lines <= 12:
            self.story.append(CondPageBreak(lines * 12.5 + 10))
        self.story.extend(block)

    def fields(self, items: Sequence[tuple[str, str]], style: Any = None) -> None:
        """Name: value lines (values are markup) as one paragraph: one layout, not one each."""
        if items:
            self.para("<br/>".join(f"<b>{esc(name)}:</b> {value}" for name, value in items),
                      style or self.st.fields)

    def section(self, key: str, title_key: str, new_page: bool = True) -> None:
        number_ = len(self.toc) + 1
        title = f"{number_}. {self.t[title_key]}" if key[0].isdigit() else self.t[title_key]
        self.toc.append((key, title))
        if new_page:
            self.story.append(PageBreak())
        self.story.append(Heading(title, self.st.h1, key))

    def table(
        self, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
        align_right: Sequence[int] = (),
    ) -> Table:
        """A table whose header repeats. Cells are markup (callers escape user text), except in
        the ``align_right`` columns: short plain text of ours (numbers), drawn as is, unwrapped,
        which costs far less than a paragraph."""
        st = self.st
        body: list[list[Any]] = [[
            clean(h) if i in align_right else Paragraph(esc(h), st.cell_head)
            for i, h in enumerate(header)]]
        body += [[clean(c) if i in align_right else Paragraph(c, st.cell)
                  for i, c in enumerate(row)] for row in rows]
        table = TaggedTable(body, colWidths=[w * self.width for w in widths], repeatRows=1,
                            splitInRow=1, hAlign="LEFT", header_rows=1)
        style = grid_style()
        for col in align_right:
            style.add("ALIGN", (col, 0), (col, -1), "RIGHT")
            style.add("FONTNAME", (col, 0), (col, 0), fonts.BOLD)
            style.add("TEXTCOLOR", (col, 0), (col, 0), colors.white)
        table.setStyle(style)
        return table

    # the report --------------------------------------------------------------------------
    def build(self) -> list[Flowable]:
        self.cover()
        contents_at = len(self.story)
        self.summary()
        self.results()
        self.findings()
        self.recommendations()
        if self.data.previous_recommendations:
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
            [[Paragraph(esc(k), st.muted), Paragraph(esc(v), st.body)] for k, v in rows],
            colWidths=[4.5 * cm, self.width - 4.5 * cm], hAlign="LEFT", header_cols=1,
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
            self.para(esc(t["overall_line"].format(
                score=self.num(d.overall), max=d.max_level,
                percent=percent(d.overall_percent, d.language))), st.big)
            if d.band:
                self.para(f"{esc(t['band'])}: <b>{esc(d.band)}</b>")
        answered = sum(dim.answered for dim in d.dimensions)
        total = sum(dim.total for dim in d.dimensions)
        lang = d.language
        self.para(esc(t["facts"].format(
            answered=answered, total=counted(total, "question", lang),
            dimensions=counted(len(d.dimensions), "dimension", lang),
            findings=counted(len(d.findings), "finding", lang),
            recommendations=counted(len(d.recommendations), "recommendation", lang),
            meetings=counted(len(d.meetings), "meeting", lang))))
        scored = sorted(self._scored(), key=lambda dim: (-(dim.score or 0), dim.title))
        if scored:
            strongest = scored[:3]
            weakest = sorted(scored, key=lambda dim: ((dim.score or 0), dim.title))[:3]
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
            self.story.append(self.table(
                [t["strongest"], t["score"], t["weakest"], t["score"]], rows,
                [0.37, 0.13, 0.37, 0.13], align_right=(1, 3)))
        recs = self._sorted_recommendations()[:KEY_RECOMMENDATIONS]
        if recs:
            self.story.append(P(esc(t["key_recommendations"]), st.h2))
            for i, rec in enumerate(recs, 1):
                priority = label(d.language, "priority", rec.priority)
                horizon = label(d.language, "horizon", rec.horizon).lower()
                self.item(f"<b>{esc(rec.title)}</b> ({esc(priority)}, {esc(horizon)})",
                          "key", f"{i}.")
        if d.summary.strip():
            self.story.append(P(esc(t["advisors_summary"]), st.h2))
            self.user(d.summary)

    def results(self) -> None:
        d, t, st = self.data, self.t, self.st
        self.section("2-results", "results")
        dims = d.dimensions
        if 3 <= len(dims) <= MAX_RADAR_SPOKES:
            self.story.append(Figure(radar(
                [clean(dim.title) for dim in dims], [dim.score for dim in dims],
                [dim.target for dim in dims], low=d.min_level, high=d.max_level,
                legend=(t["current"], t["target"]), width=self.width), self.radar_alt()))
            self.para(esc(t["radar_caption"]), st.muted)
        rows = []
        for dim in dims:
            rows.append([
                esc(dim.title), self.num(dim.score), self.num(dim.target), self.num(dim.gap),
                t["answered_of"].format(answered=dim.answered, applicable=dim.applicable)
                + f" ({percent(dim.coverage * 100, d.language)} %)",
            ])
        self.story.append(Spacer(1, 6))
        self.story.append(self.table(
            [t["dimension"], t["score"], t["target"], t["gap"], t["coverage"]], rows,
            [0.44, 0.11, 0.11, 0.11, 0.23], align_right=(1, 2, 3, 4)))

    def radar_alt(self) -> str:
        """The chart in words, every number in it: what a screen reader reads out."""
        t = self.t
        parts = [t["radar_alt_item"].format(dimension=_meta(dim.title), score=self.num(dim.score),
                                            target=self.num(dim.target))
                 for dim in self.data.dimensions]
        return t["radar_alt"].format(min=self.data.min_level, max=self.data.max_level,
                                     items="; ".join(parts))

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
        groups = [(dim.title, by_dimension[dim.key]) for dim in d.dimensions
                  if dim.key in by_dimension]
        if None in by_dimension:
            groups.append((t["general"], by_dimension[None]))
        for title, items in groups:
            for i, finding in enumerate(items):
                kind = label(d.language, "kind", finding.kind)
                block: list[Flowable] = [P(esc(title), st.h2_block)] if i == 0 else []
                block.append(P(
                    f"<font color='#1a4573'>{esc(kind)}:</font> <b>{esc(finding.title)}</b>",
                    st.h3_block))
                if finding.text.strip():
                    block.append(P(esc(finding.text), st.indent))
                self.keep(block, len(finding.title) + len(finding.text))

    def _sorted_recommendations(self) -> list[Any]:
        return sorted(self.data.recommendations,
                      key=lambda r: PRIORITY_ORDER.get(r.priority, len(PRIORITY_ORDER)))

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
                self.story.append(P(
                    f"{esc(t['priority'])}: {esc(label(d.language, 'priority', rec.priority))}",
                    st.h2))
            self.story.append(CondPageBreak(3 * cm))
            self.story.append(P(f"{i}. {esc(rec.title)}", st.h3))
            self.user(rec.text, st.indent)
            items = [(t["horizon"], esc(label(d.language, "horizon", rec.horizon)))]
            if rec.dimension_keys:
                items.append((t["linked_dimensions"],
                              esc(", ".join(self.titles.get(k, k) for k in rec.dimension_keys))))
            items.append((t["status"], esc(label(d.language, "rstatus", rec.status))))
            if rec.rationale.strip():
                items.append((t["rationale"], esc(rec.rationale)))
            if rec.agency_response.strip():
                items.append((t["agency_response"], esc(rec.agency_response)))
            self.fields(items)

    def previous(self) -> None:
        d, t = self.data, self.t
        self.section("5-previous", "previous")
        if d.previous_assessed_on is not None:
            self.para(esc(t["previous_intro"].format(date=d.previous_assessed_on.isoformat())))
        rows = [
            [esc(p.title), esc(label(d.language, "priority", p.priority)),
             esc(label(d.language, "rstatus", p.status)), esc(p.agency_response),
             esc(t["yes"] if p.followed_up else t["no"])]
            for p in d.previous_recommendations
        ]
        self.story.append(self.table(
            [t["recommendation"], t["priority"], t["status"], t["agency_response"],
             t["followed_up"]], rows, [0.29, 0.11, 0.18, 0.28, 0.14]))

    def meetings(self) -> None:
        d, t = self.data, self.t
        self.section("6-meetings", "meetings")
        if not d.meetings:
            self.para(esc(t["no_meetings"]))
            return
        for meeting in sorted(d.meetings, key=lambda m: m.starts_at):
            self._meeting(meeting)

    def _meeting(self, m: MeetingItem) -> None:
        d, t, st = self.data, self.t, self.st
        when = m.starts_at.strftime("%Y-%m-%d %H:%M")
        title = m.title.strip() or label(d.language, "kind", m.kind)
        head = [P(f"{esc(when)} · {esc(title)}", st.h2)]
        line = esc(label(d.language, "kind", m.kind))
        if m.place.strip():
            line += f" · {esc(t['place'])}: {esc(m.place)}"
        head.append(P(line, st.muted))
        items: list[tuple[str, str]] = []
        if m.participants:
            items.append((t["participants"], esc(", ".join(m.participants))))
        if m.advisors:
            items.append((t["advisors"], esc(", ".join(m.advisors))))
        if m.decisions.strip():
            items.append((t["decisions"], esc(m.decisions)))
        if not m.confidential:
            notes = [m.notes] if m.notes.strip() else []
            notes += [n.text for n in m.note_entries if not n.confidential and n.text.strip()]
            if notes:
                items.append((t["notes"], "<br/>".join(esc(n) for n in notes)))
        self.keep(head, len(title) + len(m.place))
        self.fields(items)
        if m.confidential:
            self.para(esc(t["confidential_left_out"]), st.muted)

    def appendix_answers(self) -> None:
        d, t, st = self.data, self.t, self.st
        self.section("A-answers", "appendix_answers")
        by_dimension: dict[str, list[AnswerItem]] = {}
        for answer in d.answers:
            by_dimension.setdefault(answer.dimension_key, []).append(answer)
        for dim in d.dimensions:
            answers = by_dimension.get(dim.key, [])
            for i, answer in enumerate(answers):
                if answer.not_applicable:
                    level = esc(t["not_applicable"])
                elif answer.level is None:
                    level = esc(t["unanswered"])
                else:
                    name = d.level_name(answer.level)
                    level = f"<b>{answer.level}</b>" + (f" – {esc(name)}" if name else "")
                confidence = label(d.language, "confidence", answer.confidence)
                # the dimension's title stays with its first answer, a comment with its answer
                block: list[Flowable] = (
                    [P(esc(dim.title), st.h2_block)] if i == 0 else [])
                detail = f"{esc(t['level'])}: {level} · {esc(t['confidence'])}: {esc(confidence)}"
                if answer.comment.strip():
                    detail += f"<br/><i>{esc(t['comment'])}:</i> {esc(answer.comment)}"
                if answer.evidence:
                    files = "; ".join(f"{esc(name)} ({day.isoformat()})"
                                      for name, day in answer.evidence)
                    detail += f"<br/><i>{esc(t['evidence'])}:</i> {files}"
                block += [
                    P((f"<b>{esc(answer.label)}</b> " if answer.label else "")
                      + esc(answer.question), st.question),
                    P(detail, st.fields),
                ]
                self.keep(block, len(answer.question) + len(answer.comment))

    def appendix_mapped(self, m: MappedReadingItem) -> None:
        t = self.t
        self.section("C-mapped", "appendix_mapped")
        self.para(esc(t["mapped_intro"].format(checklist=m.checklist_title,
                                               mapping=m.mapping_name)))
        rows = [[esc(title), self.num(score, 2), t["answered_of"].format(
            answered=read, applicable=total)] for title, score, read, total in m.dimensions]
        rows.append([f"<b>{esc(t['overall_index'])}</b>", self.num(m.overall, 2), ""])
        self.story.append(self.table([t["dimension"], t["mapped_score"], t["mapped_read"]],
                                     rows, [0.6, 0.18, 0.22], align_right=(1, 2)))
        lang = self.data.language
        self.para(esc(t["mapped_unread"].format(
            not_linked=counted(m.not_linked, "question", lang),
            not_answered=counted(m.not_answered, "question", lang),
            unused=counted(m.unused, "answer", lang))))

    def appendix_method(self) -> None:
        d, t, st = self.data, self.t, self.st
        self.section("B-method", "appendix_method")
        fill = {"min": d.min_level, "max": d.max_level}
        self.para(esc(t["method_1"].format(**fill)))
        self.para(esc(t["method_2"].format(**fill)))
        if d.scale:
            self.story.append(P(esc(t["scale"]), st.h2))
            self.story.append(self.table(
                [t["level"], t["level_name"]], [[str(s.level), esc(s.name)] for s in d.scale],
                [0.12, 0.88]))
        self.story.append(P(esc(t["method_details"]), st.h2))
        if d.overall_explanation.strip():
            self.user(d.overall_explanation)
        rows = [
            [esc(dim.title), self.num(dim.weight, 2), self.num(dim.score, 2),
             f"{dim.answered}/{dim.applicable}/{dim.total}"]
            for dim in d.dimensions
        ]
        self.story.append(self.table(
            [t["dimension"], t["weight"], t["score"], t["answered_columns"]],
            rows, [0.48, 0.11, 0.11, 0.30], align_right=(1, 2, 3)))
        texts_ = [d.dimension_explanations.get(dim.key, "") for dim in d.dimensions]
        common = _common_lines([x for x in texts_ if x.strip()])
        if common:
            self.story.append(Spacer(1, 6))
            self.user("\n".join(common))
        for dim, text in zip(d.dimensions, texts_, strict=True):
            lines = [line for line in text.splitlines() if line not in common]
            if any(line.strip() for line in lines):
                self.story.append(KeepTogether([
                    P(esc(dim.title), st.h3),
                    P(esc("\n".join(lines)), st.indent),
                ]))


def _common_lines(texts_: Sequence[str]) -> list[str]:
    """Lines every explanation repeats (the formula): printed once instead of each time."""
    if len(texts_) < 2:
        return []
    shared = set(texts_[0].splitlines())
    for text in texts_[1:]:
        shared &= set(text.splitlines())
    return [line for line in texts_[0].splitlines() if line in shared and line.strip()]
