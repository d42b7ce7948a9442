"""assessor evidence: attach, list, detach, restore, export; bad input is exit 2."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from tests.services.conftest import insert_checklist

from assessor.cli.main import main
from assessor.services.agencies import create_agency
from assessor.services.assessments import create_assessment
from assessor.services.setup import init_database


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Path, str, str]:
    path = tmp_path / "a.db"
    with init_database(path) as db:
        checklist = insert_checklist(db)
        with db.transaction() as s:
            agency = create_agency(s, name="Kammarkollegiet")
            assessment = create_assessment(
                s, agency, checklist_id=checklist.id, assessed_on=date(2026, 11, 3)
            )
    return path, assessment, checklist.all_questions[0]


def test_attach_list_detach_restore_export(
    setup: tuple[Path, str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, assessment, question = setup
    for name, secret in (("plan.txt", False), ("hemlig.txt", True)):
        (tmp_path / name).write_text(name)
        args = [
            "evidence",
            "attach",
            "--db",
            str(db),
            str(tmp_path / name),
            "--answer",
            assessment,
            question,
            "--json",
        ] + (["--confidential"] if secret else [])
        assert main(args) == 0
    capsys.readouterr()
    assert main(["evidence", "list", "--db", str(db), "--assessment", assessment, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert sorted(r["file_name"] for r in rows) == ["hemlig.txt", "plan.txt"]
    assert main(["evidence", "export", "--db", str(db), "--out", str(tmp_path / "out")]) == 0
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["plan.txt"]
    plan = next(r["id"] for r in rows if r["file_name"] == "plan.txt")
    assert main(["evidence", "detach", "--db", str(db), plan]) == 0
    capsys.readouterr()
    assert main(["evidence", "list", "--db", str(db), "--json"]) == 0
    assert [r["file_name"] for r in json.loads(capsys.readouterr().out)] == ["hemlig.txt"]
    assert main(["evidence", "restore", "--db", str(db), plan]) == 0


@pytest.mark.parametrize("problem", ["missing", "folder", "target", "answer"])
def test_bad_input_is_one_line_and_exit_2(
    setup: tuple[Path, str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str], problem: str
) -> None:
    db, assessment, question = setup
    (tmp_path / "f.txt").write_text("x")
    file = {"missing": tmp_path / "nope.txt", "folder": tmp_path}.get(problem, tmp_path / "f.txt")
    target = ["--answer", assessment, question]
    if problem == "target":
        target = ["--to", "agency", assessment]
    if problem == "answer":
        target = ["--answer", assessment, assessment]
    assert main(["evidence", "attach", "--db", str(db), str(file), *target]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("assessor: ")
