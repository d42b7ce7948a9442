"""Databases and packages of schema 0004 (before an assessment kept its profile and a report
record its delivered scores) still work, and the new columns take new clock bits.

The fixtures were written by the release before: one demo agency on two laptops, Anna and Bo
gave the same assessment different titles; bo-0004.db is Bo's database after importing
anna-0004.pkg (one live edit conflict on the title).
"""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest
from tests.sync.conftest import file_hash

from assessor.services import sync as sync_service
from assessor.services.agencies import list_agencies
from assessor.services.assessments import list_assessments, update_assessment
from assessor.services.setup import init_database
from assessor.store.db import Database
from assessor.store.digest import digest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def old_bo(tmp_path: Path) -> Path:
    path = tmp_path / "bo.db"
    with gzip.open(FIXTURES / "bo-0004.db.gz") as src, path.open("wb") as dst:
        shutil.copyfileobj(src, dst)
    return path


def _assessment(db: Database) -> str:
    with db.read() as s:
        agency = list_agencies(s)[0]
        return next(a.id for a in list_assessments(s, agency.id) if "title" in a.title)


def test_an_old_database_keeps_its_data_and_its_conflict(old_bo: Path) -> None:
    with Database(old_bo) as db, db.read() as s:
        (conflict,) = sync_service.list_conflicts(s)
        assert conflict.field_group == "title"
        assert {conflict.current["title"], conflict.other["title"]} == {
            "Anna's title",
            "Bo's title",
        }
        rows = [a for a in list_assessments(s, list_agencies(s)[0].id)]
        assert rows and all(a.profile == "" for a in rows)


def test_an_old_package_imports_here_and_into_a_new_laptop(old_bo: Path, tmp_path: Path) -> None:
    package = FIXTURES / "anna-0004.pkg"
    with Database(old_bo) as db:
        before = file_hash(old_bo)
        assert sync_service.import_package(db, package)["changed_database"] is False
    assert file_hash(old_bo) == before
    fresh = tmp_path / "new.db"
    init_database(fresh).close()
    with Database(fresh) as db:
        sync_service.import_package(db, package)
        with db.read() as s:
            titles = [a.title for a in list_assessments(s, list_agencies(s)[0].id)]
            assert "Anna's title" in titles


def test_a_profile_chosen_after_the_upgrade_travels_and_converges(
    old_bo: Path, tmp_path: Path
) -> None:
    """The new group's bit is written only by the new version; old and new exchange and end
    equal, conflict log included."""
    cy = tmp_path / "cy.db"
    init_database(cy).close()
    with Database(cy) as c, Database(old_bo) as b:
        sync_service.import_package(c, FIXTURES / "anna-0004.pkg")
        assessment = _assessment(b)
        with b.transaction() as s:
            update_assessment(s, assessment, profile="")  # no change: nothing written
            update_assessment(s, assessment, summary="Efter uppgraderingen")
        for source, target in ((b, c), (c, b), (b, c)):
            out = tmp_path / "x.pkg"
            sync_service.export_package(source, out)
            sync_service.import_package(target, out)
        with c.read() as s1, b.read() as s2:
            assert digest(s1) == digest(s2)
            assert [x.id for x in sync_service.list_conflicts(s1, include_resolved=True)] == [
                x.id for x in sync_service.list_conflicts(s2, include_resolved=True)
            ]


def test_new_columns_take_new_bits_after_every_old_one() -> None:
    from assessor.store.stamping import groups_of

    assert list(groups_of("assessment"))[-2:] == ["deleted", "profile"]
    assert list(groups_of("report_record"))[-2:] == ["deleted", "scores"]
