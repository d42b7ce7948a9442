"""All agencies against one checklist: latest scores, trends, good practices, common gaps.

Everything is read in a handful of queries for all agencies at once and scored with
domain.scoring per assessment (services.portfolio_scoring), so the cost grows with the answers
read, not with agencies times questions.
An agency's *trend* is the overall index of each of its assessments that pass the filters, oldest
first; its *latest* assessment (the one in the heat map) is the last point of that trend.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from assessor.domain.checklist import pick
from assessor.domain.errors import BadInput
from assessor.services.portfolio_practices import good_practices, recommendations_by_dimension
from assessor.services.portfolio_rows import (
    DEFAULT_CHECKLIST,
    AgencyRow,
    DimensionColumn,
    GapRecommendation,
    GapView,
    Portfolio,
    PortfolioFilter,
    PracticeRow,
    TrendPoint,
)
from assessor.services.portfolio_scoring import (
    Scored,
    assessments_passing,
    check_filter,
    read_structure,
    score_all,
)
from assessor.store.models import (
    Agency,
    Checklist,
    ImportedPackage,
    Meta,
)
from assessor.store.stamping import CLOCK_KEY

if TYPE_CHECKING:  # the report (and ReportLab) is imported only when a report is made
    from assessor.report.portfolio import PortfolioReportData

# the rows live in services.portfolio_rows; callers find them here, beside the use cases
__all__ = [
    "DEFAULT_CHECKLIST",
    "AgencyRow",
    "Details",
    "DimensionColumn",
    "GapRecommendation",
    "GapView",
    "Portfolio",
    "PortfolioFilter",
    "PracticeRow",
    "TrendPoint",
    "build_portfolio_report",
    "checklist_keys",
    "data_stamp",
    "load_details",
    "load_portfolio",
    "load_trends",
    "report_data",
    "suggested_contacts",
    "with_details",
    "with_trends",
]


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
    check_filter(flt)
    s = read_structure(session, flt.checklist_key)
    assessments = assessments_passing(session, flt, s.ids)
    newest: dict[str, Any] = {}
    for a in assessments:
        newest[a.agency_id] = a
    scored = score_all(session, s, list(newest.values()) if quick else assessments)
    trends = _trends(assessments, scored)
    rows = []
    for agency_id, a in newest.items():
        overall, dims, qs = scored[a.id]
        rows.append(AgencyRow.of(a, overall, dims, qs, trends[agency_id]))
    if flt.include_mapped:
        from assessor.services.portfolio_mapped import mapped_rows

        rows.extend(
            mapped_rows(
                session,
                s.versions[0].id,
                set(newest),
                lambda ids: assessments_passing(session, flt, ids),
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
        practices=tuple(good_practices(session, s.ids, agency_ids)),
        recommendations={} if quick else recommendations_by_dimension(session, s.ids, agency_ids),
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
    check_filter(flt)
    s = read_structure(session, flt.checklist_key)
    assessments = assessments_passing(session, flt, s.ids)
    return _trends(assessments, score_all(session, s, assessments))


@dataclass(frozen=True)
class Details:
    """What a quick portfolio leaves out."""

    trends: dict[str, tuple[TrendPoint, ...]]
    recommendations: dict[str, tuple[GapRecommendation, ...]]


def load_details(
    session: Session,
    flt: PortfolioFilter | None = None,
    known: Mapping[str, float | None] | None = None,
) -> Details:
    """The trends and recommendations. ``known``: assessment id -> overall index already
    scored (the quick portfolio's latest assessments), not scored a second time."""
    flt = flt or PortfolioFilter()
    check_filter(flt)
    s = read_structure(session, flt.checklist_key)
    assessments = assessments_passing(session, flt, s.ids)
    known = known or {}
    scored = score_all(session, s, [a for a in assessments if a.id not in known])
    scored.update({a.id: (known[a.id], {}, {}) for a in assessments if a.id in known})
    trends = _trends(assessments, scored)
    return Details(trends, recommendations_by_dimension(session, s.ids, set(trends)))


def with_trends(portfolio: Portfolio, trends: dict[str, tuple[TrendPoint, ...]]) -> Portfolio:
    """The portfolio with the agencies' trends replaced (those loaded later)."""
    rows = tuple(replace(r, trend=trends.get(r.agency_id, r.trend)) for r in portfolio.agencies)
    return replace(portfolio, agencies=rows)


def with_details(portfolio: Portfolio, details: Details) -> Portfolio:
    return replace(with_trends(portfolio, details.trends), recommendations=details.recommendations)


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

        # as the agency report writes a status after its label ("Status: Föreslagen")
        scope.append(f"Status: {word('assessment_status', flt.status, language)}")
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
                mapped_from=a.mapped_from,
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
        raise BadInput(
            f"unknown language '{language}' (sv or en)",
            code="portfolio.language",
            language=language,
        )
    return build_portfolio_pdf(report_data(load_portfolio(session, flt), language, **limits))
