from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

from assessor.services import agencies
from assessor.services import sync as sync_service
from assessor.services.advisors import me, set_me
from assessor.services.setup import init_database
from assessor.store.db import Database
from assessor.store.models import Agency
from assessor.sync.package_read import read_manifest
from assessor.ui import tasks
from assessor.ui.context import AppContext
from assessor.ui.sync_page import SyncPage


def test_import_shows_the_conflict_and_keep_the_other_resolves_it(qtbot, tmp_path: Path) -> None:
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    with init_database(a) as db, db.transaction() as s:
        agency = agencies.create_agency(s, name="Boverket")
    shutil.copyfile(a, b)
    with Database(a) as db:
        with db.transaction() as s:
            agencies.update_agency(s, agency, notes="<b>Anna</b>")
        sync_service.export_package(db, tmp_path / "a.assessor")
    with Database(b) as db:
        with db.transaction() as s:
            agencies.update_agency(s, agency, notes="Bo")
        page = SyncPage(AppContext.standalone(db))
        qtbot.addWidget(page)
        with tasks.synchronous():
            page.import_from(tmp_path / "a.assessor")
        assert "new conflicts: 1" in page.summary.text()
        assert page.conflicts.table.rowCount() == 1 and page.history.rowCount() == 1
        texts = {page.conflicts.table.item(0, 2).text(), page.conflicts.table.item(0, 4).text()}
        assert texts == {"<b>Anna</b>", "Bo"}
        page.conflicts.table.selectRow(0)
        assert page.conflicts.keep_other.isEnabled()
        loser = page.conflicts.table.item(0, 4).text()
        page.conflicts.keep_other.click()
        assert page.conflicts.table.rowCount() == 0
        with db.read() as s:
            assert s.get(Agency, agency).notes == loser  # type: ignore[union-attr]
        with tasks.synchronous():
            page.import_from(tmp_path / "missing.assessor")
        assert page.summary.text().startswith("Nothing was changed")


def _locale(language: str):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QLocale

    old = QLocale()
    if language == "sv":
        QLocale.setDefault(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    return old


def test_conflicts_are_readable_rows_not_keys(qtbot, tmp_path: Path) -> None:
    import re

    from PySide6.QtCore import QLocale
    from tests.sync.conftest import two_laptops_with_conflicts

    path, _ids = two_laptops_with_conflicts(tmp_path)
    old = _locale("sv")
    try:
        with Database(path) as db:
            page = SyncPage(AppContext.standalone(db))
            qtbot.addWidget(page)
            rows = {
                page.conflicts.table.item(r, 0).text(): [
                    page.conflicts.table.item(r, c).text()
                    for c in range(page.conflicts.table.columnCount())
                ]
                for r in range(page.conflicts.table.rowCount())
            }
            assert len(rows) == 4  # the agency deleted on both laptops is no conflict
            assert {
                "Myndighet: Skatteverket",
                "Rekommendation: Inför ett e-arkiv före 2027",
                "Möte: Uppstartsmöte (Skatteverket), 2026-03-04",
            } < set(rows)
            (answer,) = [k for k in rows if k.startswith("Svar: ")]
            assert rows[answer][1:3] == ["Nivå", "Ej tillämplig (E/T)"]
            agency = rows["Myndighet: Skatteverket"]
            assert agency[1:3] == ["Anteckningar", "Möte bokat"] and agency[4] == "Träffade CIO"
            assert agency[3].startswith("Den här datorn\n")  # who over when
            assert agency[5].startswith("Dator ")
            # local time to the minute, no seconds or microseconds
            assert re.search(r"\d{1,2}:\d{2}$", agency[3]) and not re.search(r"\.\d{3}", agency[3])
            rec = rows["Rekommendation: Inför ett e-arkiv före 2027"]
            assert rec[2] == "Raderad" and rec[6] == "Ändrad medan raderad"
            for cells in rows.values():
                assert not any(".deleted" in c or "_id" in c for c in cells)
    finally:
        QLocale.setDefault(old)


def test_edit_writes_the_users_value_and_resolves(qtbot, tmp_path: Path) -> None:
    from tests.sync.conftest import two_laptops_with_conflicts

    path, ids = two_laptops_with_conflicts(tmp_path)
    old = _locale("en")
    try:
        with Database(path) as db:
            page = SyncPage(AppContext.standalone(db))
            qtbot.addWidget(page)
            texts = [
                page.conflicts.table.item(r, 0).text()
                for r in range(page.conflicts.table.rowCount())
            ]
            time_row = next(i for i, t in enumerate(texts) if t.startswith("Meeting: "))
            page.conflicts.table.selectRow(time_row)
            assert not page.conflicts.edit_value.isEnabled()  # a time is not free text
            row = texts.index("Agency: Skatteverket")
            page.conflicts.table.selectRow(row)
            assert page.conflicts.edit_value.isEnabled()
            asked = []

            def answer(line):  # type: ignore[no-untyped-def]
                asked.append(line.edit_value)
                return "Träffade CIO; möte bokat"

            page.conflicts.ask_value = answer  # type: ignore[method-assign]
            page.conflicts.edit_value.click()
            assert asked == ["Möte bokat"]
            assert "Agency: Skatteverket" not in [
                page.conflicts.table.item(r, 0).text()
                for r in range(page.conflicts.table.rowCount())
            ]
            with db.read() as s:
                agency = s.get(Agency, ids["agency"])
                assert agency is not None and agency.notes == "Träffade CIO; möte bokat"
            page.conflicts.show_resolved.setChecked(True)  # the settled one shows again, marked
            shown = {
                page.conflicts.table.item(r, 0).text(): page.conflicts.table.item(r, 6).text()
                for r in range(page.conflicts.table.rowCount())
            }
            assert shown["Agency: Skatteverket"].endswith("(resolved)")
    finally:
        from PySide6.QtCore import QLocale

        QLocale.setDefault(old)


def test_export_for_one_colleague_writes_a_delta_and_names_who_sent_what(
    qtbot, tmp_path: Path
) -> None:
    from assessor.services.advisors import set_me
    from assessor.ui.identity_dialog import IdentityDialog

    a, b = tmp_path / "a.db", tmp_path / "b.db"
    with init_database(a) as db, db.transaction() as s:
        agency = agencies.create_agency(s, name="Boverket")
    shutil.copyfile(a, b)
    with Database(b) as db:
        with db.transaction() as s:
            set_me(s, name="Bo Ek", email="bo@example.se")
        sync_service.export_package(db, tmp_path / "b.assessor")
    with Database(a) as db:
        page = SyncPage(AppContext.standalone(db))
        qtbot.addWidget(page)
        with tasks.synchronous():
            page.import_from(tmp_path / "b.assessor")
        assert page.history.item(0, 2).text() == "Bo Ek"
        labels = [page.export_for.itemText(i) for i in range(page.export_for.count())]
        assert len(labels) == 2 and "Bo Ek" in labels[1]
        with db.transaction() as s:
            agencies.update_agency(s, agency, notes="only this is new")
        page.export_for.setCurrentIndex(1)
        with tasks.synchronous():
            page.export_to(tmp_path / "for-bo.assessor")
        manifest = read_manifest(tmp_path / "for-bo.assessor")
        assert manifest["kind"] == "delta" and manifest["counts"]["agency"] == 1
        dialog = IdentityDialog(db, page)
        qtbot.addWidget(dialog)
        dialog.name.setText("  ")
        dialog.save()
        assert dialog.error.text() and dialog.result() == 0  # a name is required
        dialog.name.setText("Anna Berg")
        dialog.save()
        page.refresh()
        assert "Anna Berg" in page.me_label.text()


def test_the_shared_folder_row_syncs_two_laptops(qtbot, tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    with init_database(a) as db, db.transaction() as s:
        agencies.create_agency(s, name="Boverket")
    shutil.copyfile(a, b)
    with Database(a) as db:
        with db.transaction() as s:
            agency = agencies.create_agency(s, name="<i>Tullverket</i>")
        with db.transaction() as s:
            set_me(s, name="Anna Berg")  # else the first sync asks first (tested below)
        page = SyncPage(AppContext.standalone(db))
        qtbot.addWidget(page)
        assert not page.folder_row.sync_button.isEnabled()  # no folder chosen yet
        page.folder_row.set_folder(tmp_path / "missing")
        assert "no such folder" in page.summary.text()
        page.folder_row.set_folder(shared)
        assert str(shared) in page.folder_row.label.text()
        with tasks.synchronous():
            page.folder_row.sync_button.click()
        assert page.summary.text().startswith(
            "Synced with the folder: colleagues' packages merged: 0"
        )
        assert "last synced —" not in page.folder_row.label.text()
        assert page.folder_row.sync_button.isEnabled()
    with Database(b) as db:
        page = SyncPage(AppContext.standalone(db))
        qtbot.addWidget(page)
        page.folder_row.set_folder(shared)
        with tasks.synchronous():
            page.folder_row.sync_now()
        assert "packages merged: 1;" in page.summary.text()
        assert page.history.rowCount() == 1
        with db.read() as s:
            assert s.get(Agency, agency).name == "<i>Tullverket</i>"  # type: ignore[union-attr]


def test_the_first_sync_of_a_laptop_without_a_name_asks_who_uses_it(qtbot, tmp_path: Path) -> None:
    from assessor.ui.identity_dialog import IdentityDialog

    shared = tmp_path / "shared"
    shared.mkdir()
    with init_database(tmp_path / "a.db") as db:
        page = SyncPage(AppContext.standalone(db))
        qtbot.addWidget(page)
        page.folder_row.set_folder(shared)
        with tasks.synchronous():
            page.folder_row.sync_button.click()
            dialog = page.findChild(IdentityDialog)
            assert dialog is not None and dialog.isVisible()
            assert list(shared.iterdir()) == []  # nothing sent before the answer
            dialog.name.setText("Anna Berg")
            dialog.save()
        assert len(list(shared.iterdir())) == 1  # then the sync went on
        with db.read() as s:
            assert me(s) is not None and me(s).name == "Anna Berg"  # type: ignore[union-attr]
        assert "Anna Berg" in page.me_label.text()
        with tasks.synchronous():  # asked once: the next sync just runs
            page.folder_row.sync_button.click()
        assert (
            page.findChild(IdentityDialog) is None or not page.findChild(IdentityDialog).isVisible()
        )


def test_cancelling_the_name_question_still_syncs(qtbot, tmp_path: Path) -> None:
    from assessor.ui.identity_dialog import IdentityDialog

    shared = tmp_path / "shared"
    shared.mkdir()
    with init_database(tmp_path / "a.db") as db:
        page = SyncPage(AppContext.standalone(db))
        qtbot.addWidget(page)
        page.folder_row.set_folder(shared)
        with tasks.synchronous():
            page.folder_row.sync_button.click()
            dialog = page.findChild(IdentityDialog)
            assert dialog is not None
            dialog.reject()
        assert len(list(shared.iterdir())) == 1


def test_an_older_package_is_opened_only_after_a_yes(qtbot, tmp_path: Path, older_package) -> None:
    """A package an older version encrypted at 2^19: the window asks (512 MiB), a no changes
    nothing, a yes imports it (sync/age.py decides; the question is ui/older_encryption.py)."""
    from tests.older_packages import PASSPHRASE

    asked: list[dict] = []
    with init_database(tmp_path / "b.db") as db:
        page = SyncPage(AppContext.standalone(db))
        qtbot.addWidget(page)
        page.ask_older_encryption = lambda params: asked.append(params) or False
        with tasks.synchronous():
            page.import_from(older_package.sealed, PASSPHRASE)
            qtbot.waitUntil(lambda: bool(asked))
        assert asked == [{"factor": 19, "memory": "512 MiB"}]
        assert page.summary.text() == "Nothing was changed: the package was not opened."
        assert page.history.rowCount() == 0
        page.ask_older_encryption = lambda params: asked.append(params) or True
        with tasks.synchronous():
            page.import_from(older_package.sealed, PASSPHRASE)
            qtbot.waitUntil(lambda: page.summary.text().startswith("Added: 1"))
        assert len(asked) == 2 and page.history.rowCount() == 1
        assert page.import_button.isEnabled()


def test_the_folder_row_asks_before_opening_an_older_package(
    qtbot, tmp_path: Path, older_package
) -> None:
    from tests.older_packages import PASSPHRASE

    from assessor.services import folder as folder_service

    shared = tmp_path / "shared"
    shared.mkdir()
    shutil.copyfile(older_package.sealed, shared / folder_service.file_name(older_package.site, 5))
    asked: list[dict] = []
    with init_database(tmp_path / "b.db") as db:
        with db.transaction() as s:
            set_me(s, name="Bo Ek")
        page = SyncPage(AppContext.standalone(db))
        qtbot.addWidget(page)
        page.folder_row.set_folder(shared)
        page.folder_row.passphrase = lambda: PASSPHRASE
        page.folder_row.ask_older_encryption = lambda params: asked.append(params) or True
        with tasks.synchronous():
            page.folder_row.sync_now()
            assert "packages merged: 0;" in page.summary.text()
            qtbot.waitUntil(lambda: "packages merged: 1;" in page.summary.text())
        assert asked == [{"memory": "512 MiB"}]
        assert page.history.rowCount() == 1


def test_the_older_package_question_in_both_languages(qtbot) -> None:
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from assessor.ui import translations_build
    from assessor.ui.app import install_translations
    from assessor.ui.older_encryption import question

    english = question("1 GiB")
    assert english.startswith("This package was locked by an older version of Assessor.")
    assert "about 1 GiB of memory" in english and "256 MiB" in english
    assert english.endswith("Open it?")
    translations_build.build()
    app = QApplication.instance()
    translators = install_translations(app, "sv")
    try:
        swedish = question("1 GiB")
        assert swedish.startswith("Den här synkfilen låstes av en äldre version av Assessor.")
        assert "1 GiB" in swedish and "256 MiB" in swedish and swedish.endswith("?")
    finally:
        for t in translators:
            app.removeTranslator(t)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


def test_the_conflict_log_is_readable_at_the_smaller_window_size_in_swedish(
    qtbot, qapp, tmp_path: Path
) -> None:
    # at 1100 px the values' headings were cut ("et andra värd") and the values kept a few
    # letters beside "Dator f1bc8daf, 2026-12-06 11:03" on one line
    from header_check import cut_headings
    from tests.sync.conftest import two_laptops_with_conflicts

    from assessor.ui import translations_build
    from assessor.ui.app import install_translations

    path, _ids = two_laptops_with_conflicts(tmp_path)
    old = _locale("sv")
    translations_build.build()
    translators = install_translations(qapp, "sv")
    try:
        with Database(path) as db:
            page = SyncPage(AppContext.standalone(db))
            qtbot.addWidget(page)
            page.resize(960, 690)  # the page in a 1100x720 window, beside the navigation
            page.show()
            qtbot.waitExposed(page)
            table = page.conflicts.table
            table.selectRow(0)  # headings are drawn bold then
            assert table.rowCount() >= 3
            assert [str(c) for c in cut_headings(page)] == []
            header = table.horizontalHeader()
            metrics = table.fontMetrics()
            for row in range(table.rowCount()):
                for column in (3, 5):  # who and when, each line whole
                    lines = table.item(row, column).text().split("\n")
                    assert len(lines) == 2
                    widest = max(metrics.horizontalAdvance(line) for line in lines)
                    assert widest < header.sectionSize(column)
            for column in (0, 2, 4):  # what and the two values keep room to be read
                assert header.sectionSize(column) >= 12 * metrics.averageCharWidth()
            # an unnamed laptop is written alike in both tables (the history said "dator …")
            sender = page.history.item(0, 2).text()
            assert sender.startswith("Dator ")
            assert any(
                table.item(r, c).text().startswith(sender + "\n")
                for r in range(table.rowCount())
                for c in (3, 5)
            )
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        from PySide6.QtCore import QLocale

        QLocale.setDefault(old)


def test_the_conflict_log_writes_every_date_as_the_locale_does(qtbot, tmp_path: Path) -> None:
    """In names, in values and beside them: one way, the locale's (here en_GB, not ISO)."""
    import re
    from datetime import date, datetime

    from PySide6.QtCore import QDate, QDateTime, QLocale, QTime
    from tests.sync.conftest import two_laptops_with_conflicts

    path, _ids = two_laptops_with_conflicts(tmp_path)
    old = _locale("en")
    try:
        with Database(path) as db:
            page = SyncPage(AppContext.standalone(db, "en"))
            qtbot.addWidget(page)
            table = page.conflicts.table
            cells = [
                [table.item(r, c).text() for c in range(table.columnCount())]
                for r in range(table.rowCount())
            ]
    finally:
        QLocale.setDefault(old)
    short = QLocale.FormatType.ShortFormat
    en = QLocale("en_GB")
    day = en.toString(QDate(date(2026, 3, 4)), short)
    assert day != "2026-03-04"
    (meeting,) = [row for row in cells if row[0].startswith("Meeting: ")]
    assert meeting[0] == f"Meeting: Uppstartsmöte (Skatteverket), {day}"
    start = en.toString(QDateTime(datetime(2026, 3, 4, 13, 0)), short)
    end = en.toString(QTime(15, 0), short)
    assert f"{start}–{end}" in (meeting[2], meeting[4])
    for row in cells:
        assert not any(re.search(r"\d{4}-\d{2}-\d{2}", text) for text in row), row


def test_the_conflict_log_shows_names_and_values_whole_on_wrapped_lines(
    qtbot, tmp_path: Path
) -> None:
    # at both window sizes the names were cut to "Meeting: Uppstart o…" on one line; now what
    # is named takes the widest share and wraps, and every cell's tooltip holds its whole text
    from PySide6.QtCore import QRect, Qt
    from tests.sync.conftest import two_laptops_with_conflicts

    from assessor.ui.sync_conflicts import FIELD, KEPT, KIND, OTHER, WHAT

    path, _ids = two_laptops_with_conflicts(tmp_path)
    old = _locale("en")
    try:
        with Database(path) as db:
            with db.transaction() as s:  # a meeting's name as long as the demo's longest
                agencies.update_agency(
                    s, _ids["agency"], name="Myndigheten för samhällsskydd och beredskap"
                )
            page = SyncPage(AppContext.standalone(db, "en"))
            qtbot.addWidget(page)
            for width in (1226, 960):  # the page in a 1366 and an 1100 px wide window
                page.resize(width, 690)
                page.show()
                qtbot.waitExposed(page)
                qtbot.wait(10)
                table = page.conflicts.table
                header = table.horizontalHeader()
                assert header.sectionSize(WHAT) >= header.sectionSize(KEPT)
                assert header.sectionSize(KEPT) == header.sectionSize(OTHER)
                right = header.sectionViewportPosition(KIND) + header.sectionSize(KIND)
                assert right <= table.viewport().width()  # no column pushed out of sight
                metrics = table.fontMetrics()
                for row in range(table.rowCount()):
                    for column in (WHAT, FIELD, KEPT, OTHER, KIND):
                        item = table.item(row, column)
                        assert item.toolTip() == item.text()
                    item = table.item(row, WHAT)
                    room = QRect(0, 0, header.sectionSize(WHAT) - 8, 10_000)
                    needs = metrics.boundingRect(room, Qt.TextFlag.TextWordWrap, item.text())
                    assert needs.height() <= table.rowHeight(row), (width, item.text())
                names = [table.item(r, WHAT).text() for r in range(table.rowCount())]
                assert any(len(name) > 60 for name in names)  # the long one was among them
    finally:
        from PySide6.QtCore import QLocale

        QLocale.setDefault(old)


def _in_each_language(qtbot, qapp, tmp_path: Path) -> Iterator[SyncPage]:
    """The page on a new database, translated, in Swedish and then English (the language the
    other tests expect, so last)."""
    from assessor.ui import translations_build
    from assessor.ui.app import install_translations

    translations_build.build()
    for language in ("sv", "en"):
        translators = install_translations(qapp, language)
        try:
            with init_database(tmp_path / f"{language}.db") as db:
                page = SyncPage(AppContext.standalone(db, language))
                qtbot.addWidget(page)
                yield page
        finally:
            for t in translators:
                qapp.removeTranslator(t)


def test_the_sync_pages_actions_each_have_an_alt_letter(qtbot, qapp, tmp_path: Path) -> None:
    # none of them had one: the keyboard's only way was Tab through the whole page
    import re

    for page in _in_each_language(qtbot, qapp, tmp_path):
        box = page.conflicts
        buttons = [
            page.export_button,
            page.import_button,
            page.me_button,
            page.duplicates_button,
            page.encrypt,
            box.show_resolved,
            box.keep_this,
            box.keep_other,
            box.edit_value,
        ]
        letters = [re.search(r"&(\w)", b.text()) for b in buttons]
        assert all(letters), [b.text() for b in buttons]
        chosen = [m.group(1).lower() for m in letters if m]
        assert len(set(chosen)) == len(chosen), chosen


def test_a_long_conflict_log_is_shown_again_at_once(qtbot, monkeypatch, tmp_path: Path) -> None:
    # shown again after a conflict was resolved, 327 lines took 51 s (and 300 imports 2 s): the
    # columns and rows sized to their contents measured every row again at each cell put in
    import time
    from datetime import datetime

    from assessor.services import conflict_view

    lines = [
        conflict_view.ConflictLine(
            id=f"c{n}",
            kind="edit",
            kind_text="Edited in two places",
            thing="Meeting",
            name=f"Uppstart och planering nummer {n} (Myndigheten för digital förvaltning)",
            field="Notes",
            current="Myndigheten vill gärna dela sin plan med andra myndigheter. " * 2,
            other="Nästa möte bokas in om cirka sex veckor.",
            current_by="Laptop 19ef7327",
            current_at=datetime(2026, 3, 4, 9, 0),
            other_by="This laptop",
            other_at=datetime(2026, 3, 4, 10, 0),
            resolved=False,
            row_deleted=False,
            editable=True,
            edit_value="",
        )
        for n in range(300)
    ]
    monkeypatch.setattr(conflict_view, "describe", lambda *a, **k: list(lines))
    from types import SimpleNamespace

    counts = {"added": 1, "changed": 2, "deleted": 0, "conflicts": 0}
    imports = [
        SimpleNamespace(
            imported_at=datetime(2026, 3, 4, 9, 0),
            file_name=f"anna-{n}.assessor",
            from_site="19ef7327aaaa",
            summary=counts,
        )
        for n in range(300)
    ]
    monkeypatch.setattr(sync_service, "import_history", lambda _s: list(imports))
    with init_database(tmp_path / "a.db") as db:
        page = SyncPage(AppContext.standalone(db, "en"))
        qtbot.addWidget(page)
        page.resize(960, 690)
        page.show()
        qtbot.waitExposed(page)
        began = time.perf_counter()
        page.refresh()
        took = time.perf_counter() - began
        assert page.conflicts.table.rowCount() == 300 and page.history.rowCount() == 300
        assert took < 3.0, f"{took:.1f} s"  # about 0.1 s; 47 s before (and 2 s for the imports)
        table = page.conflicts.table
        assert table.rowHeight(0) > 2 * table.fontMetrics().lineSpacing()  # still wrapped


def test_the_sync_pages_buttons_are_told_apart_by_name(qtbot, qapp, tmp_path: Path) -> None:
    # the shared folder's and the hub's buttons both said "Sync now" to a screen reader
    from PySide6.QtWidgets import QAbstractButton

    for page in _in_each_language(qtbot, qapp, tmp_path):
        page.show()
        qtbot.waitExposed(page)
        names = [
            b.accessibleName() or b.text().replace("&", "")
            for b in page.findChildren(QAbstractButton)
            if b.isVisible()
        ]
        assert len(names) == len(set(names)), sorted(names)
        for row in (page.folder_row, page.hub_row):
            assert "&" in row.choose_button.text()
