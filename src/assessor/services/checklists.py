"""Checklists: importing (ours and CISO Assistant libraries), listing, loading, the default
model, and moving an assessment to a newer version of its checklist.

A checklist version is immutable once imported and identified by key, version and content hash.
Row ids are derived from that identity, so two laptops importing the same file create the same
rows, and a sync merges them into one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TypeVar

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
from assessor.paths import resource
from assessor.services.rows import get_live, soft_delete
from assessor.store.models import (
    Answer,
    Assessment,
    Checklist,
    ChecklistDimension,
    ChecklistQuestion,
    Evidence,
    Finding,
    Meeting,
    MeetingNote,
    Recommendation,
    RecommendationDimension,
    TargetLevel,
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


@dataclass
class MigrationReport:
    assessment_id: str
    old_checklist_id: str
    new_checklist_id: str
    answers_carried: int = 0
    targets_carried: int = 0
    evidence_carried: int = 0
    findings_relinked: int = 0
    notes_relinked: int = 0
    not_carried: list[str] = field(default_factory=list)
    """One sentence per thing left behind: an answer, a target, a link."""
    new_questions: list[str] = field(default_factory=list)
    """Keys of questions of the new version that have no answer yet."""


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
            # the user cannot give a published library a higher version: say what happened
            raise ChecklistVersionConflict(
                f"checklist {doc.id} version {doc.version} is already imported from an earlier "
                f"conversion of this CISO Assistant library (hash {existing.content_hash[:12]}, "
                f"now {doc.content_hash[:12]}): this program now converts it differently "
                "(profiles, level descriptors, headings); the imported version stays as it "
                "was, and so do the assessments on it",
                code="checklist.version_conflict_converted",
                checklist=doc.id,
                version=doc.version,
                old=existing.content_hash[:12],
                new=doc.content_hash[:12],
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


def import_checklist(session: Session, data: bytes, file_name: str) -> ImportResult:
    """Import a checklist file (our format, or a CISO Assistant framework library).

    The same id, version and content again changes nothing; the same id and version with other
    content is refused (ChecklistVersionConflict); another version is added beside the others.
    An invalid file raises ChecklistProblems and imports nothing.
    """
    doc, notes, source_format = parse_file(data, file_name)
    return store_checklist(session, doc, notes=notes, source_format=source_format)


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
        raise NotFound(f"no checklist with id {checklist_id}")
    return from_canonical(json.loads(row.source))


def _question_keys(session: Session, checklist_id: str) -> dict[str, str]:
    """Question row id -> key, for the live questions of a checklist."""
    return dict(
        session.execute(
            select(ChecklistQuestion.id, ChecklistQuestion.key).where(
                ChecklistQuestion.checklist_id == checklist_id,
                ChecklistQuestion.deleted_at.is_(None),
            )
        ).all()
    )


def _dimension_keys(session: Session, checklist_id: str) -> dict[str, str]:
    return dict(
        session.execute(
            select(ChecklistDimension.id, ChecklistDimension.key).where(
                ChecklistDimension.checklist_id == checklist_id,
                ChecklistDimension.deleted_at.is_(None),
            )
        ).all()
    )


def migrate_assessment(
    session: Session, assessment_id: str, new_checklist_id: str
) -> MigrationReport:
    """Move an assessment to another version of its checklist, question by question.

    Answers, evidence and target levels are carried to the question (dimension) with the same
    id in the new version; findings, recommendation links and the question links of notes
    taken in the assessment's meetings follow. What has no counterpart,
    or a level outside the new scale, is left behind (soft-deleted, so nothing is lost for
    good) and reported.
    """
    assessment = get_live(session, Assessment, assessment_id)
    old = get_live(session, Checklist, assessment.checklist_id)
    new = get_live(session, Checklist, new_checklist_id)
    if new.id == old.id:
        raise BadInput(
            "the assessment already uses this checklist version", code="migrate.same_version"
        )
    if new.key != old.key:
        raise BadInput(
            f"checklist {new.key} is not a version of {old.key}; an assessment can only move "
            "to another version of its own checklist",
            code="migrate.other_checklist",
            new=new.key,
            old=old.key,
        )
    if version_key(new.version) <= version_key(old.version):
        raise BadInput(
            f"version {new.version} is not newer than {old.version}; an assessment only moves "
            "forward",
            code="migrate.not_newer",
            new=new.version,
            old=old.version,
        )
    report = MigrationReport(assessment_id, old.id, new.id)
    new_levels = {int(s["level"]) for s in new.scale}
    old_questions = _question_keys(session, old.id)
    new_questions = {key: qid for qid, key in _question_keys(session, new.id).items()}
    old_dimensions = _dimension_keys(session, old.id)
    new_dimensions = {key: did for did, key in _dimension_keys(session, new.id).items()}

    answered: set[str] = set()
    answers = session.scalars(
        select(Answer).where(Answer.assessment_id == assessment_id, Answer.deleted_at.is_(None))
    ).all()
    for answer in answers:
        key = old_questions.get(answer.question_id, answer.question_id)
        target_qid = new_questions.get(key)
        if target_qid is None:
            report.not_carried.append(
                f"answer to question {key}: no such question in version {new.version}"
            )
            soft_delete(answer)
            continue
        level = answer.level
        not_applicable = answer.not_applicable
        if level is not None and level not in new_levels:
            report.not_carried.append(
                f"level {level} of question {key}: outside the new scale; the question is "
                "left unanswered (comment kept)"
            )
            level = None
        carried = _upsert(session, Answer, derived_id("answer", assessment_id, target_qid))
        carried.assessment_id = assessment_id
        carried.question_id = target_qid
        carried.level = level
        carried.not_applicable = not_applicable
        carried.comment = answer.comment
        carried.confidence = answer.confidence
        carried.for_review = answer.for_review
        soft_delete(answer)
        answered.add(key)
        report.answers_carried += 1
    for evidence in session.scalars(
        select(Evidence).where(
            Evidence.assessment_id == assessment_id, Evidence.deleted_at.is_(None)
        )
    ).all():
        if evidence.question_id not in old_questions:
            continue
        key = old_questions[evidence.question_id]
        if key in new_questions:
            # evidence ids are derived from their question: a moved link is a new row
            moved = _upsert(
                session,
                Evidence,
                derived_id(
                    "evidence",
                    assessment_id,
                    new_questions[key],
                    evidence.meeting_id,
                    evidence.meeting_note_id or "",
                ),
            )
            moved.assessment_id = assessment_id
            moved.question_id = new_questions[key]
            moved.meeting_id = evidence.meeting_id
            moved.meeting_note_id = evidence.meeting_note_id
            moved.comment = evidence.comment
            report.evidence_carried += 1
        else:
            report.not_carried.append(f"evidence for question {key}: no such question")
        soft_delete(evidence)

    targets = session.scalars(
        select(TargetLevel).where(
            TargetLevel.assessment_id == assessment_id, TargetLevel.deleted_at.is_(None)
        )
    ).all()
    low, high = min(new_levels), max(new_levels)
    for target in targets:
        key = old_dimensions.get(target.dimension_id, target.dimension_id)
        target_did = new_dimensions.get(key)
        if target_did is None:
            report.not_carried.append(f"target level of dimension {key}: no such dimension")
        elif not low <= target.level <= high:
            report.not_carried.append(
                f"target level {target.level} of dimension {key}: outside the new scale"
            )
        else:
            carried_target = _upsert(
                session, TargetLevel, derived_id("target", assessment_id, target_did)
            )
            carried_target.assessment_id = assessment_id
            carried_target.dimension_id = target_did
            carried_target.level = target.level
            report.targets_carried += 1
        soft_delete(target)

    for finding in session.scalars(
        select(Finding).where(Finding.assessment_id == assessment_id, Finding.deleted_at.is_(None))
    ):
        changed = False
        if finding.question_id in old_questions:
            key = old_questions[finding.question_id]
            finding.question_id = new_questions.get(key)
            changed = True
            if finding.question_id is None:
                report.not_carried.append(
                    f"finding '{finding.title}': its question {key} "
                    "is gone; it stays without a question"
                )
        if finding.dimension_id in old_dimensions:
            key = old_dimensions[finding.dimension_id]
            finding.dimension_id = new_dimensions.get(key)
            changed = True
            if finding.dimension_id is None:
                report.not_carried.append(
                    f"finding '{finding.title}': its dimension {key} "
                    "is gone; it stays without a dimension"
                )
        report.findings_relinked += int(changed)

    links = session.scalars(
        select(RecommendationDimension)
        .join(Recommendation, Recommendation.id == RecommendationDimension.recommendation_id)
        .where(
            Recommendation.assessment_id == assessment_id,
            RecommendationDimension.deleted_at.is_(None),
        )
    ).all()
    for link in links:
        if link.dimension_id not in old_dimensions:
            continue
        key = old_dimensions[link.dimension_id]
        target_did = new_dimensions.get(key)
        if target_did is None:
            report.not_carried.append(
                f"a recommendation's link to dimension {key}: no such dimension"
            )
        else:
            link_row = _upsert(
                session,
                RecommendationDimension,
                derived_id("recommendation_dimension", link.recommendation_id, target_did),
            )
            link_row.recommendation_id = link.recommendation_id
            link_row.dimension_id = target_did
        soft_delete(link)

    # notes taken in this assessment's meetings point at questions too
    notes = session.scalars(
        select(MeetingNote)
        .join(Meeting, Meeting.id == MeetingNote.meeting_id)
        .where(
            Meeting.assessment_id == assessment_id,
            MeetingNote.deleted_at.is_(None),
            MeetingNote.question_id.is_not(None),
        )
    ).all()
    for note in notes:
        if note.question_id not in old_questions:
            continue
        key = old_questions[note.question_id]
        note.question_id = new_questions.get(key)
        if note.question_id is None:
            report.not_carried.append(
                f"a meeting note's link to question {key}: no such "
                "question; the note stays without a question"
            )
        else:
            report.notes_relinked += 1

    report.new_questions = sorted(k for k in new_questions if k not in answered)
    assessment.checklist_id = new.id
    session.flush()
    return report


_Row = TypeVar("_Row", Answer, Evidence, TargetLevel, RecommendationDimension)


def _upsert(session: Session, model: type[_Row], row_id: str) -> _Row:
    """The row with this derived id, live again if it was deleted, or a new one."""
    row = session.get(model, row_id)
    if row is None:
        row = model(id=row_id)
        session.add(row)
    else:
        row.deleted_at = None
    return row
