"""The follow-up table of the previous assessment's recommendations: none of our own words (the
headings, a priority, a status, yes or no) breaks inside a cell, in the PDF or in the DOCX,
whose cells Word and LibreOffice pad more ("Överenskomme|n" did)."""

from __future__ import annotations

import pytest
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from assessor.domain.vocabulary import VOCABULARY
from assessor.report import fonts
from assessor.report.agency_story import PREVIOUS_WIDTHS
from assessor.report.texts import EN, SV, label

TEXT_WIDTH = 170 * mm  # the A4 page less its margins, in both writers
WORD_PADDING = 2 * 0.19 * 28.35  # Word's default cell margins, left and right (0.19 cm)
SIZE = 8.5  # the cells' and their headings' font size


@pytest.mark.parametrize("language", ["sv", "en"])
def test_no_word_of_ours_breaks_in_a_followup_cell(language: str) -> None:
    fonts.register_fonts()
    t = SV if language == "sv" else EN
    headings = [t["recommendation"], t["priority"], t["status"], t["agency_response"]]
    headings.append(t["followed_up"])
    cells: list[list[str]] = [
        [],
        [label(language, "priority", p) for p in VOCABULARY["priority"]],
        [label(language, "rstatus", s) for s in VOCABULARY["recommendation_status"]],
        [],
        [t["yes"], t["no"]],
    ]
    assert len(PREVIOUS_WIDTHS) == len(headings) and abs(sum(PREVIOUS_WIDTHS) - 1) < 1e-9
    too_narrow = []
    for column, share in enumerate(PREVIOUS_WIDTHS):
        room = share * TEXT_WIDTH - WORD_PADDING
        words = [(w, fonts.BOLD) for w in headings[column].split()]
        words += [(w, fonts.REGULAR) for text in cells[column] for w in text.split()]
        for text, font in words:
            need = stringWidth(text, font, SIZE)
            if need > room:
                too_narrow.append(f"column {column}: {text!r} needs {need:.0f} pt of {room:.0f}")
    assert too_narrow == []


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_followup_cells_are_capitalised_alike(language: str) -> None:
    # "Hög", "Föreslagen" and then "ja" in the same row
    t = SV if language == "sv" else EN
    ours = [label(language, "priority", p) for p in VOCABULARY["priority"]]
    ours += [label(language, "rstatus", s) for s in VOCABULARY["recommendation_status"]]
    ours += [t["yes"], t["no"]]
    assert [word for word in ours if not word[0].isupper()] == []
