"""The plain data a report is made of: no database rows, no Qt, already in one language.

A service fills a ReportData from the database (services/report_data.py); tests build one by
hand. Every str here is user text or checklist text and is treated as data, never as markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class ScaleLevel:
    level: int
    name: str


@dataclass(frozen=True)
class DimensionResult:
    """One dimension of the checklist with its score; score is None when nothing was answered."""

    key: str
    title: str
    weight: float
    score: float | None
    target: float | None
    coverage: float  # 0..1: answered / applicable
    answered: int
    applicable: int
    total: int

    @property
    def gap(self) -> float | None:
        if self.score is None or self.target is None:
            return None
        return self.target - self.score


@dataclass(frozen=True)
class AnswerItem:
    dimension_key: str
    question_key: str  # how the report names the question: its number, e.g. "2.3"
    question: str
    level: int | None
    not_applicable: bool
    comment: str = ""
    confidence: str = "medium"  # low | medium | high
    weight: float = 1.0
    # evidence files on the answer (never confidential ones): title and the day it was added
    evidence: tuple[tuple[str, date], ...] = ()
    key_shown: bool = True
    """False when the key means nothing to a reader (a converted framework's urn tail)."""

    @property
    def label(self) -> str:
        """The reference printed before the question: its key, unless the text begins with it
        ("4.1 Understanding the organisation" needs no "4.1" in front)."""
        key = self.question_key
        if not self.key_shown or self.question.casefold().startswith(key.casefold()):
            return ""
        return key


@dataclass(frozen=True)
class MappedReadingItem:
    """The assessment read as another checklist through a mapping set (an appendix)."""

    checklist_title: str
    mapping_name: str
    overall: float | None
    dimensions: tuple[tuple[str, float | None, int, int], ...]
    """(title, mapped score, questions read, questions) per dimension of the other checklist."""
    not_linked: int
    not_answered: int
    unused: int


@dataclass(frozen=True)
class FindingItem:
    kind: str  # strength | weakness | risk | good_practice
    title: str
    text: str = ""
    dimension_key: str | None = None


@dataclass(frozen=True)
class RecommendationItem:
    title: str
    text: str = ""
    rationale: str = ""
    priority: str = "medium"  # high | medium | low
    horizon: str = "medium"  # short | medium | long
    status: str = "proposed"
    dimension_keys: tuple[str, ...] = ()
    agency_response: str = ""


@dataclass(frozen=True)
class PreviousRecommendation:
    """A recommendation of the previous visit and what became of it."""

    title: str
    priority: str
    status: str
    agency_response: str = ""
    followed_up: bool = False  # carried on by a recommendation of this assessment


@dataclass(frozen=True)
class MeetingNoteItem:
    written_at: datetime | None
    text: str
    confidential: bool = False


@dataclass(frozen=True)
class MeetingItem:
    starts_at: datetime
    title: str
    kind: str = "visit"
    place: str = ""
    participants: tuple[str, ...] = ()
    advisors: tuple[str, ...] = ()
    decisions: str = ""
    notes: str = ""
    note_entries: tuple[MeetingNoteItem, ...] = ()
    confidential: bool = False  # a confidential meeting's notes never reach the report


@dataclass(frozen=True)
class ReportData:
    language: str  # "sv" | "en": the language of every text below and of the fixed strings
    agency_name: str
    assessment_title: str
    assessed_on: date
    status: str  # draft | in_review | delivered
    agency_org_number: str = ""
    agency_ministry: str = ""
    advisors: tuple[str, ...] = ()
    checklist_title: str = ""
    checklist_version: str = ""
    profile_name: str = ""
    mapped: MappedReadingItem | None = None
    """With a mapping chosen: the assessment read as another checklist (appendix C)."""
    """The profile scored (a maturity level, an implementation group); empty: every question."""
    scale: tuple[ScaleLevel, ...] = ()
    dimensions: tuple[DimensionResult, ...] = ()
    overall: float | None = None
    overall_percent: float | None = None
    band: str = ""
    summary: str = ""
    answers: tuple[AnswerItem, ...] = ()
    findings: tuple[FindingItem, ...] = ()
    recommendations: tuple[RecommendationItem, ...] = ()
    previous_assessed_on: date | None = None
    previous_recommendations: tuple[PreviousRecommendation, ...] = ()
    # the previous assessment's scores, by dimension key, and its overall index: the report
    # sets them beside today's
    previous_scores: dict[str, float | None] = field(default_factory=dict)
    previous_overall: float | None = None
    meetings: tuple[MeetingItem, ...] = ()
    # How the numbers were made, in words (from the scoring explainer); one paragraph each.
    overall_explanation: str = ""
    dimension_explanations: dict[str, str] = field(default_factory=dict)

    @property
    def max_level(self) -> int:
        return max((s.level for s in self.scale), default=4)

    @property
    def min_level(self) -> int:
        return min((s.level for s in self.scale), default=0)

    def level_name(self, level: int | None) -> str:
        """The level's name; empty when it is only its number ("2 – 2" says nothing)."""
        for item in self.scale:
            if item.level == level:
                return "" if item.name.strip() == str(level) else item.name
        return ""

    def dimension_title(self, key: str) -> str:
        for dim in self.dimensions:
            if dim.key == key:
                return dim.title
        return key
