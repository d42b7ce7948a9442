"""The Sync page's team-hub row against a real server: sync now, an unreachable hub in
words, and a password asked for and never stored."""

from __future__ import annotations

from typing import Any

import pytest
from tests.hub.conftest import PASSWORD, Server

from assessor.services import agencies
from assessor.services.hub import init_hub, sync_hub
from assessor.services.setup import init_database
from assessor.store.db import Database
from assessor.ui import tasks
from assessor.ui.context import AppContext
from assessor.ui.sync_page import SyncPage


def test_the_hub_row(
    qtbot: Any, tmp_path: Any, hub_url: str, pg_server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    init_hub(hub_url)
    with init_database(tmp_path / "other.db") as db:
        with db.transaction() as s:
            agencies.create_agency(s, name="Tullverket")
        sync_hub(db, hub_url)  # a colleague's work waits on the hub
    with init_database(tmp_path / "a.db") as db, db.transaction() as s:
        agencies.create_agency(s, name="Boverket")
    with Database(tmp_path / "a.db") as db:
        page = SyncPage(AppContext.standalone(db))
        qtbot.addWidget(page)
        row = page.hub_row
        assert not row.sync_button.isEnabled()
        row.set_hub(f"postgresql://hubadmin:{PASSWORD}@127.0.0.1/x")
        assert "holds a password" in page.summary.text()
        assert not row.sync_button.isEnabled()
        row.set_hub("postgresql://hubadmin@127.0.0.1:1/team")
        with tasks.synchronous():
            row.sync_now()
        assert "cannot be reached" in page.summary.text()
        assert "goes on offline" in page.summary.text()
        row.set_hub(hub_url)
        assert "hubadmin@127.0.0.1" in row.label.text() and PASSWORD not in row.label.text()
        # no password in the environment: the row asks, and uses the answer for this session
        monkeypatch.delenv("PGPASSWORD")
        monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-such-passfile"))
        asked: list[int] = []

        def answer() -> str:
            asked.append(1)
            return PASSWORD

        monkeypatch.setattr(row, "ask_password", answer)
        with tasks.synchronous():
            row.sync_now()
        assert asked == [1]
        assert page.summary.text().startswith("Synced with the hub: rows sent: ")
        with tasks.synchronous():
            row.sync_now()
        assert asked == [1]  # kept for the session
        # the hub is named as such in the history, and is no colleague to export for
        page.refresh()
        assert page.export_for.count() == 1
        assert page.history.rowCount() == 1 and page.history.item(0, 2).text() == "the team hub"
    raw = (tmp_path / "a.db").read_bytes()
    assert PASSWORD.encode() not in raw
