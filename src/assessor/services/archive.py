"""The handover archive: everything the team knows, in open formats, readable without Assessor.

Layout (documented in docs/archive-format.md):
    manifest.json          format, program version, schema revision, counts, SHA-256 of every file
    README.md              the layout explained, in Swedish and English
    json/<table>.json      every row of one entity kind, deleted ones included (deleted_at set)
    csv/<table>.csv        the same rows as CSV (JSON columns as JSON text)
    checklists/*.yaml      every imported checklist as its canonical document
    reports/*.pdf          the reports on record, rebuilt from the data (see ReportRecord)
    evidence/*             the evidence files that are not confidential (their SHA-256 is in
                           json/attachment.json and in the manifest); file_content.json has
                           no rows: the files are here instead
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import false, select
from sqlalchemy.orm import Session

from assessor import __version__
from assessor.domain.checklist import from_canonical, to_document
from assessor.domain.csv_safety import neutral_cell
from assessor.domain.errors import BadInput
from assessor.services.archive_import import FORMAT, sha256_of
from assessor.services.archive_import import import_archive as import_archive
from assessor.services.archive_import import verify_archive as verify_archive
from assessor.services.attachments import list_attachments
from assessor.services.evidence_files import write_files
from assessor.services.tables import column_kind, row_dict
from assessor.store import schema
from assessor.store.models import (
    SYNCED_MODELS,
    Attachment,
    Checklist,
    FileContent,
    table_of,
)

Progress = Callable[[str], None]


@dataclass
class ArchiveSummary:
    folder: Path
    counts: dict[str, int] = field(default_factory=dict)
    files: int = 0
    reports_skipped: list[str] = field(default_factory=list)


def _csv_value(value: Any) -> Any:
    # the CSV files are for reading; the round trip goes through json/, which is exact
    if isinstance(value, dict | list):
        return neutral_cell(json.dumps(value, ensure_ascii=False, sort_keys=True))
    if value is None:
        return ""
    return neutral_cell(value)


def export_archive(
    session: Session,
    out: Path,
    *,
    report_builder: Callable[[str, str, bool], bytes] | None = None,
    progress: Progress | None = None,
    include_confidential: bool = False,
) -> ArchiveSummary:
    """Write the archive into `out` (a new or empty folder). Confidential attachments (rows
    and files) are left out unless `include_confidential`.

    `report_builder(assessment_id, language, archival)` rebuilds a report on record; without it the
    reports/ folder is left out and the summary says so.
    """
    if out.exists() and not out.is_dir():
        raise BadInput(
            f"{out} is a file; the archive needs a new folder", code="archive.is_file", path=out
        )
    if out.exists() and any(out.iterdir()):
        raise BadInput(
            f"{out} is not empty; choose a new folder for the archive",
            code="archive.not_empty",
            path=out,
        )
    if not out.parent.is_dir():
        raise BadInput(f"no such folder: {out.parent}", code="file.no_folder", folder=out.parent)
    for sub in ("json", "csv", "checklists", "reports"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    summary = ArchiveSummary(folder=out)
    tables_doc: dict[str, Any] = {}
    for model in SYNCED_MODELS:
        table = table_of(model)
        name = table.name
        if progress:
            progress(name)
        query = select(table).order_by(table.c.id)
        if model is FileContent:
            query = query.where(false())  # the files go to evidence/, not into JSON
        elif model is Attachment and not include_confidential:
            query = query.where(table.c.confidential.is_(False))
        rows = [row_dict(table, r) for r in session.execute(query)]
        summary.counts[name] = len(rows)
        tables_doc[name] = {c.name: column_kind(c.type) for c in table.columns}
        (out / "json" / f"{name}.json").write_text(
            json.dumps(
                {"format": FORMAT, "table": name, "columns": tables_doc[name], "rows": rows},
                ensure_ascii=False,
                indent=1,
            ),
            encoding="utf-8",
        )
        with (out / "csv" / f"{name}.csv").open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow([c.name for c in table.columns])
            for row in rows:
                writer.writerow([_csv_value(row[c.name]) for c in table.columns])
    for checklist in session.scalars(select(Checklist).order_by(Checklist.key, Checklist.version)):
        if not checklist.source.strip():
            continue  # built in code (tests), never imported from a file: nothing to write
        # the file format, not the canonical form: empty optional texts left out, so that the
        # file validates and imports as it is
        document = to_document(from_canonical(json.loads(checklist.source)))
        text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)
        safe = "".join(ch if ch.isalnum() or ch in "-._" else "_" for ch in checklist.key)
        (out / "checklists" / f"{safe}-{checklist.version}.yaml").write_text(text, "utf-8")
    _write_reports(session, out / "reports", report_builder, summary)
    evidence = list_attachments(
        session, include_deleted=True, include_confidential=include_confidential
    )
    write_files(session, evidence, out / "evidence", include_confidential=include_confidential)
    (out / "README.md").write_text(README, encoding="utf-8")
    files = {
        str(p.relative_to(out)): sha256_of(p)
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name != "manifest.json"
    }
    summary.files = len(files)
    manifest = {
        "format": FORMAT,
        "program_version": __version__,
        "schema_revision": schema.HEAD,
        "counts": summary.counts,
        "tables": tables_doc,
        "files": files,
    }
    (out / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return summary


def _write_reports(
    session: Session,
    folder: Path,
    builder: Callable[[str, str, bool], bytes] | None,
    summary: ArchiveSummary,
) -> None:
    from assessor.store.models import ReportRecord

    records = session.execute(
        select(ReportRecord.assessment_id, ReportRecord.language, ReportRecord.archival)
        .where(ReportRecord.deleted_at.is_(None))
        .distinct()
        .order_by(ReportRecord.assessment_id, ReportRecord.language, ReportRecord.archival)
    ).all()
    for assessment_id, language, archival in records:
        name = f"{assessment_id}-{language}{'-pdfa' if archival else ''}.pdf"
        if builder is None:
            summary.reports_skipped.append(name)
            continue
        (folder / name).write_bytes(builder(assessment_id, language, archival))


README = """\
# Överlämningsarkiv från Assessor / Handover archive from Assessor

## Svenska

Det här arkivet innehåller allt som rådgivarna har registrerat i Assessor: myndigheter,
kontaktpersoner, möten med anteckningar och beslut, åtgärder, bedömningar med svar,
iakttagelser, rekommendationer, rekommendationsbiblioteket, vilka rapporter som har
levererats och de mappningar mellan ramverk som har sparats (`json/mapping_set.json`). Allt
är i öppna format och kan läsas utan Assessor.

- `json/<tabell>.json`: alla rader av ett slag. Varje rad har ett unikt id (UUID); kolumner som
  slutar på `_id` pekar på id i en annan tabell. Raderade rader finns kvar med `deleted_at` ifyllt.
- `csv/<tabell>.csv`: samma rader som CSV (UTF-8, komma som avgränsare). Kolumner med
  flerspråkig text är JSON-text, t.ex. `{"sv": "...", "en": "..."}`.
- `checklists/`: mognadsmodellerna (checklistorna) som YAML.
- `reports/`: de levererade rapporterna som PDF, skapade på nytt ur samma data.
- `manifest.json`: format, programversion, antal rader per tabell, kolumnernas typer och en
  SHA-256-kontrollsumma för varje fil.

Sekretessbelagda möten är markerade med `confidential = true`; hantera dem därefter.
Underlagsfiler (`evidence/`) finns med utom de sekretessbelagda; deras SHA-256 står i
`json/attachment.json` och i `manifest.json`.

## English

This archive holds everything the advisors recorded in Assessor: agencies, contacts, meetings
with notes and decisions, action items, assessments with answers, findings, recommendations,
the recommendation library, which reports were delivered and the mapping sets kept between
frameworks (`json/mapping_set.json`). It is in open formats, readable without Assessor.

- `json/<table>.json`: every row of one kind. Each row has a unique id (UUID); columns ending in
  `_id` point to an id in another table. Deleted rows are kept with `deleted_at` set.
- `csv/<table>.csv`: the same rows as CSV (UTF-8, comma separated). Columns holding text in several
  languages are JSON text, e.g. `{"sv": "...", "en": "..."}`.
- `checklists/`: the maturity models (checklists) as YAML.
- `reports/`: the delivered reports as PDF, rebuilt from the same data.
- `manifest.json`: format, program version, row counts per table, column types and a SHA-256
  checksum of every file.

Confidential meetings are marked `confidential = true`; handle them accordingly.
Evidence files (`evidence/`) are included except the confidential ones; their SHA-256 is in
`json/attachment.json` and in `manifest.json`.
"""
