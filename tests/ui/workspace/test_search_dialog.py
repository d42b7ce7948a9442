"""The search dialog: hits told apart by agency and assessment; the keyboard back after Esc."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from assessor.ui.row_model import show


def test_same_title_at_two_agencies_is_told_apart(qtbot, db, setup) -> None:
    from assessor.services.agencies import create_agency
    from assessor.services.assessments import create_assessment
    from assessor.services.recommendations import create_recommendation
    from assessor.ui.workspace.search_dialog import SearchDialog

    with db.transaction() as s:
        other = create_agency(s, name="Försäkringskassan")
        other_assessment = create_assessment(
            s,
            other,
            checklist_id=setup.checklist_id,
            assessed_on=date(2025, 10, 2),
            title="Hösten 2025",
        )
        create_recommendation(
            s,
            setup.assessment_id,
            title="Inför kontinuitetsplanering",
            text="Öva avbrott i skattedeklarationen varje år.",
        )
        create_recommendation(
            s,
            other_assessment,
            title="Inför kontinuitetsplanering",
            text="Planera för avbrott i utbetalningarna.",
        )
    dialog = SearchDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.query.setText("avbrott")
    hits = dialog.run()
    assert len(hits) == 2
    model = dialog.model
    rows = [
        tuple(model.index(r, c).data() for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]
    assert len(set(rows)) == 2  # no two rows alike
    places = {row[model.column_of("place")] for row in rows}
    from assessor.ui.row_model import show

    assert places == {
        f"Skatteverket · Våren 2026 ({show(date(2026, 3, 1))})",
        f"Försäkringskassan · Hösten 2025 ({show(date(2025, 10, 2))})",
    }
    snippets = {row[model.column_of("snippet")] for row in rows}
    assert any("utbetalningarna" in s for s in snippets)
    assert any("skattedeklarationen" in s for s in snippets)
    # the text column takes the room left over
    header = dialog.view.horizontalHeader()
    widths = [header.sectionSize(c) for c in range(model.columnCount())]
    assert widths[model.column_of("snippet")] == max(widths)


def test_a_note_hit_names_its_meeting(qtbot, db, setup) -> None:
    from assessor.ui.workspace.search_dialog import SearchDialog

    dialog = SearchDialog(db)
    qtbot.addWidget(dialog)
    dialog.query.setText("förvaltningsplanen")
    dialog.run()
    model = dialog.model
    # the agency it belongs to; its meeting named once, as its title, dated as the window dates
    assert model.index(0, model.column_of("place")).data() == "Skatteverket"
    title = model.index(0, model.column_of("title")).data()
    assert title == f"Inledande möte ({show(date(2026, 2, 20))})"


def test_esc_gives_the_keyboard_back_to_the_navigator(qtbot, db, setup, undo_stack) -> None:
    from assessor.ui.workspace.workspace import AssessmentWorkspace

    ws = AssessmentWorkspace(db, setup.assessment_id, undo_stack, lang="en")
    qtbot.addWidget(ws)
    ws.show()
    qtbot.waitExposed(ws)
    tree = ws.scoring.tree
    ws.activateWindow()
    tree.setFocus()
    qtbot.waitUntil(tree.hasFocus, timeout=2000)
    question = ws.scoring.current_question()

    qtbot.keyClick(tree, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    dialog = ws.search_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.query.hasFocus, timeout=2000)
    qtbot.keyClick(dialog.query, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    qtbot.waitUntil(tree.hasFocus, timeout=2000)

    # a digit now picks a level, sent where the keyboard is (no click in between)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2)
    ws.state.flush()
    assert ws.state.data.answers[question].level == 2


def test_closing_search_returns_to_the_widget_that_had_the_keyboard(
    qtbot, db, setup, undo_stack
) -> None:
    from assessor.ui.workspace.workspace import AssessmentWorkspace

    ws = AssessmentWorkspace(db, setup.assessment_id, undo_stack, lang="en")
    qtbot.addWidget(ws)
    ws.show()
    qtbot.waitExposed(ws)
    ws.activateWindow()
    comment = ws.scoring.panel.comment
    comment.setFocus()
    qtbot.waitUntil(comment.hasFocus, timeout=2000)
    ws.focus_search()
    dialog = ws.search_dialog
    qtbot.waitUntil(dialog.query.hasFocus, timeout=2000)
    dialog.reject()
    qtbot.waitUntil(comment.hasFocus, timeout=2000)


def test_the_column_headings_say_what_they_hold_in_both_languages(qtbot, db) -> None:
    """The place column holds an agency and the meeting or assessment a hit is part of: not
    "Agency" alone."""
    from PySide6.QtCore import QLocale

    from assessor.ui import translations_build
    from assessor.ui.app import install_translations
    from assessor.ui.workspace.search_dialog import SearchDialog

    def headings() -> list[str]:
        dialog = SearchDialog(db)
        qtbot.addWidget(dialog)
        model = dialog.model
        return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]

    assert headings() == ["Kind", "Belongs to", "Title", "Text"]
    # an agency hit belongs to nothing; a meeting's belongs to its agency
    from datetime import datetime

    from assessor.services.agencies import create_agency
    from assessor.services.meetings import create_meeting

    with db.transaction() as s:
        agency = create_agency(s, name="Kontinuitetsverket")
        create_meeting(
            s,
            agency,
            starts_at=datetime(2026, 3, 5, 9, 0),
            ends_at=datetime(2026, 3, 5, 10, 0),
            title="Kontinuitetsmöte",
        )
    dialog = SearchDialog(db)
    qtbot.addWidget(dialog)
    dialog.query.setText("kontinuitet*")
    dialog.run()
    model = dialog.model
    rows = {
        model.index(r, 0).data(): (
            model.index(r, model.column_of("place")).data(),
            model.index(r, model.column_of("title")).data(),
        )
        for r in range(model.rowCount())
    }
    assert rows["Agency"] == ("", "Kontinuitetsverket")
    # the meeting is named once, with the date as the window writes dates (not the index's ISO)
    day = show(date(2026, 3, 5))
    assert rows["Meeting"] == ("Kontinuitetsverket", f"Kontinuitetsmöte ({day})")
    app = QApplication.instance()
    translations_build.build()
    translators = install_translations(app, "sv")
    try:
        assert headings() == ["Slag", "Hör till", "Rubrik", "Text"]
    finally:
        for t in translators:
            app.removeTranslator(t)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


def test_the_matched_words_are_drawn_bold_and_the_users_text_stays_text(qtbot, db, setup) -> None:
    # rich_snippet marked the matches since the dialog was written, but the view drew the
    # plain text: nothing showed which word had matched
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QStyleOptionViewItem

    from assessor.services.recommendations import create_recommendation
    from assessor.ui.roles import MARKED_ROLE
    from assessor.ui.workspace.search_dialog import MarkedText, SearchDialog

    with db.transaction() as s:
        create_recommendation(
            s,
            setup.assessment_id,
            title="Kontinuitet",
            text="Öva <skript> & avbrott i skattedeklarationen varje år.",
        )
    dialog = SearchDialog(db)
    qtbot.addWidget(dialog)
    dialog.query.setText("avbrott")
    assert dialog.run()
    column = dialog.model.column_of("snippet")
    index = dialog.model.index(0, column)
    # what screen readers read and copies carry: the plain text, marks and all removed
    assert index.data() == "Öva <skript> & avbrott i skattedeklarationen varje år."
    delegate = dialog.view.itemDelegateForColumn(column)
    assert isinstance(delegate, MarkedText)
    option = QStyleOptionViewItem()
    option.font = dialog.view.font()
    doc = delegate.document(option, index.data(MARKED_ROLE), 400)
    found = doc.find("avbrott")
    assert not found.isNull()
    assert found.charFormat().fontWeight() == QFont.Weight.Bold
    other = doc.find("skattedeklarationen")
    assert other.charFormat().fontWeight() != QFont.Weight.Bold
    assert doc.toPlainText() == index.data()  # a tag the user typed is shown, not obeyed
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.view.grab().isNull()  # painted through the delegate, selected row too
