"""Other models: an assessment on NIST CSF 1.1 read as CSF 2.0 in the workspace."""

from __future__ import annotations

import lzma
from datetime import date
from pathlib import Path

import pytest

from assessor.services.agencies import create_agency
from assessor.services.answers import set_answer
from assessor.services.assessments import create_assessment
from assessor.services.checklists import import_checklist, question_row_id
from assessor.services.mappings import import_mappings

SAMPLES = Path(__file__).parents[2] / "samples" / "ciso"


def sample(name: str) -> bytes:
    return lzma.decompress((SAMPLES / f"{name}.yaml.xz").read_bytes())


@pytest.fixture
def csf(db):
    with db.transaction() as s:
        old = import_checklist(s, sample("nist-csf-1.1"), "a.yaml").checklist_id
        import_checklist(s, sample("nist-csf-2.0"), "b.yaml")
        agency = create_agency(s, name="Skatteverket")
        assessment = create_assessment(s, agency, checklist_id=old, assessed_on=date(2026, 3, 1))
        for key, level in {"id.be-2": 4, "id.be-3": 1, "id.be-4": 3, "pr.ip-4": 2}.items():
            set_answer(s, assessment, question_row_id(old, key), level=level)
    return assessment


def _workspace(qtbot, db, assessment, lang):
    from PySide6.QtGui import QUndoStack

    from assessor.ui.workspace.workspace import AssessmentWorkspace

    ws = AssessmentWorkspace(db, assessment, QUndoStack(), lang=lang)
    qtbot.addWidget(ws)
    return ws


def test_without_a_mapping_the_tab_says_how_to_get_one(qtbot, db, csf) -> None:
    ws = _workspace(qtbot, db, csf, "en")
    view = ws.mapped
    assert view.choice.count() == 0 and not view.choice.isEnabled()
    assert "No mapping set joins this checklist" in view.info.text()
    assert view.model.rowCount() == 0


def test_the_assessment_reads_as_the_mapped_checklist(qtbot, db, csf) -> None:
    with db.transaction() as s:
        import_mappings(s, sample("map-nist-csf-1.1-nist-csf-2.0"), "map.yaml")
    ws = _workspace(qtbot, db, csf, "en")
    view = ws.mapped
    assert view.choice.count() == 1
    rows = {r.id: r for r in view.model.rows()}
    assert rows["gv"].score == pytest.approx((2.5 + 3.0 + 3.0) / 3)
    assert (rows["gv"].read, rows["gv"].total) == (3, 31)
    assert view.model.index(0, 1).data() == "2.83"
    assert "Questions no mapping reaches (16):" in view.gaps.toPlainText()
    # an answer given in the scoring view shows at once: gv.oc-04 <- be-4 (3), be-5 (now 1)
    ws.tabs.setCurrentWidget(view)
    ws.show()
    old = ws.state.data.checklist.id
    ws.state.change_answer(question_row_id(old, "id.be-5"), "level", level=1)
    rows = {r.id: r for r in view.model.rows()}
    assert rows["gv"].score == pytest.approx((2.5 + 2.0 + 3.0) / 3)


def test_the_tab_is_swedish_in_a_swedish_window(qtbot, db, csf) -> None:
    from PySide6.QtCore import QLocale, Qt
    from PySide6.QtWidgets import QApplication

    from assessor.ui import translations_build
    from assessor.ui.app import install_translations

    with db.transaction() as s:
        import_mappings(s, sample("map-nist-csf-1.1-nist-csf-2.0"), "map.yaml")
    app = QApplication.instance()
    translations_build.build()
    translators = install_translations(app, "sv")
    try:
        ws = _workspace(qtbot, db, csf, "sv")
        view = ws.mapped
        assert ws.tabs.tabText(4) == "Andra m&odeller"
        assert view.model.index(0, 1).data() == "2,83"
        assert view.model.headerData(1, Qt.Orientation.Horizontal) == "Mappad nivå"
        assert "Frågor som ingen mappning når (16):" in view.gaps.toPlainText()
    finally:
        for t in translators:
            app.removeTranslator(t)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


def test_a_set_removed_while_the_tab_is_open_is_no_longer_offered(
    qtbot, db, csf, monkeypatch
) -> None:
    """Removed on the Checklists page (the change notice), brought back by undo, and removed
    by a sync while another tab was in front (no notice: seen when the tab is shown)."""
    from assessor.services.mappings import delete_mapping, mapping_rows
    from assessor.ui import mapping_sets
    from assessor.ui.context import AppContext
    from assessor.ui.mapping_sets import MappingSetsBox
    from assessor.ui.workspace.workspace import AssessmentWorkspace

    with db.transaction() as s:
        import_mappings(s, sample("map-nist-csf-1.1-nist-csf-2.0"), "map.yaml")
    context = AppContext.standalone(db, "en")
    ws = AssessmentWorkspace(db, csf, context.edits.stack, lang="en")
    qtbot.addWidget(ws)
    view = ws.mapped
    ws.tabs.setCurrentWidget(view)
    ws.show()
    assert view.choice.count() == 1 and view.model.rowCount() > 0
    box = MappingSetsBox(context)
    qtbot.addWidget(box)
    box.refresh()
    monkeypatch.setattr(mapping_sets, "ask", lambda *a: True)
    assert box.remove_chosen()
    assert view.choice.count() == 0 and not view.choice.isEnabled()
    assert view.model.rowCount() == 0 and "No mapping set joins" in view.info.text()
    context.edits.undo()
    assert view.choice.count() == 1 and view.model.rowCount() > 0
    # a sync removes it while the Scoring tab is in front: looked up again when shown
    ws.tabs.setCurrentIndex(0)
    with db.transaction() as s:
        delete_mapping(s, mapping_rows(s)[0].id)
    assert view.choice.count() == 1  # not shown: not looked up yet
    ws.tabs.setCurrentWidget(view)
    assert view.choice.count() == 0 and view.model.rowCount() == 0
