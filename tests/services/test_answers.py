from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from assessor.domain.errors import NotFound, ValidationError
from assessor.services.agencies import create_agency
from assessor.services.answers import (
    add_evidence,
    add_meeting_note,
    answer_id,
    delete_meeting_note,
    get_answers,
    list_evidence,
    list_meeting_notes,
    remove_evidence,
    set_answer,
    update_meeting_note,
)
from assessor.services.assessments import create_assessment, get_assessment
from assessor.services.meetings import create_meeting
from assessor.store.db import Database
from assessor.store.digest import digest
from assessor.store.models import Answer


@pytest.fixture
def assessment(db: Database, agency_id: str, small_checklist: Any) -> str:
    with db.transaction() as s:
        return create_assessment(
            s, agency_id, checklist_id=small_checklist.id, assessed_on=date(2025, 4, 2)
        )


def _count_answers(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Answer)) or 0)


def test_answer_is_one_row_per_question(
    db: Database, assessment: str, small_checklist: Any
) -> None:
    q = small_checklist.all_questions[0]
    with db.transaction() as s:
        assert set_answer(s, assessment, q, level=2)
        assert set_answer(s, assessment, q, comment="Bra rutiner")
    with db.transaction() as s:
        assert set_answer(s, assessment, q, level=3, confidence="high")
        assert not set_answer(s, assessment, q, level=3)
    assert _count_answers(db) == 1
    with db.read() as s:
        a = get_answers(s, assessment)[q]
        assert (a.level, a.comment, a.confidence, a.not_applicable) == (
            3,
            "Bra rutiner",
            "high",
            False,
        )
        assert s.get(Answer, answer_id(assessment, q)) is not None
        assert get_assessment(s, assessment).answered == 1


def test_level_and_not_applicable_exclude_each_other(
    db: Database, assessment: str, small_checklist: Any
) -> None:
    q = small_checklist.all_questions[1]
    with db.transaction() as s:
        set_answer(s, assessment, q, level=4)
        set_answer(s, assessment, q, not_applicable=True)
    with db.read() as s:
        a = get_answers(s, assessment)[q]
        assert (a.level, a.not_applicable, a.answered) == (None, True, True)
    with db.transaction() as s:
        set_answer(s, assessment, q, level=0)
    with db.read() as s:
        a = get_answers(s, assessment)[q]
        assert (a.level, a.not_applicable) == (0, False)
    with pytest.raises(ValidationError), db.transaction() as s:
        set_answer(s, assessment, q, level=1, not_applicable=True)


@pytest.mark.parametrize(
    "kwargs, field",
    [
        ({"level": 5}, "level"),
        ({"level": -1}, "level"),
        ({"level": True}, "level"),
        ({"level": "2"}, "level"),
        ({"confidence": "total"}, "confidence"),
    ],
)
def test_bad_answer_changes_nothing(
    db: Database, assessment: str, small_checklist: Any, kwargs: dict[str, Any], field: str
) -> None:
    q = small_checklist.all_questions[0]
    with db.transaction() as s:
        set_answer(s, assessment, q, level=1, comment="före")
    with db.read() as s:
        before = digest(s)
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        set_answer(s, assessment, q, comment="efter", **kwargs)
    assert err.value.field == field
    with db.read() as s:
        assert digest(s) == before


def test_question_of_another_checklist_is_refused(
    db: Database, assessment: str, other_question: str
) -> None:
    q = other_question
    with pytest.raises(ValidationError) as err, db.transaction() as s:
        set_answer(s, assessment, q, level=1)
    assert err.value.field == "question_id"
    assert _count_answers(db) == 0


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(st.integers(0, 5), st.one_of(st.none(), st.integers(-1, 6)), st.booleans()),
        max_size=15,
    )
)
def test_any_sequence_of_edits_keeps_one_answer_per_question(
    db: Database,
    assessment: str,
    small_checklist: Any,
    edits: list[tuple[int, int | None, bool]],
) -> None:
    questions = small_checklist.all_questions
    for index, level, na in edits:
        try:
            with db.transaction() as s:
                if na:
                    set_answer(s, assessment, questions[index], not_applicable=True)
                else:
                    set_answer(s, assessment, questions[index], level=level)
        except ValidationError:
            assert level is not None and not 0 <= level <= 4
    with db.read() as s:
        answers = get_answers(s, assessment)
        total = s.scalar(
            select(func.count()).select_from(Answer).where(Answer.assessment_id == assessment)
        )
    assert total == len(answers)
    for a in answers.values():
        assert not (a.level is not None and a.not_applicable)
        assert a.level is None or 0 <= a.level <= 4


def _meeting(db: Database, agency_id: str, assessment_id: str | None = None) -> str:
    with db.transaction() as s:
        return create_meeting(
            s,
            agency_id,
            starts_at=datetime(2025, 4, 1, 9),
            title="Besök",
            assessment_id=assessment_id,
        )


def test_evidence_links_are_unique_and_removable(
    db: Database, agency_id: str, assessment: str, small_checklist: Any
) -> None:
    q = small_checklist.all_questions[0]
    meeting = _meeting(db, agency_id)
    with db.transaction() as s:
        e1 = add_evidence(s, assessment, q, meeting, comment="sa så")
        e2 = add_evidence(s, assessment, q, meeting)
    assert e1 == e2
    with db.transaction() as s:
        rows = list_evidence(s, assessment, q)
        assert [(r.meeting_id, r.meeting_title, r.comment) for r in rows] == [
            (meeting, "Besök", "sa så")
        ]
        remove_evidence(s, e1)
    with db.transaction() as s:
        assert list_evidence(s, assessment) == []
        add_evidence(s, assessment, q, meeting)
    with db.read() as s:
        assert len(list_evidence(s, assessment)) == 1


def test_evidence_from_another_agency_is_refused(
    db: Database, assessment: str, small_checklist: Any
) -> None:
    with db.transaction() as s:
        other = create_agency(s, name="Annan myndighet")
    meeting = _meeting(db, other)
    with pytest.raises(ValidationError), db.transaction() as s:
        add_evidence(s, assessment, small_checklist.all_questions[0], meeting)
    with pytest.raises(NotFound), db.transaction() as s:
        add_evidence(s, assessment, small_checklist.all_questions[0], "nope")


def test_note_tied_to_question_becomes_evidence(
    db: Database, agency_id: str, assessment: str, small_checklist: Any
) -> None:
    q1, q2 = small_checklist.all_questions[:2]
    meeting = _meeting(db, agency_id, assessment)
    with db.transaction() as s:
        plain = add_meeting_note(s, meeting, text="Inledning", written_at=datetime(2025, 4, 1, 9))
        tied = add_meeting_note(
            s,
            meeting,
            text="De har en arkitekturplan",
            written_at=datetime(2025, 4, 1, 9, 5),
            question_id=q1,
            confidential=True,
        )
    with db.transaction() as s:
        notes = list_meeting_notes(s, meeting)
        assert [n.id for n in notes] == [plain, tied]
        assert notes[1].confidential
        [ev] = list_evidence(s, assessment)
        assert (ev.question_id, ev.meeting_note_id, ev.note_text) == (
            q1,
            tied,
            "De har en arkitekturplan",
        )
        update_meeting_note(s, tied, question_id=q2)
    with db.transaction() as s:
        assert [e.question_id for e in list_evidence(s, assessment)] == [q2]
        delete_meeting_note(s, tied)
    with db.read() as s:
        assert list_evidence(s, assessment) == []
        assert [n.id for n in list_meeting_notes(s, meeting)] == [plain]


def test_note_question_must_belong_to_the_meetings_assessment(
    db: Database, agency_id: str, assessment: str, small_checklist: Any, other_question: str
) -> None:
    meeting = _meeting(db, agency_id, assessment)
    with db.transaction() as s:
        note = add_meeting_note(
            s,
            meeting,
            text="Anteckning",
            written_at=datetime(2025, 4, 1, 9, 1),
            question_id=small_checklist.all_questions[0],
        )
    with pytest.raises(ValidationError), db.transaction() as s:
        add_meeting_note(
            s,
            meeting,
            text="Fel",
            written_at=datetime(2025, 4, 1, 9, 2),
            question_id=other_question,
        )
    with pytest.raises(ValidationError), db.transaction() as s:
        update_meeting_note(s, note, question_id=other_question)
    with db.read() as s:
        assert [n.id for n in list_meeting_notes(s, meeting)] == [note]
        assert [e.question_id for e in list_evidence(s, assessment)] == [
            small_checklist.all_questions[0]
        ]


def test_clearing_a_level_leaves_the_question_unanswered(
    db: Database, assessment: str, small_checklist: Any
) -> None:
    q = small_checklist.all_questions[2]
    with db.transaction() as s:
        set_answer(s, assessment, q, level=2, comment="kvar")
        set_answer(s, assessment, q, level=None)
    with db.read() as s:
        a = get_answers(s, assessment)[q]
        assert (a.level, a.not_applicable, a.answered, a.comment) == (None, False, False, "kvar")
        assert get_assessment(s, assessment).answered == 0
