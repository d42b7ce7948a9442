"""ReportData in, PDF bytes out: the story of the report (report.agency_story), laid out once
by ReportLab on the house pages (report.document)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from assessor.report import fonts
from assessor.report.agency_story import AgencyStory
from assessor.report.data import ReportData
from assessor.report.document import MARGIN, meta, new_document, page_templates, render
from assessor.report.document import language_tag as language_tag  # where callers found it
from assessor.report.document import reproducible as reproducible
from assessor.report.markup import clean
from assessor.report.pages import Furniture
from assessor.report.styles import ACCENT, make_styles
from assessor.report.tagging import artifact
from assessor.report.texts import texts


def document_title(data: ReportData) -> str:
    title = data.assessment_title.strip() or texts(data.language)["report_kind"]
    return meta(f"{title} – {data.agency_name}")


def document_author(data: ReportData) -> str:
    return meta(", ".join(data.advisors))


def document_subject(data: ReportData) -> str:
    return meta(texts(data.language)["subject"].format(agency=data.agency_name))


def report_story(data: ReportData) -> tuple[list[Flowable], Furniture]:
    """The report's content in reading order (the one model both PDF and DOCX are made from),
    and what every page carries."""
    fonts.register_fonts()
    furniture = Furniture(
        header_left=clean(data.agency_name).replace("\n", " "),
        header_right=data.assessed_on.isoformat(),
        page_of=texts(data.language)["page_of"],
        margin=MARGIN,
    )
    return AgencyStory(data, make_styles(), furniture).build(), furniture


def build_pdf(data: ReportData, *, tagged: bool = True) -> bytes:
    """The report as tagged PDF bytes (PDF/UA-1); tagged=False gives the same pages without
    tags (what the benchmark compares the cost of tagging with)."""
    t = texts(data.language)
    story, furniture = report_story(data)
    doc = new_document(
        furniture,
        title=document_title(data),
        author=document_author(data),
        subject=document_subject(data),
        language=data.language,
    )
    watermark = _watermark(t["watermark"]) if data.status == "draft" else _nothing
    page_templates(doc, [("cover", _cover_decor(watermark)), ("body", watermark)])
    return render(doc, story, data.language, tagged=tagged)


def _nothing(canv: Canvas, doc: Any) -> None:
    pass


def _watermark(word: str) -> Callable[[Canvas, Any], None]:
    def draw(canv: Canvas, doc: Any) -> None:
        canv.saveState()
        with artifact(canv, "Pagination", "Watermark"):
            canv.setFillColor(colors.Color(0.90, 0.91, 0.93))
            canv.setFont(fonts.BOLD, 110)
            canv.translate(A4[0] / 2, A4[1] / 2)
            canv.rotate(52)
            canv.drawCentredString(0, -40, word)
        canv.restoreState()

    return draw


def _cover_decor(
    watermark: Callable[[Canvas, Any], None],
) -> Callable[[Canvas, Any], None]:
    def draw(canv: Canvas, doc: Any) -> None:
        watermark(canv, doc)
        canv.saveState()
        with artifact(canv):
            canv.setFillColor(ACCENT)
            canv.rect(0, A4[1] - 1.1 * cm, A4[0], 1.1 * cm, stroke=0, fill=1)
            canv.rect(MARGIN, MARGIN + 3 * cm, 3 * cm, 0.12 * cm, stroke=0, fill=1)
        canv.restoreState()

    return draw
