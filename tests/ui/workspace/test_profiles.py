"""Scoring on a profile: Essential Eight's maturity level 1 in the scoring navigator."""

from __future__ import annotations

import lzma
from datetime import date
from pathlib import Path

import pytest

from assessor.services.agencies import create_agency
from assessor.services.answers import set_answer
from assessor.services.assessments import create_assessment
from assessor.services.checklists import import_checklist, load_checklist, question_row_id
from assessor.services.scores import assessment_scores

SAMPLE = Path(__file__).parents[2] / "samples" / "ciso" / "essential-eight.yaml.xz"


@pytest.fixture
def eight(db):
    """An assessment on Essential Eight: one ML1 question at level 4, one ML3-only at 0."""
    with db.transaction() as s:
        checklist_id = import_checklist(s, lzma.decompress(SAMPLE.read_bytes()), "e8.yaml")
        checklist_id = checklist_id.checklist_id
        doc = load_checklist(s, checklist_id)
        ml1 = next(q.id for _, q in doc.questions() if "1" in q.profiles)
        ml3 = next(q.id for _, q in doc.questions() if q.profiles == ("3",))
        agency = create_agency(s, name="Skatteverket")
        assessment = create_assessment(
            s, agency, checklist_id=checklist_id, assessed_on=date(2026, 3, 1)
        )
        set_answer(s, assessment, question_row_id(checklist_id, ml1), level=4)
        set_answer(s, assessment, question_row_id(checklist_id, ml3), level=0)
    return assessment


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_choosing_a_profile_cuts_the_navigator_and_the_scores(qtbot, db, eight, lang) -> None:
    from PySide6.QtCore import QLocale
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from assessor.ui import translations_build
    from assessor.ui.app import install_translations
    from assessor.ui.workspace.workspace import AssessmentWorkspace

    app = QApplication.instance()
    translators = []
    if lang == "sv":
        translations_build.build()
        translators = install_translations(app, "sv")
    try:
        _check(qtbot, db, eight, lang, AssessmentWorkspace(db, eight, QUndoStack(), lang=lang))
    finally:
        for t in translators:
            app.removeTranslator(t)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


def _check(qtbot, db, eight, lang, ws) -> None:
    qtbot.addWidget(ws)
    view = ws.scoring
    combo = view.profile_combo
    assert combo is not None
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Whole checklist" if lang == "en" else "Hela checklistan",
        *(f"{'Profile' if lang == 'en' else 'Profil'} {n}" for n in "123"),
    ]
    assert combo.itemData(1, 3).startswith("The focus of this maturity level")  # tooltip
    titles = [view.model.index(r, 0).data() for r in range(view.model.rowCount())]
    assert titles[1] == "2 Patch operating systems"  # its number once
    assert len(view.model.question_ids()) == 149
    whole = view.state.data.score().overall
    combo.setCurrentIndex(1)
    assert len(view.model.question_ids()) == 48
    assert view.state.data.score().overall == pytest.approx(4.0)  # the ML3 answer is out
    assert whole == pytest.approx(2.0)
    combo.setCurrentIndex(0)
    assert len(view.model.question_ids()) == 149
    with db.read() as s:
        assert assessment_scores(s, eight, "1").overall == pytest.approx(4.0)


def test_the_profile_chosen_is_kept_with_the_assessment_and_undone(qtbot, db, eight) -> None:
    from PySide6.QtGui import QUndoStack

    from assessor.services.assessments import get_assessment
    from assessor.ui.workspace.workspace import AssessmentWorkspace

    stack = QUndoStack()
    ws = AssessmentWorkspace(db, eight, stack, lang="en")
    qtbot.addWidget(ws)
    ws.scoring.profile_combo.setCurrentIndex(2)
    with db.read() as s:
        assert get_assessment(s, eight).profile == "2"
    again = AssessmentWorkspace(db, eight, QUndoStack(), lang="en")  # opened later
    qtbot.addWidget(again)
    assert again.scoring.profile_combo.currentData() == "2"
    assert len(again.scoring.model.question_ids()) < 149
    stack.undo()
    with db.read() as s:
        assert get_assessment(s, eight).profile == ""
    assert ws.scoring.profile_combo.currentIndex() == 0
    assert len(ws.scoring.model.question_ids()) == 149


def test_a_delivered_assessment_keeps_its_profile_unless_reopened(qtbot, db, eight) -> None:
    from PySide6.QtGui import QUndoStack

    from assessor.services.assessments import get_assessment, update_assessment
    from assessor.ui.workspace.workspace import AssessmentWorkspace

    with db.transaction() as s:
        update_assessment(s, eight, status="delivered")
    ws = AssessmentWorkspace(db, eight, QUndoStack(), lang="en")
    qtbot.addWidget(ws)
    ws.state.confirm_reopen = lambda: False
    ws.scoring.profile_combo.setCurrentIndex(1)
    assert ws.scoring.profile_combo.currentIndex() == 0  # refused: back as it was
    assert len(ws.scoring.model.question_ids()) == 149
    with db.read() as s:
        assert get_assessment(s, eight).profile == ""
