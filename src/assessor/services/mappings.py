"""Mapping sets between checklists: importing them, and reading an assessment through one.

A mapping set is reference data like a checklist file, not a record of anyone's work: it is
kept as a small JSON file per set in the program's data folder (paths.mappings_dir), not in the
database, so that importing one changes no table and nothing to synchronise.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.domain.checklist import ChecklistDoc
from assessor.domain.ciso_mapping import read_mapping_library
from assessor.domain.ciso_read import sniff_library
from assessor.domain.errors import BadInput, NotFound
from assessor.domain.mapping import MappedReading, MappingLink, MappingSet, read_through
from assessor.paths import mappings_dir
from assessor.services.checklists import load_checklist, question_row_id
from assessor.services.rows import get_live
from assessor.store.models import Answer, Assessment, Checklist


@dataclass(frozen=True)
class MappingImport:
    mapping: MappingSet
    added: bool
    """False when the very same set was imported before."""


def _to_json(mapping: MappingSet) -> str:
    return json.dumps(
        {
            "id": mapping.id,
            "name": mapping.name,
            "source_framework": mapping.source_framework,
            "target_framework": mapping.target_framework,
            "links": [[k.source, k.target, k.relationship] for k in mapping.links],
        },
        ensure_ascii=False,
        sort_keys=True,
    )


def _from_json(text: str) -> MappingSet:
    data = json.loads(text)
    return MappingSet(
        data["id"],
        data["name"],
        data["source_framework"],
        data["target_framework"],
        tuple(MappingLink(s, t, r) for s, t, r in data["links"]),
    )


def _path(mapping_id: str) -> Path:
    return mappings_dir() / f"{mapping_id}.json"


def is_mapping_library(data: bytes) -> bool:
    """Cheap look at raw bytes: a CISO Assistant library of requirement mapping sets?"""
    found = re.search(rb"(?m)^  requirement_mapping_sets?:", data)
    return sniff_library(data) and found is not None


def import_mappings(data: bytes, file_name: str) -> list[MappingImport]:
    """Keep the mapping sets of a CISO Assistant library; a bad file keeps nothing.

    A set with the id of a kept one replaces it (a newer edition of the same mapping).
    """
    sets = read_mapping_library(data, file_name)
    folder = mappings_dir()
    folder.mkdir(parents=True, exist_ok=True)
    result = []
    for mapping in sets:
        text = _to_json(mapping)
        path = _path(mapping.id)
        if path.is_file() and path.read_text("utf-8") == text:
            result.append(MappingImport(mapping, False))
            continue
        # written beside and renamed: a crash never leaves half a file under the real name
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
        result.append(MappingImport(mapping, True))
    return result


def list_mappings() -> list[MappingSet]:
    folder = mappings_dir()
    found = []
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else ():
        try:
            found.append(_from_json(path.read_text("utf-8")))
        except (OSError, ValueError, KeyError, TypeError):
            continue  # a damaged file is no mapping; it is left for the user to see
    return found


def get_mapping(mapping_id: str) -> MappingSet:
    path = _path(mapping_id)
    if "/" in mapping_id or "\\" in mapping_id or not path.is_file():
        raise NotFound(
            f"no mapping set {mapping_id!r} (see 'assessor mapping list')",
            code="mapping.not_found",
            mapping=mapping_id,
        )
    return _from_json(path.read_text("utf-8"))


def _live_checklists(session: Session) -> list[Checklist]:
    return list(session.scalars(select(Checklist).where(Checklist.deleted_at.is_(None))))


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
    for row in _live_checklists(session):
        if row.id == checklist_id:
            continue
        other = load_checklist(session, row.id)
        for mapping in list_mappings():
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
    mapping = get_mapping(mapping_id)
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
