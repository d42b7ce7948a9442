"""Any text a user typed or pasted ends up in the XLSX export, which Excel can then open."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from assessor.cli.main import main
from assessor.services import agencies
from assessor.services.answers import set_answer
from assessor.services.assessments import create_assessment
from assessor.services.checklists import list_checklists, load_checklist, question_row_id
from assessor.services.findings import create_finding
from assessor.services.spreadsheet import XLSX_CELL_CHARS, xlsx_text
from assessor.store.db import Database

LONG = "Protokoll " * 4000  # 40,000 characters pasted into one comment


def test_text_a_worksheet_cannot_hold_is_made_so_it_can() -> None:
    assert xlsx_text("rad ett\x0brad två\x0csida två") == "rad ett\nrad två\nsida två"
    assert xlsx_text("ring\x07 esc\x1b nul\x00 tab\t slut\r\n") == "ring esc nul tab\t slut\r\n"
    cut = xlsx_text(LONG)
    assert len(cut) == XLSX_CELL_CHARS and cut.endswith("…") and LONG.startswith(cut[:-1])
    assert xlsx_text('=HYPERLINK("x")') == '=HYPERLINK("x")'  # kept text by write_xlsx


def test_the_xlsx_export_takes_control_characters_and_a_huge_comment(
    db: Database, tmp_path: Path
) -> None:
    # a bell in a comment made the export end in openpyxl's IllegalCharacterError traceback
    with db.transaction() as s:
        checklist = list_checklists(s)[0]
        question = next(q for _, q in load_checklist(s, checklist.id).questions())
        agency = agencies.create_agency(s, name="Myndigheten\x07 för test")
        assessment = create_assessment(
            s, agency, checklist_id=checklist.id, assessed_on=date(2026, 3, 1)
        )
        set_answer(s, assessment, question_row_id(checklist.id, question.id), level=2, comment=LONG)
        create_finding(s, assessment, kind="risk", title="Rad ett\x0bRad två", text="\x1b[31m")
    path = db.path
    db.close()
    out = tmp_path / "export.xlsx"
    assert main(["export", "xlsx", "--db", str(path), "--out", str(out)]) == 0
    book = load_workbook(out)
    assert book["assessments"]["B2"].value == "Myndigheten för test"
    comments = [c.value for c in book["answers"]["J"] if c.value and c.value.startswith("Proto")]
    assert [len(c) for c in comments] == [XLSX_CELL_CHARS]
    assert book["findings"]["F2"].value == "Rad ett\nRad två"
    assert book["findings"]["G2"].value == "[31m"
