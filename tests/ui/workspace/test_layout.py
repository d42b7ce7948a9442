"""What QA saw at the default window size (1100x720): columns squeezed to nothing, chart labels
cut at the edges, numbers with a decimal point in Swedish."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, QRectF
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTableView, QTreeView

DEFAULT_SIZE = (1100, 720)


@pytest.fixture
def swedish() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden))
    yield
    QLocale.setDefault(before)


def _wide_enough(view: QAbstractItemView) -> list[str]:
    """Columns a reader cannot read: every shown column must keep room for a few letters, and
    the widest for a title."""
    model = view.model()
    header = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
    widths = {
        str(model.headerData(c, header.orientation())): header.sectionSize(c)
        for c in range(model.columnCount())
        if not header.isSectionHidden(c)
    }
    bad = [f"{view.accessibleName()}: {name} is {w} px" for name, w in widths.items() if w < 40]
    if max(widths.values()) < 200:
        bad.append(f"{view.accessibleName()}: no column is wide enough for a title ({widths})")
    return bad


def test_every_table_keeps_its_columns_readable_at_the_default_size(
    qtbot, db, setup, undo_stack
) -> None:
    from assessor.services.findings import create_finding
    from assessor.services.recommendations import create_recommendation
    from assessor.ui.workspace.workspace import AssessmentWorkspace

    with db.transaction() as s:
        create_finding(
            s,
            setup.assessment_id,
            kind="weakness",
            title="Ingen samlad bild av de digitala satsningarna",
        )
        create_recommendation(s, setup.assessment_id, title="Inför kontinuitetsplanering")
    ws = AssessmentWorkspace(db, setup.assessment_id, undo_stack, lang="sv")
    qtbot.addWidget(ws)
    ws.resize(*DEFAULT_SIZE)
    ws.show()
    qtbot.waitExposed(ws)
    bad: list[str] = []
    for index in range(ws.tabs.count()):
        ws.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        for view in ws.tabs.currentWidget().findChildren(QAbstractItemView):
            if view.isVisible() and isinstance(view, QTableView | QTreeView):
                bad += _wide_enough(view)
    assert bad == []
    findings = ws.findings.view
    title = findings.horizontalHeader().sectionSize(findings.model().column_of("title"))
    kind = findings.horizontalHeader().sectionSize(findings.model().column_of("kind"))
    assert title > 2 * kind


def test_search_results_are_readable_in_a_default_sized_dialog(qtbot, db, setup) -> None:
    from assessor.services.recommendations import create_recommendation
    from assessor.ui.workspace.search_dialog import SearchDialog

    with db.transaction() as s:
        create_recommendation(
            s,
            setup.assessment_id,
            title="Inför kontinuitetsplanering",
            text="Planera för avbrott i de kritiska systemen.",
        )
    dialog = SearchDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.query.setText("kontinuitet")
    dialog.run()
    QApplication.processEvents()
    assert _wide_enough(dialog.view) == []


@pytest.mark.parametrize(
    "size", [(220, 200), (300, 200), (300, 260), (340, 300), (420, 360), (700, 520)]
)
def test_radar_labels_stay_inside_the_chart(qtbot, db, setup, swedish, size) -> None:
    from assessor.domain.checklist import pick
    from assessor.services.workspace import load_workspace
    from assessor.ui.workspace.radar import RadarAxis, RadarChart

    with db.read() as s:
        data = load_workspace(s, setup.assessment_id)
    titles = [pick(d.title, "sv") for d in data.checklist.dimensions]
    chart = RadarChart()
    qtbot.addWidget(chart)
    chart.set_axes(tuple(RadarAxis(t, 2.0, 3.0) for t in titles))
    chart.resize(*size)
    chart.show()
    labels = chart.label_rects()
    assert len(labels) == len(titles)
    inside = QRectF(chart.rect())
    for text, rect in labels:
        assert inside.contains(rect), (text, rect, size)
    for i, (text, rect) in enumerate(labels):  # neighbours once overlapped at 300 px wide
        for other, other_rect in labels[i + 1 :]:
            assert not rect.intersects(other_rect), (text, other, size)
    if size[0] >= 340:  # room enough: nothing is cut, only wrapped
        assert [t.replace("\n", " ") for t, _ in labels] == titles
    chart.grab()  # paints without error


def test_summary_numbers_use_the_swedish_decimal_comma(
    qtbot, db, setup, undo_stack, swedish
) -> None:
    from assessor.services.answers import set_answer
    from assessor.ui.workspace.workspace import AssessmentWorkspace

    ws = AssessmentWorkspace(db, setup.assessment_id, undo_stack, lang="sv")
    qtbot.addWidget(ws)
    questions = ws.state.data.checklist.questions()
    with db.transaction() as s:
        set_answer(s, setup.assessment_id, questions[0].id, level=2)
        set_answer(s, setup.assessment_id, questions[1].id, level=3)
    ws.close()
    ws = AssessmentWorkspace(db, setup.assessment_id, undo_stack, lang="sv")
    qtbot.addWidget(ws)
    summary = ws.scoring.summary
    summary.show_result(ws.state.data.score(), ws.state.data.answers)
    assert re.search(r"\d,\d\d", summary.overall.text()), summary.overall.text()
    assert not re.search(r"\d\.\d", summary.overall.text())
    for described in (summary.bars, summary.chart):
        assert re.search(r"\d,\d", described.accessibleDescription())
        assert not re.search(r"\d\.\d", described.accessibleDescription())


def test_follow_up_numbers_use_the_swedish_decimal_comma(qtbot, swedish) -> None:
    from assessor.ui.workspace.followup import Comparison, ComparisonModel

    model = ComparisonModel()
    model.set_rows([Comparison("g", "Styrning", 1.25, 2.75), Comparison("h", "Data", 2.0, 1.5)])
    texts = [[model.index(r, c).data() for c in range(1, 4)] for r in range(2)]
    assert texts[0] == ["1,25", "2,75", "+1,50"]
    assert texts[1][0] == "2,00" and texts[1][2].endswith("0,50") and texts[1][2][0] != "+"


def test_numbers_follow_the_english_locale_too(qtbot) -> None:
    from assessor.ui.workspace.numbers import number, signed

    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    try:
        assert number(2.5) == "2.5"
        assert signed(0.18) == "+0.18"
        assert number(None) == "–"
    finally:
        QLocale.setDefault(before)


def test_recommendation_titles_stay_readable_in_swedish_beside_the_navigation(
    qtbot, db, setup, undo_stack
) -> None:
    """In the window the workspace gets about 960 px; the Swedish button labels once made the
    form so wide that the list kept 40 px for the titles."""
    from assessor.services.recommendations import create_recommendation
    from assessor.ui import translations_build
    from assessor.ui.app import install_translations
    from assessor.ui.workspace.workspace import AssessmentWorkspace

    with db.transaction() as s:
        create_recommendation(s, setup.assessment_id, title="Inför kontinuitetsplanering")
    translations_build.build()
    app = QApplication.instance()
    translators = install_translations(app, "sv")
    try:
        assert translators
        ws = AssessmentWorkspace(db, setup.assessment_id, undo_stack, lang="sv")
        qtbot.addWidget(ws)
        ws.resize(960, 720)
        ws.show()
        qtbot.waitExposed(ws)
        ws.tabs.setCurrentIndex(2)
        QApplication.processEvents()
        view = ws.tabs.currentWidget().view
        title = view.horizontalHeader().sectionSize(view.model().column_of("title"))
        assert title >= 150
    finally:
        for t in translators:
            app.removeTranslator(t)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_question_panel_is_never_wider_than_its_pane(
    qtbot, db, setup, undo_stack, lang: str
) -> None:
    """At 1100 pixels the workspace gets about 960 beside the navigation; the question panel's
    content once asked for more than its pane and cut the heading and descriptors at the
    right edge behind a horizontal scroll bar."""
    from PySide6.QtWidgets import QScrollArea

    from assessor.ui.workspace.workspace import AssessmentWorkspace

    ws = AssessmentWorkspace(db, setup.assessment_id, undo_stack, lang=lang)
    qtbot.addWidget(ws)
    ws.resize(960, 690)
    ws.show()
    qtbot.waitExposed(ws)
    qtbot.wait(20)
    scroll = ws.scoring.panel.findChild(QScrollArea)
    assert scroll is not None
    assert scroll.widget().minimumSizeHint().width() <= scroll.viewport().width()
    assert not scroll.horizontalScrollBar().isVisible()
