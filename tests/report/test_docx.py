"""The editable DOCX: read back with python-docx, and opened by LibreOffice when it is there."""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from report_samples import HOSTILE, LONG_WORD, flat, pdf_pages, sample_data
from structure_walk import Tagged

from assessor.report import build_docx, build_report
from assessor.report.texts import EN, SV


def _squash(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def sv_docx() -> bytes:
    return build_docx(sample_data("sv"))


def _headings(docx: bytes) -> list[tuple[int, str]]:
    """(level, text) of every heading; the title counts as level 1."""
    out = []
    for paragraph in Document(io.BytesIO(docx)).paragraphs:
        name = paragraph.style.name
        if name == "Title":
            out.append((1, paragraph.text))
        elif name.startswith("Heading "):
            out.append((int(name.split()[1]), paragraph.text))
    return out


def _pdf_headings(pdf: bytes) -> list[tuple[int, str]]:
    with Tagged(pdf) as tagged:
        return [
            (int(e.role[1]), tagged.element_text(e.obj))
            for e in tagged.elements()
            if e.role in ("H1", "H2", "H3")
        ]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_headings_have_word_styles_and_the_pdf_order(language: str) -> None:
    data = sample_data(language)
    docx, pdf = build_docx(data), build_report(data)
    words = _headings(docx)
    assert [(level, _squash(text)) for level, text in words] == [
        (level, _squash(text)) for level, text in _pdf_headings(pdf)
    ]
    t = SV if language == "sv" else EN
    assert (1, "1. " + t["summary"]) in words
    assert (2, t["key_recommendations"]) in words


def test_tables_repeat_their_header_row_and_charts_have_alt_text(sv_docx: bytes) -> None:
    document = Document(io.BytesIO(sv_docx))
    tables = document.tables
    assert len(tables) >= 5
    for table in tables[1:]:  # the cover's table has its headers in the first column
        first = table.rows[0]._tr
        assert first.trPr is not None and first.trPr.find(qn("w:tblHeader")) is not None
    results = next(t for t in tables if t.rows[0].cells[0].text == SV["dimension"])
    assert [c.text for c in results.rows[1].cells[:3]] == ["Strategi och styrning", "2,5", "3,0"]
    pictures = document.inline_shapes
    assert len(pictures) == 1
    alt = pictures[0]._inline.docPr.get("descr")
    assert "Radardiagram" in alt and "Strategi och styrning 2,5 (mål 3,0)" in alt


def test_language_properties_and_page_numbers(sv_docx: bytes) -> None:
    document = Document(io.BytesIO(sv_docx))
    props = document.core_properties
    assert props.title.startswith("Mognadsbedömning våren 2026")
    assert props.author == "Åsa Öberg, Émile Ärlig"
    assert "Östra Göinge" in props.subject
    assert props.language == "sv-SE"
    lang = document.styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}"
    )
    assert lang.get(qn("w:val")) == "sv-SE"
    footer = document.sections[0].footer._element.xml
    assert " PAGE " in footer and " NUMPAGES " in footer and "Sida" in footer
    assert [p.style.name for p in document.paragraphs].count("List Number") == 4


def test_every_size_we_set_holds_for_complex_scripts_too(sv_docx: bytes) -> None:
    # Word sizes Hebrew and Arabic by w:szCs: a Hebrew name came out at 11 pt in 7.5 pt cells
    document = Document(io.BytesIO(sv_docx))
    section = document.sections[0]
    parts = [document.element, section.header._element, section.footer._element]
    parts += [s.element for s in document.styles if s.name == "Normal" or "Assessor" in s.name]
    checked = 0
    for part in parts:
        for rpr in part.iter(qn("w:rPr")):
            size, cs_size = rpr.find(qn("w:sz")), rpr.find(qn("w:szCs"))
            if size is not None:
                assert cs_size is not None and cs_size.get(qn("w:val")) == size.get(qn("w:val"))
                checked += 1
            if rpr.find(qn("w:b")) is not None:
                assert rpr.find(qn("w:bCs")) is not None
    assert checked > 10


def test_hostile_text_is_literal_in_the_docx() -> None:
    data = sample_data("sv", summary=HOSTILE + " \x07\x1b \u202e" + LONG_WORD * 35)
    previous = tuple(replace(p, agency_response=HOSTILE) for p in data.previous_recommendations)
    data = replace(data, previous_recommendations=previous)
    document = Document(io.BytesIO(build_docx(data)))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert HOSTILE in text  # the summary, a recommendation's title
    assert HOSTILE in cells  # the previous visit's table
    assert LONG_WORD * 35 in text
    assert "\x07" not in text and "\x1b" not in text
    assert "\u202e" not in text  # Word printed the rest of the summary backwards
    assert "<b>" in text  # printed, not made bold


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_docx_with_the_pdfs_sections_in_order(
    sv_docx: bytes,
    tmp_path: Path,
) -> None:
    source = tmp_path / "rapport.docx"
    source.write_bytes(sv_docx)
    assert SOFFICE is not None
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    converted = _squash(" ".join(pdf_pages((tmp_path / "rapport.pdf").read_bytes())))
    ours = _squash(flat(" ".join(pdf_pages(build_report(sample_data("sv"))))))
    sections = [
        SV["contents"],
        "1. " + SV["summary"],
        "2. " + SV["results"],
        "3. " + SV["findings"],
        "4. " + SV["recommendations"],
        "5. " + SV["previous"],
        "6. " + SV["meetings"],
        SV["appendix_answers"],
        SV["appendix_method"],
    ]
    for text in (converted, ours):
        # the contents list every section first; search for the sections after it
        start = text.index(_squash(SV["appendix_method"])) + 1
        positions = [text.index(_squash(s), start) for s in sections[1:]]
        assert positions == sorted(positions)
    for piece in (
        "Myndighetenfördigitalförvaltning",
        _squash(HOSTILE),
        "Startmöte",
        "Kommentarom",
        "Sida1av",
    ):
        assert piece in converted
    assert "HEMLIGT" not in converted and "KONFIDENTIELL" not in converted
