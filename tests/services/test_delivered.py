"""A report record keeps the scores and answers it delivered; an assessment keeps the profile
it is scored on, and the report scores on it unless told otherwise."""

from __future__ import annotations

import json
import lzma
from datetime import date
from pathlib import Path

import pytest

from assessor.domain.errors import AssessmentDelivered, BadInput
from assessor.services import delivered
from assessor.services.agencies import create_agency
from assessor.services.answers import set_answer
from assessor.services.assessments import create_assessment, get_assessment, update_assessment
from assessor.services.checklists import import_checklist, load_checklist, question_row_id
from assessor.services.reports import export_report, list_report_records

SAMPLE = Path(__file__).parents[1] / "samples" / "ciso" / "essential-eight.yaml.xz"


@pytest.fixture
def eight(db):
    with db.transaction() as s:
        checklist_id = import_checklist(
            s, lzma.decompress(SAMPLE.read_bytes()), "e8.yaml"
        ).checklist_id
        doc = load_checklist(s, checklist_id)
        ml1 = next(q.id for _, q in doc.questions() if "1" in q.profiles)
        agency = create_agency(s, name="Skatteverket")
        assessment = create_assessment(
            s, agency, checklist_id=checklist_id, assessed_on=date(2026, 3, 1)
        )
        set_answer(s, assessment, question_row_id(checklist_id, ml1), level=3)
    return assessment, ml1


def test_a_profile_must_be_one_of_the_checklist(db, eight) -> None:
    assessment, _ = eight
    with db.transaction() as s, pytest.raises(BadInput):
        update_assessment(s, assessment, profile="ML9")
    with db.transaction() as s:
        update_assessment(s, assessment, profile="1")
        assert get_assessment(s, assessment).profile == "1"


def test_the_record_keeps_what_was_delivered_after_a_reopening(db, eight, tmp_path) -> None:
    assessment, ml1 = eight
    with db.transaction() as s:
        update_assessment(s, assessment, profile="1")
    result = export_report(db, assessment, tmp_path / "r.pdf", language="en")
    with db.transaction() as s:
        update_assessment(s, assessment, status="delivered")
    with db.transaction() as s, pytest.raises(AssessmentDelivered):
        update_assessment(s, assessment, profile="2")  # the profile is part of what was given
    with db.transaction() as s:
        update_assessment(s, assessment, status="in_review")
        checklist_id = get_assessment(s, assessment).checklist_id
        set_answer(s, assessment, question_row_id(checklist_id, ml1), level=1)
    with db.read() as s:
        (record,) = list_report_records(s, assessment)
        now = delivered.read(delivered.snapshot(s, assessment, "1"))
    assert record.id == result.record_id
    kept = delivered.read(record.scores)
    assert kept is not None and now is not None
    assert kept.profile == "1" and json.loads(record.scores)["format"] == delivered.FORMAT
    assert kept.answers[ml1] == 3 and now.answers[ml1] == 1
    assert kept.overall is not None and now.overall is not None and kept.overall > now.overall


def test_the_whole_checklist_can_still_be_asked_for(db, eight, tmp_path) -> None:
    assessment, _ = eight
    with db.transaction() as s:
        update_assessment(s, assessment, profile="1")
    export_report(db, assessment, tmp_path / "a.pdf", language="en", profile="")
    with db.read() as s:
        (record,) = list_report_records(s, assessment)
    kept = delivered.read(record.scores)
    assert kept is not None and kept.profile == ""
    assert len(kept.dimensions) >= 8  # every strategy, not only those with ML1 questions


@pytest.mark.parametrize(
    "text",
    ["", "not json", "[]", '{"format": 99}', '{"format": 1, "dimensions": [], "answers": {}}'],
)
def test_a_record_from_before_or_from_elsewhere_reads_as_nothing(text: str) -> None:
    assert delivered.read(text) is None
