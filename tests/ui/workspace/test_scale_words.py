"""The window's words for a scale stay in its language when the checklist names no scale of its
own (most CISO Assistant frameworks): the levels to choose from and the band, as the report."""

from __future__ import annotations

from tests.report.report_samples import essential_eight_assessment

from assessor.domain.checklist import DEFAULT_SCALE_NAMES
from assessor.ui.workspace.workspace import AssessmentWorkspace


def test_an_english_framework_is_scored_with_swedish_level_names(qtbot, db, undo_stack) -> None:
    assessment = essential_eight_assessment(db)
    ws = AssessmentWorkspace(db, assessment, undo_stack, lang="sv")
    qtbot.addWidget(ws)
    buttons = ws.scoring.panel.level_buttons
    swedish = [n["sv"] for n in DEFAULT_SCALE_NAMES]
    assert [buttons[level].text().split(maxsplit=1)[1] for level in sorted(buttons)] == swedish
    assert buttons[2].accessibleName().endswith(f"2, {swedish[2]}")  # "Level 2, ..." untranslated
    band = ws.scoring.summary.band.text()
    assert band.endswith(swedish[2]) and "Developing" not in band
