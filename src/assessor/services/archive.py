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
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import Table, false, insert, select
from sqlalchemy.orm import Session

from assessor import __version__
from assessor.domain.checklist import from_canonical, to_document
from assessor.domain.csv_safety import neutral_cell
from assessor.domain.errors import BadInput
from assessor.services.attachments import list_attachments
from assessor.services.evidence_files import write_files
from assessor.services.tables import column_kind, from_plain, row_dict
from assessor.store import schema, stamping
from assessor.store.models import (
    SYNCED_MODELS,
    Attachment,
    Checklist,
    FileContent,
    table_of,
    utcnow,
)
from assessor.store.stamping import read_site_and_clock
from assessor.sync.contents import content_id

FORMAT = "assessor-archive/1"
Progress = Callable[[str], None]


@dataclass
class ArchiveSummary:
    folder: Path
    counts: dict[str, int] = field(default_factory=dict)
    files: int = 0
    reports_skipped: list[str] = field(default_factory=list)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


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
    evidence = list_attachments(session, include_deleted=True,
                                include_confidential=include_confidential)
    write_files(session, evidence, out / "evidence", include_confidential=include_confidential)
    (out / "README.md").write_text(README, encoding="utf-8")
    files = {
        str(p.relative_to(out)): _sha256(p)
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


def _read_manifest(folder: Path) -> dict[str, Any]:
    path = folder / "manifest.json"
    if not path.is_file():
        raise BadInput(
            f"{folder} is not an Assessor archive (no manifest.json)",
            code="archive.no_manifest",
            path=folder,
        )
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadInput(
            f"{path}: not readable JSON ({exc})", code="archive.bad_json", path=path, reason=exc
        ) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BadInput(
            f"{path}: not an archive of format {FORMAT}",
            code="archive.bad_format",
            path=path,
            format=FORMAT,
        )
    revision = manifest.get("schema_revision")
    if revision not in schema.REVISIONS:
        raise BadInput(
            f"{path}: written by a newer version of Assessor (schema {revision}); "
            "install the newer version to read it",
            code="archive.newer",
            path=path,
            revision=revision,
        )
    return manifest


def verify_archive(folder: Path) -> dict[str, Any]:
    """Check the manifest and every file's checksum; returns the manifest."""
    manifest = _read_manifest(folder)
    files = manifest.get("files", {})
    for rel, digest in sorted(files.items()):
        path = folder / rel
        if not path.is_file():
            raise BadInput(
                f"{folder}: {rel} is missing from the archive",
                code="archive.missing_file",
                folder=folder,
                file=rel,
            )
        if _sha256(path) != digest:
            raise BadInput(
                f"{folder}: {rel} was changed or damaged (checksum differs)",
                code="archive.changed_file",
                folder=folder,
                file=rel,
            )
    return manifest


def import_archive(
    session: Session, folder: Path, progress: Progress | None = None
) -> dict[str, int]:
    """Rebuild the rows of an archive into an empty database, ids and all."""
    verify_archive(folder)
    counts: dict[str, int] = {}
    for model in SYNCED_MODELS:
        table = table_of(model)
        if session.execute(select(table.c.id).limit(1)).first() is not None:
            raise BadInput(
                f"the database already holds {table.name} rows; import into a new one",
                code="archive.database_not_empty",
                table=table.name,
            )
        path = folder / "json" / f"{table.name}.json"
        if not path.is_file():
            raise BadInput(f"{folder}: json/{table.name}.json is missing")
        if progress:
            progress(table.name)
        doc = json.loads(path.read_text(encoding="utf-8"))
        columns = {c.name: c for c in table.columns}
        rows = []
        for number, raw in enumerate(doc.get("rows", []), start=1):
            if not isinstance(raw, dict) or set(raw) - set(columns):
                raise BadInput(f"json/{table.name}.json: row {number} has unknown fields")
            try:
                rows.append({k: from_plain(columns[k].type, v) for k, v in raw.items()})
            except (ValueError, TypeError) as exc:
                raise BadInput(f"json/{table.name}.json: row {number}: {exc}") from None
        if rows:
            session.execute(insert(table), _parents_first(table, rows))
        counts[table.name] = len(rows)
    _import_evidence(session, folder)
    # plain inserts carry no sync stamps: stamp the rebuilt rows so they sync right away
    stamping.backfill(session.connection())
    return counts


def _import_evidence(session: Session, folder: Path) -> None:
    """The files in evidence/ become contents again, found by their hash (never by name),
    stored as this laptop's (their ids name this site, see sync/contents.py)."""
    wanted = set(session.scalars(select(Attachment.sha256)))
    site = read_site_and_clock(session.connection())[0]
    evidence = folder / "evidence"
    for path in sorted(evidence.iterdir()) if evidence.is_dir() else []:
        if not path.is_file() or path.is_symlink():
            continue
        data = path.read_bytes()
        sha256 = hashlib.sha256(data).hexdigest()
        if sha256 in wanted:
            wanted.discard(sha256)
            session.execute(insert(table_of(FileContent)), [{
                "id": content_id(sha256, site), "sha256": sha256, "size": len(data),
                "content": data, "created_at": utcnow(), "updated_at": utcnow(),
            }])


def _parents_first(table: Table, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Order rows so that one pointing to a row of its own table (a recommendation following
    up an earlier one) comes after that row; foreign keys are checked as rows are inserted."""
    self_refs = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
    if not self_refs:
        return rows
    ids = {row["id"] for row in rows}
    placed: set[str] = set()
    ordered: list[dict[str, Any]] = []
    pending = rows
    while pending:
        ready = [
            r
            for r in pending
            if all(r.get(c) is None or r[c] in placed or r[c] not in ids for c in self_refs)
        ]
        if not ready:  # a cycle: let the database report the broken reference
            ready = pending
        ordered.extend(ready)
        placed.update(r["id"] for r in ready)
        pending = [r for r in pending if r["id"] not in placed]
    return ordered


README = """\
# Överlämningsarkiv från Assessor / Handover archive from Assessor

## Svenska

Det här arkivet innehåller allt som rådgivarna har registrerat i Assessor: myndigheter,
kontaktpersoner, möten med anteckningar och beslut, åtgärder, bedömningar med svar,
iakttagelser, rekommendationer, rekommendationsbiblioteket och vilka rapporter som har
levererats. Allt är i öppna format och kan läsas utan Assessor.

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
the recommendation library and which reports were delivered. It is in open formats, readable
without Assessor.

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
