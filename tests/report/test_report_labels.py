"""The appendix prints a question's reference once, and a level's name only when it says more."""

from __future__ import annotations

from dataclasses import replace

from report_samples import sample_data

from assessor.report.data import AnswerItem


def item(key: str, text: str, *, key_shown: bool = True) -> AnswerItem:
    return AnswerItem("d", key, text, 2, False, key_shown=key_shown)


def test_a_key_the_text_begins_with_is_not_printed_again() -> None:
    assert item("4.1", "4.1 Förstå organisationen").label == ""
    assert item("gv.oc-01", "GV.OC-01 Organisational context").label == ""
    assert item("gov-1", "Finns en strategi?").label == "gov-1"


def test_the_key_of_a_converted_framework_is_not_printed() -> None:
    # "node3" is the urn's tail of a requirement without a reference number
    assert item("node3", "An automated method of asset discovery", key_shown=False).label == ""


def test_a_level_named_only_by_its_number_gets_no_name_after_the_number() -> None:
    data = sample_data()
    numbered = replace(data, scale=tuple(replace(s, name=str(s.level)) for s in data.scale))
    assert numbered.level_name(2) == ""
    assert data.level_name(2) not in ("", "2")


def test_every_embedded_font_subset_has_a_tag_of_its_own() -> None:
    import re

    from assessor.report import build_report

    # characters enough for more than one subset (256 glyphs) of the regular face
    many = "".join(chr(c) for c in range(0x100, 0x24F)) + " ÅÄÖ åäö"
    data = replace(sample_data(), summary=many)
    pdf = build_report(data)
    names = re.findall(rb"/BaseFont /([A-Z]{6})\+([A-Za-z-]+)", pdf)
    tags = [tag for tag, _ in names]
    assert len({font for _, font in names}) == 3
    assert len(tags) > 3 and len(tags) == len(set(tags)), names


def test_counts_are_inflected_in_both_languages() -> None:
    from report_samples import flat, pdf_pages

    from assessor.domain.counts import NOUNS, counted
    from assessor.report import build_report

    assert all(set(forms) == {"sv", "en"} for forms in NOUNS.values())
    assert counted(1, "finding", "sv") == "1 iakttagelse"
    assert counted(0, "finding", "sv") == "0 iakttagelser"
    assert counted(1, "agency", "en") == "1 agency" and counted(3, "agency", "en") == "3 agencies"
    data = sample_data()
    one = replace(data, findings=data.findings[:1], meetings=data.meetings[:1])
    text = flat(" ".join(pdf_pages(build_report(one))))
    assert "redovisar 1 iakttagelse," in text and "och 1 möte." in text
    text = flat(" ".join(pdf_pages(build_report(replace(one, language="en")))))
    assert "presents 1 finding," in text
