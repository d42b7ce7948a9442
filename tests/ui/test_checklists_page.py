from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from assessor.store.db import Database
from assessor.ui.checklist_models import COLUMNS, TEXT_ROLE, ChecklistTableModel
from assessor.ui.checklists_page import ChecklistsPage
from assessor.ui.context import AppContext

FIXTURES = Path(__file__).parents[1] / "domain" / "fixtures"


def row_values(page: ChecklistsPage, column: str) -> list[object]:
    col = COLUMNS.index(column)
    return [page.model.index(r, col).data() for r in range(page.model.rowCount())]


def test_import_shows_the_new_version_and_its_tree(
    qtbot: QtBot, db: Database, sync_tasks: None
) -> None:
    page = ChecklistsPage(AppContext.standalone(db, "sv"))
    qtbot.addWidget(page)
    shipped = page.model.rowCount()
    page.import_file(str(FIXTURES / "small.yaml"))
    assert page.model.rowCount() == shipped + 1
    assert "small-model" in row_values(page, "key")
    assert "Liten modell" in row_values(page, "title")
    assert "Imported small-model version 1.0." in page.messages.toPlainText()
    # the imported version is selected and shown as a tree
    tree = page.tree_model
    assert [tree.item(r, 0).text().split(". ", 1)[1] for r in range(tree.rowCount())] == [
        "Styrning",
        "Information och data",
    ]
    governance = tree.item(0, 0)
    strategy = governance.child(0, 0)
    # numbered as in the workspace; the file's id only in the tooltip (for the author)
    assert strategy.text() == "1.1 Finns en strategi?"
    assert "governance.strategy" in strategy.toolTip()
    assert governance.child(0, 1).text() == "1"
    children = [strategy.child(r, 0).text() for r in range(strategy.rowCount())]
    # the label is translated by Qt (no translator in tests: English)
    assert children == [
        "Guidance: Fråga ledningen.",
        "0 Saknas: Ingen strategi.",
        "1 Inledande: Ett utkast.",
        "2 Etablerad: Beslutad och följd.",
    ]
    page.tree.setCurrentIndex(strategy.child(3, 0).index())
    assert page.detail.text() == "2 Etablerad\nBeslutad och följd."
    assert strategy.child(3, 0).data(TEXT_ROLE) == "2 Etablerad\nBeslutad och följd."


def test_importing_again_says_nothing_changed(qtbot: QtBot, db: Database, sync_tasks: None) -> None:
    page = ChecklistsPage(AppContext.standalone(db, "en"))
    qtbot.addWidget(page)
    page.import_file(str(FIXTURES / "small.yaml"))
    rows = page.model.rowCount()
    page.import_file(str(FIXTURES / "small.yaml"))
    assert page.model.rowCount() == rows
    assert "already imported; nothing changed" in page.messages.toPlainText()


def test_an_invalid_file_shows_its_problems_and_imports_nothing(
    qtbot: QtBot, db: Database, tmp_path: Path, sync_tasks: None
) -> None:
    page = ChecklistsPage(AppContext.standalone(db, "en"))
    qtbot.addWidget(page)
    rows = page.model.rowCount()
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        (FIXTURES / "small.yaml").read_text("utf-8").replace("weight: 0.5", "weight: nothing"),
        encoding="utf-8",
    )
    page.import_file(str(bad))
    assert page.last_import_ok is False
    assert page.model.rowCount() == rows
    text = page.messages.toPlainText()
    assert "The file was not imported:" in text
    assert "bad.yaml:" in text and "weight must be a number greater than 0" in text
    assert not page.messages.isHidden()


def test_a_ciso_library_import_lists_what_was_not_carried_over(
    qtbot: QtBot, db: Database, sync_tasks: None
) -> None:
    page = ChecklistsPage(AppContext.standalone(db, "en"))
    qtbot.addWidget(page)
    page.import_file(str(FIXTURES / "ciso_two_languages.yaml"))
    text = page.messages.toPlainText()
    assert "Not carried over from the file:" in text
    assert "have no answer choices scored" in text


def test_the_table_model_needs_no_window() -> None:
    model = ChecklistTableModel("en")
    assert model.rowCount() == 0
    assert model.columnCount() == len(COLUMNS)


def test_the_window_s_context_is_accepted_too(qtbot: QtBot, db: Database, sync_tasks: None) -> None:
    from assessor.ui.edits import Edits

    context = AppContext(db=db, edits=Edits(), language="sv")
    page = ChecklistsPage(context)
    qtbot.addWidget(page)
    assert page.db is db and page.language == "sv"
    page.import_file(str(FIXTURES / "small.yaml"))


def test_import_runs_off_the_ui_thread_and_reports_back(qtbot: QtBot, db: Database) -> None:
    from assessor.ui import tasks

    page = ChecklistsPage(AppContext.standalone(db, "en"))
    qtbot.addWidget(page)
    page.import_file(str(FIXTURES / "small.yaml"))
    assert tasks.wait_all()
    assert page.last_import_ok is True
    assert page.import_button.isEnabled()
    assert "small-model" in row_values(page, "key")


def test_every_heading_but_the_title_fits_its_column(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import Qt

    english = ChecklistTableModel.headerData

    def long_heading(self: ChecklistTableModel, section: int, *args: Any) -> Any:
        text = english(self, section, *args)  # as long as the Swedish "Innehållets kontrollsumma"
        return f"{text} (heading)" if isinstance(text, str) else text

    monkeypatch.setattr(ChecklistTableModel, "headerData", long_heading)
    page = ChecklistsPage(AppContext.standalone(db, "sv"))
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    header = page.table.horizontalHeader()
    metrics = header.fontMetrics()
    for column in range(1, len(COLUMNS)):
        text = str(page.model.headerData(column, Qt.Orientation.Horizontal))
        assert header.sectionSize(column) >= metrics.horizontalAdvance(text), text


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("sv", "är redan importerad med annat innehåll"),
        ("en", "is already imported with different content"),
    ],
)
def test_an_error_from_below_is_in_the_windows_language(
    qtbot: QtBot, db: Database, sync_tasks: None, tmp_path: Path, lang: str, expected: str
) -> None:
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from assessor.ui import translations_build
    from assessor.ui.app import install_translations

    app = QApplication.instance()
    translations_build.build()
    translators = install_translations(app, lang)
    try:
        page = ChecklistsPage(AppContext.standalone(db, lang))
        qtbot.addWidget(page)
        page.import_file(str(FIXTURES / "small.yaml"))
        changed = tmp_path / "changed.yaml"
        text = (FIXTURES / "small.yaml").read_text("utf-8")
        changed.write_text(text.replace("weight: 0.5", "weight: 0.75"), "utf-8")
        page.import_file(str(changed))
        shown = page.messages.toPlainText()
        assert expected in shown
        if lang == "sv":
            assert "Filen importerades inte" in shown or "importerades inte" in shown
    finally:
        for t in translators:
            app.removeTranslator(t)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


def test_a_mapping_set_imported_in_the_window_is_kept(
    qtbot: QtBot, db: Database, sync_tasks: None, tmp_path: Path
) -> None:
    import lzma

    from assessor.services.mappings import list_mappings

    sample = (
        Path(__file__).parents[1] / "samples" / "ciso" / "map-nist-csf-1.1-nist-csf-2.0.yaml.xz"
    )
    file = tmp_path / "map.yaml"
    file.write_bytes(lzma.decompress(sample.read_bytes()))
    page = ChecklistsPage(AppContext.standalone(db, "en"))
    qtbot.addWidget(page)
    before = page.model.rowCount()
    page.import_file(str(file))
    text = page.messages.toPlainText()
    assert "Kept the mapping set mapping-nist-csf-1.1-nist-csf-2.0 (185 links)." in text
    assert "Other models tab" in text
    with db.read() as s:
        assert [m.id for m in list_mappings(s)] == ["mapping-nist-csf-1.1-nist-csf-2.0"]
    assert page.model.rowCount() == before  # no checklist was added


def test_weights_are_written_in_the_windows_language(qapp) -> None:
    from PySide6.QtCore import QLocale

    from assessor.ui.checklist_models import _number

    try:
        QLocale.setDefault(QLocale("sv_SE"))
        assert _number(1.5) == "1,5" and _number(2.0) == "2"
        QLocale.setDefault(QLocale("en_GB"))
        assert _number(1.5) == "1.5"
    finally:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


def test_a_library_converted_differently_before_is_offered_as_a_new_version(
    qtbot: QtBot, db: Database, sync_tasks: None
) -> None:
    from dataclasses import replace

    from assessor.services.checklists import parse_file, store_checklist

    library = FIXTURES / "ciso_two_languages.yaml"
    doc = parse_file(library.read_bytes(), library.name)[0]
    with db.transaction() as s:
        older = replace(doc, description={lang: "older conversion" for lang in doc.languages})
        store_checklist(s, older, source_format="ciso-assistant")
    page = ChecklistsPage(AppContext.standalone(db, "en"))
    qtbot.addWidget(page)
    asked: list[tuple[str, str]] = []
    answers = [False, True]

    def ask(message: str, version: str) -> bool:
        asked.append((message, version))
        return answers.pop(0)

    page.ask_new_version = ask  # type: ignore[method-assign]
    page.import_file(str(library))  # declined: nothing imported, the reason shown
    assert asked[0][1] == f"{doc.version}.1" and "earlier conversion" in asked[0][0]
    assert "The file was not imported:" in page.messages.toPlainText()
    assert f"{doc.version}.1" not in row_values(page, "version")
    page.import_file(str(library))  # accepted: imported beside the old one
    qtbot.waitUntil(lambda: f"{doc.version}.1" in row_values(page, "version"))
    assert f"Imported {doc.id} version {doc.version}.1." in page.messages.toPlainText()
    assert page.import_button.isEnabled()


def _kept_sample(db: Database) -> None:
    import lzma

    from assessor.services.checklists import import_checklist
    from assessor.services.mappings import import_mappings

    samples = Path(__file__).parents[1] / "samples" / "ciso"
    with db.transaction() as s:
        for name in ("nist-csf-1.1", "map-nist-csf-1.1-nist-csf-2.0"):
            data = lzma.decompress((samples / f"{name}.yaml.xz").read_bytes())
            if name.startswith("map-"):
                import_mappings(s, data, name)
            else:
                import_checklist(s, data, name)


def _shown_sets(page: ChecklistsPage) -> list[tuple[str, str, str, str]]:
    table = page.mapping_sets.table
    return [
        tuple(table.item(r, c).text() for c in range(4))  # type: ignore[misc]
        for r in range(table.rowCount())
    ]


def test_the_kept_mapping_sets_are_listed_and_one_is_removed_undoably(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assessor.services.mappings import list_mappings
    from assessor.ui import mapping_sets

    page = ChecklistsPage(AppContext.standalone(db, "en"))
    qtbot.addWidget(page)
    box = page.mapping_sets
    page.show()
    assert not box.table.isVisibleTo(page) and box.empty.isVisibleTo(page)
    _kept_sample(db)
    page.refresh()
    # CSF 1.1 is imported: its title names the end; CSF 2.0 is not: its urn does
    ((name, ends, version, links),) = _shown_sets(page)
    assert name == "mapping-nist-csf-1.1-nist-csf-2.0" and links == "185" and version == "1"
    source, target = ends.split(" → ")
    assert "1.1" in source and not source.startswith("urn:")
    assert target == "urn:intuitem:risk:framework:nist-csf-2.0"
    assert box.table.isVisibleTo(page) and box.remove_button.isEnabled()
    assert box.remove_button.text() == "&Remove…"

    asked: list[str] = []

    def no(_parent: Any, _title: str, text: str) -> bool:
        asked.append(text)
        return False

    monkeypatch.setattr(mapping_sets, "ask", no)
    assert not box.remove_chosen()
    assert "mapping-nist-csf-1.1-nist-csf-2.0" in asked[0] and len(_shown_sets(page)) == 1
    monkeypatch.setattr(mapping_sets, "ask", lambda *a: True)
    qtbot.mouseClick(box.remove_button, Qt.MouseButton.LeftButton)
    assert _shown_sets(page) == [] and box.empty.isVisibleTo(page)
    with db.read() as s:
        assert list_mappings(s) == []
    stack = page.context.edits.stack
    assert stack.undoText() == "remove mapping set"
    page.context.edits.undo()
    assert [row[0] for row in _shown_sets(page)] == ["mapping-nist-csf-1.1-nist-csf-2.0"]
    with db.read() as s:
        assert len(list_mappings(s)) == 1
    page.context.edits.redo()
    assert _shown_sets(page) == []


def test_the_list_follows_a_change_made_elsewhere_when_shown_again(
    qtbot: QtBot, db: Database
) -> None:
    page = ChecklistsPage(AppContext.standalone(db, "en"))
    qtbot.addWidget(page)
    page.show()
    assert _shown_sets(page) == []
    page.hide()
    _kept_sample(db)  # as a sync import on the Sync page would bring it
    page.show()
    assert len(_shown_sets(page)) == 1


def test_the_checklists_brought_by_a_sync_are_listed_when_shown_again(
    qtbot: QtBot, db: Database
) -> None:
    import lzma

    from assessor.services.checklists import import_checklist

    page = ChecklistsPage(AppContext.standalone(db, "en"))
    qtbot.addWidget(page)
    page.show()
    shipped = page.model.rowCount()
    page.table.selectRow(shipped - 1)
    chosen = page.selected_id()
    page.hide()
    data = lzma.decompress(
        (Path(__file__).parents[1] / "samples/ciso/nist-csf-1.1.yaml.xz").read_bytes()
    )
    with db.transaction() as s:  # as a sync import on the Sync page would bring it
        import_checklist(s, data, "csf.yaml")
    assert page.model.rowCount() == shipped
    page.show()
    assert page.model.rowCount() == shipped + 1
    assert "nist-csf-1.1" in row_values(page, "key")
    assert page.selected_id() == chosen  # the version chosen before stays chosen


def test_an_older_edition_of_a_mapping_set_is_refused_with_the_reason(
    qtbot: QtBot, db: Database, sync_tasks: None, tmp_path: Path
) -> None:
    from tests.services.test_mappings import edition

    page = ChecklistsPage(AppContext.standalone(db, "en"))
    qtbot.addWidget(page)
    page.show()
    (tmp_path / "v2.yaml").write_bytes(edition("2"))
    (tmp_path / "v1.yaml").write_bytes(edition("1", drop=1))
    page.import_file(str(tmp_path / "v2.yaml"))
    assert [row[2:] for row in _shown_sets(page)] == [("2", "185")]
    said: list[str] = []
    page.context.status = lambda text, ms=4000: said.append(text)  # type: ignore[method-assign]
    page.import_file(str(tmp_path / "v1.yaml"))
    assert said == ["The file was not imported."]
    shown = page.messages.toPlainText()
    assert "The file was not imported:" in shown
    assert "the file holds version 1, older than version 2 kept; nothing was changed" in shown
    assert [row[2:] for row in _shown_sets(page)] == [("2", "185")]


def test_the_question_shows_a_name_from_a_file_as_plain_text(qtbot: QtBot) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

    from assessor.ui.mapping_sets import ask

    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[tuple[Qt.TextFormat, str]] = []

    def answer() -> None:
        shown = QApplication.activeModalWidget()
        assert isinstance(shown, QMessageBox)
        seen.append((shown.textFormat(), shown.text()))
        shown.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(0, answer)
    assert ask(parent, "Remove", "Remove <b>x</b>?")
    assert seen == [(Qt.TextFormat.PlainText, "Remove <b>x</b>?")]
