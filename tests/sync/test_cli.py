from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from assessor.cli.main import main
from assessor.services import agencies
from assessor.services.setup import init_database
from assessor.store import schema
from assessor.store.db import Database
from assessor.sync.package import UPGRADES


def test_every_older_schema_revision_has_a_package_upgrade() -> None:
    assert set(schema.REVISIONS[:-1]) <= set(UPGRADES)


def test_export_import_conflicts_round_trip(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    with init_database(a) as db, db.transaction() as s:
        agency = agencies.create_agency(s, name="Lantmäteriet")
    shutil.copyfile(a, b)
    for path, text in ((a, "från Anna"), (b, "från Bo")):
        with Database(path) as db, db.transaction() as s:
            agencies.update_agency(s, agency, notes=text)
    secret = tmp_path / "pass.txt"
    secret.write_text("en lång lösenfras\n", encoding="utf-8")
    pkg = tmp_path / "a.assessor"
    assert (
        main(
            ["sync", "export", "--db", str(a), "--out", str(pkg), "--passphrase-file", str(secret)]
        )
        == 0
    )
    assert "en lång lösenfras" not in capsys.readouterr().out
    assert (
        main(
            ["sync", "import", "--db", str(b), str(pkg), "--passphrase-file", str(secret), "--json"]
        )
        == 0
    )
    summary = json.loads(capsys.readouterr().out)
    assert summary["conflicts"] == 1 and summary["changed_database"] is True
    assert main(["sync", "conflicts", "--db", str(b), "--json"]) == 0
    (conflict,) = json.loads(capsys.readouterr().out)
    assert {conflict["current"]["notes"], conflict["other"]["notes"]} == {"från Anna", "från Bo"}
    assert main(["sync", "import", "--db", str(b), str(pkg), "--passphrase-file", str(secret)]) == 0
    assert "nothing new" in capsys.readouterr().out


def test_a_bad_package_is_one_line_and_exit_2(
    tmp_path: Path, db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    path = db.path
    db.close()
    junk = tmp_path / "junk.pkg"
    junk.write_bytes(b"PK\x03\x04" + b"\0" * 200)
    assert main(["sync", "import", "--db", str(path), str(junk)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("assessor: ") and err.count("\n") == 1
    assert main(["sync", "import", "--db", str(path), str(tmp_path / "missing.pkg")]) == 2


def test_names_deltas_and_a_repeated_import_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    with init_database(a) as db, db.transaction() as s:
        agency = agencies.create_agency(s, name="Lantmäteriet")
    shutil.copyfile(a, b)
    assert main(["advisor", "--db", str(a), "--name", "Anna Berg"]) == 0
    assert main(["advisor", "--db", str(b), "--name", "Bo Ek", "--email", "bo@example.se"]) == 0
    for path, text in ((a, "från Anna"), (b, "från Bo")):
        with Database(path) as db, db.transaction() as s:
            agencies.update_agency(s, agency, notes=text)
    pa, pb = tmp_path / "a.pkg", tmp_path / "b.pkg"
    assert main(["sync", "export", "--db", str(b), "--out", str(pb)]) == 0
    assert main(["sync", "import", "--db", str(a), str(pb)]) == 0
    capsys.readouterr()
    assert main(["sync", "import", "--db", str(a), str(pb), "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert again["changed_database"] is False and again["added"] == again["changed"] == 0
    assert main(["sync", "conflicts", "--db", str(a)]) == 0
    out = capsys.readouterr().out
    assert "Anna Berg" in out and "Bo Ek" in out
    # in words, in either language (the codes are --json's)
    assert "  Edited in two places: Agency Lantmäteriet · Notes\n" in out
    assert "    now:   från " in out and "{'notes'" not in out
    assert main(["--lang", "sv", "sync", "conflicts", "--db", str(a)]) == 0
    out = capsys.readouterr().out
    assert "  Ändrad på två ställen: Myndighet Lantmäteriet · Anteckningar\n" in out
    assert "agency" not in out and "notes" not in out and "edit " not in out
    # Bo's package told Anna's laptop what Bo has seen: a delta for him by his name
    assert main(["sync", "export", "--db", str(a), "--out", str(pa), "--for", "bo ek"]) == 0
    assert "changes the peer lacks" in capsys.readouterr().out
    assert main(["sync", "import", "--db", str(b), str(pa)]) == 0
    assert main(["sync", "export", "--db", str(a), "--out", str(pa), "--for", "nobody"]) == 2
    assert "full package" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        main(["sync", "export", "--db", str(a), "--out", str(pa), "--for", "x", "--full"])
    assert info.value.code == 2
