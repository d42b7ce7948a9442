"""Cases the state machine found or the sync issue reported, kept as explicit tests, and the
guarantees of deltas and repeated imports in small named situations."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest
from tests.sync.conftest import file_hash, full_state
from tests.sync.test_merge import Laptops, conflicts, laptops, shared_agency, template

from assessor.domain.errors import BadInput
from assessor.services import agencies
from assessor.services import sync as sync_service
from assessor.store.db import Database
from assessor.store.digest import digest
from assessor.store.models import Agency
from assessor.sync.errors import PackageRefused

__all__ = ["laptops", "template"]  # fixtures shared with test_merge


def files(db: Database) -> tuple[str, str]:
    wal = db.path.with_name(db.path.name + "-wal")
    return file_hash(db.path), file_hash(wal) if wal.exists() else ""


def site(db: Database) -> str:
    with db.read() as s:
        return sync_service.site_id(s)


def live_log(db: Database) -> list[tuple[str, str, str, str]]:
    return sorted((c.id, c.kind, c.loser_hlc, repr(c.other)) for c in conflicts(db))


def test_a_delete_survives_an_edit_made_beside_it_in_every_order(laptops: Laptops) -> None:
    """The state machine's old failure: "db0: agency.deleted of <id> lost {'deleted_at': ...}".
    A delete on one laptop and an edit on another, exchanged in every order and repeated:
    the row stays deleted everywhere, the edit is kept in it, and one delete conflict shows."""
    anna, bo, cy = laptops.new("anna"), laptops.new("bo"), laptops.new("cy")
    a = shared_agency(laptops)
    laptops.send("anna", "cy")
    with anna.transaction() as s:
        agencies.delete_agency(s, a)
    with bo.transaction() as s:
        agencies.update_agency(s, a, notes="written beside the delete")
    packs = {name: laptops.package(name) for name in ("anna", "bo", "cy")}
    for order in itertools.permutations(packs):
        for name in order:
            for target in (anna, bo, cy):
                sync_service.import_package(target, packs[name])
    for db in (anna, bo, cy):
        with db.read() as s:
            row = s.get(Agency, a)
            assert row is not None and row.deleted_at is not None
            assert row.notes == "written beside the delete"
        (c,) = [c for c in conflicts(db) if not c.resolved]
        assert c.kind == "delete" and c.field_group == "notes"
    assert live_log(anna) == live_log(bo) == live_log(cy)


def test_a_repeated_import_changes_no_byte(laptops: Laptops) -> None:
    anna, bo = laptops.new("anna"), laptops.new("bo")
    a = shared_agency(laptops)
    with anna.transaction() as s:
        agencies.update_agency(s, a, name="Skatteverket (Solna)")
    with bo.transaction() as s:
        agencies.update_agency(s, a, name="Skatteverket HK")
    package = laptops.package("anna")
    first = sync_service.import_package(bo, package)
    assert first["changed_database"] and first["conflicts"] == 1
    before = files(bo)
    again = sync_service.import_package(bo, package)
    assert again["changed_database"] is False
    assert (again["added"], again["changed"], again["conflicts"]) == (0, 0, 0)
    assert files(bo) == before
    own = laptops.package("bo")
    before = files(bo)
    sync_service.import_package(bo, own)  # its own package: nothing new either
    assert files(bo) == before


def test_the_issues_three_laptops_out_of_order_agree_on_the_conflicts(
    laptops: Laptops, tmp_path: Path
) -> None:
    """Three laptops edit one value, exchange out of order and more than once: every laptop
    ends with the same live log (the old log kept a moved winner and stray delete entries)."""
    anna, bo, cy = laptops.new("anna"), laptops.new("bo"), laptops.new("cy")
    a = shared_agency(laptops)
    laptops.send("anna", "cy")
    for db, name in ((anna, "A"), (bo, "B"), (cy, "C")):
        with db.transaction() as s:
            agencies.update_agency(s, a, name=f"Skatteverket {name}")
    early = laptops.package("anna")
    laptops.send("bo", "cy")
    with cy.transaction() as s:  # cy settles what it has seen: its own and bo's value
        (c,) = sync_service.list_conflicts(s)
        sync_service.resolve_conflict(s, c.id, "current")
    with bo.transaction() as s:
        agencies.delete_agency(s, a)
    for _ in range(2):
        for source, target in (
            ("cy", "anna"),
            ("bo", "anna"),
            ("anna", "bo"),
            ("cy", "bo"),
            ("anna", "cy"),
            ("bo", "cy"),
        ):
            laptops.send(source, target)
        sync_service.import_package(cy, early)
    logs = [live_log(db) for db in (anna, bo, cy)]
    assert logs[0] == logs[1] == logs[2]
    with anna.read() as s1, bo.read() as s2, cy.read() as s3:
        assert digest(s1) == digest(s2) == digest(s3)
    settled = [
        sorted((c.id, c.resolved) for c in conflicts(db) if c.resolved) for db in (anna, bo, cy)
    ]
    assert settled[0] == settled[1] == settled[2] and settled[0]


def test_a_value_replaced_knowingly_through_a_chain_is_no_conflict(laptops: Laptops) -> None:
    """The false alarm docs/sync.md used to admit: A's value replaced knowingly by B, B's by
    C; a laptop that gets A's old value after C's sees no conflict."""
    anna, bo, cy = laptops.new("anna"), laptops.new("bo"), laptops.new("cy")
    dan = laptops.new("dan")
    a = shared_agency(laptops)
    for name in ("cy", "dan"):
        laptops.send("anna", name)
    with anna.transaction() as s:
        agencies.update_agency(s, a, notes="A")
    old_a = laptops.package("anna")
    laptops.send("anna", "bo")
    with bo.transaction() as s:
        agencies.update_agency(s, a, notes="B")
    laptops.send("bo", "cy")
    with cy.transaction() as s:
        agencies.update_agency(s, a, notes="C")
    laptops.send("cy", "dan")
    sync_service.import_package(dan, old_a)
    assert conflicts(dan) == []
    with dan.read() as s:
        assert s.get(Agency, a).notes == "C"  # type: ignore[union-attr]


def test_a_delta_carries_only_what_the_peer_lacks_and_merges_like_a_full_one(
    laptops: Laptops,
) -> None:
    anna, bo = laptops.new("anna"), laptops.new("bo")
    a = shared_agency(laptops)
    laptops.send("bo", "anna")  # anna now knows what bo has seen
    with anna.transaction() as s:
        agencies.update_agency(s, a, notes="only this")
    delta = laptops.folder / "delta.pkg"
    manifest = sync_service.export_package(anna, delta, for_peer=site(bo)[:8])
    assert manifest["kind"] == "delta"
    assert manifest["counts"]["agency"] == 1
    assert sum(n for t, n in manifest["counts"].items() if t != "sync_site") == 2
    full = laptops.package("anna")
    assert delta.stat().st_size < full.stat().st_size / 4
    result = sync_service.import_package(bo, delta)
    assert result["changed"] == 1
    with anna.read() as s1, bo.read() as s2:
        assert digest(s1) == digest(s2)
    assert full_state(anna.path)["agency"] == full_state(bo.path)["agency"]


def test_a_delta_whose_base_is_missing_is_refused_whole(laptops: Laptops) -> None:
    anna, bo = laptops.new("anna"), laptops.new("bo")
    cy = laptops.new("cy")
    a = shared_agency(laptops)
    laptops.send("bo", "anna")
    with anna.transaction() as s:
        agencies.update_agency(s, a, notes="for bo")
    delta = laptops.folder / "delta.pkg"
    sync_service.export_package(anna, delta, for_peer=site(bo))
    before = files(cy)
    with pytest.raises(PackageRefused, match="full package"):
        sync_service.import_package(cy, delta)  # cy never had the agency: the base is missing
    assert files(cy) == before


def test_a_delta_for_an_unknown_peer_is_bad_input(laptops: Laptops) -> None:
    anna = laptops.new("anna")
    with pytest.raises(BadInput, match="full package"):
        sync_service.export_package(anna, laptops.folder / "x.pkg", for_peer="0123abcd")


def test_a_cloned_file_keeps_what_its_original_had_seen(laptops: Laptops) -> None:
    anna, _ = laptops.new("anna"), laptops.new("bo")
    shared_agency(laptops)
    laptops.send("bo", "anna")
    clone_path = laptops.folder / "clone.db"
    anna.close()
    shutil.copyfile(anna.path, clone_path)
    laptops.dbs["anna"] = Database(anna.path)
    with Database(clone_path) as clone:
        assert site(clone) != site(laptops.dbs["anna"])
        with clone.read() as s:
            assert sync_service.known_peers(s)  # it still knows what bo had seen


def test_a_delete_conflict_passed_on_by_a_third_laptop_is_still_a_conflict(
    laptops: Laptops,
) -> None:
    """Found by the deep state machine: a row whose clock has one version per group can still
    be in conflict (an edit beside its delete); a laptop receiving it from a colleague who
    merged it must list that conflict too (the import took it for conflict-free)."""
    anna, bo, cy = laptops.new("anna"), laptops.new("bo"), laptops.new("cy")
    a = shared_agency(laptops)
    with anna.transaction() as s:
        agencies.delete_agency(s, a)
    with bo.transaction() as s:
        agencies.update_agency(s, a, name="Skatteverket HK")
    laptops.send("anna", "bo")
    laptops.send("bo", "cy")  # new to cy: it arrives whole, clock and all
    assert [c.kind for c in conflicts(bo)] == ["delete"]
    assert live_log(cy) == live_log(bo)
    with bo.read() as s1, cy.read() as s2:
        assert digest(s1) == digest(s2)


def test_a_deletion_kept_by_a_resolution_ends_another_laptops_deletion_everywhere(
    laptops: Laptops,
) -> None:
    """From the state machine (its model missed that keeping a deletion is a write): two
    laptops delete the same agency at different moments, a third writes beside them, and one
    settles the delete conflict by keeping the deletion. Once everyone has everything, the
    agency is deleted at one and the same moment everywhere, the writing beside it is kept
    in the row, and the databases are equal."""
    anna, bo, cy = laptops.new("anna"), laptops.new("bo"), laptops.new("cy")
    a = shared_agency(laptops)
    laptops.send("anna", "cy")
    with anna.transaction() as s:
        agencies.delete_agency(s, a)
    with bo.transaction() as s:
        agencies.delete_agency(s, a)
    with cy.transaction() as s:
        agencies.update_agency(s, a, notes="written beside the deletes")
    packs = [laptops.package(name) for name in ("anna", "bo", "cy")]
    for db in (anna, bo, cy):
        for pack in packs:
            sync_service.import_package(db, pack)
    open_ = [c for c in conflicts(cy) if not c.resolved and c.kind == "delete"]
    assert open_
    with cy.transaction() as s:
        sync_service.resolve_conflict(s, open_[0].id, "current")
    settled = laptops.package("cy")
    for db in (anna, bo):
        sync_service.import_package(db, settled)
    moments = set()
    for db in (anna, bo, cy):
        with db.read() as s:
            row = s.get(Agency, a)
            assert row is not None and row.deleted_at is not None
            assert row.notes == "written beside the deletes"
            moments.add(row.deleted_at)
    assert len(moments) == 1
    assert all(full_state(db.path) == full_state(cy.path) for db in (anna, bo))
    with anna.read() as s1, cy.read() as s2:
        assert digest(s1) == digest(s2)
