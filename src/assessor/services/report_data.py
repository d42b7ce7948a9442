"""The plain data of an assessment's report, read from the database in one language.

Confidential meeting notes never leave this function: a confidential meeting keeps only its
date, participants and decisions, and confidential note entries are dropped (the builder
checks again, but the data object should not carry them at all).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.domain.checklist import pick, scale_word
from assessor.domain.errors import AssessorError, BadInput
from assessor.report.data import (
    AnswerItem,
    DimensionResult,
    FindingItem,
    MappedReadingItem,
    MeetingItem,
    MeetingNoteItem,
    PreviousRecommendation,
    RecommendationItem,
    ReportData,
    ScaleLevel,
)
from assessor.report.texts import label
from assessor.services import attachments
from assessor.services.assessments import previous_assessment
from assessor.services.checklists import dimension_row_id, question_row_id
from assessor.services.recommendations import RecommendationRow, list_recommendations
from assessor.services.rows import get_live
from assessor.services.scores import assessment_score_details
from assessor.store.models import (
    MEETING_KINDS,
    Advisor,
    Agency,
    Answer,
    Assessment,
    AssessmentAdvisor,
    Finding,
    Meeting,
    MeetingAdvisor,
    MeetingNote,
    MeetingParticipant,
)

REPORT_LANGUAGES = ("sv", "en")


def _advisor_names(
    session: Session,
    link: type[AssessmentAdvisor] | type[MeetingAdvisor],
    column: str,
    owner_id: str,
) -> tuple[str, ...]:
    rows = session.scalars(
        select(Advisor.name)
        .join(link, link.advisor_id == Advisor.id)
        .where(
            getattr(link, column) == owner_id,
            link.deleted_at.is_(None),
            Advisor.deleted_at.is_(None),
        )
        .order_by(Advisor.name, Advisor.id)
    )
    return tuple(rows)


def _meetings(session: Session, assessment_id: str, until: date) -> tuple[MeetingItem, ...]:
    """The assessment's meetings up to the report's date: a later one (the feedback meeting
    where the report is presented) had not happened when the report was written."""
    kind_words = {
        kind: {_same_title(label(lang, "kind", kind)) for lang in REPORT_LANGUAGES}
        | {_same_title(kind)}
        for kind in MEETING_KINDS
    }
    items = []
    meetings = session.scalars(
        select(Meeting)
        .where(
            Meeting.assessment_id == assessment_id,
            Meeting.deleted_at.is_(None),
            Meeting.starts_at < datetime.combine(until + timedelta(days=1), time()),
        )
        .order_by(Meeting.starts_at, Meeting.id)
    )
    for m in meetings:
        participants = tuple(
            f"{p.name} ({p.role})" if p.role.strip() else p.name
            for p in session.scalars(
                select(MeetingParticipant)
                .where(
                    MeetingParticipant.meeting_id == m.id, MeetingParticipant.deleted_at.is_(None)
                )
                .order_by(MeetingParticipant.name, MeetingParticipant.id)
            )
            if p.name.strip()
        )
        entries: tuple[MeetingNoteItem, ...] = ()
        if not m.confidential:
            entries = tuple(
                MeetingNoteItem(n.written_at, n.text)
                for n in session.scalars(
                    select(MeetingNote)
                    .where(
                        MeetingNote.meeting_id == m.id,
                        MeetingNote.deleted_at.is_(None),
                        MeetingNote.confidential.is_(False),
                    )
                    .order_by(MeetingNote.written_at, MeetingNote.id)
                )
            )
        # "Videomöte · Plats: Videomöte": a place that only repeats the kind says nothing
        place = "" if _same_title(m.place) in kind_words.get(m.kind, set()) else m.place
        items.append(
            MeetingItem(
                starts_at=m.starts_at,
                title=m.title,
                kind=m.kind,
                place=place,
                participants=participants,
                advisors=_advisor_names(session, MeetingAdvisor, "meeting_id", m.id),
                decisions=m.decisions,
                notes="" if m.confidential else m.notes,
                note_entries=entries,
                confidential=m.confidential,
            )
        )
    return tuple(items)


def _mapped(
    session: Session, assessment_id: str, language: str, read_as: tuple[str, str]
) -> MappedReadingItem:
    # only a report read as another framework needs the mappings (and their parser)
    from assessor.services.mappings import read_assessment_as

    result = read_assessment_as(session, assessment_id, *read_as)
    titles = {d.id: pick(d.title, language) for d in result.target.dimensions}
    reading = result.reading
    return MappedReadingItem(
        checklist_title=f"{pick(result.target.title, language)} ({result.target.version})",
        mapping_name=result.mapping.name,
        overall=reading.overall,
        dimensions=tuple((titles[d.key], d.score, d.read, d.total) for d in reading.dimensions),
        not_linked=len(reading.not_linked),
        not_answered=len(reading.not_answered),
        unused=len(reading.unused),
    )


def _same_title(title: str) -> str:
    return " ".join(title.split()).casefold()


def _followed_up(earlier: RecommendationRow, current: Sequence[RecommendationRow]) -> bool:
    """Whether this assessment takes the earlier recommendation up again: carried forward
    (linked by previous_id), or given again from the same library template or with the same
    title. A reader sees the same recommendation in both tables; "no" beside it would be
    wrong."""
    return any(
        r.previous_id == earlier.id
        or (earlier.template_id is not None and r.template_id == earlier.template_id)
        or _same_title(r.title) == _same_title(earlier.title)
        for r in current
    )


def report_data(
    session: Session,
    assessment_id: str,
    language: str,
    profile: str | None = None,
    read_as: tuple[str, str] | None = None,
) -> ReportData:
    """Everything the report of an assessment shows, as plain data in ``language``; with a
    profile, scored on the profile's questions only (and the cover names it); with ``read_as``
    (mapping set id, checklist id), read as that checklist too, in an appendix."""
    if language not in REPORT_LANGUAGES:
        raise BadInput(
            f"the report language must be one of {', '.join(REPORT_LANGUAGES)}",
            code="report.language",
            languages=", ".join(REPORT_LANGUAGES),
        )
    assessment = get_live(session, Assessment, assessment_id)
    agency = get_live(session, Agency, assessment.agency_id)  # a deleted agency has no report
    details = assessment_score_details(session, assessment_id, profile)
    doc, result = details.checklist, details.result
    checklist_id = assessment.checklist_id
    titles = details.titles(language)

    dim_key = {dimension_row_id(checklist_id, d.id): d.id for d in doc.dimensions}
    question_dim = {question_row_id(checklist_id, q.id): d.id for d, q in doc.questions()}
    stored = {
        a.question_id: a
        for a in session.scalars(
            select(Answer).where(Answer.assessment_id == assessment_id, Answer.deleted_at.is_(None))
        )
    }
    evidence = attachments.for_assessment(session, assessment_id, include_confidential=False)
    # the report names a question by its number, as the window does ("2.3"): a checklist's
    # internal id ("governance.strategy") means nothing to the agency's reader
    numbers = {
        question.id: f"{d_index}.{q_index}"
        for d_index, dimension in enumerate(doc.dimensions, start=1)
        for q_index, question in enumerate(dimension.questions, start=1)
    }
    answers = []
    for dimension, question in doc.questions():
        row = stored.get(question_row_id(checklist_id, question.id))
        answers.append(
            AnswerItem(
                dimension_key=dimension.id,
                question_key=numbers.get(question.id, question.id),
                question=pick(question.text, language),
                level=None if row is None or row.not_applicable else row.level,
                not_applicable=bool(row is not None and row.not_applicable),
                comment="" if row is None else row.comment,
                confidence="medium" if row is None else row.confidence,
                weight=question.weight,
                key_shown=not question.source,
                evidence=tuple(
                    (e.title or e.file_name, e.added_at.date())
                    for e in evidence.get(question_row_id(checklist_id, question.id), [])
                ),
            )
        )

    findings = tuple(
        FindingItem(
            kind=f.kind,
            title=f.title,
            text=f.text,
            dimension_key=dim_key.get(f.dimension_id or "")
            or question_dim.get(f.question_id or ""),
        )
        for f in session.scalars(
            select(Finding)
            .where(Finding.assessment_id == assessment_id, Finding.deleted_at.is_(None))
            .order_by(Finding.created_at, Finding.id)
        )
    )
    current = list_recommendations(session, assessment_id)
    recommendations = tuple(
        RecommendationItem(
            title=r.title,
            text=r.text,
            rationale=r.rationale,
            priority=r.priority,
            horizon=r.horizon,
            status=r.status,
            dimension_keys=tuple(dim_key[d] for d in r.dimension_ids if d in dim_key),
            agency_response=r.agency_response,
        )
        for r in current
    )
    previous_on = None
    previous: tuple[PreviousRecommendation, ...] = ()
    previous_scores: dict[str, float | None] = {}
    previous_overall: float | None = None
    previous_id = previous_assessment(session, assessment_id)
    if previous_id is not None:
        previous_on = get_live(session, Assessment, previous_id).assessed_on
        try:
            earlier = assessment_score_details(session, previous_id, profile).result
        except AssessorError:  # e.g. a profile the earlier checklist version did not have
            earlier = None
        if earlier is not None:
            previous_scores = {d.key: d.score for d in earlier.dimensions}
            previous_overall = earlier.overall
        previous = tuple(
            PreviousRecommendation(
                title=r.title,
                priority=r.priority,
                status=r.status,
                agency_response=r.agency_response,
                followed_up=_followed_up(r, current),
            )
            for r in list_recommendations(session, previous_id)
        )

    band = "" if result.band is None else scale_word(result.band.name, language)
    return ReportData(
        language=language,
        agency_name=agency.name if agency is not None else "",
        agency_org_number=agency.org_number if agency is not None else "",
        agency_ministry=agency.ministry if agency is not None else "",
        assessment_title=assessment.title,
        assessed_on=assessment.assessed_on,
        status=assessment.status,
        advisors=_advisor_names(session, AssessmentAdvisor, "assessment_id", assessment_id),
        checklist_title=pick(doc.title, language),
        checklist_version=doc.version,
        profile_name="" if profile is None else pick(doc.profile(profile).name, language),
        mapped=None if read_as is None else _mapped(session, assessment_id, language, read_as),
        scale=tuple(ScaleLevel(s.level, scale_word(s.name, language)) for s in doc.scale),
        dimensions=tuple(
            DimensionResult(
                key=d.key,
                title=titles.get(d.key, d.key),
                weight=d.weight,
                score=d.score,
                target=d.target,
                coverage=d.coverage,
                answered=d.answered,
                applicable=d.applicable,
                total=d.total,
            )
            for d in result.dimensions
        ),
        overall=result.overall,
        overall_percent=result.overall_percent,
        band=band,
        summary=assessment.summary,
        answers=tuple(answers),
        findings=findings,
        recommendations=recommendations,
        previous_assessed_on=previous_on,
        previous_recommendations=previous,
        previous_scores=previous_scores,
        previous_overall=previous_overall,
        meetings=_meetings(session, assessment_id, assessment.assessed_on),
        overall_explanation=details.explain_overall(language),
        dimension_explanations={
            d.key: details.explain_dimension(d.key, language) for d in result.dimensions
        },
    )
