"""The full-text search: finds each kind of text, follows edits and deletes, never chokes."""

from __future__ import annotations

from datetime import date, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from assessor.services import search
from assessor.services.agencies import create_agency, delete_agency, update_agency
from assessor.services.answers import add_meeting_note, delete_meeting_note
from assessor.services.assessments import create_assessment, delete_assessment
from assessor.services.findings import create_finding, update_finding
from assessor.services.meetings import create_meeting, update_meeting
from assessor.store.db import Database
from assessor.store.models import Recommendation


def _find(db: Database, query: str, **kw: object) -> list[search.SearchHit]:
    with db.transaction() as s:
        return search.search(s, query, **kw)  # type: ignore[arg-type]


def test_each_kind_is_found_with_where_it_opens(db: Database, small_checklist, agency_id) -> None:
    with db.transaction() as s:
        assessment = create_assessment(
            s, agency_id, checklist_id=small_checklist.id, assessed_on=date(2026, 3, 1)
        )
        meeting = create_meeting(
            s,
            agency_id,
            starts_at=datetime(2026, 3, 1, 9),
            title="Kickoff",
            agenda="Molntjänster och arkitektur",
            assessment_id=assessment,
        )
        note = add_meeting_note(
            s, meeting, text="Arkivering sker på papper", written_at=datetime(2026, 3, 1, 9, 5)
        )
        finding = create_finding(s, assessment, kind="weakness", title="Ingen e-arkivlösning")
        s.add(
            Recommendation(
                assessment_id=assessment,
                title="Inför e-arkiv",
                text="Låna lösningen från Lantmäteriet",
            )
        )
    hits = {h.kind: h for h in _find(db, "skatteverket")}
    assert hits["agency"].id == agency_id
    meeting_hit = _find(db, "molntjänster")[0]
    assert (meeting_hit.kind, meeting_hit.id, meeting_hit.meeting_id) == (
        "meeting",
        meeting,
        meeting,
    )
    assert meeting_hit.assessment_id == assessment
    assert "Kickoff" in meeting_hit.title
    note_hit = _find(db, "papper")[0]
    assert (note_hit.kind, note_hit.id, note_hit.meeting_id) == ("note", note, meeting)
    assert search.MARK_START + "papper" + search.MARK_END in note_hit.snippet
    kinds = {h.kind: h for h in _find(db, "arkiv")}  # prefix of the last word
    assert kinds["finding"].id == finding and kinds["finding"].assessment_id == assessment
    assert kinds["recommendation"].assessment_id == assessment
    assert {h.kind for h in _find(db, "arkiv", kinds=["finding"])} == {"finding"}


def test_edits_and_deletes_are_followed(db: Database, small_checklist, agency_id) -> None:
    with db.transaction() as s:
        assessment = create_assessment(
            s, agency_id, checklist_id=small_checklist.id, assessed_on=date(2026, 3, 1)
        )
        meeting = create_meeting(s, agency_id, starts_at=datetime(2026, 3, 1, 9), notes="gammal")
        note = add_meeting_note(s, meeting, text="flyttbar", written_at=datetime(2026, 3, 1, 9))
        finding = create_finding(s, assessment, kind="risk", title="Leverantörsberoende")
    assert _find(db, "gammal") and _find(db, "leverantörsberoende")
    with db.transaction() as s:
        update_meeting(s, meeting, notes="ny text")
        update_finding(s, finding, title="Inlåsning")
        delete_meeting_note(s, note)
    assert _find(db, "gammal") == [] and _find(db, "flyttbar") == []
    assert [h.id for h in _find(db, "ny text")] == [meeting]
    assert [h.id for h in _find(db, "inlåsning")] == [finding]
    with db.transaction() as s:
        delete_assessment(s, assessment)
    assert _find(db, "inlåsning") == []
    with db.transaction() as s:
        delete_agency(s, agency_id)
    assert _find(db, "ny text") == []


def test_rebuild_finds_rows_written_behind_the_services_back(db: Database, agency_id) -> None:
    assert _find(db, "skatteverket")
    with db.transaction() as s:
        # as a sync import may: an old stamp, below the watermark
        s.execute(text("UPDATE agency SET name = 'Bolagsverket', updated_at = '2000-01-01'"))
    assert _find(db, "bolagsverket") == []
    with db.transaction() as s:
        assert search.rebuild_index(s) == 1
    assert [h.id for h in _find(db, "bolagsverket")] == [agency_id]


def test_agency_filter_and_limit(db: Database) -> None:
    with db.transaction() as s:
        ids = [create_agency(s, name=f"Verket nummer {n}") for n in range(5)]
        update_agency(s, ids[0], notes="unik")
    assert len(_find(db, "verket", limit=3)) == 3
    assert [h.id for h in _find(db, "verket", agency_id=ids[2])] == [ids[2]]
    assert [h.id for h in _find(db, "unik")] == [ids[0]]


def test_diacritics_are_optional(db: Database, agency_id) -> None:
    with db.transaction() as s:
        update_agency(s, agency_id, notes="Möten om återanvändning")
    assert _find(db, "moten aterANVANDNING")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=40))
def test_any_typed_text_is_a_valid_query(db: Database, query: str) -> None:
    hits = _find(db, query)
    assert isinstance(hits, list)
    expression = search.match_expression(query)
    assert expression == "" or expression.endswith("*")


def test_a_meetings_notes_are_not_hits_for_its_title_and_a_title_is_not_repeated_as_text(
    db: Database, agency_id
) -> None:
    with db.transaction() as s:
        meeting = create_meeting(
            s, agency_id, starts_at=datetime(2026, 3, 1, 9), title="Genomgång av strategin"
        )
        for n, words in enumerate(("Budgeten diskuterades", "Nästa steg", "Strategin antas")):
            add_meeting_note(s, meeting, text=words, written_at=datetime(2026, 3, 1, 9, n))
    hits = _find(db, "strategin")
    # the meeting once, and only the note that says it; no note per row of the meeting's title
    assert sorted(h.kind for h in hits) == ["meeting", "note"]
    note = next(h for h in hits if h.kind == "note")
    assert search.MARK_START + "Strategin" + search.MARK_END in note.snippet
    meeting_hit = next(h for h in hits if h.kind == "meeting")
    assert meeting_hit.snippet == ""  # matched in the title, which is shown as the title
