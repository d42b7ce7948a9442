"""The Export report dialog: builds off the UI thread, shows progress, offers the viewer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from report_samples import flat, pdf_pages
from sqlalchemy import select

from assessor.services.agencies import create_agency
from assessor.services.assessments import create_assessment
from assessor.services.reports import list_report_records
from assessor.store.db import Database
from assessor.store.models import Checklist

pytest.importorskip("PySide6")


@pytest.fixture(autouse=True)
def _settings(tmp_path: Path) -> None:
    from assessor.ui import settings

    folder = tmp_path / "settings"
    folder.mkdir()
    settings.use_folder(folder)  # the last export folder is remembered: not in the user's


@pytest.fixture
def assessment_id(db: Database) -> str:
    with db.transaction() as s:
        checklist = s.scalars(select(Checklist)).first()
        assert checklist is not None
        agency = create_agency(s, name="Försäkringskassan")
        return create_assessment(
            s,
            agency,
            checklist_id=checklist.id,
            assessed_on=date(2026, 4, 1),
            title="Vårens bedömning",
        )


def test_export_in_the_background_then_open_in_the_viewer(
    qtbot: object,
    db: Database,
    assessment_id: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtGui import QDesktopServices

    from assessor.ui import tasks
    from assessor.ui.report_dialog import ExportReportDialog

    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices,
        "openUrl",
        staticmethod(lambda url: opened.append(url.toLocalFile()) or True),
    )
    dialog = ExportReportDialog(db, assessment_id)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    assert not dialog.open_button.isEnabled()
    out = tmp_path / "rapport.pdf"
    dialog.path.setText(str(out))
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.archival.setChecked(True)
    dialog.recipient.setText("Generaldirektören")
    dialog.start_export()
    assert not dialog.export_button.isEnabled()  # busy while the worker runs
    assert tasks.wait_all(60000)
    assert dialog.result_path == out
    assert dialog.export_button.isEnabled() and dialog.open_button.isEnabled()
    assert dialog.progress.value() == 100
    assert "Försäkringskassan" in flat(" ".join(pdf_pages(out.read_bytes())))
    with db.read() as s:
        [record] = list_report_records(s, assessment_id)
    assert (record.language, record.archival, record.recipient) == ("en", True, "Generaldirektören")
    assert dialog.open_in_viewer()
    assert opened == [str(out)]


def test_a_bad_folder_is_reported_in_the_dialog(
    qtbot: object,
    db: Database,
    assessment_id: str,
    tmp_path: Path,
) -> None:
    from assessor.ui import tasks
    from assessor.ui.report_dialog import ExportReportDialog

    dialog = ExportReportDialog(db, assessment_id)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.path.setText(str(tmp_path / "no-such-folder" / "r.pdf"))
    with tasks.synchronous():
        dialog.start_export()
    assert "no such folder" in dialog.message.text()
    assert not dialog.open_button.isEnabled()
    assert dialog.export_button.isEnabled()


def test_the_default_file_name_names_agency_assessment_and_language(
    qtbot: object,
    db: Database,
    assessment_id: str,
) -> None:
    from assessor.ui.report_dialog import ExportReportDialog, default_folder

    dialog = ExportReportDialog(db, assessment_id, suggested_name="ignored")
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    path = Path(dialog.path.text())
    assert path.name == "Försäkringskassan – Vårens bedömning (sv).pdf"
    assert path.parent == default_folder()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert Path(dialog.path.text()).name == "Försäkringskassan – Vårens bedömning (en).pdf"
    dialog.path.setText("/somewhere/mine.pdf")  # a name the user chose stays
    dialog.language.setCurrentIndex(dialog.language.findData("sv"))
    assert dialog.path.text() == "/somewhere/mine.pdf"


def test_two_assessments_of_one_agency_get_different_names_in_the_last_folder(
    qtbot: object,
    db: Database,
    assessment_id: str,
    tmp_path: Path,
) -> None:
    from assessor.ui import tasks
    from assessor.ui.report_dialog import ExportReportDialog

    with db.transaction() as s:
        first = s.get(Checklist, s.scalars(select(Checklist.id)).first())
        assert first is not None
        from assessor.services.assessments import get_assessment

        agency = get_assessment(s, assessment_id).agency_id
        untitled = create_assessment(
            s, agency, checklist_id=first.id, assessed_on=date(2026, 9, 30), title=""
        )
    dialog = ExportReportDialog(db, assessment_id)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    out = tmp_path / "reports" / Path(dialog.path.text()).name
    out.parent.mkdir()
    dialog.path.setText(str(out))
    with tasks.synchronous():
        dialog.start_export()
    assert dialog.result_path == out

    second = ExportReportDialog(db, untitled)
    qtbot.addWidget(second)  # type: ignore[attr-defined]
    path = Path(second.path.text())
    assert path.parent == out.parent  # the folder used last time
    assert path.name == "Försäkringskassan – 2026-09-30 (sv).pdf"
    assert path != out


@given(agency=st.text(max_size=80), title=st.text(max_size=80))
def test_file_names_never_hold_characters_a_file_system_refuses(agency: str, title: str) -> None:
    from assessor.ui.report_dialog import report_file_name

    name = report_file_name(agency, title, date(2025, 1, 2), "sv")
    assert name.endswith(" (sv).pdf") and len(name) <= 170
    assert not set(name) & set('<>:"/\\|?*')
    assert all(ord(ch) >= 32 for ch in name)
    assert not name.startswith((" ", "."))


def test_the_word_format_writes_a_docx_and_cannot_be_archival(
    qtbot: object,
    db: Database,
    assessment_id: str,
    tmp_path: Path,
) -> None:
    from docx import Document

    from assessor.ui import tasks
    from assessor.ui.report_dialog import ExportReportDialog

    dialog = ExportReportDialog(db, assessment_id)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.archival.setChecked(True)
    dialog.file_format.setCurrentIndex(dialog.file_format.findData("docx"))
    assert Path(dialog.path.text()).name == "Försäkringskassan – Vårens bedömning (sv).docx"
    assert not dialog.archival.isEnabled() and not dialog.archival.isChecked()
    dialog.path.setText(str(tmp_path / "mine.pdf"))
    dialog.file_format.setCurrentIndex(dialog.file_format.findData("pdf"))
    dialog.file_format.setCurrentIndex(dialog.file_format.findData("docx"))
    assert dialog.path.text() == str(tmp_path / "mine.docx")  # a chosen name keeps its stem
    dialog.start_export()
    assert tasks.wait_all(60000)
    assert dialog.result_path == tmp_path / "mine.docx"
    headings = [
        p.text
        for p in Document(str(tmp_path / "mine.docx")).paragraphs
        if p.style.name.startswith("Heading")
    ]
    assert "1. Sammanfattning" in headings
    with db.read() as s:
        [record] = list_report_records(s, assessment_id)
    assert record.file_name == "mine.docx" and not record.archival
