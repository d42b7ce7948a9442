"""The gap's recommendations in a 1100 px window in Swedish: the long heading of the library
count ("Användningar i biblioteket") on two lines, so the recommendation keeps its room."""

from __future__ import annotations

from portfolio_sample import KEY, Sample

from assessor.store.db import Database
from assessor.ui.context import AppContext
from assessor.ui.portfolio_page import PortfolioPage


def test_a_recommendation_keeps_room_beside_the_numbers_in_swedish(
    db: Database, pf: Sample, qtbot, qapp, sync_tasks
) -> None:  # type: ignore[no-untyped-def]
    from header_check import cut_headings

    from assessor.ui import translations_build
    from assessor.ui.app import install_translations

    translations_build.build()
    translators = install_translations(qapp, "sv")
    try:
        page = PortfolioPage(AppContext.standalone(db, "sv"))
        qtbot.addWidget(page)
        page.checklist_combo.setCurrentIndex(page.checklist_combo.findData(KEY))
        page.reload()
        page.resize(960, 690)  # the page in a 1100x720 window, beside the navigation
        page.show()
        qtbot.waitExposed(page)
        view = page.recommendation_view
        title = view.horizontalHeader().sectionSize(0)
        assert title >= 34 * view.fontMetrics().averageCharWidth()
        assert [str(c) for c in cut_headings(page) if "heat map" not in str(c)] == []
    finally:
        for t in translators:
            qapp.removeTranslator(t)
