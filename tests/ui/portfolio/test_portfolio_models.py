"""The portfolio's table models, without a window."""

from __future__ import annotations

from portfolio_sample import HOSTILE, KEY, Sample
from PySide6.QtCore import Qt

from assessor.services.portfolio import PortfolioFilter, load_portfolio
from assessor.store.db import Database
from assessor.ui.portfolio_models import (
    AGENCY_ROLE,
    BorrowerModel,
    GapModel,
    LenderModel,
    RecommendationModel,
)

DISPLAY = Qt.ItemDataRole.DisplayRole


def gaps(db: Database) -> list:
    with db.read() as s:
        return load_portfolio(s, PortfolioFilter(checklist_key=KEY)).gap_views("en")


def cell(model, row: int, name: str, role=DISPLAY):
    return model.data(model.index(row, model.column_of(name)), role)


def test_gap_model_lists_dimension_count_and_agencies(db: Database, pf: Sample) -> None:
    model = GapModel()
    model.set_rows(gaps(db))
    assert model.rowCount() == 2
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "Gap",
        "Dimension",
        "Agencies",
    ]
    assert cell(model, 0, "gap") == "Security"
    assert cell(model, 0, "agencies") == 2
    assert cell(model, 1, "names") == "Bolagsverket, Åklagarmyndigheten"
    assert model.gap_key(1) == "d1"
    assert model.data(model.index(5, 0)) is None  # outside the rows


def test_a_long_list_of_agencies_is_cut_in_the_cell_not_the_tooltip(
    db: Database, pf: Sample
) -> None:
    from dataclasses import replace

    gap = gaps(db)[1]
    many = gap.borrowers * 6  # twelve agencies
    model = GapModel()
    model.set_rows([replace(gap, borrowers=many)])
    assert cell(model, 0, "names").endswith(", … (+4)")
    assert cell(model, 0, "names", Qt.ItemDataRole.ToolTipRole).count(",") == 11


def test_lenders_carry_their_agency_and_literal_practices(db: Database, pf: Sample) -> None:
    d1 = gaps(db)[1]
    lenders = LenderModel()
    lenders.set_rows(d1.lenders)
    assert cell(lenders, 0, "agency") == "Centrala studiestödsnämnden"
    assert cell(lenders, 0, "practices") == HOSTILE  # user text shown as typed
    assert cell(lenders, 0, "agency", AGENCY_ROLE) == pf.c
    assert cell(lenders, 0, "score") in ("3.7", "3,7")
    assert cell(lenders, 0, "cited") == 1
    borrowers = BorrowerModel()
    borrowers.set_rows(d1.borrowers)
    assert [cell(borrowers, r, "agency", AGENCY_ROLE) for r in range(2)] == [pf.b, pf.a]
    assert cell(borrowers, 1, "ministry") == "Justitiedepartementet"


def test_recommendation_model_shows_library_use_only_for_templates(
    db: Database, pf: Sample
) -> None:
    model = RecommendationModel()
    model.set_rows(gaps(db)[1].recommendations)
    assert cell(model, 0, "title") == "Återanvänd plattform"
    assert (cell(model, 0, "given"), cell(model, 0, "library")) == (3, 2)
    assert cell(model, 1, "title") == "Egen rekommendation"
    assert cell(model, 1, "library") == ""
    alignment = cell(model, 0, "given", Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & int(Qt.AlignmentFlag.AlignRight)
