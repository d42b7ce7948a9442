"""The previous assessment's recommendations: the table's headings are not wrapped."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from report_samples import sample_data

from assessor.report import build_report
from assessor.report.texts import texts


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_follow_up_heading_stays_on_one_line(language: str) -> None:
    pdf = build_report(sample_data(language))
    heading = texts(language)["followed_up"]
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
    [page] = [p for p in pages if "Inventera system" in p]  # the previous visit's
    assert heading in page.splitlines(), page
