"""What the portfolio report is made from (PortfolioReportData and its parts) and its words in
Swedish and English. Apart from the drawing (portfolio_story.py) and the building
(portfolio.py), so that the story can read them without importing its builder."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from assessor.domain.vocabulary import word

# --- data ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HeatMapRow:
    name: str
    ministry: str
    assessed_on: date
    scores: tuple[float | None, ...]  # one per dimension, in the report's dimension order
    overall: float | None
    change: float | None = None  # overall index, last minus first assessment shown
    mapped_from: str = ""  # the checklist it was assessed on, when read through a mapping set


@dataclass(frozen=True)
class Practice:
    title: str
    text: str = ""
    cited: int = 0  # recommendations that point to it


@dataclass(frozen=True)
class LenderItem:
    name: str
    score: float
    practices: tuple[Practice, ...]


@dataclass(frozen=True)
class Contact:
    """A concrete suggestion: put this lender in touch with these borrowers."""

    lender: str
    practice: str  # the good practice to borrow ("" when the lender recorded none)
    borrowers: tuple[str, ...]


@dataclass(frozen=True)
class RecommendationItem:
    title: str
    given: int
    library_uses: int | None  # None: not from the library


@dataclass(frozen=True)
class GapItem:
    title: str
    mean: float | None
    borrowers: tuple[tuple[str, float], ...]  # lowest first
    lenders: tuple[LenderItem, ...]  # strongest first, those with good practices first
    contacts: tuple[Contact, ...]
    recommendations: tuple[RecommendationItem, ...]


@dataclass(frozen=True)
class QuestionGapItem:
    question: str
    dimension: str
    count: int  # agencies below the limit
    mean: float | None
    lenders: int


@dataclass(frozen=True)
class PortfolioReportData:
    language: str
    checklist_title: str
    created_on: date
    levels: tuple[int, ...]
    dimensions: tuple[str, ...]  # titles, in column order
    rows: tuple[HeatMapRow, ...]
    gaps: tuple[GapItem, ...]
    below: float = 2.0
    min_agencies: int = 2
    strong_at: float = 3.0
    scope: tuple[str, ...] = ()  # the filters, as sentences ("Ministry: ...")
    question_gaps: tuple[QuestionGapItem, ...] = ()  # most shared first
    author: str = ""
    extra: Mapping[str, str] = field(default_factory=dict)


# --- texts -----------------------------------------------------------------------------------

SV: dict[str, str] = {
    "kind": "Portföljrapport",
    "subtitle": "Gemensamma gap och vem som kan låna ut till vem",
    "created": "Skapad {date}",
    "scope_all": "Alla myndigheter med en bedömning.",
    "page_of": "Sida {page} av {pages}",
    "summary": "Sammanfattning",
    "summary_text": (
        "{agencies} med senaste bedömning mot {checklist}. {gaps} områden är "
        "gemensamma gap: minst {min} ligger under {below} där."
    ),
    "summary_text_one": (
        "{agencies} med senaste bedömning mot {checklist}. Ett område är ett gemensamt gap: "
        "minst {min} ligger under {below} där."
    ),
    "summary_none": (
        "{agencies} med senaste bedömning mot {checklist}. Inget område är ett "
        "gemensamt gap (minst {min} under {below})."
    ),
    "heatmap": "Värmekarta: senaste bedömning per myndighet",
    "mapped_mark": "*",
    "mapped_note": (
        "* Bedömd på en annan checklista ({sources}) och läst som den här genom en "
        "mappning: värdena är jämförbara i grova drag, inte fråga för fråga."
    ),
    "heatmap_empty": "Inga myndigheter har någon bedömning som matchar urvalet.",
    "heatmap_intro": (
        "Varje rad är en myndighets senaste bedömning, varje kolumn ett område (numrerade, se "
        "förklaringen). Siffran är områdets poäng; färgen följer skalan nedan. Förändring är "
        "det samlade indexets förändring från första till senaste bedömning."
    ),
    "agency": "Myndighet",
    "overall": "Index",
    "change": "Ändring",
    "key": "Områden",
    "scale": "Skala",
    "gaps": "Gemensamma gap",
    "gaps_intro": (
        "Områden där minst {min} myndigheter har en poäng under {below}, flest först. "
        "Kan låna ut: myndigheter med minst {strong} där, eller med ett gott exempel där."
    ),
    "dimension": "Område",
    "with_gap": "Med gapet",
    "mean": "Medel",
    "lenders_n": "Kan låna ut",
    "no_gaps": "Inga gemensamma gap med dessa gränser.",
    "gap_heading": "{title}: {count} myndigheter under {below}",
    "question_gaps": "Gemensamma gap per fråga",
    "question_gaps_intro": "De {n} frågor som flest myndigheter ligger under {below} på.",
    "question": "Fråga",
    "contacts": "Förslag på kontakter",
    "contacts_intro": "Sätt dessa i kontakt: den som har löst det och de som har gapet.",
    "lender": "Kan låna ut",
    "practice": word("finding_kind", "good_practice", "sv"),
    "borrowers": "Kan låna",
    "strong": "Starka inom området",
    "score": "Poäng",
    "practices": "Goda exempel",
    "more": "… och {n} till.",
    "have_gap": "Myndigheter med gapet (lägst först)",
    "recommendations": "Rekommendationer som har getts",
    "recommendation": "Rekommendation",
    "given": "Givna",
    "library": "Ur biblioteket",
    "no_lenders": "Ingen myndighet är stark här ännu: ett område för gemensam utveckling.",
    "cited": "hänvisas till i {n} rekommendationer",
    "cited_one": "hänvisas till i en rekommendation",
    "no_recommendations": "Inga rekommendationer har getts för området.",
    "method": "Så har siffrorna tagits fram",
    "method_text": (
        "Ett områdes poäng är det viktade medelvärdet av de besvarade nivåerna på dess frågor "
        "(frågor som inte är tillämpliga eller saknar svar räknas inte). Indexet är det viktade "
        "medelvärdet av områdenas poäng. Ett gap är en poäng under {below}; ett gap är "
        "gemensamt när minst {min} myndigheter har det. Den som kan låna ut har minst {strong} "
        "i området eller har registrerat ett gott exempel där. Bara varje myndighets senaste "
        "bedömning inom urvalet räknas. Mötesanteckningar ingår aldrig i rapporten."
    ),
}

EN: dict[str, str] = {
    "kind": "Portfolio report",
    "subtitle": "Common gaps and who can lend to whom",
    "created": "Created {date}",
    "scope_all": "Every agency with an assessment.",
    "page_of": "Page {page} of {pages}",
    "summary": "Summary",
    "summary_text": (
        "{agencies} with their latest assessment against {checklist}. {gaps} "
        "dimensions are common gaps: at least {min} score below {below} there."
    ),
    "summary_text_one": (
        "{agencies} with their latest assessment against {checklist}. One dimension is a "
        "common gap: at least {min} score below {below} there."
    ),
    "summary_none": (
        "{agencies} with their latest assessment against {checklist}. No dimension is "
        "a common gap (at least {min} below {below})."
    ),
    "heatmap": "Heat map: latest assessment of each agency",
    "mapped_mark": "*",
    "mapped_note": (
        "* Assessed on another checklist ({sources}) and read as this one through a "
        "mapping set: the values compare in broad terms, not question by question."
    ),
    "heatmap_empty": "No agency has an assessment that matches the selection.",
    "heatmap_intro": (
        "Each row is an agency's latest assessment, each column a dimension (numbered, see the "
        "key). The number is the dimension's score; the colour follows the scale below. Change "
        "is the overall index's change from the first to the latest assessment."
    ),
    "agency": "Agency",
    "overall": "Index",
    "change": "Change",
    "key": "Dimensions",
    "scale": "Scale",
    "gaps": "Common gaps",
    "gaps_intro": (
        "Dimensions where at least {min} agencies score below {below}, most shared first. "
        "Can lend: agencies scoring at least {strong} there, or with a good practice there."
    ),
    "dimension": "Dimension",
    "with_gap": "With the gap",
    "mean": "Mean",
    "lenders_n": "Can lend",
    "no_gaps": "No common gaps with these limits.",
    "gap_heading": "{title}: {count} agencies below {below}",
    "question_gaps": "Common gaps by question",
    "question_gaps_intro": "The {n} questions where most agencies score below {below}.",
    "question": "Question",
    "contacts": "Suggested contacts",
    "contacts_intro": "Put these in touch: the one who has solved it and those with the gap.",
    "lender": "Can lend",
    "practice": word("finding_kind", "good_practice", "en"),
    "borrowers": "Could borrow",
    "strong": "Strong in the dimension",
    "score": "Score",
    "practices": "Good practices",
    "more": "… and {n} more.",
    "have_gap": "Agencies with the gap (lowest first)",
    "recommendations": "Recommendations given",
    "recommendation": "Recommendation",
    "given": "Given",
    "library": "From the library",
    "no_lenders": "No agency is strong here yet: an area to develop together.",
    "cited": "cited in {n} recommendations",
    "cited_one": "cited in one recommendation",
    "no_recommendations": "No recommendations have been given for this dimension.",
    "method": "How the numbers were made",
    "method_text": (
        "A dimension's score is the weighted mean of the answered levels of its questions "
        "(questions not applicable or unanswered are left out). The index is the weighted mean "
        "of the dimension scores. A gap is a score below {below}; a gap is common when at "
        "least {min} agencies have it. An agency can lend when it scores at least {strong} in "
        "the dimension or has recorded a good practice there. Only each agency's latest "
        "assessment within the selection counts. Meeting notes are never part of the report."
    ),
}


def portfolio_texts(language: str) -> Mapping[str, str]:
    return SV if language == "sv" else EN
