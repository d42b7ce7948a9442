"""The portfolio page on a small database: gaps, lenders beside borrowers, following a
collaboration suggestion to the agency."""

from __future__ import annotations

import pytest
from portfolio_sample import HOSTILE, KEY, Sample
from PySide6.QtCore import QDate, Qt

from assessor.store.db import Database
from assessor.ui.context import AppContext
from assessor.ui.portfolio_models import AGENCY_ROLE
from assessor.ui.portfolio_page import PortfolioPage


@pytest.fixture
def page(db: Database, pf: Sample, qtbot, sync_tasks) -> PortfolioPage:
    widget = PortfolioPage(AppContext.standalone(db, "en"))
    qtbot.addWidget(widget)
    widget.checklist_combo.setCurrentIndex(widget.checklist_combo.findData(KEY))
    widget.reload()
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    # trends and recommendations are read once the map has been painted
    qtbot.waitUntil(lambda: widget._pending_details is None, timeout=20000)
    return widget


def double_click(qtbot, view, pos) -> None:
    # as a user does it: the view acts on a double-click only where the press was
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def column(model, name: str) -> list:
    c = model.column_of(name)
    return [model.data(model.index(r, c)) for r in range(model.rowCount())]


def test_opens_with_the_heat_map_and_common_gaps(page: PortfolioPage, pf: Sample) -> None:
    assert [r.name for r in page.heatmap.rows()] == [
        "Bolagsverket",
        "Centrala studiestödsnämnden",
        "Åklagarmyndigheten",
    ]
    assert [c.title for c in page.heatmap.columns()] == ["Collaboration and reuse", "Security"]
    assert column(page.gap_model, "gap") == ["Security", "Collaboration and reuse"]
    assert page.gap_view.isColumnHidden(page.gap_model.column_of("dimension"))
    # the first gap is chosen: its lenders and borrowers are beside each other
    assert column(page.lender_model, "agency") == ["Åklagarmyndigheten"]
    assert sorted(column(page.borrower_model, "agency")) == [
        "Bolagsverket",
        "Centrala studiestödsnämnden",
    ]
    # trends were read in the background (run inline here): Å has two points
    a = next(r for r in page.heatmap.rows() if r.id == pf.a)
    assert len(a.trend) == 2 and a.trend[0] == pytest.approx(1.5)


def test_choosing_a_gap_shows_lenders_practices_and_recommendations(
    page: PortfolioPage, pf: Sample
) -> None:
    assert page.select_gap("d1")
    assert column(page.lender_model, "agency") == ["Centrala studiestödsnämnden"]
    assert column(page.lender_model, "practices") == [HOSTILE]
    assert column(page.borrower_model, "agency") == ["Bolagsverket", "Åklagarmyndigheten"]
    assert column(page.recommendation_model, "title") == [
        "Återanvänd plattform",
        "Egen rekommendation",
    ]
    assert page.gap_heading.text().startswith("Collaboration and reuse: 2 agencies below")
    assert page.pair_tabs.tabText(0) == "Can lend (1)"
    assert page.pair_tabs.tabText(1) == "Could borrow (2)"


def test_double_click_on_a_lender_opens_that_agency(page: PortfolioPage, pf: Sample, qtbot) -> None:
    page.select_gap("d1")
    view = page.lender_view
    rect = view.visualRect(page.lender_model.index(0, 0))
    with qtbot.waitSignal(page.open_agency) as sig:
        double_click(qtbot, view, rect.center())
    assert sig.args == [pf.c]


def test_enter_on_a_borrower_opens_that_agency(page: PortfolioPage, pf: Sample, qtbot) -> None:
    page.select_gap("d1")
    view = page.borrower_view
    view.setFocus()
    view.setCurrentIndex(page.borrower_model.index(1, 0))
    assert view.currentIndex().data(AGENCY_ROLE) == pf.a
    with qtbot.waitSignal(page.open_agency) as sig:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert sig.args == [pf.a]


def test_filters_narrow_the_map(page: PortfolioPage, pf: Sample, qtbot) -> None:
    page.ministry_combo.setCurrentIndex(page.ministry_combo.findData("Justitiedepartementet"))
    qtbot.waitUntil(lambda: [r.id for r in page.heatmap.rows()] == [pf.a])
    assert page.gap_model.rowCount() == 0  # one agency shares no gap with anyone
    page.ministry_combo.setCurrentIndex(0)
    page.status_combo.setCurrentIndex(page.status_combo.findData("draft"))
    qtbot.waitUntil(lambda: [r.id for r in page.heatmap.rows()] == [pf.b])
    page.status_combo.setCurrentIndex(0)
    page.to_edit.setDate(QDate(2023, 12, 31))
    qtbot.waitUntil(lambda: [r.id for r in page.heatmap.rows()] == [pf.a])
    assert page.portfolio is not None
    assert page.portfolio.agency(pf.a).assessment_id == pf.a_old


def test_gaps_by_question_lend_within_the_question(page: PortfolioPage, pf: Sample) -> None:
    page.gap_kind.setCurrentIndex(page.gap_kind.findData("question"))
    assert not page.gap_view.isColumnHidden(page.gap_model.column_of("dimension"))
    assert "Question q1.1" in column(page.gap_model, "gap")
    assert page.select_gap("q1.1")
    assert column(page.lender_model, "agency") == ["Centrala studiestödsnämnden"]
    assert column(page.borrower_model, "agency") == ["Bolagsverket", "Åklagarmyndigheten"]
    assert "(dimension: Collaboration and reuse)" in page.gap_heading.text()


def test_threshold_changes_the_gaps(page: PortfolioPage) -> None:
    page.below_spin.setValue(1.0)  # nothing below 1.0 is shared by two agencies
    assert page.gap_model.rowCount() == 0
    page.below_spin.setValue(4.0)
    page.min_spin.setValue(3)
    assert column(page.gap_model, "agencies") == [3, 3]


def test_heat_map_activation_opens_the_agency(page: PortfolioPage, pf: Sample, qtbot) -> None:
    page.heatmap.set_current(pf.b)
    page.heatmap.setFocus()
    with qtbot.waitSignal(page.open_agency) as sig:
        qtbot.keyClick(page.heatmap, Qt.Key.Key_Enter)
    assert sig.args == [pf.b]


def test_in_the_window_a_suggestion_leads_to_the_agency(
    db: Database, pf: Sample, qtbot, sync_tasks
) -> None:
    from assessor.ui.app import build_window

    window = build_window(db, "en")
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("portfolio")
    assert isinstance(page, PortfolioPage)
    # the default checklist has no assessments here: choose the sample's
    page.checklist_combo.setCurrentIndex(page.checklist_combo.findData(KEY))
    page.reload()
    page.select_gap("d1")
    # by keyboard: the offscreen screen is too small to be sure the row is in view
    view = page.lender_view
    view.setFocus()
    view.setCurrentIndex(page.lender_model.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.current_key() == "agencies"
    agencies = window.page("agencies")
    index = agencies.view.currentIndex()
    assert index.isValid()
    assert agencies.proxy.mapToSource(index).row() == agencies.model.row_of(pf.c)


def test_empty_database_opens(db: Database, qtbot, sync_tasks) -> None:
    widget = PortfolioPage(AppContext.standalone(db, "sv"))
    qtbot.addWidget(widget)
    widget.show()
    assert widget.heatmap.rows() == []
    assert widget.gap_model.rowCount() == 0
    assert not widget.grab().isNull()


def test_an_edit_elsewhere_shows_when_the_page_is_shown_again(
    page: PortfolioPage, pf: Sample, db: Database
) -> None:
    from assessor.services.agencies import update_agency

    with db.transaction() as s:
        update_agency(s, pf.b, name="Bolagsverket (nytt namn)")
    assert "Bolagsverket" in [r.name for r in page.heatmap.rows()]
    page.page_shown()
    assert "Bolagsverket (nytt namn)" in [r.name for r in page.heatmap.rows()]
    before = page.portfolio
    page.page_shown()  # nothing changed: nothing read again
    assert page.portfolio is before


def test_export_writes_the_portfolio_report(page: PortfolioPage, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "portfölj"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    page.export_report()  # tasks run inline in tests
    written = tmp_path / "portfölj.pdf"
    assert written.read_bytes().startswith(b"%PDF")
    assert str(written) in page.status_label.text()
    assert page.export_button.isEnabled()
    assert not list(tmp_path.glob(".*.tmp"))


def test_export_cancelled_writes_nothing(page: PortfolioPage, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    page.export_report()
    assert page.status_label.text() == ""
