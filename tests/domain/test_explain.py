from __future__ import annotations

from assessor.domain.explain import explain_dimension, explain_overall, number
from assessor.domain.scoring import (
    BandSpec,
    DimensionSpec,
    QuestionAnswer,
    Scale,
    score_assessment,
)

SCALE = Scale((0, 1, 2, 3, 4))
ANSWERS = [
    QuestionAnswer("a1", "a", 2.0, 1),
    QuestionAnswer("a2", "a", 0.5, 2),
    QuestionAnswer("a3", "a", 1.0, None, not_applicable=True),
    QuestionAnswer("a4", "a", 1.0, None),
    QuestionAnswer("b1", "b", 1.0, 3),
    QuestionAnswer("c1", "c", 1.0, None),
]
RESULT = score_assessment(
    SCALE,
    [DimensionSpec("a", 2.0, target=3), DimensionSpec("b", 1.0), DimensionSpec("c", 1.0)],
    ANSWERS,
    [BandSpec(0, {"sv": "Låg", "en": "Low"}), BandSpec(1.5, {"sv": "Medel", "en": "Medium"})],
)
TITLES_EN = {"a": "Governance", "b": "Data", "c": "Skills"}
TITLES_SV = {"a": "Styrning", "b": "Data", "c": "Kompetens"}


def test_numbers_use_the_language_s_decimal_sign() -> None:
    assert number(2.5, "en") == "2.5"
    assert number(2.5, "sv") == "2,5"
    assert number(2.0, "sv") == "2"
    assert number(1.2, "sv", 2) == "1,20"


def test_dimension_explained_in_english_with_every_number() -> None:
    text = explain_dimension(RESULT, "a", TITLES_EN, "en", ANSWERS)
    assert text.startswith("Governance: score 1.20.")
    assert "weighted mean of the answered levels" in text
    assert "(2 × 1 + 0.5 × 2) / (2 + 0.5) = 3.00 / 2.5 = 1.20" in text
    assert (
        "2 of 3 applicable questions answered (66.7\u00a0%); 1 not applicable; 4 questions" in text
    )
    assert "target level 3 − score 1.20 = 1.80" in text


def test_dimension_explained_in_swedish_with_every_number() -> None:
    text = explain_dimension(RESULT, "a", TITLES_SV, "sv", ANSWERS)
    assert text.startswith("Styrning: poäng 1,20.")
    assert "viktade medelvärdet av de besvarade nivåerna" in text
    assert "(2 × 1 + 0,5 × 2) / (2 + 0,5) = 3,00 / 2,5 = 1,20" in text
    assert "2 av 3 tillämpliga frågor besvarade (66,7\u00a0%)" in text
    assert "målnivå 3 − poäng 1,20 = 1,80" in text


def test_without_the_answers_the_mean_is_still_stated() -> None:
    text = explain_dimension(RESULT, "a", TITLES_EN, "en")
    assert "weighted mean of 2 answered levels = 1.20" in text


def test_a_dimension_without_a_score_says_why() -> None:
    assert "no score" in explain_dimension(RESULT, "c", TITLES_EN, "en")
    assert "ingen poäng" in explain_dimension(RESULT, "c", TITLES_SV, "sv")
    assert "No target level" in explain_dimension(RESULT, "b", TITLES_EN, "en")


def test_overall_explained_in_both_languages() -> None:
    # (2 × 1.2 + 1 × 3) / 3 = 1.8, 45 % of 0-4
    en = explain_overall(RESULT, TITLES_EN, "en", SCALE)
    assert en.startswith("Overall index: 1.80 (45.0\u00a0% of the scale).")
    assert "(2 × 1.20 + 1 × 3.00) / (2 + 1) = 5.40 / 3 = 1.80" in en
    assert "(1.80 − 0) / (4 − 0) × 100 = 45.0\u00a0%" in en
    assert "Without a score (left out): Skills." in en
    assert "Maturity band: Medium." in en
    sv = explain_overall(RESULT, TITLES_SV, "sv", SCALE)
    assert sv.startswith("Samlat index: 1,80 (45,0\u00a0% av skalan).")
    assert "(2 × 1,20 + 1 × 3,00) / (2 + 1) = 5,40 / 3 = 1,80" in sv
    assert "Utan poäng (räknas inte): Kompetens." in sv
    assert "Mognadsnivå: Medel." in sv
    assert "avrundade till två decimaler" in sv and "rounded to two decimals" in en


def test_no_overall_is_explained() -> None:
    empty = score_assessment(SCALE, [DimensionSpec("a", 1)], [])
    assert "none" in explain_overall(empty, {}, "en")
    assert "saknas" in explain_overall(empty, {}, "sv")


def test_a_dimension_above_its_target_says_so_in_words_and_minus_is_one_sign() -> None:
    above = score_assessment(
        SCALE, [DimensionSpec("b", 1.0, target=2)], [QuestionAnswer("b1", "b", 1.0, 3)], []
    )
    sv = explain_dimension(above, "b", TITLES_SV, "sv")
    assert "Över målnivån: poängen 3,00 är 1,00 över målnivå 2." in sv
    assert "-" not in sv.split("\n")[-1]
    assert number(-0.18, "sv", 2) == "\u22120,18"
