from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.sync.duplicate_laptops import two_laptops_same_agency

from assessor.cli.main import main
from assessor.services import agencies
from assessor.store.db import Database
from assessor.store.models import Agency, Assessment, Contact, Meeting


def _json(capsys: pytest.CaptureFixture[str]) -> object:
    return json.loads(capsys.readouterr().out)


def test_duplicates_lists_the_pair_with_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, anna, bo = two_laptops_same_agency(tmp_path)
    capsys.readouterr()
    assert main(["sync", "duplicates", "--db", str(path), "--json"]) == 0
    (pair,) = _json(capsys)  # type: ignore[misc]
    assert pair["reason"] == "org_number" and pair["similarity"] == 1.0
    assert {pair["first"]["id"], pair["second"]["id"]} == {anna, bo}
    assert {pair["first"]["name"], pair["second"]["name"]} == {"Skatteverket", "Skatteverket HK"}
    for side in ("first", "second"):
        assert pair[side]["org_number"] == "202100-5448"
        assert (pair[side]["contacts"], pair[side]["meetings"], pair[side]["assessments"]) == (
            1,
            1,
            1,
        )
    assert main(["sync", "duplicates", "--db", str(path)]) == 0
    text = capsys.readouterr().out
    assert "same organisation number" in text and "Skatteverket HK" in text


def test_similar_names_say_how_similar(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.db"
    assert main(["db", "init", "--db", str(path)]) == 0
    with Database(path) as db, db.transaction() as s:
        agencies.create_agency(s, name="Försäkringskassan")
        agencies.create_agency(s, name="Forsakringskassan.")
        agencies.create_agency(s, name="Kammarkollegiet")
    capsys.readouterr()
    assert main(["sync", "duplicates", "--db", str(path), "--json"]) == 0
    (pair,) = _json(capsys)  # type: ignore[misc]
    assert pair["reason"] == "name" and 0.88 <= pair["similarity"] < 1
    assert main(["sync", "duplicates", "--db", str(path)]) == 0
    assert "similar name (" in capsys.readouterr().out


def test_no_duplicates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.db"
    assert main(["db", "init", "--db", str(path)]) == 0
    capsys.readouterr()
    assert main(["sync", "duplicates", "--db", str(path), "--json"]) == 0
    assert _json(capsys) == []
    assert main(["sync", "duplicates", "--db", str(path)]) == 0
    assert "no likely duplicates" in capsys.readouterr().out


def test_merge_moves_everything_to_keep_and_leaves_a_tombstone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, anna, bo = two_laptops_same_agency(tmp_path)
    capsys.readouterr()
    assert main(["sync", "merge-agencies", "--db", str(path), anna, bo]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"merged {bo} into {anna}: moved ")
    assert "1 assessment" in out and "1 contact" in out and "1 meeting" in out
    with Database(path) as db, db.read() as s:
        other = s.get(Agency, bo)
        assert other is not None and other.deleted_at is not None
        for model in (Contact, Meeting, Assessment):
            assert {r.agency_id for r in s.query(model)} == {anna}
            assert s.query(model).count() == 2
    assert main(["db", "check", "--db", str(path)]) == 0
    capsys.readouterr()
    assert main(["sync", "duplicates", "--db", str(path), "--json"]) == 0
    assert _json(capsys) == []


@pytest.mark.parametrize("which", ["keep", "other", "same"])
def test_bad_ids_are_one_line_exit_2_and_change_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], which: str
) -> None:
    path, anna, bo = two_laptops_same_agency(tmp_path)
    before = path.read_bytes()
    ids = {"keep": ["nope", bo], "other": [anna, "nope"], "same": [anna, anna]}[which]
    capsys.readouterr()
    assert main(["sync", "merge-agencies", "--db", str(path), *ids]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and len(captured.err.strip().splitlines()) == 1
    assert "Traceback" not in captured.err
    assert path.read_bytes() == before
