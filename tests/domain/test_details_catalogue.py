"""Every detail worded inside a message (a package's why, a checklist's field problem) has its
Swedish wording, with the same placeholders; the tests fail when one is added without."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from assessor.domain.message_details import DETAILS
from assessor.domain.messages import Detail, placeholders, set_language

SRC = Path(__file__).resolve().parents[2] / "src" / "assessor"


def _templates() -> set[str]:
    found: set[str] = set()
    files = [
        *(SRC / "domain").glob("checklist_*.py"),
        *(SRC / "sync").glob("*.py"),
        SRC / "services" / "archive_import.py",
        SRC / "services" / "tables.py",
    ]
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            first = node.args[2] if name == "_bad_json" and len(node.args) > 2 else node.args[0]
            if name in ("_p", "Detail", "unusable", "_refuse", "_bad_json") and isinstance(
                first, ast.Constant
            ):
                found.add(str(first.value))
    return found


def test_the_scan_finds_the_details() -> None:
    assert len(_templates()) > 100


@pytest.mark.parametrize("template", sorted(_templates()))
def test_every_detail_has_swedish_with_the_same_placeholders(template: str) -> None:
    assert template in DETAILS, template
    assert placeholders(DETAILS[template]["sv"]) == placeholders(template)


def test_a_nested_detail_is_worded_in_the_language_of_the_moment() -> None:
    where = Detail("dimension '{dim_id}'", dim_id="styrning")
    detail = Detail(
        "{what}: weight must be a number greater than 0, not {value}", what=where, value="-3"
    )
    assert detail.english_text() == (
        "dimension 'styrning': weight must be a number greater than 0, not -3"
    )
    set_language("sv")
    try:
        assert str(detail) == (
            "dimensionen 'styrning': vikten måste vara ett tal större än 0, inte -3"
        )
    finally:
        set_language("en")
