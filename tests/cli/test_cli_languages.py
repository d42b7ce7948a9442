"""The command line's lines in Swedish and English: --lang, else the system's language, as the
errors; counts inflected in both."""

from __future__ import annotations

import json
import lzma
import shutil
from pathlib import Path

import pytest

from assessor.cli.main import main

FIXTURES = Path(__file__).parents[1] / "domain" / "fixtures"
MAPPING = Path(__file__).parents[1] / "samples" / "ciso" / "map-nist-csf-1.1-nist-csf-2.0.yaml.xz"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo database of two agencies, made once (commands below copy it before writing)."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    assert main(["--lang", "en", "demo", "--db", str(path), "--agencies", "2"]) == 0
    return path


def _copy(demo_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "copy.db"
    shutil.copyfile(demo_db, copy)
    return copy


def _out(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    capsys.readouterr()
    assert main(list(argv)) == 0, capsys.readouterr().err
    return capsys.readouterr().out


def test_sync_export_and_import_in_swedish_and_english(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "p.pkg"
    out = _out(
        capsys, "--lang", "sv", "sync", "export", "--db", str(demo_db), "--out", str(package)
    )
    assert out.startswith(f"skrev {package}: ") and out.rstrip().endswith(" rader")
    rows = int(out.split(": ")[1].split()[0])
    assert _out(
        capsys, "--lang", "en", "sync", "export", "--db", str(demo_db), "--out", str(package)
    ) == (f"wrote {package}: {rows} rows\n")
    target = tmp_path / "new.db"
    assert _out(capsys, "--lang", "sv", "db", "init", "--db", str(target)) == f"skapade {target}\n"
    first = _out(capsys, "--lang", "sv", "sync", "import", "--db", str(target), str(package))
    assert first.startswith("tillagda: ") and ", borttagna: 0, konflikter: 0\n" in first
    assert "inget nytt" not in first
    again = _out(capsys, "--lang", "sv", "sync", "import", "--db", str(target), str(package))
    assert again == (
        "tillagda: 0, ändrade: 0, borttagna: 0, konflikter: 0\n"
        "inget nytt: databasen ändrades inte\n"
    )
    assert _out(capsys, "--lang", "en", "sync", "import", "--db", str(target), str(package)) == (
        "added 0, changed 0, deleted 0, conflicts 0\nnothing new: the database was not changed\n"
    )
    # JSON is for programs: the same in both languages
    as_json = _out(
        capsys, "--lang", "sv", "sync", "import", "--db", str(target), str(package), "--json"
    )
    assert json.loads(as_json)["added"] == 0


def test_without_lang_the_system_language_words_the_lines(
    demo_db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "sv_SE.UTF-8")
    assert _out(capsys, "db", "check", "--db", str(demo_db)) == "ok: inga fel hittades\n"
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert _out(capsys, "db", "check", "--db", str(demo_db)) == "ok\n"
    monkeypatch.setenv("LANG", "sv_SE.UTF-8")
    assert _out(capsys, "--lang", "en", "db", "check", "--db", str(demo_db)) == "ok\n"


def test_db_check_words_what_it_finds(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    copy = _copy(demo_db, tmp_path)
    con = sqlite3.connect(copy)
    with con:
        con.execute(
            "UPDATE meeting SET agency_id = 'gone' WHERE rowid = (SELECT min(rowid) FROM meeting)"
        )
    con.close()
    assert main(["--lang", "sv", "db", "check", "--db", str(copy)]) == 2
    captured = capsys.readouterr()
    assert captured.out.startswith("främmande nyckel: tabellen meeting rad ")
    assert captured.out.rstrip().endswith("pekar på en rad i agency som saknas")
    assert main(["--lang", "en", "db", "check", "--db", str(copy)]) == 2
    assert capsys.readouterr().out.rstrip().endswith("points to missing agency")


def test_sync_folder_in_swedish(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db, shared = str(tmp_path / "f.db"), tmp_path / "shared"
    shared.mkdir()
    (shared / "anteckningar.txt").write_text("inte en synkfil")
    assert main(["db", "init", "--db", db]) == 0
    out = _out(capsys, "--lang", "sv", "sync", "folder", "--db", db, str(shared))
    lines = out.splitlines()
    assert lines[0] == (
        "hoppade över anteckningar.txt: inte en synkfil för den här mappen (Assessor skriver "
        "inga filer med det namnet)"
    )
    assert lines[1].startswith("skrev ") and lines[1].endswith(" rader")
    out = _out(capsys, "--lang", "sv", "sync", "folder", "--db", db, str(shared))
    assert "mappen har redan den här datorns ändringar" in out


def test_checklist_import_and_list_inflect_their_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "c.db")
    assert main(["db", "init", "--db", db]) == 0
    small = str(FIXTURES / "small.yaml")
    out = _out(capsys, "--lang", "sv", "checklist", "import", small, "--db", db)
    assert out.startswith("small-model 1.0: importerad (2 områden, 3 frågor, kontrollsumma ")
    out = _out(capsys, "--lang", "sv", "checklist", "import", small, "--db", db)
    assert "small-model 1.0: redan importerad, inget ändrades (2 områden, 3 frågor" in out
    out = _out(capsys, "--lang", "en", "checklist", "import", small, "--db", db)
    assert "small-model 1.0: already imported, nothing changed (2 dimensions, 3 questions" in out
    listed = _out(capsys, "--lang", "sv", "checklist", "list", "--db", db)
    assert "small-model\t1.0\t" in listed and "\t2 områden\t3 frågor\t" in listed
    out = _out(capsys, "--lang", "sv", "checklist", "validate", small)
    assert out == f"{small}: ok: small-model 1.0, 2 områden, 3 frågor\n"


def test_mapping_import_and_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "m.db")
    assert main(["db", "init", "--db", db]) == 0
    file = tmp_path / "map.yaml"
    file.write_bytes(lzma.decompress(MAPPING.read_bytes()))
    name = "mapping-nist-csf-1.1-nist-csf-2.0"
    out = _out(capsys, "--lang", "sv", "mapping", "import", str(file), "--db", db)
    assert out.startswith(f"{name}: sparad (185 kopplingar, ")
    out = _out(capsys, "--lang", "sv", "mapping", "import", str(file), "--db", db)
    assert out.startswith(f"{name}: fanns redan, inget ändrades (185 kopplingar, ")
    out = _out(capsys, "--lang", "en", "mapping", "import", str(file), "--db", db)
    assert out.startswith(f"{name}: already kept, nothing changed (185 links, ")
    assert (
        _out(capsys, "--lang", "sv", "mapping", "list", "--db", db)
        .rstrip()
        .endswith("\t185 kopplingar")
    )
    assert (
        _out(capsys, "--lang", "en", "mapping", "list", "--db", db).rstrip().endswith("\t185 links")
    )


def test_portfolio_and_report_files_in_swedish_and_english(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(_copy(demo_db, tmp_path))  # a report is recorded in the database
    pdf = tmp_path / "p.pdf"
    out = _out(capsys, "--lang", "sv", "portfolio", "--db", db, "--out", str(pdf))
    assert out.startswith(f"skrev {pdf} (") and out.endswith(" byte, 2 myndigheter)\n")
    out = _out(capsys, "--lang", "en", "portfolio", "--db", db, "--out", str(pdf))
    assert out.startswith(f"wrote {pdf} (") and out.endswith(" bytes, 2 agencies)\n")
    text = _out(capsys, "--lang", "sv", "portfolio", "--db", db, "--min-agencies", "1")
    assert (
        "2 myndigheter, checklista digital-maturity; gemensamma gap (under 2, minst 1 myndighet)"
        in text
    )
    assert " myndighet" in text.split("\n\n")[1] and "(medel " in text
    listed = _out(capsys, "list", "assessments", "--db", db, "--json")
    assessment = json.loads(listed)[0]["id"]
    report = tmp_path / "r.pdf"
    argv = ("report", "--db", db, "--assessment", assessment, "--out", str(report), "--by", "T")
    out = _out(capsys, "--lang", "sv", *argv)
    assert out.startswith(f"skrev {report} (") and " byte, sha256 " in out
    out = _out(capsys, "--lang", "en", *argv)
    assert out.startswith(f"wrote {report} (") and " bytes, sha256 " in out


def test_portfolio_prints_its_lines_and_titles_in_one_language(
    demo_db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    argv = ("portfolio", "--db", str(demo_db), "--min-agencies", "1")
    english = _out(capsys, "--lang", "en", *argv)
    assert "checklist digital-maturity; common gaps" in english
    assert "Services and user focus: " in english and "Tjänster" not in english
    monkeypatch.setenv("LANG", "sv_SE.UTF-8")
    swedish = _out(capsys, *argv)
    assert "Tjänster och användarfokus: " in swedish and "gemensamma gap" in swedish
    # the command's own --lang: the titles and the lines with them
    assert _out(capsys, *argv, "--lang", "en") == english


def test_the_command_lines_own_errors_follow_the_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["--lang", "sv", "portfolio", "--db", str(tmp_path / "x.db"), "--min-agencies", "0"])
        == 2
    )
    assert capsys.readouterr().err == "assessor: --min-agencies måste vara 1 eller mer\n"
    bad = [
        "report",
        "--db",
        str(tmp_path / "x.db"),
        "--assessment",
        "a",
        "--out",
        str(tmp_path / "r.txt"),
    ]
    assert main(["--lang", "sv", *bad]) == 2
    assert (
        "filnamnet måste sluta på .pdf eller .docx (eller ange --format)" in capsys.readouterr().err
    )
    assert main(["--lang", "en", *bad]) == 2
    assert "the file name must end in .pdf or .docx (or give --format)" in capsys.readouterr().err


def test_listed_assessments_say_their_status_in_the_language_and_json_keeps_the_code(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ("list", "assessments", "--db", str(demo_db))
    codes = {row["status"] for row in json.loads(_out(capsys, "--lang", "sv", *argv, "--json"))}
    assert "delivered" in codes
    swedish = {line.split("\t")[2] for line in _out(capsys, "--lang", "sv", *argv).splitlines()}
    english = {line.split("\t")[2] for line in _out(capsys, "--lang", "en", *argv).splitlines()}
    assert "Levererad" in swedish and "delivered" not in swedish
    assert "Delivered" in english and len(swedish) == len(english) == len(codes)


def test_the_spreadsheet_export_counts_its_rows_in_words_of_the_language(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from assessor.domain.counts import NOUNS
    from assessor.services.spreadsheet import ROW_NOUNS

    assert set(ROW_NOUNS.values()) <= set(NOUNS)  # every sheet's rows can be counted in words
    argv = ("export", "xlsx", "--db", str(demo_db), "--out", str(tmp_path / "x.xlsx"))
    swedish = _out(capsys, "--lang", "sv", *argv)
    assert " bedömningar, " in swedish and " åtgärdspunkter)" in swedish
    assert "assessments" not in swedish and "action_items" not in swedish
    english = _out(capsys, "--lang", "en", *argv)
    assert " assessments, " in english and " action items)" in english
