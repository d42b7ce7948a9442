"""report/structure.py makes each element in as few pikepdf calls as it can; the file it writes
is byte for byte the one an element-by-element construction (attribute after attribute, kid
after kid) writes, for any tree."""

from __future__ import annotations

import io
from typing import Any

import pikepdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pikepdf import Array, Dictionary, Name, String
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from assessor.report import structure
from assessor.report.tagging import Marks, Node

PAGES = 3


def _blank_pdf() -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=1)
    for _ in range(PAGES):
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def _reference_element(
    doc: pikepdf.Pdf, node: Node, parent: Any, pages: list[Any], by_node: dict[int, Any]
) -> Any:
    elem = doc.make_indirect(Dictionary(Type=Name.StructElem, S=Name("/" + node.role), P=parent))
    by_node[id(node)] = elem
    marks = [kid for kid in node.kids if isinstance(kid, tuple)]
    home = marks[0][0] if marks else None
    if home is not None:
        elem.Pg = pages[home - 1].obj
    if node.alt:
        elem.Alt = String(node.alt)
    if node.lang:
        elem.Lang = String(node.lang)
    if node.scope:
        elem.A = Dictionary(O=Name.Table, Scope=Name("/" + node.scope))
    kids = Array()
    for kid in node.kids:
        if isinstance(kid, Node):
            kids.append(_reference_element(doc, kid, elem, pages, by_node))
        elif kid[0] == home:
            kids.append(kid[1])
        else:
            kids.append(Dictionary(Type=Name.MCR, Pg=pages[kid[0] - 1].obj, MCID=kid[1]))
    elem.K = kids[0] if len(kids) == 1 else kids
    return elem


@st.composite
def trees(draw: Any) -> tuple[Node, Marks]:
    marks = Marks()
    root = Node("Document")
    nodes = [root]
    for _ in range(draw(st.integers(1, 25))):
        parent = draw(st.sampled_from(nodes))
        child = parent.add(
            draw(st.sampled_from(["P", "H1", "Table", "TR", "TH", "TD", "Figure", "L", "LI"])),
            alt=draw(st.sampled_from(["", "Diagram: 2,5 av 4"])),
            scope=draw(st.sampled_from(["", "Column", "Row"])),
            lang=draw(st.sampled_from(["", "en-GB"])),
        )
        nodes.append(child)
        for _ in range(draw(st.integers(0, 3))):
            page = draw(st.integers(1, PAGES))
            mcids = marks.pages.setdefault(page, [])
            child.kids.append((page, len(mcids)))
            mcids.append(child)
    return root, marks


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tree=trees())
def test_same_bytes_as_element_by_element(tree: tuple[Node, Marks]) -> None:
    root, marks = tree
    pdf = _blank_pdf()
    mine = structure.write_structure(pdf, root, marks, language="sv-SE")

    def reference(
        doc: pikepdf.Pdf, node: Node, parent: Any, page_objects: Any, by_node: Any, roles: Any
    ) -> Any:
        return _reference_element(doc, node, parent, list(doc.pages), by_node)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(structure, "_element", reference)
        theirs = structure.write_structure(pdf, root, marks, language="sv-SE")
    assert mine == theirs
