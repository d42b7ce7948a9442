from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from assessor.store.db import Database


@pytest.fixture(autouse=True)
def _isolated_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("ASSESSOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("ASSESSOR_DB", raising=False)
    # messages in English unless a test asks otherwise (the system's locale may be Swedish)
    monkeypatch.setenv("LANG", "C.UTF-8")
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    yield
    from assessor.domain.messages import set_language

    set_language("en")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    from assessor.services.setup import init_database

    database = init_database(db_path)
    yield database
    database.close()


@pytest.fixture(scope="session")
def older_package(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A package as an older version encrypted it (2^19), made once: tests/older_packages.py."""
    from tests.older_packages import make

    folder = tmp_path_factory.mktemp("older-package")
    with pytest.MonkeyPatch.context() as patch:  # made before any test's own paths are set
        patch.setenv("ASSESSOR_DATA_DIR", str(folder / "data"))
        return make(folder)
