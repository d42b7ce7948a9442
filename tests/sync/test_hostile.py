"""Hostile and damaged packages: each is refused (or held back) and the database stays as it was."""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import sqlite3
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyrage
import pytest
from tests.sync.conftest import file_hash

from assessor.domain import hlc
from assessor.domain.errors import BadInput
from assessor.services import agencies
from assessor.services import sync as sync_service
from assessor.services.setup import init_database
from assessor.store import stamping
from assessor.store.db import Database
from assessor.sync.errors import PackageRefused
from assessor.sync.package import package_tables

PASSPHRASE = "korrekt häst batteri häftklammer"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A local database and a good package from a colleague with one change in it."""
    folder = tmp_path_factory.mktemp("hostile")
    local = folder / "local.db"
    with init_database(local) as db, db.transaction() as s:
        agency = agencies.create_agency(s, name="Tillväxtverket")
    colleague = folder / "colleague.db"
    shutil.copyfile(local, colleague)
    with Database(colleague) as db:
        with db.transaction() as s:
            agencies.update_agency(s, agency, notes="visited in March")
        sync_service.export_package(db, folder / "good.pkg")
        sync_service.export_package(db, folder / "good.age", PASSPHRASE)
    return {
        "folder": folder,
        "local": local,
        "colleague": colleague,
        "good": folder / "good.pkg",
        "good_age": folder / "good.age",
    }


@pytest.fixture
def local(world: dict[str, Path], tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "local.db"
    shutil.copyfile(world["local"], path)
    Database(path).close()  # settle its identity, so that only an import could change it
    yield path


def refused(
    local: Path, package: Path, passphrase: str | None = None, match: str | None = None
) -> None:
    before = file_hash(local)
    with Database(local) as db, pytest.raises(BadInput, match=match):
        sync_service.import_package(db, package, passphrase)
    assert file_hash(local) == before, "the refused import changed the database"
    assert not list(local.parent.glob("*.before-import-*.bak")), "a backup was left behind"


def forge(
    good: Path,
    out: Path,
    mutate: Callable[[sqlite3.Connection], Any] | None = None,
    manifest_edit: Callable[[dict[str, Any]], Any] | None = None,
) -> Path:
    """A package rewritten by an attacker who also fixes up the manifest's counts and checksum."""
    with zipfile.ZipFile(good) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        state = zf.read("state.sqlite")
    tmp = out.with_suffix(".state")
    tmp.write_bytes(state)
    if mutate is not None:
        con = sqlite3.connect(tmp)
        mutate(con)
        con.commit()
        manifest["counts"] = {
            t.name: con.execute(f'SELECT count(*) FROM "{t.name}"').fetchone()[0]
            for t in package_tables()
        }
        con.close()
    data = tmp.read_bytes()
    manifest["sha256"] = hashlib.sha256(data).hexdigest()
    manifest["size"] = len(data)
    if manifest_edit is not None:
        manifest_edit(manifest)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
        zf.writestr("state.sqlite", data)
    return out


def test_the_good_package_is_accepted(world: dict[str, Path], local: Path) -> None:
    with Database(local) as db:
        result = sync_service.import_package(db, world["good"])
        assert result["changed"] == 1
        again = sync_service.import_package(db, world["good_age"], PASSPHRASE)
        assert again["changed_database"] is False


def test_an_empty_file(local: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.pkg"
    empty.write_bytes(b"")
    refused(local, empty, match="empty")


def test_truncated_anywhere(world: dict[str, Path], local: Path, tmp_path: Path) -> None:
    data = world["good"].read_bytes()
    rng = random.Random(6)
    cuts = {1, 30, len(data) // 2, len(data) - 1, *(rng.randrange(1, len(data)) for _ in range(6))}
    for cut in sorted(cuts):
        cut_file = tmp_path / f"cut-{cut}.pkg"
        cut_file.write_bytes(data[:cut])
        refused(local, cut_file)


def test_random_bytes(local: Path, tmp_path: Path) -> None:
    rng = random.Random(7)
    for prefix in (b"", b"PK\x03\x04", b"age-encryption.org/v1\n"):
        noise = tmp_path / "noise.pkg"
        noise.write_bytes(prefix + rng.randbytes(5000))
        refused(local, noise, passphrase="x")


def test_a_plain_sqlite_file(world: dict[str, Path], local: Path) -> None:
    refused(local, world["colleague"], match="unknown file type")


def test_a_zip_with_a_plain_database_and_no_manifest(
    world: dict[str, Path], local: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.pkg"
    with zipfile.ZipFile(bad, "w") as zf:
        zf.write(world["colleague"], "state.sqlite")
    refused(local, bad, match="unexpected files")


@pytest.mark.parametrize(
    "ddl",
    [
        "CREATE TRIGGER t AFTER INSERT ON agency BEGIN DELETE FROM advisor; END",
        "CREATE VIEW v AS SELECT name FROM agency",
        "CREATE TABLE extra (x)",
        "CREATE INDEX ix_extra ON agency (notes)",
        "ALTER TABLE agency ADD COLUMN secret TEXT",
    ],
)
def test_schema_changes_are_refused(
    world: dict[str, Path], local: Path, tmp_path: Path, ddl: str
) -> None:
    bad = forge(world["good"], tmp_path / "schema.pkg", lambda con: con.execute(ddl))
    refused(local, bad, match="exactly Assessor's")


def test_a_virtual_table_is_refused(world: dict[str, Path], local: Path, tmp_path: Path) -> None:
    bad = forge(
        world["good"],
        tmp_path / "vt.pkg",
        lambda con: con.execute("CREATE VIRTUAL TABLE f USING fts5(x)"),
    )
    refused(local, bad)


@pytest.mark.parametrize(
    "sql, match",
    [
        ("UPDATE agency SET name = x'00ff'", "agency.name"),
        ("UPDATE agency SET deleted_at = 'yesterday'", "agency.deleted_at"),
        ("UPDATE agency SET id = 'not-a-uuid'", "agency.id"),
        ("UPDATE checklist SET scale = '{broken'", "checklist.scale"),
        ("UPDATE sync_row SET top = 'x'", "sync_row.top"),
        ("UPDATE sync_site SET site_id = 'me' WHERE no = 1", "sync_site.site_id"),
        ("DELETE FROM sync_row WHERE table_name = 'agency'", "clocks do not match"),
        ("UPDATE sync_row SET table_name = 'secret' WHERE table_name = 'agency'", "secret"),
        ("UPDATE sync_row SET clock = '[' WHERE table_name = 'agency'", "not readable"),
        ("UPDATE sync_row SET clock = '[]' WHERE table_name = 'agency'", "empty"),
        ("UPDATE sync_row SET clock = '[[1, 999, 1]]' WHERE table_name = 'agency'", "malformed"),
        (
            "UPDATE sync_row SET clock = '[[1, 1, 1]]' WHERE table_name = 'agency'",
            "without a version",
        ),
        (
            "UPDATE sync_row SET clock = '[[1, 1, 999999999]]' WHERE table_name = 'agency'",
            "malformed",
        ),
        ("UPDATE sync_row SET clock = '[[1, 1, true]]' WHERE table_name = 'agency'", "malformed"),
        (
            "UPDATE sync_row SET clock = replace(clock, ']]', ', [1, 5]]]') "
            "WHERE table_name = 'agency'",
            "context",
        ),
        (
            "UPDATE sync_row SET clock = '[' || clock || ', ' || clock || ']' "
            "WHERE table_name = 'agency'",
            "malformed",
        ),
        (
            "UPDATE sync_row SET clock = "
            + "'"
            + "[" * 5000
            + "]" * 5000
            + "'"
            + " WHERE table_name = 'agency'",
            "clock",
        ),
        ("UPDATE contact SET agency_id = agency_id", None),
    ],
)
def test_rows_of_the_wrong_type_or_shape(
    world: dict[str, Path], local: Path, tmp_path: Path, sql: str, match: str | None
) -> None:
    bad = forge(world["good"], tmp_path / "rows.pkg", lambda con: con.execute(sql))
    if match is None:  # a no-op: the forged package itself is fine
        with Database(local) as db:
            sync_service.import_package(db, bad)
        return
    refused(local, bad, match=match)


def test_a_row_pointing_at_nothing(world: dict[str, Path], local: Path, tmp_path: Path) -> None:
    def orphan(con: sqlite3.Connection) -> None:
        con.execute("PRAGMA foreign_keys=OFF")
        cid = "00000000-0000-4000-8000-000000000001"
        con.execute(
            "INSERT INTO contact (id, agency_id, name, title, email, phone, created_at, "
            "updated_at) VALUES (?, '00000000-0000-4000-8000-000000000002', 'x', '', '', '', "
            "'2026-01-01 00:00:00.000000', '2026-01-01 00:00:00.000000')",
            (cid,),
        )
        mask = (1 << len(stamping.groups_of("contact"))) - 1
        con.execute(
            "INSERT INTO sync_row VALUES ('contact', ?, ?, 170000000000000000, 0)",
            (cid, f"[[170000000000000000, 1, {mask}]]"),
        )

    refused(local, forge(world["good"], tmp_path / "fk.pkg", orphan), match="refer")


def test_a_corrupted_page(world: dict[str, Path], local: Path, tmp_path: Path) -> None:
    bad = tmp_path / "page.pkg"
    forge(world["good"], bad)  # a faithful copy, then damage one page and fix the checksum
    with zipfile.ZipFile(bad) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        state = bytearray(zf.read("state.sqlite"))
    probe = tmp_path / "probe.sqlite"
    probe.write_bytes(bytes(state))
    con = sqlite3.connect(probe)
    (root,) = con.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'checklist_question'"
    ).fetchone()
    page = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    start = (root - 1) * page
    for offset in range(start + 3, start + 200):
        state[offset] = 0xA5
    manifest["sha256"] = hashlib.sha256(state).hexdigest()
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
        zf.writestr("state.sqlite", bytes(state))
    refused(local, bad)


def test_a_newer_schema_or_format(world: dict[str, Path], local: Path, tmp_path: Path) -> None:
    newer = forge(
        world["good"],
        tmp_path / "newer.pkg",
        manifest_edit=lambda m: m.update(schema_revision="9999"),
    )
    refused(local, newer, match="newer version")
    newer = forge(
        world["good"], tmp_path / "format.pkg", manifest_edit=lambda m: m.update(format_version=99)
    )
    refused(local, newer, match="newer version")


@pytest.mark.parametrize(
    "edit, match",
    [
        ({"format_version": 0}, "format version"),
        ({"format_version": -1}, "format version"),
        ({"format_version": True}, "format version"),
        ({"kind": "delta"}, "full or delta"),
        ({"kind": "partial"}, "full or delta"),
        ({"kind": "full", "base": {}}, "full or delta"),
        ({"seen": {"not-a-site": 1}}, "version vector"),
        ({"seen": {"00000000-0000-4000-8000-000000000001": "1"}}, "version vector"),
        ({"seen": []}, "version vector"),
        (
            {"kind": "delta", "base": {"00000000-0000-4000-8000-000000000001": 10**18}},
            "version vector",
        ),
    ],
)
def test_a_manifest_that_lies_about_what_it_holds(
    world: dict[str, Path], local: Path, tmp_path: Path, edit: dict[str, Any], match: str
) -> None:
    bad = forge(world["good"], tmp_path / "lie.pkg", manifest_edit=lambda m: m.update(edit))
    refused(local, bad, match=match)


def test_a_delta_based_on_more_than_this_database_has_is_refused(
    world: dict[str, Path], local: Path, tmp_path: Path
) -> None:
    stranger = "00000000-0000-4000-8000-0000000000ee"
    bad = forge(
        world["good"],
        tmp_path / "delta.pkg",
        manifest_edit=lambda m: m.update(kind="delta", base={stranger: 5}),
    )
    refused(local, bad, match="full package")


def test_a_delta_whose_rows_point_at_rows_missing_here(
    world: dict[str, Path], local: Path, tmp_path: Path
) -> None:
    """A delta may leave out rows the receiver has; if the receiver lacks them after all, the
    merge fails at its commit and nothing is written."""

    def orphan(con: sqlite3.Connection) -> None:
        con.execute("PRAGMA foreign_keys=OFF")
        cid = "00000000-0000-4000-8000-000000000001"
        con.execute(
            "INSERT INTO contact (id, agency_id, name, title, email, phone, created_at, "
            "updated_at) VALUES (?, '00000000-0000-4000-8000-000000000002', 'x', '', '', '', "
            "'2026-01-01 00:00:00.000000', '2026-01-01 00:00:00.000000')",
            (cid,),
        )
        mask = (1 << len(stamping.groups_of("contact"))) - 1
        con.execute(
            "INSERT INTO sync_row VALUES ('contact', ?, ?, 170000000000000000, 0)",
            (cid, f"[[170000000000000000, 1, {mask}]]"),
        )

    bad = forge(
        world["good"],
        tmp_path / "delta-fk.pkg",
        orphan,
        manifest_edit=lambda m: m.update(kind="delta", base={}),
    )
    refused(local, bad, match="refer")


def test_a_checksum_that_does_not_match(
    world: dict[str, Path], local: Path, tmp_path: Path
) -> None:
    bad = forge(
        world["good"], tmp_path / "sum.pkg", manifest_edit=lambda m: m.update(sha256="0" * 64)
    )
    refused(local, bad, match="checksum")


def test_a_wrong_passphrase_or_none(world: dict[str, Path], local: Path) -> None:
    refused(local, world["good_age"], passphrase="wrong", match="wrong passphrase")
    refused(local, world["good_age"], passphrase=None, match="encrypted")


def test_one_flipped_byte_in_an_encrypted_package(
    world: dict[str, Path], local: Path, tmp_path: Path
) -> None:
    data = bytearray(world["good_age"].read_bytes())
    rng = random.Random(8)
    for _ in range(4):
        flipped = bytearray(data)
        flipped[rng.randrange(len(data) // 2, len(data))] ^= 0x01
        bad = tmp_path / "flip.age"
        bad.write_bytes(bytes(flipped))
        refused(local, bad, passphrase=PASSPHRASE, match="damaged")


def test_the_encrypted_package_is_standard_age(world: dict[str, Path]) -> None:
    # the age command opens it too: tests/sync/test_age_encrypt.py
    plain = pyrage.passphrase.decrypt(world["good_age"].read_bytes(), PASSPHRASE)
    assert plain.startswith(b"PK\x03\x04")


def test_a_clock_two_years_ahead_is_held_back(
    world: dict[str, Path], local: Path, tmp_path: Path
) -> None:
    """A colleague's laptop whose clock is two years ahead: its edits wait, nothing changes."""
    two_years = 2 * 365 * 24 * 3600 * 1000
    ahead = tmp_path / "ahead.db"
    shutil.copyfile(world["colleague"], ahead)
    con = sqlite3.connect(ahead)
    con.execute(
        "UPDATE local_meta SET value = ? WHERE key = ?",
        (str(hlc.Hlc(hlc.wall_millis() + two_years, 0)), stamping.CLOCK_KEY),
    )
    con.commit()
    con.close()
    with Database(ahead) as db:
        with db.transaction() as s:
            a = agencies.list_agencies(s)[0].id
            agencies.update_agency(s, a, notes="written two years ahead")
        sync_service.export_package(db, tmp_path / "future.pkg")
    with Database(local) as db:
        sync_service.import_package(db, world["good"])
    before = file_hash(local)
    with Database(local) as db:
        result = sync_service.import_package(db, tmp_path / "future.pkg")
    assert result["held_back"] >= 1 and result["changed_database"] is False
    assert file_hash(local) == before


def test_a_cloned_databases_package(world: dict[str, Path], local: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone.db"
    shutil.copyfile(local, clone)
    # a clone whose copy went unnoticed (same identity): it writes under the original's site id
    con = sqlite3.connect(clone)
    con.execute(
        "UPDATE local_meta SET value = ? WHERE key = ?",
        (stamping.file_fingerprint(clone), stamping.FILE_KEY),
    )
    con.commit()
    con.close()
    with Database(clone) as db:
        with db.transaction() as s:
            a = agencies.list_agencies(s)[0].id
            agencies.update_agency(s, a, notes="written on the clone")
        sync_service.export_package(db, tmp_path / "clone.pkg")
    refused(local, tmp_path / "clone.pkg", match="copy of this file")


def test_refusal_is_a_bad_input_with_one_line(
    world: dict[str, Path], local: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "e.pkg"
    empty.write_bytes(b"\0" * 100)
    with Database(local) as db, pytest.raises(PackageRefused) as info:
        sync_service.import_package(db, empty)
    assert "\n" not in str(info.value)


def test_a_refusal_is_worded_in_the_users_language(world: dict[str, Path], local: Path) -> None:
    from assessor.domain.messages import set_language

    set_language("sv")
    try:
        with Database(local) as db, pytest.raises(PackageRefused) as info:
            sync_service.import_package(db, world["good_age"], "fel lösenfras")
        assert str(info.value).startswith("synkfilen kan inte dekrypteras: fel lösenfras")
        with Database(local) as db, pytest.raises(PackageRefused) as info:
            sync_service.import_package(db, world["good_age"])
        assert str(info.value) == "synkfilen är krypterad: ange dess lösenfras"
    finally:
        set_language("en")


def test_a_truncated_package_is_refused_in_words(
    world: dict[str, Path], local: Path, tmp_path: Path
) -> None:
    cut = tmp_path / "cut.pkg"
    data = world["good"].read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    before = file_hash(local)
    with Database(local) as db, pytest.raises(PackageRefused) as info:
        sync_service.import_package(db, cut)
    assert "cut short" in str(info.value)
    assert "Error" not in str(info.value) and "\n" not in str(info.value)
    assert file_hash(local) == before
