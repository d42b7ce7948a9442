"""The one vocabulary: every code a user reads has both words, and every code the schema and
the services use has an entry (so a new status cannot reach a page as a raw code)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from assessor.domain import vocabulary
from assessor.domain.vocabulary import VOCABULARY, codes, column_group, word, words

SRC = Path(__file__).resolve().parents[2] / "src" / "assessor"


@pytest.mark.parametrize("group", sorted(VOCABULARY))
def test_every_code_has_both_languages(group: str) -> None:
    for code, entry in VOCABULARY[group].items():
        assert len(entry) == len(vocabulary.LANGUAGES), (group, code)
        for text in entry:
            assert text and text == text.strip(), (group, code, entry)
            assert "_" not in text, (group, code, text)  # a code is not a word


def test_a_field_of_one_table_may_have_its_own_word() -> None:
    assert vocabulary.field_word("contact", "title", "sv") == "Befattning"
    assert vocabulary.field_word("meeting", "title", "sv") == "Titel"
    assert vocabulary.field_word("meeting", "kind", "en") == "Kind"
    for key in VOCABULARY["field"]:
        if "." in key:
            table, field = key.split(".")
            assert table in VOCABULARY["table"] and field in VOCABULARY["field"], key


def test_word_picks_the_language_and_keeps_an_unknown_code() -> None:
    assert word("assessment_status", "in_review", "sv") == "Under granskning"
    assert word("assessment_status", "in_review", "en") == "In review"
    assert word("assessment_status", "archived", "sv") == "archived"  # a newer program's code
    assert list(words("priority", "sv")) == list(codes("priority"))


def test_the_schema_takes_its_code_lists_from_the_vocabulary() -> None:
    from assessor.store import models as m

    assert codes("assessment_status") == m.ASSESSMENT_STATUSES
    assert codes("meeting_kind") == m.MEETING_KINDS
    assert codes("confidence") == m.CONFIDENCES
    assert codes("finding_kind") == m.FINDING_KINDS
    assert codes("priority") == m.PRIORITIES
    assert codes("horizon") == m.HORIZONS
    assert codes("recommendation_status") == m.RECOMMENDATION_STATUSES


def test_every_coded_column_has_a_word_for_every_allowed_code() -> None:
    from assessor.sync import validate

    enums = validate._enums()
    assert enums, "the import's list of coded columns is empty"
    for (table, column), allowed in enums.items():
        group = column_group(table, column)
        assert group is not None, f"{table}.{column} holds codes but has no vocabulary group"
        missing = set(allowed) - set(VOCABULARY[group])
        assert not missing, f"{table}.{column}: no word for {sorted(missing)}"


def test_every_synced_table_and_field_has_a_word() -> None:
    from assessor.store import stamping
    from assessor.store.models import SYNCED_MODELS

    for model in SYNCED_MODELS:
        table = model.__tablename__
        assert table in VOCABULARY["table"], table
        for group in stamping.groups_of(table):
            assert group in VOCABULARY["field"], f"{table}: field group {group!r}"


def test_search_and_conflict_kinds_have_words() -> None:
    from assessor.services import search

    assert set(search.KINDS) <= set(VOCABULARY["search_kind"])
    assert set(VOCABULARY["conflict_kind"]) == {"edit", "delete"}


def test_a_code_shared_by_two_groups_reads_the_same_where_it_means_the_same() -> None:
    # priority and confidence share low/medium/high and mean the same scale
    for code in codes("confidence"):
        for lang in vocabulary.LANGUAGES:
            assert word("confidence", code, lang) == word("priority", code, lang)
    # a table, the field pointing at it and the search hit of it are one word
    for table in ("agency", "meeting", "finding", "recommendation"):
        for lang in vocabulary.LANGUAGES:
            named = word("table", table, lang)
            assert word("field", f"{table}_id", lang) == named
            assert word("search_kind", table, lang) == named


def _string_literals(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    }


CODE_GROUPS = (
    "assessment_status",
    "meeting_kind",
    "finding_kind",
    "horizon",
    "recommendation_status",
    "conflict_kind",
)


def test_no_module_words_a_status_or_kind_of_its_own() -> None:
    """The words of statuses and kinds appear as literals only in the vocabulary (a second
    copy is how "in_review" came to read "Granskas" on one page). Words that are also plain
    text elsewhere (a "Done" column heading, a demo meeting held at "Videomöte") are left out
    of the check."""
    plain = ("Workshop", "Risk", "Done", "Videomöte")
    distinctive = {
        text
        for group in CODE_GROUPS
        for entry in VOCABULARY[group].values()
        for text in entry
        if text not in plain
    }
    distinctive |= {"Granskas", "Kort", "Lång"}  # the conflict view's old words
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        if path.name == "vocabulary.py" or "migrations" in path.parts:
            continue
        found = _string_literals(path) & distinctive
        if found:
            offenders.append(f"{path.relative_to(SRC)}: {sorted(found)}")
    assert not offenders, offenders


def test_the_glossary_page_lists_every_code_with_both_words() -> None:
    glossary = (SRC.parents[1] / "docs" / "glossary.md").read_text(encoding="utf-8")
    sections = glossary.split("\n### ")
    for group, entries in VOCABULARY.items():
        (section,) = [s for s in sections if f"(`{group}`)" in s.splitlines()[0]]
        for code, (sv, en) in entries.items():
            assert f"| `{code}` | {sv} | {en} |" in section, (group, code)
