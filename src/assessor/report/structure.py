"""Writing the structure tree after layout, and what PDF/UA asks of the catalog, with pikepdf.

report/tagging.py gives the tree (nodes in reading order, each with its (page, MCID) marks).
This turns it into StructElem objects, the ParentTree that maps each page's MCIDs back to their
elements, /MarkInfo, /ViewerPreferences /DisplayDocTitle, /Tabs on each page and the XMP packet
with the PDF/UA identification. Same input, same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from assessor.report.tagging import Marks, Node
from assessor.report.xmp import xmp_packet

_STRUCT_ELEM, _MCR, _TABLE = Name.StructElem, Name.MCR, Name.Table


def _element(
    doc: pikepdf.Pdf,
    node: Node,
    parent: pikepdf.Object,
    page_objects: Sequence[pikepdf.Object],
    by_node: dict[int, pikepdf.Object],
    roles: dict[str, pikepdf.Object],
) -> pikepdf.Object:
    # A portfolio report at national scale has some 15,000 elements, and every call into
    # pikepdf counts: each element's dictionary is made whole in one call, its kids in one
    # array, and the role names are made once.
    role = roles.get(node.role)
    if role is None:
        role = roles[node.role] = Name("/" + node.role)
    entries: dict[str, Any] = {"/Type": _STRUCT_ELEM, "/S": role, "/P": parent}
    home = next((kid[0] for kid in node.kids if isinstance(kid, tuple)), None)
    if home is not None:
        entries["/Pg"] = page_objects[home - 1]
    if node.alt:
        entries["/Alt"] = String(node.alt)
    if node.lang:
        entries["/Lang"] = String(node.lang)
    if node.scope:
        entries["/A"] = Dictionary(O=_TABLE, Scope=Name("/" + node.scope))
    elem = doc.make_indirect(Dictionary(entries))
    by_node[id(node)] = elem
    kids: list[Any] = []
    for kid in node.kids:
        if isinstance(kid, Node):
            kids.append(_element(doc, kid, elem, page_objects, by_node, roles))
        elif kid[0] == home:
            kids.append(kid[1])
        else:
            kids.append(Dictionary(Type=_MCR, Pg=page_objects[kid[0] - 1], MCID=kid[1]))
    # one kid is written alone, not in an array: both are valid, and the pdfua checker's
    # empty-heading rule (0.1.3) fails on an array
    elem.K = kids[0] if len(kids) == 1 else Array(kids)
    return elem


def _link_annotations(
    root: Node,
    by_node: dict[int, pikepdf.Object],
    page_objects: Sequence[pikepdf.Object],
    nums: Array,
    key: int,
) -> int:
    """Each link annotation under its Link element (an OBJR kid, its /StructParent in the
    parent tree), with a description (PDF/UA 7.18.5) and the print flag (PDF/A); the next
    free parent-tree key."""
    stack = [root]
    while stack:
        node = stack.pop()
        stack.extend(reversed([kid for kid in node.kids if isinstance(kid, Node)]))
        if not node.annots:
            continue
        elem = by_node[id(node)]
        kids = list(elem.K) if isinstance(elem.K, Array) else [elem.K]
        for page, index, text in node.annots:
            annot = page_objects[page - 1].Annots[index]
            annot.StructParent = key
            annot.Contents = String(text)
            annot.F = 4
            kids.append(Dictionary(Type=Name.OBJR, Obj=annot, Pg=page_objects[page - 1]))
            nums.append(key)
            nums.append(elem)
            key += 1
        elem.K = Array(kids)
    return key


def write_structure(
    pdf: bytes,
    root: Node,
    marks: Marks,
    *,
    language: str,
    info_xmp: bool = True,
) -> bytes:
    """The PDF with its structure tree, tagged-PDF flags and PDF/UA identification."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        pages = list(doc.pages)
        tree = doc.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        by_node: dict[int, pikepdf.Object] = {}
        page_objects = [page.obj for page in pages]
        tree.K = Array([_element(doc, root, tree, page_objects, by_node, {})])
        nums = Array()
        for number, page in enumerate(pages):
            page.obj.StructParents = number
            page.obj.Tabs = Name.S
            owners = marks.pages.get(number + 1, [])
            nums.append(number)
            nums.append(doc.make_indirect(Array([by_node[id(n)] for n in owners])))
        next_key = _link_annotations(root, by_node, page_objects, nums, len(pages))
        tree.ParentTree = doc.make_indirect(Dictionary(Nums=nums))
        tree.ParentTreeNextKey = next_key
        doc.Root.StructTreeRoot = tree
        doc.Root.MarkInfo = Dictionary(Marked=True)
        doc.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
        doc.Root.Lang = String(language)
        # Open with the bookmarks shown. ReportLab always writes /PageMode /UseNone, so a test
        # for no page mode at all never came true.
        if "/Outlines" in doc.Root and doc.Root.get("/PageMode", Name.UseNone) == Name.UseNone:
            doc.Root.PageMode = Name.UseOutlines
        if info_xmp:
            for key in ("/Trapped", "/Author", "/Keywords"):
                if key in doc.docinfo and (key == "/Trapped" or not str(doc.docinfo[key])):
                    del doc.docinfo[key]
            info = {str(k): str(v) for k, v in doc.docinfo.items()}
            metadata = pikepdf.Stream(doc, xmp_packet(info, language, pdfa=False))
            metadata["/Type"] = Name.Metadata
            metadata["/Subtype"] = Name.XML
            doc.Root.Metadata = metadata
        out = io.BytesIO()
        # the streams ReportLab compressed stay as they are: decoding and compressing them
        # again would be most of this step's cost
        doc.save(
            out,
            deterministic_id=True,
            fix_metadata_version=False,
            stream_decode_level=pikepdf.StreamDecodeLevel.none,
        )
        return out.getvalue()
