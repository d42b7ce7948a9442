"""A form's label and the column that shows the same field use one word, in both languages
(the Swedish forms said "Titel" above a list headed "Rubrik")."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from assessor.paths import resource

# (form context, its label) reads as (list context, its column heading)
SAME_FIELD = [
    (("FindingsEditor", "&Title:"), ("FindingsModel", "Title")),
    (("RecommendationsEditor", "&Title:"), ("RecommendationsModel", "Title")),
    (("NewAssessmentDialog", "&Title:"), ("AssessmentsModel", "Title")),
    (("MeetingEditor", "&Title:"), ("RowTableModel", "Title")),
    (("AttachmentDialog", "&Title:"), ("AttachmentDialog", "Title")),
    (("ContactDialog", "&Job title:"), ("RowTableModel", "Job title")),
]


def _swedish() -> dict[tuple[str, str], str]:
    root = ET.parse(resource("i18n") / "assessor_sv.ts").getroot()
    return {
        (ctx.findtext("name") or "", m.findtext("source") or ""): m.findtext("translation") or ""
        for ctx in root.iter("context")
        for m in ctx.iter("message")
    }


def _word(label: str) -> str:
    return label.replace("&", "").rstrip(":").strip().lower()


@pytest.mark.parametrize(("label", "heading"), SAME_FIELD, ids=lambda pair: pair[0])
def test_a_label_and_its_column_heading_say_the_same_word(
    label: tuple[str, str], heading: tuple[str, str]
) -> None:
    assert _word(label[1]) == _word(heading[1])  # English
    swedish = _swedish()
    assert label in swedish and heading in swedish, "the string left the window: update the pair"
    assert _word(swedish[label]) == _word(swedish[heading])
