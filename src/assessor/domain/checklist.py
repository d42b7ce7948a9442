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
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

from assessor.domain.errors import BadInput

# re-exported: callers check a file's size before reading it
from assessor.domain.yaml_limits import MAX_FILE_BYTES as MAX_FILE_BYTES
from assessor.domain.yaml_limits import Excess

FORMAT = "assessor-checklist/1"
# Bounded: an id or a version travels with sync and the archive to every colleague, and a
# version's parts become integers (a 5,000-digit part would break every listing after it).
MAX_ID_CHARS = 128
MAX_VERSION_PARTS = 8
MAX_VERSION_DIGITS = 9
ID_PATTERN = re.compile(rf"[a-z0-9][a-z0-9._-]{{0,{MAX_ID_CHARS - 1}}}")
# no leading zeros: "1.01" and "1.1" would be one version under two names
_PART = rf"(0|[1-9][0-9]{{0,{MAX_VERSION_DIGITS - 1}}})"
VERSION_PATTERN = re.compile(rf"{_PART}(\.{_PART}){{0,{MAX_VERSION_PARTS - 1}}}")
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
    """In English; with a code, worded from messages.CATALOGUE in the user's language."""
    code: str = ""
    params: tuple[tuple[str, object], ...] = ()

    def words(self) -> str:
        if self.code:
            from assessor.domain.messages import worded

            text = worded(self.code, dict(self.params))
            if text is not None:
                return text
        return self.message

    def __str__(self) -> str:
        if self.line <= 0:  # a problem of the file as a whole (missing, too large)
            return f"{self.file}: {self.words()}"
        return f"{self.file}:{self.line}: {self.words()}"


def as_problem(file_name: str, excess: Excess) -> Problem:
    """A YAML limit's excess as a problem of ``file_name``."""
    return Problem(file_name, excess.line, excess.message, excess.code, excess.params)


class ChecklistProblems(BadInput):
    """A checklist file that cannot be imported; carries every problem found."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(f"{p.file}:{p.line}: {p.message}" for p in self.problems))

    @property
    def message(self) -> str:
        return "\n".join(str(p) for p in self.problems)


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
class Profile:
    """A named subset of the questions (CISO Assistant's implementation groups): Essential
    Eight's maturity levels, CIS IG1-IG3, CMMC levels. An assessment can be scored on one."""

    id: str
    name: Text
    description: Text


@dataclass(frozen=True)
class Question:
    id: str
    weight: float
    text: Text
    guidance: Text
    levels: dict[int, Text]
    """One descriptor per scale level."""
    profiles: tuple[str, ...] = ()
    """Ids of the profiles this question belongs to."""
    source: str = ""
    """Where the question came from (a CISO Assistant requirement urn): what mappings name."""


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
    profiles: tuple[Profile, ...] = ()
    source: str = ""
    """Where the checklist came from (a CISO Assistant framework urn)."""

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

    def profile(self, profile_id: str) -> Profile:
        for profile in self.profiles:
            if profile.id == profile_id:
                return profile
        raise BadInput(
            f"checklist {self.id} has no profile {profile_id!r}",
            code="checklist.no_profile",
            checklist=self.id,
            profile=profile_id,
        )

    def in_profile(self, profile_id: str | None) -> ChecklistDoc:
        """Only the questions of a profile (dimensions left empty dropped); None: all of them."""
        if profile_id is None:
            return self
        self.profile(profile_id)
        dimensions = []
        for dimension in self.dimensions:
            kept = tuple(q for q in dimension.questions if profile_id in q.profiles)
            if kept:
                dimensions.append(replace(dimension, questions=kept))
        return replace(self, dimensions=tuple(dimensions))

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
        raise BadInput(
            f"{version!r} is not a version like 1.0 or 2.3.1",
            code="checklist.bad_version",
            version=repr(version),
        )
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


def _question(q: Question) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": q.id,
        "weight": _number(q.weight),
        "text": _text(q.text),
        "guidance": _text(q.guidance),
        "levels": {str(k): _text(q.levels[k]) for k in sorted(q.levels)},
    }
    # written only when present, so that a checklist without them keeps its content hash
    if q.profiles:
        data["profiles"] = list(q.profiles)
    if q.source:
        data["source"] = q.source
    return data


def to_canonical(doc: ChecklistDoc) -> dict[str, Any]:
    """Every field explicit (defaults filled in), in one fixed shape, ready for canonical JSON.

    Profiles and sources are the exception: they appear only when present, so that adding them
    to the format changed no earlier checklist's content hash.
    """
    data: dict[str, Any] = {
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
                "questions": [_question(q) for q in d.questions],
            }
            for d in doc.dimensions
        ],
    }
    if doc.profiles:
        data["profiles"] = [
            {"id": p.id, "name": _text(p.name), "description": _text(p.description)}
            for p in doc.profiles
        ]
    if doc.source:
        data["source"] = doc.source
    return data


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
                        profiles=tuple(q.get("profiles", ())),
                        source=q.get("source", ""),
                    )
                    for q in d["questions"]
                ),
            )
            for d in data["dimensions"]
        ),
        profiles=tuple(
            Profile(p["id"], dict(p["name"]), dict(p["description"]))
            for p in data.get("profiles", ())
        ),
        source=data.get("source", ""),
    )


def pick(text: Mapping[str, str], lang: str) -> str:
    """A text in the wanted language, else in English, else in any language it has.

    A Swedish reader of a framework in English, French and Czech reads the English.
    """
    if lang in text:
        return text[lang]
    if "en" in text:
        return text["en"]
    for value in text.values():
        return value
    return ""


def scale_word(name: Mapping[str, str], lang: str) -> str:
    """A level's or band's name in ``lang``, as pick() gives it, but for the program's own.

    A checklist that names no scale (most CISO Assistant frameworks) keeps the default names
    in its own languages only, so a Swedish report on an English framework said
    "Nivå: 2 – Developing" and "Mognadsnivå: Developing". Those are the program's words and
    are worded in the reader's language; a name the checklist gave itself stays as it is.
    """
    if lang not in name and name:
        for default in DEFAULT_SCALE_NAMES:
            if all(text == default.get(code, default["en"]) for code, text in name.items()):
                return default.get(lang, pick(name, lang))
    return pick(name, lang)


def to_document(doc: ChecklistDoc) -> dict[str, Any]:
    """The checklist in the file format (empty optional texts left out), e.g. to write as YAML."""
    data = to_canonical(doc)
    for holder in [data, *data["dimensions"], *data.get("profiles", ())]:
        if not holder.get("description"):
            holder.pop("description", None)
    for dimension in data["dimensions"]:
        for question in dimension["questions"]:
            if not question["guidance"]:
                del question["guidance"]
            question["levels"] = {int(k): v for k, v in question["levels"].items()}
    return data
