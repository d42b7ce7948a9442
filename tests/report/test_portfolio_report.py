"""The portfolio report read back as a reader would: headings, names, literal user text."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader

from assessor.report.portfolio import (
    Contact,
    GapItem,
    HeatMapRow,
    LenderItem,
    PortfolioReportData,
    Practice,
    QuestionGapItem,
    RecommendationItem,
    build_portfolio_pdf,
    portfolio_texts,
)

HOSTILE = "<b>Fet</b> & <img src='/etc/passwd'/> <font size=40>stor</font>"


def data(language: str = "sv", **changes: object) -> PortfolioReportData:
    base = PortfolioReportData(
        language=language,
        checklist_title="Digital mognad i statliga myndigheter",
        created_on=date(2025, 6, 2),
        levels=(0, 1, 2, 3, 4),
        dimensions=("Styrning och strategi", "Informationssäkerhet"),
        rows=(
            HeatMapRow(
                "Åklagarmyndigheten",
                "Justitiedepartementet",
                date(2025, 2, 1),
                (1.3, 3.0),
                2.2,
                0.7,
            ),
            HeatMapRow(
                "Försäkringskassan", "Socialdepartementet", date(2025, 3, 1), (0.5, None), 0.5
            ),
            HeatMapRow(
                "Lantmäteriet", "Landsbygdsdepartementet", date(2025, 1, 15), (3.7, 1.0), 2.3, -0.2
            ),
        ),
        gaps=(
            GapItem(
                title="Styrning och strategi",
                mean=11 / 6,
                borrowers=(("Försäkringskassan", 0.5), ("Åklagarmyndigheten", 1.3)),
                lenders=(
                    LenderItem("Lantmäteriet", 3.7, (Practice(HOSTILE, "Delad tjänst", cited=2),)),
                ),
                contacts=(
                    Contact("Lantmäteriet", HOSTILE, ("Försäkringskassan", "Åklagarmyndigheten")),
                ),
                recommendations=(
                    RecommendationItem("Återanvänd plattform", 3, 2),
                    RecommendationItem("Egen idé", 1, None),
                ),
            ),
        ),
        scope=("Departement: Justitiedepartementet",),
        question_gaps=(
            QuestionGapItem(
                "Finns en digitaliseringsstrategi?", "Styrning och strategi", 2, 0.5, 1
            ),
        ),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def pages(pdf: bytes) -> list[str]:
    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("language", ["sv", "en"])
def test_headings_and_names_survive_copy_out(language: str) -> None:
    pdf = build_portfolio_pdf(data(language))
    text = flat(" ".join(pages(pdf)))
    t = portfolio_texts(language)
    for key in ("summary", "heatmap", "gaps", "contacts", "method", "question_gaps"):
        assert flat(t[key]) in text, key
    for name in ("Åklagarmyndigheten", "Försäkringskassan", "Informationssäkerhet"):
        assert name in text
    assert "Styrning och strategi: 2" in text  # the gap's heading with its count
    assert "Finns en digitaliseringsstrategi?" in text
    outline = [o.title for o in PdfReader(io.BytesIO(pdf)).outline if not isinstance(o, list)]
    assert t["heatmap"] in outline and t["gaps"] in outline


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_cover_is_titled_by_the_checklist(language: str) -> None:
    # a fixed "Digital mognad i myndigheterna" titled a portfolio on Essential Eight too
    pdf = build_portfolio_pdf(data(language, checklist_title="Essential Eight <ML2> & co"))
    first = flat(pages(pdf)[0])
    assert first.startswith(f"{portfolio_texts(language)['kind']} Essential Eight <ML2> & co ")
    assert "mognad i myndigheterna" not in first and "maturity across" not in first
    outline = [o.title for o in PdfReader(io.BytesIO(pdf)).outline if not isinstance(o, list)]
    assert outline[0] == "Essential Eight <ML2> & co"


def test_the_key_does_not_number_a_dimension_twice() -> None:
    # Essential Eight numbers its own dimensions: the key said "1 1 Patch applications"
    pdf = build_portfolio_pdf(data(dimensions=("1 Patch applications", "2. Backups", "3D print")))
    text = flat(" ".join(pages(pdf)))
    assert "1 Patch applications" in text and "1 1 Patch" not in text
    assert "2 Backups" in text and "2 2. Backups" not in text
    assert "3 3D print" in text  # a title that only begins with the digit keeps it


def test_hostile_user_text_prints_as_typed() -> None:
    text = flat(" ".join(pages(build_portfolio_pdf(data()))))
    assert flat(HOSTILE) in text
    assert f"{flat(HOSTILE)}: Delad tjänst (hänvisas till i 2 rekommendationer)" in text


def test_numbers_in_the_reader_s_language() -> None:
    sv = flat(" ".join(pages(build_portfolio_pdf(data("sv")))))
    en = flat(" ".join(pages(build_portfolio_pdf(data("en")))))
    assert "3,7" in sv and "+0,7" in sv and "−0,2" in sv
    assert "3.7" in en and "+0.7" in en


def test_only_embedded_fonts() -> None:
    reader = PdfReader(io.BytesIO(build_portfolio_pdf(data())))
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            assert "DejaVu" in str(font["/BaseFont"])
            descendant = font.get("/DescendantFonts")
            descriptor = (descendant[0].get_object() if descendant else font)["/FontDescriptor"]
            assert "/FontFile2" in descriptor.get_object()


def test_no_gaps_and_no_agencies_still_make_a_report() -> None:
    pdf = build_portfolio_pdf(data("en", rows=(), gaps=()))
    text = flat(" ".join(pages(pdf)))
    assert portfolio_texts("en")["no_gaps"] in text


def test_long_portfolio_repeats_the_heat_map_header() -> None:
    rows = tuple(
        HeatMapRow(
            f"Myndighet {n:03d} för öppna data",
            "Finansdepartementet",
            date(2025, 1, 1),
            (n % 5, (n * 7) % 5),
            2.0,
        )
        for n in range(120)
    )
    texts = pages(build_portfolio_pdf(data("sv", rows=rows)))
    with_rows = [p for p in texts if "Myndighet 0" in p or "Myndighet 1" in p]
    assert len(with_rows) >= 3
    assert all("Myndighet" in p and "Index" in p for p in with_rows)
    assert "Myndighet 119 för öppna data" in flat(" ".join(texts))


def test_same_data_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert build_portfolio_pdf(data()) == build_portfolio_pdf(data())


@pytest.mark.parametrize("language", ["sv", "en"])
def test_an_empty_selection_says_so_on_the_heat_map_page(language: str) -> None:
    pdf = build_portfolio_pdf(data(language, rows=(), gaps=(), question_gaps=()))
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert " ".join(portfolio_texts(language)["heatmap_empty"].split()) in " ".join(text.split())


@pytest.mark.parametrize("language", ["sv", "en"])
def test_agencies_read_through_a_mapping_are_marked_under_the_heat_map(language: str) -> None:
    rows = (
        HeatMapRow(
            "Åklagarmyndigheten",
            "Justitiedepartementet",
            date(2025, 2, 1),
            (1.3, 3.0),
            2.2,
            mapped_from="nist-csf 1.1",
        ),
        HeatMapRow("Lantmäteriet", "Landsbygdsdepartementet", date(2025, 1, 15), (3.7, 1.0), 2.3),
    )
    pdf = build_portfolio_pdf(data(language, rows=rows))
    text = " ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages)
    flat = " ".join(text.split())
    assert "Åklagarmyndigheten *" in flat
    assert "Lantmäteriet *" not in flat
    assert "(nist-csf 1.1)" in flat
    assert ("mappning" if language == "sv" else "mapping set") in flat


def test_no_mapping_note_without_mapped_agencies() -> None:
    pdf = build_portfolio_pdf(data("en"))
    text = " ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "read as this one through a mapping set" not in " ".join(text.split())


def test_every_page_of_a_long_heat_map_colours_its_cells() -> None:
    """The cells' colours are drawn by each part of the split table (tagging.TaggedTable keeps
    them out of ReportLab's style commands): every page of rows has every level's colour."""
    from reportlab.lib.rl_accel import fp_str

    from assessor.domain.colour_scale import scale_rgb

    rows = tuple(
        HeatMapRow(f"Myndighet {n:03d}", "Finansdepartementet", date(2025, 1, 1), (n % 5, 2.0), 2.0)
        for n in range(150)
    )
    reader = PdfReader(io.BytesIO(build_portfolio_pdf(data("sv", rows=rows))))
    with_rows = [p for p in reader.pages if "Myndighet " in (p.extract_text() or "")]
    assert len(with_rows) >= 3
    for page in with_rows:
        content = page.get_contents()
        assert content is not None
        drawn = content.get_data().decode("latin-1")
        for level in range(5):
            assert f"{fp_str(*scale_rgb(level, 0, 4))} rg" in drawn, level
