"""The portfolio's rows: frozen values the window, the command line and the report read.

The filter, the heat map's agency rows with their trends, good practices, the recommendations
given per dimension, and the Portfolio itself with what is derived from it (common gaps,
who can lend to whom). Built by services.portfolio; no query here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from assessor.domain.checklist import pick
from assessor.domain.errors import NotFound
from assessor.domain.portfolio import (
    AgencyScores,
    Gap,
    GoodPractice,
    Suggestion,
    common_dimension_gaps,
    common_question_gaps,
    lending_suggestions,
)

DEFAULT_CHECKLIST = "digital-maturity"


@dataclass(frozen=True)
class PortfolioFilter:
    checklist_key: str = DEFAULT_CHECKLIST
    ministry: str = ""  # "" = every ministry
    assessed_from: date | None = None  # inclusive
    assessed_to: date | None = None  # inclusive
    status: str = ""  # "" = any status
    include_mapped: bool = False
    """Also agencies assessed on another checklist a kept mapping set joins to this one."""


@dataclass(frozen=True)
class DimensionColumn:
    key: str
    title: dict[str, str]

    def label(self, lang: str) -> str:
        return pick(self.title, lang) or self.key


@dataclass(frozen=True)
class TrendPoint:
    assessment_id: str
    assessed_on: date
    status: str
    overall: float | None


@dataclass(frozen=True)
class AgencyRow:
    agency_id: str
    name: str
    ministry: str
    assessment_id: str  # the latest assessment passing the filters
    assessed_on: date
    status: str
    overall: float | None
    dimensions: dict[str, float | None]
    questions: dict[str, int | None]  # question key -> level (None: N/A or unanswered)
    trend: tuple[TrendPoint, ...]  # oldest first; the last point is the latest assessment
    mapped_from: str = ""
    """Key and version of the checklist the assessment was made on, when read through a
    mapping set; empty for an assessment on this checklist."""

    @classmethod
    def of(
        cls,
        latest: Any,
        overall: float | None,
        dimensions: dict[str, float | None],
        questions: dict[str, int | None],
        trend: tuple[TrendPoint, ...],
        mapped_from: str = "",
    ) -> AgencyRow:
        """The row of an agency whose latest assessment is ``latest`` (a row of the portfolio's
        assessment query: the agency's id, name and ministry beside the assessment's own)."""
        return cls(
            latest.agency_id,
            latest.name,
            latest.ministry,
            latest.id,
            latest.assessed_on,
            latest.status,
            overall,
            dimensions,
            questions,
            trend,
            mapped_from,
        )

    def scores(self) -> AgencyScores:
        return AgencyScores(
            self.agency_id,
            self.name,
            self.ministry,
            self.assessment_id,
            self.dimensions,
            self.questions,
        )


@dataclass(frozen=True)
class PracticeRow:
    """A good practice: a finding another agency could borrow."""

    finding_id: str
    agency_id: str
    agency_name: str
    dimension_key: str
    title: str
    text: str
    cited: int = 0  # live recommendations (to any agency) that cite it


@dataclass(frozen=True)
class GapRecommendation:
    """Recommendations given on a dimension, grouped by library template (else by title)."""

    title: str
    template_id: str | None
    count: int  # recommendations on this dimension in this group
    agencies: tuple[str, ...]  # agency names, sorted
    library_uses: int  # recommendations made from the template anywhere (0 without one)


@dataclass(frozen=True)
class GapView:
    """One common gap with everything shown beside it."""

    key: str
    title: str
    borrowers: tuple[tuple[AgencyRow, float], ...]  # lowest first
    lenders: tuple[tuple[AgencyRow, float, tuple[PracticeRow, ...]], ...]
    mean: float | None
    recommendations: tuple[GapRecommendation, ...]
    dimension_key: str = ""  # the dimension itself, or the question's dimension
    dimension_title: str = ""

    @property
    def count(self) -> int:
        return len(self.borrowers)

    @property
    def is_question(self) -> bool:
        return self.key != self.dimension_key


@dataclass(frozen=True)
class Portfolio:
    checklist_key: str
    checklist_title: dict[str, str]
    levels: tuple[int, ...]
    dimensions: tuple[DimensionColumn, ...]
    question_texts: dict[str, dict[str, str]]  # question key -> text per language
    question_dimension: dict[str, str]  # question key -> dimension key
    agencies: tuple[AgencyRow, ...]  # by name
    practices: tuple[PracticeRow, ...]
    recommendations: dict[str, tuple[GapRecommendation, ...]]  # dimension key -> most used first
    ministries: tuple[str, ...]  # every live agency's ministry, for the filter
    filter: PortfolioFilter = field(default_factory=PortfolioFilter)

    @property
    def min_level(self) -> int:
        return min(self.levels) if self.levels else 0

    @property
    def max_level(self) -> int:
        return max(self.levels) if self.levels else 4

    def agency(self, agency_id: str) -> AgencyRow:
        for row in self.agencies:
            if row.agency_id == agency_id:
                return row
        raise NotFound(
            f"no agency with id {agency_id} in the portfolio",
            code="portfolio.no_agency",
            id=agency_id,
        )

    def dimension_title(self, key: str, lang: str) -> str:
        for d in self.dimensions:
            if d.key == key:
                return d.label(lang)
        return key

    def scores(self) -> list[AgencyScores]:
        return [a.scores() for a in self.agencies]

    def good_practices(self) -> list[GoodPractice]:
        return [
            GoodPractice(p.finding_id, p.agency_id, p.dimension_key, p.title)
            for p in self.practices
        ]

    def dimension_gaps(self, *, below: float = 2.0, min_agencies: int = 2) -> list[Gap]:
        return common_dimension_gaps(self.scores(), below=below, min_agencies=min_agencies)

    def question_gaps(self, *, below: float = 2.0, min_agencies: int = 2) -> list[Gap]:
        return common_question_gaps(self.scores(), below=below, min_agencies=min_agencies)

    def suggestions(
        self, *, below: float = 2.0, min_agencies: int = 2, strong_at: float = 3.0
    ) -> list[Suggestion]:
        scores = self.scores()
        practices: dict[str, list[GoodPractice]] = defaultdict(list)
        for p in self.good_practices():
            practices[p.dimension_key].append(p)
        # one gap at a time with only its dimension's practices: the same answer as all at
        # once, without scanning every practice for every agency and gap
        return [
            suggestion
            for gap in self.dimension_gaps(below=below, min_agencies=min_agencies)
            for suggestion in lending_suggestions(
                [gap], scores, practices[gap.key], strong_at=strong_at
            )
        ]

    def gap_views(
        self, lang: str, *, below: float = 2.0, min_agencies: int = 2, strong_at: float = 3.0
    ) -> list[GapView]:
        """The common dimension gaps, most shared first, with lenders, borrowers and
        recommendations resolved to rows."""
        return [
            self._view(s, self.dimension_title(s.gap.key, lang), s.gap.key, lang)
            for s in self.suggestions(below=below, min_agencies=min_agencies, strong_at=strong_at)
        ]

    def question_gap_views(
        self, lang: str, *, below: float = 2.0, min_agencies: int = 2, strong_at: float = 3.0
    ) -> list[GapView]:
        """The common question gaps, most shared first. Lenders are the agencies at or above
        ``strong_at`` on the question, with their good practices in its dimension; the
        recommendations are those given for its dimension."""
        on_questions = [
            AgencyScores(
                a.agency_id,
                a.name,
                a.ministry,
                a.assessment_id,
                {k: None if v is None else float(v) for k, v in a.questions.items()},
            )
            for a in self.agencies
        ]
        by_dimension: dict[str, list[PracticeRow]] = defaultdict(list)
        for p in self.practices:
            by_dimension[p.dimension_key].append(p)
        views = []
        for gap in self.question_gaps(below=below, min_agencies=min_agencies):
            dimension = self.question_dimension.get(gap.key, "")
            practices = [
                GoodPractice(p.finding_id, p.agency_id, gap.key, p.title)
                for p in by_dimension[dimension]
            ]
            [suggestion] = lending_suggestions([gap], on_questions, practices, strong_at=strong_at)
            title = pick(self.question_texts.get(gap.key, {}), lang) or gap.key
            views.append(self._view(suggestion, title, dimension, lang))
        return views

    @cached_property
    def _rows_by_id(self) -> dict[str, AgencyRow]:
        return {a.agency_id: a for a in self.agencies}

    @cached_property
    def _practices_by_id(self) -> dict[str, PracticeRow]:
        return {p.finding_id: p for p in self.practices}

    def _view(self, s: Suggestion, title: str, dimension: str, lang: str) -> GapView:
        # made once per portfolio, not once per gap (fifty gaps at a thousand agencies)
        by_id, practices = self._rows_by_id, self._practices_by_id
        return GapView(
            key=s.gap.key,
            title=title,
            borrowers=tuple((by_id[a], score) for a, score in s.gap.low),
            lenders=tuple(
                (
                    by_id[lender.agency_id],
                    lender.score,
                    tuple(practices[p.finding_id] for p in lender.practices),
                )
                for lender in s.lenders
            ),
            mean=s.gap.mean,
            recommendations=self.recommendations.get(dimension, ()),
            dimension_key=dimension,
            dimension_title=self.dimension_title(dimension, lang),
        )
