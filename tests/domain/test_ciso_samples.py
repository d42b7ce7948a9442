"""Real published CISO Assistant libraries (tests/samples/ciso, licences in its README)."""

from __future__ import annotations

import lzma
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from assessor.domain.checklist import ChecklistProblems
from assessor.domain.ciso import CisoConversion, read_ciso_library

SAMPLES = Path(__file__).parents[1] / "samples" / "ciso"
NIS2_ANNEX = "annex-nis2-regulation--2024-2690-with-technical-implementation-guidance-by-enisa"


def sample(name: str) -> bytes:
    return lzma.decompress((SAMPLES / f"{name}.yaml.xz").read_bytes())


@cache
def convert(name: str) -> CisoConversion:
    return read_ciso_library(sample(name), f"{name}.yaml")


def test_the_largest_sample_is_over_two_megabytes_and_imports_whole() -> None:
    data = sample(NIS2_ANNEX)
    assert len(data) > 2 * 1024 * 1024
    result = convert(NIS2_ANNEX)
    doc = result.doc
    assert doc.question_count == 351  # every assessable node of the file
    assert len(doc.dimensions) == 13
    assert doc.languages == ("en", "fr", "es", "cs", "it")
    assert doc.dimensions[0].title["en"].startswith("1 POLICY ON THE SECURITY OF NETWORK")
    # reference number once, then the name
    first = doc.dimensions[0].questions[0]
    assert first.text["en"].startswith("1.1.1.a set out the relevant entities")
    assert first.source.endswith(":1.1.1.a")


def test_level_names_are_only_in_the_languages_they_were_written_in() -> None:
    result = convert(NIS2_ANNEX)
    names = {s.level: s.name for s in result.doc.scale}
    assert names[0]["en"] == "Absent"
    # no English word labelled French or Czech: the number instead, and the note says so
    assert names[0]["fr"] == "0" and names[4]["cs"] == "4"
    assert any("named by their numbers" in n and "fr" in n for n in result.notes)


def test_implementation_groups_become_the_maturity_levels_as_profiles() -> None:
    doc = convert("essential-eight").doc
    assert doc.question_count == 149
    assert [p.id for p in doc.profiles] == ["1", "2", "3"]
    assert doc.profiles[0].description["en"].startswith("The focus of this maturity level")
    counts = Counter(p for _, q in doc.questions() for p in q.profiles)
    assert counts == {"1": 48, "2": 107, "3": 149}
    level_one = doc.in_profile("1")
    assert level_one.question_count == 48
    assert [d.id for d in level_one.dimensions] == [d.id for d in doc.dimensions]


def test_scored_answer_choices_become_the_level_descriptors() -> None:
    result = convert("enisa-sme-cra-maturity")
    doc = result.doc
    assert doc.question_count == 25
    assert [s.level for s in doc.scale] == [1, 2, 3, 4, 5]
    policies = doc.dimensions[0].questions[0]
    assert policies.text["en"] == "1.1 Product security policies"
    assert policies.levels[1]["en"] == "No product security policies or guidelines exist"
    assert policies.levels[5]["en"].startswith("Policies are formally approved, consistently")
    assert "Do you have written and approved product security policies?" in policies.guidance["en"]
    assert not any("answer choices" in n for n in result.notes)


def test_the_nis2_directive_keeps_article_21_as_its_heading() -> None:
    doc = convert("nis2-directive").doc
    assert [d.title for d in doc.dimensions] == [
        {"en": "Article 21", "fr": "Article 21", "de": "Artikel 21", "es": "Artículo 21"}
    ]
    assert doc.question_count == 13


def test_nist_csf_samples_have_their_question_counts_and_sources() -> None:
    old = convert("nist-csf-1.1").doc
    new = convert("nist-csf-2.0").doc
    assert (old.question_count, new.question_count) == (108, 106)
    assert old.source == "urn:intuitem:risk:framework:nist-csf-1.1"
    assert all(
        q.source.startswith("urn:intuitem:risk:req_node:nist-csf-2.0:") for _, q in new.questions()
    )


def test_a_mapping_set_is_named_in_one_line_not_read_as_a_checklist() -> None:
    with pytest.raises(ChecklistProblems) as caught:
        read_ciso_library(sample("map-nist-csf-1.1-nist-csf-2.0"), "map.yaml")
    assert len(caught.value.problems) == 1
    assert "mapping set between two frameworks" in caught.value.problems[0].message
