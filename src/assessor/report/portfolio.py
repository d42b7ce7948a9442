"""The cross-agency (portfolio) report: PortfolioReportData in, PDF bytes out.

Sections: a summary, the heat map of latest scores (every agency, every dimension, the number
printed on its colour), the common gaps, and for each gap the collaboration suggestions (who is
strong there and what good practice they can lend, to whom), with the recommendations given for
it. A short method section says how the numbers were made.

Same rules as the agency report: embedded fonts only, every piece of user text escaped, and no
meeting notes at all (the data object has no place for them).
"""

from __future__ import annotations

from assessor.report import fonts
from assessor.report.document import MARGIN, meta, new_document, page_templates, render
from assessor.report.pages import Furniture
from assessor.report.portfolio_data import (
    EN,
    SV,
    Contact,
    GapItem,
    HeatMapRow,
    LenderItem,
    PortfolioReportData,
    Practice,
    QuestionGapItem,
    RecommendationItem,
    portfolio_texts,
)
from assessor.report.portfolio_story import PortfolioStory

__all__ = [
    "EN",
    "SV",
    "Contact",
    "GapItem",
    "HeatMapRow",
    "LenderItem",
    "PortfolioReportData",
    "Practice",
    "QuestionGapItem",
    "RecommendationItem",
    "build_portfolio_pdf",
    "portfolio_texts",
]

# --- building --------------------------------------------------------------------------------


def build_portfolio_pdf(data: PortfolioReportData) -> bytes:
    """The portfolio report as PDF bytes (tagged, on the same pages as the agency report)."""
    fonts.register_fonts()
    t = portfolio_texts(data.language)
    furniture = Furniture(
        header_left=t["kind"],
        header_right=data.created_on.isoformat(),
        page_of=t["page_of"],
        margin=MARGIN,
    )
    doc = new_document(
        furniture,
        title=meta(f"{t['kind']} – {data.checklist_title}"),
        author=meta(data.author),
        subject=t["subtitle"],
        language=data.language,
    )
    page_templates(doc, [("body", None)])
    return render(doc, PortfolioStory(data).build(), data.language)
