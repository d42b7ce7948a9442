"""The portfolio report's story: the cover and summary, the heat map with its key, the common
gaps (portfolio_gaps.py) and the method."""

from __future__ import annotations

import re
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from assessor.domain.colour_scale import dark_text_on, scale_rgb
from assessor.domain.counts import counted
from assessor.report import fonts
from assessor.report.document import heading
from assessor.report.markup import clean, esc
from assessor.report.para import Para
from assessor.report.portfolio_gaps import GapSections
from assessor.report.styles import ACCENT, LINE, MUTED
from assessor.report.tagging import TaggedTable


class PortfolioStory(GapSections):
    """The whole report, in reading order; the gap sections are GapSections'."""

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
            # the checklist's own title: a fixed "Digital mognad i myndigheterna" was the
            # title of a portfolio on Essential Eight too
            heading(d.checklist_title, st.cover_title, "title"),
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
        return self.grid(
            rows, [self.width - 7.5 * cm, 2.5 * cm, 2.5 * cm, 2.5 * cm], numbers=(1, -1)
        )

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
            cells: list[Any] = [name if fits else Para(esc(name), name_style)]
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
            Para(f"<b>{n}</b>&nbsp;&nbsp;{esc(_without_number(title, n))}", st.small)
            for n, title in enumerate(d.dimensions, 1)
        ]
        half = (len(items) + 1) // 2
        left, right = items[:half], items[half:]
        rows = [[a, right[i] if i < len(right) else ""] for i, a in enumerate(left)]
        table = TaggedTable(
            [[Para(f"<b>{esc(self.t['key'])}</b>", st.small), ""], *rows],
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


def _without_number(title: str, number: int) -> str:
    """A dimension's title without the number the key gives it: Essential Eight numbers its
    own ("1 Patch applications"), and the key said "1 1 Patch applications"."""
    return re.sub(rf"^{number}[.)]?\s+", "", title) or title
