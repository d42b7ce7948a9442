"""No CSV the program writes turns user text into a formula when a spreadsheet opens it."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest

from assessor.cli.main import main
from assessor.domain.csv_safety import neutral_cell
from assessor.services import agencies, meetings
from assessor.services.archive import export_archive
from assessor.store.db import Database

HOSTILE = ['=HYPERLINK("http://example.invalid","klicka")', "=1+1", "+2+3", "-4+1", "@SUM(1)"]


def test_text_a_spreadsheet_would_evaluate_is_marked_and_nothing_else() -> None:
    assert [neutral_cell(t) for t in HOSTILE] == ["'" + t for t in HOSTILE]
    assert neutral_cell("\tx") == "'\tx"
    assert neutral_cell("Skatteverket") == "Skatteverket"
    assert neutral_cell("a=b") == "a=b"
    assert neutral_cell(-4) == -4 and neutral_cell(2.5) == 2.5 and neutral_cell(True) is True


def _fill(db: Database) -> None:
    with db.transaction() as s:
        for i, text in enumerate(HOSTILE):
            agency = agencies.create_agency(s, name=text, ministry=text)
            meeting = meetings.create_meeting(s, agency, starts_at=datetime(2025, 4, 2 + i, 9))
            meetings.create_action_item(
                s, agency, meeting_id=meeting, title=text, due_on=date(2025, 5, 1)
            )


def _formulas(folder: Path, out: Path) -> dict[str, list[str]]:
    """Every formula LibreOffice makes of the CSV files in ``folder``, by file."""
    files = sorted(str(p) for p in folder.rglob("*.csv"))
    assert files
    profile = out / "profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "fods",
            "--outdir",
            str(out),
            *files,
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    converted = sorted(out.glob("*.fods"))
    if len(converted) != len({Path(f).name for f in files}):
        pytest.skip("LibreOffice cannot open CSV here (libreoffice-calc is not installed)")
    return {p.name: re.findall(r'table:formula="([^"]*)"', p.read_text("utf-8")) for p in converted}


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_finds_no_formula_in_any_csv_export(db: Database, tmp_path: Path) -> None:
    _fill(db)
    with db.read() as s:
        export_archive(s, tmp_path / "archive")
    path = db.path
    db.close()
    assert main(["export", "csv", "--db", str(path), "--out", str(tmp_path / "csv")]) == 0
    exported = tmp_path / "all"
    exported.mkdir()
    # one LibreOffice start for every file (the archive's and the export's share names)
    for prefix, source in (("archive", tmp_path / "archive" / "csv"), ("export", tmp_path / "csv")):
        for file in source.glob("*.csv"):
            shutil.copy(file, exported / f"{prefix}-{file.name}")
    assert len(list(exported.glob("*.csv"))) > 10
    text = (exported / "export-action_items.csv").read_text("utf-8")
    assert "'=1+1" in text  # the hostile texts are there, marked as text
    assert _formulas(exported, tmp_path / "converted") == {
        p.name.replace(".csv", ".fods"): [] for p in exported.glob("*.csv")
    }
