"""Appendix C, the assessment read as another checklist."""

from __future__ import annotations

from dataclasses import replace

from report_samples import sample_data
from reportlab.platypus import Spacer

from assessor.report.builder import report_story
from assessor.report.data import MappedReadingItem
from assessor.report.tagging import TaggedParagraph, TaggedTable, flatten
from assessor.report.texts import SV


def test_the_note_under_the_mapped_table_has_room_above_it() -> None:
    # "Inte lästa: ..." sat on the table's last rule
    mapped = MappedReadingItem(
        checklist_title="NIST CSF v2.0 (6)",
        mapping_name="csf-1-till-2",
        overall=2.5,
        dimensions=(("GV GOVERN", 2.7, 22, 31), ("ID IDENTIFY", 2.3, 16, 21)),
        not_linked=16,
        not_answered=12,
        unused=1,
    )
    story, _ = report_story(replace(sample_data("sv"), mapped=mapped))
    flowables = list(flatten(story))
    table = next(
        i
        for i, f in enumerate(flowables)
        if isinstance(f, TaggedTable) and SV["mapped_score"] in f.cell_markup()[0][1]
    )
    after = flowables[table + 1 : table + 3]
    assert isinstance(after[0], Spacer) and after[0].height >= 6
    assert isinstance(after[1], TaggedParagraph) and "16 frågor" in after[1].markup
