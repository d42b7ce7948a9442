"""Databases and packages of schema 0002 (per-group stamps, a stored conflict log) still work.

The fixtures were written by the release before row clocks: Anna and Bo edited three agencies
apart (a name both changed, a note both changed that Bo then settled by keeping Anna's, an
agency Anna deleted while Bo edited its note); bo-0002.db is Bo's database after importing
anna-0002.pkg.
"""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest
from tests.sync.conftest import file_hash

from assessor.services import sync as sync_service
from assessor.services.setup import init_database
from assessor.store.db import Database
from assessor.store.digest import digest
from assessor.store.models import Agency

FIXTURES = Path(__file__).parent / "fixtures"
SOLNA, HK = "Skatteverket (Solna)", "Skatteverket HK"


@pytest.fixture
def old_bo(tmp_path: Path) -> Path:
    path = tmp_path / "bo.db"
    with gzip.open(FIXTURES / "bo-0002.db.gz") as src, path.open("wb") as dst:
        shutil.copyfileobj(src, dst)
    return path


def test_an_old_database_keeps_its_data_and_its_conflicts(old_bo: Path) -> None:
    with Database(old_bo) as db, db.read() as s:
        names = sorted(a.name for a in s.query(Agency))
        assert names == ["Kammarkollegiet", HK, "Tullverket"]
        live = sync_service.list_conflicts(s)
        settled = [c for c in sync_service.list_conflicts(s, include_resolved=True) if c.resolved]
    kinds = sorted((c.kind, c.field_group) for c in live)
    assert kinds == [("delete", "notes"), ("edit", "name")]
    (edit,) = [c for c in live if c.kind == "edit"]
    assert edit.current == {"name": HK} and edit.other == {"name": SOLNA}
    (record,) = settled
    assert record.field_group == "notes"


def test_an_old_package_imports_and_brings_nothing_already_here(
    old_bo: Path, tmp_path: Path
) -> None:
    package = FIXTURES / "anna-0002.pkg"
    with Database(old_bo) as db:
        before = file_hash(old_bo)
        result = sync_service.import_package(db, package)
        assert result["changed_database"] is False
    assert file_hash(old_bo) == before
    fresh = tmp_path / "new.db"
    init_database(fresh).close()
    with Database(fresh) as db:
        result = sync_service.import_package(db, package)
        assert result["tables"]["agency"]["added"] == 2  # the third came deleted
        with db.read() as s:
            names = sorted(a.name for a in s.query(Agency) if a.deleted_at is None)
            assert names == ["Kammarkollegiet", SOLNA]
            assert sync_service.list_conflicts(s) == []


def test_old_and_new_converge_after_an_exchange(old_bo: Path, tmp_path: Path) -> None:
    """Anna's old package into a new laptop, and back and forth with the migrated Bo."""
    cy = tmp_path / "cy.db"
    init_database(cy).close()
    with Database(cy) as c, Database(old_bo) as b:
        sync_service.import_package(c, FIXTURES / "anna-0002.pkg")
        for source, target in ((b, c), (c, b), (b, c)):
            out = tmp_path / "x.pkg"
            sync_service.export_package(source, out)
            sync_service.import_package(target, out)
        with c.read() as s1, b.read() as s2:
            assert digest(s1) == digest(s2)
            assert [x.id for x in sync_service.list_conflicts(s1, include_resolved=True)] == [
                x.id for x in sync_service.list_conflicts(s2, include_resolved=True)
            ]
