"""The program's own words for a scale stay in the report's language, whatever the checklist's."""

from __future__ import annotations

from tests.report.report_samples import essential_eight_assessment

from assessor.domain.checklist import DEFAULT_SCALE_NAMES, default_scale, scale_word
from assessor.services.report_data import report_data
from assessor.store.db import Database


def test_a_default_level_name_is_worded_in_the_readers_language() -> None:
    english_only = default_scale(("en",))
    assert [scale_word(s.name, "sv") for s in english_only] == [
        n["sv"] for n in DEFAULT_SCALE_NAMES
    ]
    # the checklist's own words are its own, and a name it has in Swedish is taken as it is
    assert scale_word({"en": "Maturity Level One"}, "sv") == "Maturity Level One"
    assert scale_word({"en": "Developing", "sv": "Växande"}, "sv") == "Växande"
    assert scale_word({"en": "Developing"}, "en") == "Developing"


def test_a_swedish_report_on_an_english_framework_names_levels_and_band_in_swedish(
    db: Database,
) -> None:
    # Essential Eight names no scale: it had the default one in English only, and the Swedish
    # report said "Nivå: 2 – Developing" and "Mognadsnivå: Developing"
    assessment = essential_eight_assessment(db)
    with db.read() as s:
        sv = report_data(s, assessment, "sv")
    assert [level.name for level in sv.scale] == [n["sv"] for n in DEFAULT_SCALE_NAMES]
    assert sv.band == "Under utveckling"
    assert "Mognadsnivå: Under utveckling." in sv.overall_explanation
    assert "Developing" not in sv.overall_explanation
