"""The conflict log in words (services.conflict_view)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.sync.conftest import two_laptops_with_conflicts

from assessor.domain.errors import BadInput, ValidationError
from assessor.services import conflict_view
from assessor.services import sync as sync_service
from assessor.store.db import Database
from assessor.store.models import Agency, ChecklistQuestion


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    return two_laptops_with_conflicts(tmp_path_factory.mktemp("conflicts"))


def lines(path: Path, language: str) -> dict[tuple[str, str], conflict_view.ConflictLine]:
    with Database(path) as db, db.read() as s:
        return {(c.thing, c.field): c for c in conflict_view.describe(s, language)}


def test_every_conflict_is_described_in_swedish(scenario: tuple[Path, dict[str, str]]) -> None:
    path, _ids = scenario
    found = lines(path, "sv")
    # deleting the same agency on both laptops is agreement: not listed
    assert set(found) == {
        ("Myndighet", "Anteckningar"),
        ("Rekommendation", "Titel"),
        ("Möte", "Tid"),
        ("Svar", "Nivå"),
    }
    notes = found[("Myndighet", "Anteckningar")]
    assert notes.name == "Skatteverket" and notes.kind_text == "Ändrad på två ställen"
    assert (notes.current, notes.other) == ("Möte bokat", "Träffade CIO")
    assert notes.current_by == "Den här datorn"
    assert notes.other_by.startswith("Dator ") and len(notes.other_by) == len("Dator ") + 8
    assert notes.current_at is not None and notes.other_at is not None
    assert notes.current_at.tzinfo is not None and notes.other_at <= notes.current_at
    assert notes.editable and notes.edit_value == "Möte bokat"
    rec = found[("Rekommendation", "Titel")]
    assert rec.kind == "delete" and rec.kind_text == "Ändrad medan raderad"
    assert rec.current == "Raderad" and rec.other == "Inför ett e-arkiv före 2027"
    assert rec.name == "Inför ett e-arkiv före 2027" and not rec.editable
    meeting = found[("Möte", "Tid")]
    assert meeting.name == "Uppstartsmöte (Skatteverket), 2026-03-04"
    assert meeting.current == "2026-03-04 13:00–15:00"
    assert meeting.other == "2026-03-03 10:00–12:00"
    answer = found[("Svar", "Nivå")]
    assert (answer.current, answer.other) == ("Ej tillämplig (E/T)", "Nivå 2")
    assert answer.name and "-" not in answer.name[:8]  # the question's text, not an id
    # whole (it was cut at 80 characters, and the window's tooltip could not show the rest)
    with Database(path) as db, db.read() as s:
        question = s.get(ChecklistQuestion, _ids["question"])
        assert question is not None
        assert answer.name == " ".join(question.text["sv"].split())
    assert len(answer.name) > 80 and not answer.name.endswith("…")
    for line in found.values():
        assert "." not in line.thing and "_" not in line.field


def test_the_same_conflicts_in_english(scenario: tuple[Path, dict[str, str]]) -> None:
    found = lines(scenario[0], "en")
    assert ("Agency", "Notes") in found and ("Recommendation", "Title") in found
    assert found[("Recommendation", "Title")].current == "Deleted"
    assert found[("Answer", "Level")].other == "Level 2"
    assert found[("Agency", "Notes")].current_by == "This laptop"


def test_values_in_words() -> None:
    with_session = conflict_view._Namer.__new__(conflict_view._Namer)
    with_session.t = conflict_view.texts("sv")
    with_session.language = "sv"
    with_session.cache = {}
    with_session.dates = conflict_view.DateWords()
    text = conflict_view.value_text
    assert text(with_session, "agency", "deleted", {"deleted_at": None}) == "Inte raderad"
    assert (
        text(with_session, "agency", "deleted", {"deleted_at": "2026-01-02 03:04:05.000000"})
        == "Raderad"
    )
    assert text(with_session, "meeting", "confidential", {"confidential": 1}) == "Ja"
    assert text(with_session, "action_item", "done", {"done": 0}) == "Nej"
    assert text(with_session, "action_item", "due_on", {"due_on": "2026-05-01"}) == "2026-05-01"
    assert text(with_session, "recommendation", "priority", {"priority": "high"}) == "Hög"
    assert text(with_session, "agency", "notes", {"notes": ""}) == "—"
    meeting = {"starts_at": "2026-05-04 09:30:00.000000", "ends_at": "2026-05-04 11:00:00"}
    assert text(with_session, "meeting", "time", meeting) == "2026-05-04 09:30–11:00"
    meeting["ends_at"] = "2026-05-05 10:00:00"
    assert text(with_session, "meeting", "time", meeting) == "2026-05-04 09:30–2026-05-05 10:00"
    assert conflict_view.field_text("agency_response", "en") == "Agency's response"
    assert conflict_view.who("abcdef0123456789", "other", "en") == "Laptop abcdef01"


def test_keep_edited_writes_a_new_value_and_resolves(tmp_path: Path) -> None:
    path, ids = two_laptops_with_conflicts(tmp_path)
    with Database(path) as db:
        with db.read() as s:
            by_field = {c.field: c for c in conflict_view.describe(s, "en")}
        with db.transaction() as s:
            conflict_view.keep_edited(s, by_field["Notes"].id, "Träffade CIO; möte bokat")
        with db.read() as s:
            agency = s.get(Agency, ids["agency"])
            assert agency is not None and agency.notes == "Träffade CIO; möte bokat"
            left = {c.field for c in conflict_view.describe(s, "en")}
            assert "Notes" not in left
            assert any(c.resolved for c in sync_service.list_conflicts(s, include_resolved=True))
        with pytest.raises(BadInput), db.transaction() as s:
            conflict_view.keep_edited(s, by_field["Title"].id, "x")  # a delete conflict
        with pytest.raises(BadInput), db.transaction() as s:
            conflict_view.keep_edited(s, by_field["Time"].id, "x")  # not free text


def test_keep_edited_refuses_an_empty_name(tmp_path: Path) -> None:
    from tests.sync.test_merge import Laptops

    from assessor.services import agencies
    from assessor.services.setup import init_database

    template = tmp_path / "t.db"
    init_database(template).close()
    lt = Laptops(tmp_path, template)
    anna, bo = lt.new("anna"), lt.new("bo")
    with anna.transaction() as s:
        a = agencies.create_agency(s, name="Boverket")
    lt.send("anna", "bo")
    with anna.transaction() as s:
        agencies.update_agency(s, a, name="Boverket (Karlskrona)")
    with bo.transaction() as s:
        agencies.update_agency(s, a, name="Boverket HK")
    lt.send("anna", "bo")
    with bo.read() as s:
        (line,) = conflict_view.describe(s, "en")
    assert line.field == "Name" and line.editable
    with pytest.raises(ValidationError), bo.transaction() as s:
        conflict_view.keep_edited(s, line.id, "   ")
    lt.close()
