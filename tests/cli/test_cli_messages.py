"""The command line's words when something is off: the user's names, not ours; no tracebacks."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from assessor.cli.main import main
from assessor.domain.errors import BadInput


class _ClosedPipe(io.TextIOBase):
    """What `| head` leaves behind once it has read enough."""

    def write(self, _text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    def fileno(self) -> int:
        raise io.UnsupportedOperation("no file number")


def test_a_reader_that_stops_early_ends_the_command_quietly(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "init", "--db", str(db_path)]) == 0
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())
    assert main(["list", "agencies", "--json", "--db", str(db_path)]) == 0
    assert main(["checklist", "list", "--db", str(db_path)]) == 0
    assert capsys.readouterr().err == ""


def test_report_out_must_be_a_pdf_name(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "init", "--db", str(db_path)]) == 0
    out = tmp_path / "rapport.txt"
    assert main(["report", "--db", str(db_path), "--assessment", "x", "--out", str(out)]) == 2
    assert "must end in .pdf" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc")
def test_a_folder_that_cannot_be_written_is_named_not_the_temporary_file() -> None:
    from assessor.services.files import write_atomically

    with pytest.raises(BadInput) as caught:
        write_atomically(Path("/proc/rapport.pdf"), b"%PDF-1.7")
    assert "/proc" in caught.value.message
    assert ".tmp" not in caught.value.message and "rapport.pdf." not in caught.value.message


def test_checklist_validate_on_a_missing_file_gives_no_line_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.yaml"
    assert main(["checklist", "validate", str(missing)]) == 2
    assert capsys.readouterr().err.strip() == f"{missing}: no such file"
