from __future__ import annotations

from pathlib import Path

import pytest

from assessor.cli.main import main


def test_demo_then_mutate_then_refuse(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "demo.db")
    assert main(["demo", "--db", db, "--agencies", "2", "--seed", "4"]) == 0
    assert "2 agencies" in capsys.readouterr().out
    assert main(["db", "digest", "--db", db]) == 0
    before = capsys.readouterr().out.strip()
    assert main(["demo", "--db", db, "--agencies", "2"]) == 2
    err = capsys.readouterr().err
    assert "already holds data" in err and "Traceback" not in err
    assert main(["demo", "--db", db, "--mutate", "10", "--seed", "4"]) == 0
    assert "applied 10 edits" in capsys.readouterr().out
    assert main(["db", "digest", "--db", db]) == 0
    assert capsys.readouterr().out.strip() != before
    assert main(["db", "check", "--db", db]) == 0


def test_demo_on_an_initialised_empty_database(tmp_path: Path) -> None:
    db = str(tmp_path / "empty.db")
    assert main(["db", "init", "--db", db]) == 0
    assert main(["demo", "--db", db, "--agencies", "1"]) == 0


@pytest.mark.parametrize("args", [["--agencies", "0"], ["--mutate", "-1"]])
def test_bad_numbers_exit_2(
    tmp_path: Path, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--db", str(tmp_path / "x.db"), *args]) == 2
    assert capsys.readouterr().err.startswith("assessor: ")


def test_mutate_needs_an_existing_file(tmp_path: Path) -> None:
    assert main(["demo", "--db", str(tmp_path / "missing.db"), "--mutate", "3"]) == 2
