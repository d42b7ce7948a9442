"""Evidence files: attach, dedupe, detach and undo, limits, safe names, thumbnails."""

from __future__ import annotations

import io
import os
import signal
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from tests.services.conftest import SmallChecklist

from assessor.domain.errors import BadInput, NotFound, ValidationError
from assessor.domain.filenames import safe_file_name
from assessor.services import attachments as att
from assessor.services.assessments import create_assessment
from assessor.services.evidence_files import save_copy, write_files
from assessor.services.thumbnails import ThumbnailRefused, can_preview, thumbnail_png
from assessor.store.db import Database


def png(width: int = 40, height: int = 30) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


@pytest.fixture
def assessment(db: Database, small_checklist: SmallChecklist, agency_id: str) -> str:
    with db.transaction() as s:
        return create_assessment(
            s, agency_id, checklist_id=small_checklist.id, assessed_on=date(2026, 11, 3)
        )


def count(db: Database, table: str) -> int:
    con = sqlite3.connect(db.path)
    try:
        return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        con.close()


def test_attach_to_an_answer_then_list_it_by_question(
    db: Database, assessment: str, small_checklist: SmallChecklist
) -> None:
    question = small_checklist.all_questions[0]
    with db.transaction() as s:
        row = att.attach_to_answer(
            s,
            assessment,
            question,
            b"%PDF-1.4 strategy",
            file_name="Strategi 2026.pdf",
            title="Strategin",
        )
    assert row.media_type == "application/pdf" and row.size == 17 and row.has_content
    with db.read() as s:
        found = att.for_assessment(s, assessment)
        assert [a.title for a in found[question]] == ["Strategin"]
        assert att.read_content(s, row.sha256) == b"%PDF-1.4 strategy"


def test_the_same_file_twice_is_stored_once(
    db: Database, assessment: str, small_checklist: SmallChecklist
) -> None:
    q1, q2 = small_checklist.all_questions[:2]
    with db.transaction() as s:
        a = att.attach_to_answer(s, assessment, q1, png(), file_name="tavla.png")
        b = att.attach_to_answer(s, assessment, q2, png(), file_name="tavla-igen.png")
    assert a.sha256 == b.sha256 and a.id != b.id
    assert count(db, "file_content") == 1 and count(db, "attachment") == 2


def test_detach_and_undo(db: Database, assessment: str, small_checklist: SmallChecklist) -> None:
    question = small_checklist.all_questions[0]
    with db.transaction() as s:
        row = att.attach_to_answer(s, assessment, question, b"text", file_name="a.txt")
    with db.transaction() as s:
        att.detach(s, row.id)
    with db.read() as s:
        assert att.for_assessment(s, assessment) == {}
        assert att.read_content(s, row.sha256) == b"text"  # the content stays for the undo
    with db.transaction() as s:
        att.reattach(s, row.id)
    with db.read() as s:
        assert [a.id for a in att.for_assessment(s, assessment)[question]] == [row.id]


def test_a_file_over_the_limit_is_refused_and_nothing_is_written(
    db: Database, assessment: str, small_checklist: SmallChecklist, tmp_path: Path
) -> None:
    with db.transaction() as s:
        att.set_max_bytes(s, 10)
    big = tmp_path / "big.bin"
    big.write_bytes(b"x" * 11)
    with db.read() as s:
        limit = att.max_bytes(s)
    with pytest.raises(BadInput, match="larger than"):
        att.read_file(big, limit)
    with pytest.raises(BadInput), db.transaction() as s:
        att.attach_to_answer(
            s, assessment, small_checklist.all_questions[0], b"x" * 11, file_name="big.bin"
        )
    assert count(db, "file_content") == 0 and count(db, "attachment") == 0


def test_unknown_target_is_refused(db: Database) -> None:
    with pytest.raises(ValidationError), db.transaction() as s:
        att.attach(s, "agency", "x", b"1", file_name="a")
    with pytest.raises(NotFound), db.transaction() as s:
        att.attach(s, "finding", "00000000-0000-0000-0000-000000000000", b"1", file_name="a")


@pytest.mark.parametrize("name", ["../../x", "..\\..\\x", "/etc/passwd", "C:\\x", "x/../../y"])
def test_a_hostile_name_is_written_inside_the_chosen_folder(
    db: Database, assessment: str, small_checklist: SmallChecklist, tmp_path: Path, name: str
) -> None:
    with db.transaction() as s:
        row = att.attach_to_answer(
            s, assessment, small_checklist.all_questions[0], b"data", file_name=name
        )
    folder = tmp_path / "out" / "evidence"
    folder.parent.mkdir()
    with db.read() as s:
        written, missing = write_files(s, [att.get_attachment(s, row.id)], folder)
    assert missing == [] and len(written) == 1
    assert [p.name for p in folder.iterdir()] == [written[0].name]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["evidence"]
    assert not (tmp_path / "x").exists()


def test_safe_file_names() -> None:
    assert safe_file_name("../../x") == "x"
    assert safe_file_name("..") == "file"
    assert safe_file_name("CON.txt") == "_CON.txt"
    assert safe_file_name("a\x00b:c?.pdf") == "a_b_c_.pdf"
    assert len(safe_file_name("é" * 500 + ".pdf")) <= 125


def test_confidential_files_stay_out_of_an_export_unless_asked(
    db: Database, assessment: str, small_checklist: SmallChecklist, tmp_path: Path
) -> None:
    q = small_checklist.all_questions[0]
    with db.transaction() as s:
        att.attach_to_answer(s, assessment, q, b"open", file_name="open.txt")
        att.attach_to_answer(s, assessment, q, b"secret", file_name="secret.txt", confidential=True)
    with db.read() as s:
        rows = att.for_assessment(s, assessment)[q]
        written, _ = write_files(s, rows, tmp_path / "a")
        assert [w.name for w in written] == ["open.txt"]
        written, _ = write_files(s, rows, tmp_path / "b", include_confidential=True)
        assert sorted(w.name for w in written) == ["open.txt", "secret.txt"]


def test_save_a_copy(
    db: Database, assessment: str, small_checklist: SmallChecklist, tmp_path: Path
) -> None:
    with db.transaction() as s:
        row = att.attach_to_answer(
            s, assessment, small_checklist.all_questions[0], png(), file_name="p.png"
        )
    with db.read() as s:
        save_copy(s, row.id, tmp_path / "copy.png")
    assert (tmp_path / "copy.png").read_bytes() == png()


def test_thumbnail_of_an_image() -> None:
    image = Image.open(io.BytesIO(thumbnail_png(png(800, 400), size=100)))
    assert image.size == (100, 50)


def test_a_decompression_bomb_is_refused_before_decoding() -> None:
    # 30,000 x 30,000 of one colour: a tiny PNG that would unpack to 2.7 GB
    out = io.BytesIO()
    Image.new("1", (30_000, 30_000)).save(out, format="PNG")
    assert len(out.getvalue()) < 200_000
    with pytest.raises(ThumbnailRefused):
        thumbnail_png(out.getvalue())


def one_page_pdf(width: float = 595, height: float = 842) -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=(width, height))
    page.rect(0, height / 2, width, height / 2, fill=1)  # the upper half black
    page.save()
    return out.getvalue()


def test_a_pdf_shows_its_first_page() -> None:
    image = Image.open(io.BytesIO(thumbnail_png(one_page_pdf(), size=100))).convert("L")
    assert image.size[1] == 100 and 68 <= image.size[0] <= 72  # A4's proportions
    top, bottom = image.getpixel((35, 10)), image.getpixel((35, 90))
    assert isinstance(top, int) and isinstance(bottom, int)
    assert top < 60 and bottom > 200  # the page drawn, not a blank box


def test_an_encrypted_damaged_or_absurd_pdf_gets_no_thumbnail() -> None:
    import pikepdf

    locked = io.BytesIO()
    with pikepdf.open(io.BytesIO(one_page_pdf())) as pdf:
        pdf.save(locked, encryption=pikepdf.Encryption(owner="o", user="secret"))
    for data in (
        locked.getvalue(),
        one_page_pdf()[:400],
        b"%PDF-1.7\n" + b"x" * 100,
        one_page_pdf(100_000, 100),
    ):
        with pytest.raises(ThumbnailRefused):
            thumbnail_png(data)


def test_pdfs_are_previewed() -> None:
    assert can_preview("application/pdf") and can_preview("image/png")
    assert not can_preview("application/zip")


@pytest.mark.parametrize("data", [b"", b"not an image", b"%!PS-Adobe-3.0 EPSF-3.0\n", b"\x89PNG"])
def test_what_is_not_a_plain_image_gets_no_thumbnail(data: bytes) -> None:
    with pytest.raises(ThumbnailRefused):
        thumbnail_png(data)


CHILD = """
import sys, time
from datetime import date
from pathlib import Path
from assessor.services import attachments as att
from assessor.store.db import Database

with Database(Path(sys.argv[1])) as db, db.transaction() as s:
    att.attach_to_answer(s, sys.argv[2], sys.argv[3], b"y" * (8 << 20), file_name="big.bin")
    s.flush()
    print("WRITTEN", flush=True)
    time.sleep(120)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs kill -9")
def test_kill_during_attach_leaves_no_attachment(
    db: Database, assessment: str, small_checklist: SmallChecklist
) -> None:
    path = db.path
    db.close()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), assessment, small_checklist.all_questions[0]],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    assert line.strip() == "WRITTEN", child.stderr.read() if child.stderr else line
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    with Database(path) as again:
        assert count(again, "file_content") == 0 and count(again, "attachment") == 0
        con = sqlite3.connect(path)
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        con.close()
        with again.transaction() as s:  # and attaching works afterwards
            att.attach_to_answer(
                s, assessment, small_checklist.all_questions[0], b"z", file_name="z.txt"
            )
        assert count(again, "attachment") == 1


def test_the_archive_holds_the_open_files_with_hashes_and_rebuilds_them(
    db: Database, assessment: str, small_checklist: SmallChecklist, tmp_path: Path
) -> None:
    import hashlib
    import json

    from assessor.services.archive import export_archive, import_archive
    from assessor.services.setup import init_database

    q = small_checklist.all_questions[0]
    with db.transaction() as s:
        att.attach_to_answer(s, assessment, q, b"open", file_name="../../x")
        att.attach_to_answer(
            s, assessment, q, b"secret", file_name="hemlig.txt", title="Hemlig", confidential=True
        )
    with db.read() as s:
        export_archive(s, tmp_path / "arkiv")
    folder = tmp_path / "arkiv"
    assert [p.name for p in (folder / "evidence").iterdir()] == ["x"]
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["files"]["evidence/x"] == hashlib.sha256(b"open").hexdigest()
    text = "".join(p.read_text("utf-8") for p in folder.rglob("*.json"))
    assert "Hemlig" not in text and "hemlig" not in text
    with init_database(tmp_path / "rebuilt.db") as again:
        with again.transaction() as s:
            for table in ("checklist_question", "checklist_dimension", "checklist"):
                s.execute(__import__("sqlalchemy").text(f"DELETE FROM {table}"))
        with again.transaction() as s:
            import_archive(s, folder)
        with again.read() as s:
            [row] = att.list_attachments(s)
            assert row.file_name == "x" and att.read_content(s, row.sha256) == b"open"
