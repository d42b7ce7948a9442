"""A CISO Assistant requirement's questions and answer choices, as our level descriptors.

Some frameworks (the ENISA SME maturity model) ask one question per requirement and offer a
choice per maturity level, each adding its score: "1 No product security policies exist", ...,
"5 Policies are ... continuously improved". When the scores of one question's choices are
exactly the scale's levels, each choice describes its level better than the scale's general
words do. The questions' own wording goes into the guidance, whatever their choices.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from assessor.domain.checklist import Text


class TextSource(Protocol):
    """Reads one text of a library object in every language of the checklist."""

    main: str

    def of(self, obj: Mapping[str, Any], key: str, fallback: str = "") -> Text: ...


@dataclass(frozen=True)
class Choices:
    levels: dict[int, Text] = field(default_factory=dict)
    """One descriptor per scale level, or empty when the choices do not fit the scale."""
    asked: Text = field(default_factory=dict)
    """The questions' wording, one per line; empty when the requirement asks none."""


def _questions(raw: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    questions = raw.get("questions")
    if isinstance(questions, dict):
        questions = list(questions.values())
    return [q for q in questions if isinstance(q, dict)] if isinstance(questions, list) else []


def _score(choice: Mapping[str, Any]) -> int | None:
    score = choice.get("add_score")
    if isinstance(score, bool):
        return None
    if isinstance(score, float) and score.is_integer():
        return int(score)
    return score if isinstance(score, int) else None


def _without_number(text: str, score: int) -> str:
    # "3 Documented but not approved": the level already shows the number
    return re.sub(rf"^\s*{score}\s*[.):-]?\s+", "", text, count=1) or text


def level_descriptors(raw: Mapping[str, Any], texts: TextSource, levels: Sequence[int]) -> Choices:
    """The descriptors a requirement's scored choices give, and what its questions ask."""
    questions = _questions(raw)
    if not questions:
        return Choices()
    asked_lines = [texts.of(q, "text") for q in questions]
    asked_lines = [t for t in asked_lines if t.get(texts.main)]
    asked = (
        {lang: "\n".join(t[lang] for t in asked_lines) for lang in asked_lines[0]}
        if (asked_lines)
        else {}
    )
    with_choices = [q for q in questions if isinstance(q.get("choices"), list) and q["choices"]]
    if len(with_choices) != 1:
        return Choices(asked=asked)
    descriptors: dict[int, Text] = {}
    for choice in with_choices[0]["choices"]:
        score = _score(choice) if isinstance(choice, dict) else None
        if score is None or score in descriptors:
            return Choices(asked=asked)
        value = texts.of(choice, "value")
        if not value.get(texts.main):
            return Choices(asked=asked)
        descriptors[score] = {lang: _without_number(v, score) for lang, v in value.items()}
    if sorted(descriptors) != sorted(levels):
        return Choices(asked=asked)
    return Choices(levels=descriptors, asked=asked)
