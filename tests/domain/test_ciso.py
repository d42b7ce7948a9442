from __future__ import annotations

from pathlib import Path

import pytest

from assessor.domain.checklist import ChecklistProblems
from assessor.domain.ciso import read_ciso_library
from assessor.domain.ciso_read import sniff_library

FIXTURES = Path(__file__).parent / "fixtures"


def convert(name: str):  # type: ignore[no-untyped-def]
    data = (FIXTURES / name).read_bytes()
    assert sniff_library(data)
    return read_ciso_library(data, name)


def test_headings_become_dimensions_and_requirements_questions() -> None:
    result = convert("ciso_two_languages.yaml")
    doc = result.doc
    assert (doc.id, doc.version, doc.languages) == ("mini-csf", "3", ("en", "sv"))
    assert doc.title == {"en": "Mini security framework", "sv": "Mini-ramverk för säkerhet"}
    assert [d.id for d in doc.dimensions] == ["id", "pr"]
    assert doc.dimensions[0].title == {"en": "ID Identify", "sv": "ID Identifiera"}
    # the sub-heading ID.AM is flattened into its dimension and named in the guidance
    questions = doc.dimensions[0].questions
    assert [q.id for q in questions] == ["id.am-1", "id.am-2"]
    assert questions[0].text["sv"] == "ID.AM-1 Fysiska enheter och system är inventerade"
    assert questions[0].guidance == {"en": "ID.AM Asset management", "sv": "ID.AM Tillgångar"}
    assert questions[1].weight == 2.0
    # a name and a description: the name is the question, the description the guidance
    pr = doc.dimensions[1].questions[0]
    assert pr.text == {"en": "PR.AC-1 Identities", "sv": "PR.AC-1 Identiteter"}
    assert pr.guidance["en"] == "Identities and credentials are managed"


def test_the_score_definitions_become_the_scale_and_the_descriptors() -> None:
    doc = convert("ciso_two_languages.yaml").doc
    assert [s.level for s in doc.scale] == [1, 2, 3]
    assert doc.scale[1].name == {"en": "Repeatable", "sv": "Upprepbar"}
    question = doc.dimensions[0].questions[0]
    assert sorted(question.levels) == [1, 2, 3]
    assert question.levels[2] == {
        "en": "Done the same way every time.",
        "sv": "Görs likadant varje gång.",
    }


def test_what_could_not_be_mapped_is_reported() -> None:
    notes = " ".join(convert("ciso_two_languages.yaml").notes)
    assert "3 of 3 requirement(s) have no answer choices scored" in notes
    assert "RS Respond has no assessable requirement" in notes
    assert "1 text(s) had no 'sv' translation" in notes
    assert "typical_evidence" in notes


def test_one_language_and_no_score_names_are_reported() -> None:
    result = convert("ciso_one_language.yaml")
    doc = result.doc
    assert doc.languages == ("fr",)
    # the single root heading 'Tout' is skipped: its children are the dimensions
    assert [d.id for d in doc.dimensions] == ["a", "b"]
    assert [s.level for s in doc.scale] == [0, 1, 2]
    assert doc.scale[2].name == {"fr": "2"}
    notes = " ".join(result.notes)
    assert "one language only (fr)" in notes
    assert "no score names" in notes
    # the implementation group is a profile; the requirement outside it is said
    assert [p.id for p in doc.profiles] == ["ig1"]
    assert doc.profiles[0].name == {"fr": "Base"}
    assert [q.profiles for _, q in doc.questions()] == [("ig1",), ()]
    assert "1 requirement(s) belong to no implementation group" in notes


def test_loose_requirements_get_a_dimension_of_their_own() -> None:
    text = (FIXTURES / "ciso_one_language.yaml").read_text("utf-8")
    text += (
        "    - urn: urn:assessor-test:risk:req_node:checks:z\n"
        "      assessable: true\n"
        "      depth: 1\n"
        "      ref_id: Z\n"
        "      name: Seul\n"
    )
    result = read_ciso_library(text.encode("utf-8"), "x.yaml")
    assert result.doc.dimensions[-1].id == "other"
    assert [q.id for q in result.doc.dimensions[-1].questions] == ["z"]
    assert "no heading above them" in " ".join(result.notes)


def test_a_library_without_a_framework_is_refused() -> None:
    with pytest.raises(ChecklistProblems, match="not a CISO Assistant library"):
        read_ciso_library(b"urn: x\nthreats: []\n", "t.yaml")
    with pytest.raises(ChecklistProblems, match=r"^t.yaml:1: a catalogue of threats from CISO"):
        read_ciso_library(b"urn: x\nobjects:\n  threats: [{urn: t}]\n", "t.yaml")
    with pytest.raises(ChecklistProblems, match=r"t.yaml:3: YAML syntax error"):
        read_ciso_library(b"objects:\n  framework: [\n", "t.yaml")


def test_no_assessable_requirement_is_refused() -> None:
    data = (
        b"locale: en\nversion: 1\nobjects:\n  framework:\n    ref_id: x\n    name: X\n"
        b"    requirement_nodes:\n    - urn: u:1\n      assessable: false\n      name: Only\n"
    )
    with pytest.raises(ChecklistProblems, match="no assessable requirement"):
        read_ciso_library(data, "n.yaml")
