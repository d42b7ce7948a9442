from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from assessor import __version__
from assessor.cli.main import main


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"assessor {__version__}"


def test_init_list_check_digest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "a.db"
    assert main(["db", "init", "--db", str(db)]) == 0
    assert main(["list", "agencies", "--db", str(db), "--json"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out[out.index("[") :]) == []
    assert main(["db", "check", "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["db", "digest", "--db", str(db)]) == 0
    first = capsys.readouterr().out.strip()
    assert len(first) == 64
    other = tmp_path / "b.db"
    assert main(["db", "init", "--db", str(other)]) == 0
    capsys.readouterr()
    assert main(["db", "digest", "--db", str(other)]) == 0
    assert capsys.readouterr().out.strip() == first


def test_init_refuses_an_existing_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "a.db"
    assert main(["db", "init", "--db", str(db)]) == 0
    before = db.read_bytes()
    assert main(["db", "init", "--db", str(db)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert db.read_bytes() == before


@pytest.mark.parametrize(
    ("setup", "message", "code"),
    [
        ("missing", "no database at", 2),
        ("junk", "not an Assessor database", 2),
        ("newer", "newer version of Assessor", 2),
        ("folder", "is a folder", 2),
    ],
)
def test_user_mistakes_get_one_line_and_no_traceback(
    tmp_path: Path, setup: str, message: str, code: int
) -> None:
    db = tmp_path / "x.db"
    if setup == "junk":
        db.write_bytes(b"hello, not a database" * 50)
    elif setup == "newer":
        assert main(["db", "init", "--db", str(db)]) == 0
        con = sqlite3.connect(db)
        con.execute("UPDATE alembic_version SET version_num='9999'")
        con.commit()
        con.close()
    elif setup == "folder":
        db.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "assessor", "list", "agencies", "--db", str(db)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == code
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_bad_arguments_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["list", "nothing"])
    assert info.value.code == 2


def test_writers_are_refused_while_the_file_is_open_but_readers_are_not(
    tmp_path: Path,
) -> None:
    from assessor.store.db import Database

    db = tmp_path / "a.db"
    assert main(["db", "init", "--db", str(db)]) == 0
    with Database(db):
        writer = subprocess.run(
            [sys.executable, "-m", "assessor", "demo", "--db", str(db), "--mutate", "1"],
            capture_output=True,
            text=True,
        )
        reader = subprocess.run(
            [sys.executable, "-m", "assessor", "list", "agencies", "--db", str(db), "--json"],
            capture_output=True,
            text=True,
        )
    assert writer.returncode == 2
    assert "already open" in writer.stderr
    assert reader.returncode == 0, reader.stderr
    assert json.loads(reader.stdout) == []


def test_output_over_a_missing_folder_names_the_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "a.db"
    assert main(["db", "init", "--db", str(db)]) == 0
    out = tmp_path / "nowhere" / "x.xlsx"
    assert main(["export", "xlsx", "--db", str(db), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"no such folder: {out.parent}" in err
    assert main(["db", "init", "--db", str(tmp_path / "no" / "new.db")]) == 2
    assert "no such folder" in capsys.readouterr().err
    assert not (tmp_path / "no").exists()


def test_exports_never_overwrite_the_database_or_a_stranger_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "a.db"
    assert main(["db", "init", "--db", str(db)]) == 0
    before = db.read_bytes()
    for args in (["export", "xlsx", "--db", str(db), "--out", str(tmp_path / "a.xlsx")],):
        (tmp_path / "a.xlsx").write_text("my own notes")
        assert main(args) == 2
        assert "not a spreadsheet" in capsys.readouterr().err
        assert (tmp_path / "a.xlsx").read_text() == "my own notes"
    assert main(["export", "csv", "--db", str(db), "--out", str(tmp_path / "a.xlsx")]) == 2
    assert main(["export", "archive", "--db", str(db), "--out", str(db)]) == 2
    assert "is a file" in capsys.readouterr().err
    assert db.read_bytes() == before


def test_db_check_on_random_bytes_is_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "random.db"
    db.write_bytes(bytes(range(256)) * 16)
    before = db.read_bytes()
    assert main(["db", "check", "--db", str(db)]) == 2
    assert "not an Assessor database (not an SQLite file)" in capsys.readouterr().err
    assert db.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        (["--lang", "sv"], {}, "är inte en Assessor-databas (inte en SQLite-fil)"),
        (["--lang", "en"], {"LANG": "sv_SE.UTF-8"}, "is not an Assessor database"),
        ([], {"LANG": "sv_SE.UTF-8"}, "är inte en Assessor-databas"),
        ([], {"LANG": "C.UTF-8"}, "is not an Assessor database"),
    ],
)
def test_messages_follow_lang_else_the_system_locale(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    env: dict[str, str],
    expected: str,
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    db = tmp_path / "random.db"
    db.write_bytes(bytes(range(256)) * 16)
    assert main([*args, "db", "check", "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert expected in err and len(err.strip().splitlines()) == 1


def test_db_before_the_command_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # the action's own --db once defaulted to None and hid the one given before the command,
    # so `assessor --db FILE list agencies` looked for the default database
    db, other = tmp_path / "a.db", tmp_path / "b.db"
    assert main(["--db", str(db), "db", "init"]) == 0
    assert db.exists()
    capsys.readouterr()
    assert main(["--db", str(db), "list", "agencies", "--json"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out[out.index("[") :]) == []
    # given both, the one after the command wins
    assert main(["--db", str(db), "db", "init", "--db", str(other)]) == 0
    assert other.exists()
