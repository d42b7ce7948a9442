"""No column heading is cut, on any page or table, in either language, at the two window sizes
advisors use (1366x768 and 1100x720): a heading's text is compared with its section's width
(tests/ui/header_check.py), the heat map checks its own painted titles. And every table's and
tree's headings look alike: plain (never bold over a selected row), in the same font, on the
left (ui/headers.py)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from header_check import cut_headings, unlike_headings

pytest.importorskip("assessor.ui.workspace.workspace")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo database: real names, dimension titles, meetings and recommendations."""
    from assessor.services import demo
    from assessor.store.db import Database

    path = tmp_path_factory.mktemp("headings") / "demo.db"
    with Database(path, create=True) as db, db.transaction() as s:
        demo.build_demo(s, seed=7, agencies=5)
    return path


@pytest.fixture
def demo_db(demo_file: Path, tmp_path: Path) -> Iterator[object]:
    from assessor.store.db import Database

    path = tmp_path / "demo.db"
    shutil.copyfile(demo_file, path)
    db = Database(path)
    yield db
    db.close()


@pytest.fixture
def language(request: pytest.FixtureRequest, qapp: object) -> Iterator[str]:
    from PySide6.QtCore import QLocale

    from assessor.ui import translations_build
    from assessor.ui.app import install_translations

    lang = str(request.param)
    translations_build.build()
    QLocale.setDefault(QLocale("sv_SE" if lang == "sv" else "en_GB"))
    translators = install_translations(qapp, lang)  # type: ignore[arg-type]
    yield lang
    for t in translators:
        qapp.removeTranslator(t)  # type: ignore[attr-defined]
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


@pytest.mark.parametrize("language", ["sv", "en"], indirect=True)
@pytest.mark.parametrize("size", [(1366, 768), (1100, 720)], ids=["1366x768", "1100x720"])
def test_no_heading_is_cut_and_all_look_alike_on_any_page(
    demo_db, language: str, size, qtbot
) -> None:
    from assessor.services.agencies import list_agencies
    from assessor.services.assessments import list_assessments
    from assessor.services.meetings import list_meetings
    from assessor.ui.app import build_window

    window = build_window(demo_db, language)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    cuts: list[str] = []

    def look(state: str, root=None) -> None:
        qtbot.wait(20)  # layouts settle, lazy parts are built
        cuts.extend(f"{state}: {c}" for c in cut_headings(root or window))
        cuts.extend(f"{state}: {c}" for c in unlike_headings(root or window))

    with demo_db.read() as s:
        agency = next(a for a in list_agencies(s) if list_assessments(s, a.id))
        assessment = list_assessments(s, agency.id)[0]
        meeting = list_meetings(s, agency.id)[0]
    page = window.show_page("agencies")
    page.select_agency(agency.id)
    page.show_agency(agency.id)
    look("agency")
    page.open_meeting(agency.id, meeting.id)
    look("meeting")
    workspace = page.open_assessment(agency.id, assessment.id)
    look("scoring")
    for index, state in ((1, "findings"), (2, "recommendations"), (3, "follow-up")):
        workspace.tabs.setCurrentIndex(index)
        look(state)
    library = workspace.recommendations.template_dialog()
    qtbot.addWidget(library)
    library.show()
    look("template library", library)
    library.close()
    workspace.focus_search()
    workspace.search_dialog.query.setText("strategi")
    qtbot.wait(400)  # the search runs when typing pauses
    look("search", workspace.search_dialog)
    workspace.search_dialog.close()
    mode = workspace.meeting_mode()
    look("meeting mode", mode)
    mode.close()
    for key in ("portfolio", "checklists", "sync"):
        window.show_page(key)
        look(key)
    assert cuts == [], "\n".join(cuts)
