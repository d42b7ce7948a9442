"""What every section of the portfolio report writes with: the data, its language's texts,
the styles, and small makers of paragraphs and cells."""

from __future__ import annotations

from typing import Any

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from assessor.report.document import WIDTH
from assessor.report.markup import esc, number
from assessor.report.para import Para
from assessor.report.portfolio_data import PortfolioReportData, portfolio_texts
from assessor.report.styles import grid_style, make_styles
from assessor.report.tagging import P, TaggedTable


class StoryWriter:
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
        return Para(esc(text), style)

    def grid(
        self, rows: list[list[Any]], widths: list[float], numbers: tuple[int, int] | None = None
    ) -> TaggedTable:
        """A ruled table whose header row repeats on every page; the columns from numbers[0] to
        numbers[1] hold numbers, set right."""
        table = TaggedTable(
            rows,
            colWidths=widths,
            repeatRows=1,
            hAlign="LEFT",
            header_rows=1,
            longTableOptimize=True,
        )
        style = grid_style()
        if numbers is not None:
            style.add("ALIGN", (numbers[0], 1), (numbers[1], -1), "RIGHT")
        table.setStyle(style)
        return table

    def fmt(self, key: str, **values: Any) -> str:
        """A fixed text with user values put in, escaped."""
        return esc(self.t[key].format(**{k: str(v) for k, v in values.items()}))
