from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from assessor.domain.checklist import (
    MAX_FILE_BYTES,
    ChecklistDoc,
    ChecklistProblems,
    Problem,
    default_bands,
)
from assessor.domain.checklist_validate import parse_checklist, read_checklist

FIXTURES = Path(__file__).parent / "fixtures"
SCHEMA = Path(__file__).parents[2] / "resources" / "checklist.schema.json"

VALID = """\
format: assessor-checklist/1
id: tiny
version: "1.0"
languages: [sv, en]
title: {sv: "Liten", en: "Tiny"}
dimensions:
  - id: gov
    title: {sv: "Styrning", en: "Governance"}
    questions:
      - id: gov.one
        text: {sv: "Fråga ett", en: "Question one"}
        levels:
          0: {sv: "noll", en: "zero"}
          1: {sv: "ett", en: "one"}
          2: {sv: "två", en: "two"}
          3: {sv: "tre", en: "three"}
          4: {sv: "fyra", en: "four"}
      - id: gov.two
        weight: 2
        text: {sv: "Fråga två", en: "Question two"}
        levels:
          0: {sv: "noll", en: "zero"}
          1: {sv: "ett", en: "one"}
          2: {sv: "två", en: "two"}
          3: {sv: "tre", en: "three"}
          4: {sv: "fyra", en: "four"}
"""


def line_of(text: str, snippet: str, nth: int = 1) -> int:
    """The 1-based line of the nth line containing snippet (ending with it, if it ends in $)."""
    if snippet.endswith("$"):
        hits = [i + 1 for i, line in enumerate(text.splitlines()) if line.endswith(snippet[:-1])]
    else:
        hits = [i + 1 for i, line in enumerate(text.splitlines()) if snippet in line]
    return hits[nth - 1]


def problems(text: str | bytes) -> list[Problem]:
    data = text.encode("utf-8") if isinstance(text, str) else text
    result = parse_checklist(data, "model.yaml")
    assert isinstance(result, list), "expected problems, got a checklist"
    return result


def only(text: str | bytes) -> Problem:
    found = problems(text)
    assert len(found) == 1, [str(p) for p in found]
    return found[0]


def test_the_valid_example_parses_with_defaults_filled_in() -> None:
    doc = parse_checklist(VALID.encode(), "model.yaml")
    assert isinstance(doc, ChecklistDoc)
    assert [s.level for s in doc.scale] == [0, 1, 2, 3, 4]
    assert doc.scale[0].name == {"sv": "Saknas", "en": "Absent"}
    assert doc.bands == default_bands(doc.scale)
    assert doc.dimensions[0].weight == 1.0
    assert [q.weight for q in doc.dimensions[0].questions] == [1.0, 2.0]
    assert doc.dimensions[0].questions[0].levels[4] == {"sv": "fyra", "en": "four"}


def test_a_problem_prints_as_file_line_message() -> None:
    assert str(Problem("a.yaml", 7, "bad")) == "a.yaml:7: bad"


def test_yaml_syntax_error_names_its_line() -> None:
    text = VALID.replace('title: {sv: "Liten", en: "Tiny"}', 'title: {sv: "Liten", en: "Tiny"')
    p = only(text)
    assert "YAML syntax error" in p.message
    assert p.line in (line_of(text, "title:"), line_of(text, "title:") + 1)


def test_bad_indentation_is_a_syntax_error_on_its_line() -> None:
    text = VALID.replace("  - id: gov\n", "  - id: gov\n   bad: [\n")
    p = only(text)
    assert p.message.startswith("YAML syntax error")
    assert p.line >= line_of(text, "bad: [")


def test_not_utf8_names_the_line_of_the_first_bad_byte() -> None:
    data = VALID.replace("Fråga två", "FrXga två").encode("utf-8").replace(b"FrXga", b"Fr\xe5ga")
    p = only(data)
    assert "not UTF-8" in p.message
    assert p.line == line_of(VALID, "Fråga två")


def test_a_file_over_two_megabytes_is_refused_before_parsing() -> None:
    data = VALID.encode() + b"#" * (MAX_FILE_BYTES + 1 - len(VALID.encode()))
    assert len(data) == MAX_FILE_BYTES + 1
    p = only(data)
    assert "too large" in p.message and p.line == 1
    assert isinstance(parse_checklist(VALID.encode() + b"# x\n", "m.yaml"), ChecklistDoc)


def test_duplicate_dimension_id_names_the_second_and_the_first_line() -> None:
    second = VALID.split("dimensions:\n", 1)[1].replace("gov.", "other.")
    text = VALID + second
    p = only(text)
    assert "duplicate dimension id 'gov'" in p.message
    assert p.line == line_of(text, "- id: gov$", 2)
    assert f"line {line_of(text, '- id: gov$', 1)}" in p.message


def test_duplicate_question_id_across_dimensions_is_found() -> None:
    second = VALID.split("dimensions:\n", 1)[1].replace("- id: gov\n", "- id: data\n")
    text = VALID + second
    found = problems(text)
    assert [p.line for p in found] == [
        line_of(text, "id: gov.one", 2),
        line_of(text, "id: gov.two", 2),
    ]
    assert all("duplicate question id" in p.message for p in found)


def test_a_level_outside_the_scale_names_its_line() -> None:
    text = VALID.replace(
        '          4: {sv: "fyra", en: "four"}\n      - id: gov.two',
        '          4: {sv: "fyra", en: "four"}\n'
        '          5: {sv: "fem", en: "five"}\n      - id: gov.two',
    )
    p = only(text)
    assert "level 5 is outside the scale 0-4" in p.message
    assert p.line == line_of(text, "5: {sv")


def test_a_missing_descriptor_names_the_levels_line() -> None:
    text = VALID.replace('          2: {sv: "två", en: "two"}\n', "", 1)
    p = only(text)
    assert "question 'gov.one': missing descriptor for level 2" in p.message
    assert p.line == line_of(text, "0: {sv", 1)  # the mapping starts at its first key


def test_a_missing_language_names_the_text_line() -> None:
    text = VALID.replace('text: {sv: "Fråga två", en: "Question two"}', 'text: {sv: "Fråga två"}')
    p = only(text)
    assert "missing language 'en'" in p.message and "gov.two" in p.message
    assert p.line == line_of(text, 'text: {sv: "Fråga två"}')


def test_a_language_not_listed_is_refused() -> None:
    text = VALID.replace(
        'title: {sv: "Liten", en: "Tiny"}', 'title: {sv: "Liten", en: "Tiny", de: "Klein"}'
    )
    p = only(text)
    assert "language 'de' is not one of" in p.message
    assert p.line == line_of(text, "title:")


def test_an_empty_text_is_refused_on_its_line() -> None:
    text = VALID.replace('{sv: "tre", en: "three"}', '{sv: "tre", en: ""}', 1)
    p = only(text)
    assert "must not be empty" in p.message
    assert p.line == line_of(text, 'en: ""')


@pytest.mark.parametrize("weight", ["0", "-1", "abc", ".nan", "true", "[1]"])
def test_a_bad_weight_names_its_line(weight: str) -> None:
    text = VALID.replace("        weight: 2\n", f"        weight: {weight}\n")
    p = only(text)
    assert "weight must be a number greater than 0" in p.message
    assert p.line == line_of(text, "weight:")


def test_a_bad_dimension_weight_is_found_too() -> None:
    text = VALID.replace("  - id: gov\n", "  - id: gov\n    weight: 0\n")
    p = only(text)
    assert "dimension 'gov': weight" in p.message
    assert p.line == line_of(text, "weight: 0")


def test_a_missing_required_field_names_the_mapping() -> None:
    text = VALID.replace('title: {sv: "Liten", en: "Tiny"}\n', "")
    p = only(text)
    assert "missing required field 'title'" in p.message
    assert p.line == 1


def test_a_question_without_levels_names_the_question() -> None:
    text = (
        VALID.split("        levels:\n", 1)[0]
        + "\n      - id: gov.two"
        + VALID.split("      - id: gov.two", 1)[1]
    )
    p = only(text)
    assert "missing required field 'levels'" in p.message
    assert p.line == line_of(text, "- id: gov.one")


def test_a_wrong_type_is_named() -> None:
    text = VALID.replace(
        "    questions:\n      - id: gov.one", "    questions: 3\n    x:\n      - id: gov.one", 1
    )
    found = problems(text)
    messages = " | ".join(p.message for p in found)
    assert "questions must be a list" in messages
    assert "unknown field 'x'" in messages
    assert line_of(text, "questions: 3") in [p.line for p in found]


def test_an_unquoted_version_is_refused() -> None:
    p = only(VALID.replace('version: "1.0"', "version: 1.0"))
    assert "version must be quoted text" in p.message and p.line == 3


@pytest.mark.parametrize("version", ["1.01", "v1", "1.", "1..2", ""])
def test_a_malformed_version_is_refused(version: str) -> None:
    p = only(VALID.replace('version: "1.0"', f'version: "{version}"'))
    assert p.line == 3 and "version" in p.message


def test_versions_compare_as_dotted_integers() -> None:
    from assessor.domain.checklist import version_key

    assert version_key("1.10") > version_key("1.9") > version_key("1")
    assert version_key("2") > version_key("1.99.3")


def test_a_bad_id_is_refused() -> None:
    p = only(VALID.replace("id: gov.one", "id: Gov One"))
    assert "may hold only" in p.message
    assert p.line == line_of(VALID, "id: gov.one")


def test_an_unknown_format_stops_the_checks() -> None:
    text = VALID.replace("assessor-checklist/1", "assessor-checklist/9").replace(
        "id: tiny", "id: Not Valid"
    )
    p = only(text)
    assert "unknown format 'assessor-checklist/9'" in p.message and p.line == 1


def test_a_missing_format_is_reported() -> None:
    p = only(VALID.replace("format: assessor-checklist/1\n", ""))
    assert "missing required field 'format'" in p.message


def test_a_scale_with_a_hole_is_refused() -> None:
    scale = "scale:\n  - {level: 0, name: {sv: a, en: a}}\n  - {level: 2, name: {sv: b, en: b}}\n"
    text = VALID.replace("dimensions:\n", scale + "dimensions:\n")
    found = problems(text)
    assert found[0].line == line_of(text, "level: 2")
    assert "consecutive" in found[0].message


def test_a_custom_scale_requires_descriptors_for_its_levels_only() -> None:
    scale = "scale:\n  - {level: 1, name: {sv: a, en: a}}\n  - {level: 2, name: {sv: b, en: b}}\n"
    text = VALID.replace("dimensions:\n", scale + "dimensions:\n")
    found = problems(text)
    assert {p.message.split(": ")[-1] for p in found} == {
        "level 0 is outside the scale 1-2",
        "level 3 is outside the scale 1-2",
        "level 4 is outside the scale 1-2",
    }


def test_bands_must_start_at_the_lowest_level_and_increase() -> None:
    bands = "bands:\n  - {min: 1, name: {sv: a, en: a}}\n  - {min: 0.5, name: {sv: b, en: b}}\n"
    text = VALID.replace("dimensions:\n", bands + "dimensions:\n")
    found = problems(text)
    assert [p.line for p in found] == [line_of(text, "min: 1"), line_of(text, "min: 0.5")]


def test_aliases_are_refused() -> None:
    text = VALID.replace('title: {sv: "Liten", en: "Tiny"}', 'title: &t {sv: "L", en: "T"}')
    text = text.replace('text: {sv: "Fråga ett", en: "Question one"}', "text: *t")
    p = only(text)
    assert "aliases" in p.message and p.line == line_of(text, "text: *t")


def test_an_empty_file_and_a_list_are_not_checklists() -> None:
    assert "empty" in only(b"").message
    assert "must be a mapping" in only(b"- a\n- b\n").message


def test_duplicate_keys_are_reported() -> None:
    text = VALID.replace("id: tiny\n", "id: tiny\nid: tiny2\n")
    p = only(text)
    assert "appears twice" in p.message and p.line == 3


def test_problems_come_in_line_order_and_all_at_once() -> None:
    text = VALID.replace("weight: 2", "weight: -2").replace(
        '{sv: "noll", en: "zero"}', '{sv: "noll"}', 1
    )
    found = problems(text)
    assert len(found) == 2
    assert found == sorted(found, key=lambda p: p.line)


def test_read_checklist_raises_with_every_problem() -> None:
    with pytest.raises(ChecklistProblems) as info:
        read_checklist(b"format: x\n", "x.yaml")
    assert str(info.value).startswith("x.yaml:1: ")


def test_the_hash_ignores_comments_layout_key_order_and_defaults() -> None:
    doc = read_checklist(VALID.encode(), "a.yaml")
    reformatted = "# a comment\n" + VALID.replace(
        'title: {sv: "Liten", en: "Tiny"}', 'title:\n  en: "Tiny"\n  sv: Liten'
    ).replace("weight: 2", "weight: 2.0")
    scale = "scale:\n" + "".join(
        f"  - level: {s.level}\n    name: {{sv: {s.name['sv']}, en: {s.name['en']}}}\n"
        for s in doc.scale
    )
    explicit = reformatted.replace("dimensions:\n", scale + "dimensions:\n")
    assert read_checklist(explicit.encode(), "b.yaml").content_hash == doc.content_hash
    changed = VALID.replace("Fråga ett", "Fråga 1")
    assert read_checklist(changed.encode(), "c.yaml").content_hash != doc.content_hash


def test_the_canonical_form_round_trips() -> None:
    from assessor.domain.checklist import from_canonical

    doc = read_checklist((FIXTURES / "small.yaml").read_bytes(), "small.yaml")
    again = from_canonical(json.loads(doc.canonical_json()))
    assert again == doc
    assert again.content_hash == doc.content_hash


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


@pytest.mark.parametrize("name", ["small.yaml"])
def test_fixtures_are_valid_against_the_published_schema(name: str) -> None:
    schema = json.loads(SCHEMA.read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    data = _jsonable(yaml.safe_load((FIXTURES / name).read_text("utf-8")))
    jsonschema.validate(data, schema)
    jsonschema.validate(_jsonable(yaml.safe_load(VALID)), schema)


def test_the_schema_refuses_what_the_checker_refuses() -> None:
    schema = json.loads(SCHEMA.read_text("utf-8"))
    for bad in (
        VALID.replace("weight: 2", "weight: 0"),
        VALID.replace("format: assessor-checklist/1", "format: other"),
        VALID.replace("id: gov.one", "id: Gov"),
    ):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(_jsonable(yaml.safe_load(bad)), schema)


def test_a_billion_laughs_is_refused_before_it_is_expanded() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    problems = parse_checklist("\n".join(lines).encode(), "laughs.yaml")
    assert isinstance(problems, list)
    assert "aliases" in problems[0].message and problems[0].line == 2


def test_deep_nesting_is_refused_with_its_line() -> None:
    text = "format: assessor-checklist/1\nx: " + "[" * 100 + "]" * 100 + "\n"
    problems = parse_checklist(text.encode(), "deep.yaml")
    assert isinstance(problems, list)
    assert "nests deeper than 64 levels" in problems[0].message and problems[0].line == 2


def test_too_many_values_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from assessor.domain import yaml_limits

    monkeypatch.setattr(yaml_limits, "MAX_NODES", 50)
    text = "items:\n" + "".join(f"  - {i}\n" for i in range(60))
    problems = parse_checklist(text.encode(), "many.yaml")
    assert isinstance(problems, list)
    assert "more than 50 values" in problems[0].message


PROFILED = VALID.replace(
    "dimensions:\n",
    "profiles:\n  - id: basic\n    name: {sv: Grund, en: Basic}\nsource: urn:x:framework:tiny\n"
    "dimensions:\n",
).replace(
    "      - id: gov.two\n",
    "      - id: gov.two\n        profiles: [basic]\n        source: urn:x:req:two\n",
)


def test_profiles_and_sources_are_read_and_hashed_only_when_present() -> None:
    doc = parse_checklist(PROFILED.encode(), "p.yaml")
    assert isinstance(doc, ChecklistDoc)
    assert [p.id for p in doc.profiles] == ["basic"] and doc.source == "urn:x:framework:tiny"
    two = doc.dimensions[0].questions[1]
    assert (two.profiles, two.source) == (("basic",), "urn:x:req:two")
    assert doc.in_profile("basic").question_count == 1
    plain = parse_checklist(VALID.encode(), "v.yaml")
    assert isinstance(plain, ChecklistDoc)
    # without them the canonical form (and so the hash) is what it was before they existed
    assert "profiles" not in plain.canonical() and "source" not in plain.canonical_json()
    schema = json.loads(SCHEMA.read_text("utf-8"))
    jsonschema.validate(_jsonable(yaml.safe_load(PROFILED)), schema)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("profiles: [basic]", "profiles: [nope]"), "unknown profile 'nope' (profiles: basic)"),
        (("        profiles: [basic]\n", ""), "profile 'basic' has no question"),
        (("  - id: basic\n", "  - id: basic\n    name: {sv: X, en: X}\n  - id: basic\n"), None),
    ],
)
def test_profile_mistakes_are_named(change: tuple[str, str], message: str | None) -> None:
    text = PROFILED.replace(*change)
    problems = parse_checklist(text.encode(), "p.yaml")
    assert isinstance(problems, list)
    assert any((message or "duplicate profile id 'basic'") in p.message for p in problems)
