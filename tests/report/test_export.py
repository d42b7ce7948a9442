"""From the database to a file: report data, the export record, and `assessor report`."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from report_samples import HOSTILE, flat, pdf_pages
from sqlalchemy import select

from assessor.cli.main import main
from assessor.domain.errors import BadInput, NotFound
from assessor.report import build_report
from assessor.report.markup import number
from assessor.services.advisors import create_advisor
from assessor.services.agencies import create_agency
from assessor.services.answers import add_meeting_note, set_answer
from assessor.services.assessments import create_assessment, update_assessment
from assessor.services.findings import create_finding
from assessor.services.meetings import add_participant, create_meeting
from assessor.services.recommendations import carry_forward, create_recommendation
from assessor.services.report_data import report_data
from assessor.services.reports import export_report, list_report_records
from assessor.store.db import Database
from assessor.store.models import Checklist, ChecklistDimension, ChecklistQuestion

SECRET_MEETING = "HEMLIGT-5521 budgetläcka"
SECRET_ENTRY = "KONFIDENTIELL-9034 personfråga"


@dataclass(frozen=True)
class Visit:
    previous: str
    current: str
    old_recommendation: str


@pytest.fixture
def visit(db: Database) -> Visit:
    with db.transaction() as s:
        checklist = s.scalars(select(Checklist)).first()
        assert checklist is not None
        dims = list(
            s.scalars(
                select(ChecklistDimension)
                .where(ChecklistDimension.checklist_id == checklist.id)
                .order_by(ChecklistDimension.position)
            )
        )
        questions = list(
            s.scalars(
                select(ChecklistQuestion)
                .where(ChecklistQuestion.checklist_id == checklist.id)
                .order_by(ChecklistQuestion.dimension_id, ChecklistQuestion.position)
            )
        )
        advisor = create_advisor(s, name="Åsa Öberg")
        agency = create_agency(s, name="Länsstyrelsen i Västra Götaland", org_number="202100-2080")
        previous = create_assessment(
            s,
            agency,
            checklist_id=checklist.id,
            assessed_on=date(2025, 2, 1),
            title="Första besöket",
            status="delivered",
        )
        old = create_recommendation(
            s, previous, title="Inför en förvaltningsmodell", priority="high", status="in_progress"
        )
        create_recommendation(s, previous, title="Gammal idé", priority="low")
        current = create_assessment(
            s,
            agency,
            checklist_id=checklist.id,
            assessed_on=date(2026, 2, 1),
            title="Uppföljning",
            status="in_review",
            summary="Sammanfattning: " + HOSTILE,
            advisor_ids=[advisor],
            targets={dims[0].id: 3.0},
        )
        set_answer(s, current, questions[0].id, level=2, comment=HOSTILE, confidence="high")
        set_answer(s, current, questions[1].id, level=4)
        set_answer(s, current, questions[2].id, not_applicable=True)
        create_finding(
            s,
            current,
            kind="weakness",
            title="Ingen ägare för grunddata",
            text="Ansvaret är oklart.",
            dimension_id=dims[0].id,
        )
        create_recommendation(
            s,
            current,
            title="Utse dataägare",
            priority="high",
            horizon="short",
            dimension_ids=[dims[0].id],
            rationale="Utan ägare ingen förvaltning.",
        )
        carry_forward(s, current, old)
        open_meeting = create_meeting(
            s,
            agency,
            starts_at=datetime(2026, 1, 20, 10, 0),
            title="Intervju med CIO",
            notes="Öppen anteckning om arkitektur.",
            decisions="Vi ses igen i mars.",
            assessment_id=current,
        )
        add_participant(s, open_meeting, name="Örjan Ek", role="CIO")
        add_meeting_note(
            s, open_meeting, text="Synlig notering", written_at=datetime(2026, 1, 20, 10, 5)
        )
        add_meeting_note(
            s,
            open_meeting,
            text=SECRET_ENTRY,
            confidential=True,
            written_at=datetime(2026, 1, 20, 10, 6),
        )
        closed = create_meeting(
            s,
            agency,
            starts_at=datetime(2026, 1, 21, 9, 0),
            title="Säkerhetsgenomgång",
            notes=SECRET_MEETING,
            decisions="Åtgärdslista tas fram.",
            confidential=True,
            assessment_id=current,
        )
        add_meeting_note(
            s, closed, text=SECRET_MEETING + " (notering)", written_at=datetime(2026, 1, 21, 9, 5)
        )
    return Visit(previous, current, old)


def test_report_data_holds_the_assessment_in_the_chosen_language(
    db: Database,
    visit: Visit,
) -> None:
    with db.read() as s:
        sv = report_data(s, visit.current, "sv")
        en = report_data(s, visit.current, "en")
    assert sv.agency_name == "Länsstyrelsen i Västra Götaland"
    assert sv.advisors == ("Åsa Öberg",)
    assert sv.status == "in_review"
    first = sv.dimensions[0]
    assert first.score is not None and 2 < first.score < 4  # levels 2 and 4, weighted
    assert (first.answered, first.applicable) == (2, first.total - 1)  # one N/A
    assert sv.dimensions[0].target == 3.0
    assert sv.dimensions[0].title != en.dimensions[0].title
    assert any(a.comment == HOSTILE for a in sv.answers)
    assert sv.previous_assessed_on == date(2025, 2, 1)
    followed = {p.title: p.followed_up for p in sv.previous_recommendations}
    assert followed == {"Inför en förvaltningsmodell": True, "Gammal idé": False}
    linked = {r.title: r.dimension_keys for r in sv.recommendations}
    assert linked["Utse dataägare"] == (first.key,)
    assert sv.findings[0].dimension_key == sv.dimensions[0].key
    assert sv.overall_explanation and sv.dimension_explanations


def test_confidential_notes_are_not_even_in_the_report_data(db: Database, visit: Visit) -> None:
    with db.read() as s:
        data = report_data(s, visit.current, "sv")
    everything = repr(data)
    assert "HEMLIGT" not in everything and "KONFIDENTIELL" not in everything
    closed = [m for m in data.meetings if m.confidential]
    assert closed and closed[0].decisions == "Åtgärdslista tas fram."
    assert "Synlig notering" in everything


def test_export_writes_the_pdf_and_records_the_delivery(
    db: Database,
    visit: Visit,
    tmp_path: Path,
) -> None:
    out = tmp_path / "rapport.pdf"
    steps: list[int] = []
    result = export_report(
        db,
        visit.current,
        out,
        language="sv",
        archival=True,
        recipient="Generaldirektören",
        exported_by="Åsa",
        progress=lambda percent, _name: steps.append(percent),
    )
    pdf = out.read_bytes()
    assert result.sha256 == hashlib.sha256(pdf).hexdigest()
    assert steps[-1] == 100 and steps == sorted(steps)
    text = flat(" ".join(pdf_pages(pdf)))
    assert "Länsstyrelsen i Västra Götaland" in text
    assert HOSTILE in text
    assert "Örjan Ek (CIO)" in text and "Synlig notering" in text
    assert "HEMLIGT" not in text and "KONFIDENTIELL" not in text
    assert "Inför en förvaltningsmodell" in text  # the previous visit's recommendation
    assert not list(tmp_path.glob("*.tmp"))
    with db.read() as s:
        records = list_report_records(s, visit.current)
    assert len(records) == 1
    record = records[0]
    assert (record.language, record.recipient, record.exported_by) == (
        "sv",
        "Generaldirektören",
        "Åsa",
    )
    assert record.archival and record.sha256 == result.sha256 and record.size == len(pdf)
    assert record.file_name == "rapport.pdf"


def test_the_same_data_exports_the_same_bytes(db: Database, visit: Visit, tmp_path: Path) -> None:
    first = export_report(db, visit.current, tmp_path / "a.pdf", language="en")
    second = export_report(db, visit.current, tmp_path / "b.pdf", language="en")
    assert first.sha256 == second.sha256


def test_bad_requests_change_nothing(db: Database, visit: Visit, tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        export_report(db, "no-such-id", tmp_path / "x.pdf")
    with pytest.raises(BadInput):
        export_report(db, visit.current, tmp_path / "x.pdf", language="de")
    with pytest.raises(BadInput):
        export_report(db, visit.current, tmp_path / "missing" / "x.pdf")
    with pytest.raises(BadInput):
        export_report(db, visit.current, tmp_path)
    assert not (tmp_path / "x.pdf").exists()
    with db.read() as s:
        assert list_report_records(s, visit.current) == []


def test_cli_report_writes_the_file_and_reports_errors_in_one_line(
    db: Database,
    visit: Visit,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = str(db.path)
    db.close()
    out = tmp_path / "report.pdf"
    code = main(
        [
            "report",
            "--db",
            path,
            "--assessment",
            visit.current,
            "--out",
            str(out),
            "--lang",
            "en",
            "--pdfa",
            "--recipient",
            "The agency",
            "--by",
            "Tester",
        ]
    )
    assert code == 0
    assert "Overall index" in flat(" ".join(pdf_pages(out.read_bytes())))
    assert "sha256" in capsys.readouterr().out
    code = main(["report", "--db", path, "--assessment", "nope", "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
    with Database(Path(path)) as again, again.read() as s:
        records = list_report_records(s, visit.current)
    assert [(r.language, r.archival, r.recipient, r.exported_by) for r in records] == [
        ("en", True, "The agency", "Tester")
    ]


def test_cli_report_writes_a_docx_by_extension_or_format_and_refuses_a_mismatch(
    db: Database,
    visit: Visit,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from docx import Document

    path = str(db.path)
    db.close()
    out = tmp_path / "rapport.docx"
    assert main(["report", "--db", path, "--assessment", visit.current, "--out", str(out)]) == 0
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "Länsstyrelsen i Västra Götaland" in text and HOSTILE in text
    assert "HEMLIGT" not in text and "KONFIDENTIELL" not in text
    capsys.readouterr()
    for args in (
        ["--out", str(tmp_path / "r.pdf"), "--format", "docx"],
        ["--out", str(tmp_path / "r.docx"), "--pdfa"],
    ):
        code = main(["report", "--db", path, "--assessment", visit.current, *args])
        err = capsys.readouterr().err
        assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert not (tmp_path / "r.pdf").exists() and not (tmp_path / "r.docx").exists()
    named = tmp_path / "word-file"
    code = main(
        [
            "report",
            "--db",
            path,
            "--assessment",
            visit.current,
            "--out",
            str(named),
            "--format",
            "docx",
            "--lang",
            "en",
        ]
    )
    assert code == 0 and named.read_bytes()[:2] == b"PK"
    with Database(Path(path)) as again, again.read() as s:
        records = list_report_records(s, visit.current)
    assert sorted(r.file_name for r in records) == ["rapport.docx", "word-file"]
    assert not any(r.archival for r in records)


def test_the_report_sets_the_previous_scores_beside_todays(db: Database, visit: Visit) -> None:
    with db.transaction() as s:
        checklist = s.scalars(select(Checklist)).first()
        assert checklist is not None
        [first_question] = s.scalars(
            select(ChecklistQuestion)
            .where(ChecklistQuestion.checklist_id == checklist.id)
            .order_by(ChecklistQuestion.dimension_id, ChecklistQuestion.position)
            .limit(1)
        )
        update_assessment(s, visit.previous, status="in_review")  # reopened to be scored
        set_answer(s, visit.previous, first_question.id, level=1)
    with db.read() as s:
        data = report_data(s, visit.current, "sv")
    first = data.dimensions[0]
    assert data.previous_scores[first.key] == 1.0
    assert data.previous_overall is not None
    text = "\n".join(pdf_pages(build_report(data)))
    assert "Poäng vid bedömningen 2025-02-01 och nu." in text
    assert "Förändring" in text
    assert first.score is not None
    assert f"+{number(first.score - 1.0, 'sv')}" in text
