"""How a score was made, in words and numbers, in Swedish or English (shown on demand in the
window and printed in the report's appendix). Plain text: callers escape it for markup."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from assessor.domain.checklist import scale_word
from assessor.domain.scoring import (
    DimensionScore,
    QuestionAnswer,
    Scale,
    ScoreResult,
    is_counted,
)

LANGS = ("sv", "en")

_T: dict[str, dict[str, str]] = {
    "sv": {
        "score": "{title}: poäng {score}.",
        "no_score": "{title}: ingen poäng, eftersom ingen tillämplig fråga är besvarad.",
        "dim_formula": (
            "Formel: poängen är det viktade medelvärdet av de besvarade nivåerna, "
            "summa(vikt × nivå) / summa(vikt). Frågor markerade som ej tillämpliga (E/T) och "
            "obesvarade frågor räknas inte."
        ),
        "numbers": "Siffror: {expr}.",
        "mean_of": "Siffror: viktat medelvärde av {n} besvarade nivåer = {score}.",
        "coverage": (
            "Täckning: {answered} av {applicable} tillämpliga frågor besvarade ({percent}); "
            "{na} ej tillämpliga; {total} frågor totalt."
        ),
        "gap": "Avstånd till mål: målnivå {target} − poäng {score} = {gap}.",
        "above": "Över målnivån: poängen {score} är {gap} över målnivå {target}.",
        "at_target": "Målnivån {target} är nådd.",
        "no_target": "Ingen målnivå är satt.",
        "overall": "Samlat index: {score}{percent}.",
        "overall_percent": " ({percent} av skalan)",
        "no_overall": "Samlat index: saknas, eftersom inget område har någon poäng.",
        "overall_formula": (
            "Formel: indexet är det viktade medelvärdet av områdenas poäng, viktat med varje "
            "områdes vikt, summa(vikt × poäng) / summa(vikt). Områden utan poäng räknas inte."
        ),
        "percent_expr": "Andel av skalan: ({score} − {low}) / ({high} − {low}) × 100 = {percent}.",
        "left_out": "Utan poäng (räknas inte): {names}.",
        "band": "Mognadsnivå: {band}.",
        "rounded": "Talen visas avrundade till två decimaler; beräkningen använder de oavrundade.",
    },
    "en": {
        "score": "{title}: score {score}.",
        "no_score": "{title}: no score, since no applicable question is answered.",
        "dim_formula": (
            "Formula: the score is the weighted mean of the answered levels, "
            "sum(weight × level) / sum(weight). Questions marked not applicable (N/A) and "
            "unanswered questions are left out."
        ),
        "numbers": "Numbers: {expr}.",
        "mean_of": "Numbers: weighted mean of {n} answered levels = {score}.",
        "coverage": (
            "Coverage: {answered} of {applicable} applicable questions answered ({percent}); "
            "{na} not applicable; {total} questions in all."
        ),
        "gap": "Gap: target level {target} − score {score} = {gap}.",
        "above": "Above the target: the score {score} is {gap} above target level {target}.",
        "at_target": "The target level {target} is reached.",
        "no_target": "No target level is set.",
        "overall": "Overall index: {score}{percent}.",
        "overall_percent": " ({percent} of the scale)",
        "no_overall": "Overall index: none, since no dimension has a score.",
        "overall_formula": (
            "Formula: the index is the weighted mean of the dimension scores, weighted by each "
            "dimension's weight, sum(weight × score) / sum(weight). Dimensions without a score "
            "are left out."
        ),
        "percent_expr": (
            "Share of the scale: ({score} − {low}) / ({high} − {low}) × 100 = {percent}."
        ),
        "left_out": "Without a score (left out): {names}.",
        "band": "Maturity band: {band}.",
        "rounded": (
            "Numbers are shown rounded to two decimals; the calculation uses the exact ones."
        ),
    },
}


def _lang(lang: str) -> str:
    return lang if lang in _T else "en"


def number(value: float, lang: str, decimals: int | None = None) -> str:
    """2.5 as "2.5" in English and "2,5" in Swedish; whole numbers without decimals."""
    fixed = f"{value:.{6 if decimals is None else decimals}f}"
    text = fixed.rstrip("0").rstrip(".") if decimals is None else fixed
    if text in ("-0", "-0.00", "-0.0"):
        text = text[1:]
    # one minus sign throughout, the typographic one the formulas use
    text = text.replace("-", "\u2212")
    return text.replace(".", ",") if _lang(lang) == "sv" else text


def percent(value: float, lang: str) -> str:
    sep = "\u00a0"  # a percent sign stays on the line of its number
    return f"{number(value, lang, 1)}{sep}%"


def _weighted_expr(
    pairs: Sequence[tuple[float, float]], lang: str, result: float, decimals: int | None = 2
) -> str:
    top = " + ".join(f"{number(w, lang)} × {number(x, lang, decimals)}" for w, x in pairs)
    bottom = " + ".join(number(w, lang) for w, _ in pairs)
    num = sum(w * x for w, x in pairs)
    den = sum(w for w, _ in pairs)
    return (
        f"({top}) / ({bottom}) = {number(num, lang, 2)} / {number(den, lang)} = "
        f"{number(result, lang, 2)}"
    )


def explain_dimension(
    result: ScoreResult,
    key: str,
    titles: Mapping[str, str],
    lang: str,
    answers: Sequence[QuestionAnswer] = (),
) -> str:
    """The score of one dimension: formula, numbers, coverage and gap, one sentence a line.

    ``titles`` maps dimension keys to titles in ``lang``; ``answers`` (optional) adds each
    answered level and its weight to the numbers.
    """
    t = _T[_lang(lang)]
    d: DimensionScore = result.dimension(key)
    title = titles.get(key, key)
    lines: list[str] = []
    if d.score is None:
        lines.append(t["no_score"].format(title=title))
    else:
        lines.append(t["score"].format(title=title, score=number(d.score, lang, 2)))
    lines.append(t["dim_formula"])
    counted = [a for a in answers if a.dimension_key == key and is_counted(a)]
    if d.score is not None:
        if counted and len(counted) == d.answered:
            pairs = [(a.weight, float(a.level or 0)) for a in counted]
            expr = _weighted_expr(pairs, lang, d.score, decimals=None)  # levels are whole
            lines.append(t["numbers"].format(expr=expr))
        else:
            lines.append(t["mean_of"].format(n=d.answered, score=number(d.score, lang, 2)))
    lines.append(
        t["coverage"].format(
            answered=d.answered,
            applicable=d.applicable,
            percent=percent(d.coverage * 100, lang),
            na=d.total - d.applicable,
            total=d.total,
        )
    )
    if d.target is None:
        lines.append(t["no_target"])
    elif d.score is not None and d.gap is not None:
        shown = {"target": number(d.target, lang), "score": number(d.score, lang, 2)}
        if round(d.gap, 2) < 0:  # "−0,18" left the reader to work out that this is good news
            lines.append(t["above"].format(gap=number(-d.gap, lang, 2), **shown))
        elif round(d.gap, 2) == 0:
            lines.append(t["at_target"].format(**shown))
        else:
            lines.append(t["gap"].format(gap=number(d.gap, lang, 2), **shown))
    return "\n".join(lines)


def explain_overall(
    result: ScoreResult,
    titles: Mapping[str, str],
    lang: str,
    scale: Scale | None = None,
) -> str:
    """The overall index: formula, the dimension scores and weights that went in, the share of
    the scale (with the scale's ends when ``scale`` is given) and the band."""
    t = _T[_lang(lang)]
    lines: list[str] = []
    if result.overall is None:
        lines.append(t["no_overall"])
        lines.append(t["overall_formula"])
        return "\n".join(lines)
    share = (
        t["overall_percent"].format(percent=percent(result.overall_percent, lang))
        if result.overall_percent is not None
        else ""
    )
    lines.append(t["overall"].format(score=number(result.overall, lang, 2), percent=share))
    lines.append(t["overall_formula"])
    scored = [d for d in result.dimensions if d.score is not None]
    pairs = [(d.weight, d.score) for d in scored if d.score is not None]
    lines.append(t["numbers"].format(expr=_weighted_expr(pairs, lang, result.overall)))
    if scale is not None and result.overall_percent is not None:
        lines.append(
            t["percent_expr"].format(
                score=number(result.overall, lang, 2),
                low=number(scale.min_level, lang),
                high=number(scale.max_level, lang),
                percent=percent(result.overall_percent, lang),
            )
        )
    lines.append(t["rounded"])
    left_out = [titles.get(d.key, d.key) for d in result.dimensions if d.score is None]
    if left_out:
        lines.append(t["left_out"].format(names=", ".join(left_out)))
    if result.band is not None:
        lines.append(t["band"].format(band=scale_word(result.band.name, _lang(lang))))
    return "\n".join(lines)
