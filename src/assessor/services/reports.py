"""Exporting an assessment's report: build the PDF, write it safely, keep a record of it.

The export reads in one short unit of work, builds the PDF with no database open, then records
what was delivered (when, language, who, to whom, SHA-256) in a second one, so a slow build
never holds the writer's lock.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.domain.errors import BadInput
from assessor.report import build_docx, build_report
from assessor.services.delivered import snapshot
from assessor.services.files import check_output, write_atomically
from assessor.services.report_data import REPORT_LANGUAGES, report_data
from assessor.services.rows import get_live
from assessor.store.db import Database
from assessor.store.models import Assessment, ReportRecord, utcnow

REPORT_FORMATS = ("pdf", "docx")
_KINDS = {"pdf": (b"%PDF", "PDF report"), "docx": (b"PK", "Word document")}

Progress = Callable[[int, str], None]
"""Called with a percentage and the step's name ("reading", "building", "writing", "done")."""


@dataclass(frozen=True)
class ReportRow:
    id: str
    assessment_id: str
    exported_at: datetime
    language: str
    exported_by: str
    recipient: str
    sha256: str
    archival: bool
    file_name: str
    size: int
    scores: str = ""
    """The scores and answers as delivered (services/delivered.py); "" in older records."""


@dataclass(frozen=True)
class ExportResult:
    record_id: str
    path: Path
    sha256: str
    size: int


def _row(r: ReportRecord) -> ReportRow:
    return ReportRow(
        r.id,
        r.assessment_id,
        r.exported_at,
        r.language,
        r.exported_by,
        r.recipient,
        r.sha256,
        r.archival,
        r.file_name,
        r.size,
        r.scores,
    )


def record_export(
    session: Session,
    assessment_id: str,
    *,
    language: str,
    sha256: str,
    size: int,
    archival: bool = False,
    exported_by: str = "",
    recipient: str = "",
    file_name: str = "",
    exported_at: datetime | None = None,
    scores: str = "",
) -> str:
    """Store that a report was delivered, with the scores it gave (``scores``, a snapshot
    from services.delivered); returns the record's id."""
    get_live(session, Assessment, assessment_id)
    if language not in REPORT_LANGUAGES:
        raise BadInput(
            f"the report language must be one of {', '.join(REPORT_LANGUAGES)}",
            code="report.language",
            languages=", ".join(REPORT_LANGUAGES),
        )
    record = ReportRecord(
        assessment_id=assessment_id,
        exported_at=exported_at or utcnow(),
        language=language,
        exported_by=exported_by.strip(),
        recipient=recipient.strip(),
        sha256=sha256,
        archival=archival,
        file_name=file_name,
        size=size,
        scores=scores,
    )
    session.add(record)
    session.flush()
    return record.id


def list_report_records(session: Session, assessment_id: str) -> list[ReportRow]:
    """What was delivered for the assessment, newest first."""
    rows = session.scalars(
        select(ReportRecord)
        .where(ReportRecord.assessment_id == assessment_id, ReportRecord.deleted_at.is_(None))
        .order_by(ReportRecord.exported_at.desc(), ReportRecord.id)
    )
    return [_row(r) for r in rows]


def export_report(
    db: Database,
    assessment_id: str,
    out: Path,
    *,
    language: str = "sv",
    archival: bool = False,
    recipient: str = "",
    exported_by: str = "",
    progress: Progress | None = None,
    file_format: str = "pdf",
    profile: str | None = None,
    read_as: tuple[str, str] | None = None,
) -> ExportResult:
    """Build the report (tagged PDF, or an editable DOCX with ``file_format="docx"``), write
    it to ``out`` and record the delivery."""
    step = progress or (lambda _percent, _name: None)
    if language not in REPORT_LANGUAGES:
        raise BadInput(
            f"the report language must be one of {', '.join(REPORT_LANGUAGES)}",
            code="report.language",
            languages=", ".join(REPORT_LANGUAGES),
        )
    if file_format not in REPORT_FORMATS:
        raise BadInput(
            f"the report format must be one of {', '.join(REPORT_FORMATS)}",
            code="report.format",
            formats=", ".join(REPORT_FORMATS),
        )
    if archival and file_format != "pdf":
        raise BadInput(
            "only a PDF can be archival (PDF/A); leave out --pdfa for a DOCX",
            code="report.pdfa_docx",
        )
    header, what = _KINDS[file_format]
    check_output(out, db_path=db.path, header=header, what=what)
    step(5, "reading")
    with db.read() as session:
        if profile is None:  # the assessment's own choice, unless the caller names one
            profile = get_live(session, Assessment, assessment_id).profile or None
        elif profile == "":  # named: the whole checklist, whatever the assessment keeps
            profile = None
        data = report_data(session, assessment_id, language, profile, read_as)
        delivered = snapshot(session, assessment_id, profile)
    step(25, "building")
    pdf = build_docx(data) if file_format == "docx" else build_report(data, archival=archival)
    step(85, "writing")
    write_atomically(out, pdf)
    digest = hashlib.sha256(pdf).hexdigest()
    with db.transaction() as session:
        record_id = record_export(
            session,
            assessment_id,
            language=language,
            sha256=digest,
            size=len(pdf),
            archival=archival,
            exported_by=exported_by,
            recipient=recipient,
            file_name=out.name,
            scores=delivered,
        )
    step(100, "done")
    return ExportResult(record_id, out, digest, len(pdf))
