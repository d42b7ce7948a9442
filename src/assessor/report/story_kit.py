"""The agency report's story kit: its fixed texts, styles and the small builders its sections
use (paragraphs, numbered items, kept blocks, name: value lines, numbered sections, tables)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    PageBreak,
    Table,
)

from assessor.report import fonts
from assessor.report.data import (
    ReportData,
)
from assessor.report.document import WIDTH, heading
from assessor.report.markup import clean, esc, number
from assessor.report.pages import Furniture
from assessor.report.para import Para
from assessor.report.styles import Styles, grid_style
from assessor.report.tagging import (
    P,
    Tag,
    TaggedTable,
)
from assessor.report.texts import texts


class StoryKit:
    """The data, the texts and styles, the story so far, and how to add to it."""

    def __init__(self, data: ReportData, styles: Styles, furniture: Furniture) -> None:
        self.data = data
        self.t: Mapping[str, str] = texts(data.language)
        self.st = styles
        self.furniture = furniture
        self.story: list[Flowable] = []
        self.toc: list[tuple[str, str]] = []
        self.width = WIDTH
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
            self.para(
                "<br/>".join(f"<b>{esc(name)}:</b> {value}" for name, value in items),
                style or self.st.fields,
            )

    def section(self, key: str, title_key: str, new_page: bool = True) -> None:
        number_ = len(self.toc) + 1
        title = f"{number_}. {self.t[title_key]}" if key[0].isdigit() else self.t[title_key]
        self.toc.append((key, title))
        if new_page:
            self.story.append(PageBreak())
        self.story.append(heading(title, self.st.h1, key))

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        align_right: Sequence[int] = (),
    ) -> Table:
        """A table whose header repeats. Cells are markup (callers escape user text), except in
        the ``align_right`` columns: short plain text of ours (numbers), drawn as is, unwrapped,
        which costs far less than a paragraph."""
        st = self.st
        body: list[list[Any]] = [
            [
                clean(h) if i in align_right else Para(esc(h), st.cell_head)
                for i, h in enumerate(header)
            ]
        ]
        body += [
            [clean(c) if i in align_right else Para(c, st.cell) for i, c in enumerate(row)]
            for row in rows
        ]
        table = TaggedTable(
            body,
            colWidths=[w * self.width for w in widths],
            repeatRows=1,
            splitInRow=1,
            hAlign="LEFT",
            header_rows=1,
        )
        style = grid_style()
        for col in align_right:
            style.add("ALIGN", (col, 0), (col, -1), "RIGHT")
            style.add("FONTNAME", (col, 0), (col, 0), fonts.BOLD)
            style.add("TEXTCOLOR", (col, 0), (col, 0), colors.white)
        table.setStyle(style)
        return table
