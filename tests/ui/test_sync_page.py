from __future__ import annotations

import shutil
from pathlib import Path

from assessor.services import agencies
from assessor.services import sync as sync_service
from assessor.services.setup import init_database
from assessor.store.db import Database
from assessor.store.models import Agency
from assessor.ui import tasks
from assessor.ui.sync_page import SyncPage


def test_import_shows_the_conflict_and_keep_the_other_resolves_it(qtbot, tmp_path: Path) -> None:
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    with init_database(a) as db, db.transaction() as s:
        agency = agencies.create_agency(s, name="Boverket")
    shutil.copyfile(a, b)
    with Database(a) as db:
        with db.transaction() as s:
            agencies.update_agency(s, agency, notes="<b>Anna</b>")
        sync_service.export_package(db, tmp_path / "a.assessor")
    with Database(b) as db:
        with db.transaction() as s:
            agencies.update_agency(s, agency, notes="Bo")
        page = SyncPage(db)
        qtbot.addWidget(page)
        with tasks.synchronous():
            page.import_from(tmp_path / "a.assessor")
        assert "1 new conflict" in page.summary.text()
        assert page.conflicts.rowCount() == 1 and page.history.rowCount() == 1
        texts = {page.conflicts.item(0, 1).text(), page.conflicts.item(0, 2).text()}
        assert texts == {"<b>Anna</b>", "Bo"}
        page.conflicts.selectRow(0)
        assert page.keep_other.isEnabled()
        loser = page.conflicts.item(0, 2).text()
        page.keep_other.click()
        assert page.conflicts.rowCount() == 0
        with db.read() as s:
            assert s.get(Agency, agency).notes == loser  # type: ignore[union-attr]
        with tasks.synchronous():
            page.import_from(tmp_path / "missing.assessor")
        assert page.summary.text().startswith("Nothing was changed")
