"""A report scored on a profile says which, and counts only the profile's questions."""

from __future__ import annotations

import lzma
from datetime import date
from pathlib import Path

import pytest
from report_samples import flat, pdf_pages

from assessor.cli.main import main
from assessor.services.agencies import create_agency
from assessor.services.answers import set_answer
from assessor.services.assessments import create_assessment
from assessor.services.checklists import import_checklist, load_checklist, question_row_id
from assessor.services.report_data import report_data
from assessor.store.db import Database

SAMPLE = Path(__file__).parents[1] / "samples" / "ciso" / "essential-eight.yaml.xz"


def test_a_report_on_a_profile_names_it_and_scores_only_its_questions(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with db.transaction() as s:
        cid = import_checklist(s, lzma.decompress(SAMPLE.read_bytes()), "e8.yaml").checklist_id
        doc = load_checklist(s, cid)
        ml1 = next(q.id for _, q in doc.questions() if "1" in q.profiles)
        ml3 = next(q.id for _, q in doc.questions() if q.profiles == ("3",))
        agency = create_agency(s, name="Skatteverket")
        assessment = create_assessment(s, agency, checklist_id=cid, assessed_on=date(2026, 3, 1))
        set_answer(s, assessment, question_row_id(cid, ml1), level=4)
        set_answer(s, assessment, question_row_id(cid, ml3), level=0)
    with db.read() as s:
        whole = report_data(s, assessment, "sv")
        level_one = report_data(s, assessment, "sv", "1")
    assert (whole.overall, level_one.overall) == (pytest.approx(2.0), pytest.approx(4.0))
    assert whole.profile_name == "" and level_one.profile_name == "1"
    assert sum(d.total for d in level_one.dimensions) == 48
    path = db.path
    db.close()
    out = tmp_path / "ml1.pdf"
    args = ["report", "--db", str(path), "--assessment", assessment, "--out", str(out)]
    assert main([*args, "--profile", "1"]) == 0
    text = flat(" ".join(pdf_pages(out.read_bytes())))
    assert "Profil (bara dess frågor räknas) 1" in text
    assert "omfattar 48 frågor" in text
    assert main([*args, "--profile", "9"]) == 2
    assert "has no profile '9'" in capsys.readouterr().err


def test_the_report_dialog_offers_the_profiles_and_mapped_checklists(
    qtbot: object, db: Database, tmp_path: Path
) -> None:
    from assessor.services.mappings import import_mappings
    from assessor.ui import tasks
    from assessor.ui.report_dialog import ExportReportDialog

    samples = SAMPLE.parent
    with db.transaction() as s:
        cid = import_checklist(s, lzma.decompress(SAMPLE.read_bytes()), "e8.yaml").checklist_id
        agency = create_agency(s, name="Skatteverket")
        eight = create_assessment(s, agency, checklist_id=cid, assessed_on=date(2026, 3, 1))
        old = import_checklist(
            s, lzma.decompress((samples / "nist-csf-1.1.yaml.xz").read_bytes()), "a.yaml"
        ).checklist_id
        new = import_checklist(
            s, lzma.decompress((samples / "nist-csf-2.0.yaml.xz").read_bytes()), "b.yaml"
        ).checklist_id
        csf = create_assessment(s, agency, checklist_id=old, assessed_on=date(2026, 3, 2))
        import_mappings(
            s,
            lzma.decompress((samples / "map-nist-csf-1.1-nist-csf-2.0.yaml.xz").read_bytes()),
            "m",
        )
    dialog = ExportReportDialog(db, eight)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    assert dialog.profile is not None and dialog.read_as is None
    assert [dialog.profile.itemData(i) for i in range(dialog.profile.count())] == [
        "",  # the whole checklist, named (None would mean the assessment's own)
        "1",
        "2",
        "3",
    ]
    other = ExportReportDialog(db, csf)
    qtbot.addWidget(other)  # type: ignore[attr-defined]
    assert other.profile is None and other.read_as is not None
    other.read_as.setCurrentIndex(1)
    out = tmp_path / "csf.pdf"
    other.path.setText(str(out))
    other.start_export()
    assert tasks.wait_all(60000)
    assert other.result_path == out
    text = flat(" ".join(pdf_pages(out.read_bytes())))
    assert "Bilaga C. Bedömningen läst som en annan modell" in text
    assert new in str(other.read_as.itemData(1))
