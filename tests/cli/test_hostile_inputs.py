"""Issue 21's defects, one test each where the fuzz suite's exit-code check says too little:
what the line says, in which language, on which line, and what is left beside the file."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest

from assessor.cli.main import main
from assessor.paths import resources_dir

CHECKLIST = resources_dir() / "checklists" / "digital-maturity.yaml"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    assert main(["demo", "--db", str(path), "--agencies", "1", "--seed", "3"]) == 0
    return path


def test_a_nul_is_reported_on_its_own_line_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = CHECKLIST.read_text(encoding="utf-8").split("\n")
    lines[210] += "\x00"
    bad = tmp_path / "nul.yaml"
    bad.write_text("\n".join(lines), encoding="utf-8")
    code, _, err = _run(capsys, "checklist", "validate", str(bad))
    assert code == 2
    assert err.strip() == f"{bad}:211: a control character (U+0000) that a text file may not hold"
    code, _, err = _run(capsys, "--lang", "sv", "checklist", "validate", str(bad))
    assert err.strip().endswith(":211: ett styrtecken (U+0000) som en textfil inte får innehålla")


def test_a_poisoned_version_is_refused_and_one_already_stored_still_lists(
    tmp_path: Path, demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = CHECKLIST.read_text(encoding="utf-8").replace(
        'version: "1.0"', 'version: "1.' + "1" * 5000 + '"', 1
    )
    bad = tmp_path / "poison.yaml"
    bad.write_text(text, encoding="utf-8")
    code, _, err = _run(capsys, "checklist", "import", str(bad), "--db", str(demo))
    assert code == 2 and "at most 8 numbers of at most 9 digits" in err
    assert len(err.strip().splitlines()) == 1 and len(err) < 400
    # a database that already holds one (from before the fix) still lists
    con = sqlite3.connect(demo)
    con.execute("UPDATE checklist SET version = '1.' || printf('%.5000c', '1')")
    con.commit()
    con.close()
    code, out, err = _run(capsys, "checklist", "list", "--db", str(demo))
    assert code == 0 and "digital-maturity" in out and not err


def test_a_weight_of_ten_thousand_digits_is_one_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "weight.yaml"
    bad.write_text(
        CHECKLIST.read_text(encoding="utf-8").replace("weight: 1.0", "weight: " + "9" * 10_000, 1),
        encoding="utf-8",
    )
    code, _, err = _run(capsys, "checklist", "validate", str(bad))
    assert code == 2
    assert err.strip().endswith("a number with more digits than any weight or level needs")
    assert len(err.strip().splitlines()) == 1


def test_a_forged_package_is_refused_in_swedish_throughout(
    tmp_path: Path, demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "p.assessor"
    assert main(["sync", "export", "--db", str(demo), "--out", str(package)]) == 0
    with zipfile.ZipFile(package) as zf:
        manifest, state = json.loads(zf.read("manifest.json")), zf.read("state.sqlite")
    forged = tmp_path / "forged.assessor"
    with zipfile.ZipFile(forged, "w") as zf:
        zf.writestr("manifest.json", json.dumps({**manifest, "format_version": 0}))
        zf.writestr("state.sqlite", state)
    before = demo.read_bytes()
    capsys.readouterr()
    code, _, err = _run(capsys, "--lang", "sv", "sync", "import", "--db", str(demo), str(forged))
    assert code == 2
    assert err.strip() == (
        "assessor: inte en användbar synkfil: manifestets formatversion är "
        "ingen som Assessor har skrivit; inget importerades"
    )
    assert demo.read_bytes() == before


def test_an_age_work_factor_beyond_the_cap_is_refused_before_any_key_is_derived(
    tmp_path: Path, demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "pass.txt"
    secret.write_text("pw\n", encoding="utf-8")
    header = b"age-encryption.org/v1\n-> scrypt c2FsdHNhbHRzYWx0c2FsdA 22\nAAAA\n--- AAAA\n"
    package = tmp_path / "heavy.assessor"
    package.write_bytes(header + os.urandom(200))
    code, _, err = _run(
        capsys, "sync", "import", "--db", str(demo), str(package), "--passphrase-file", str(secret)
    )
    assert code == 2 and "2^22" in err and "2^20" in err


def test_a_lying_version_marker_is_read_from_no_copy_and_leaves_nothing_beside_it(
    tmp_path: Path, demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    older = tmp_path / "older.db"
    shutil.copyfile(demo, older)
    con = sqlite3.connect(older)
    con.execute("UPDATE alembic_version SET version_num = '0002'")
    con.commit()
    con.close()
    before = older.read_bytes()
    for command in (["list", "agencies"], ["db", "check"], ["db", "digest"]):
        code, _, err = _run(capsys, *command, "--db", str(older))
        assert code == 2 and len(err.strip().splitlines()) == 1, err
        assert "older version" in err
    assert older.read_bytes() == before
    assert not list(tmp_path.glob("older.db.*.bak")), "a read-only command made a backup"


def test_a_named_pipe_is_refused_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pipe = tmp_path / "pipe.db"
    os.mkfifo(pipe)
    for argv in (
        ["list", "agencies", "--db", str(pipe)],
        ["checklist", "validate", str(pipe)],
        ["sync", "import", "--db", str(pipe), str(pipe)],
    ):
        code, _, err = _run(capsys, *argv)
        assert code == 2 and "not a regular file" in err, argv


def test_corrupt_pages_are_one_line_for_every_reader(
    tmp_path: Path, demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = bytearray(demo.read_bytes())
    for page in range(3, len(data) // 4096, 2):
        data[page * 4096 : page * 4096 + 64] = b"\xff" * 64
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(bytes(data))
    for command in (
        ["list", "agencies"],
        ["list", "assessments"],
        ["db", "check"],
        ["db", "digest"],
        ["checklist", "list"],
    ):
        code, _, err = _run(capsys, *command, "--db", str(damaged))
        assert code == 2, (command, err)
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert damaged.read_bytes() == bytes(data)


def test_an_archive_checksum_outside_the_archive_and_an_unlisted_file_are_refused(
    tmp_path: Path, demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "archive"
    assert main(["export", "archive", "--db", str(demo), "--out", str(archive)]) == 0
    manifest_path = archive / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["files"]["/etc/hostname"] = "0" * 64
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    capsys.readouterr()
    code, _, err = _run(capsys, "import", "archive", str(archive), "--db", str(tmp_path / "new.db"))
    assert code == 2 and "not a file inside the archive" in err
    del manifest["files"]["/etc/hostname"]
    del manifest["files"]["json/agency.json"]
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    code, _, err = _run(capsys, "import", "archive", str(archive), "--db", str(tmp_path / "new.db"))
    assert code == 2 and "json/agency.json is not listed" in err
    assert not (tmp_path / "new.db").exists()
