"""Reading answers on one checklist through a mapping set as another, by hand-computed values."""

from __future__ import annotations

import lzma
from pathlib import Path

import pytest

from assessor.domain.checklist import ChecklistDoc
from assessor.domain.checklist_validate import read_checklist
from assessor.domain.ciso import read_ciso_library
from assessor.domain.ciso_mapping import read_mapping_library
from assessor.domain.errors import BadInput
from assessor.domain.mapping import MappingLink, MappingSet, read_through

SAMPLES = Path(__file__).parents[1] / "samples" / "ciso"


def checklist(key: str, low: int, high: int, dims: dict[str, dict[str, float]]) -> ChecklistDoc:
    """A checklist of ours whose questions name urns u:KEY:QUESTION as their sources."""
    lines = [
        "format: assessor-checklist/1",
        f"id: {key}",
        'version: "1"',
        "languages: [en]",
        f"title: {{en: {key}}}",
        f"source: u:{key}",
        "scale:",
        *[f"  - {{level: {n}, name: {{en: L{n}}}}}" for n in range(low, high + 1)],
        "dimensions:",
    ]
    for dim, questions in dims.items():
        lines += [f"  - id: {dim}", f"    title: {{en: {dim}}}", "    questions:"]
        for q, weight in questions.items():
            lines += [
                f"      - id: {q}",
                f"        weight: {weight}",
                f"        text: {{en: {q}}}",
                f"        source: u:{key}:{q}",
                "        levels: {"
                + ", ".join(f"{n}: {{en: d}}" for n in range(low, high + 1))
                + "}",
            ]
    return read_checklist("\n".join(lines).encode(), f"{key}.yaml")


ISO = checklist("iso", 0, 4, {"org": {"a": 1, "b": 1}, "tech": {"c": 1}})
CSF = checklist("csf", 1, 5, {"gv": {"x": 2, "y": 1}, "pr": {"z": 1, "w": 1}})
MAPPING = MappingSet(
    "iso-to-csf",
    "ISO -> CSF",
    "u:iso",
    "u:csf",
    (
        MappingLink("u:iso:a", "u:csf:x"),
        MappingLink("u:iso:b", "u:csf:x", "subset"),
        MappingLink("u:iso:b", "u:csf:y", "equal"),
        MappingLink("u:iso:c", "u:csf:z", "not_related"),
        MappingLink("u:iso:c", "u:csf:heading-only"),
    ),
)


def test_mapped_scores_are_means_moved_onto_the_target_scale() -> None:
    reading = read_through(ISO, {"a": 4, "b": 1, "c": 3}, MAPPING, CSF)
    values = {q.key: q.value for q in reading.questions}
    # 0-4 onto 1-5: level + 1. x <- a (4 -> 5) and b (1 -> 2): 3.5; y <- b: 2
    assert values == {"x": 3.5, "y": 2.0, "z": None, "w": None}
    gv = reading.dimensions[0]
    assert (gv.key, gv.read, gv.total) == ("gv", 2, 2)
    assert gv.score == pytest.approx((2 * 3.5 + 1 * 2.0) / 3)
    assert reading.dimensions[1].score is None
    assert reading.overall == pytest.approx(3.0)  # only gv has a score
    # not_related counts for nothing: z is as unreached as w; c's answer is unused
    assert reading.not_linked == ("z", "w")
    assert reading.unused == ("c",)


def test_unanswered_and_not_applicable_sources_give_no_value() -> None:
    reading = read_through(ISO, {"a": None, "b": 2}, MAPPING, CSF)
    values = {q.key: q.value for q in reading.questions}
    assert values["x"] == 3.0 and values["y"] == 3.0
    reading = read_through(ISO, {}, MAPPING, CSF)
    assert reading.not_answered == ("x", "y") and reading.overall is None


def test_a_mapping_set_reads_backwards_and_refuses_other_checklists() -> None:
    reading = read_through(CSF, {"x": 5, "y": 1}, MAPPING, ISO)
    assert reading.reversed
    values = {q.key: q.value for q in reading.questions}
    # 1-5 onto 0-4: level - 1. a <- x (4); b <- x (4) and y (0): 2
    assert (values["a"], values["b"]) == (4.0, 2.0)
    with pytest.raises(BadInput, match="joins u:iso and u:csf"):
        read_through(ISO, {}, MAPPING, ISO)


def test_nist_csf_1_1_answers_read_as_csf_2_0_through_nists_published_mapping() -> None:
    def data(name: str) -> bytes:
        return lzma.decompress((SAMPLES / f"{name}.yaml.xz").read_bytes())

    old = read_ciso_library(data("nist-csf-1.1"), "a").doc
    new = read_ciso_library(data("nist-csf-2.0"), "b").doc
    (mapping,) = read_mapping_library(data("map-nist-csf-1.1-nist-csf-2.0"), "m")
    assert len(mapping.links) == 185
    answers = {"id.be-2": 4, "id.be-3": 1, "id.be-4": 3, "id.be-5": None, "pr.ip-4": 2}
    reading = read_through(old, answers, mapping, new)
    values = {q.key: q.value for q in reading.questions if q.value is not None}
    # by hand from the mapping file: gv.oc-01 <- be-2, be-3; gv.oc-04 <- be-4, be-5;
    # gv.oc-05 <- be-4; pr.ds-11 <- pr.ip-4 (both scales 1-4: levels carry over)
    assert values == {"gv.oc-01": 2.5, "gv.oc-04": 3.0, "gv.oc-05": 3.0, "pr.ds-11": 2.0}
    scores = {d.key: d.score for d in reading.dimensions}
    assert scores["gv"] == pytest.approx((2.5 + 3.0 + 3.0) / 3)
    assert scores["pr"] == pytest.approx(2.0)
    assert reading.overall == pytest.approx(((2.5 + 3.0 + 3.0) / 3 + 2.0) / 2)
    assert len(reading.not_linked) == 16  # CSF 2.0 requirements no 1.1 requirement reaches
