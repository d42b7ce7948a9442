"""Moving an assessment to a newer version of its checklist: answers, targets, evidence and
links carried over question by question, and what could not be carried said in a report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.domain.checklist import (
    version_key,
)
from assessor.domain.errors import BadInput
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
