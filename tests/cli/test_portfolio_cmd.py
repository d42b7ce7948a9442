"""assessor portfolio: common gaps and suggestions as text and JSON, the PDF, bad input."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from assessor.cli.main import main

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))

from portfolio_sample import HOSTILE, KEY, Sample, build_sample


@pytest.fixture
def sample_db(tmp_path: Path) -> tuple[Path, Sample]:
    from assessor.services.setup import init_database

    path = tmp_path / "pf.db"
    db = init_database(path)
    try:
        sample = build_sample(db)
    finally:
        db.close()
    return path, sample


def test_prints_common_gaps_and_who_can_lend(sample_db, capsys) -> None:
    path, _ = sample_db
    assert main(["portfolio", "--db", str(path), "--checklist", KEY, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "3 agencies, checklist pf; common gaps (below 2, at least 2 agencies): 2" in out
    assert "Security: 2 agencies below 2" in out
    assert "strong here: Åklagarmyndigheten (3.0)" in out
    assert (
        f'Centrala studiestödsnämnden can lend "{HOSTILE}" to: Bolagsverket, Åklagarmyndigheten'
    ) in out
    assert "recommended 3 times, 2 uses in the library: Återanvänd plattform" in out


def test_json_names_agencies_by_id(sample_db, capsys) -> None:
    path, s = sample_db
    assert main(["portfolio", "--db", str(path), "--checklist", KEY, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["agencies"] == 3
    d1 = next(g for g in data["gaps"] if g["dimension"] == "d1")
    assert [b["agency_id"] for b in d1["borrowers"]] == [s.b, s.a]
    assert d1["contacts"] == [{"lender": s.c, "good_practice": s.practice, "borrowers": [s.b, s.a]}]
    assert d1["lenders"][0]["good_practices"][0]["title"] == HOSTILE
    assert d1["recommendations"][0]["library_uses"] == 2
    q11 = next(q for q in data["question_gaps"] if q["question"] == "q1.1")
    assert (q11["dimension"], q11["borrowers"], q11["lenders"]) == ("d1", [s.b, s.a], [s.c])


def test_filters_and_limits(sample_db, capsys) -> None:
    path, _ = sample_db
    assert (
        main(["portfolio", "--db", str(path), "--checklist", KEY, "--json", "--to", "2023-12-31"])
        == 0
    )
    assert json.loads(capsys.readouterr().out)["agencies"] == 1
    assert (
        main(
            [
                "portfolio",
                "--db",
                str(path),
                "--checklist",
                KEY,
                "--json",
                "--below",
                "4",
                "--min-agencies",
                "3",
            ]
        )
        == 0
    )
    gaps = json.loads(capsys.readouterr().out)["gaps"]
    assert [g["count"] for g in gaps] == [3, 3]


def test_writes_the_pdf(sample_db, tmp_path: Path, capsys) -> None:
    path, _ = sample_db
    out = tmp_path / "portfölj.pdf"
    assert main(["portfolio", "--db", str(path), "--checklist", KEY, "--out", str(out)]) == 0
    assert "wrote" in capsys.readouterr().out
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    assert "Gemensamma gap" in text and "Värmekarta" in text
    assert "Åklagarmyndigheten" in text and "Centrala studiestödsnämnden" in text
    assert " ".join(HOSTILE.split()) in text
    assert not list(tmp_path.glob(".*.tmp"))


def test_never_writes_over_the_database_or_another_file(sample_db, tmp_path: Path, capsys) -> None:
    path, _ = sample_db
    notes = tmp_path / "anteckningar.pdf"
    notes.write_text("mina anteckningar", encoding="utf-8")
    assert main(["portfolio", "--db", str(path), "--checklist", KEY, "--out", str(notes)]) == 2
    assert notes.read_text(encoding="utf-8") == "mina anteckningar"
    assert "not a PDF report" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2025-13-01"], "--from: '2025-13-01' is not a date"),
        (["--checklist", "nope"], "no checklist with key 'nope'"),
        (["--out", "report.txt"], "must end in .pdf"),
        (["--out", "no/such/folder/r.pdf"], "no such folder"),
        (["--min-agencies", "0"], "--min-agencies must be 1 or more"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(sample_db, capsys, args, message) -> None:
    path, _ = sample_db
    assert main(["portfolio", "--db", str(path), "--checklist", KEY, *args]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
