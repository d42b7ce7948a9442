"""The report's answers appendix lists the evidence files per answer (names and dates), never
the confidential ones and never the files themselves."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from pathlib import Path

from docx import Document
from report_samples import flat, pdf_pages

from assessor.report import build_docx, build_report
from assessor.services import attachments as att
from assessor.services.agencies import create_agency
from assessor.services.assessments import create_assessment
from assessor.services.report_data import report_data
from assessor.services.setup import init_database


def test_evidence_names_and_dates_in_the_appendix_confidential_ones_absent(
    tmp_path: Path,
) -> None:
    with init_database(tmp_path / "r.db") as db:
        with db.read() as s:
            from assessor.store.models import Checklist

            checklist = s.query(Checklist).first()
            assert checklist is not None
        with db.transaction() as s:
            agency = create_agency(s, name="Tillväxtverket")
            assessment = create_assessment(
                s, agency, checklist_id=checklist.id, assessed_on=date(2026, 11, 3)
            )
        with db.read() as s:
            data = report_data(s, assessment, "sv")
        from assessor.services.checklists import load_checklist, question_row_id

        with db.read() as s:  # the report numbers questions ("1.1"); the first one's key
            first = load_checklist(s, checklist.id).dimensions[0].questions[0].id
        qid = question_row_id(checklist.id, first)
        with db.transaction() as s:
            att.attach_to_answer(
                s,
                assessment,
                qid,
                b"PLAINBYTES",
                file_name="a.pdf",
                title="Digitaliseringsstrategi <2026>",
            )
            att.attach_to_answer(
                s,
                assessment,
                qid,
                b"SECRETBYTES",
                file_name="b.pdf",
                title="Hemlig riskanalys",
                confidential=True,
            )
        with db.read() as s:
            data = report_data(s, assessment, "sv")
    [(name, day)] = data.answers[0].evidence
    assert name == "Digitaliseringsstrategi <2026>" and day == datetime.now(UTC).date()
    text = flat(" ".join(pdf_pages(build_report(data))))
    assert f"Underlag: Digitaliseringsstrategi <2026> ({day.isoformat()})" in text
    assert "Hemlig" not in text and "PLAINBYTES" not in text
    doc = Document(io.BytesIO(build_docx(data)))
    words = " ".join(p.text for p in doc.paragraphs)
    assert "Digitaliseringsstrategi <2026>" in words and "Hemlig" not in words
