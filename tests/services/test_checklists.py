from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from assessor.domain.checklist import ChecklistProblems, ChecklistVersionConflict
from assessor.domain.errors import BadInput
from assessor.services import checklists as service
from assessor.services.scores import assessment_score_details, assessment_scores
from assessor.store.db import Database
from assessor.store.models import (
    Agency,
    Answer,
    Assessment,
    Checklist,
    ChecklistDimension,
    ChecklistQuestion,
    Evidence,
    Finding,
    Meeting,
    MeetingNote,
    TargetLevel,
    derived_id,
)

FIXTURES = Path(__file__).parents[1] / "domain" / "fixtures"
SMALL = (FIXTURES / "small.yaml").read_bytes()


def small_v2() -> bytes:
    """Version 1.1: governance.roles dropped, data.sharing added, scale 0..2 kept."""
    text = SMALL.decode("utf-8").replace('version: "1.0"', 'version: "1.1"')
    start = text.index("      - id: governance.roles")
    end = text.index("  - id: data\n")
    text = text[:start] + text[end:]
    text += (
        "      - id: data.sharing\n"
        '        text: {sv: "Delas data?", en: "Is data shared?"}\n'
        "        levels:\n"
        '          0: {sv: "Nej.", en: "No."}\n'
        '          1: {sv: "Ibland.", en: "Sometimes."}\n'
        '          2: {sv: "Ja.", en: "Yes."}\n'
    )
    return text.encode("utf-8")


def count(db: Database, model: type) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_import_creates_rows_with_ids_derived_from_the_content(db: Database) -> None:
    with db.transaction() as s:
        result = service.import_checklist(s, SMALL, "small.yaml")
    assert result.added and (result.dimensions, result.questions) == (2, 3)
    assert result.checklist_id == derived_id("checklist", "small-model", "1.0", result.content_hash)
    with db.read() as s:
        row = s.get(Checklist, result.checklist_id)
        assert row is not None and row.key == "small-model" and row.version == "1.0"
        question = s.get(
            ChecklistQuestion,
            derived_id("checklist_question", result.checklist_id, "data.catalogue"),
        )
        assert question is not None
        assert question.descriptors["2"] == {
            "sv": "Ja, och den används.",
            "en": "Yes, and it is used.",
        }
        assert question.dimension_id == derived_id(
            "checklist_dimension", result.checklist_id, "data"
        )
        doc = service.load_checklist(s, result.checklist_id)
    assert doc.content_hash == result.content_hash
    assert [d.id for d in doc.dimensions] == ["governance", "data"]


def test_importing_the_same_file_twice_changes_nothing(db: Database) -> None:
    with db.transaction() as s:
        first = service.import_checklist(s, SMALL, "small.yaml")
    before = (count(db, Checklist), count(db, ChecklistDimension), count(db, ChecklistQuestion))
    reformatted = b"# the same model, other layout\n" + SMALL.replace(
        b"weight: 2\n", b"weight: 2.0\n"
    )
    with db.transaction() as s:
        again = service.import_checklist(s, reformatted, "copy.yaml")
    assert not again.added and again.checklist_id == first.checklist_id
    after = (count(db, Checklist), count(db, ChecklistDimension), count(db, ChecklistQuestion))
    assert after == before


def test_two_databases_importing_the_same_file_create_the_same_rows(tmp_path: Path) -> None:
    ids = []
    for name in ("a.db", "b.db"):
        with Database(tmp_path / name, create=True) as other, other.transaction() as s:
            service.import_checklist(s, SMALL, "small.yaml")
            ids.append(sorted(s.scalars(select(ChecklistQuestion.id))))
    assert ids[0] == ids[1] and len(ids[0]) == 3


def test_a_changed_file_under_the_same_version_is_refused(db: Database) -> None:
    with db.transaction() as s:
        first = service.import_checklist(s, SMALL, "small.yaml")
    changed = SMALL.replace(b"Finns en strategi?", b"Finns det en strategi?")
    with (
        pytest.raises(ChecklistVersionConflict, match="already imported with different") as info,
        db.transaction() as s,
    ):
        service.import_checklist(s, changed, "changed.yaml")
    assert "higher version" in info.value.message
    with db.read() as s:
        assert [r.id for r in service.list_checklists(s) if r.key == "small-model"] == [
            first.checklist_id
        ]


def test_a_higher_version_is_added_beside_the_old(db: Database) -> None:
    with db.transaction() as s:
        old = service.import_checklist(s, SMALL, "small.yaml")
        new = service.import_checklist(s, small_v2(), "small-1.1.yaml")
    assert new.added and new.checklist_id != old.checklist_id
    with db.read() as s:
        rows = [r for r in service.list_checklists(s) if r.key == "small-model"]
    assert [(r.version, r.dimensions, r.questions) for r in rows] == [("1.0", 2, 3), ("1.1", 2, 3)]


def test_an_invalid_file_imports_nothing(db: Database) -> None:
    before = count(db, Checklist)
    with pytest.raises(ChecklistProblems) as info, db.transaction() as s:
        service.import_checklist(s, SMALL.replace(b"weight: 0.5", b"weight: -1"), "bad.yaml")
    assert str(info.value.problems[0]).startswith("bad.yaml:")
    assert count(db, Checklist) == before


def test_a_ciso_assistant_library_is_detected_and_imported(db: Database) -> None:
    data = (FIXTURES / "ciso_two_languages.yaml").read_bytes()
    with db.transaction() as s:
        result = service.import_checklist(s, data, "mini.yaml")
    assert result.source_format == "ciso-assistant"
    assert (result.key, result.version, result.questions) == ("mini-csf", "3", 3)
    assert any("have no answer choices scored" in n for n in result.notes)
    with db.read() as s:
        assert service.load_checklist(s, result.checklist_id).languages == ("en", "sv")


def test_ensure_default_is_idempotent(db: Database) -> None:
    shipped = count(db, Checklist)
    with db.transaction() as s:
        service.ensure_default(s)
    assert count(db, Checklist) == shipped


# --- assessments: scores and moving to a new version -----------------------------------------


def make_assessment(db: Database, checklist_id: str) -> str:
    with db.transaction() as s:
        agency = Agency(name="Myndigheten")
        s.add(agency)
        s.flush()
        assessment = Assessment(
            agency_id=agency.id, checklist_id=checklist_id, assessed_on=date(2026, 11, 1)
        )
        s.add(assessment)
        s.flush()
        return assessment.id


def answer(
    db: Database,
    assessment_id: str,
    checklist_id: str,
    key: str,
    level: int | None,
    na: bool = False,
) -> None:
    qid = service.question_row_id(checklist_id, key)
    with db.transaction() as s:
        s.add(
            Answer(
                id=derived_id("answer", assessment_id, qid),
                assessment_id=assessment_id,
                question_id=qid,
                level=level,
                not_applicable=na,
                comment=f"about {key}",
            )
        )


def test_assessment_scores_read_answers_and_targets(db: Database) -> None:
    with db.transaction() as s:
        checklist_id = service.import_checklist(s, SMALL, "small.yaml").checklist_id
    assessment_id = make_assessment(db, checklist_id)
    answer(db, assessment_id, checklist_id, "governance.strategy", 2)
    answer(db, assessment_id, checklist_id, "governance.roles", 0)
    answer(db, assessment_id, checklist_id, "data.catalogue", None, na=True)
    dim = service.dimension_row_id(checklist_id, "governance")
    with db.transaction() as s:
        s.add(
            TargetLevel(
                id=derived_id("target", assessment_id, dim),
                assessment_id=assessment_id,
                dimension_id=dim,
                level=2.0,
            )
        )
    with db.read() as s:
        result = assessment_scores(s, assessment_id)
        details = assessment_score_details(s, assessment_id)
    governance = result.dimension("governance")
    assert governance.score == pytest.approx((1 * 2 + 0.5 * 0) / 1.5)
    assert governance.gap == pytest.approx(2 - 4 / 3)
    data = result.dimension("data")
    assert (data.score, data.applicable, data.total) == (None, 0, 1)
    assert result.overall == pytest.approx(4 / 3)
    assert result.overall_percent == pytest.approx(4 / 3 / 2 * 100)
    assert result.band is not None and result.band.name["en"] == "Low"
    assert details.titles("sv")["data"] == "Information och data"
    assert "Governance: score 1.33." in details.explain_dimension("governance", "en")
    assert "Samlat index: 1,33" in details.explain_overall("sv")


def test_moving_an_assessment_to_a_newer_version_carries_answers_by_question(
    db: Database,
) -> None:
    with db.transaction() as s:
        old_id = service.import_checklist(s, SMALL, "small.yaml").checklist_id
        new_id = service.import_checklist(s, small_v2(), "v2.yaml").checklist_id
    assessment_id = make_assessment(db, old_id)
    answer(db, assessment_id, old_id, "governance.strategy", 2)
    answer(db, assessment_id, old_id, "governance.roles", 1)
    answer(db, assessment_id, old_id, "data.catalogue", None, na=True)
    old_gov = service.dimension_row_id(old_id, "governance")
    old_strategy = service.question_row_id(old_id, "governance.strategy")
    with db.transaction() as s:
        agency_id = s.get(Assessment, assessment_id).agency_id  # type: ignore[union-attr]
        meeting = Meeting(agency_id=agency_id, starts_at=datetime(2026, 11, 1, 9))
        s.add(meeting)
        s.flush()
        meeting.assessment_id = assessment_id
        s.add(
            Evidence(
                assessment_id=assessment_id,
                question_id=old_strategy,
                meeting_id=meeting.id,
                comment="minutes",
            )
        )
        s.add(
            MeetingNote(
                meeting_id=meeting.id,
                written_at=datetime(2026, 11, 1, 9, 5),
                text="They have a strategy.",
                question_id=old_strategy,
            )
        )
        s.add(
            TargetLevel(
                id=derived_id("target", assessment_id, old_gov),
                assessment_id=assessment_id,
                dimension_id=old_gov,
                level=2.0,
            )
        )
        s.add(
            Finding(
                assessment_id=assessment_id,
                kind="weakness",
                title="Roles",
                dimension_id=old_gov,
                question_id=service.question_row_id(old_id, "governance.roles"),
            )
        )
    with db.transaction() as s:
        report = service.migrate_assessment(s, assessment_id, new_id)
    assert report.answers_carried == 2
    assert report.targets_carried == 1 and report.evidence_carried == 1
    assert report.notes_relinked == 1
    assert report.new_questions == ["data.sharing"]
    assert any(
        "governance.roles" in line and "no such question" in line for line in report.not_carried
    )
    assert any("finding 'Roles'" in line for line in report.not_carried)
    with db.read() as s:
        assert s.get(Assessment, assessment_id).checklist_id == new_id  # type: ignore[union-attr]
        live = {
            a.question_id: a
            for a in s.scalars(
                select(Answer).where(
                    Answer.assessment_id == assessment_id, Answer.deleted_at.is_(None)
                )
            )
        }
        strategy = live[service.question_row_id(new_id, "governance.strategy")]
        assert (strategy.level, strategy.comment) == (2, "about governance.strategy")
        catalogue = live[service.question_row_id(new_id, "data.catalogue")]
        assert catalogue.not_applicable and catalogue.level is None
        assert len(live) == 2
        evidence = s.scalars(select(Evidence).where(Evidence.deleted_at.is_(None))).one()
        assert evidence.question_id == service.question_row_id(new_id, "governance.strategy")
        note = s.scalars(select(MeetingNote)).one()
        assert note.question_id == service.question_row_id(new_id, "governance.strategy")
        finding = s.scalars(select(Finding)).one()
        assert finding.dimension_id == service.dimension_row_id(new_id, "governance")
        assert finding.question_id is None
        scores = assessment_scores(s, assessment_id)
    assert scores.dimension("governance").score == 2
    assert scores.dimension("governance").gap == 0


def test_moving_backwards_or_to_another_checklist_is_refused(db: Database) -> None:
    with db.transaction() as s:
        old_id = service.import_checklist(s, SMALL, "small.yaml").checklist_id
        new_id = service.import_checklist(s, small_v2(), "v2.yaml").checklist_id
        other = service.import_checklist(
            s, (FIXTURES / "ciso_one_language.yaml").read_bytes(), "c.yaml"
        ).checklist_id
    assessment_id = make_assessment(db, new_id)
    for target, words in (
        (old_id, "not newer"),
        (other, "not a version of"),
        (new_id, "already uses"),
    ):
        with pytest.raises(BadInput, match=words), db.transaction() as s:
            service.migrate_assessment(s, assessment_id, target)


def test_after_a_sync_brought_a_rival_of_the_same_version_reimport_still_is_a_no_op(
    db: Database,
) -> None:
    changed = SMALL.replace(b"Finns en strategi?", b"Finns det en strategi?")
    with db.transaction() as s:
        rival = service.parse_file(changed, "rival.yaml")[0]
        service.store_checklist(s, rival)  # as if it arrived from another laptop
    with db.transaction() as s:
        # bypass the refusal the way a sync merge does: the row is simply there
        own = service.parse_file(SMALL, "small.yaml")[0]
        s.add(
            Checklist(
                id=service.checklist_row_id(own),
                key=own.id,
                version=own.version,
                content_hash=own.content_hash,
                title=own.title,
                languages=["sv", "en"],
                scale=[],
                source=own.canonical_json(),
            )
        )
    with db.transaction() as s:
        again = service.import_checklist(s, SMALL, "small.yaml")
    assert not again.added and again.checklist_id == service.checklist_row_id(own)


def test_a_library_converted_differently_before_is_explained_not_blamed_on_the_user(
    db: Database,
) -> None:
    data = (FIXTURES / "ciso_two_languages.yaml").read_bytes()
    with db.transaction() as s:
        doc, _notes, _kind = service.parse_file(data, "mini.yaml")
        # as an earlier version of the program stored it: another conversion, same version
        older = replace(doc, description={lang: "older conversion" for lang in doc.languages})
        service.store_checklist(s, older, source_format="ciso-assistant")
    with (
        pytest.raises(ChecklistVersionConflict, match="earlier conversion of this CISO") as info,
        db.transaction() as s,
    ):
        service.import_checklist(s, data, "mini.yaml")
    assert "give the changed file a higher version" not in info.value.message


def _store_an_older_conversion(db: Database, data: bytes) -> service.ChecklistDoc:
    """The library as an earlier version of the program converted it: same version, other
    content. Returns the current conversion."""
    with db.transaction() as s:
        doc, _notes, _kind = service.parse_file(data, "mini.yaml")
        older = replace(doc, description={lang: "older conversion" for lang in doc.languages})
        service.store_checklist(s, older, source_format="ciso-assistant")
    return doc


def test_a_library_converted_differently_before_can_be_added_as_a_new_version(
    db: Database,
) -> None:
    data = (FIXTURES / "ciso_two_languages.yaml").read_bytes()
    doc = _store_an_older_conversion(db, data)
    nxt = f"{doc.version}.1"
    with (
        pytest.raises(ChecklistVersionConflict, match=f"as a new version \\({nxt}\\)"),
        db.transaction() as s,
    ):
        service.import_checklist(s, data, "mini.yaml")
    with db.transaction() as s:
        added = service.import_checklist(s, data, "mini.yaml", as_new_version=True)
    assert added.added and added.version == nxt
    assert any(f"imported as version {nxt} beside it" in n for n in added.notes)
    with db.read() as s:
        versions = sorted(s.scalars(select(Checklist.version).where(Checklist.key == doc.id)).all())
        row = s.get(Checklist, added.checklist_id)
        assert row is not None and service.load_checklist(s, row.id).version == nxt
    assert versions == [doc.version, nxt]
    # the same file again, with or without the flag: nothing changes, the new version is named
    for flag in (False, True):
        with db.transaction() as s:
            again = service.import_checklist(s, data, "mini.yaml", as_new_version=flag)
        assert not again.added and again.checklist_id == added.checklist_id
        assert again.version == nxt
    with db.read() as s:
        assert (
            s.scalar(select(func.count()).select_from(Checklist).where(Checklist.key == doc.id))
            == 2
        )


def test_an_assessment_moves_forward_to_the_new_conversion(db: Database) -> None:
    data = (FIXTURES / "ciso_two_languages.yaml").read_bytes()
    doc = _store_an_older_conversion(db, data)
    from assessor.services.agencies import create_agency
    from assessor.services.answers import set_answer
    from assessor.services.assessments import create_assessment

    with db.transaction() as s:
        (old_id,) = s.scalars(select(Checklist.id).where(Checklist.key == doc.id)).all()
        agency = create_agency(s, name="Skatteverket")
        assessment = create_assessment(s, agency, checklist_id=old_id, assessed_on=date(2026, 3, 2))
        question = s.scalars(
            select(ChecklistQuestion)
            .where(ChecklistQuestion.checklist_id == old_id)
            .order_by(ChecklistQuestion.key)
        ).first()
        assert question is not None
        set_answer(s, assessment, question.id, level=1)
    with db.transaction() as s:
        new = service.import_checklist(s, data, "mini.yaml", as_new_version=True)
        report = service.migrate_assessment(s, assessment, new.checklist_id)
    assert report.answers_carried == 1 and not report.not_carried
