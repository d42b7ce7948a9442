"""The tagged PDF read by its structure tree: what a screen reader gets (PDF/UA-1, PDF/A-2a)."""

from __future__ import annotations

import io
import itertools
import re
from dataclasses import replace

import pikepdf
import pytest
from pdfua import Severity, validate
from report_samples import HOSTILE, LONG_WORD, pdf_pages, sample_data
from structure_walk import Tagged
from test_portfolio_report import data as portfolio_data

from assessor.report import build_report
from assessor.report.data import DimensionResult
from assessor.report.portfolio import build_portfolio_pdf
from assessor.report.texts import SV


def _squash(text: str) -> str:
    """Text without white space: a line break in the PDF is a position, not a character."""
    return "".join(text.split())


@pytest.fixture(scope="module")
def sv_pdf() -> bytes:
    return build_report(sample_data("sv"))


@pytest.fixture(scope="module")
def long_pdf() -> bytes:
    """A dimension table over several pages and a summary that splits across pages."""
    dims = tuple(
        DimensionResult(
            key=f"d{i}",
            title=f"Område nummer {i}",
            weight=1.0,
            score=i % 5,
            target=4.0,
            coverage=1.0,
            answered=1,
            applicable=1,
            total=1,
        )
        for i in range(90)
    )
    essay = " ".join(["Åtgärden kräver långsiktig finansiering och tydligt ägarskap."] * 150)
    data = sample_data("sv", dimensions=dims, answers=(), summary=essay)
    # a table row taller than a page: split inside the row
    previous = tuple(
        replace(p, agency_response=essay.replace("finansiering", "budget"))
        for p in data.previous_recommendations
    )
    return build_report(replace(data, previous_recommendations=previous))


@pytest.fixture(scope="module")
def documents(sv_pdf: bytes, long_pdf: bytes) -> dict[str, bytes]:
    return {
        "sv": sv_pdf,
        "en-archival": build_report(sample_data("en"), archival=True),
        "long": long_pdf,
        "portfolio": build_portfolio_pdf(portfolio_data("en")),
    }


NAMES = ["sv", "en-archival", "long", "portfolio"]


@pytest.mark.parametrize("name", NAMES)
def test_every_painted_thing_is_tagged_content_or_an_artifact(
    documents: dict[str, bytes],
    name: str,
) -> None:
    with Tagged(documents[name]) as pdf:
        for page in pdf.pages:
            assert page.outside == [], f"page {page.index + 1}: {page.outside[:5]}"
            assert page.texts, f"page {page.index + 1} has no tagged text"


@pytest.mark.parametrize("name", NAMES)
def test_the_pdfua_checker_finds_nothing(documents: dict[str, bytes], name: str) -> None:
    report = validate(io.BytesIO(documents[name]))
    assert [(f.rule_id, f.message) for f in report.findings] == []
    assert report.worst_severity() not in (Severity.ERROR, Severity.WARNING)
    # a rule that could not run is no pass
    assert not getattr(report, "skipped", None)


@pytest.mark.parametrize("name", NAMES)
def test_headings_start_at_h1_and_nest_without_gaps(
    documents: dict[str, bytes],
    name: str,
) -> None:
    with Tagged(documents[name]) as pdf:
        levels = [int(e.role[1]) for e in pdf.elements() if e.role in ("H1", "H2", "H3")]
        headings = [pdf.element_text(e.obj) for e in pdf.elements() if e.role[:1] == "H"]
    assert levels[0] == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), levels
    assert all(text.strip() for text in headings)


@pytest.mark.parametrize("name", NAMES)
def test_every_table_has_header_cells_with_a_scope(
    documents: dict[str, bytes],
    name: str,
) -> None:
    with Tagged(documents[name]) as pdf:
        elements = list(pdf.elements())
        tables = [e for e in elements if e.role == "Table"]
        assert tables
        for table in tables:
            rows = (
                [kid for kid in table.obj.K]
                if isinstance(table.obj.K, pikepdf.Array)
                else [table.obj.K]
            )
            assert all(str(row.S) == "/TR" for row in rows)
            cells = [list(r.K) if isinstance(r.K, pikepdf.Array) else [r.K] for r in rows]
            column_heads = all(str(cell.S) == "/TH" for cell in cells[0])
            row_heads = all(str(row[0].S) == "/TH" for row in cells)
            assert column_heads or row_heads
            for cell in (c for row in cells for c in row if str(c.S) == "/TH"):
                assert str(cell.A.Scope) in ("/Column", "/Row")


def test_the_radar_is_a_figure_whose_alternative_text_states_the_numbers(
    sv_pdf: bytes,
) -> None:
    with Tagged(sv_pdf) as pdf:
        figures = [e for e in pdf.elements() if e.role == "Figure"]
    assert len(figures) == 1
    alt = str(figures[0].obj.Alt)
    assert "Radardiagram" in alt
    for dimension, score, target in (
        ("Strategi och styrning", "2,5", "3,0"),
        ("Kompetens och kultur", "0,8", "2,0"),
    ):
        assert f"{dimension} {score} (mål {target})" in alt


def test_reading_order_follows_the_report_and_the_contents_read_in_order(
    sv_pdf: bytes,
) -> None:
    with Tagged(sv_pdf) as pdf:
        text = _squash(pdf.reading_text())
        entries = [_squash(pdf.element_text(e.obj)) for e in pdf.elements() if e.role == "TOCI"]
    sections = [
        "1. " + SV["summary"],
        "2. " + SV["results"],
        "3. " + SV["findings"],
        "4. " + SV["recommendations"],
        "5. " + SV["previous"],
        "6. " + SV["meetings"],
        SV["appendix_answers"],
        SV["appendix_method"],
    ]
    # the contents: each entry with its page number, the first one first
    assert [e.rstrip("0123456789") for e in entries] == [_squash(s) for s in sections]
    assert entries[0] == _squash(sections[0]) + "3"
    # the document: cover, contents, then each section in order
    order = ["Myndighetenfördigitalförvaltning", _squash(SV["contents"] + "1. ")]
    order += [_squash(s) for s in sections]
    after_contents = text.index(entries[-1]) + len(entries[-1])
    positions = [text.index(order[0]), text.index(order[1])]
    positions += [text.index(s, after_contents) for s in order[2:]]
    assert positions == sorted(positions)


def test_watermark_running_header_and_page_numbers_are_artifacts(sv_pdf: bytes) -> None:
    with Tagged(sv_pdf) as pdf:
        text = pdf.reading_text()
        furniture = " ".join(" ".join(p.artifact_text) for p in pdf.pages)
        pages = len(pdf.pages)
    assert "UTKAST" in furniture and "UTKAST" not in text
    assert f"Sida 2 av {pages}" in furniture and "Sida" not in text
    assert "2026-03-14" in furniture  # the running header's date


def test_a_table_split_over_pages_is_one_table_and_its_repeated_header_an_artifact(
    long_pdf: bytes,
) -> None:
    with Tagged(long_pdf) as pdf:
        tables = [e for e in pdf.elements() if e.role == "Table"]
        results = next(t for t in tables if "Områdenummer89" in _squash(pdf.element_text(t.obj)))
        rows = list(results.obj.K)
        assert len(rows) == 91  # one header row and 90 dimensions, once each
        header_cells = sum(_squash(" ".join(p.artifact_text)).count("Täckning") for p in pdf.pages)
        assert header_cells >= 1  # the header as repeated on a later page
        pages = {str(kid.Pg.objgen) for row in rows[1:] for kid in [row.K[0]] if "/Pg" in kid}
        assert len(pages) >= 2
        summary = next(
            e for e in pdf.elements() if e.role == "P" and "finansiering" in pdf.element_text(e.obj)
        )
        marks = summary.obj.K
        assert isinstance(marks, pikepdf.Array) and len(marks) >= 2  # one P over pages
        assert _squash(pdf.element_text(summary.obj)).count("finansiering") == 150
        follow_up = next(t for t in tables if "budget" in pdf.element_text(t.obj))
        rows = list(follow_up.obj.K)
        assert len(rows) == 3  # the header and two recommendations, each once
        assert _squash(pdf.element_text(follow_up.obj)).count("budget") == 300


@pytest.mark.parametrize("name", NAMES)
def test_a_reader_opens_with_the_bookmarks_shown(documents: dict[str, bytes], name: str) -> None:
    # ReportLab writes /UseNone, and a check for no page mode at all never came true
    with pikepdf.open(io.BytesIO(documents[name])) as pdf:
        assert pdf.Root.PageMode == "/UseOutlines" and "/Outlines" in pdf.Root


@pytest.mark.parametrize("name", ["sv", "en-archival"])
def test_each_contents_entry_links_to_its_section_as_a_tagged_link(
    documents: dict[str, bytes], name: str
) -> None:
    # the contents gave page numbers but no link; a link is a Link element holding the
    # entry's text and the annotation, which has a description and prints (PDF/A)
    lines = pdf_pages(documents[name])[1].splitlines()
    titles = [line for line in lines if re.match(r"(\d|Bilaga [A-C]|Appendix [A-C])\. ", line)]
    printed = dict(zip(titles, [line for line in lines if line.isdigit()], strict=True))
    with pikepdf.open(io.BytesIO(documents[name])) as pdf:
        number = {page.objgen: i for i, page in enumerate(pdf.pages, 1)}
        nums = list(pdf.Root.StructTreeRoot.ParentTree.Nums)
        parents = dict(zip(nums[::2], nums[1::2], strict=True))
        links = list(pdf.pages[1].Annots)
        assert len(links) == 8
        for annot in links:
            title = str(annot.Contents)
            assert annot.Subtype == "/Link" and annot.F == 4 and title in printed
            # the page it leads to is the number printed beside the title
            assert str(number[annot.Dest[0].objgen]) == printed[title]
            link = parents[int(annot.StructParent)]
            assert link.S == "/Link" and link.P.S == "/P" and link.P.P.S == "/TOCI"
            objr = [k.Obj.objgen for k in link.K if isinstance(k, pikepdf.Dictionary)]
            assert objr == [annot.objgen]


def test_catalog_says_tagged_language_title_shown_and_pdfua(sv_pdf: bytes) -> None:
    with pikepdf.open(io.BytesIO(sv_pdf)) as pdf:
        assert pdf.Root.MarkInfo.Marked is True
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        assert str(pdf.Root.Lang) == "sv-SE"
        assert str(pdf.docinfo.Title).startswith("Mognadsbedömning våren 2026")
        assert b"<pdfuaid:part>1</pdfuaid:part>" in pdf.Root.Metadata.read_bytes()
        assert all(page.Tabs == "/S" for page in pdf.pages)
        with pdf.open_outline() as outline:
            titles = [item.title for item in outline.root]
            nested = [kid.title for item in outline.root for kid in item.children]
    assert "1. Sammanfattning" in titles
    assert "Viktigaste rekommendationer" in nested  # H2 under its H1


def test_key_recommendations_are_a_real_list(sv_pdf: bytes) -> None:
    with Tagged(sv_pdf) as pdf:
        lists = [e for e in pdf.elements() if e.role == "L"]
        assert len(lists) == 1
        items = list(lists[0].obj.K)
        assert len(items) == 4 and all(str(i.S) == "/LI" for i in items)
        assert _squash(pdf.element_text(items[0])).startswith("1.Taframendatastrategi")


def test_hostile_text_reads_literally_through_the_tags() -> None:
    data = sample_data("sv")
    data = replace(data, summary=HOSTILE + " \x07\x1b " + LONG_WORD * 35)
    with Tagged(build_report(data)) as pdf:
        text = _squash(pdf.reading_text())
    assert _squash(HOSTILE) in text
    assert _squash(LONG_WORD * 35) in text
    assert "\x07" not in text and "\x1b" not in text
