"""Reading an assessment made on one checklist as if it were made on another (a mapping).

A mapping set (CISO Assistant's requirement mapping sets) links requirements of a source
framework to requirements of a target framework: "ISO 27001 A.5.1 intersects NIST CSF GV.PO-01".
Read through it, one agency's answers give a first reading of another framework:

- a target question's value = the mean of the levels of the source questions linked to it that
  are answered (N/A and unanswered ones left out), each first moved onto the target's scale:
  target_min + (level - source_min) / (source_max - source_min) x (target_max - target_min);
  links marked ``not_related`` count for nothing;
- a target dimension's score = the weighted mean of its questions' values (question weights);
- the overall index = the weighted mean of the dimension scores (dimension weights), as in
  domain.scoring.

What cannot be read is listed: target questions no link reaches, target questions whose linked
source questions are all unanswered, and answered source questions no link uses.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from assessor.domain.checklist import ChecklistDoc
from assessor.domain.errors import BadInput
from assessor.domain.scoring import weighted_mean

IGNORED_RELATIONSHIPS = frozenset({"not_related"})


@dataclass(frozen=True)
class MappingLink:
    source: str
    """A requirement urn of the source framework."""
    target: str
    relationship: str = "intersect"


@dataclass(frozen=True)
class MappingSet:
    id: str
    name: str
    source_framework: str
    """The urn of the framework the links start from."""
    target_framework: str
    links: tuple[MappingLink, ...]

    def reversed(self) -> MappingSet:
        return MappingSet(
            self.id,
            self.name,
            self.target_framework,
            self.source_framework,
            tuple(MappingLink(k.target, k.source, k.relationship) for k in self.links),
        )


@dataclass(frozen=True)
class MappedQuestion:
    key: str
    dimension_key: str
    value: float | None
    sources: tuple[str, ...]
    """Keys of the answered source questions the value was made from."""


@dataclass(frozen=True)
class MappedDimension:
    key: str
    score: float | None
    read: int
    """How many of its questions got a value."""
    total: int


@dataclass(frozen=True)
class MappedReading:
    questions: tuple[MappedQuestion, ...]
    dimensions: tuple[MappedDimension, ...]
    overall: float | None
    not_linked: tuple[str, ...]
    """Target question keys no link reaches."""
    not_answered: tuple[str, ...]
    """Target question keys whose linked source questions are all unanswered (or N/A)."""
    unused: tuple[str, ...]
    """Answered source question keys no link uses."""
    reversed: bool = False
    """The mapping set was read from its target to its source."""


def _keys_by_urn(doc: ChecklistDoc) -> dict[str, str]:
    """Requirement urn -> question key; a question without a source is found by its urn's tail."""
    found: dict[str, str] = {}
    for _, question in doc.questions():
        if question.source:
            found[question.source] = question.id
    return found


def _lookup(keys: Mapping[str, str], doc_ids: set[str], urn: str) -> str | None:
    key = keys.get(urn)
    if key is None:
        tail = urn.rsplit(":", 1)[-1].lower()
        key = tail if tail in doc_ids else None
    return key


def oriented(mapping: MappingSet, source: ChecklistDoc, target: ChecklistDoc) -> MappingSet:
    """The mapping set pointing from ``source`` to ``target``; refused if it joins others."""
    if (mapping.source_framework, mapping.target_framework) == (source.source, target.source):
        return mapping
    if (mapping.target_framework, mapping.source_framework) == (source.source, target.source):
        return mapping.reversed()
    ours, theirs = source.source or source.id, target.source or target.id
    raise BadInput(
        f"mapping set {mapping.id} joins {mapping.source_framework} and "
        f"{mapping.target_framework}, not {ours} and {theirs}",
        code="mapping.other_checklists",
        mapping=mapping.id,
        source=mapping.source_framework,
        target=mapping.target_framework,
        ours=ours,
        theirs=theirs,
    )


def read_through(
    source: ChecklistDoc,
    levels: Mapping[str, int | None],
    mapping: MappingSet,
    target: ChecklistDoc,
) -> MappedReading:
    """The target checklist read from the source's answers (question key -> level; None or
    absent: unanswered or N/A)."""
    links = oriented(mapping, source, target)
    source_keys = _keys_by_urn(source)
    target_keys = _keys_by_urn(target)
    source_ids = {q.id for _, q in source.questions()}
    target_ids = {q.id for _, q in target.questions()}
    s_low, s_high = source.min_level, source.max_level
    t_low, t_high = target.min_level, target.max_level

    linked: dict[str, list[str]] = {}
    used: set[str] = set()
    for link in links.links:
        if link.relationship in IGNORED_RELATIONSHIPS:
            continue
        s_key = _lookup(source_keys, source_ids, link.source)
        t_key = _lookup(target_keys, target_ids, link.target)
        if s_key is None or t_key is None:  # a heading, not a question
            continue
        sources = linked.setdefault(t_key, [])
        if s_key not in sources:
            sources.append(s_key)
        used.add(s_key)

    def moved(level: int) -> float:
        return t_low + (level - s_low) / (s_high - s_low) * (t_high - t_low)

    questions: list[MappedQuestion] = []
    dimensions: list[MappedDimension] = []
    scored: list[tuple[float, float]] = []
    for dimension in target.dimensions:
        pairs: list[tuple[float, float]] = []
        read = 0
        for question in dimension.questions:
            answered: list[str] = []
            values: list[float] = []
            for key in linked.get(question.id, ()):
                level = levels.get(key)
                if level is not None:
                    answered.append(key)
                    values.append(moved(level))
            value = math.fsum(values) / len(values) if values else None
            questions.append(MappedQuestion(question.id, dimension.id, value, tuple(answered)))
            if value is not None:
                pairs.append((question.weight, value))
                read += 1
        score = weighted_mean(pairs)
        dimensions.append(MappedDimension(dimension.id, score, read, len(dimension.questions)))
        if score is not None:
            scored.append((dimension.weight, score))
    answered_sources = {k for k, v in levels.items() if v is not None and k in source_ids}
    return MappedReading(
        questions=tuple(questions),
        dimensions=tuple(dimensions),
        overall=weighted_mean(scored),
        not_linked=tuple(q.key for q in questions if q.key not in linked),
        not_answered=tuple(q.key for q in questions if q.key in linked and q.value is None),
        unused=tuple(
            q.id for _, q in source.questions() if q.id in answered_sources and q.id not in used
        ),
        reversed=links is not mapping,
    )
