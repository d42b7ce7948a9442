"""The agency list keeps every column in sight at 1100x720 with an agency open beside it and
a scroll bar (enough agencies to scroll): the count of assessments was once pushed out of
the pane behind a horizontal scroll bar."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTableView

pytest.importorskip("assessor.ui.workspace.workspace")


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_no_column_of_the_agency_list_is_pushed_out(qtbot, tmp_path, qapp, lang: str) -> None:
    from PySide6.QtCore import QLocale

    from assessor.services import demo
    from assessor.services.agencies import list_agencies
    from assessor.store.db import Database
    from assessor.ui import translations_build
    from assessor.ui.app import build_window, install_translations

    with Database(tmp_path / "d.db", create=True) as db, db.transaction() as s:
        demo.build_demo(s, seed=5, agencies=40)
    translations_build.build()
    QLocale.setDefault(QLocale("sv_SE" if lang == "sv" else "en_GB"))
    translators = install_translations(qapp, lang)
    db = Database(tmp_path / "d.db")
    try:
        window = build_window(db, lang)
        qtbot.addWidget(window)
        window.resize(1100, 720)
        window.show()
        qtbot.waitExposed(window)
        page = window.show_page("agencies")
        with db.read() as s:
            agency = list_agencies(s)[0]
        page.select_agency(agency.id)
        page.show_agency(agency.id)
        qtbot.wait(50)
        view = window.findChild(QTableView, "agencyTable")
        assert view is not None and view.verticalScrollBar().isVisible()
        assert not view.horizontalScrollBar().isVisible()
        header = view.horizontalHeader()
        shown = sum(
            header.sectionSize(c) for c in range(header.count()) if not header.isSectionHidden(c)
        )
        assert shown <= view.viewport().width()
    finally:
        db.close()
        for t in translators:
            qapp.removeTranslator(t)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
