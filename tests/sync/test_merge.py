"""Merge behaviour in small, named situations (the state machine covers the random ones)."""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.sync.conftest import full_state, mapping_edition

from assessor.services import agencies
from assessor.services import sync as sync_service
from assessor.services.mappings import keep_mapping
from assessor.services.setup import init_database
from assessor.store.db import Database
from assessor.store.digest import digest
from assessor.store.models import Agency


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "new.db"
    init_database(path).close()
    return path


class Laptops:
    def __init__(self, folder: Path, template: Path) -> None:
        self.folder = folder
        self.template = template
        self.dbs: dict[str, Database] = {}
        self.n = 0

    def new(self, name: str) -> Database:
        path = self.folder / f"{name}.db"
        shutil.copyfile(self.template, path)
        self.dbs[name] = Database(path)
        return self.dbs[name]

    def package(self, name: str) -> Path:
        self.n += 1
        out = self.folder / f"{name}-{self.n}.pkg"
        sync_service.export_package(self.dbs[name], out)
        return out

    def send(self, source: str, target: str) -> dict[str, object]:
        return sync_service.import_package(self.dbs[target], self.package(source))

    def close(self) -> None:
        for db in self.dbs.values():
            db.close()


@pytest.fixture
def laptops(tmp_path: Path, template: Path) -> Iterator[Laptops]:
    lt = Laptops(tmp_path, template)
    yield lt
    lt.close()


def name_of(db: Database, agency_id: str) -> str:
    with db.read() as s:
        row = s.get(Agency, agency_id)
        assert row is not None
        return row.name


def conflicts(db: Database) -> list[sync_service.ConflictView]:
    with db.read() as s:
        return sync_service.list_conflicts(s, include_resolved=True)


def shared_agency(lt: Laptops) -> str:
    with lt.dbs["anna"].transaction() as s:
        a = agencies.create_agency(s, name="Skatteverket", org_number="")
    lt.send("anna", "bo")
    return a


def test_concurrent_edits_keep_the_later_and_log_the_other_on_both(laptops: Laptops) -> None:
    anna, bo = laptops.new("anna"), laptops.new("bo")
    a = shared_agency(laptops)
    with anna.transaction() as s:
        agencies.update_agency(s, a, name="Skatteverket (Solna)")
    with bo.transaction() as s:
        agencies.update_agency(s, a, name="Skatteverket HK")
    first = laptops.send("anna", "bo")
    laptops.send("bo", "anna")
    assert first["conflicts"] == 1
    assert name_of(anna, a) == name_of(bo, a) == "Skatteverket HK"  # bo's edit came later
    for db in (anna, bo):
        (c,) = conflicts(db)
        assert c.kind == "edit" and c.field_group == "name"
        assert c.other == {"name": "Skatteverket (Solna)"}
        assert c.current == {"name": "Skatteverket HK"}
    with anna.read() as s1, bo.read() as s2:
        assert digest(s1) == digest(s2)


def test_an_edit_made_after_seeing_the_other_is_no_conflict(laptops: Laptops) -> None:
    anna, bo = laptops.new("anna"), laptops.new("bo")
    a = shared_agency(laptops)
    with anna.transaction() as s:
        agencies.update_agency(s, a, notes="first")
    laptops.send("anna", "bo")
    with bo.transaction() as s:
        agencies.update_agency(s, a, notes="second")
    with bo.transaction() as s:
        agencies.update_agency(s, a, notes="third")
    result = laptops.send("bo", "anna")
    assert result["changed"] == 1 and result["conflicts"] == 0
    with anna.read() as s:
        assert s.get(Agency, a).notes == "third"  # type: ignore[union-attr]
    assert conflicts(anna) == []


def test_a_late_old_package_changes_nothing(laptops: Laptops) -> None:
    anna, bo = laptops.new("anna"), laptops.new("bo")
    a = shared_agency(laptops)
    old = laptops.package("anna")
    with anna.transaction() as s:
        agencies.update_agency(s, a, ministry="Finansdepartementet")
    laptops.send("anna", "bo")
    before = full_state(bo.path)
    result = sync_service.import_package(bo, old)
    assert result["changed_database"] is False
    assert full_state(bo.path) == before


def test_an_edit_concurrent_with_a_delete_is_logged_and_restore_brings_it_back(
    laptops: Laptops,
) -> None:
    anna, bo = laptops.new("anna"), laptops.new("bo")
    a = shared_agency(laptops)
    with bo.transaction() as s:
        agencies.delete_agency(s, a)
    with anna.transaction() as s:
        agencies.update_agency(s, a, notes="met the CIO")
    result = laptops.send("anna", "bo")
    assert result["conflicts"] == 1
    (c,) = conflicts(bo)
    assert c.kind == "delete" and c.row_deleted and c.other == {"notes": "met the CIO"}
    with bo.transaction() as s:
        sync_service.resolve_conflict(s, c.id, "other")
    laptops.send("bo", "anna")
    for db in (anna, bo):
        with db.read() as s:
            row = s.get(Agency, a)
            assert row is not None and row.deleted_at is None and row.notes == "met the CIO"
        assert all(c.resolved for c in conflicts(db))


def test_resolving_with_the_losing_value_is_a_new_edit_that_wins_everywhere(
    laptops: Laptops,
) -> None:
    anna, bo, cy = laptops.new("anna"), laptops.new("bo"), laptops.new("cy")
    a = shared_agency(laptops)
    laptops.send("anna", "cy")
    with anna.transaction() as s:
        agencies.update_agency(s, a, name="A")
    with bo.transaction() as s:
        agencies.update_agency(s, a, name="B")
    laptops.send("anna", "bo")
    (c,) = [c for c in conflicts(bo) if not c.resolved]
    keep = "other" if c.current == {"name": "B"} else "current"
    with bo.transaction() as s:
        sync_service.resolve_conflict(s, c.id, keep)
    assert name_of(bo, a) == "A"
    for source, target in [("bo", "cy"), ("anna", "cy"), ("cy", "anna"), ("cy", "bo")]:
        laptops.send(source, target)
    assert {name_of(db, a) for db in (anna, bo, cy)} == {"A"}
    assert all(c.resolved for db in (anna, bo, cy) for c in conflicts(db))


def test_any_order_of_packages_gives_the_same_database(laptops: Laptops, tmp_path: Path) -> None:
    dbs = [laptops.new(n) for n in ("anna", "bo", "cy")]
    a = shared_agency(laptops)
    laptops.send("anna", "cy")
    for i, db in enumerate(dbs):
        with db.transaction() as s:
            agencies.update_agency(s, a, notes=f"note {i}")
            agencies.create_agency(s, name=f"Myndighet {i}")
            # three editions of one mapping set kept apart: one row, a three-way conflict
            keep_mapping(s, mapping_edition(i + 1))
        if i == 2:
            with db.transaction() as s:
                agencies.delete_agency(s, a)
    packages = [laptops.package(n) for n in ("anna", "bo", "cy")]
    outcomes = []
    for n, order in enumerate(itertools.permutations(packages)):
        target = tmp_path / f"order-{n}.db"
        shutil.copyfile(laptops.template, target)
        with Database(target) as db:
            for p in (*order, *order):  # each one twice
                sync_service.import_package(db, p)
            with db.read() as s:
                found = digest(s)
                log = sorted(
                    (c.id, c.kind, c.winner_hlc, c.loser_hlc, repr(c.other), c.resolved)
                    for c in sync_service.list_conflicts(s, include_resolved=True)
                )
        outcomes.append((found, log, full_state(target)))
    assert outcomes[0][1], "the scenario makes conflicts"
    assert sum(c[0] == "mapping_set" for c in outcomes[0][2]["sync_row"]) == 1
    for other in outcomes[1:]:
        assert other[0] == outcomes[0][0]
        assert other[1] == outcomes[0][1]
        assert other[2] == outcomes[0][2]


def test_a_value_replaced_knowingly_elsewhere_is_no_conflict_in_any_order(
    laptops: Laptops, tmp_path: Path
) -> None:
    anna, bo, cy = laptops.new("anna"), laptops.new("bo"), laptops.new("cy")
    a = shared_agency(laptops)
    laptops.send("anna", "cy")
    with anna.transaction() as s:
        agencies.update_agency(s, a, notes="v1 by Anna")
    laptops.send("anna", "bo")
    with bo.transaction() as s:
        agencies.update_agency(s, a, notes="v2 by Bo, who saw v1")
    with cy.transaction() as s:
        agencies.update_agency(s, a, notes="v3 by Cy, who saw neither")
    packages = [laptops.package(n) for n in ("anna", "bo", "cy")]
    logs = []
    for n, order in enumerate(itertools.permutations(packages)):
        target = tmp_path / f"chain-{n}.db"
        shutil.copyfile(laptops.template, target)
        with Database(target) as db:
            for p in order:
                sync_service.import_package(db, p)
            logs.append(sorted(str(c.other) for c in conflicts(db) if not c.resolved))
    # v2 lost to v3 at the same time; v1 was replaced by Bo knowingly: never a live conflict
    assert logs == [["{'notes': 'v2 by Bo, who saw v1'}"]] * 6


def test_a_row_deleted_on_both_laptops_is_agreement_not_a_conflict(
    laptops: Laptops, tmp_path: Path
) -> None:
    anna, bo, cy = laptops.new("anna"), laptops.new("bo"), laptops.new("cy")
    a = shared_agency(laptops)
    laptops.send("anna", "cy")
    with bo.transaction() as s:
        agencies.delete_agency(s, a)
    with anna.transaction() as s:
        agencies.delete_agency(s, a)  # later, with another deleted_at
    with cy.transaction() as s:
        agencies.delete_agency(s, a)
    packages = [laptops.package(n) for n in ("anna", "bo", "cy")]
    first = sync_service.import_package(bo, packages[0])
    assert first["conflicts"] == 0
    outcomes = []
    for n, order in enumerate(itertools.permutations(packages)):
        target = tmp_path / f"both-{n}.db"
        shutil.copyfile(laptops.template, target)
        with Database(target) as db:
            for p in (*order, *order):
                sync_service.import_package(db, p)
            assert conflicts(db) == []
            with db.read() as s:
                row = s.get(Agency, a)
                assert row is not None and row.deleted_at is not None
                outcomes.append((digest(s), row.deleted_at))
    assert len(set(outcomes)) == 1


def test_a_restore_against_a_delete_is_still_a_conflict(laptops: Laptops) -> None:
    anna, bo = laptops.new("anna"), laptops.new("bo")
    a = shared_agency(laptops)
    with anna.transaction() as s:
        agencies.delete_agency(s, a)
    laptops.send("anna", "bo")
    with anna.transaction() as s:
        sync_service.restore_deleted(s, "agency", a)
    with bo.transaction() as s:
        sync_service.restore_deleted(s, "agency", a)
        agencies.delete_agency(s, a)
    result = laptops.send("anna", "bo")
    assert result["conflicts"] >= 1
    assert any(c.field_group == "deleted" for c in conflicts(bo))


def test_imports_keep_the_last_three_backups_and_no_other_file(laptops: Laptops) -> None:
    anna, bo = laptops.new("anna"), laptops.new("bo")
    folder = bo.path.parent
    other = folder / f"{bo.path.name}.before-0002-x.bak"
    other.write_bytes(b"a migration's backup")
    mine = folder / "notes.bak"
    mine.write_bytes(b"not ours")
    made = []
    for i in range(5):
        with anna.transaction() as s:
            agencies.create_agency(s, name=f"Myndighet {i}")
        made.append(laptops.send("anna", "bo")["backup"])
    kept = sorted(folder.glob(f"{bo.path.name}.before-import-*.bak"))
    assert [str(p) for p in kept] == made[-3:]
    assert other.exists() and mine.exists()
    # an import that changes nothing makes no backup and removes none
    assert laptops.send("anna", "bo")["backup"] is None
    assert sorted(folder.glob(f"{bo.path.name}.before-import-*.bak")) == kept
