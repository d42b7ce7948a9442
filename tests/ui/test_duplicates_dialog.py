from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from tests.sync.duplicate_laptops import two_laptops_same_agency

from assessor.services import agencies
from assessor.services import sync as sync_service
from assessor.services.duplicates import DuplicatePair, find_duplicates
from assessor.store.db import Database
from assessor.store.models import Agency, Contact, Meeting
from assessor.ui import tasks
from assessor.ui.context import AppContext
from assessor.ui.duplicates_dialog import DuplicatePairModel, DuplicatesDialog
from assessor.ui.sync_page import SyncPage


def test_the_model_shows_names_and_why_without_a_window(qapp) -> None:  # type: ignore[no-untyped-def]
    model = DuplicatePairModel()
    assert model.rowCount() == 0
    model.set_pairs(
        [
            DuplicatePair("a", "b", "Skatteverket", "Skatteverket\nHK", "org_number", 1.0),
            DuplicatePair("c", "d", "Försäkringskassan", "Forsakringskassan.", "name", 0.914),
        ]
    )
    assert (model.rowCount(), model.columnCount()) == (2, 3)
    rows = [[model.data(model.index(r, c)) for c in range(3)] for r in range(2)]
    assert rows[0] == ["Skatteverket", "Skatteverket HK", "Same organisation number"]
    assert rows[1] == ["Försäkringskassan", "Forsakringskassan.", "Similar name (91 %)"]
    assert model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole) == "Skatteverket\nHK"
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Why"
    assert model.pair(1).first_id == "c"


def _side_by_side(dialog: DuplicatesDialog) -> list[list[str]]:
    return [[a.text(), b.text()] for a, b in dialog.cells]


def test_two_laptops_same_agency_merge_leaves_one(
    qtbot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    path, anna, bo = two_laptops_same_agency(tmp_path)
    with Database(path) as db:
        with db.transaction() as s:
            agencies.create_contact(s, anna, name="Lena")  # Anna's has more: suggested to keep
        dialog = DuplicatesDialog(db)
        qtbot.addWidget(dialog)
        assert dialog.model.rowCount() == 1
        rows = _side_by_side(dialog)
        assert {rows[0][0], rows[0][1]} == {"Skatteverket", "Skatteverket HK"}
        assert rows[1] == ["202100-5448", "202100-5448"] and rows[2] == ["—", "—"]
        assert sorted(rows[3]) == ["1", "2"] and rows[4] == rows[5] == ["1", "1"]
        keep_button = dialog.keep_first if rows[0][0] == "Skatteverket" else dialog.keep_second
        assert keep_button.isChecked()

        asked: list[tuple[str, str]] = []
        monkeypatch.setattr(dialog, "confirm", lambda k, o: asked.append((k.id, o.id)) or False)
        dialog.merge_button.click()
        assert asked == [(anna, bo)] and dialog.model.rowCount() == 1  # said no: nothing merged

        monkeypatch.setattr(dialog, "confirm", lambda k, o: True)
        with qtbot.waitSignal(dialog.merged):
            dialog.merge_button.click()
        assert dialog.model.rowCount() == 0 and not dialog.merge_button.isEnabled()
        assert "Merged “Skatteverket HK” into “Skatteverket”" in dialog.status.text()
        assert "1 contact(s), 1 meeting(s) and 1 assessment(s)" in dialog.status.text()
        with db.read() as s:
            assert [a.id for a in agencies.list_agencies(s)] == [anna]
            assert s.get(Agency, bo).deleted_at is not None  # type: ignore[union-attr]
            assert {c.agency_id for c in s.query(Contact)} == {anna}
            assert {m.agency_id for m in s.query(Meeting)} == {anna}
            assert find_duplicates(s) == []


def test_keeping_the_other_one_moves_the_other_way(
    qtbot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    path, _anna, bo = two_laptops_same_agency(tmp_path)
    with Database(path) as db:
        dialog = DuplicatesDialog(db)
        qtbot.addWidget(dialog)
        bo_button = dialog.keep_second if dialog._details[1].id == bo else dialog.keep_first
        bo_button.setChecked(True)
        monkeypatch.setattr(dialog, "confirm", lambda k, o: True)
        dialog.merge_button.click()
        with db.read() as s:
            assert [a.id for a in agencies.list_agencies(s)] == [bo]


def test_sync_page_hints_after_import_and_opens_the_dialog(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path, _anna, _bo = two_laptops_same_agency(tmp_path)
    with Database(tmp_path / "bo.db") as db, db.transaction() as s:
        agencies.create_agency(s, name="Boverket")  # something new for Anna's second import
    with Database(tmp_path / "bo.db") as db:
        sync_service.export_package(db, tmp_path / "bo2.assessor")
    with Database(path) as db:
        page = SyncPage(AppContext.standalone(db))
        qtbot.addWidget(page)
        with tasks.synchronous():
            page.import_from(tmp_path / "bo2.assessor")
        assert "1 pair(s) of agencies may be duplicates" in page.summary.text()
        dialog = page.show_duplicates()
        assert dialog.isVisible() and dialog.model.rowCount() == 1
        dialog.close()
