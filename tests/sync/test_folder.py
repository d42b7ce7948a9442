"""Sync through a shared folder: several laptops, one folder, files arriving half-copied or
foreign."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from tests.sync.test_merge import Laptops, conflicts, laptops, template

from assessor.cli.main import main
from assessor.services import agencies
from assessor.services import sync as sync_service
from assessor.services.folder import SUFFIX, file_name, scan, sync_folder
from assessor.store.db import Database
from assessor.store.digest import digest
from assessor.store.models import Agency

__all__ = ["laptops", "template"]


def site(db: Database) -> str:
    with db.read() as s:
        return sync_service.site_id(s)


def digests(dbs: list[Database]) -> set[str]:
    out = set()
    for db in dbs:
        with db.read() as s:
            out.add(digest(s))
    return out


def live(db: Database) -> list[tuple[str, str]]:
    return sorted((c.id, repr(c.other)) for c in conflicts(db) if not c.resolved)


def team(laptops: Laptops, n: int) -> list[Database]:
    return [laptops.new(f"laptop{i}") for i in range(n)]


def test_four_laptops_converge_through_one_folder(laptops: Laptops, tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    dbs = team(laptops, 4)
    with dbs[0].transaction() as s:
        a = agencies.create_agency(s, name="Skatteverket", org_number="")
    first = [sync_folder(db, shared) for db in dbs]
    # the first knows nobody: a full package; the others know every laptop in the folder
    assert [r.written_kind for r in first] == ["full", "delta", "delta", "delta"]
    assert [len(r.imported) for r in first] == [0, 1, 2, 3]
    for db in dbs:
        sync_folder(db, shared)
    # concurrent edits of one field on every laptop, and a new agency each
    for i, db in enumerate(dbs):
        with db.transaction() as s:
            agencies.update_agency(s, a, notes=f"written on laptop {i}")
            agencies.create_agency(s, name=f"Myndighet {i}", org_number="")
    rounds = [[sync_folder(db, shared) for db in dbs] for _ in range(2)]
    assert {r.written_kind for r in rounds[0]} == {"delta"}  # everyone known: deltas
    assert len(digests(dbs)) == 1
    assert live(dbs[0]) == live(dbs[1]) == live(dbs[2]) == live(dbs[3])
    assert len(live(dbs[0])) == 3  # four concurrent notes: one shown, three beside it
    with dbs[2].read() as s:
        assert s.query(Agency).count() == 5
    # names never collide: one newest file per laptop, each under its own site id
    by_site, foreign = scan(shared)
    assert foreign == []
    assert set(by_site) == {site(db) for db in dbs}
    # the folder falls quiet: a sync with nothing new writes nothing and changes nothing
    rounds_to_quiet = 0
    while rounds_to_quiet < 5:
        rounds_to_quiet += 1
        again = [sync_folder(db, shared) for db in dbs]
        if all(r.written is None and not r.changed_database for r in again):
            break
    assert rounds_to_quiet <= 3  # what each laptop has seen travels a round or two more


def test_a_delta_for_the_team_is_smaller_than_a_full_package(
    laptops: Laptops, tmp_path: Path
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    dbs = team(laptops, 3)
    with dbs[0].transaction() as s:
        for i in range(40):
            agencies.create_agency(s, name=f"Myndighet {i}", org_number="")
    for _ in range(2):
        for db in dbs:
            sync_folder(db, shared)
    with dbs[1].transaction() as s:
        agencies.create_agency(s, name="Ny myndighet", org_number="")
    result = sync_folder(dbs[1], shared)
    assert result.written_kind == "delta" and result.written_rows == 1


def test_a_half_copied_file_is_skipped_and_the_older_one_used(
    laptops: Laptops, tmp_path: Path
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    anna, bo = team(laptops, 2)
    with anna.transaction() as s:
        a = agencies.create_agency(s, name="Skatteverket", org_number="")
    sync_folder(anna, shared)
    (own,) = scan(shared)[0][site(anna)]
    # a cloud folder delivering a newer file of Anna's only half way
    half = shared / file_name(site(anna), own.clock + 10)
    data = own.path.read_bytes()
    half.write_bytes(data[: len(data) // 2])
    result = sync_folder(bo, shared)
    assert [s["file"] for s in result.skipped] == [half.name]
    assert "not a usable sync package" in result.skipped[0]["reason"]
    assert [i["file"] for i in result.imported] == [own.path.name]
    with bo.read() as s:
        assert s.get(Agency, a) is not None
    # the copy completes: merged on the next sync, with nothing new in it
    shutil.copyfile(own.path, half)
    result = sync_folder(bo, shared)
    assert result.skipped == [] and [i["file"] for i in result.imported] == [half.name]


def test_foreign_files_are_reported_never_fatal(laptops: Laptops, tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    anna, bo, cy = team(laptops, 3)
    with anna.transaction() as s:
        agencies.create_agency(s, name="Skatteverket", org_number="")
    sync_folder(anna, shared)
    (shared / "anteckningar.txt").write_text("inte ett paket")
    (shared / ".DS_Store").write_bytes(b"\0" * 40)
    stranger = "0b7e6a1c-2d3e-4f50-8a9b-0c1d2e3f4a5b"
    (shared / file_name(stranger, 5)).write_bytes(b"PK\x03\x04" + os.urandom(200))
    (shared / "kopia.assessor").mkdir()
    result = sync_folder(bo, shared)
    reasons = {s["file"]: s["reason"] for s in result.skipped}
    assert set(reasons) == {"anteckningar.txt", file_name(stranger, 5), "kopia.assessor"}
    assert len(result.imported) == 1 and result.written is not None
    # the unreadable stranger is not known, so Bo's package is written whole for it
    assert result.written_kind == "full"
    assert len(digests([anna, bo])) == 1
    result = sync_folder(cy, shared)
    assert len(result.imported) == 2


def test_own_files_are_pruned_once_everyone_has_seen_them(laptops: Laptops, tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    anna, bo, cy = team(laptops, 3)
    for db in (anna, bo, cy, anna, bo, cy):
        sync_folder(db, shared)
    me = site(anna)
    with anna.transaction() as s:
        agencies.create_agency(s, name="Första", org_number="")
    sync_folder(anna, shared)
    with anna.transaction() as s:
        agencies.create_agency(s, name="Andra", org_number="")
    sync_folder(anna, shared)
    assert len(scan(shared)[0][me]) >= 2  # nobody has seen Anna's newer files yet
    sync_folder(bo, shared)
    sync_folder(anna, shared)
    assert len(scan(shared)[0][me]) >= 2  # Cy has not
    sync_folder(cy, shared)
    result = sync_folder(anna, shared)
    assert result.pruned and len(scan(shared)[0][me]) == 1


def test_an_encrypted_folder(laptops: Laptops, tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    anna, bo = team(laptops, 2)
    with anna.transaction() as s:
        agencies.create_agency(s, name="Skatteverket", org_number="")
    sync_folder(anna, shared, "hemligt lösen")
    (own,) = scan(shared)[0][site(anna)]
    assert own.path.read_bytes().startswith(b"age-encryption.org/v1\n")
    # (a wrong passphrase is refused like any import's: tests/sync/test_hostile.py; each
    # scrypt costs seconds, so this test uses as few as it can)
    without = sync_folder(bo, shared)
    assert without.imported == [] and "passphrase" in without.skipped[0]["reason"]
    right = sync_folder(bo, shared, "hemligt lösen")
    assert len(right.imported) == 1
    assert len(digests([anna, bo])) == 1


def test_cli_folder(laptops: Laptops, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    anna, bo = team(laptops, 2)
    paths = [anna.path, bo.path]
    anna.close()
    bo.close()
    assert main(["sync", "folder", "--db", str(paths[0]), str(shared)]) == 0
    out = capsys.readouterr().out
    assert "wrote " in out and SUFFIX in out
    assert main(["sync", "folder", "--db", str(paths[1]), str(shared), "--json"]) == 0
    assert '"written_kind": "delta"' in capsys.readouterr().out
    assert main(["sync", "folder", "--db", str(paths[1]), str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such folder" in err
    assert main(["sync", "folder", "--db", str(paths[1]), str(paths[0])]) == 2
    assert "no such folder" in capsys.readouterr().err
    if os.geteuid() != 0:  # root writes anywhere
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        assert main(["sync", "folder", "--db", str(paths[1]), str(locked)]) == 2
        assert "not writable" in capsys.readouterr().err
    # reopened for the fixture's close
    laptops.dbs["laptop0"] = Database(paths[0])
    laptops.dbs["laptop1"] = Database(paths[1])
