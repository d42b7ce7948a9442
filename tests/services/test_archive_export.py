from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from assessor.cli.main import main
from assessor.domain.errors import BadInput
from assessor.services import agencies, meetings
from assessor.services.archive import export_archive, import_archive, verify_archive
from assessor.store.db import Database
from assessor.store.digest import digest


def _fill(db: Database) -> None:
    with db.transaction() as s:
        a = agencies.create_agency(s, name="Skatteverket", org_number="202100-5448")
        b = agencies.create_agency(s, name='Kammarkollegiet <&> "test"', ministry="Fi")
        c = agencies.create_contact(s, a, name="Åsa Öberg", title="CDO")
        m = meetings.create_meeting(
            s,
            a,
            starts_at=datetime(2025, 4, 2, 9, 30),
            notes='Rad 1\nRad 2, med "citat"',
            confidential=True,
        )
        meetings.add_participant(s, m, contact_id=c)
        meetings.create_action_item(s, a, meeting_id=m, title="=SUM(A1)", due_on=date(2025, 5, 1))
        meetings.create_meeting(s, b, starts_at=datetime(2025, 6, 1, 13))
        agencies.delete_agency(s, b)


def test_archive_round_trip_gives_the_same_digest(db: Database, tmp_path: Path) -> None:
    _fill(db)
    out = tmp_path / "archive"
    with db.read() as s:
        summary = export_archive(s, out)
        before = digest(s)
    assert summary.counts["agency"] == 2
    manifest = verify_archive(out)
    assert manifest["counts"]["meeting"] == 2
    rows = json.loads((out / "json" / "agency.json").read_text("utf-8"))["rows"]
    assert {r["name"] for r in rows} == {"Skatteverket", 'Kammarkollegiet <&> "test"'}
    assert (out / "README.md").read_text("utf-8").count("Svenska") == 1
    new = Database(tmp_path / "new.db", create=True)
    with new.transaction() as s:
        import_archive(s, out)
    with new.read() as s:
        assert digest(s) == before
    new.close()


def test_a_changed_file_is_refused(db: Database, tmp_path: Path) -> None:
    _fill(db)
    out = tmp_path / "archive"
    with db.read() as s:
        export_archive(s, out)
    path = out / "json" / "agency.json"
    path.write_text(path.read_text("utf-8").replace("Skatteverket", "Skatteverkat"), "utf-8")
    with pytest.raises(BadInput, match="changed or damaged"):
        verify_archive(out)


def test_export_into_a_non_empty_folder_is_refused(db: Database, tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "keep.txt").write_text("mine")
    with pytest.raises(BadInput, match="not empty"), db.read() as s:
        export_archive(s, tmp_path / "x")
    assert (tmp_path / "x" / "keep.txt").read_text() == "mine"


def test_cli_archive_round_trip_and_failed_import_leaves_no_file(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _fill(db)
    path = db.path
    db.close()
    out = tmp_path / "arch"
    assert main(["export", "archive", "--db", str(path), "--out", str(out)]) == 0
    new = tmp_path / "rebuilt.db"
    assert main(["import", "archive", str(out), "--db", str(new)]) == 0
    capsys.readouterr()
    assert main(["db", "digest", "--db", str(path)]) == 0
    first = capsys.readouterr().out
    assert main(["db", "digest", "--db", str(new)]) == 0
    assert capsys.readouterr().out == first
    # a damaged archive: refused with one line, and no database is left behind
    (out / "json" / "meeting.json").write_text("{}", "utf-8")
    other = tmp_path / "other.db"
    assert main(["import", "archive", str(out), "--db", str(other)]) == 2
    assert "changed or damaged" in capsys.readouterr().err
    assert not other.exists()


def test_xlsx_has_typed_cells_frozen_header_and_filters(db: Database, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    _fill(db)
    path = db.path
    db.close()
    out = tmp_path / "export.xlsx"
    assert main(["export", "xlsx", "--db", str(path), "--out", str(out)]) == 0
    book = load_workbook(out)
    assert book.sheetnames == [
        "assessments",
        "answers",
        "findings",
        "recommendations",
        "action_items",
    ]
    ws = book["action_items"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:G2"
    header = [c.value for c in ws[1]]
    row = dict(zip(header, [c.value for c in ws[2]], strict=True))
    assert row["agency"] == "Skatteverket"
    assert row["title"] == "=SUM(A1)"
    assert ws["D2"].data_type == "s"  # kept as text, never a formula
    assert isinstance(row["meeting_at"], datetime)
    assert row["done"] is False
    assert main(["export", "csv", "--db", str(path), "--out", str(tmp_path / "csv")]) == 0
    text = (tmp_path / "csv" / "action_items.csv").read_text("utf-8")
    assert "2025-05-01" in text


def test_archive_holds_the_reports_on_record_and_round_trips_a_demo(
    db: Database, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    from assessor.services.demo import build_demo
    from assessor.services.reports import export_report

    with db.transaction() as s:
        build_demo(s, seed=3, agencies=2)
    with db.read() as s:
        from sqlalchemy import select

        from assessor.store.models import Assessment

        first = s.scalars(select(Assessment.id).order_by(Assessment.id)).first()
    assert first is not None
    export_report(db, first, tmp_path / "r.pdf", language="en", recipient="Registrator")
    with db.read() as s:
        before = digest(s)
    path = db.path
    db.close()
    out = tmp_path / "arch"
    assert main(["export", "archive", "--db", str(path), "--out", str(out)]) == 0
    (pdf,) = (out / "reports").glob("*.pdf")
    assert pdf.name == f"{first}-en.pdf"
    assert "Recommendations" in "".join(p.extract_text() for p in PdfReader(pdf).pages)
    new = tmp_path / "rebuilt.db"
    assert main(["import", "archive", str(out), "--db", str(new)]) == 0
    with Database(new) as rebuilt, rebuilt.read() as s:
        assert digest(s) == before


@pytest.mark.slow
def test_archive_round_trip_on_the_300_agency_demo(tmp_path: Path) -> None:
    from assessor.services.demo import build_demo
    from assessor.services.setup import init_database

    db = init_database(tmp_path / "big.db")
    with db.transaction() as s:
        build_demo(s, seed=1, agencies=300)
    with db.read() as s:
        before = digest(s)
        summary = export_archive(s, tmp_path / "arch")
    db.close()
    assert summary.counts["agency"] == 300
    assert summary.counts["answer"] > 30_000
    new = Database(tmp_path / "rebuilt.db", create=True)
    with new.transaction() as s:
        import_archive(s, tmp_path / "arch")
    with new.read() as s:
        assert digest(s) == before
    new.close()


def test_archived_checklists_validate_and_import_as_they_are(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import lzma

    from assessor.services.checklists import import_checklist, list_checklists

    sample = Path(__file__).parents[1] / "samples" / "ciso" / "essential-eight.yaml.xz"
    with db.transaction() as s:
        # requirements with no guidance and dimensions with no description: empty texts
        imported = import_checklist(s, lzma.decompress(sample.read_bytes()), "e8.yaml")
    out = tmp_path / "archive"
    with db.read() as s:
        export_archive(s, out)
        hashes = {r.content_hash for r in list_checklists(s)}
    files = sorted((out / "checklists").glob("*.yaml"))
    assert len(files) == len(hashes) >= 2
    capsys.readouterr()
    assert main(["checklist", "validate", *map(str, files)]) == 0, capsys.readouterr().err
    new = Database(tmp_path / "again.db", create=True)
    with new.transaction() as s:
        again = {import_checklist(s, f.read_bytes(), f.name).content_hash for f in files}
    new.close()
    assert again == hashes and imported.content_hash in again
