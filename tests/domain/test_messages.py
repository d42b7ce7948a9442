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
    used: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        used.update(re.findall(r'\bcode="([a-z_]+\.[a-z_.]+)"', path.read_text("utf-8")))
    assert used, "no coded errors found: the pattern is out of date"
    assert used <= set(CATALOGUE), sorted(used - set(CATALOGUE))


def test_an_error_is_worded_in_the_current_language_and_keeps_its_english() -> None:
    error = BadInput("no such folder: /x", code="file.no_folder", folder="/x")
    assert error.message == "no such folder: /x"
    set_language("sv")
    assert error.message == str(error) == "mappen finns inte: /x"
    assert error.english == "no such folder: /x"
    set_language("en")
    assert worded("file.no_folder", {"folder": "/y"}, "sv") == "mappen finns inte: /y"
    assert BadInput("plain words").message == "plain words"  # no code: the English stays
