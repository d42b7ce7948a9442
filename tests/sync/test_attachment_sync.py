"""Evidence files between laptops: rows merge like any other, contents travel only to a peer
that lacks them, a tampered content is refused whole, a package can leave contents out."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import zipfile
from datetime import date
from pathlib import Path

import pytest
from tests.services.conftest import insert_checklist
from tests.sync.conftest import file_hash

from assessor.domain.errors import BadInput
from assessor.services import attachments as att
from assessor.services import sync as sync_service
from assessor.services.agencies import create_agency
from assessor.services.assessments import create_assessment
from assessor.services.setup import init_database
from assessor.store.db import Database
from assessor.store.digest import digest
from assessor.sync.errors import PackageRefused


def _laptops(tmp_path: Path, n: int) -> tuple[list[Path], str, tuple[str, ...]]:
    first = tmp_path / "l0.db"
    with init_database(first) as db:
        checklist = insert_checklist(db)
        with db.transaction() as s:
            agency = create_agency(s, name="Lantmäteriet")
            assessment = create_assessment(
                s, agency, checklist_id=checklist.id, assessed_on=date(2026, 11, 3)
            )
    paths = [first]
    for i in range(1, n):
        paths.append(tmp_path / f"l{i}.db")
        shutil.copyfile(first, paths[-1])  # a copy: it takes a site id of its own when opened
    return paths, assessment, checklist.all_questions


def _attach(path: Path, assessment: str, question: str, data: bytes, name: str) -> str:
    with Database(path) as db, db.transaction() as s:
        return att.attach_to_answer(s, assessment, question, data, file_name=name).id


def _export(
    path: Path, out: Path, for_peer: Path | None = None, with_contents: bool = True
) -> dict[str, int]:
    peer = None
    if for_peer is not None:
        with Database(for_peer) as other, other.read() as s:
            peer = sync_service.site_id(s)
    with Database(path) as db:
        manifest = sync_service.export_package(db, out, for_peer=peer, with_contents=with_contents)
    return dict(manifest["counts"])


def _import(path: Path, package: Path) -> None:
    with Database(path) as db:
        sync_service.import_package(db, package)


def _contents(path: Path) -> set[str]:
    con = sqlite3.connect(path)
    try:
        return {r[0] for r in con.execute("SELECT sha256 FROM file_content")}
    finally:
        con.close()


def _digest(path: Path) -> str:
    with Database(path) as db, db.read() as s:
        return digest(s)


def test_three_laptops_exchange_only_the_contents_each_lacks(tmp_path: Path) -> None:
    (a, b, c), assessment, qs = _laptops(tmp_path, 3)
    big = [os.urandom(200_000) for _ in range(3)]
    _attach(a, assessment, qs[0], big[0], "strategi.pdf")
    # everyone says hello with a full package, so each knows what the others have seen
    for src in (a, b, c):
        _export(src, tmp_path / "hello.pkg")
        for dst in (a, b, c):
            if dst != src:
                _import(dst, tmp_path / "hello.pkg")
    assert _contents(b) == _contents(c) == _contents(a)

    _attach(b, assessment, qs[1], big[1], "diagram.png")
    _attach(b, assessment, qs[2], big[0], "strategi-igen.pdf")  # known content: no new copy
    counts = _export(b, tmp_path / "b-to-a.pkg", for_peer=a)
    assert counts["file_content"] == 1 and counts["attachment"] == 2
    assert (tmp_path / "b-to-a.pkg").stat().st_size < 260_000  # one content, not two
    _import(a, tmp_path / "b-to-a.pkg")

    counts = _export(a, tmp_path / "a-to-c.pkg", for_peer=c)
    assert counts["file_content"] == 1  # B's diagram: C has the strategy already
    _import(c, tmp_path / "a-to-c.pkg")
    _attach(c, assessment, qs[3], big[2], "whiteboard.jpg")
    counts = _export(c, tmp_path / "c-to-a.pkg", for_peer=a)
    assert counts["file_content"] == 1  # only C's own photo: A has B's already
    _import(a, tmp_path / "c-to-a.pkg")
    _export(a, tmp_path / "a-all.pkg")
    for other in (b, c):
        _import(other, tmp_path / "a-all.pkg")
    assert _digest(a) == _digest(b) == _digest(c)
    assert len(_contents(a)) == 3
    with Database(b) as db, db.read() as s:
        by_question = att.for_assessment(s, assessment)
        assert all(r.has_content for rows in by_question.values() for r in rows)
        assert att.read_content(s, by_question[qs[3]][0].sha256) == big[2]


def _rewrite(package: Path, out: Path, change: str, *params: object) -> None:
    """Unpack, change the state with SQL, and pack again with a manifest that matches."""
    work = out.parent / "rewrite"
    work.mkdir()
    with zipfile.ZipFile(package) as zf:
        zf.extractall(work)
    con = sqlite3.connect(work / "state.sqlite")
    con.execute(change, params)
    con.commit()
    con.close()
    state = (work / "state.sqlite").read_bytes()
    manifest = json.loads((work / "manifest.json").read_text())
    import hashlib

    manifest["sha256"] = hashlib.sha256(state).hexdigest()
    manifest["size"] = len(state)
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
        zf.writestr("state.sqlite", state)
    shutil.rmtree(work)


@pytest.mark.parametrize(
    "change",
    [
        # one byte of the content changed, its hash left
        "UPDATE file_content SET content = CAST('X' || substr(content, 2) AS BLOB)",
        # the content and its hash changed together: the id no longer matches
        "UPDATE file_content SET content = CAST('other' AS BLOB), size = 5, "
        "sha256 = '" + __import__("hashlib").sha256(b"other").hexdigest() + "'",
        "UPDATE file_content SET size = size + 1",
        "UPDATE file_content SET deleted_at = '2026-01-01 00:00:00.000000'",
        "UPDATE file_content SET content = CAST(content AS TEXT)",
        "UPDATE file_content SET sha256 = upper(sha256)",
        "UPDATE attachment SET target_table = 'agency'",
        "UPDATE attachment SET target_id = '../../x'",
        "UPDATE sync_row SET clock = '[[179604032073000000,1,1]]' "
        "WHERE table_name = 'file_content'",
    ],
    ids=[
        "flipped-byte",
        "rehashed",
        "size",
        "deleted",
        "as-text",
        "upper-hash",
        "target",
        "target-id",
        "partial-write",
    ],
)
def test_a_tampered_content_is_refused_and_nothing_is_stored(tmp_path: Path, change: str) -> None:
    (a, b), assessment, qs = _laptops(tmp_path, 2)
    _attach(a, assessment, qs[0], b"the agency's strategy " * 100, "strategi.txt")
    _export(a, tmp_path / "good.pkg")
    _rewrite(tmp_path / "good.pkg", tmp_path / "bad.pkg", change)
    Database(b).close()
    before = file_hash(b)
    with Database(b) as db, pytest.raises(PackageRefused):
        sync_service.import_package(db, tmp_path / "bad.pkg")
    assert file_hash(b) == before
    _import(b, tmp_path / "good.pkg")  # the untouched package is fine
    assert len(_contents(b)) == 1


def test_a_full_package_without_contents_and_a_later_delta_with_them(tmp_path: Path) -> None:
    (a, b), assessment, qs = _laptops(tmp_path, 2)
    _attach(a, assessment, qs[0], b"photo bytes", "foto.jpg")
    counts = _export(a, tmp_path / "light.pkg", with_contents=False)
    assert counts["file_content"] == 0 and counts["attachment"] == 1
    _import(b, tmp_path / "light.pkg")
    with Database(b) as db, db.read() as s:
        [row] = att.for_assessment(s, assessment)[qs[0]]
        assert not row.has_content and att.read_content(s, row.sha256) is None
    # B tells A what it has seen; A's delta for B still carries the content B lacks
    _export(b, tmp_path / "b.pkg")
    _import(a, tmp_path / "b.pkg")
    counts = _export(a, tmp_path / "a-delta.pkg", for_peer=b)
    assert counts["file_content"] == 1
    _import(b, tmp_path / "a-delta.pkg")
    with Database(b) as db, db.read() as s:
        assert att.read_content(s, row.sha256) == b"photo bytes"


def test_a_package_over_the_size_cap_is_refused_at_export(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assessor.sync import package

    (a,), assessment, qs = _laptops(tmp_path, 1)
    _attach(a, assessment, qs[0], os.urandom(300_000), "big.bin")
    monkeypatch.setattr(package, "MAX_PACKAGE_BYTES", 200_000)
    with Database(a) as db, pytest.raises(BadInput, match="without file contents"):
        sync_service.export_package(db, tmp_path / "x.pkg")
    assert not (tmp_path / "x.pkg").exists()
    _export(a, tmp_path / "x.pkg", with_contents=False)
