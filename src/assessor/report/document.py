"""What every report's pages share, set up in one place.

A4 with 2 cm margins and one body frame; the document's language tag (in the catalogue, the
tags and the XMP alike); headings that go into the PDF outline and, with a key, the table of
contents; the reproducible document (SOURCE_DATE_EPOCH: a fixed date and id, so the same data
gives the same bytes); and the tagged build: the story laid out once, its structure tree
written afterwards from the marks the canvas recorded (report.structure). The agency report
(builder) and the portfolio report both build through here, so the two cannot drift apart.
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from functools import partial
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from assessor import __version__
from assessor.report import fonts
from assessor.report.markup import clean, esc
from assessor.report.pages import Furniture, ReportCanvas
from assessor.report.structure import write_structure
from assessor.report.tagging import Marks, Outline, P, TaggedParagraph, attach

MARGIN = 2 * cm
WIDTH = A4[0] - 2 * MARGIN  # of the body frame
LANG_TAGS = {"sv": "sv-SE", "en": "en-GB"}


def language_tag(language: str) -> str:
    return LANG_TAGS.get(language, language)


def reproducible() -> bool:
    """SOURCE_DATE_EPOCH asks for a fixed date and document id: same data, same bytes."""
    return bool(os.environ.get("SOURCE_DATE_EPOCH", "").strip())


def meta(text: str) -> str:
    """User text fit for the document information and XMP: one line, no control characters."""
    return " ".join(clean(text).split())


def heading(text: str, style: Any, key: str) -> TaggedParagraph:
    """A heading (plain text, escaped here). Its style gives its level (H1-H3) in the tags
    and the outline; ``key`` names it for the table of contents."""
    made = P(esc(text), style)
    made.toc_key = key
    return made


class OutlinedDoc(BaseDocTemplate):  # type: ignore[misc]
    """A document whose headings become the PDF outline, and whose keyed headings' pages are
    noted for the table of contents (drawn when the canvas saves, see report.pages)."""

    def __init__(self, buffer: io.BytesIO, furniture: Furniture, **kwargs: Any) -> None:
        super().__init__(buffer, **kwargs)
        self.buffer = buffer
        self.furniture = furniture
        self.outline = Outline()

    def afterFlowable(self, flowable: Flowable) -> None:
        key = self.outline.add(self.canv, flowable)
        if key and hasattr(flowable, "toc_key"):
            self.furniture.heading_pages.setdefault(flowable.toc_key, self.page)


def new_document(
    furniture: Furniture, *, title: str, author: str, subject: str, language: str
) -> OutlinedDoc:
    """An A4 document with the house margins and its catalogue filled in."""
    return OutlinedDoc(
        io.BytesIO(),
        furniture,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title,
        author=author,
        subject=subject,
        creator=f"Assessor {__version__}",
        keywords="",
        lang=language_tag(language),
        initialFontName=fonts.REGULAR,
        invariant=1 if reproducible() else 0,
        pageCompression=1,
    )


def body_frame() -> Frame:
    return Frame(
        MARGIN,
        MARGIN,
        WIDTH,
        A4[1] - 2 * MARGIN,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )


def page_templates(doc: OutlinedDoc, templates: Sequence[tuple[str, Any]]) -> None:
    """(id, onPage) pairs, each a page with the one body frame; the first is the first page's."""
    doc.addPageTemplates(
        [
            PageTemplate(id=name, frames=[body_frame()], **({"onPage": on_page} if on_page else {}))
            for name, on_page in templates
        ]
    )


def render(doc: OutlinedDoc, story: list[Flowable], language: str, *, tagged: bool = True) -> bytes:
    """Lay the story out once; tagged, add its structure tree (PDF/UA-1)."""
    tree = attach(story, language_tag(language))
    canvases: list[ReportCanvas] = []
    doc.build(story, canvasmaker=partial(_canvas, canvases, doc.furniture, tagged))
    if not tagged:
        return doc.buffer.getvalue()
    marks = canvases[-1].marks
    return write_structure(
        doc.buffer.getvalue(),
        tree,
        marks if marks is not None else Marks(),
        language=language_tag(language),
    )


def _canvas(
    made: list[ReportCanvas], furniture: Furniture, tagged: bool, *args: Any, **kwargs: Any
) -> ReportCanvas:
    """A report canvas, kept so that its marks can be read after the build."""
    canv = ReportCanvas(*args, furniture=furniture, **kwargs)
    if not tagged:
        canv.marks = None  # nothing is marked: the flowables draw as they would untagged
    made.append(canv)
    return canv
