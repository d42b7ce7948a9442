"""Mapping sets between checklists: keeping them, and reading an assessment through one.

A mapping set is reference data like a checklist, and like a checklist it is kept in the
database as a synced table (mapping_set, one row per set: store/models.StoredMappingSet), so a
colleague who receives an assessment reads it through the same links, every laptop's
portfolio maps the same agencies, and the handover archive carries the sets. Keeping the same
set again writes nothing; a newer edition with the same id replaces the row as an ordinary
stamped edit, and an older edition than the one kept is refused (docs/architecture.md says
why these moved out of files in the data folder, and where an edition keeps its version).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.domain.checklist import ChecklistDoc
from assessor.domain.ciso_mapping import read_mapping_library
from assessor.domain.ciso_read import sniff_library
from assessor.domain.errors import BadInput, NotFound
from assessor.domain.mapping import (
    MappedReading,
    MappingSet,
    edition_parts,
    edition_to_plain,
    is_older,
    links_from_plain,
    mapping_problem,
    read_through,
)
from assessor.domain.messages import Detail
from assessor.services.checklists import load_checklist, question_row_id
from assessor.services.rows import add_new, apply, get_live, restore, restore_by_id, soft_delete
from assessor.store.models import (
    Answer,
    Assessment,
    Checklist,
    StoredMappingSet,
    mapping_set_id,
)

EDITION = frozenset({"name", "source_framework", "target_framework", "links"})


@dataclass(frozen=True)
class MappingImport:
    mapping: MappingSet
    added: bool
    """False when the very same set was kept before (nothing was written)."""


def _as_set(row: StoredMappingSet) -> MappingSet:
    return MappingSet(
        row.key,
        row.name,
        row.source_framework,
        row.target_framework,
        links_from_plain(row.links),
        edition_parts(row.links)[1],
    )


def is_mapping_library(data: bytes) -> bool:
    """Cheap look at raw bytes: a CISO Assistant library of requirement mapping sets?"""
    found = re.search(rb"(?m)^  requirement_mapping_sets?:", data)
    return sniff_library(data) and found is not None


def keep_mapping(session: Session, mapping: MappingSet) -> bool:
    """Keep one set; returns whether anything was written. A set with the id of a kept one
    replaces it (a newer edition, or one whose version either side does not know), and one
    deleted comes back; an older edition than the kept one is refused (BadInput), since
    keeping it would silently undo the newer one. A set outside the bounds a colleague's
    import checks is refused here, so nothing kept here is refused there."""
    plain = edition_to_plain(mapping.links, mapping.version)
    problem = mapping_problem(
        mapping.id, mapping.name, mapping.source_framework, mapping.target_framework, plain
    )
    if problem is not None:
        raise BadInput(
            f"mapping set {mapping.id}: {problem}",
            code="mapping.bad_set",
            mapping=mapping.id,
            reason=Detail(problem),
        )
    edition = {
        "name": mapping.name,
        "source_framework": mapping.source_framework,
        "target_framework": mapping.target_framework,
        "links": plain,
    }
    row = session.get(StoredMappingSet, mapping_set_id(mapping.id))
    kept_version = None if row is None else edition_parts(row.links)[1]
    if row is not None and row.deleted_at is None and is_older(mapping.version, kept_version):
        raise BadInput(
            f"mapping set {mapping.id}: the file holds version {mapping.version}, older than "
            f"version {kept_version} kept; nothing was changed",
            code="mapping.older_edition",
            mapping=mapping.id,
            version=mapping.version,
            kept=kept_version,
        )
    if row is None:
        add_new(session, StoredMappingSet(key=mapping.id, **edition), mapping_set_id(mapping.id))
        return True
    changed = apply(row, edition, EDITION)
    if row.deleted_at is not None:
        restore(row)
        changed = True
    return changed


def import_mappings(session: Session, data: bytes, file_name: str) -> list[MappingImport]:
    """Keep the mapping sets of a CISO Assistant library; a bad file keeps nothing (the
    caller's transaction is rolled back on the error)."""
    return [
        MappingImport(m, keep_mapping(session, m)) for m in read_mapping_library(data, file_name)
    ]


def list_mappings(session: Session) -> list[MappingSet]:
    """The kept mapping sets, by id."""
    rows = session.scalars(
        select(StoredMappingSet)
        .where(StoredMappingSet.deleted_at.is_(None))
        .order_by(StoredMappingSet.key)
    )
    return [_as_set(row) for row in rows]


def get_mapping(session: Session, mapping_id: str) -> MappingSet:
    row = session.get(StoredMappingSet, mapping_set_id(mapping_id))
    if row is None or row.deleted_at is not None:
        raise NotFound(
            f"no mapping set {mapping_id!r} (see 'assessor mapping list')",
            code="mapping.not_found",
            mapping=mapping_id,
        )
    return _as_set(row)


@dataclass(frozen=True)
class MappingRow:
    """A kept set as the window lists it: each end named by an imported checklist's title
    where one has that framework as its source (else ``None``: show the urn)."""

    id: str
    key: str
    name: str
    source_framework: str
    target_framework: str
    source_title: dict[str, str] | None
    target_title: dict[str, str] | None
    links: int
    version: str | None


def _titles_by_framework(session: Session) -> dict[str, dict[str, str]]:
    """Framework urn -> title of the newest imported checklist taken from that framework."""
    titles: dict[str, dict[str, str]] = {}
    rows = session.execute(
        select(Checklist.title, Checklist.source)
        .where(Checklist.deleted_at.is_(None))
        .order_by(Checklist.created_at)
    )
    for title, source in rows:
        urn = json.loads(source).get("source", "")
        if urn:
            titles[urn] = dict(title)
    return titles


def mapping_rows(session: Session) -> list[MappingRow]:
    """The kept mapping sets, by id, with the checklists at their ends where imported."""
    kept = list(
        session.scalars(
            select(StoredMappingSet)
            .where(StoredMappingSet.deleted_at.is_(None))
            .order_by(StoredMappingSet.key)
        )
    )
    titles = _titles_by_framework(session) if kept else {}
    return [
        MappingRow(
            row.id,
            row.key,
            row.name,
            row.source_framework,
            row.target_framework,
            titles.get(row.source_framework),
            titles.get(row.target_framework),
            len(links_from_plain(row.links)),
            edition_parts(row.links)[1],
        )
        for row in kept
    ]


def delete_mapping(session: Session, row_id: str) -> None:
    """Remove a kept set (a stamped soft delete, so it is removed on colleagues' laptops too);
    keeping the same set again brings it back."""
    soft_delete(get_live(session, StoredMappingSet, row_id))


def restore_mapping(session: Session, row_id: str) -> None:
    restore_by_id(session, StoredMappingSet, row_id)


def _live_checklists(session: Session) -> list[Checklist]:
    return list(session.scalars(select(Checklist).where(Checklist.deleted_at.is_(None))))


def reach_stamp(session: Session) -> tuple[object, ...]:
    """Changes whenever reachable_checklists may answer otherwise: a set kept, replaced or
    removed, a checklist imported or removed (locally or by a sync). Two small reads, so a
    view may ask each time it is shown rather than work out the reachable checklists again."""
    sets = session.execute(
        select(StoredMappingSet.id, StoredMappingSet.updated_at).where(
            StoredMappingSet.deleted_at.is_(None)
        )
    ).all()
    checklists = session.scalars(select(Checklist.id).where(Checklist.deleted_at.is_(None)))
    return (tuple(sorted(map(tuple, sets))), tuple(sorted(checklists)))


@dataclass(frozen=True)
class Reachable:
    """A checklist an assessment can be read as, and the mapping set that leads there."""

    mapping: MappingSet
    checklist_id: str
    key: str
    version: str
    title: dict[str, str]


def reachable_checklists(session: Session, checklist_id: str) -> list[Reachable]:
    """The imported checklists a kept mapping set joins to this one (either direction)."""
    doc = load_checklist(session, checklist_id)
    if not doc.source:
        return []
    result = []
    kept = list_mappings(session)
    for row in _live_checklists(session):
        if row.id == checklist_id or not kept:
            continue
        other = load_checklist(session, row.id)
        for mapping in kept:
            ends = {mapping.source_framework, mapping.target_framework}
            if other.source and ends == {doc.source, other.source}:
                result.append(Reachable(mapping, row.id, row.key, row.version, dict(row.title)))
    return result


@dataclass(frozen=True)
class AssessmentReading:
    reading: MappedReading
    mapping: MappingSet
    source: ChecklistDoc
    target: ChecklistDoc


def read_assessment_as(
    session: Session, assessment_id: str, mapping_id: str, target_checklist_id: str
) -> AssessmentReading:
    """The assessment's answers read through a mapping set as the target checklist."""
    assessment = get_live(session, Assessment, assessment_id)
    mapping = get_mapping(session, mapping_id)
    get_live(session, Checklist, target_checklist_id)
    source = load_checklist(session, assessment.checklist_id)
    target = load_checklist(session, target_checklist_id)
    if target_checklist_id == assessment.checklist_id:
        raise BadInput("the assessment already uses this checklist", code="mapping.same_checklist")
    stored = {
        a.question_id: a
        for a in session.scalars(
            select(Answer).where(Answer.assessment_id == assessment_id, Answer.deleted_at.is_(None))
        )
    }
    levels: dict[str, int | None] = {}
    for _, question in source.questions():
        row = stored.get(question_row_id(assessment.checklist_id, question.id))
        levels[question.id] = None if row is None or row.not_applicable else row.level
    reading = read_through(source, levels, mapping, target)
    return AssessmentReading(reading, mapping, source, target)
