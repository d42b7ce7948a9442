"""The report as an editable Word document (python-docx), from the same story as the PDF.

There is no report logic here: builder.report_story gives the content in reading order (tagged
flowables: headings, paragraphs, list items, tables, figures, the contents), and this writes each
one as Word's own kind of thing: heading styles (so the navigation pane and a table of contents
work), numbered lists, tables whose header row repeats, the chart as a picture with alternative
text, a header with the agency and date and a footer with "page n of N" as fields. The
paragraphs' markup (escaped user text with <b>, <i>, <font color>, <br/>) becomes runs, so user
text stays literal here too.
"""

from __future__ import annotations

import io
import os
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.shared import Cm, Emu, Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph as WordParagraph
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak

from assessor.report import fonts
from assessor.report.builder import (
    document_author,
    document_subject,
    document_title,
    language_tag,
    report_story,
)
from assessor.report.data import ReportData
from assessor.report.docx_parts import (
    cell_padding,
    field_char,
    field_start,
    own_package,
    page_of,
    repeat_header,
    set_bold,
    set_font,
    set_language,
    set_size,
    stamped_package,
)
from assessor.report.markup import keeping_undrawable
from assessor.report.pages import Contents, Furniture, fit
from assessor.report.raster import to_png
from assessor.report.styles import make_styles
from assessor.report.tagging import Figure, TaggedParagraph, TaggedTable, flatten
from assessor.report.texts import texts

FONT = "Arial"  # Word has it everywhere; LibreOffice uses a metric twin or a sans fallback
Run = tuple[str, bool, bool, str]  # text, bold, italic, colour ("" = the style's)


def runs(markup: str) -> Iterator[Run]:
    """Paragraph markup as runs of text; <br/> is a "\\n" run."""
    root = ET.fromstring("<p>" + markup.replace("&nbsp;", "\u00a0") + "</p>")

    def walk(node: ET.Element, bold: bool, italic: bool, colour: str) -> Iterator[Run]:
        if node.tag == "br":
            yield ("\n", bold, italic, colour)
        bold = bold or node.tag == "b"
        italic = italic or node.tag == "i"
        if node.tag == "font":
            colour = node.get("color", colour).lstrip("#")
        if node.text:
            yield (node.text, bold, italic, colour)
        for child in node:
            yield from walk(child, bold, italic, colour)
            if child.tail:
                yield (child.tail, bold, italic, colour)

    yield from walk(root, False, False, "")


def _fill(paragraph: WordParagraph, markup: str, size: float = 0, bold: bool = False) -> None:
    for text, b, i, colour in runs(markup):
        if text == "\n":
            paragraph.add_run().add_break()
            continue
        run = paragraph.add_run(text)
        if b or bold:
            set_bold(run.font)
        if i:
            run.italic = True
        if size:
            set_size(run.font, size)
        if colour:
            run.font.color.rgb = RGBColor.from_string(colour.upper())


def _when() -> datetime:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        return datetime.fromtimestamp(int(epoch), UTC).replace(tzinfo=None)
    return datetime.now(UTC).replace(tzinfo=None)


# The names the advisor sees in Word's style gallery, in the report's language (the house
# styles were named by their code names, "Assessor table_head" in a Swedish document).
_STYLE_NAMES = {
    "body": ("Brödtext", "Body text"),
    "big": ("Framhävd", "Emphasis"),
    "cover_kind": ("Rapportslag", "Report kind"),
    "cover_sub": ("Underrubrik", "Subtitle"),
    "fields": ("Uppgifter", "Details"),
    "indent": ("Indragen text", "Indented text"),
    "item": ("Punkt", "Item"),
    "muted": ("Dämpad text", "Muted text"),
    "question": ("Fråga", "Question"),
    "small": ("Liten text", "Small text"),
    "table": ("Tabelltext", "Table text"),
    "table_head": ("Tabellrubrik", "Table heading"),
}


class _Writer:
    def __init__(self, data: ReportData, furniture: Furniture) -> None:
        self.data = data
        self.doc = Document()
        self.break_before = False
        self.last: WordParagraph | None = None
        self.style_ids: dict[str, str] = {}
        cell = make_styles().cell
        self.cell_styles = (
            ParagraphStyle("table", parent=cell),
            ParagraphStyle("table_head", parent=cell, fontName=cell.fontName + "-Bold"),
        )
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)  # A4, as the PDF
        section.left_margin = section.right_margin = Cm(2)
        section.top_margin = section.bottom_margin = Cm(2)
        self.width = Mm(170)
        self._furniture(furniture)
        self._properties()

    def _properties(self) -> None:
        d, props = self.data, self.doc.core_properties
        props.title = document_title(d)
        props.author = document_author(d)
        props.subject = document_subject(d)
        props.language = language_tag(d.language)
        props.last_modified_by = document_author(d)
        props.created = props.modified = _when()
        props.revision = 1
        own_package(self.doc)
        set_language(self.doc, language_tag(d.language))
        for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "List Number"):
            set_font(self.doc.styles[name], FONT)
        set_size(self.doc.styles["Normal"].font, 10)

    def _furniture(self, furniture: Furniture) -> None:
        t = texts(self.data.language)
        section = self.doc.sections[0]
        section.different_first_page_header_footer = True
        header = section.header.paragraphs[0]
        right = furniture.header_right
        if self.data.status == "draft":
            right = f"{t['watermark']} · {right}"
        # One right tab at the margin, in place of the template's centre and right stops (the
        # latter 5 mm short of our margin): a name longer than half the line skipped the
        # centre stop and pushed the date onto a second line. A name too long for the line is
        # cut as the PDF's header cuts it (DejaVu is wider than Arial, so it surely fits).
        stops = header.paragraph_format.tab_stops
        for stop in header.style.paragraph_format.tab_stops:
            stops.add_tab_stop(stop.position, WD_TAB_ALIGNMENT.CLEAR)
        stops.add_tab_stop(self.width, WD_TAB_ALIGNMENT.RIGHT)
        room = self.width.pt - stringWidth(right, fonts.REGULAR, 8) - 16
        left = fit(furniture.header_left, room, fonts.REGULAR, 8)
        set_size(header.add_run(f"{left}\t{right}").font, 8)
        for footer in (section.footer, section.first_page_footer):
            paragraph = footer.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            page_of(paragraph, furniture.page_of)
            for run in paragraph.runs:
                set_size(run.font, 8)

    def paragraph(self, style: str | None = None) -> WordParagraph:
        paragraph = self.doc.add_paragraph()
        if style is not None:
            # by id: python-docx looks a style name up by scanning every style, each time
            if style not in self.style_ids:
                self.style_ids[style] = self.doc.styles[style].style_id
            paragraph._p.style = self.style_ids[style]
        if self.break_before:
            paragraph.paragraph_format.page_break_before = True
            self.break_before = False
        self.last = paragraph
        return paragraph

    def write(self, flowable: Flowable) -> None:
        if isinstance(flowable, PageBreak):
            self.break_before = True
        elif isinstance(flowable, TaggedParagraph):
            self.text(flowable)
        elif isinstance(flowable, TaggedTable):
            self.table(flowable)
        elif isinstance(flowable, Figure):
            self.figure(flowable)
        elif isinstance(flowable, Contents):
            self.contents(flowable)

    def text(self, flowable: TaggedParagraph) -> None:
        role, style = flowable.tag.role, flowable.style
        if style.name == "cover_title":
            _fill(self.paragraph("Title"), flowable.markup)
        elif role in ("H1", "H2", "H3"):
            _fill(self.paragraph(f"Heading {role[1]}"), flowable.markup)
        elif role == "LI":
            _fill(self.paragraph("List Number"), flowable.markup)
        else:
            _fill(self.paragraph(self.style_like(style)), flowable.markup)

    def style_like(self, style: Any) -> str:
        """A paragraph style of the document made like a ReportLab one (size, weight, colour,
        indent, spacing): the advisor can restyle all such paragraphs at once in Word."""
        words = _STYLE_NAMES.get(style.name)
        if words is None:
            name = f"Assessor {style.name}"
        else:
            name = f"Assessor – {words[0] if self.data.language == 'sv' else words[1]}"
        if name not in self.style_ids:
            word = self.doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            word.base_style = self.doc.styles["Normal"]
            word.quick_style = True
            set_size(word.font, style.fontSize)
            if style.fontName.endswith("Bold"):
                set_bold(word.font)
            colour = style.textColor.hexval()[2:].upper()
            if colour != "000000":
                word.font.color.rgb = RGBColor.from_string(colour)
            layout = word.paragraph_format
            layout.left_indent = Pt(style.leftIndent) if style.leftIndent else None
            layout.space_before = Pt(style.spaceBefore)
            layout.space_after = Pt(style.spaceAfter)
            self.style_ids[name] = word.style_id
        return name

    def table(self, flowable: TaggedTable) -> None:
        cells = flowable.cell_markup()
        if not cells:
            return
        if self.break_before:
            self.paragraph()
        table = self.doc.add_table(rows=len(cells), cols=len(cells[0]))
        table.style = "Table Grid"
        table.autofit = False
        cell_padding(table, 40)
        body_style = self.style_like(self.cell_styles[0])
        cell_style = self.style_like(self.cell_styles[1])
        total = sum(flowable._colWidths) or 1
        widths = [Emu(int(self.width * width / total)) for width in flowable._colWidths]
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        for r, (word_row, row) in enumerate(zip(table.rows, cells, strict=True)):
            heading_row = r < flowable.header_rows
            if heading_row:
                repeat_header(word_row)
            for c, (cell, markup) in enumerate(zip(word_row.cells, row, strict=True)):
                cell.width = widths[c]
                heading = heading_row or c < flowable.header_cols
                paragraph = cell.paragraphs[0]
                if flowable._cellStyles[r][c].alignment == "RIGHT":
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                paragraph._p.style = self.style_ids[cell_style if heading else body_style]
                _fill(paragraph, markup)
        self.doc.add_paragraph()  # Word joins two tables that touch

    def figure(self, flowable: Figure) -> None:
        paragraph = self.paragraph()
        width = min(self.width, Emu(int(flowable.drawing.width * 12700)))
        picture = paragraph.add_run().add_picture(io.BytesIO(to_png(flowable.drawing)), width=width)
        picture._inline.docPr.set("descr", flowable.tag.alt)
        picture._inline.docPr.set("title", flowable.tag.alt[:80])

    def contents(self, flowable: Contents) -> None:
        """A table of contents field (Word fills in the page numbers when updated); until
        then it shows the section titles."""
        if self.last is not None:
            # The contents' own heading in Word's style for it, which is no outline level:
            # as a Heading 1 it was the first entry of the very table it heads once updated.
            self.last._p.style = self.doc.styles["TOC Heading"].style_id
        last = len(flowable.entries) - 1
        for i, (_key, title) in enumerate(flowable.entries):
            paragraph = self.paragraph()
            if i == 0:
                field_start(paragraph, 'TOC \\o "1-1" \\h \\z')
            paragraph.add_run(title)
            if i == last:
                field_char(paragraph, "end")


def build_docx(data: ReportData) -> bytes:
    """The report as DOCX bytes: the same content and order as the PDF."""
    with keeping_undrawable():  # Word draws what our fonts cannot
        story, furniture = report_story(data)
        writer = _Writer(data, furniture)
        for flowable in flatten(story):
            writer.write(flowable)
    out = io.BytesIO()
    writer.doc.save(out)
    return stamped_package(out.getvalue(), _when())
