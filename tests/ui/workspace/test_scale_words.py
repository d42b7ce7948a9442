"""The window's words for a scale stay in its language when the checklist names no scale of its
own (most CISO Assistant frameworks): the levels to choose from and the band, as the report."""

from __future__ import annotations

import lzma
from datetime import date
from pathlib import Path

from assessor.domain.checklist import DEFAULT_SCALE_NAMES
from assessor.services.agencies import create_agency
from assessor.services.answers import set_answer
from assessor.services.assessments import create_assessment
from assessor.services.checklists import import_checklist, load_checklist, question_row_id
from assessor.ui.workspace.workspace import AssessmentWorkspace

SAMPLE = Path(__file__).parents[2] / "samples" / "ciso" / "essential-eight.yaml.xz"


def test_an_english_framework_is_scored_with_swedish_level_names(qtbot, db, undo_stack) -> None:
    with db.transaction() as s:
        cid = import_checklist(s, lzma.decompress(SAMPLE.read_bytes()), "e8.yaml").checklist_id
        doc = load_checklist(s, cid)
        assessment = create_assessment(
            s, create_agency(s, name="Skatteverket"), checklist_id=cid, assessed_on=date(2026, 3, 1)
        )
        for _, question in list(doc.questions())[:5]:
            set_answer(s, assessment, question_row_id(cid, question.id), level=2)
    ws = AssessmentWorkspace(db, assessment, undo_stack, lang="sv")
    qtbot.addWidget(ws)
    buttons = ws.scoring.panel.level_buttons
    swedish = [n["sv"] for n in DEFAULT_SCALE_NAMES]
    assert [buttons[level].text().split(maxsplit=1)[1] for level in sorted(buttons)] == swedish
    assert buttons[2].accessibleName().endswith(f"2, {swedish[2]}")  # "Level 2, ..." untranslated
    band = ws.scoring.summary.band.text()
    assert band.endswith(swedish[2]) and "Developing" not in band
