"""The checklists shipped in resources/checklists/ are valid and complete in both languages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from assessor.domain.checklist import ChecklistDoc, Text
from assessor.domain.checklist_validate import parse_checklist

RESOURCES = Path(__file__).parents[2] / "resources"
SHIPPED = sorted((RESOURCES / "checklists").glob("*.yaml"))


def all_texts(doc: ChecklistDoc) -> list[tuple[str, Text]]:
    texts: list[tuple[str, Text]] = [("title", doc.title), ("description", doc.description)]
    texts += [(f"scale level {s.level}", s.name) for s in doc.scale]
    texts += [(f"band {b.min}", b.name) for b in doc.bands]
    for d in doc.dimensions:
        texts += [(f"{d.id} title", d.title), (f"{d.id} description", d.description)]
        for q in d.questions:
            texts += [(f"{q.id} text", q.text), (f"{q.id} guidance", q.guidance)]
            texts += [(f"{q.id} level {k}", v) for k, v in q.levels.items()]
    return [(where, t) for where, t in texts if t]


def test_there_is_a_default_checklist() -> None:
    assert any(p.name == "digital-maturity.yaml" for p in SHIPPED)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_checklist_is_valid_and_bilingual(path: Path) -> None:
    doc = parse_checklist(path.read_bytes(), path.name)
    assert isinstance(doc, ChecklistDoc), "\n".join(str(p) for p in doc)
    assert {"sv", "en"} <= set(doc.languages)
    for where, text in all_texts(doc):
        assert text["sv"].strip() and text["en"].strip(), where
        assert text["sv"] != text["en"], f"{where}: the same in Swedish and English"
    for _dimension, question in doc.questions():
        assert sorted(question.levels) == [s.level for s in doc.scale], question.id


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_checklist_passes_the_published_schema(path: Path) -> None:
    schema = json.loads((RESOURCES / "checklist.schema.json").read_text("utf-8"))
    jsonschema.validate(_jsonable(yaml.safe_load(path.read_text("utf-8"))), schema)
