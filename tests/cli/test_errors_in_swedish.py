"""Errors raised below the command line (the hub, sync services, attachments, records) are
worded in the user's language: one line, exit 2, Swedish with --lang sv."""

from __future__ import annotations

import hashlib
import socket
from datetime import date
from pathlib import Path

import pytest
from tests.services.conftest import insert_checklist

from assessor.cli.main import main
from assessor.domain.errors import ValidationError
from assessor.domain.messages import set_language
from assessor.services import attachments
from assessor.services.agencies import create_agency
from assessor.services.assessments import create_assessment
from assessor.services.setup import init_database


def _closed_port() -> int:
    """A port nothing listens on: bound once to learn a free one, then let go."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    capsys.readouterr()
    assert main(list(argv)) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("assessor: ")
    return lines[0].removeprefix("assessor: ")


def test_an_unreachable_hub_in_swedish_and_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"postgresql://kim@127.0.0.1:{_closed_port()}/team"
    place = url.removeprefix("postgresql://")
    assert _error(capsys, "--lang", "sv", "hub", "init", "--url", url) == (
        f"teamnavet {place} går inte att nå: arbetet fortsätter på den här datorn; synka igen "
        "när navet går att nå"
    )
    assert _error(capsys, "--lang", "en", "hub", "init", "--url", url) == (
        f"the hub {place} cannot be reached: work goes on on this laptop; sync again when it "
        "can be reached"
    )
    db = tmp_path / "a.db"
    assert main(["db", "init", "--db", str(db)]) == 0
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    line = _error(capsys, "--lang", "sv", "sync", "hub", "--db", str(db), "--url", url)
    assert line.startswith(f"teamnavet {place} går inte att nå")
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_a_password_in_the_hub_address_is_refused_in_swedish(
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = f"postgresql://kim:hemligt@127.0.0.1:{_closed_port()}/team"
    line = _error(capsys, "--lang", "sv", "hub", "init", "--url", url)
    assert line.startswith("navets adress innehåller ett lösenord")
    assert "hemligt" not in line


def test_an_attachment_too_large_and_an_empty_passphrase_file_in_swedish(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "a.db"
    with init_database(db) as opened:
        checklist = insert_checklist(opened)
        with opened.transaction() as s:
            agency = create_agency(s, name="Kammarkollegiet")
            assessment = create_assessment(
                s, agency, checklist_id=checklist.id, assessed_on=date(2026, 11, 3)
            )
            attachments.set_max_bytes(s, 1 << 20)
    big = tmp_path / "protokoll.pdf"
    big.write_bytes(b"x" * ((1 << 20) + 1))
    question = checklist.all_questions[0]
    argv = ["evidence", "attach", "--db", str(db), str(big), "--answer", assessment, question]
    assert _error(capsys, "--lang", "sv", *argv) == (
        "protokoll.pdf är större än 1 MB, den största fil som kan bifogas"
    )
    assert _error(capsys, "--lang", "en", *argv) == (
        "protokoll.pdf is larger than 1 MB, the largest file that can be attached"
    )
    empty = tmp_path / "fras.txt"
    empty.write_text("")
    out = tmp_path / "p.pkg"
    line = _error(
        capsys,
        "--lang",
        "sv",
        "sync",
        "export",
        "--db",
        str(db),
        "--out",
        str(out),
        "--passphrase-file",
        str(empty),
    )
    assert line == f"{empty}: lösenfrasfilen är tom"
    assert not out.exists()


def test_a_bad_organisation_number_in_swedish(tmp_path: Path) -> None:
    with init_database(tmp_path / "a.db") as db, db.transaction() as s:
        set_language("sv")
        with pytest.raises(ValidationError) as shape:
            create_agency(s, name="Skolverket", org_number="20 21 00")
        assert shape.value.field == "org_number"
        assert str(shape.value) == "'20 21 00' är inget organisationsnummer (NNNNNN-NNNN)"
        with pytest.raises(ValidationError) as digit:
            create_agency(s, name="Skolverket", org_number="202100-4041")
        assert str(digit.value) == "kontrollsiffran i 202100-4041 är fel"
        set_language("en")
        assert str(digit.value) == "the check digit of 202100-4041 is wrong"
