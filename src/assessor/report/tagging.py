"""Tagged PDF from ReportLab: marked content where flowables draw, a structure tree beside it.

Open-source ReportLab writes no structure tree. Flowables that carry meaning are made here
(TaggedParagraph, TaggedTable, Figure) and carry a ``Tag`` (their role). Once the story is
complete, ``attach`` walks it in order and gives every tagged flowable a node of the tree, so the
tree's order is the story's order, whatever is drawn first. While ReportLab lays the story out,
each flowable wraps what it draws in a marked-content sequence (``/P <</MCID n>> BDC ... EMC``)
and the ``Marks`` of the canvas record which node that MCID on that page belongs to. Everything
else drawn (the running header, page numbers, watermark, table rules and backgrounds, dot
leaders) is wrapped as an artifact. report/structure.py writes the tree after layout.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Table

from assessor.report.para import Para


@dataclass(eq=False)
class Node:
    """A structure element: a role, attributes and, in order, child nodes or (page, MCID)."""

    role: str
    alt: str = ""
    scope: str = ""  # TH only: Column or Row
    lang: str = ""
    kids: list[Node | tuple[int, int]] = field(default_factory=list)
    # link annotations that belong to this element: (page, index in the page's /Annots, the
    # text a reader's tools give for the link)
    annots: list[tuple[int, int, str]] = field(default_factory=list)

    def add(self, role: str, alt: str = "", scope: str = "", lang: str = "") -> Node:
        child = Node(role, alt=alt, scope=scope, lang=lang)
        self.kids.append(child)
        return child


@dataclass(frozen=True)
class Tag:
    """What a flowable is. ``group`` joins consecutive list items into one list."""

    role: str  # P, H1..H3, LI, Table, Figure, Div, TOC
    group: str = ""
    alt: str = ""
    lang: str = ""


class Marks:
    """The MCIDs of each page (1-based page number -> the node each MCID belongs to)."""

    def __init__(self) -> None:
        self.pages: dict[int, list[Node]] = {}

    def begin(self, canv: Canvas, node: Node) -> None:
        page = canv.getPageNumber()
        mcids = self.pages.setdefault(page, [])
        node.kids.append((page, len(mcids)))
        canv._code.append(f"/{node.role} <</MCID {len(mcids)}>> BDC")
        mcids.append(node)


def _marks(canv: Canvas) -> Marks | None:
    marks = getattr(canv, "marks", None)
    return marks if isinstance(marks, Marks) else None


@contextmanager
def marked(canv: Canvas, node: Node | None) -> Iterator[None]:
    """What is drawn inside belongs to ``node`` (an artifact when there is none)."""
    marks = _marks(canv)
    if marks is None:
        yield
        return
    if node is None:
        with artifact(canv):
            yield
        return
    marks.begin(canv, node)
    yield
    canv._code.append("EMC")


@contextmanager
def artifact(canv: Canvas, kind: str = "", subtype: str = "") -> Iterator[None]:
    """What is drawn inside is furniture, skipped by assistive technology."""
    if _marks(canv) is None:
        yield
        return
    props = (f"/Type /{kind}" if kind else "") + (f" /Subtype /{subtype}" if subtype else "")
    canv._code.append(f"/Artifact <<{props}>> BDC" if props else "/Artifact BMC")
    yield
    canv._code.append("EMC")


class TaggedParagraph(Para):
    """A paragraph whose lines are marked content of its node (parts of a split one too)."""

    def __init__(
        self,
        text: Any,
        style: Any = None,
        bulletText: Any = None,
        frags: Any = None,
        caseSensitive: int = 1,
        encoding: str = "utf8",
        tag: Tag | None = None,
    ) -> None:
        super().__init__(text, style, bulletText, frags, caseSensitive, encoding)
        self.tag = tag or Tag("P")
        self.node: Node | None = None
        self.markup = text if isinstance(text, str) else ""

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(avail_width, avail_height)
        for i, part in enumerate(parts):
            # one node for all parts; only the first is where a heading starts
            part.tag, part.node, part.markup = self.tag, self.node, self.markup if i == 0 else ""
            if i == 0 and hasattr(self, "toc_key"):
                part.toc_key = self.toc_key
        return parts

    def drawOn(self, canv: Canvas, x: float, y: float, _sW: float = 0) -> None:
        with marked(canv, self.node):
            super().drawOn(canv, x, y, _sW)


class Figure(Flowable):  # type: ignore[misc]
    """A drawing (chart) as one Figure with alternative text that states its numbers."""

    def __init__(self, drawing: Flowable, alt: str) -> None:
        super().__init__()
        self.drawing = drawing
        self.tag = Tag("Figure", alt=alt)
        self.node: Node | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        width, height = self.drawing.wrap(avail_width, avail_height)
        self.width, self.height = width, height
        return width, height

    def draw(self) -> None:
        with marked(self.canv, self.node):
            self.drawing.drawOn(self.canv, 0, 0)


class TaggedTable(Table):  # type: ignore[misc]
    """A table tagged TR/TH/TD; rules and backgrounds are artifacts.

    ``header_rows`` (TH, scope Column) repeat on each page; the repeats after the first page are
    artifacts. ``header_cols`` are TH with scope Row. ``layout=True`` makes a table that only
    places text (a Div with a P per cell, read column by column) instead of a data table.
    """

    _bkgrndcmds: list[Any]  # ReportLab's background commands (drawn by _drawBkgrnd)

    def __init__(
        self,
        data: Any,
        *args: Any,
        header_rows: int = 0,
        header_cols: int = 0,
        layout: bool = False,
        cell_backgrounds: dict[int, list[tuple[int, Any]]] | None = None,
        **kwargs: Any,
    ) -> None:
        kwargs["renderCB"] = _table_callback
        super().__init__(data, *args, **kwargs)
        self.tag = Tag("Div" if layout else "Table")
        self.header_rows, self.header_cols, self.layout = header_rows, header_cols, layout
        self.row_ids = list(range(len(self._cellvalues)))
        # row -> (column, colour) of single cells, drawn as BACKGROUND commands after the
        # table's own. Kept out of the style: ReportLab files every style command again into
        # both parts at each page split, so a thousand coloured rows over thirty pages cost
        # a second; here each part finds its rows' colours when it is drawn.
        self.cell_backgrounds = cell_backgrounds or {}
        self.continued = False
        self.cell_nodes: list[list[Node | None]] = []
        self._open = False

    def _splitRows(self, avail_height: float, doInRowSplit: int = 0) -> list[Flowable]:
        parts: list[Flowable] = super()._splitRows(avail_height, doInRowSplit)
        if len(parts) == 2:
            first, rest = parts
            repeat = first.repeatRows if isinstance(first.repeatRows, int) else 0
            remaining = len(rest._cellvalues) - repeat
            first.row_ids = self.row_ids[: len(first._cellvalues)]
            rest.row_ids = self.row_ids[:repeat] + self.row_ids[len(self.row_ids) - remaining :]
            for part, continued in ((first, self.continued), (rest, True)):
                part.header_rows, part.header_cols = self.header_rows, self.header_cols
                part.layout, part.tag, part.cell_nodes = self.layout, self.tag, self.cell_nodes
                part.cell_backgrounds = self.cell_backgrounds
                part.continued = continued
        return parts

    def _drawBkgrnd(self) -> None:
        own = self._bkgrndcmds
        self._bkgrndcmds = own + [
            ("BACKGROUND", (c, r), (c, r), colour)
            for r, row in enumerate(self.row_ids)
            for c, colour in self.cell_backgrounds.get(row, ())
        ]
        try:
            super()._drawBkgrnd()
        finally:
            self._bkgrndcmds = own

    def cell_markup(self) -> list[list[str]]:
        """Each cell as paragraph markup (plain string cells escaped): what the DOCX prints."""
        from assessor.report.markup import esc

        return [
            [
                c.markup
                if isinstance(c, TaggedParagraph)
                else c.text
                if isinstance(c, Paragraph)
                else esc(str(c or ""))
                for c in row
            ]
            for row in self._cellvalues
        ]


def _table_callback(table: TaggedTable, event: str, *args: Any) -> None:
    canv = table.canv
    marks = _marks(canv)
    if marks is None:
        return
    if event in ("startBG", "startLines"):
        canv._code.append("/Artifact BMC")
    elif event in ("endBG", "endLines"):
        canv._code.append("EMC")
    elif event == "startCell":
        row, col = args[0], args[1]
        logical = table.row_ids[row]
        node = table.cell_nodes[logical][col] if table.cell_nodes else None
        repeat = table.continued and logical < table.header_rows
        if node is None or repeat:
            canv._code.append("/Artifact <</Type /Pagination>> BDC" if repeat else "/Artifact BMC")
        else:
            marks.begin(canv, node)
        table._open = True
    elif event == "endCell" and table._open:
        canv._code.append("EMC")
        table._open = False


# The paragraph styles that are headings (report/styles.py names them).
HEADING_STYLES = {
    "cover_title": "H1",
    "h1": "H1",
    "h2": "H2",
    "h2_block": "H2",
    "h3": "H3",
    "h3_block": "H3",
}


def P(markup: str, style: Any, tag: Tag | None = None) -> TaggedParagraph:
    """A paragraph of the story; its style says whether it is a heading (H1-H3) or a P."""
    return TaggedParagraph(markup, style, tag=tag or Tag(HEADING_STYLES.get(style.name, "P")))


class Outline:
    """Every heading becomes a bookmark at its level (H1 top), in the order they are laid out."""

    def __init__(self) -> None:
        self.count = 0

    def add(self, canv: Canvas, flowable: Flowable) -> str:
        """Bookmark the flowable if it is (the start of) a heading; its key, else ""."""
        if not isinstance(flowable, TaggedParagraph) or not flowable.markup:
            return ""
        role = flowable.tag.role
        if len(role) != 2 or role[0] != "H" or not role[1].isdigit():
            return ""
        self.count += 1
        key = str(getattr(flowable, "toc_key", "") or f"h{self.count}")
        canv.bookmarkPage(key)
        canv.addOutlineEntry(" ".join(flowable.getPlainText().split()), key, int(role[1]) - 1)
        return key


def _cell_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _table_nodes(table: TaggedTable, parent: Node) -> None:
    rows = table._cellvalues
    ncols = len(rows[0]) if rows else 0
    table.cell_nodes = [[None] * ncols for _ in rows]
    if table.layout:
        div = parent.add("Div")
        for col in range(ncols):
            for r, row in enumerate(rows):
                if not _cell_empty(row[col]):
                    table.cell_nodes[r][col] = div.add("P")
        return
    node = parent.add("Table")
    for r, row in enumerate(rows):
        tr = node.add("TR")
        for c in range(len(row)):
            if r < table.header_rows:
                table.cell_nodes[r][c] = tr.add("TH", scope="Column")
            elif c < table.header_cols:
                table.cell_nodes[r][c] = tr.add("TH", scope="Row")
            else:
                table.cell_nodes[r][c] = tr.add("TD")


def flatten(story: Sequence[Flowable]) -> Iterator[Flowable]:
    """The story's flowables in reading order, inside KeepTogether blocks too."""
    for flowable in story:
        inner = getattr(flowable, "_content", None)
        if isinstance(inner, list) and not isinstance(flowable, Table):
            yield from flatten(inner)
        else:
            yield flowable


def attach(story: Sequence[Flowable], lang: str = "") -> Node:
    """The structure tree of a complete story: a Document node, children in story order."""
    root = Node("Document", lang=lang)
    lists: dict[str, Node] = {}
    last_group = ""
    for flowable in flatten(story):
        tag = getattr(flowable, "tag", None)
        if not isinstance(tag, Tag):
            continue
        if tag.role != "LI":
            last_group = ""
        if isinstance(flowable, TaggedTable):
            _table_nodes(flowable, root)
        elif tag.role == "LI":
            if tag.group != last_group or tag.group not in lists:
                lists[tag.group] = root.add("L")
            last_group = tag.group
            flowable.node = lists[tag.group].add("LI").add("LBody")
        elif tag.role == "TOC":
            toc = root.add("TOC")
            # each entry a link to its section (the PDF/UA way: a Link element holding the
            # text and the annotation)
            flowable.nodes = [toc.add("TOCI").add("P").add("Link") for _ in flowable.entries]
        else:
            flowable.node = root.add(tag.role, alt=tag.alt, lang=tag.lang)
    return root
