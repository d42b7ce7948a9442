"""The Export report dialog: builds off the UI thread, shows progress, offers the viewer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from report_samples import flat, pdf_pages
from sqlalchemy import select

from assessor.services.agencies import create_agency
from assessor.services.assessments import create_assessment
from assessor.services.reports import list_report_records
from assessor.store.db import Database
from assessor.store.models import Checklist

pytest.importorskip("PySide6")


@pytest.fixture
def assessment_id(db: Database) -> str:
    with db.transaction() as s:
        checklist = s.scalars(select(Checklist)).first()
        assert checklist is not None
        agency = create_agency(s, name="Försäkringskassan")
        return create_assessment(s, agency, checklist_id=checklist.id,
                                 assessed_on=date(2026, 4, 1), title="Vårens bedömning")


def test_export_in_the_background_then_open_in_the_viewer(
    qtbot: object, db: Database, assessment_id: str, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtGui import QDesktopServices

    from assessor.ui import tasks
    from assessor.ui.report_dialog import ExportReportDialog

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: opened.append(url.toLocalFile()) or True))
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
    assert (record.language, record.archival, record.recipient) == (
        "en", True, "Generaldirektören")
    assert dialog.open_in_viewer()
    assert opened == [str(out)]


def test_a_bad_folder_is_reported_in_the_dialog(
    qtbot: object, db: Database, assessment_id: str, tmp_path: Path,
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
