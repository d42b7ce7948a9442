"""Borrowing other models: a CISO Assistant framework library (YAML) as one of our checklists.

CISO Assistant (an open-source GRC tool) ships frameworks as library files: library metadata
(urn, ref_id, locale, version, name, translations) and ``objects.framework`` with a flat list of
``requirement_nodes`` (urn, ref_id, name, description, depth, parent_urn, assessable, weight,
translations) and an optional score scale (min_score, max_score, scores_definition).

How it maps:
- non-assessable nodes are headings: the top ones (or, while a single root holds only
  headings, the ones below it) become dimensions, deeper headings are flattened into their
  dimension and named in the guidance;
- assessable nodes become questions, at any depth, in document order; each keeps its urn as
  its source, which is what mapping sets name;
- scores_definition becomes the scale; a requirement's answer choices scored on exactly the
  scale's levels become its level descriptors, else it gets the scale's general descriptions;
- implementation groups become profiles (Essential Eight's maturity levels, CIS IG1-IG3);
- the library's locale and the translations become the languages.
Whatever is lost or guessed is returned as notes, in English, one sentence each.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from assessor.domain.checklist import (
    VERSION_PATTERN,
    ChecklistDoc,
    ChecklistProblems,
    Dimension,
    Problem,
    Profile,
    Question,
    Text,
    default_bands,
    to_document,
)
from assessor.domain.checklist_validate import parse_checklist
from assessor.domain.ciso_choices import level_descriptors
from assessor.domain.ciso_read import FRAMEWORK, library_kind, load_library, not_a_framework
from assessor.domain.ciso_scale import scale_of
from assessor.domain.ciso_texts import Texts, languages, slug
from assessor.domain.messages import note


def looks_like_ciso_library(data: Any) -> bool:
    """A parsed YAML document that is a CISO Assistant library holding a framework."""
    return library_kind(data) == FRAMEWORK


@dataclass
class _Node:
    raw: dict[str, Any]
    urn: str
    parent: str | None
    assessable: bool
    children: list[_Node] = field(default_factory=list)


@dataclass
class CisoConversion:
    doc: ChecklistDoc
    notes: list[str]


def _tree(nodes: list[Any], notes: list[str]) -> list[_Node]:
    by_urn: dict[str, _Node] = {}
    order: list[_Node] = []
    for raw in nodes:
        if not isinstance(raw, dict) or not isinstance(raw.get("urn"), str):
            notes.append(note("no_urn"))
            continue
        parent = raw.get("parent_urn")
        node = _Node(
            raw,
            raw["urn"],
            parent if isinstance(parent, str) else None,
            bool(raw.get("assessable")),
        )
        if node.urn in by_urn:
            notes.append(note("twice", urn=node.urn))
            continue
        by_urn[node.urn] = node
        order.append(node)
    roots: list[_Node] = []
    for node in order:
        if node.parent is not None and node.parent in by_urn:
            by_urn[node.parent].children.append(node)
        else:
            if node.parent is not None:
                notes.append(note("no_parent", urn=node.urn))
            roots.append(node)
    return roots


def _label(raw: Mapping[str, Any]) -> str:
    ref = str(raw.get("ref_id") or "").strip()
    name = str(raw.get("name") or "").strip()
    return f"{ref} {name}".strip() if name else ref


def convert_library(library: Mapping[str, Any], file_name: str) -> CisoConversion:
    """Our checklist from a parsed CISO Assistant library, with notes on what was not mapped."""
    framework = library["objects"]["framework"]
    notes: list[str] = []
    main, others = languages(library, framework)
    texts = Texts(main, others)
    scale, level_texts = scale_of(framework, texts, notes)
    nodes = framework.get("requirement_nodes")
    if not isinstance(nodes, list) or not nodes:
        raise ChecklistProblems(
            [Problem(file_name, 1, "the framework has no requirement_nodes", "ciso.no_nodes")]
        )
    roots = _tree(nodes, notes)
    # a single heading over only headings says nothing: its children are the dimensions; one
    # with requirements of its own (the NIS2 directive's "Article 21") is the dimension
    while (
        len(roots) == 1
        and not roots[0].assessable
        and roots[0].children
        and not any(c.assessable for c in roots[0].children)
    ):
        roots = roots[0].children
    profiles, profile_of = _profiles(framework, texts, notes)
    described = 0
    in_no_profile = 0

    used_ids: set[str] = set()

    def unique(base: str, fallback: str) -> str:
        candidate = base or fallback
        n = 2
        result = candidate
        while result in used_ids:
            result = f"{candidate}-{n}"
            n += 1
        used_ids.add(result)
        return result

    def node_id(raw: Mapping[str, Any], fallback: str) -> str:
        urn_tail = str(raw.get("urn", "")).rsplit(":", 1)[-1]
        return unique(slug(urn_tail) or slug(str(raw.get("ref_id") or "")), fallback)

    def heading_text(raw: Mapping[str, Any]) -> Text:
        ref = str(raw.get("ref_id") or "").strip()
        names = texts.of(raw, "name") if raw.get("name") else {}
        return {lang: f"{ref} {names.get(lang, '')}".strip() for lang in [main, *others]}

    def questions_of(node: _Node, path: list[Text], out: list[Question]) -> None:
        for child in node.children:
            if child.assessable:
                out.append(question(child, path))
            heading = heading_text(child.raw)
            useful = not child.assessable and heading[main]
            questions_of(child, [*path, heading] if useful else path, out)

    def question(node: _Node, path: list[Text]) -> Question:
        nonlocal described, in_no_profile
        raw = node.raw
        ref = str(raw.get("ref_id") or "").strip()
        text = texts.of(raw, "name") if raw.get("name") else texts.of(raw, "description")
        if texts.empty(text):
            text = {lang: ref or node.urn for lang in [main, *others]}
            notes.append(note("no_text", ref=ref or node.urn))
        elif ref:
            text = {lang: f"{ref} {value}" for lang, value in text.items()}
        guidance = texts.of(raw, "description") if raw.get("name") else {}
        if path:
            base = guidance or {lang: "" for lang in [main, *others]}
            guidance = {
                lang: (" / ".join(h[lang] for h in path) + "\n" + value).strip()
                for lang, value in base.items()
            }
        choices = level_descriptors(raw, texts, [s.level for s in scale])
        if choices.asked:
            base = guidance or {lang: "" for lang in [main, *others]}
            guidance = {
                lang: (value + "\n" + choices.asked[lang]).strip() for lang, value in base.items()
            }
        if guidance and texts.empty(guidance):
            guidance = {}
        levels = choices.levels or {level: dict(t) for level, t in level_texts.items()}
        described += bool(choices.levels)
        groups = raw.get("implementation_groups")
        member = tuple(
            dict.fromkeys(
                profile_of[str(g)]
                for g in (groups if isinstance(groups, list) else [])
                if str(g) in profile_of
            )
        )
        in_no_profile += not member
        weight_raw = raw.get("weight", 1)
        weight = (
            float(weight_raw)
            if isinstance(weight_raw, int | float)
            and not isinstance(weight_raw, bool)
            and weight_raw > 0
            else 1.0
        )
        return Question(
            id=node_id(raw, f"q{len(used_ids) + 1}"),
            weight=weight,
            text=text,
            guidance=guidance,
            levels=levels,
            profiles=member,
            source=node.urn,
        )

    dimensions: list[Dimension] = []
    loose: list[Question] = []
    for root in roots:
        if root.assessable:
            loose.append(question(root, []))
            collected: list[Question] = []
            questions_of(root, [], collected)
            loose.extend(collected)
            continue
        collected = []
        questions_of(root, [], collected)
        label = _label(root.raw) or root.urn
        if not collected:
            notes.append(note("empty_heading", label=label))
            continue
        title = texts.of(root.raw, "name", label)
        ref = str(root.raw.get("ref_id") or "").strip()
        if ref and root.raw.get("name"):
            title = {lang: f"{ref} {value}" for lang, value in title.items()}
        description = texts.of(root.raw, "description")
        dimensions.append(
            Dimension(
                id=node_id(root.raw, f"d{len(dimensions) + 1}"),
                weight=1.0,
                title=title,
                description={} if texts.empty(description) else description,
                questions=tuple(collected),
            )
        )
    if loose:
        notes.append(note("loose", count=len(loose)))
        dimensions.append(
            Dimension(
                id=unique("other", "other"),
                weight=1.0,
                title={
                    lang: ("Övriga krav" if lang == "sv" else "Other requirements")
                    for lang in [main, *others]
                },
                description={},
                questions=tuple(loose),
            )
        )
    if not dimensions:
        raise ChecklistProblems(
            [
                Problem(
                    file_name,
                    1,
                    "the framework has no assessable requirement",
                    "ciso.no_assessable",
                )
            ]
        )
    total = sum(len(d.questions) for d in dimensions)
    if described < total:
        notes.append(note("no_choices", count=total - described, total=total))
    used = {p for d in dimensions for q in d.questions for p in q.profiles}
    for profile in profiles:
        if profile.id not in used:
            notes.append(note("empty_profile", profile=profile.id))
    profiles = [p for p in profiles if p.id in used]
    if profiles and in_no_profile:
        notes.append(note("no_profile", count=in_no_profile))
    if not others:
        notes.append(note("one_language", lang=main))
    for lang, count in texts.missing.items():
        if count:
            notes.append(note("untranslated", count=count, lang=lang, main=main))

    version_raw = str(library.get("version", "1")).strip()
    version = version_raw if VERSION_PATTERN.fullmatch(version_raw) else "1"
    if version != version_raw:
        notes.append(note("bad_version", version=repr(version_raw)))
    ref_id = str(framework.get("ref_id") or library.get("ref_id") or "")
    checklist_id = slug(ref_id) or slug(str(framework.get("urn", "")).rsplit(":", 1)[-1])
    if not checklist_id:
        checklist_id = "ciso-framework"
        notes.append(note("no_ref_id"))
    title = texts.of(framework, "name", ref_id or checklist_id)
    description = texts.of(framework, "description")
    notes.extend(_unmapped_fields(nodes))
    doc = ChecklistDoc(
        id=checklist_id,
        version=version,
        languages=(main, *others),
        title=title,
        description={} if texts.empty(description) else description,
        scale=scale,
        bands=default_bands(scale),
        dimensions=tuple(dimensions),
        profiles=tuple(profiles),
        source=str(framework.get("urn") or ""),
    )
    return CisoConversion(doc, notes)


def _profiles(
    framework: Mapping[str, Any], texts: Texts, notes: list[str]
) -> tuple[list[Profile], dict[str, str]]:
    """Implementation groups as profiles, and each group's ref_id -> its profile id."""
    definitions = framework.get("implementation_groups_definition")
    profiles: list[Profile] = []
    profile_of: dict[str, str] = {}
    for entry in definitions if isinstance(definitions, list) else []:
        ref = str(entry.get("ref_id") or "").strip() if isinstance(entry, dict) else ""
        if not ref or ref in profile_of:
            notes.append(note("bad_group"))
            continue
        profile_id = slug(ref) or f"p{len(profiles) + 1}"
        while profile_id in {p.id for p in profiles}:
            profile_id += "-2"
        name = texts.of(entry, "name", ref)
        description = texts.of(entry, "description")
        profiles.append(Profile(profile_id, name, {} if texts.empty(description) else description))
        profile_of[ref] = profile_id
    return profiles, profile_of


def _unmapped_fields(nodes: list[Any]) -> list[str]:
    ignored = ("threats", "reference_controls", "typical_evidence", "annotation", "importance")
    found = sorted({k for n in nodes if isinstance(n, dict) for k in n if k in ignored})
    if not found:
        return []
    return [note("unmapped_fields", fields=", ".join(found))]


def read_ciso_library(data: bytes, file_name: str) -> CisoConversion:
    """Parse and convert a CISO Assistant framework library; problems raise ChecklistProblems.

    A library of another kind (a mapping set, a risk matrix) is refused in one line that says
    what it is.
    """
    library = load_library(data, file_name)
    kind = library_kind(library)
    if kind != FRAMEWORK:
        raise not_a_framework(library, file_name, str(kind))
    conversion = convert_library(library, file_name)
    # the result must pass the same checks as a file written by hand
    rendered = yaml.dump(
        to_document(conversion.doc),
        Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper),
        allow_unicode=True,
        sort_keys=False,
    )
    checked = parse_checklist(rendered.encode("utf-8"), f"{file_name} (converted)")
    if not isinstance(checked, ChecklistDoc):
        raise ChecklistProblems(checked)
    return CisoConversion(checked, conversion.notes)
