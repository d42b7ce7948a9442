"""Mapping sets are a synced table: they travel in packages and the handover archive, two
laptops keeping the same set hold one row, two editions kept apart are one conflict, and a
stranger's mapping row is refused unless it keeps the bounds of `mapping import`."""

from __future__ import annotations

import json
import lzma
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from tests.sync.conftest import file_hash
from tests.sync.test_hostile import forge

from assessor.domain.errors import BadInput
from assessor.domain.mapping import MAX_LINKS, MappingLink, MappingSet, links_from_plain
from assessor.services import answers, assessments, conflict_view
from assessor.services import sync as sync_service
from assessor.services.agencies import create_agency
from assessor.services.archive import export_archive, import_archive
from assessor.services.checklists import import_checklist, question_row_id
from assessor.services.mappings import (
    import_mappings,
    keep_mapping,
    list_mappings,
    read_assessment_as,
)
from assessor.services.setup import init_database
from assessor.store.db import Database
from assessor.store.digest import digest

SAMPLES = Path(__file__).parents[1] / "samples" / "ciso"
MAP_ID = "mapping-nist-csf-1.1-nist-csf-2.0"


def sample(name: str) -> bytes:
    return lzma.decompress((SAMPLES / f"{name}.yaml.xz").read_bytes())


@pytest.fixture(scope="module")
def anna(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """Anna's database: CSF 1.1 and 2.0, an assessment on 1.1 and the mapping set kept; and
    a package of all of it."""
    folder = tmp_path_factory.mktemp("anna")
    path = folder / "anna.db"
    with init_database(path) as db:
        with db.transaction() as s:
            old = import_checklist(s, sample("nist-csf-1.1"), "a.yaml").checklist_id
            new = import_checklist(s, sample("nist-csf-2.0"), "b.yaml").checklist_id
            agency = create_agency(s, name="Myndigheten för test")
            one = assessments.create_assessment(
                s, agency, checklist_id=old, assessed_on=date(2026, 11, 1)
            )
            for key, level in {"id.be-2": 4, "id.be-3": 1, "id.be-4": 3, "pr.ip-4": 2}.items():
                answers.set_answer(s, one, question_row_id(old, key), level=level)
            import_mappings(s, sample("map-nist-csf-1.1-nist-csf-2.0"), "map.yaml")
        sync_service.export_package(db, folder / "anna.pkg")
    return path, {"assessment": one, "new": new, "package": str(folder / "anna.pkg")}


def _reading(db: Database, ids: dict[str, str]) -> object:
    with db.read() as s:
        return read_assessment_as(s, ids["assessment"], MAP_ID, ids["new"]).reading


def test_a_colleague_reads_the_assessment_through_the_same_mapping(
    anna: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    path, ids = anna
    bo = tmp_path / "bo.db"
    init_database(bo).close()
    with Database(bo) as b:
        result = sync_service.import_package(b, Path(ids["package"]))
        assert result["tables"]["mapping_set"]["added"] == 1
        with Database.reader(path) as a:
            assert _reading(b, ids) == _reading(a, ids)
            with a.read() as s1, b.read() as s2:
                assert [m.id for m in list_mappings(s2)] == [MAP_ID]
                assert list_mappings(s1) == list_mappings(s2)
                assert digest(s1) == digest(s2)
        # the same set kept again here writes nothing; the package again changes nothing
        with b.transaction() as s:
            assert not import_mappings(s, sample("map-nist-csf-1.1-nist-csf-2.0"), "m")[0].added
        before = file_hash(bo)
        assert sync_service.import_package(b, Path(ids["package"]))["changed_database"] is False
    assert file_hash(bo) == before


def test_a_set_removed_on_one_laptop_is_removed_on_the_colleagues(
    anna: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    from assessor.services.mappings import delete_mapping, mapping_rows

    path, ids = anna
    mine = tmp_path / "anna.db"
    shutil.copyfile(path, mine)  # the module's Anna stays as she was for the other tests
    bo = tmp_path / "bo.db"
    init_database(bo).close()
    with Database(mine) as a, Database(bo) as b:
        sync_service.import_package(b, Path(ids["package"]))
        with a.transaction() as s:
            delete_mapping(s, mapping_rows(s)[0].id)
        sync_service.export_package(a, tmp_path / "removed.pkg")
        result = sync_service.import_package(b, tmp_path / "removed.pkg")
        assert result["tables"]["mapping_set"]["deleted"] == 1
        with a.read() as s1, b.read() as s2:
            assert list_mappings(s2) == [] and mapping_rows(s2) == []
            assert digest(s1) == digest(s2)
        # kept again (here by Bo), it comes back on Anna's laptop as well
        with b.transaction() as s:
            assert import_mappings(s, sample("map-nist-csf-1.1-nist-csf-2.0"), "m")[0].added
        sync_service.export_package(b, tmp_path / "back.pkg")
        sync_service.import_package(a, tmp_path / "back.pkg")
        with a.read() as s:
            assert [m.id for m in list_mappings(s)] == [MAP_ID]


def _edition(links: int) -> MappingSet:
    link = MappingLink(
        "urn:intuitem:risk:req_node:nist-csf-1.1:id.be-2",
        "urn:intuitem:risk:req_node:nist-csf-2.0:gv.oc-01",
        "equal",
    )
    return MappingSet(
        MAP_ID,
        f"edition with {links} links",
        "urn:intuitem:risk:framework:nist-csf-1.1",
        "urn:intuitem:risk:framework:nist-csf-2.0",
        (link,) * links,
    )


def two_laptops(folder: Path) -> tuple[Path, Path]:
    """Anna's and Bo's databases: one file copied, so they share their start."""
    anna, bo = folder / "anna.db", folder / "bo.db"
    init_database(anna).close()
    shutil.copyfile(anna, bo)
    return anna, bo


def exchange(a: Database, b: Database, folder: Path, tag: str = "") -> None:
    """Each laptop's package imported on the other's."""
    for src, dst, name in ((a, b, f"a{tag}.pkg"), (b, a, f"b{tag}.pkg")):
        sync_service.export_package(src, folder / name)
        sync_service.import_package(dst, folder / name)


def test_kept_on_two_laptops_it_is_one_row_and_two_editions_are_one_conflict(
    tmp_path: Path,
) -> None:
    anna, bo = two_laptops(tmp_path)
    with Database(anna) as a, Database(bo) as b:
        for db in (a, b):  # the same set, kept apart: one row, nothing to settle
            with db.transaction() as s:
                assert keep_mapping(s, _edition(1))
        exchange(a, b, tmp_path)
        with a.read() as s:
            assert sync_service.list_conflicts(s) == []
            assert len(list_mappings(s)) == 1
        # a newer edition on each laptop, apart: one conflict on the whole edition
        for db, links in ((a, 2), (b, 3)):
            with db.transaction() as s:
                assert keep_mapping(s, _edition(links))
        exchange(a, b, tmp_path, "2")
        with a.read() as s1, b.read() as s2:
            assert digest(s1) == digest(s2)
            (line,) = conflict_view.describe(s1, "sv")
            assert (line.thing, line.field) == ("Mappning", "Utgåva")
            assert {line.current, line.other} == {
                "2 kopplingar: edition with 2 links",
                "3 kopplingar: edition with 3 links",
            }
            (mapping,) = list_mappings(s2)
            assert len(mapping.links) in (2, 3)
        # settled on one laptop like any conflict, the other follows
        with a.transaction() as s:
            sync_service.resolve_conflict(s, line.id, "other")
        sync_service.export_package(a, tmp_path / "a3.pkg")
        sync_service.import_package(b, tmp_path / "a3.pkg")
        with a.read() as s1, b.read() as s2:
            assert sync_service.list_conflicts(s1) == sync_service.list_conflicts(s2) == []
            assert list_mappings(s1) == list_mappings(s2)
            assert len(list_mappings(s1)[0].links) == int(line.other[0])


def _archive(path: Path, out: Path) -> str:
    """The handover archive of the database at ``path`` written to ``out``; the digest of
    what it holds."""
    with Database.reader(path) as db, db.read() as s:
        export_archive(s, out)
        return digest(s)


def _edit_manifest(out: Path, change: Callable[[dict[str, Any]], object]) -> None:
    """Change an archive's manifest as someone editing the files by hand would."""
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    change(manifest)
    (out / "manifest.json").write_text(json.dumps(manifest), "utf-8")


def test_the_archive_carries_the_mapping_sets_and_an_older_archive_still_imports(
    anna: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    path, ids = anna
    out = tmp_path / "archive"
    before = _archive(path, out)
    rows = json.loads((out / "json" / "mapping_set.json").read_text("utf-8"))["rows"]
    assert [r["key"] for r in rows] == [MAP_ID] and rows[0]["links"]["version"] == "1"
    assert len(links_from_plain(rows[0]["links"])) == 185
    with Database(tmp_path / "new.db", create=True) as new:
        with new.transaction() as s:
            assert import_archive(s, out)["mapping_set"] == 1
        with new.read() as s:
            assert digest(s) == before
        with Database.reader(path) as old:
            assert _reading(new, ids) == _reading(old, ids)

    # an archive of the version before (schema 0005) has no mapping sets at all
    def as_0005(manifest: dict[str, Any]) -> None:
        for name in ("json/mapping_set.json", "csv/mapping_set.csv"):
            (out / name).unlink()
            del manifest["files"][name]
        del manifest["counts"]["mapping_set"], manifest["tables"]["mapping_set"]
        manifest["schema_revision"] = "0005"

    _edit_manifest(out, as_0005)
    with Database(tmp_path / "older.db", create=True) as older, older.transaction() as s:
        counts = import_archive(s, out)
    assert counts["mapping_set"] == 0 and counts["checklist"] >= 2


def test_a_hostile_mapping_row_in_an_archive_is_refused(
    anna: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    import hashlib

    path, _ids = anna
    out = tmp_path / "archive"
    _archive(path, out)
    table = out / "json" / "mapping_set.json"
    doc = json.loads(table.read_text("utf-8"))
    doc["rows"][0]["links"]["links"][0][2] = "cousin"
    table.write_text(json.dumps(doc), "utf-8")
    checksum = {"json/mapping_set.json": hashlib.sha256(table.read_bytes()).hexdigest()}
    _edit_manifest(out, lambda manifest: manifest["files"].update(checksum))
    with Database(tmp_path / "new.db", create=True) as new:
        with pytest.raises(BadInput) as info, new.transaction() as s:
            import_archive(s, out)
        assert str(info.value) == (
            "json/mapping_set.json: a mapping set's link is not two short urns and a known "
            "relationship"
        )


LINK = '["urn:a", "urn:b", "equal"]'


@pytest.mark.parametrize(
    ("sql", "why"),
    [
        (f"UPDATE mapping_set SET links = '[{LINK[:-8]}\"cousin\"]]'", "known relationship"),
        (
            f"UPDATE mapping_set SET links = '[{', '.join([LINK] * (MAX_LINKS + 1))}]'",
            "more links than a mapping set may have",
        ),
        ("UPDATE mapping_set SET links = '[]'", "has no links"),
        ("UPDATE mapping_set SET links = '{\"a\": 1}'", "edition is not its links and a"),
        (
            f'UPDATE mapping_set SET links = \'{{"version": "1.x", "links": [{LINK}]}}\'',
            "edition is not its links and a version",
        ),
        (
            f"UPDATE mapping_set SET links = "
            f'\'{{"version": "2", "links": [{LINK[:-8]}"cousin"]]}}\'',
            "known relationship",
        ),
        ('UPDATE mapping_set SET links = \'{"version": "2", "links": []}\'', "has no links"),
        ("UPDATE mapping_set SET name = 'x' || char(10) || 'y'", "control characters"),
        ("UPDATE mapping_set SET name = printf('%.1001c', 'x')", "too long"),
        ("UPDATE mapping_set SET source_framework = printf('%.501c', 'u')", "short urn"),
        ("UPDATE mapping_set SET key = '../../etc'", "id is not one a mapping file may have"),
        ("UPDATE mapping_set SET key = 'another-set'", "row id does not follow from its id"),
    ],
)
def test_a_hostile_mapping_row_is_refused_in_one_line(
    anna: tuple[Path, dict[str, str]], tmp_path: Path, sql: str, why: str
) -> None:
    _path, ids = anna
    bad = forge(Path(ids["package"]), tmp_path / "bad.pkg", lambda con: con.execute(sql))
    local = tmp_path / "local.db"
    init_database(local).close()
    before = file_hash(local)
    with Database(local) as db, pytest.raises(BadInput) as info:
        sync_service.import_package(db, bad)
    message = str(info.value)
    assert "\n" not in message and why in message, message
    assert message.startswith("not a usable sync package: a mapping set")
    assert file_hash(local) == before


OTHER_SET = MappingSet(
    "other-set", "Ö", "urn:x", "urn:y", (MappingLink("urn:x:1", "urn:y:1", "intersect"),)
)


def _old_file(folder: Path, mapping: MappingSet) -> Path:
    """A mapping set as the version before kept it: a JSON file in the data folder."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{mapping.id}.json"
    data = {
        "id": mapping.id,
        "name": mapping.name,
        "source_framework": mapping.source_framework,
        "target_framework": mapping.target_framework,
        "links": [[k.source, k.target, k.relationship] for k in mapping.links],
    }
    path.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), "utf-8")
    return path


def test_upgrading_a_0005_database_moves_the_kept_files_into_the_table(tmp_path: Path) -> None:
    """Nothing an advisor kept before is lost: the files' sets become rows (stamped, so they
    travel), the files stay as they were, and one that cannot be read is left alone."""
    import gzip
    import os

    from assessor.paths import data_dir
    from assessor.store.db import current_revision
    from assessor.store.migrate import upgrade

    path = tmp_path / "bo.db"
    fixture = Path(__file__).parent / "fixtures" / "bo-0004.db.gz"
    with gzip.open(fixture) as src, path.open("wb") as dst:
        shutil.copyfileobj(src, dst)
    upgrade(path, "0005")  # the database as the version before left it
    assert current_revision(path) == "0005"
    folder = data_dir() / "mappings"
    files = [
        _old_file(folder, _edition(2)),
        _old_file(folder, OTHER_SET),
    ]
    (folder / "damaged.json").write_text("{not json", "utf-8")
    strange = _edition(1)
    _old_file(
        folder,
        MappingSet(
            "strange",
            "S",
            strange.source_framework,
            strange.target_framework,
            (MappingLink("urn:a", "urn:b", "cousin"),),
        ),
    )
    kept = {p.name: p.read_bytes() for p in folder.iterdir()}
    copy = tmp_path / "copy.db"
    shutil.copyfile(path, copy)
    # a read-only command reads them from a migrated private copy, the file left as it is
    before = file_hash(copy)
    with Database.reader(copy) as reader, reader.read() as s:
        assert [m.id for m in list_mappings(s)] == [MAP_ID, "other-set"]
    assert file_hash(copy) == before
    with Database(path) as db:
        assert db.backup_path is not None
        with db.read() as s:
            found = list_mappings(s)
            assert found == [_edition(2), OTHER_SET]
            stamped = (
                s.connection()
                .exec_driver_sql("SELECT count(*) FROM sync_row WHERE table_name = 'mapping_set'")
                .scalar()
            )
            assert stamped == 2
        sync_service.export_package(db, tmp_path / "bo.pkg")
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == kept
    for p in files:
        os.remove(p)  # a colleague's laptop has no such files: the sets come in the package
    other = tmp_path / "cy.db"
    init_database(other).close()
    with Database(other) as cy:
        sync_service.import_package(cy, tmp_path / "bo.pkg")
        with cy.read() as s:
            assert list_mappings(s) == found
