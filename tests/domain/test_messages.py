"""Errors from below the window are worded from one catalogue, in Swedish and English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assessor.domain.errors import BadInput
from assessor.domain.messages import CATALOGUE, placeholders, set_language, worded

SOURCE = Path(__file__).parents[2] / "src" / "assessor"


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_every_code_has_both_languages_and_no_invented_placeholder(code: str) -> None:
    entry = CATALOGUE[code]
    assert set(entry) == {"sv", "en"}
    assert entry["sv"].strip() and entry["en"].strip()
    # a translation may leave out a parameter (an English noun), never name one that is not there
    assert placeholders(entry["sv"]) <= placeholders(entry["en"])


def test_every_code_raised_in_the_program_is_in_the_catalogue() -> None:
    prefixes = {code.split(".")[0] for code in CATALOGUE}
    used: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        text = path.read_text("utf-8")
        used.update(re.findall(r'\bcode="([a-z_]+\.[a-z_.]+)"', text))
        # problems name their code as a plain literal: "yaml.tab", "file.not_utf8"
        literals = re.findall(r'"([a-z_]+\.[a-z_]+)"', text)
        used.update(c for c in literals if c.split(".")[0] in prefixes and not c.endswith(".id"))
        used.update(f"ciso.note.{n}" for n in re.findall(r'\bnote\("([a-z_]+)"', text))
    assert len(used) > 30, "few coded errors found: the pattern is out of date"
    assert used <= set(CATALOGUE), sorted(used - set(CATALOGUE))


def test_a_checklist_file_problem_is_worded_in_swedish_too() -> None:
    from assessor.domain.checklist import ChecklistProblems
    from assessor.domain.checklist_validate import parse_checklist
    from assessor.domain.ciso import read_ciso_library

    (problem,) = parse_checklist(b"format: x\n\tid: y\n", "t.yaml")  # type: ignore[misc]
    assert problem.message == "YAML syntax error: a tab character; YAML indents with spaces only"
    set_language("sv")
    assert str(problem) == "t.yaml:2: YAML-syntaxfel: ett tabbtecken; YAML drar in med mellanslag"
    with pytest.raises(ChecklistProblems) as caught:
        read_ciso_library(b"urn: x\nname: Matris\nobjects:\n  risk_matrix: [{urn: r}]\n", "r.yaml")
    assert caught.value.message == (
        "r.yaml:1: en riskmatris från CISO Assistant ('Matris'), inget ramverk: inget att importera"
    )
    set_language("en")
    assert "a risk matrix from CISO Assistant ('Matris')" in caught.value.message


def test_an_error_is_worded_in_the_current_language_and_keeps_its_english() -> None:
    error = BadInput("no such folder: /x", code="file.no_folder", folder="/x")
    assert error.message == "no such folder: /x"
    set_language("sv")
    assert error.message == str(error) == "mappen finns inte: /x"
    assert error.english == "no such folder: /x"
    set_language("en")
    assert worded("file.no_folder", {"folder": "/y"}, "sv") == "mappen finns inte: /y"
    assert BadInput("plain words").message == "plain words"  # no code: the English stays


def test_import_notes_follow_the_language_they_are_made_in() -> None:
    from assessor.domain.ciso import read_ciso_library

    data = (Path(__file__).parent / "fixtures" / "ciso_one_language.yaml").read_bytes()
    english = read_ciso_library(data, "x.yaml").notes
    set_language("sv")
    swedish = read_ciso_library(data, "x.yaml").notes
    assert len(english) == len(swedish) and english != swedish
    assert "Biblioteket finns bara på ett språk (fr); det gör checklistan också." in swedish
    assert "The library is in one language only (fr); the checklist is too." in english


def test_no_code_is_worded_in_two_areas_of_the_catalogue() -> None:
    # the areas are joined into one table: a code in two of them would lose one wording silently
    from assessor.domain.message_catalogue import AREAS

    codes = [code for area in AREAS for code in area]
    assert len(codes) == len(set(codes)) == len(CATALOGUE)
    assert all(area for area in AREAS)
