"""Checklists: importing (ours and CISO Assistant libraries), listing, loading, the default
model. Moving an assessment to a newer version is checklist_migration.py (importable from here).

A checklist version is immutable once imported and identified by key, version and content hash.
Row ids are derived from that identity, so two laptops importing the same file create the same
rows, and a sync merges them into one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from assessor.domain.checklist import (
    ChecklistDoc,
    ChecklistVersionConflict,
    from_canonical,
    version_key,
)
from assessor.domain.checklist_validate import read_checklist
from assessor.domain.ciso import read_ciso_library
from assessor.domain.ciso_read import sniff_library
from assessor.domain.errors import BadInput, NotFound
from assessor.domain.messages import note
from assessor.paths import resource
from assessor.services.checklist_migration import MigrationReport as MigrationReport
from assessor.services.checklist_migration import migrate_assessment as migrate_assessment
from assessor.store.models import (
    Assessment,
    Checklist,
    ChecklistDimension,
    ChecklistQuestion,
    derived_id,
)


@dataclass(frozen=True)
class ImportResult:
    checklist_id: str
    key: str
    version: str
    content_hash: str
    added: bool
    """False when this very version was already imported (nothing changed)."""
    dimensions: int
    questions: int
    notes: tuple[str, ...] = ()
    """What could not be mapped, for a file converted from another format."""
    source_format: str = "assessor"


@dataclass(frozen=True)
class ChecklistRow:
    id: str
    key: str
    version: str
    content_hash: str
    title: dict[str, str]
    languages: tuple[str, ...]
    dimensions: int
    questions: int
    assessments: int
    imported_at: datetime


def checklist_row_id(doc: ChecklistDoc) -> str:
    return derived_id("checklist", doc.id, doc.version, doc.content_hash)


def dimension_row_id(checklist_id: str, key: str) -> str:
    return derived_id("checklist_dimension", checklist_id, key)


def question_row_id(checklist_id: str, key: str) -> str:
    return derived_id("checklist_question", checklist_id, key)


def parse_file(data: bytes, file_name: str) -> tuple[ChecklistDoc, tuple[str, ...], str]:
    """The checklist in a file of our format or a CISO Assistant library (detected).

    Returns the document, the notes on what was not mapped, and the format's name; raises
    ChecklistProblems (a BadInput) with line-numbered problems.
    """
    if sniff_library(data):
        conversion = read_ciso_library(data, file_name)
        return conversion.doc, tuple(conversion.notes), "ciso-assistant"
    return read_checklist(data, file_name), (), "assessor"


def _live_versions(session: Session, key: str, version: str) -> list[Checklist]:
    return list(
        session.scalars(
            select(Checklist).where(
                Checklist.key == key,
                Checklist.version == version,
                Checklist.deleted_at.is_(None),
            )
        )
    )


def store_checklist(
    session: Session,
    doc: ChecklistDoc,
    *,
    notes: tuple[str, ...] = (),
    source_format: str = "assessor",
    as_new_version: bool = False,
) -> ImportResult:
    """Add a parsed checklist unless this version is already there (see import_checklist)."""
    checklist_id = checklist_row_id(doc)
    result = ImportResult(
        checklist_id=checklist_id,
        key=doc.id,
        version=doc.version,
        content_hash=doc.content_hash,
        added=True,
        dimensions=len(doc.dimensions),
        questions=doc.question_count,
        notes=notes,
        source_format=source_format,
    )
    existing_versions = _live_versions(session, doc.id, doc.version)
    for existing in existing_versions:
        if existing.content_hash == doc.content_hash:
            return replace(result, added=False, checklist_id=existing.id)
    for existing in existing_versions:
        if source_format == "ciso-assistant":
            # the user cannot give a published library a higher version: the program can
            reconverted, already = _next_conversion(session, doc)
            if already is not None:
                return replace(
                    result,
                    added=False,
                    checklist_id=already.id,
                    version=reconverted.version,
                    content_hash=reconverted.content_hash,
                )
            if as_new_version:
                note_text = note("reconverted", version=reconverted.version, old=doc.version)
                return store_checklist(
                    session, reconverted, notes=(*notes, note_text), source_format=source_format
                )
            raise ChecklistVersionConflict(
                f"checklist {doc.id} version {doc.version} is already imported from an earlier "
                f"conversion of this CISO Assistant library (hash {existing.content_hash[:12]}, "
                f"now {doc.content_hash[:12]}): this program now converts it differently "
                "(profiles, level descriptors, headings); the imported version stays as it "
                "was, and so do the assessments on it. To use the new conversion, import the "
                f"file as a new version ({reconverted.version}) beside it",
                code="checklist.version_conflict_converted",
                checklist=doc.id,
                version=doc.version,
                old=existing.content_hash[:12],
                new=doc.content_hash[:12],
                next=reconverted.version,
            )
        raise ChecklistVersionConflict(
            f"checklist {doc.id} version {doc.version} is already imported with different "
            f"content (hash {existing.content_hash[:12]}, this file {doc.content_hash[:12]}); "
            "an imported version never changes: give the changed file a higher version",
            code="checklist.version_conflict",
            checklist=doc.id,
            version=doc.version,
            old=existing.content_hash[:12],
            new=doc.content_hash[:12],
        )
    row = session.get(Checklist, checklist_id)
    if row is not None:  # this very version was deleted once: bring it back as it was
        row.deleted_at = None
        for table in (ChecklistDimension, ChecklistQuestion):
            for child in session.scalars(select(table).where(table.checklist_id == checklist_id)):
                child.deleted_at = None
        session.flush()
        return result
    session.add(
        Checklist(
            id=checklist_id,
            key=doc.id,
            version=doc.version,
            content_hash=doc.content_hash,
            title=dict(doc.title),
            description=dict(doc.description),
            languages=list(doc.languages),
            scale=[{"level": s.level, "name": dict(s.name)} for s in doc.scale],
            source=doc.canonical_json(),
        )
    )
    session.flush()  # the checklist row before the rows pointing at it
    for d_pos, dimension in enumerate(doc.dimensions):
        dimension_id = dimension_row_id(checklist_id, dimension.id)
        session.add(
            ChecklistDimension(
                id=dimension_id,
                checklist_id=checklist_id,
                key=dimension.id,
                position=d_pos,
                weight=dimension.weight,
                title=dict(dimension.title),
                description=dict(dimension.description),
            )
        )
        for q_pos, question in enumerate(dimension.questions):
            session.add(
                ChecklistQuestion(
                    id=question_row_id(checklist_id, question.id),
                    checklist_id=checklist_id,
                    dimension_id=dimension_id,
                    key=question.id,
                    position=q_pos,
                    weight=question.weight,
                    text=dict(question.text),
                    guidance=dict(question.guidance),
                    descriptors={str(k): dict(v) for k, v in sorted(question.levels.items())},
                )
            )
    session.flush()
    return result


def _next_conversion(session: Session, doc: ChecklistDoc) -> tuple[ChecklistDoc, Checklist | None]:
    """A library's new conversion under the first version ``<version>.<n>`` that is free or
    already holds this very conversion (then also that row).

    A published library's version is the publisher's; when this program converts it anew
    (profiles, descriptors), the new conversion needs a version of its own that sorts after
    the old one, so assessments can be moved forward to it (migrate_assessment).
    """
    n = 1
    while True:
        candidate = replace(doc, version=f"{doc.version}.{n}")
        rows = _live_versions(session, doc.id, candidate.version)
        same = next((r for r in rows if r.content_hash == candidate.content_hash), None)
        if same is not None or not rows:
            return candidate, same
        n += 1


def import_checklist(
    session: Session, data: bytes, file_name: str, *, as_new_version: bool = False
) -> ImportResult:
    """Import a checklist file (our format, or a CISO Assistant framework library).

    The same id, version and content again changes nothing; the same id and version with other
    content is refused (ChecklistVersionConflict); another version is added beside the others.
    A CISO Assistant library this program converted differently before is refused the same
    way, unless ``as_new_version``: then the new conversion is added as ``<version>.<n>``
    beside the old one (a second import of it changes nothing, with or without the flag).
    An invalid file raises ChecklistProblems and imports nothing.
    """
    doc, notes, source_format = parse_file(data, file_name)
    return store_checklist(
        session, doc, notes=notes, source_format=source_format, as_new_version=as_new_version
    )


def ensure_default(session: Session) -> None:
    """Import the shipped checklists (resources/checklists/*.yaml) this database lacks."""
    folder = resource("checklists")
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else ():
        doc = read_checklist(path.read_bytes(), path.name)
        try:
            store_checklist(session, doc)
        except ChecklistVersionConflict:
            # the database holds this version with other content (a shipped file edited
            # without a new version): the database's copy stays, as every import promises
            continue


def list_checklists(session: Session) -> list[ChecklistRow]:
    dimensions = (
        select(ChecklistDimension.checklist_id, func.count().label("n"))
        .where(ChecklistDimension.deleted_at.is_(None))
        .group_by(ChecklistDimension.checklist_id)
        .subquery()
    )
    questions = (
        select(ChecklistQuestion.checklist_id, func.count().label("n"))
        .where(ChecklistQuestion.deleted_at.is_(None))
        .group_by(ChecklistQuestion.checklist_id)
        .subquery()
    )
    assessments = (
        select(Assessment.checklist_id, func.count().label("n"))
        .where(Assessment.deleted_at.is_(None))
        .group_by(Assessment.checklist_id)
        .subquery()
    )
    rows = session.execute(
        select(
            Checklist,
            func.coalesce(dimensions.c.n, 0),
            func.coalesce(questions.c.n, 0),
            func.coalesce(assessments.c.n, 0),
        )
        .outerjoin(dimensions, dimensions.c.checklist_id == Checklist.id)
        .outerjoin(questions, questions.c.checklist_id == Checklist.id)
        .outerjoin(assessments, assessments.c.checklist_id == Checklist.id)
        .where(Checklist.deleted_at.is_(None))
    )
    result = [
        ChecklistRow(
            id=c.id,
            key=c.key,
            version=c.version,
            content_hash=c.content_hash,
            title=dict(c.title),
            languages=tuple(c.languages),
            dimensions=int(nd),
            questions=int(nq),
            assessments=int(na),
            imported_at=c.created_at,
        )
        for c, nd, nq, na in rows
    ]
    result.sort(key=lambda r: (r.key, _sortable_version(r.version), r.id))
    return result


def _sortable_version(version: str) -> tuple[int, ...]:
    try:
        return version_key(version)
    except BadInput:
        return ()


def load_checklist(session: Session, checklist_id: str) -> ChecklistDoc:
    """The checklist as imported (from its stored canonical document)."""
    row = session.get(Checklist, checklist_id)
    if row is None:
        raise NotFound(
            f"no checklist with id {checklist_id}", code="checklist.no_id", id=checklist_id
        )
    return from_canonical(json.loads(row.source))
