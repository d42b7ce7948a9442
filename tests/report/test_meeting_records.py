"""The meetings section: decisions typed as a list print as a list, notes keep their times, a
place that only repeats the kind of meeting is not printed twice."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import datetime

from pypdf import PdfReader
from report_samples import sample_data

from assessor.report import build_report
from assessor.report.agency_records import list_entries
from assessor.report.data import MeetingItem, MeetingNoteItem


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_marked_lines_are_entries_and_plain_lines_continue_them() -> None:
    assert list_entries("Vi beslutade:\n- boka intervjuer\n  med IT\n* skicka enkät\n") == (
        "Vi beslutade:",
        ["boka intervjuer med IT", "skicka enkät"],
    )
    assert list_entries("Inga beslut.") is None
    assert list_entries("-\n- \n") is None  # markers alone are no entries


def test_decisions_print_as_a_list_and_notes_with_their_times() -> None:
    meeting = MeetingItem(
        starts_at=datetime(2026, 3, 10, 9, 0),
        title="Uppföljning",
        kind="video",
        place="Videomöte",
        decisions="- Intervjuer bokas\n- Enkäten skickas i maj",
        note_entries=(MeetingNoteItem(datetime(2026, 3, 10, 9, 35), "CIO deltar nästa gång"),),
    )
    data = replace(sample_data("sv"), meetings=(meeting,))
    text = _text(build_report(data))
    lines = [line.strip() for line in text.splitlines()]
    assert "• Intervjuer bokas" in lines
    assert "• Enkäten skickas i maj" in lines
    assert "- Intervjuer" not in text  # the typed marker is not printed
    assert "09:35 CIO deltar nästa gång" in text
    assert "Plats: Videomöte" not in text
