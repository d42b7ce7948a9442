"""Reading a tagged PDF the way assistive technology does: by its structure tree (pikepdf).

``content_outside_marks`` finds painting operators that are neither tagged content (inside a
marked-content sequence with an MCID) nor an artifact; ``elements`` walks the structure tree in
order; ``element_text`` is the text an element's marked content shows, decoded with the fonts'
ToUnicode maps.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import pikepdf

PAINT = {"Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do"}
TEXT = {"Tj", "TJ", "'", '"'}


def _cmap(stream: pikepdf.Object) -> dict[int, str]:
    data = stream.read_bytes().decode("latin-1")
    table: dict[int, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            table[int(src, 16)] = bytes.fromhex(dst).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, dst in re.findall(
            r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
        ):
            start = int(dst, 16)
            for k, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                table[code] = chr(start + k)
    return table


@dataclass
class Page:
    index: int
    texts: dict[int, list[str]] = field(default_factory=dict)  # MCID -> text pieces
    outside: list[str] = field(default_factory=list)  # painting operators in no mark
    artifact_text: list[str] = field(default_factory=list)


def _read_page(index: int, page: pikepdf.Page) -> Page:
    fonts: dict[str, dict[int, str]] = {}
    for name, font in (page.resources.get("/Font") or {}).items():
        fonts[str(name)] = _cmap(font.ToUnicode) if "/ToUnicode" in font else {}
    result = Page(index)
    stack: list[tuple[str, int | None]] = []  # (tag, mcid)
    font: dict[int, str] = {}
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op in ("BDC", "BMC"):
            tag = str(operands[0])
            mcid = None
            if op == "BDC" and isinstance(operands[1], pikepdf.Dictionary):
                mcid = int(operands[1].get("/MCID", -1))
                mcid = None if mcid < 0 else mcid
            stack.append((tag, mcid))
        elif op == "EMC":
            stack.pop()
        elif op == "Tf":
            font = fonts.get(str(operands[0]), {})
        if op not in PAINT:
            continue
        in_artifact = any(tag == "/Artifact" for tag, _ in stack)
        owner = next((m for _, m in reversed(stack) if m is not None), None)
        if not in_artifact and owner is None:
            result.outside.append(op)
        if op in TEXT:
            pieces = operands[0] if op == "TJ" else [operands[-1]]
            text = "".join(
                "".join(font.get(b, "\ufffd") for b in bytes(p))
                for p in pieces
                if isinstance(p, pikepdf.String)
            )
            if in_artifact:
                result.artifact_text.append(text)
            elif owner is not None:
                result.texts.setdefault(owner, []).append(text)
    return result


# kids of a structure element that are not elements: marked content and annotations
_NOT_ELEMENTS = ("/MCR", "/OBJR")


@dataclass
class Element:
    role: str
    depth: int
    obj: pikepdf.Object


class Tagged:
    """A tagged PDF opened for reading (keep it in a ``with``: the file stays open)."""

    def __init__(self, pdf: bytes) -> None:
        self.doc = pikepdf.open(io.BytesIO(pdf))
        self.pages = [_read_page(i, p) for i, p in enumerate(self.doc.pages)]
        self.page_of = {p.obj.objgen: i for i, p in enumerate(self.doc.pages)}

    def __enter__(self) -> Tagged:
        return self

    def __exit__(self, *exc: object) -> None:
        self.doc.close()

    def elements(self) -> Iterator[Element]:
        def walk(obj: pikepdf.Object, depth: int) -> Iterator[Element]:
            yield Element(str(obj.S)[1:], depth, obj)
            kids = obj.get("/K")
            items = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
            for kid in items:
                if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") not in _NOT_ELEMENTS:
                    yield from walk(kid, depth + 1)

        root = self.doc.Root.StructTreeRoot
        kids = root.K
        for top in list(kids) if isinstance(kids, pikepdf.Array) else [kids]:
            yield from walk(top, 0)

    def own_text(self, elem: pikepdf.Object) -> str:
        """The text of the element's own marked content (not its children's)."""
        kids = elem.get("/K")
        items = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
        out = []
        for kid in items:
            if isinstance(kid, int):
                page = self.page_of[elem.Pg.objgen]
                out += self.pages[page].texts.get(kid, [])
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                page = self.page_of[kid.Pg.objgen]
                out += self.pages[page].texts.get(int(kid.MCID), [])
        return "".join(out)

    def element_text(self, elem: pikepdf.Object) -> str:
        """The element's text, its children's included, in structure order."""
        kids = elem.get("/K")
        items = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
        out = []
        for kid in items:
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
                continue  # an annotation: no text of its own
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") != "/MCR":
                out.append(self.element_text(kid))
            else:
                holder = pikepdf.Dictionary(K=kid, Pg=elem.get("/Pg"))
                out.append(self.own_text(holder))
        return " ".join(x for x in out if x)

    def reading_text(self) -> str:
        """All the document's text in the structure tree's order."""
        root = self.doc.Root.StructTreeRoot.K
        top = list(root) if isinstance(root, pikepdf.Array) else [root]
        return " ".join(self.element_text(t) for t in top)
