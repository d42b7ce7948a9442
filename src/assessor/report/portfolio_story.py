"""The portfolio report's story: the cover and summary, the heat map with its key, the common
gaps with who can lend to whom and the recommendations given, and the method."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from assessor.domain.colour_scale import dark_text_on, scale_rgb
from assessor.domain.counts import counted
from assessor.report import fonts
from assessor.report.document import WIDTH, heading
from assessor.report.markup import clean, esc, number
from assessor.report.portfolio_data import (
    GapItem,
    PortfolioReportData,
    portfolio_texts,
)
from assessor.report.styles import ACCENT, LINE, MUTED, grid_style, make_styles
from assessor.report.tagging import P, TaggedTable


class PortfolioStory:
    def __init__(self, data: PortfolioReportData) -> None:
        self.data = data
        self.t = portfolio_texts(data.language)
        self.st = make_styles()
        self.width = WIDTH
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
            heading(t["title"], st.cover_title, "title"),
            self.para(esc(t["subtitle"]), st.cover_sub),
            self.para(self.fmt("created", date=d.created_on.isoformat()), st.muted),
        ]
        for line in d.scope or (t["scope_all"],):
            self.story.append(self.para(esc(line), st.muted))
        self.story.append(heading(t["summary"], st.h2, "summary"))
        key = (
            ("summary_none", "summary_text_one")[len(d.gaps)]
            if len(d.gaps) < 2
            else ("summary_text")
        )
        lang = d.language
        self.story.append(
            self.para(
                self.fmt(
                    key,
                    agencies=counted(len(d.rows), "agency", lang),
                    checklist=d.checklist_title,
                    gaps=len(d.gaps),
                    min=counted(d.min_agencies, "agency", lang),
                    below=self.num(d.below),
                )
            )
        )
        if d.gaps:
            self.story.append(self.gap_table())

    def gap_table(self) -> Table:
        t = self.t
        rows: list[list[Any]] = [
            [
                self.cell(t["dimension"], True),
                self.cell(t["with_gap"], True, True),
                self.cell(t["mean"], True, True),
                self.cell(t["lenders_n"], True, True),
            ]
        ]
        for g in self.data.gaps:
            rows.append(
                [self.cell(g.title), str(len(g.borrowers)), self.num(g.mean), str(len(g.lenders))]
            )
        table = TaggedTable(
            rows,
            colWidths=[self.width - 7.5 * cm, 2.5 * cm, 2.5 * cm, 2.5 * cm],
            repeatRows=1,
            hAlign="LEFT",
            header_rows=1,
        )
        style = grid_style()
        style.add("ALIGN", (1, 1), (-1, -1), "RIGHT")
        table.setStyle(style)
        return table

    def heatmap(self) -> None:
        d, t, st = self.data, self.t, self.st
        self.story += [
            PageBreak(),
            heading(t["heatmap"], st.h1, "heatmap"),
            self.para(esc(t["heatmap_intro"]), st.small),
        ]
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
        head = (
            [self.cell(t["agency"], True)]
            + [str(i) for i in range(1, n + 1)]
            + [t["overall"], t["change"]]
        )
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
        # a name that fits on its line is drawn as a string, with the same font, size and
        # line height as the paragraph a longer name wraps in: at 1,000 agencies laying out a
        # paragraph per row was a fifth of the report's time
        name_style = self.st.cell
        commands += [
            ("FONTNAME", (0, 1), (0, -1), name_style.fontName),
            ("FONTSIZE", (0, 1), (0, -1), name_style.fontSize),
            ("LEADING", (0, 1), (0, -1), name_style.leading),
        ]
        room = name_w - 6  # the cell's left and right padding
        mark = " " + t["mapped_mark"]
        backgrounds: dict[int, list[tuple[int, Any]]] = {}
        for r, row in enumerate(d.rows, 1):
            name = " ".join(clean(row.name).split()) + (mark if row.mapped_from else "")
            fits = stringWidth(name, name_style.fontName, name_style.fontSize) <= room
            cells: list[Any] = [name if fits else Paragraph(esc(name), name_style)]
            for c, value in enumerate((*row.scores, row.overall), 1):
                cells.append(self.num(value))
                if value is not None:
                    rgb = scale_rgb(value, self.low, self.high)
                    backgrounds.setdefault(r, []).append((c, colors.Color(*rgb)))
                    if not dark_text_on(rgb):
                        commands.append(("TEXTCOLOR", (c, r), (c, r), colors.white))
                else:
                    commands.append(("TEXTCOLOR", (c, r), (c, r), MUTED))
            change = row.change
            cells.append("" if change is None else _signed(self.num(change)))
            rows.append(cells)
        table = TaggedTable(
            rows,
            colWidths=[name_w] + [score_w] * n + [wide, wide],
            repeatRows=1,
            hAlign="LEFT",
            header_rows=1,
            header_cols=1,
            cell_backgrounds=backgrounds,
            # ReportLab's option for long tables: each page's split keeps the row heights
            # measured so far instead of measuring every remaining row again (quadratic in
            # pages: at 1,000 agencies the map is 25 pages)
            longTableOptimize=True,
        )
        table.setStyle(TableStyle(commands))
        self.story.append(table)
        sources = sorted({row.mapped_from for row in d.rows if row.mapped_from})
        if sources:  # which agencies were read through a mapping, under the map they are in
            self.story.append(Spacer(0, 4))
            self.story.append(
                self.para(esc(t["mapped_note"].format(sources=", ".join(sources))), st.small)
            )

    def key(self) -> Table:
        """The dimensions behind the heat map's column numbers, in two columns."""
        d, st = self.data, self.st
        items = [
            Paragraph(f"<b>{n}</b>&nbsp;&nbsp;{esc(title)}", st.small)
            for n, title in enumerate(d.dimensions, 1)
        ]
        half = (len(items) + 1) // 2
        left, right = items[:half], items[half:]
        rows = [[a, right[i] if i < len(right) else ""] for i, a in enumerate(left)]
        table = TaggedTable(
            [[Paragraph(f"<b>{esc(self.t['key'])}</b>", st.small), ""], *rows],
            colWidths=[self.width / 2] * 2,
            hAlign="LEFT",
            layout=True,
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),  # even empty cells pick a font
                    ("SPAN", (0, 0), (1, 0)),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
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
            commands.append(
                ("TEXTCOLOR", (c, 0), (c, 0), colors.black if dark_text_on(rgb) else colors.white)
            )
        table = TaggedTable(
            [cells], colWidths=[1.6 * cm] + [1.1 * cm] * len(levels), hAlign="LEFT", layout=True
        )
        table.setStyle(TableStyle(commands))
        return table

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
        table = TaggedTable(
            rows,
            colWidths=[self.width - 9.6 * cm, 3.6 * cm, 2.1 * cm, 1.6 * cm, 2.3 * cm],
            repeatRows=1,
            hAlign="LEFT",
            header_rows=1,
        )
        style = grid_style()
        style.add("ALIGN", (2, 1), (-1, -1), "RIGHT")
        table.setStyle(style)
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
        table = TaggedTable(
            rows,
            colWidths=[4 * cm, 4.4 * cm, self.width - 8.4 * cm],
            repeatRows=1,
            hAlign="LEFT",
            header_rows=1,
        )
        table.setStyle(grid_style())
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
            rows.append(
                [self.cell(lender.name), self.num(lender.score), Paragraph(practices, st.cell)]
            )
        table = TaggedTable(
            rows,
            colWidths=[5 * cm, 1.6 * cm, self.width - 6.6 * cm],
            repeatRows=1,
            hAlign="LEFT",
            header_rows=1,
        )
        style = grid_style()
        style.add("ALIGN", (1, 1), (1, -1), "RIGHT")
        table.setStyle(style)
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
        table = TaggedTable(
            rows,
            colWidths=[self.width - 5 * cm, 2.2 * cm, 2.8 * cm],
            repeatRows=1,
            hAlign="LEFT",
            header_rows=1,
        )
        style = grid_style()
        style.add("ALIGN", (1, 1), (-1, -1), "RIGHT")
        table.setStyle(style)
        self.story += [heading, table]
        if len(gap.recommendations) > shown:
            self.story.append(
                self.para(self.fmt("more", n=len(gap.recommendations) - shown), st.muted)
            )

    def method(self) -> None:
        d, t, st = self.data, self.t, self.st
        self.story += [
            Spacer(0, 18),
            CondPageBreak(5 * cm),
            heading(t["method"], st.h1, "method"),
            self.para(
                self.fmt(
                    "method_text",
                    below=self.num(d.below),
                    min=d.min_agencies,
                    strong=self.num(d.strong_at),
                )
            ),
        ]


def _width(text: str, size: float = 7.5) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(stringWidth(text, fonts.BOLD, size))


def _signed(text: str) -> str:
    return text if text.startswith("−") or text == "–" else f"+{text}"
