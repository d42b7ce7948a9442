"""User mistakes found in the second QA pass: one line on stderr, no traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assessor.cli.main import main


def test_a_folder_as_passphrase_file_is_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "a.db"
    assert main(["db", "init", "--db", str(db)]) == 0
    folder = tmp_path / "secrets"
    folder.mkdir()
    out = tmp_path / "p.pkg"
    args = ["sync", "export", "--db", str(db), "--out", str(out), "--passphrase-file", str(folder)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "is a folder" in err
    assert len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_conflicts_and_duplicates_read_while_the_file_is_open(tmp_path: Path) -> None:
    from assessor.store.db import Database

    db = tmp_path / "a.db"
    assert main(["db", "init", "--db", str(db)]) == 0
    with Database(db):
        results = [
            subprocess.run(
                [sys.executable, "-m", "assessor", "sync", action, "--db", str(db), "--json"],
                capture_output=True,
                text=True,
            )
            for action in ("conflicts", "duplicates")
        ]
    for result in results:
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout) == []


@pytest.mark.parametrize("target", ["database", "stranger"])
def test_sync_export_never_overwrites_the_database_or_a_stranger_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], target: str
) -> None:
    db = tmp_path / "a.db"
    assert main(["demo", "--db", str(db), "--agencies", "1"]) == 0
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes")
    out = db if target == "database" else notes
    before = out.read_bytes()
    capsys.readouterr()
    assert main(["sync", "export", "--db", str(db), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert out.read_bytes() == before
    assert main(["list", "agencies", "--db", str(db)]) == 0


def test_sync_export_replaces_an_earlier_package(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    assert main(["db", "init", "--db", str(db)]) == 0
    out = tmp_path / "p.pkg"
    assert main(["sync", "export", "--db", str(db), "--out", str(out)]) == 0
    assert main(["sync", "export", "--db", str(db), "--out", str(out)]) == 0


SHIPPED = Path(__file__).parents[2] / "resources" / "checklists" / "digital-maturity.yaml"


def test_checklist_validate_names_a_tab_and_accepts_a_bom(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = SHIPPED.read_text(encoding="utf-8")
    bom = tmp_path / "bom.yaml"
    bom.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert main(["checklist", "validate", str(bom)]) == 0
    lines = text.splitlines(keepends=True)
    indented = next(i for i, line in enumerate(lines) if line.startswith("  "))
    lines[indented] = "\t" + lines[indented][2:]
    tabs = tmp_path / "tabs.yaml"
    tabs.write_text("".join(lines), encoding="utf-8")
    capsys.readouterr()
    assert main(["checklist", "validate", str(tabs)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith(f"{tabs}:{indented + 1}:")
    assert "tab character" in err[0]


def test_another_programs_sqlite_file_is_refused_and_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    other = tmp_path / "photos.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE photo (name TEXT)")
    con.commit()
    con.close()
    before = other.read_bytes()
    for args in (["list", "agencies"], ["db", "check"], ["demo", "--mutate", "1"]):
        assert main([*args, "--db", str(other)]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "not an Assessor database" in err[0]
    assert other.read_bytes() == before


def test_csv_export_replaces_its_own_files_but_not_a_users_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "a.db"
    assert main(["demo", "--db", str(db), "--agencies", "1"]) == 0
    folder = tmp_path / "csv"
    assert main(["export", "csv", "--db", str(db), "--out", str(folder)]) == 0
    assert main(["export", "csv", "--db", str(db), "--out", str(folder)]) == 0
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "answers.csv").write_text("my own answers\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["export", "csv", "--db", str(db), "--out", str(mine)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "not an earlier export" in err[0]
    assert [p.name for p in mine.iterdir()] == ["answers.csv"]
    assert (mine / "answers.csv").read_text(encoding="utf-8") == "my own answers\n"
