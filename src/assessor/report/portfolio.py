"""The cross-agency (portfolio) report: PortfolioReportData in, PDF bytes out.

Sections: a summary, the heat map of latest scores (every agency, every dimension, the number
printed on its colour), the common gaps, and for each gap the collaboration suggestions (who is
strong there and what good practice they can lend, to whom), with the recommendations given for
it. A short method section says how the numbers were made.

Same rules as the agency report: embedded fonts only, every piece of user text escaped, and no
meeting notes at all (the data object has no place for them).
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from assessor import __version__
from assessor.domain.colour_scale import dark_text_on, scale_rgb
from assessor.domain.counts import counted
from assessor.domain.vocabulary import word
from assessor.report import fonts
from assessor.report.markup import esc, number
from assessor.report.pages import Furniture, ReportCanvas
from assessor.report.structure import write_structure
from assessor.report.styles import ACCENT, LINE, MUTED, grid_style, make_styles
from assessor.report.tagging import Marks, Outline, P, TaggedParagraph, TaggedTable, attach

MARGIN = 2 * cm
LANG_TAGS = {"sv": "sv-SE", "en": "en-GB"}


# --- data ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HeatMapRow:
    name: str
    ministry: str
    assessed_on: date
    scores: tuple[float | None, ...]  # one per dimension, in the report's dimension order
    overall: float | None
    change: float | None = None  # overall index, last minus first assessment shown


@dataclass(frozen=True)
class Practice:
    title: str
    text: str = ""
    cited: int = 0  # recommendations that point to it


@dataclass(frozen=True)
class LenderItem:
    name: str
    score: float
    practices: tuple[Practice, ...]


@dataclass(frozen=True)
class Contact:
    """A concrete suggestion: put this lender in touch with these borrowers."""

    lender: str
    practice: str  # the good practice to borrow ("" when the lender recorded none)
    borrowers: tuple[str, ...]


@dataclass(frozen=True)
class RecommendationItem:
    title: str
    given: int
    library_uses: int | None  # None: not from the library


@dataclass(frozen=True)
class GapItem:
    title: str
    mean: float | None
    borrowers: tuple[tuple[str, float], ...]  # lowest first
    lenders: tuple[LenderItem, ...]  # strongest first, those with good practices first
    contacts: tuple[Contact, ...]
    recommendations: tuple[RecommendationItem, ...]


@dataclass(frozen=True)
class QuestionGapItem:
    question: str
    dimension: str
    count: int  # agencies below the limit
    mean: float | None
    lenders: int


@dataclass(frozen=True)
class PortfolioReportData:
    language: str
    checklist_title: str
    created_on: date
    levels: tuple[int, ...]
    dimensions: tuple[str, ...]  # titles, in column order
    rows: tuple[HeatMapRow, ...]
    gaps: tuple[GapItem, ...]
    below: float = 2.0
    min_agencies: int = 2
    strong_at: float = 3.0
    scope: tuple[str, ...] = ()  # the filters, as sentences ("Ministry: ...")
    question_gaps: tuple[QuestionGapItem, ...] = ()  # most shared first
    author: str = ""
    extra: Mapping[str, str] = field(default_factory=dict)


# --- texts -----------------------------------------------------------------------------------

SV: dict[str, str] = {
    "kind": "Portföljrapport",
    "title": "Digital mognad i myndigheterna",
    "subtitle": "Gemensamma gap och vem som kan låna ut till vem",
    "created": "Skapad {date}",
    "scope_all": "Alla myndigheter med en bedömning.",
    "page_of": "Sida {page} av {pages}",
    "summary": "Sammanfattning",
    "summary_text": (
        "{agencies} med senaste bedömning mot {checklist}. {gaps} områden är "
        "gemensamma gap: minst {min} ligger under {below} där."
    ),
    "summary_text_one": (
        "{agencies} med senaste bedömning mot {checklist}. Ett område är ett gemensamt gap: "
        "minst {min} ligger under {below} där."
    ),
    "summary_none": (
        "{agencies} med senaste bedömning mot {checklist}. Inget område är ett "
        "gemensamt gap (minst {min} under {below})."
    ),
    "heatmap": "Värmekarta: senaste bedömning per myndighet",
    "heatmap_empty": "Inga myndigheter har någon bedömning som matchar urvalet.",
    "heatmap_intro": (
        "Varje rad är en myndighets senaste bedömning, varje kolumn ett område (numrerade, se "
        "förklaringen). Siffran är områdets poäng; färgen följer skalan nedan. Förändring är "
        "det samlade indexets förändring från första till senaste bedömning."
    ),
    "agency": "Myndighet",
    "overall": "Index",
    "change": "Ändring",
    "key": "Områden",
    "scale": "Skala",
    "gaps": "Gemensamma gap",
    "gaps_intro": (
        "Områden där minst {min} myndigheter har en poäng under {below}, flest först. "
        "Kan låna ut: myndigheter med minst {strong} där, eller med ett gott exempel där."
    ),
    "dimension": "Område",
    "with_gap": "Med gapet",
    "mean": "Medel",
    "lenders_n": "Kan låna ut",
    "no_gaps": "Inga gemensamma gap med dessa gränser.",
    "gap_heading": "{title}: {count} myndigheter under {below}",
    "question_gaps": "Gemensamma gap per fråga",
    "question_gaps_intro": "De {n} frågor som flest myndigheter ligger under {below} på.",
    "question": "Fråga",
    "contacts": "Förslag på kontakter",
    "contacts_intro": "Sätt dessa i kontakt: den som har löst det och de som har gapet.",
    "lender": "Kan låna ut",
    "practice": word("finding_kind", "good_practice", "sv"),
    "borrowers": "Kan låna",
    "strong": "Starka inom området",
    "score": "Poäng",
    "practices": "Goda exempel",
    "more": "… och {n} till.",
    "have_gap": "Myndigheter med gapet (lägst först)",
    "recommendations": "Rekommendationer som har getts",
    "recommendation": "Rekommendation",
    "given": "Givna",
    "library": "Ur biblioteket",
    "no_lenders": "Ingen myndighet är stark här ännu: ett område för gemensam utveckling.",
    "cited": "hänvisas till i {n} rekommendationer",
    "cited_one": "hänvisas till i en rekommendation",
    "no_recommendations": "Inga rekommendationer har getts för området.",
    "method": "Så har siffrorna tagits fram",
    "method_text": (
        "Ett områdes poäng är det viktade medelvärdet av de besvarade nivåerna på dess frågor "
        "(frågor som inte är tillämpliga eller saknar svar räknas inte). Indexet är det viktade "
        "medelvärdet av områdenas poäng. Ett gap är en poäng under {below}; ett gap är "
        "gemensamt när minst {min} myndigheter har det. Den som kan låna ut har minst {strong} "
        "i området eller har registrerat ett gott exempel där. Bara varje myndighets senaste "
        "bedömning inom urvalet räknas. Mötesanteckningar ingår aldrig i rapporten."
    ),
}

EN: dict[str, str] = {
    "kind": "Portfolio report",
    "title": "Digital maturity across agencies",
    "subtitle": "Common gaps and who can lend to whom",
    "created": "Created {date}",
    "scope_all": "Every agency with an assessment.",
    "page_of": "Page {page} of {pages}",
    "summary": "Summary",
    "summary_text": (
        "{agencies} with their latest assessment against {checklist}. {gaps} "
        "dimensions are common gaps: at least {min} score below {below} there."
    ),
    "summary_text_one": (
        "{agencies} with their latest assessment against {checklist}. One dimension is a "
        "common gap: at least {min} score below {below} there."
    ),
    "summary_none": (
        "{agencies} with their latest assessment against {checklist}. No dimension is "
        "a common gap (at least {min} below {below})."
    ),
    "heatmap": "Heat map: latest assessment of each agency",
    "heatmap_empty": "No agency has an assessment that matches the selection.",
    "heatmap_intro": (
        "Each row is an agency's latest assessment, each column a dimension (numbered, see the "
        "key). The number is the dimension's score; the colour follows the scale below. Change "
        "is the overall index's change from the first to the latest assessment."
    ),
    "agency": "Agency",
    "overall": "Index",
    "change": "Change",
    "key": "Dimensions",
    "scale": "Scale",
    "gaps": "Common gaps",
    "gaps_intro": (
        "Dimensions where at least {min} agencies score below {below}, most shared first. "
        "Can lend: agencies scoring at least {strong} there, or with a good practice there."
    ),
    "dimension": "Dimension",
    "with_gap": "With the gap",
    "mean": "Mean",
    "lenders_n": "Can lend",
    "no_gaps": "No common gaps with these limits.",
    "gap_heading": "{title}: {count} agencies below {below}",
    "question_gaps": "Common gaps by question",
    "question_gaps_intro": "The {n} questions where most agencies score below {below}.",
    "question": "Question",
    "contacts": "Suggested contacts",
    "contacts_intro": "Put these in touch: the one who has solved it and those with the gap.",
    "lender": "Can lend",
    "practice": word("finding_kind", "good_practice", "en"),
    "borrowers": "Could borrow",
    "strong": "Strong in the dimension",
    "score": "Score",
    "practices": "Good practices",
    "more": "… and {n} more.",
    "have_gap": "Agencies with the gap (lowest first)",
    "recommendations": "Recommendations given",
    "recommendation": "Recommendation",
    "given": "Given",
    "library": "From the library",
    "no_lenders": "No agency is strong here yet: an area to develop together.",
    "cited": "cited in {n} recommendations",
    "cited_one": "cited in one recommendation",
    "no_recommendations": "No recommendations have been given for this dimension.",
    "method": "How the numbers were made",
    "method_text": (
        "A dimension's score is the weighted mean of the answered levels of its questions "
        "(questions not applicable or unanswered are left out). The index is the weighted mean "
        "of the dimension scores. A gap is a score below {below}; a gap is common when at "
        "least {min} agencies have it. An agency can lend when it scores at least {strong} in "
        "the dimension or has recorded a good practice there. Only each agency's latest "
        "assessment within the selection counts. Meeting notes are never part of the report."
    ),
}


def portfolio_texts(language: str) -> Mapping[str, str]:
    return SV if language == "sv" else EN


# --- building --------------------------------------------------------------------------------


def _Heading(text: str, style: Any, key: str, level: int = 0) -> TaggedParagraph:
    """A heading: its style gives its level (H1-H3) in the tags and the outline."""
    heading = P(esc(text), style)
    heading.toc_key = key
    return heading


class _Doc(BaseDocTemplate):  # type: ignore[misc]
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.outline = Outline()

    def afterFlowable(self, flowable: Flowable) -> None:
        self.outline.add(self.canv, flowable)


def build_portfolio_pdf(data: PortfolioReportData) -> bytes:
    """The portfolio report as PDF bytes."""
    from assessor.report.builder import reproducible

    fonts.register_fonts()
    t = portfolio_texts(data.language)
    furniture = Furniture(
        header_left=t["kind"],
        header_right=data.created_on.isoformat(),
        page_of=t["page_of"],
        margin=MARGIN,
    )
    buffer = io.BytesIO()
    doc = _Doc(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
        title=f"{t['kind']} – {data.checklist_title}",
        author=data.author,
        subject=t["subtitle"],
        creator=f"Assessor {__version__}",
        lang=LANG_TAGS.get(data.language, data.language),
        initialFontName=fonts.REGULAR,
        invariant=1 if reproducible() else 0,
        pageCompression=1,
    )
    frame = Frame(MARGIN, MARGIN, A4[0] - 2 * MARGIN, A4[1] - 2 * MARGIN, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="body", frames=[frame])])
    story = _Story(data).build()
    lang = LANG_TAGS.get(data.language, data.language)
    tree = attach(story, lang)
    canvases: list[ReportCanvas] = []

    def canvas(*args: Any, **kwargs: Any) -> ReportCanvas:
        canvases.append(ReportCanvas(*args, furniture=furniture, **kwargs))
        return canvases[-1]

    doc.build(story, canvasmaker=canvas)
    return write_structure(buffer.getvalue(), tree, canvases[-1].marks or Marks(),
                           language=lang)


class _Story:
    def __init__(self, data: PortfolioReportData) -> None:
        self.data = data
        self.t = portfolio_texts(data.language)
        self.st = make_styles()
        self.width = A4[0] - 2 * MARGIN
        self.story: list[Flowable] = []
        self.low = float(min(data.levels)) if data.levels else 0.0
        self.high = float(max(data.levels)) if data.levels else 4.0

    def num(self, value: float | None, digits: int = 1) -> str:
        return number(value, self.data.language, digits)

    def para(self, markup: str, style: Any = None) -> Paragraph:
        return P(markup, style or self.st.body)

    def cell(self, text: str, bold: bool = False, right: bool = False) -> Paragraph:
        style = self.st.cell_head if bold else self.st.cell
        if right:  # a number column's title sits over its numbers
            style = ParagraphStyle(f"{style.name}_right", parent=style, alignment=TA_RIGHT)
        return Paragraph(esc(text), style)

    def fmt(self, key: str, **values: Any) -> str:
        """A fixed text with user values put in, escaped."""
        return esc(self.t[key].format(**{k: str(v) for k, v in values.items()}))

    def build(self) -> list[Flowable]:
        self.cover()
        self.heatmap()
        self.gaps()
        self.method()
        return self.story

    # sections ------------------------------------------------------------------------------

    def cover(self) -> None:
        d, t, st = self.data, self.t, self.st
        self.story += [
            self.para(esc(t["kind"]), st.cover_kind),
            _Heading(t["title"], st.cover_title, "title"),
            self.para(esc(t["subtitle"]), st.cover_sub),
            self.para(self.fmt("created", date=d.created_on.isoformat()), st.muted),
        ]
        for line in d.scope or (t["scope_all"],):
            self.story.append(self.para(esc(line), st.muted))
        self.story.append(_Heading(t["summary"], st.h2, "summary"))
        key = ("summary_none", "summary_text_one")[len(d.gaps)] if len(d.gaps) < 2 else (
            "summary_text")
        lang = d.language
        self.story.append(self.para(self.fmt(
            key, agencies=counted(len(d.rows), "agency", lang), checklist=d.checklist_title,
            gaps=len(d.gaps), min=counted(d.min_agencies, "agency", lang),
            below=self.num(d.below),
        )))
        if d.gaps:
            self.story.append(self.gap_table())

    def gap_table(self) -> Table:
        t = self.t
        rows: list[list[Any]] = [[self.cell(t["dimension"], True),
                                  self.cell(t["with_gap"], True, True),
                                  self.cell(t["mean"], True, True),
                                  self.cell(t["lenders_n"], True, True)]]
        for g in self.data.gaps:
            rows.append([self.cell(g.title), str(len(g.borrowers)), self.num(g.mean),
                         str(len(g.lenders))])
        table = TaggedTable(rows, colWidths=[self.width - 7.5 * cm, 2.5 * cm, 2.5 * cm, 2.5 * cm],
                      repeatRows=1, hAlign="LEFT", header_rows=1)
        style = grid_style()
        style.add("ALIGN", (1, 1), (-1, -1), "RIGHT")
        table.setStyle(style)
        return table

    def heatmap(self) -> None:
        d, t, st = self.data, self.t, self.st
        self.story += [PageBreak(), _Heading(t["heatmap"], st.h1, "heatmap"),
                       self.para(esc(t["heatmap_intro"]), st.small)]
        self.story.append(self.key())
        self.story.append(Spacer(0, 4))
        self.story.append(self.legend())
        self.story.append(Spacer(0, 6))
        if not d.rows:  # an empty page would look like a fault
            self.story.append(self.para(esc(t["heatmap_empty"])))
            return
        n = len(d.dimensions)
        score_w = 1.0 * cm
        wide = max(1.3 * cm, max(_width(x) for x in (t["overall"], t["change"])) + 8)
        name_w = self.width - n * score_w - 2 * wide
        head = [self.cell(t["agency"], True)] + [str(i) for i in range(1, n + 1)] + [
            t["overall"], t["change"]]
        rows: list[list[Any]] = [head]
        commands: list[tuple[Any, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
            ("FONTSIZE", (0, 0), (-1, -1), 7.5),
            ("FONTNAME", (1, 0), (-1, 0), fonts.BOLD),
            ("TEXTCOLOR", (1, 0), (-1, 0), colors.white),
            ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
            ("ALIGN", (1, 0), (-1, -1), "CENTER"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("LINEBELOW", (0, 1), (-1, -1), 0.25, LINE),
            # white rules between cells keep neighbouring colours apart
            ("INNERGRID", (1, 1), (-2, -1), 1.2, colors.white),
        ]
        for r, row in enumerate(d.rows, 1):
            cells: list[Any] = [Paragraph(esc(row.name), self.st.cell)]
            for c, value in enumerate((*row.scores, row.overall), 1):
                cells.append(self.num(value))
                if value is not None:
                    rgb = scale_rgb(value, self.low, self.high)
                    commands.append(("BACKGROUND", (c, r), (c, r), colors.Color(*rgb)))
                    if not dark_text_on(rgb):
                        commands.append(("TEXTCOLOR", (c, r), (c, r), colors.white))
                else:
                    commands.append(("TEXTCOLOR", (c, r), (c, r), MUTED))
            change = row.change
            cells.append("" if change is None else _signed(self.num(change)))
            rows.append(cells)
        table = TaggedTable(rows, colWidths=[name_w] + [score_w] * n + [wide, wide],
                            repeatRows=1, hAlign="LEFT", header_rows=1, header_cols=1)
        table.setStyle(TableStyle(commands))
        self.story.append(table)

    def key(self) -> Table:
        """The dimensions behind the heat map's column numbers, in two columns."""
        d, st = self.data, self.st
        items = [Paragraph(f"<b>{n}</b>&nbsp;&nbsp;{esc(title)}", st.small)
                 for n, title in enumerate(d.dimensions, 1)]
        half = (len(items) + 1) // 2
        left, right = items[:half], items[half:]
        rows = [[a, right[i] if i < len(right) else ""] for i, a in enumerate(left)]
        table = TaggedTable([[Paragraph(f"<b>{esc(self.t['key'])}</b>", st.small), ""], *rows],
                      colWidths=[self.width / 2] * 2, hAlign="LEFT", layout=True)
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),  # even empty cells pick a font
            ("SPAN", (0, 0), (1, 0)),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]))
        return table

    def legend(self) -> Table:
        levels = self.data.levels or (0, 1, 2, 3, 4)
        cells: list[Any] = [self.t["scale"]] + [str(level) for level in levels]
        commands: list[tuple[Any, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
            ("FONTSIZE", (0, 0), (-1, -1), 8),
            ("ALIGN", (1, 0), (-1, -1), "CENTER"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]
        for c, level in enumerate(levels, 1):
            rgb = scale_rgb(level, self.low, self.high)
            commands.append(("BACKGROUND", (c, 0), (c, 0), colors.Color(*rgb)))
            commands.append(("TEXTCOLOR", (c, 0), (c, 0),
                             colors.black if dark_text_on(rgb) else colors.white))
        table = TaggedTable([cells], colWidths=[1.6 * cm] + [1.1 * cm] * len(levels),
                            hAlign="LEFT", layout=True)
        table.setStyle(TableStyle(commands))
        return table

    def gaps(self) -> None:
        d, t, st = self.data, self.t, self.st
        self.story += [PageBreak(), _Heading(t["gaps"], st.h1, "gaps"),
                       self.para(self.fmt("gaps_intro", min=d.min_agencies,
                                          below=self.num(d.below), strong=self.num(d.strong_at)),
                                 st.small)]
        if not d.gaps:
            self.story.append(self.para(esc(t["no_gaps"])))
            return
        for n, gap in enumerate(d.gaps, 1):
            self.story.append(CondPageBreak(6 * cm))
            self.story.append(_Heading(
                t["gap_heading"].format(title=gap.title, count=len(gap.borrowers),
                                        below=self.num(d.below)),
                st.h2, f"gap{n}", 1))
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
        rows: list[list[Any]] = [[self.cell(t["question"], True), self.cell(t["dimension"], True),
                                  self.cell(t["with_gap"], True, True),
                                  self.cell(t["mean"], True, True),
                                  self.cell(t["lenders_n"], True, True)]]
        for q in items:
            rows.append([self.cell(q.question), self.cell(q.dimension), str(q.count),
                         self.num(q.mean), str(q.lenders)])
        table = TaggedTable(rows, colWidths=[self.width - 9.6 * cm, 3.6 * cm, 2.1 * cm, 1.6 * cm,
                                       2.3 * cm], repeatRows=1, hAlign="LEFT", header_rows=1)
        style = grid_style()
        style.add("ALIGN", (2, 1), (-1, -1), "RIGHT")
        table.setStyle(style)
        self.story += [
            CondPageBreak(6 * cm),
            _Heading(t["question_gaps"], st.h2, "questions", 1),
            self.para(self.fmt("question_gaps_intro", n=len(items), below=self.num(d.below)),
                      st.small),
            table,
        ]

    def contacts(self, gap: GapItem) -> None:
        t, st = self.t, self.st
        if not gap.contacts:
            return
        rows: list[list[Any]] = [[self.cell(t["lender"], True), self.cell(t["practice"], True),
                                  self.cell(t["borrowers"], True)]]
        for c in gap.contacts:
            rows.append([self.cell(c.lender), self.cell(c.practice),
                         self.cell(", ".join(c.borrowers))])
        table = TaggedTable(rows, colWidths=[4 * cm, 4.4 * cm, self.width - 8.4 * cm], repeatRows=1,
                      hAlign="LEFT", header_rows=1)
        table.setStyle(grid_style())
        self.story += [self.para(f"<b>{esc(t['contacts'])}</b>", st.h3),
                       self.para(esc(t["contacts_intro"]), st.small), table]

    def lenders(self, gap: GapItem, shown: int = 8) -> None:
        t, st = self.t, self.st
        if not gap.lenders:
            self.story.append(self.para(esc(t["no_lenders"]), st.small))
            return
        rows: list[list[Any]] = [[self.cell(t["agency"], True), self.cell(t["score"], True, True),
                                  self.cell(t["practices"], True)]]
        for lender in gap.lenders[:shown]:
            practices = "<br/>".join(
                f"<b>{esc(p.title)}</b>" + (f": {esc(p.text)}" if p.text.strip() else "")
                + (f" <i>({self.fmt('cited_one' if p.cited == 1 else 'cited', n=p.cited)})</i>"
                   if p.cited else "")
                for p in lender.practices
            )
            rows.append([self.cell(lender.name), self.num(lender.score),
                         Paragraph(practices, st.cell)])
        table = TaggedTable(rows, colWidths=[5 * cm, 1.6 * cm, self.width - 6.6 * cm], repeatRows=1,
                      hAlign="LEFT", header_rows=1)
        style = grid_style()
        style.add("ALIGN", (1, 1), (1, -1), "RIGHT")
        table.setStyle(style)
        self.story += [self.para(f"<b>{esc(t['strong'])}</b>", st.h3), table]
        if len(gap.lenders) > shown:
            self.story.append(self.para(self.fmt("more", n=len(gap.lenders) - shown), st.muted))

    def borrowers(self, gap: GapItem) -> None:
        t, st = self.t, self.st
        names = ", ".join(f"{esc(name)} ({self.num(score)})" for name, score in gap.borrowers)
        self.story += [self.para(f"<b>{esc(t['have_gap'])}</b>", st.h3),
                       self.para(names, st.small)]

    def recommendations(self, gap: GapItem, shown: int = 8) -> None:
        t, st = self.t, self.st
        heading = self.para(f"<b>{esc(t['recommendations'])}</b>", st.h3)
        if not gap.recommendations:
            self.story.append(KeepTogether([heading, self.para(esc(t["no_recommendations"]),
                                                               st.small)]))
            return
        rows: list[list[Any]] = [[self.cell(t["recommendation"], True),
                                  self.cell(t["given"], True, True),
                                  self.cell(t["library"], True, True)]]
        for r in gap.recommendations[:shown]:
            rows.append([self.cell(r.title), str(r.given),
                         "" if r.library_uses is None else str(r.library_uses)])
        table = TaggedTable(rows, colWidths=[self.width - 5 * cm, 2.2 * cm, 2.8 * cm], repeatRows=1,
                      hAlign="LEFT", header_rows=1)
        style = grid_style()
        style.add("ALIGN", (1, 1), (-1, -1), "RIGHT")
        table.setStyle(style)
        self.story += [heading, table]
        if len(gap.recommendations) > shown:
            self.story.append(self.para(self.fmt("more", n=len(gap.recommendations) - shown),
                                        st.muted))

    def method(self) -> None:
        d, t, st = self.data, self.t, self.st
        self.story += [Spacer(0, 18), CondPageBreak(5 * cm), _Heading(t["method"], st.h1, "method"),
                       self.para(self.fmt("method_text", below=self.num(d.below),
                                          min=d.min_agencies, strong=self.num(d.strong_at)))]


def _width(text: str, size: float = 7.5) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(stringWidth(text, fonts.BOLD, size))


def _signed(text: str) -> str:
    return text if text.startswith("−") or text == "–" else f"+{text}"
