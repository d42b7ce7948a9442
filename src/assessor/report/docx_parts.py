"""The Word file's small parts, written as OOXML where python-docx has no API: fields, sizes
for every script, repeating header rows, cell padding, the document's language and what the
package says of itself. docx_writer uses them; they know nothing of the report."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph as WordParagraph


def set_size(font: Any, points: float) -> None:
    """The font size for every script. python-docx sets w:sz only, and Word draws Hebrew or
    Arabic (complex scripts) in w:szCs: a name in Hebrew came out in the template's 11 pt
    among 7.5 pt table text."""
    font.size = Pt(points)
    rpr = font._element.get_or_add_rPr()
    for old in rpr.findall(qn("w:szCs")):
        rpr.remove(old)
    size = OxmlElement("w:szCs")
    size.set(qn("w:val"), str(round(points * 2)))
    rpr.sz.addnext(size)


def set_bold(font: Any) -> None:
    """Bold for every script (w:b and, for complex scripts, w:bCs)."""
    font.bold = True
    font._element.get_or_add_rPr().get_or_add_bCs()


def field_char(paragraph: WordParagraph, kind: str) -> None:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    paragraph.add_run()._r.append(element)


def field_start(paragraph: WordParagraph, instruction: str) -> None:
    """The start of a Word field; what follows up to field_char(..., "end") is shown until
    the field is updated (and may span paragraphs, as a table of contents does)."""
    field_char(paragraph, "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    field_char(paragraph, "separate")


def field(paragraph: WordParagraph, instruction: str, shown: str) -> None:
    """A Word field (PAGE, NUMPAGES) with the text shown until it is updated."""
    field_start(paragraph, instruction)
    paragraph.add_run(shown)
    field_char(paragraph, "end")


def page_of(paragraph: WordParagraph, pattern: str) -> None:
    """ "Sida {page} av {pages}" with both numbers as fields."""
    before, rest = pattern.split("{page}", 1)
    middle, after = rest.split("{pages}", 1)
    paragraph.add_run(before)
    field(paragraph, "PAGE", "1")
    paragraph.add_run(middle)
    field(paragraph, "NUMPAGES", "1")
    paragraph.add_run(after)


def repeat_header(row: Any) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def cell_padding(table: Any, twips: int) -> None:
    """Room above and below each cell's text; Table Grid has none, and the rings of "Nivå"
    touched the cell's top border."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("top", "bottom"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(twips))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    properties = table._tbl.tblPr
    look = properties.find(qn("w:tblLook"))
    if look is None:
        properties.append(margins)
    else:
        look.addprevious(margins)


def set_language(document: Any, tag: str) -> None:
    """The document's language: on the default run properties every style inherits, and in
    the settings."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), tag)
    lang.set(qn("w:eastAsia"), tag)
    lang.set(qn("w:bidi"), tag)
    # The template's settings are an American's: theme fonts for en-US, "." as the decimal
    # sign of calculated fields, and a proofing state of "clean" (checked, no errors), so
    # Word would not check the text until it was edited.
    settings = document.settings.element
    for name, value in (("themeFontLang", tag), ("decimalSymbol", "," if tag[:2] == "sv" else ".")):
        element = settings.find(qn(f"w:{name}"))
        if element is not None:
            element.set(qn("w:val"), value)
    proof = settings.find(qn("w:proofState"))
    if proof is not None:
        settings.remove(proof)


def set_font(style: Any, name: str) -> None:
    """The style's font by name, not the template's theme font (which would win)."""
    style.font.name = name
    fonts = style.element.rPr.find(qn("w:rFonts"))
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:cs"), name)


APP_PROPERTIES = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'extended-properties"><Application>Assessor</Application></Properties>'
)


def own_package(document: Any) -> None:
    """What the file says of itself is ours. python-docx's template left "generated by
    python-docx" as the comments (English in a Swedish report), "Microsoft Macintosh Word"
    as the program, and a picture of its own blank page as the thumbnail a file manager
    shows for every report."""
    document.core_properties.comments = ""
    package = document.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rid]
    package.part_related_by(RT.EXTENDED_PROPERTIES)._blob = APP_PROPERTIES


def stamped_package(package: bytes, when: datetime) -> bytes:
    """The package with every entry dated ``when``. python-docx dates them by the clock, so
    two exports of the same data with the same fixed date (SOURCE_DATE_EPOCH) differed, as
    the PDF's bytes do not."""
    stamp = max(when, datetime(1980, 1, 1)).timetuple()[:6]  # a zip's dates start in 1980
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(package)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(entry))
    return out.getvalue()
