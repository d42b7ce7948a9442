"""A CISO Assistant requirement mapping set library, as our MappingSet.

The library holds ``objects.requirement_mapping_set`` (one) or ``requirement_mapping_sets``
(a list; the published ones hold one each): the urns of a source and a target framework and a
list of requirement mappings (source_requirement_urn, target_requirement_urn, relationship).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from assessor.domain.checklist import VERSION_PATTERN, ChecklistProblems, Problem
from assessor.domain.ciso_read import MAPPING, library_kind, load_library
from assessor.domain.ciso_texts import slug
from assessor.domain.mapping import MappingLink, MappingSet, links_to_plain, mapping_problem
from assessor.domain.messages import Detail


def _sets(library: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    objects = library["objects"]
    found = objects.get("requirement_mapping_sets") or objects.get("requirement_mapping_set")
    if isinstance(found, dict):
        found = [found]
    return [s for s in found if isinstance(s, dict)] if isinstance(found, list) else []


def library_version(library: Mapping[str, Any]) -> str | None:
    """The library's version ("version: 2" in the file) as a mapping set's edition, or None
    where it names none a version may be (such an edition is then never called older)."""
    raw = library.get("version")
    # YAML reads "version: 2" as a number and "version: 1.5" as a float (published libraries
    # use whole numbers); a yes/no or a list is no version
    usable = isinstance(raw, (int, float, str)) and not isinstance(raw, bool)
    text = str(raw).strip() if usable else ""
    return text if VERSION_PATTERN.fullmatch(text) else None


def mapping_sets_of(library: Mapping[str, Any], file_name: str) -> list[MappingSet]:
    """Every usable mapping set of a parsed library; one without links is a problem. Each
    carries the library's version (CISO Assistant versions the library, not the set)."""
    version = library_version(library)
    result: list[MappingSet] = []
    for raw in _sets(library):
        source = str(raw.get("source_framework_urn") or "").strip()
        target = str(raw.get("target_framework_urn") or "").strip()
        entries = raw.get("requirement_mappings")
        links = tuple(
            MappingLink(
                str(e["source_requirement_urn"]),
                str(e["target_requirement_urn"]),
                str(e.get("relationship") or "intersect"),
            )
            for e in (entries if isinstance(entries, list) else [])
            if isinstance(e, dict)
            and isinstance(e.get("source_requirement_urn"), str)
            and isinstance(e.get("target_requirement_urn"), str)
        )
        if not source or not target or not links:
            continue
        ref = str(raw.get("ref_id") or raw.get("urn") or library.get("ref_id") or "")
        mapping_id = slug(ref.rsplit(":", 1)[-1]) or slug(f"{source}-{target}") or "mapping"
        name = str(raw.get("name") or library.get("name") or mapping_id).strip()
        # the bounds a colleague's import checks (sync/validate.py): kept here, sent there
        problem = mapping_problem(mapping_id, name, source, target, links_to_plain(links))
        if problem is not None:
            raise ChecklistProblems(
                [
                    Problem(
                        file_name,
                        1,
                        f"mapping set {mapping_id}: {problem}",
                        "mapping.bad_set",
                        (("mapping", mapping_id), ("reason", Detail(problem))),
                    )
                ]
            )
        result.append(MappingSet(mapping_id, name, source, target, links, version))
    if not result:
        raise ChecklistProblems(
            [
                Problem(
                    file_name,
                    1,
                    "the mapping set names no source, no target or no links",
                    "mapping.incomplete",
                )
            ]
        )
    return result


def read_mapping_library(data: bytes, file_name: str) -> list[MappingSet]:
    """The mapping sets of a CISO Assistant library file; problems raise ChecklistProblems."""
    library = load_library(data, file_name)
    kind = library_kind(library)
    if kind != MAPPING:
        raise ChecklistProblems(
            [
                Problem(
                    file_name,
                    1,
                    f"not a mapping set but {kind} (a CISO Assistant library)",
                    "mapping.other_kind",
                    (("kind", Detail(str(kind))),),
                )
            ]
        )
    return mapping_sets_of(library, file_name)
