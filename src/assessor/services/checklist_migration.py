"""Moving an assessment to a newer version of its checklist, question by question.

Rows are matched by key: an answer goes to the question with the same key in the new version,
a target level to the dimension with the same key. Each kind of row that points into the
checklist has its own helper below; what has no counterpart, or a level outside the new scale,
is left behind (soft-deleted, so nothing is lost for good) and named in the report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.domain.checklist import version_key
from assessor.domain.errors import BadInput
from assessor.domain.messages import Detail
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
    """One sentence per thing left behind: an answer, a target, a link (in English: the
    same for every reader of --json)."""
    new_questions: list[str] = field(default_factory=list)
    """Keys of questions of the new version that have no answer yet."""
    left_behind: list[Detail] = field(default_factory=list)
    """The not_carried sentences as details, worded in the user's language when shown."""

    def leave(self, english: str, **params: object) -> None:
        """Note one thing left behind (``english`` a template of domain/message_details)."""
        detail = Detail(english, **params)
        self.not_carried.append(detail.english_text())
        self.left_behind.append(detail)


@dataclass(frozen=True)
class _Move:
    """What every helper needs: the assessment, both versions' keys and the new scale."""

    session: Session
    assessment_id: str
    new_version: str
    new_levels: frozenset[int]
    old_questions: dict[str, str]  # old row id -> key
    new_questions: dict[str, str]  # key -> new row id
    old_dimensions: dict[str, str]
    new_dimensions: dict[str, str]


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
    _check_forward(old, new)
    move = _Move(
        session=session,
        assessment_id=assessment_id,
        new_version=new.version,
        new_levels=frozenset(int(s["level"]) for s in new.scale),
        old_questions=_question_keys(session, old.id),
        new_questions={key: qid for qid, key in _question_keys(session, new.id).items()},
        old_dimensions=_dimension_keys(session, old.id),
        new_dimensions={key: did for did, key in _dimension_keys(session, new.id).items()},
    )
    report = MigrationReport(assessment_id, old.id, new.id)
    answered = _carry_answers(move, report)
    _carry_evidence(move, report)
    _carry_targets(move, report)
    _relink_findings(move, report)
    _carry_recommendation_links(move, report)
    _relink_notes(move, report)
    report.new_questions = sorted(k for k in move.new_questions if k not in answered)
    assessment.checklist_id = new.id
    session.flush()
    return report


def target_checklist(session: Session, assessment_id: str, to: str) -> str:
    """The checklist an assessment is to move to, named by its id or by a version of the
    assessment's own checklist ("1.1")."""
    assessment = get_live(session, Assessment, assessment_id)
    row = session.get(Checklist, to)
    if row is not None and row.deleted_at is None:
        return row.id
    current = get_live(session, Checklist, assessment.checklist_id)
    found = session.scalars(
        select(Checklist.id)
        .where(
            Checklist.key == current.key, Checklist.version == to, Checklist.deleted_at.is_(None)
        )
        .order_by(Checklist.id)
    ).first()
    if found is None:
        raise BadInput(
            f"no checklist with id {to}, and {current.key} has no version {to} "
            "(see 'assessor checklist list')",
            code="migrate.no_target",
            to=to,
            checklist=current.key,
        )
    return found


def _check_forward(old: Checklist, new: Checklist) -> None:
    """Only to a newer version of the same checklist."""
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


def _carry_answers(move: _Move, report: MigrationReport) -> set[str]:
    """Each answer to the question of the same key; returns the keys answered."""
    answered: set[str] = set()
    answers = move.session.scalars(
        select(Answer).where(
            Answer.assessment_id == move.assessment_id, Answer.deleted_at.is_(None)
        )
    ).all()
    for answer in answers:
        key = move.old_questions.get(answer.question_id, answer.question_id)
        target_qid = move.new_questions.get(key)
        if target_qid is None:
            report.leave(
                "answer to question {key}: no such question in version {version}",
                key=key,
                version=move.new_version,
            )
            soft_delete(answer)
            continue
        level = answer.level
        if level is not None and level not in move.new_levels:
            report.leave(
                "level {level} of question {key}: outside the new scale; the question is "
                "left unanswered (comment kept)",
                level=level,
                key=key,
            )
            level = None
        carried = _upsert(
            move.session, Answer, derived_id("answer", move.assessment_id, target_qid)
        )
        carried.assessment_id = move.assessment_id
        carried.question_id = target_qid
        carried.level = level
        carried.not_applicable = answer.not_applicable
        carried.comment = answer.comment
        carried.confidence = answer.confidence
        carried.for_review = answer.for_review
        soft_delete(answer)
        answered.add(key)
        report.answers_carried += 1
    return answered


def _carry_evidence(move: _Move, report: MigrationReport) -> None:
    for evidence in move.session.scalars(
        select(Evidence).where(
            Evidence.assessment_id == move.assessment_id, Evidence.deleted_at.is_(None)
        )
    ).all():
        if evidence.question_id not in move.old_questions:
            continue
        key = move.old_questions[evidence.question_id]
        if key in move.new_questions:
            # evidence ids are derived from their question: a moved link is a new row
            moved = _upsert(
                move.session,
                Evidence,
                derived_id(
                    "evidence",
                    move.assessment_id,
                    move.new_questions[key],
                    evidence.meeting_id,
                    evidence.meeting_note_id or "",
                ),
            )
            moved.assessment_id = move.assessment_id
            moved.question_id = move.new_questions[key]
            moved.meeting_id = evidence.meeting_id
            moved.meeting_note_id = evidence.meeting_note_id
            moved.comment = evidence.comment
            report.evidence_carried += 1
        else:
            report.leave("evidence for question {key}: no such question", key=key)
        soft_delete(evidence)


def _carry_targets(move: _Move, report: MigrationReport) -> None:
    targets = move.session.scalars(
        select(TargetLevel).where(
            TargetLevel.assessment_id == move.assessment_id, TargetLevel.deleted_at.is_(None)
        )
    ).all()
    low, high = min(move.new_levels), max(move.new_levels)
    for target in targets:
        key = move.old_dimensions.get(target.dimension_id, target.dimension_id)
        target_did = move.new_dimensions.get(key)
        if target_did is None:
            report.leave("target level of dimension {key}: no such dimension", key=key)
        elif not low <= target.level <= high:
            report.leave(
                "target level {level} of dimension {key}: outside the new scale",
                level=target.level,
                key=key,
            )
        else:
            carried = _upsert(
                move.session, TargetLevel, derived_id("target", move.assessment_id, target_did)
            )
            carried.assessment_id = move.assessment_id
            carried.dimension_id = target_did
            carried.level = target.level
            report.targets_carried += 1
        soft_delete(target)


def _relink_findings(move: _Move, report: MigrationReport) -> None:
    """A finding stays; its question and dimension links follow the keys."""
    for finding in move.session.scalars(
        select(Finding).where(
            Finding.assessment_id == move.assessment_id, Finding.deleted_at.is_(None)
        )
    ):
        changed = False
        if finding.question_id in move.old_questions:
            key = move.old_questions[finding.question_id]
            finding.question_id = move.new_questions.get(key)
            changed = True
            if finding.question_id is None:
                report.leave(
                    "finding '{title}': its question {key} is gone; it stays without a question",
                    title=finding.title,
                    key=key,
                )
        if finding.dimension_id in move.old_dimensions:
            key = move.old_dimensions[finding.dimension_id]
            finding.dimension_id = move.new_dimensions.get(key)
            changed = True
            if finding.dimension_id is None:
                report.leave(
                    "finding '{title}': its dimension {key} is gone; it stays without a dimension",
                    title=finding.title,
                    key=key,
                )
        report.findings_relinked += int(changed)


def _carry_recommendation_links(move: _Move, report: MigrationReport) -> None:
    links = move.session.scalars(
        select(RecommendationDimension)
        .join(Recommendation, Recommendation.id == RecommendationDimension.recommendation_id)
        .where(
            Recommendation.assessment_id == move.assessment_id,
            RecommendationDimension.deleted_at.is_(None),
        )
    ).all()
    for link in links:
        if link.dimension_id not in move.old_dimensions:
            continue
        key = move.old_dimensions[link.dimension_id]
        target_did = move.new_dimensions.get(key)
        if target_did is None:
            report.leave("a recommendation's link to dimension {key}: no such dimension", key=key)
        else:
            link_row = _upsert(
                move.session,
                RecommendationDimension,
                derived_id("recommendation_dimension", link.recommendation_id, target_did),
            )
            link_row.recommendation_id = link.recommendation_id
            link_row.dimension_id = target_did
        soft_delete(link)


def _relink_notes(move: _Move, report: MigrationReport) -> None:
    """Notes taken in this assessment's meetings point at questions too."""
    notes = move.session.scalars(
        select(MeetingNote)
        .join(Meeting, Meeting.id == MeetingNote.meeting_id)
        .where(
            Meeting.assessment_id == move.assessment_id,
            MeetingNote.deleted_at.is_(None),
            MeetingNote.question_id.is_not(None),
        )
    ).all()
    for note in notes:
        if note.question_id not in move.old_questions:
            continue
        key = move.old_questions[note.question_id]
        note.question_id = move.new_questions.get(key)
        if note.question_id is None:
            report.leave(
                "a meeting note's link to question {key}: no such question; the note stays "
                "without a question",
                key=key,
            )
        else:
            report.notes_relinked += 1


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
