"""Page furniture drawn once the page count is known: "page 3 of 12", the running header and the
page numbers of the table of contents.

The canvas keeps each finished page instead of writing it, and draws the furniture on all of them
at save time (the second pass over the pages). The story itself is laid out only once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from assessor.report import fonts
from assessor.report.tagging import Marks, Node, Tag, artifact, marked

MUTED = colors.Color(0.35, 0.38, 0.42)
RULE = colors.Color(0.75, 0.78, 0.82)


def fit(text: str, room: float, font: str, size: float) -> str:
    """The text, cut with an ellipsis if it is wider than ``room`` points."""
    if stringWidth(text, font, size) <= room:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with the ellipsis
        mid = (low + high + 1) // 2
        if stringWidth(text[:mid].rstrip() + "…", font, size) <= room:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + "…"


@dataclass
class TocSlot:
    page: int
    x: float
    y: float
    key: str
    node: Node | None = None
    left: float = 0.0  # where the entry's title starts
    title: str = ""


@dataclass
class Furniture:
    """What every page but the cover carries, and where the contents' numbers go."""

    header_left: str
    header_right: str
    page_of: str  # "Page {page} of {pages}"
    margin: float
    heading_pages: dict[str, int] = field(default_factory=dict)
    toc_slots: list[TocSlot] = field(default_factory=list)

    def finish_page(self, canv: Canvas, page: int, pages: int) -> None:
        width, height = canv._pagesize
        canv.saveState()
        with artifact(canv, "Pagination"):
            self._header_footer(canv, page, pages, width, height)
        canv.setFillColor(colors.black)
        canv.setFont(fonts.REGULAR, 10)
        links = 0
        for slot in self.toc_slots:
            if slot.page == page and slot.key in self.heading_pages:
                with marked(canv, slot.node):
                    canv.drawRightString(slot.x, slot.y, str(self.heading_pages[slot.key]))
                # the whole line goes to the section (its bookmark's destination)
                box = (slot.left, slot.y - 4, slot.x, slot.y + 10)
                canv.linkRect("", slot.key, box, relative=0, thickness=0)
                if slot.node is not None:
                    slot.node.annots.append((page, links, slot.title))
                links += 1
        canv.restoreState()

    def _header_footer(
        self, canv: Canvas, page: int, pages: int, width: float, height: float
    ) -> None:
        if page > 1:
            canv.setFont(fonts.REGULAR, 8)
            canv.setFillColor(MUTED)
            top = height - self.margin + 18
            room = width - 2 * self.margin - canv.stringWidth(self.header_right) - 16
            canv.drawString(self.margin, top, fit(self.header_left, room, fonts.REGULAR, 8))
            canv.drawRightString(width - self.margin, top, self.header_right)
            canv.setStrokeColor(RULE)
            canv.setLineWidth(0.5)
            canv.line(self.margin, top - 4, width - self.margin, top - 4)
        canv.setFont(fonts.REGULAR, 8)
        canv.setFillColor(MUTED)
        canv.drawRightString(
            width - self.margin, self.margin - 24, self.page_of.format(page=page, pages=pages)
        )


class ReportCanvas(Canvas):  # type: ignore[misc]
    """A canvas that holds its pages back until save() so the furniture knows the page count."""

    def __init__(self, *args: Any, furniture: Furniture, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self.marks: Marks | None = Marks()
        self._held: list[dict[str, Any]] = []
        self._page_dests: list[Any] = []

    def bookmarkPage(self, key: str, **kwargs: Any) -> Any:
        """A destination on this page. ReportLab binds it to the page the document is writing,
        which while pages are held back is always the first: every bookmark and contents link
        led to the cover. It is bound again when its page is written."""
        dest = super().bookmarkPage(key, **kwargs)
        self._page_dests.append(dest)
        return dest

    def showPage(self) -> None:
        self._held.append(dict(self.__dict__))
        self._page_dests = []  # a new list: the held page keeps its own
        self._startPage()

    def save(self) -> None:
        held = self._held
        for number, state in enumerate(held, 1):
            self.__dict__.update(state)
            self._furniture.finish_page(self, number, len(held))
            for dest in self._page_dests:
                dest.setPage(self._doc.thisPageRef())
            Canvas.showPage(self)
        Canvas.save(self)


class Contents(Flowable):  # type: ignore[misc]
    """The table of contents: titles with dot leaders; numbers are filled in at save time."""

    def __init__(
        self, entries: list[tuple[str, str]], furniture: Furniture, leading: float = 20
    ) -> None:
        super().__init__()
        self.entries = entries  # (key, title)
        self.furniture = furniture
        self.leading = leading
        self.tag = Tag("TOC")
        self.nodes: list[Node] = []  # one per entry, given by tagging.attach

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.leading * len(self.entries)

    def draw(self) -> None:
        canv = self.canv
        y = self.leading * len(self.entries) - self.leading + 6
        for i, (key, title) in enumerate(self.entries):
            node = self.nodes[i] if i < len(self.nodes) else None
            canv.setFont(fonts.REGULAR, 10)
            with marked(canv, node):
                canv.drawString(0, y, title)
            start = canv.stringWidth(title, fonts.REGULAR, 10) + 6
            with artifact(canv):
                canv.setStrokeColor(RULE)
                canv.setDash(1, 3)
                canv.line(start, y + 1, self.width - 26, y + 1)
                canv.setDash()
            x, abs_y = canv.absolutePosition(self.width, y)
            left, _ = canv.absolutePosition(0, y)
            slot = TocSlot(canv.getPageNumber(), x, abs_y, key, node, left, title)
            self.furniture.toc_slots.append(slot)
            y -= self.leading
