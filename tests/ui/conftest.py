"""UI test fixtures: settings in a temporary folder, tasks run inline unless a test says not."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _ui_settings(tmp_path: Path) -> Iterator[None]:
    from PySide6.QtCore import QSettings

    from assessor.ui import settings

    folder = tmp_path / "settings"
    folder.mkdir()
    settings.use_folder(folder)
    yield
    QSettings().sync()


@pytest.fixture
def sync_tasks() -> Iterator[None]:
    from assessor.ui import tasks

    with tasks.synchronous():
        yield


@pytest.fixture(scope="session")
def _template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One initialised database per session; each test gets a copy (init takes seconds)."""
    from assessor.services.setup import init_database

    path = tmp_path_factory.mktemp("template") / "template.db"
    init_database(path).close()
    return path


@pytest.fixture
def db(db_path: Path, _template_db: Path):
    import sqlite3

    from assessor.store.db import Database

    src = sqlite3.connect(_template_db)
    dst = sqlite3.connect(db_path)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    database = Database(db_path)
    yield database
    database.close()


@pytest.fixture
def sample(db):
    """One agency with two contacts and one meeting; returns their ids."""
    from datetime import datetime

    from assessor.services import agencies, meetings

    with db.transaction() as s:
        agency_id = agencies.create_agency(
            s, name="Lantmäteriet", org_number="202100-4888", ministry="Landsbygdsdepartementet"
        )
        contact_id = agencies.create_contact(s, agency_id, name="Anna Andersson", title="CIO")
        agencies.create_contact(s, agency_id, name="Björn Berg")
        meeting_id = meetings.create_meeting(
            s,
            agency_id,
            starts_at=datetime(2025, 3, 4, 9, 0),
            ends_at=datetime(2025, 3, 4, 11),
            place="Gävle",
            notes="Första mötet.",
        )
    return {"agency": agency_id, "contact": contact_id, "meeting": meeting_id}


@pytest.fixture
def window(db, sample, qtbot):
    from assessor.ui.app import build_window

    win = build_window(db, "en")
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()
