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
