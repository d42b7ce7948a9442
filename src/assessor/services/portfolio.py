"""All agencies against one checklist: latest scores, trends, good practices, common gaps.

Everything is read in a handful of queries for all agencies at once and scored with
domain.scoring per assessment, so the portfolio of 300 agencies opens as fast as one agency.
An agency's *trend* is the overall index of each of its assessments that pass the filters, oldest
first; its *latest* assessment (the one in the heat map) is the last point of that trend.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from assessor.domain.checklist import pick, version_key
from assessor.domain.errors import BadInput, NotFound
from assessor.domain.portfolio import (
    AgencyScores,
    Gap,
    GoodPractice,
    Suggestion,
    common_dimension_gaps,
    common_question_gaps,
    lending_suggestions,
)
from assessor.domain.scoring import DimensionSpec, QuestionAnswer, Scale, score_assessment
from assessor.store.models import (
    ASSESSMENT_STATUSES,
    Agency,
    Assessment,
    Checklist,
    ChecklistDimension,
    ChecklistQuestion,
    Finding,
    ImportedPackage,
    Meta,
    Recommendation,
    RecommendationDimension,
    RecommendationTemplate,
)
from assessor.store.stamping import CLOCK_KEY

if TYPE_CHECKING:  # the report (and ReportLab) is imported only when a report is made
    from assessor.report.portfolio import PortfolioReportData

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
        raise NotFound(f"no agency with id {agency_id} in the portfolio")

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

    def _view(self, s: Suggestion, title: str, dimension: str, lang: str) -> GapView:
        by_id = {a.agency_id: a for a in self.agencies}
        practices = {p.finding_id: p for p in self.practices}
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


# --- loading ---------------------------------------------------------------------------------
# Core selects run on the session's connection: the ORM's row machinery is not needed for plain
# tuples, and on tens of thousands of answers it costs more than the query.


def _run(session: Session, query: Any) -> list[Any]:
    return list(session.connection().execute(query).all())


def _check(flt: PortfolioFilter) -> None:
    if flt.status and flt.status not in ASSESSMENT_STATUSES:
        raise BadInput(f"unknown status '{flt.status}' (one of {', '.join(ASSESSMENT_STATUSES)})")
    if flt.assessed_from and flt.assessed_to and flt.assessed_from > flt.assessed_to:
        raise BadInput("the period's start is after its end")


@dataclass
class _Structure:
    """Every live version of the checklist: dimensions and questions per version."""

    versions: list[Any]  # newest first
    scales: dict[str, tuple[int, ...]]
    specs: dict[str, list[DimensionSpec]]
    questions: dict[str, list[tuple[str, str, str, float]]]  # (row id, key, dim key, weight)
    columns: dict[str, DimensionColumn]
    question_texts: dict[str, dict[str, str]]
    question_dimension: dict[str, str]

    @property
    def ids(self) -> list[str]:
        return [v.id for v in self.versions]


def _newest_first(row: Any) -> tuple[Any, ...]:
    try:
        return (1, version_key(row.version))
    except BadInput:
        return (0, ())


def _structure(session: Session, key: str) -> _Structure:
    versions = _run(
        session,
        select(Checklist.id, Checklist.version, Checklist.title, Checklist.scale).where(
            Checklist.key == key, Checklist.deleted_at.is_(None)
        ),
    )
    if not versions:
        raise NotFound(f"no checklist with key '{key}'")
    versions.sort(key=_newest_first, reverse=True)
    ids = [v.id for v in versions]
    dims = sorted(
        _run(
            session,
            select(
                ChecklistDimension.id,
                ChecklistDimension.checklist_id,
                ChecklistDimension.key,
                ChecklistDimension.weight,
                ChecklistDimension.title,
                ChecklistDimension.position,
            ).where(
                ChecklistDimension.checklist_id.in_(ids), ChecklistDimension.deleted_at.is_(None)
            ),
        ),
        key=lambda d: (d.position, d.key),
    )
    questions = sorted(
        _run(
            session,
            select(
                ChecklistQuestion.id,
                ChecklistQuestion.checklist_id,
                ChecklistQuestion.dimension_id,
                ChecklistQuestion.key,
                ChecklistQuestion.weight,
                ChecklistQuestion.text,
                ChecklistQuestion.position,
            ).where(
                ChecklistQuestion.checklist_id.in_(ids), ChecklistQuestion.deleted_at.is_(None)
            ),
        ),
        key=lambda q: (q.position, q.key),
    )
    dim_key = {d.id: d.key for d in dims}
    s = _Structure(versions, {}, defaultdict(list), defaultdict(list), {}, {}, {})
    for v in versions:
        s.scales[v.id] = tuple(int(x["level"]) for x in v.scale) or (0,)
    for d in dims:
        s.specs[d.checklist_id].append(DimensionSpec(d.key, float(d.weight)))
    for q in questions:
        if q.dimension_id in dim_key:
            key_of_dim = dim_key[q.dimension_id]
            s.questions[q.checklist_id].append((q.id, q.key, key_of_dim, float(q.weight)))
    # columns: the newest version's dimensions in order, then keys only older ones have
    order = {v.id: n for n, v in enumerate(versions)}
    for d in sorted(dims, key=lambda d: order[d.checklist_id]):
        s.columns.setdefault(d.key, DimensionColumn(d.key, dict(d.title)))
    for q in sorted(questions, key=lambda q: order[q.checklist_id]):
        if q.dimension_id in dim_key:
            s.question_texts.setdefault(q.key, dict(q.text))
            s.question_dimension.setdefault(q.key, dim_key[q.dimension_id])
    return s


def _assessments(session: Session, flt: PortfolioFilter, checklist_ids: Sequence[str]) -> list[Any]:
    """The assessments passing the filter, oldest first."""
    query = (
        select(
            Assessment.id,
            Assessment.agency_id,
            Assessment.checklist_id,
            Assessment.assessed_on,
            Assessment.status,
            Agency.name,
            Agency.ministry,
        )
        .join(Agency, Agency.id == Assessment.agency_id)
        .where(
            Assessment.checklist_id.in_(checklist_ids),
            Assessment.deleted_at.is_(None),
            Agency.deleted_at.is_(None),
        )
    )
    if flt.ministry:
        query = query.where(Agency.ministry == flt.ministry)
    if flt.status:
        query = query.where(Assessment.status == flt.status)
    if flt.assessed_from:
        query = query.where(Assessment.assessed_on >= flt.assessed_from)
    if flt.assessed_to:
        query = query.where(Assessment.assessed_on <= flt.assessed_to)
    return sorted(_run(session, query), key=lambda a: (a.assessed_on, a.id))


Scored = tuple[float | None, dict[str, float | None], dict[str, int | None]]


def _answer_tuples(session: Session, ids: Sequence[str]) -> list[tuple[str, str, int | None, int]]:
    """(assessment id, question id, level, N/A) of every live answer of these assessments.

    Read on the session's own SQLite connection (same transaction, same snapshot) with plain
    cursors: at 1,000 agencies these are over 100,000 rows, and SQLAlchemy's result rows
    around each would cost as much again as SQLite's reading them.
    """
    raw = session.connection().connection.driver_connection
    assert raw is not None
    found: list[tuple[str, str, int | None, int]] = []
    for start in range(0, len(ids), 500):  # well under SQLite's limit on bound parameters
        chunk = list(ids[start : start + 500])
        marks = ", ".join("?" * len(chunk))
        found.extend(raw.execute(
            "SELECT assessment_id, question_id, level, not_applicable FROM answer "
            f"WHERE deleted_at IS NULL AND assessment_id IN ({marks})",
            chunk,
        ))
    return found


def _score(session: Session, s: _Structure, assessments: Sequence[Any]) -> dict[str, Scored]:
    """Assessment id -> (overall, dimension scores, question levels): one query for all the
    answers, then domain.scoring per assessment."""
    stored: dict[str, dict[str, tuple[int | None, bool]]] = defaultdict(dict)
    ids = [a.id for a in assessments]
    for assessment_id, question_id, level, na in _answer_tuples(session, ids):
        stored[assessment_id][question_id] = (level, bool(na))
    out: dict[str, Scored] = {}
    # answers are immutable values and repeat across agencies (five levels, N/A, none): made
    # once each and shared, which halves the time of this loop on hundreds of agencies
    made: dict[tuple[str, int | None, bool], QuestionAnswer] = {}
    for a in assessments:
        mine = stored.get(a.id, {})
        answers = []
        for row_id, key, dim, weight in s.questions[a.checklist_id]:
            level, na = mine.get(row_id, (None, False))
            level = None if na else level
            answer = made.get((row_id, level, na))
            if answer is None:
                answer = made[(row_id, level, na)] = QuestionAnswer(key, dim, weight, level, na)
            answers.append(answer)
        result = score_assessment(Scale(s.scales[a.checklist_id]), s.specs[a.checklist_id], answers)
        out[a.id] = (
            result.overall,
            {d.key: d.score for d in result.dimensions},
            {x.question_key: x.level for x in answers},
        )
    return out


def data_stamp(session: Session) -> tuple[object, ...]:
    """Changes whenever the data may have changed: every local change ticks the database's
    clock (store.stamping), and every sync import leaves a row in the import history. Two
    small reads, so a page may ask each time it is shown."""
    clock = session.scalar(select(Meta.value).where(Meta.key == CLOCK_KEY))
    imports = session.scalar(select(func.count()).select_from(ImportedPackage))
    return (clock, imports)


def checklist_keys(session: Session) -> list[str]:
    """The keys of the live checklists, for a chooser."""
    return sorted(set(session.scalars(select(Checklist.key).where(Checklist.deleted_at.is_(None)))))


def load_portfolio(
    session: Session, flt: PortfolioFilter | None = None, *, quick: bool = False
) -> Portfolio:
    """The portfolio for the filter.

    ``quick=True`` leaves out what a first look can wait for: only each agency's latest
    assessment is scored (its trend is that one point; a third of the work where agencies have
    three assessments each) and no recommendations are read. :func:`load_details` reads
    those, :func:`with_details` adds them."""
    flt = flt or PortfolioFilter()
    _check(flt)
    s = _structure(session, flt.checklist_key)
    assessments = _assessments(session, flt, s.ids)
    newest: dict[str, Any] = {}
    for a in assessments:
        newest[a.agency_id] = a
    scored = _score(session, s, list(newest.values()) if quick else assessments)
    trends = _trends(assessments, scored)
    rows = []
    for agency_id, a in newest.items():
        overall, dims, qs = scored[a.id]
        rows.append(
            AgencyRow(
                agency_id,
                a.name,
                a.ministry,
                a.id,
                a.assessed_on,
                a.status,
                overall,
                dims,
                qs,
                trends[agency_id],
            )
        )
    if flt.include_mapped:
        from assessor.services.portfolio_mapped import mapped_rows

        rows.extend(
            mapped_rows(
                session,
                s.versions[0].id,
                set(newest),
                lambda ids: _assessments(session, flt, ids),
            )
        )
    rows.sort(key=lambda r: (r.name.casefold(), r.agency_id))
    agency_ids = {r.agency_id for r in rows}
    ministries = {
        m for m in session.scalars(select(Agency.ministry).where(Agency.deleted_at.is_(None))) if m
    }
    return Portfolio(
        checklist_key=flt.checklist_key,
        checklist_title=dict(s.versions[0].title),
        levels=s.scales[s.versions[0].id],
        dimensions=tuple(s.columns.values()),
        question_texts=s.question_texts,
        question_dimension=s.question_dimension,
        agencies=tuple(rows),
        practices=tuple(_practices(session, s.ids, agency_ids)),
        recommendations={} if quick else _recommendations(session, s.ids, agency_ids),
        ministries=tuple(sorted(ministries, key=str.casefold)),
        filter=flt,
    )


def _trends(
    assessments: Sequence[Any], scored: dict[str, Scored]
) -> dict[str, tuple[TrendPoint, ...]]:
    trends: dict[str, list[TrendPoint]] = defaultdict(list)
    for a in assessments:  # oldest first
        if a.id in scored:
            trends[a.agency_id].append(TrendPoint(a.id, a.assessed_on, a.status, scored[a.id][0]))
    return {agency_id: tuple(points) for agency_id, points in trends.items()}


def load_trends(
    session: Session, flt: PortfolioFilter | None = None
) -> dict[str, tuple[TrendPoint, ...]]:
    """Agency id -> the overall index of each of its assessments passing the filter, oldest
    first."""
    flt = flt or PortfolioFilter()
    _check(flt)
    s = _structure(session, flt.checklist_key)
    assessments = _assessments(session, flt, s.ids)
    return _trends(assessments, _score(session, s, assessments))


@dataclass(frozen=True)
class Details:
    """What a quick portfolio leaves out."""

    trends: dict[str, tuple[TrendPoint, ...]]
    recommendations: dict[str, tuple[GapRecommendation, ...]]


def load_details(session: Session, flt: PortfolioFilter | None = None) -> Details:
    flt = flt or PortfolioFilter()
    _check(flt)
    s = _structure(session, flt.checklist_key)
    assessments = _assessments(session, flt, s.ids)
    trends = _trends(assessments, _score(session, s, assessments))
    return Details(trends, _recommendations(session, s.ids, set(trends)))


def with_trends(portfolio: Portfolio, trends: dict[str, tuple[TrendPoint, ...]]) -> Portfolio:
    """The portfolio with the agencies' trends replaced (those loaded later)."""
    rows = tuple(replace(r, trend=trends.get(r.agency_id, r.trend)) for r in portfolio.agencies)
    return replace(portfolio, agencies=rows)


def with_details(portfolio: Portfolio, details: Details) -> Portfolio:
    return replace(with_trends(portfolio, details.trends), recommendations=details.recommendations)


def _practices(
    session: Session, checklist_ids: Sequence[str], agency_ids: set[str]
) -> list[PracticeRow]:
    """Good practices tied to a dimension, from any live assessment of the agencies shown."""
    rows = _run(
        session,
        select(
            Finding.id, Finding.title, Finding.text, Agency.id, Agency.name, ChecklistDimension.key
        )
        .join(Assessment, Assessment.id == Finding.assessment_id)
        .join(Agency, Agency.id == Assessment.agency_id)
        .join(ChecklistDimension, ChecklistDimension.id == Finding.dimension_id)
        .where(
            Finding.kind == "good_practice",
            Finding.deleted_at.is_(None),
            Assessment.deleted_at.is_(None),
            Assessment.checklist_id.in_(checklist_ids),
        ),
    )
    cited: dict[str, int] = defaultdict(int)
    for (finding_id,) in _run(
        session,
        select(Recommendation.cites_finding_id)
        .join(Assessment, Assessment.id == Recommendation.assessment_id)
        .where(
            Recommendation.cites_finding_id.is_not(None),
            Recommendation.deleted_at.is_(None),
            Assessment.deleted_at.is_(None),
        ),
    ):
        cited[finding_id] += 1
    out = [
        PracticeRow(fid, agency_id, name, key, title, text, cited.get(fid, 0))
        for fid, title, text, agency_id, name, key in rows
        if agency_id in agency_ids
    ]
    out.sort(key=lambda p: (p.agency_name.casefold(), p.title.casefold(), p.finding_id))
    return out


def _title_key(title: str) -> str:
    return " ".join(title.casefold().split())


def _recommendations(
    session: Session, checklist_ids: Sequence[str], agency_ids: set[str]
) -> dict[str, tuple[GapRecommendation, ...]]:
    """Per dimension key: the recommendations given to the agencies shown, grouped by title
    (a library template's title for those made from one), with how often each library template
    was used anywhere."""
    rows = _run(
        session,
        select(
            ChecklistDimension.key,
            Recommendation.id,
            Recommendation.title,
            Recommendation.template_id,
            RecommendationTemplate.title,
            Agency.id,
            Agency.name,
        )
        .join(
            RecommendationDimension, RecommendationDimension.dimension_id == ChecklistDimension.id
        )
        .join(Recommendation, Recommendation.id == RecommendationDimension.recommendation_id)
        .join(Assessment, Assessment.id == Recommendation.assessment_id)
        .join(Agency, Agency.id == Assessment.agency_id)
        .outerjoin(
            RecommendationTemplate,
            (RecommendationTemplate.id == Recommendation.template_id)
            & RecommendationTemplate.deleted_at.is_(None),
        )
        .where(
            ChecklistDimension.checklist_id.in_(checklist_ids),
            RecommendationDimension.deleted_at.is_(None),
            Recommendation.deleted_at.is_(None),
            Assessment.deleted_at.is_(None),
        ),
    )
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    for key, rec_id, title, template_id, template_title, agency_id, name in rows:
        if agency_id not in agency_ids:
            continue
        shown = template_title if template_title is not None else title
        g = groups.setdefault(
            (key, _title_key(shown)),
            {"title": shown, "templates": set(), "recs": set(), "agencies": set()},
        )
        if template_title is not None:
            g["title"] = template_title
            g["templates"].add(template_id)
        g["recs"].add(rec_id)
        g["agencies"].add(name)
    templates = {t for g in groups.values() for t in g["templates"]}
    uses: dict[str, int] = defaultdict(int)
    if templates:
        for (template_id,) in _run(
            session,
            select(Recommendation.template_id)
            .join(Assessment, Assessment.id == Recommendation.assessment_id)
            .join(Agency, Agency.id == Assessment.agency_id)
            .where(
                Recommendation.template_id.in_(templates),
                Recommendation.deleted_at.is_(None),
                Assessment.deleted_at.is_(None),
                Agency.deleted_at.is_(None),
            ),
        ):
            uses[template_id] += 1
    out: dict[str, list[GapRecommendation]] = defaultdict(list)
    for (key, _), g in groups.items():
        template = min(g["templates"]) if g["templates"] else None
        out[key].append(
            GapRecommendation(
                title=g["title"],
                template_id=template,
                count=len(g["recs"]),
                agencies=tuple(sorted(g["agencies"], key=str.casefold)),
                library_uses=sum(uses[t] for t in g["templates"]),
            )
        )
    return {
        key: tuple(sorted(recs, key=lambda r: (-r.count, -r.library_uses, r.title.casefold())))
        for key, recs in out.items()
    }


# --- the portfolio report --------------------------------------------------------------------


def suggested_contacts(
    gap: GapView, most: int | None = None
) -> list[tuple[AgencyRow, PracticeRow, list[AgencyRow]]]:
    """Concrete pairs for a gap: the lenders that have a good practice there (every one, unless
    ``most`` limits them) each get borrowers in turn, lowest score first, so every borrower
    has one agency to call and no lender that qualifies is left out while borrowers remain."""
    lenders = [(row, practices[0]) for row, _, practices in gap.lenders if practices][:most]
    if not lenders:
        return []
    assigned: list[list[AgencyRow]] = [[] for _ in lenders]
    for i, (borrower, _) in enumerate(gap.borrowers):
        assigned[i % len(lenders)].append(borrower)
    return [
        (row, practice, mine)
        for (row, practice), mine in zip(lenders, assigned, strict=True)
        if mine
    ]


def report_data(
    portfolio: Portfolio,
    language: str,
    *,
    below: float = 2.0,
    min_agencies: int = 2,
    strong_at: float = 3.0,
    created_on: date | None = None,
    author: str = "",
) -> PortfolioReportData:
    """The plain data the portfolio report is built from (no meeting notes: it has no place
    for them)."""
    from assessor.report.portfolio import (
        Contact,
        GapItem,
        HeatMapRow,
        LenderItem,
        PortfolioReportData,
        Practice,
        QuestionGapItem,
        RecommendationItem,
    )

    sv = language == "sv"
    flt = portfolio.filter
    scope = []
    if flt.ministry:
        scope.append(("Departement: " if sv else "Ministry: ") + flt.ministry)
    if flt.assessed_from or flt.assessed_to:
        start = flt.assessed_from.isoformat() if flt.assessed_from else "…"
        end = flt.assessed_to.isoformat() if flt.assessed_to else "…"
        scope.append(("Bedömda " if sv else "Assessed ") + f"{start} – {end}")
    if flt.status:
        from assessor.domain.vocabulary import word

        scope.append(f"Status: {word('assessment_status', flt.status, language).lower()}")
    keys = [d.key for d in portfolio.dimensions]
    rows = []
    for a in portfolio.agencies:
        points = [t.overall for t in a.trend if t.overall is not None]
        rows.append(
            HeatMapRow(
                name=a.name,
                ministry=a.ministry,
                assessed_on=a.assessed_on,
                scores=tuple(a.dimensions.get(k) for k in keys),
                overall=a.overall,
                change=points[-1] - points[0] if len(points) > 1 else None,
            )
        )
    gaps = []
    for view in portfolio.gap_views(
        language, below=below, min_agencies=min_agencies, strong_at=strong_at
    ):
        gaps.append(
            GapItem(
                title=view.title,
                mean=view.mean,
                borrowers=tuple((row.name, score) for row, score in view.borrowers),
                lenders=tuple(
                    LenderItem(
                        row.name,
                        score,
                        tuple(Practice(p.title, p.text, p.cited) for p in practices),
                    )
                    for row, score, practices in view.lenders
                ),
                contacts=tuple(
                    Contact(lender.name, practice.title, tuple(b.name for b in borrowers))
                    for lender, practice, borrowers in suggested_contacts(view)
                ),
                recommendations=tuple(
                    RecommendationItem(r.title, r.count, r.library_uses if r.template_id else None)
                    for r in view.recommendations
                ),
            )
        )
    return PortfolioReportData(
        language=language,
        checklist_title=pick(portfolio.checklist_title, language) or portfolio.checklist_key,
        created_on=created_on or date.today(),
        levels=portfolio.levels,
        dimensions=tuple(d.label(language) for d in portfolio.dimensions),
        rows=tuple(rows),
        gaps=tuple(gaps),
        below=below,
        min_agencies=min_agencies,
        strong_at=strong_at,
        scope=tuple(scope),
        author=author,
        question_gaps=tuple(
            QuestionGapItem(v.title, v.dimension_title, v.count, v.mean, len(v.lenders))
            for v in portfolio.question_gap_views(
                language, below=below, min_agencies=min_agencies, strong_at=strong_at
            )
        ),
    )


def build_portfolio_report(
    session: Session, flt: PortfolioFilter | None = None, language: str = "sv", **limits: Any
) -> bytes:
    """The portfolio report as PDF bytes."""
    from assessor.report.portfolio import build_portfolio_pdf

    if language not in ("sv", "en"):
        raise BadInput(f"unknown language '{language}' (sv or en)")
    return build_portfolio_pdf(report_data(load_portfolio(session, flt), language, **limits))
