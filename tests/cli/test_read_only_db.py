"""A command that only reads never creates or writes a database, whatever --db names."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from assessor.cli.main import main
from assessor.store import schema
from assessor.store.db import Database

# every command that takes --db and is not meant to create one (db init and demo are)
COMMANDS: list[list[str]] = [
    ["list", "agencies"],
    ["list", "assessments", "--json"],
    ["db", "check"],
    ["db", "digest"],
    ["checklist", "list"],
    ["portfolio"],
    ["portfolio", "--json"],
    ["sync", "conflicts"],
    ["sync", "duplicates"],
    ["export", "xlsx", "--out", "{tmp}/out.xlsx"],
    ["export", "csv", "--out", "{tmp}/csv"],
    ["export", "archive", "--out", "{tmp}/archive"],
    ["report", "--assessment", "x", "--out", "{tmp}/r.pdf"],
    ["checklist", "import", "{checklist}"],
    ["sync", "export", "--out", "{tmp}/p.assessor"],
    ["demo", "--mutate", "1"],
]


def _foreign(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE photo (name TEXT)")
    con.execute("INSERT INTO photo VALUES ('sommar.jpg')")
    con.commit()
    con.close()


def _empty_sqlite(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("PRAGMA user_version=0")
    con.execute("VACUUM")  # a valid SQLite header and no tables
    con.close()


FILES = {
    "zero-byte": lambda p: p.write_bytes(b""),
    "foreign-sqlite": _foreign,
    "empty-sqlite": _empty_sqlite,
    "text": lambda p: p.write_text("Möte med myndigheten\n" * 40, encoding="utf-8"),
}


def _args(command: list[str], tmp: Path) -> list[str]:
    checklist = Path(__file__).parents[2] / "resources" / "checklists"
    first = sorted(checklist.glob("*.yaml"))[0]
    return [a.replace("{tmp}", str(tmp)).replace("{checklist}", str(first)) for a in command]


@pytest.mark.parametrize("kind", sorted(FILES))
def test_a_file_that_is_not_ours_is_refused_with_2_and_left_byte_identical(
    tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "given.db"
    FILES[kind](target)
    before = target.read_bytes()
    for command in COMMANDS:
        code = main([*_args(command, tmp_path), "--db", str(target)])
        err = capsys.readouterr().err.strip().splitlines()
        assert code == 2, (command, err)
        assert len(err) == 1 and str(target) in err[0], (command, err)
        assert target.read_bytes() == before, command
    # nothing was made beside it either: no lock, WAL, journal or backup
    assert sorted(p.name for p in tmp_path.iterdir()) == ["given.db"]


def test_a_missing_file_is_an_error_and_no_database_is_made(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "nope.db"
    for command in COMMANDS:
        code = main([*_args(command, tmp_path), "--db", str(target)])
        err = capsys.readouterr().err
        assert code == 2, command
        assert "no database at" in err, (command, err)
    assert list(tmp_path.iterdir()) == []


def test_an_older_database_is_read_without_being_upgraded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Reading an older file migrates a private copy; the user's file keeps its schema."""
    import gzip

    # written by the release of schema 0002 (row clocks cannot be downgraded to its stamps)
    db = tmp_path / "old.db"
    fixture = Path(__file__).parents[1] / "sync" / "fixtures" / "bo-0002.db.gz"
    db.write_bytes(gzip.decompress(fixture.read_bytes()))
    assert schema.REVISIONS.index("0002") < len(schema.REVISIONS) - 1
    before = db.read_bytes()
    capsys.readouterr()
    for args in (["list", "agencies", "--json"], ["db", "digest"], ["checklist", "list"]):
        assert main([*args, "--db", str(db)]) == 0, args
        assert capsys.readouterr().out
    assert db.read_bytes() == before
    # a writer still upgrades it, as before
    with Database(db) as opened:
        assert opened.backup_path is not None
