"""A mapping set's edition keeps its library's version inside the one synced value: the
version travels with the set, two laptops keeping the same edition apart agree, a colleague
who received a newer edition refuses an older file, two versions kept apart are one conflict
worded with their versions, and a package from before versions (links alone) still imports."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.services.test_mappings import MAP_ID, edition
from tests.sync.test_hostile import forge
from tests.sync.test_mapping_sync import exchange, two_laptops

from assessor.domain.errors import BadInput
from assessor.services import conflict_view
from assessor.services import sync as sync_service
from assessor.services.mappings import import_mappings, list_mappings
from assessor.services.setup import init_database
from assessor.store.db import Database
from assessor.store.digest import digest


def _version(db: Database) -> tuple[str | None, int]:
    with db.read() as s:
        (m,) = list_mappings(s)
    return m.version, len(m.links)


def test_the_version_travels_and_an_older_file_is_refused_on_the_colleagues_laptop(
    tmp_path: Path,
) -> None:
    anna, bo = two_laptops(tmp_path)
    with Database(anna) as a, Database(bo) as b:
        for db in (a, b):  # the same edition kept apart: equal values, nothing to settle
            with db.transaction() as s:
                import_mappings(s, edition("1"), "v1.yaml")
        exchange(a, b, tmp_path, "1")
        with a.read() as s:
            assert sync_service.list_conflicts(s) == []
        with a.transaction() as s:
            import_mappings(s, edition("2", drop=4), "v2.yaml")
        sync_service.export_package(a, tmp_path / "a2.pkg")
        sync_service.import_package(b, tmp_path / "a2.pkg")
        assert _version(b) == ("2", 181)
        with pytest.raises(BadInput, match="older than version 2"), b.transaction() as s:
            import_mappings(s, edition("1"), "v1.yaml")
        assert _version(b) == ("2", 181)
        # a newer version on each laptop, apart: one conflict, its sides told by version
        with a.transaction() as s:
            import_mappings(s, edition("3", drop=1), "v3.yaml")
        with b.transaction() as s:
            import_mappings(s, edition("4", drop=2), "v4.yaml")
        exchange(a, b, tmp_path, "3")
        with a.read() as s1, b.read() as s2:
            assert digest(s1) == digest(s2)
            (line,) = conflict_view.describe(s1, "en")
            name = "mapping-nist-csf-1.1-nist-csf-2.0"
            assert {line.current, line.other} == {
                f"version 3, 184 links: {name}",
                f"version 4, 183 links: {name}",
            }


def test_a_package_from_before_versions_still_imports(tmp_path: Path) -> None:
    anna = tmp_path / "anna.db"
    with init_database(anna) as a:
        with a.transaction() as s:
            import_mappings(s, edition("1"), "v1.yaml")
        sync_service.export_package(a, tmp_path / "new.pkg")
    # the row as a program before versions wrote it: the links alone
    old = forge(
        tmp_path / "new.pkg",
        tmp_path / "old.pkg",
        lambda con: con.execute("UPDATE mapping_set SET links = json_extract(links, '$.links')"),
    )
    bo = tmp_path / "bo.db"
    init_database(bo).close()
    with Database(bo) as b:
        assert sync_service.import_package(b, old)["tables"]["mapping_set"]["added"] == 1
        assert _version(b) == (None, 185)
        with b.read() as s:
            assert [m.id for m in list_mappings(s)] == [MAP_ID]
        # the same file imported after it: compared with nothing, it is kept with its version
        with b.transaction() as s:
            assert import_mappings(s, edition("1"), "v1.yaml")[0].added
        assert _version(b) == ("1", 185)
