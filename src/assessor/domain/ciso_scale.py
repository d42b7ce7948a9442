"""The scale of a checklist made from a CISO Assistant framework.

scores_definition (names and descriptions per score) becomes the scale; min_score..max_score
without names gives levels named by their numbers; without either, the default scale 0-4.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from assessor.domain.checklist import DEFAULT_SCALE_NAMES, ScaleLevel, Text
from assessor.domain.ciso_texts import Texts
from assessor.domain.messages import note

MAX_LEVELS = 11


def scale_of(
    framework: Mapping[str, Any], texts: Texts, notes: list[str]
) -> tuple[tuple[ScaleLevel, ...], dict[int, Text]]:
    definition = framework.get("scores_definition")
    if isinstance(definition, dict):  # newer libraries wrap the list: {scale: [...]}
        definition = definition.get("scale")
    langs = [texts.main, *texts.others]
    if isinstance(definition, list) and definition:
        entries = [e for e in definition if isinstance(e, dict) and isinstance(e.get("score"), int)]
        entries.sort(key=lambda e: int(e["score"]))
        scores = [int(e["score"]) for e in entries]
        consecutive = scores == list(range(scores[0], scores[0] + len(scores))) if scores else False
        if consecutive and 2 <= len(scores) <= MAX_LEVELS and len(entries) == len(definition):
            levels = tuple(
                ScaleLevel(int(e["score"]), texts.of(e, "name", str(e["score"]))) for e in entries
            )
            descriptions: dict[int, Text] = {}
            for e in entries:
                described = texts.of(e, "description")
                descriptions[int(e["score"])] = (
                    described if not texts.empty(described) else texts.of(e, "name")
                )
            return levels, descriptions
        notes.append(note("bad_scale"))
    else:
        low, high = framework.get("min_score"), framework.get("max_score")
        if isinstance(low, int) and isinstance(high, int) and 1 <= high - low < MAX_LEVELS:
            notes.append(note("numbered_scale", low=low, high=high))
            levels = tuple(
                ScaleLevel(n, {lang: str(n) for lang in langs}) for n in range(low, high + 1)
            )
            return levels, {s.level: dict(s.name) for s in levels}
        limits = f" (min_score {low}, max_score {high})" if low is not None else ""
        notes.append(note("no_scale", limits=limits))
    levels = default_scale_in(langs, notes)
    return levels, {s.level: dict(s.name) for s in levels}


def default_scale_in(langs: list[str], notes: list[str]) -> tuple[ScaleLevel, ...]:
    """The default scale, its names only in the languages they are written in (sv, en).

    In another language a level is named by its number: an English word labelled French
    would print as French in every report.
    """
    unnamed = [lang for lang in langs if lang not in DEFAULT_SCALE_NAMES[0]]
    if unnamed:
        notes.append(note("scale_names", langs=", ".join(unnamed)))
    return tuple(
        ScaleLevel(level, {lang: names.get(lang, str(level)) for lang in langs})
        for level, names in enumerate(DEFAULT_SCALE_NAMES)
    )
