"""A parsed checklist (maturity model) and its canonical form.

The file format is documented in docs/checklist-format.md; parsing and the line-numbered checks
live in checklist_validate.py. This module holds the typed document every other layer uses, the
canonical JSON it is stored as, and the content hash that identifies a version.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from assessor.domain.errors import BadInput

FORMAT = "assessor-checklist/1"
MAX_FILE_BYTES = 2 * 1024 * 1024
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]*")
# no leading zeros: "1.01" and "1.1" would be one version under two names
VERSION_PATTERN = re.compile(r"(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))*")
LANGUAGE_PATTERN = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})?")

Text = dict[str, str]
"""One text in every language of the checklist: {"sv": "...", "en": "..."}."""

# The scale a checklist gets when it names none (levels 0..4).
DEFAULT_SCALE_NAMES: tuple[Text, ...] = (
    {"sv": "Saknas", "en": "Absent"},
    {"sv": "Inledande", "en": "Initial"},
    {"sv": "Under utveckling", "en": "Developing"},
    {"sv": "Etablerad", "en": "Established"},
    {"sv": "Ledande", "en": "Leading"},
)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file, where it is: printed as ``FILE:LINE: message``, or
    ``FILE: message`` when it is about the whole file (line 0: missing, unreadable)."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        if self.line <= 0:
            return f"{self.file}: {self.message}"
        return f"{self.file}:{self.line}: {self.message}"


class ChecklistProblems(BadInput):
    """A checklist file that cannot be imported; carries every problem found."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class ChecklistVersionConflict(BadInput):
    """Same id and version as an imported checklist, but different content."""


@dataclass(frozen=True)
class ScaleLevel:
    level: int
    name: Text


@dataclass(frozen=True)
class Band:
    """A maturity band: every score from ``min`` up to the next band's min has this name."""

    min: float
    name: Text


@dataclass(frozen=True)
class Question:
    id: str
    weight: float
    text: Text
    guidance: Text
    levels: dict[int, Text]
    """One descriptor per scale level."""


@dataclass(frozen=True)
class Dimension:
    id: str
    weight: float
    title: Text
    description: Text
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class ChecklistDoc:
    id: str
    version: str
    languages: tuple[str, ...]
    title: Text
    description: Text
    scale: tuple[ScaleLevel, ...]
    bands: tuple[Band, ...]
    dimensions: tuple[Dimension, ...]
    format: str = FORMAT

    @property
    def min_level(self) -> int:
        return self.scale[0].level

    @property
    def max_level(self) -> int:
        return self.scale[-1].level

    def questions(self) -> Iterator[tuple[Dimension, Question]]:
        for dimension in self.dimensions:
            for question in dimension.questions:
                yield dimension, question

    @property
    def question_count(self) -> int:
        return sum(len(d.questions) for d in self.dimensions)

    def canonical(self) -> dict[str, Any]:
        return to_canonical(self)

    def canonical_json(self) -> str:
        return canonical_json(self.canonical())

    @cached_property
    def content_hash(self) -> str:
        """SHA-256 of the canonical JSON: comments, key order and layout do not change it."""
        return hashlib.sha256(self.canonical_json().encode("utf-8")).hexdigest()


def version_key(version: str) -> tuple[int, ...]:
    """ "1.10" > "1.9": versions compare as dotted integers."""
    if not VERSION_PATTERN.fullmatch(version):
        raise BadInput(f"{version!r} is not a version like 1.0 or 2.3.1")
    return tuple(int(part) for part in version.split("."))


def default_scale(languages: Sequence[str]) -> tuple[ScaleLevel, ...]:
    return tuple(
        ScaleLevel(level, {lang: names.get(lang, names["en"]) for lang in languages})
        for level, names in enumerate(DEFAULT_SCALE_NAMES)
    )


def default_bands(scale: Sequence[ScaleLevel]) -> tuple[Band, ...]:
    """One band per level, named as the level: a score belongs to the nearest level."""
    bands = [Band(float(scale[0].level), dict(scale[0].name))]
    bands.extend(Band(s.level - 0.5, dict(s.name)) for s in scale[1:])
    return tuple(bands)


def _number(value: float) -> float:
    # 1 and 1.0 are the same weight: the canonical form always writes a float
    result = float(value)
    if not math.isfinite(result):
        raise ValueError("not a finite number")
    return result


def _text(value: Mapping[str, str]) -> Text:
    return {k: value[k] for k in sorted(value)}


def to_canonical(doc: ChecklistDoc) -> dict[str, Any]:
    """Every field explicit (defaults filled in), in one fixed shape, ready for canonical JSON."""
    return {
        "format": doc.format,
        "id": doc.id,
        "version": doc.version,
        "languages": list(doc.languages),
        "title": _text(doc.title),
        "description": _text(doc.description),
        "scale": [{"level": s.level, "name": _text(s.name)} for s in doc.scale],
        "bands": [{"min": _number(b.min), "name": _text(b.name)} for b in doc.bands],
        "dimensions": [
            {
                "id": d.id,
                "weight": _number(d.weight),
                "title": _text(d.title),
                "description": _text(d.description),
                "questions": [
                    {
                        "id": q.id,
                        "weight": _number(q.weight),
                        "text": _text(q.text),
                        "guidance": _text(q.guidance),
                        "levels": {str(k): _text(q.levels[k]) for k in sorted(q.levels)},
                    }
                    for q in d.questions
                ],
            }
            for d in doc.dimensions
        ],
    }


def canonical_json(data: Any) -> str:
    """Sorted keys, no spaces, UTF-8 text as is: the same content always gives the same string."""
    return json.dumps(
        data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )


def from_canonical(data: Mapping[str, Any]) -> ChecklistDoc:
    """The document back from its canonical form (as stored in the database; trusted)."""
    return ChecklistDoc(
        format=data["format"],
        id=data["id"],
        version=data["version"],
        languages=tuple(data["languages"]),
        title=dict(data["title"]),
        description=dict(data["description"]),
        scale=tuple(ScaleLevel(int(s["level"]), dict(s["name"])) for s in data["scale"]),
        bands=tuple(Band(float(b["min"]), dict(b["name"])) for b in data["bands"]),
        dimensions=tuple(
            Dimension(
                id=d["id"],
                weight=float(d["weight"]),
                title=dict(d["title"]),
                description=dict(d["description"]),
                questions=tuple(
                    Question(
                        id=q["id"],
                        weight=float(q["weight"]),
                        text=dict(q["text"]),
                        guidance=dict(q["guidance"]),
                        levels={int(k): dict(v) for k, v in q["levels"].items()},
                    )
                    for q in d["questions"]
                ),
            )
            for d in data["dimensions"]
        ),
    )


def pick(text: Mapping[str, str], lang: str) -> str:
    """A text in the wanted language, else in any language it has."""
    if lang in text:
        return text[lang]
    for value in text.values():
        return value
    return ""


def to_document(doc: ChecklistDoc) -> dict[str, Any]:
    """The checklist in the file format (empty optional texts left out), e.g. to write as YAML."""
    data = to_canonical(doc)
    for holder in [data, *data["dimensions"]]:
        if not holder.get("description"):
            holder.pop("description", None)
    for dimension in data["dimensions"]:
        for question in dimension["questions"]:
            if not question["guidance"]:
                del question["guidance"]
            question["levels"] = {int(k): v for k, v in question["levels"].items()}
    return data
