"""The report read back from the PDF: both languages, escaping, fonts, reproducibility."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pikepdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs
from pypdf import PdfReader
from report_samples import (
    DIMENSIONS,
    EMOJI,
    HOSTILE,
    LONG_WORD,
    SECRET,
    SECRET_ENTRY,
    flat,
    pdf_pages,
    sample_data,
)

from assessor.report import build_report
from assessor.report.builder import report_story
from assessor.report.data import DimensionResult, ReportData
from assessor.report.tagging import TaggedParagraph, TaggedTable, flatten
from assessor.report.texts import EN, SV

BASE14 = {
    "Courier",
    "Courier-Bold",
    "Courier-Oblique",
    "Courier-BoldOblique",
    "Helvetica",
    "Helvetica-Bold",
    "Helvetica-Oblique",
    "Helvetica-BoldOblique",
    "Times-Roman",
    "Times-Bold",
    "Times-Italic",
    "Times-BoldItalic",
    "Symbol",
    "ZapfDingbats",
}


@pytest.fixture(scope="module")
def sv_pdf() -> bytes:
    return build_report(sample_data("sv"))


@pytest.fixture(scope="module")
def en_pdf() -> bytes:
    return build_report(sample_data("en"))


def test_swedish_report_has_its_headings_numbers_and_letters(sv_pdf: bytes) -> None:
    pages = pdf_pages(sv_pdf)
    text = flat(" ".join(pages))
    for heading in (
        "Innehåll",
        "1. Sammanfattning",
        "2. Resultat per område",
        "3. Iakttagelser per område",
        "4. Rekommendationer",
        "5. Uppföljning av föregående bedömning",
        "6. Genomförda möten",
        "Bilaga A. Svar och kommentarer",
        "Bilaga B. Så beräknades poängen",
    ):
        assert heading in text
    assert "Samlat index: 2,17 av 4 (54 %)" in text
    assert "Mognadsnivå: Definierad" in text
    assert "Myndigheten för digital förvaltning i Östra Göinge" in text
    assert "Åsa Öberg, Émile Ärlig" in text
    assert "Digitala tjänster för Åre, Älvsbyn och Örebro" in text
    for letter in "åäöÅÄÖé":
        assert letter in text
    assert (
        "Starkaste områden Nivå Svagaste områden Nivå Informationssäkerhet 3,5 "
        "Kompetens och kultur 0,8" in text
    )
    # the dimension table: score, target, gap and coverage of "Data och information"
    assert "Data och information 1,2 3,0 1,8 3 av 4 (75 %)" in text


def test_a_percent_sign_never_wraps_away_from_its_number() -> None:
    # a no-break space, as domain.explain writes them: "(100" and "%)" parted in a narrow cell
    for language in ("sv", "en"):
        story, _ = report_story(sample_data(language))
        texts = []
        for flowable in flatten(story):
            if isinstance(flowable, TaggedParagraph):
                texts.append(flowable.markup)
            elif isinstance(flowable, TaggedTable):
                texts += [cell for row in flowable.cell_markup() for cell in row]
        joined = "\n".join(texts)
        assert "(54\u00a0%)" in joined and "(75\u00a0%)" in joined
        assert not re.search(r"\d %", joined)


def test_english_report_uses_english_words_and_decimal_points(en_pdf: bytes) -> None:
    text = flat(" ".join(pdf_pages(en_pdf)))
    for heading in (
        "Contents",
        "1. Summary",
        "2. Results by dimension",
        "4. Recommendations",
        "Appendix A. Answers and comments",
        "Appendix B. How the scores were computed",
    ):
        assert heading in text
    assert "Overall index: 2.17 of 4 (54 %)" in text
    assert "Sammanfattning" not in text
    assert "Page 1 of" in text


def test_every_page_says_page_n_of_total_and_has_the_running_header(sv_pdf: bytes) -> None:
    pages = pdf_pages(sv_pdf)
    total = len(pages)
    assert total >= 8
    for number, page in enumerate(pages, 1):
        assert f"Sida {number} av {total}" in page
        if number > 1:
            assert "Myndigheten för digital förvaltning i Östra Göinge" in page
            assert "2026-03-14" in page


def test_contents_give_the_page_each_section_starts_on(sv_pdf: bytes) -> None:
    pages = pdf_pages(sv_pdf)
    lines = pages[1].splitlines()
    titles = [line for line in lines if re.match(r"^(\d\.|Bilaga [AB]\.) ", line)]
    numbers = [int(line) for line in lines if re.fullmatch(r"\d+", line)]
    assert len(titles) == len(numbers) == 8
    for title, page in zip(titles, numbers, strict=True):
        starts = [i for i, text in enumerate(pages, 1) if i > 2 and title in text.splitlines()]
        assert starts[0] == page, title


def test_every_bookmark_leads_to_the_page_of_its_heading(sv_pdf: bytes) -> None:
    # the pages are held back until the count is known, and ReportLab bound every
    # destination to the page it was writing then: the first; each bookmark opened the cover
    pages = pdf_pages(sv_pdf)
    with pikepdf.open(io.BytesIO(sv_pdf)) as pdf:
        number = {page.objgen: i for i, page in enumerate(pdf.pages, 1)}
        with pdf.open_outline() as outline:
            items = [(i.title, number[i.destination[0].objgen]) for i in outline.root]
            items += [
                (k.title, number[k.destination[0].objgen]) for i in outline.root for k in i.children
            ]
    assert len(items) > 10 and len({page for _, page in items}) > 5
    for title, page in items:
        assert flat(title) in flat(pages[page - 1]), (title, page)


def test_user_text_prints_literally_and_never_acts_as_markup(sv_pdf: bytes) -> None:
    text = flat(" ".join(pdf_pages(sv_pdf)))
    assert text.count(flat(HOSTILE)) >= 5
    reader = PdfReader(io.BytesIO(sv_pdf))
    for page in reader.pages:
        resources = page["/Resources"]
        assert "/XObject" not in resources or not resources["/XObject"]
        content = page.get_contents().get_data()
        sizes = {float(s) for s in re.findall(rb"([\d.]+) Tf", content)}
        assert max(sizes) < 40 or max(sizes) == 110  # 110: the draft watermark


def test_a_character_beyond_the_basic_plane_copies_out_as_itself(sv_pdf: bytes) -> None:
    # the page drew the emoji, and copying it out gave U+1F60 (a Greek letter) and a stray 0
    assert EMOJI in flat(" ".join(pdf_pages(sv_pdf)))
    assert "\u1f60" not in " ".join(pdf_pages(sv_pdf))


def test_an_unanswered_question_has_no_confidence_in_the_appendix(
    sv_pdf: bytes, en_pdf: bytes
) -> None:
    # the stored default read as the advisor's "Säkerhet i bedömningen: Medel"
    for pdf, t in ((sv_pdf, SV), (en_pdf, EN)):
        text = flat(" ".join(pdf_pages(pdf)))
        assert f"{t['unanswered']} ·" not in text
        assert text.count(f"{t['unanswered']} {t['comment']}:") == len(DIMENSIONS)
        assert f"{t['not_applicable']} · {t['confidence']}" in text


def test_confidential_notes_never_reach_the_report(sv_pdf: bytes, en_pdf: bytes) -> None:
    for pdf in (sv_pdf, en_pdf):
        text = flat(" ".join(pdf_pages(pdf)))
        assert "HEMLIGT" not in text and SECRET not in text
        assert "KONFIDENTIELL" not in text and SECRET_ENTRY not in text
        assert "Öppen notering" in text or "Öppen notering" in text.replace(" ", "")
    assert "Mötet är sekretessbelagt" in flat(" ".join(pdf_pages(sv_pdf)))


def test_fonts_are_all_embedded_truetype_and_none_is_base14(sv_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(sv_pdf))
    seen = set()
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            name = str(font["/BaseFont"]).lstrip("/")
            seen.add(name.split("+")[-1])
            assert name.split("+")[-1] not in BASE14
            assert "/FontFile2" in font["/FontDescriptor"], name
            assert "/ToUnicode" in font, name
    assert seen == {"DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"}
    assert b"Helvetica" not in sv_pdf


def test_long_words_are_broken_and_kept(sv_pdf: bytes) -> None:
    joined = "".join(" ".join(pdf_pages(sv_pdf)).split())
    assert LONG_WORD in joined


def test_draft_is_watermarked_and_delivered_is_not() -> None:
    draft = flat(" ".join(pdf_pages(build_report(sample_data("sv")))))
    delivered = flat(" ".join(pdf_pages(build_report(sample_data("sv", status="delivered")))))
    assert "UTKAST" in draft
    assert "UTKAST" not in delivered
    assert "Levererad" in delivered


def test_same_data_gives_the_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    first = build_report(sample_data("sv"))
    assert build_report(sample_data("sv")) == first
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1773532800")
    assert build_report(sample_data("sv")) != first


def test_no_follow_up_section_without_a_previous_visit() -> None:
    pdf = build_report(sample_data("en", previous_recommendations=(), previous_assessed_on=None))
    text = flat(" ".join(pdf_pages(pdf)))
    assert "Follow-up of the previous assessment" not in text
    assert "5. Meetings held" in text


def test_an_empty_assessment_still_makes_a_report() -> None:
    data = ReportData(
        language="sv",
        agency_name="Tom myndighet",
        assessment_title="",
        assessed_on=date(2026, 1, 2),
        status="in_review",
    )
    text = flat(" ".join(pdf_pages(build_report(data))))
    assert "Inga svar ännu" in text
    assert "Inga rekommendationer." in text


def test_a_long_dimension_table_repeats_its_header_on_every_page() -> None:
    dims = tuple(
        DimensionResult(
            key=f"d{i}",
            title=f"Område nummer {i} med ett långt namn",
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
    pdf = build_report(sample_data("sv", dimensions=dims, answers=(), findings=()))
    pages = pdf_pages(pdf)
    with_rows = [p for p in pages if "Område nummer" in p and "Täckning" in p]
    assert len(with_rows) >= 2
    text = flat(" ".join(pages))
    assert "Område nummer 89 med ett långt namn" in text


def test_both_languages_have_the_same_strings_and_placeholders() -> None:
    assert SV.keys() == EN.keys()
    for key in SV:
        assert re.findall(r"{\w+}", SV[key]) == re.findall(r"{\w+}", EN[key]), key


USER_CHARS = hs.one_of(
    hs.characters(max_codepoint=0x24F, exclude_categories=("Cs",)),
    hs.sampled_from("<>&;\"'/=–—€…\u2028\ufeff\U0001f600"),
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hs.text(USER_CHARS, max_size=120))
def test_any_user_text_builds_and_printable_text_survives(text: str) -> None:
    data = sample_data("en", summary=text, agency_name=text or "x")
    pdf = build_report(data)
    readable = "".join(ch for ch in text if ch.isascii() and ch.isalnum())
    if readable:
        whole = "".join(ch for ch in " ".join(pdf_pages(pdf)) if ch.isascii() and ch.isalnum())
        assert readable in whole


def test_report_data_is_not_mutated() -> None:
    data = sample_data("sv")
    before = replace(data)
    build_report(data)
    assert data == before


def test_a_fresh_process_builds_the_same_bytes(tmp_path: Path) -> None:
    """No state of earlier builds in this process (fonts, counters) leaks into the output."""
    build_report(sample_data("en"))  # this process has built other reports before
    here = build_report(sample_data("sv"), archival=True)
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from report_samples import sample_data; from assessor.report import build_report;"
        "sys.stdout.buffer.write(build_report(sample_data('sv'), archival=True))"
    )
    env = {**os.environ, "SOURCE_DATE_EPOCH": os.environ["SOURCE_DATE_EPOCH"]}
    out = subprocess.run(
        [sys.executable, "-c", script, str(Path(__file__).parent)],
        capture_output=True,
        check=True,
        env=env,
        timeout=120,
    )
    assert out.stdout == here


def test_huge_user_texts_flow_over_pages_without_breaking_the_layout() -> None:
    essay = " ".join(["Åtgärden kräver långsiktig finansiering och tydligt ägarskap."] * 400)
    data = sample_data("sv")
    previous = tuple(replace(p, agency_response=essay) for p in data.previous_recommendations)
    answers = tuple(
        replace(a, comment=essay) if a.question_key == "data.2" else a for a in data.answers
    )
    big = replace(
        data,
        previous_recommendations=previous,
        answers=answers,
        summary=essay,
        agency_name=LONG_WORD,
    )
    pages = pdf_pages(build_report(big))
    assert len(pages) > len(pdf_pages(build_report(data))) + 6
    joined = "".join("".join(pages).split())
    assert joined.count("finansiering") == 4 * 400  # nothing lost at the page breaks


@pytest.mark.parametrize(("count", "each"), [(6, 3), (5, 2), (4, 2), (3, 1), (1, 1)])
def test_no_dimension_is_both_among_the_strongest_and_the_weakest(count: int, each: int) -> None:
    # with five dimensions, one was among the three strongest and the three weakest
    data = sample_data("sv")
    story, _ = report_story(replace(data, dimensions=data.dimensions[:count]))
    table = next(
        f
        for f in flatten(story)
        if isinstance(f, TaggedTable) and f.cell_markup()[0][0] == SV["strongest"]
    )
    rows = table.cell_markup()[1:]
    strongest = [row[0] for row in rows if row[0]]
    weakest = [row[2] for row in rows if row[2]]
    assert len(strongest) == each and len(weakest) == min(each, count - each)
    assert not set(strongest) & set(weakest)
