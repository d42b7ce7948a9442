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

from assessor.domain.checklist import ID_PATTERN, VERSION_PATTERN, ChecklistDoc, version_key
from assessor.domain.errors import BadInput
from assessor.domain.scoring import weighted_mean
from assessor.domain.vocabulary import codes

IGNORED_RELATIONSHIPS = frozenset({"not_related"})
RELATIONSHIPS = codes("mapping_relationship")
"""CISO Assistant's words for how two requirements relate; a set with another is refused."""
# Bounds a kept set must keep, whether it comes from a file, a colleague or an archive: the
# largest published sets have some hundreds of links, their urns under two hundred characters.
MAX_LINKS = 20_000
MAX_URN_CHARS = 500
MAX_NAME_CHARS = 1000


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
    version: str | None = None
    """The library's version ("1", "2.1"); None where the file or the kept row named none."""

    def reversed(self) -> MappingSet:
        return MappingSet(
            self.id,
            self.name,
            self.target_framework,
            self.source_framework,
            tuple(MappingLink(k.target, k.source, k.relationship) for k in self.links),
            self.version,
        )


def links_to_plain(links: tuple[MappingLink, ...]) -> list[list[str]]:
    """The links as stored (mapping_set.links): [source urn, target urn, relationship]."""
    return [[k.source, k.target, k.relationship] for k in links]


def edition_to_plain(links: tuple[MappingLink, ...], version: str | None) -> object:
    """The value of mapping_set.links: the links alone where no version is known (as every
    row kept before versions were), else ``{"version": ..., "links": [...]}``. The version
    rides inside the one column so that the edition stays one field group: a newer edition
    is one write, two editions kept apart are one conflict (no migration, no new group)."""
    plain = links_to_plain(links)
    return plain if version is None else {"version": version, "links": plain}


def edition_parts(value: object) -> tuple[object, str | None]:
    """A stored mapping_set.links value as (its links, its version or None); a value of
    neither form comes back whole, for mapping_problem to refuse."""
    if isinstance(value, dict) and set(value) == {"version", "links"}:
        version = value["version"]
        if isinstance(version, str) and VERSION_PATTERN.fullmatch(version):
            return value["links"], version
    return value, None


def is_older(version: str | None, kept: str | None) -> bool:
    """Whether an edition of ``version`` is older than the kept one (an unknown version on
    either side is never older: nothing to compare)."""
    if version is None or kept is None:
        return False
    return version_key(version) < version_key(kept)


def links_from_plain(value: object) -> tuple[MappingLink, ...]:
    """The stored links back (either form of edition_to_plain); ValueError unless each is
    three strings (checked already)."""
    value = edition_parts(value)[0]
    if not isinstance(value, list):
        raise ValueError("the links are not a list")
    out = []
    for item in value:
        if not (
            isinstance(item, list) and len(item) == 3 and all(isinstance(x, str) for x in item)
        ):
            raise ValueError("a link is not three texts")
        out.append(MappingLink(item[0], item[1], item[2]))
    return tuple(out)


def _urn_ok(text: object) -> bool:
    return isinstance(text, str) and 0 < len(text) <= MAX_URN_CHARS and text.isprintable()


def mapping_problem(
    key: object, name: object, source: object, target: object, links: object
) -> str | None:
    """Why a mapping set may not be kept as given, or None: the same bounds for a set read
    from a file, a row from a colleague's package and one from an archive (typed by a
    stranger: bounded texts, a bounded number of links, known relationship words). ``links``
    in either stored form (edition_to_plain); a version must be one a checklist may have."""
    if isinstance(links, dict):
        links, version = edition_parts(links)
        if version is None:
            return "a mapping set's edition is not its links and a version like 1 or 2.3"
    if not (isinstance(key, str) and ID_PATTERN.fullmatch(key)):
        return "a mapping set's id is not one a mapping file may have"
    if not (isinstance(name, str) and 0 < len(name) <= MAX_NAME_CHARS and name.isprintable()):
        return "a mapping set's name is empty, too long or holds control characters"
    if not (_urn_ok(source) and _urn_ok(target)):
        return "a mapping set's framework is not a short urn"
    if not isinstance(links, list) or not links:
        return "a mapping set has no links"
    if len(links) > MAX_LINKS:
        return "a mapping set has more links than a mapping set may have"
    for link in links:
        if not (
            isinstance(link, list)
            and len(link) == 3
            and _urn_ok(link[0])
            and _urn_ok(link[1])
            and link[2] in RELATIONSHIPS
        ):
            return "a mapping set's link is not two short urns and a known relationship"
    return None


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
