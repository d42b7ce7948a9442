"""Starting the app: language choice, database refusals, window state, --exit-after-startup."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt

from assessor.ui.app import build_window, choose_language, open_database


@pytest.mark.parametrize(
    ("requested", "system", "expected"),
    [
        (None, QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden), "sv"),
        (None, QLocale(QLocale.Language.Swedish, QLocale.Country.Finland), "sv"),
        (None, QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), "en"),
        (None, QLocale(QLocale.Language.German, QLocale.Country.Germany), "en"),
        ("en", QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden), "en"),
        ("sv", QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), "sv"),
    ],
)
def test_language_is_swedish_on_a_swedish_system_unless_lang_says_otherwise(
    requested, system, expected
) -> None:
    assert choose_language(requested, system) == expected


def test_a_database_open_elsewhere_is_refused_politely(db, db_path, qapp, capsys) -> None:
    assert open_database(db_path, interactive=False) is None
    err = capsys.readouterr().err
    assert "already open" in err
    assert "Traceback" not in err


def test_a_missing_named_database_is_not_created_silently(tmp_path, qapp, capsys) -> None:
    target = tmp_path / "nope.db"
    assert open_database(target, interactive=False) is None
    assert not target.exists()
    assert "no database" in capsys.readouterr().err.lower()


def test_a_file_that_is_not_a_database_is_explained(tmp_path, qapp, capsys) -> None:
    target = tmp_path / "notes.db"
    target.write_text("hello, this is not SQLite")
    assert open_database(target, interactive=False) is None
    assert "not an Assessor database" in capsys.readouterr().err


def test_the_default_database_is_created_on_first_run(tmp_path, qapp) -> None:
    db = open_database(None, interactive=False)  # ASSESSOR_DATA_DIR points at tmp_path
    assert db is not None
    try:
        assert db.path.exists()
        assert db.path.is_relative_to(tmp_path)
    finally:
        db.close()


def test_window_state_and_last_page_are_remembered(db, sample, qtbot) -> None:
    first = build_window(db, "en")
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 500)  # within the offscreen screen (800x600)
    first.splitter.setSizes([230, 470])
    keys = first.page_keys()
    assert keys[0] == "agencies"
    last = keys[-1] if len(keys) > 1 else keys[0]
    first.show_page(last)
    sizes = first.splitter.sizes()
    first.close()

    second = build_window(db, "en")
    qtbot.addWidget(second)
    second.show()
    assert second.current_key() == last
    assert second.size().width() == 700
    assert second.splitter.sizes()[0] == sizes[0]
    second.close()


def test_pages_are_built_only_when_first_shown(db, sample, qtbot) -> None:
    window = build_window(db, "en")
    qtbot.addWidget(window)
    built = {k for k, p in window._pages.items() if p.widget is not None}
    assert built == {"agencies"}
    window.close()


def test_ctrl_n_offers_a_new_agency(db, sample, qtbot, monkeypatch) -> None:
    from PySide6.QtWidgets import QDialog

    from assessor.ui import agency_page

    seen = []
    monkeypatch.setattr(
        agency_page.NewAgencyDialog,
        "exec",
        lambda self: seen.append(self) or QDialog.DialogCode.Rejected,
    )
    window = build_window(db, "en")
    qtbot.addWidget(window)
    window.new_agency_action.trigger()
    assert len(seen) == 1
    assert window.new_agency_action.shortcut().toString() == "Ctrl+N"
    window.close()


def _run(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return _process(["-m", "assessor", *args], tmp_path)


def _probe(probe: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``probe`` (Python that starts the program its own way) in a fresh process."""
    return _process(["-c", probe, *args], tmp_path)


def _process(argv: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        ASSESSOR_DATA_DIR=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        HOME=str(tmp_path),
    )
    return subprocess.run(
        [sys.executable, *argv], env=env, capture_output=True, text=True, timeout=120
    )


def test_exit_after_startup_prints_milliseconds_and_exits_0(db_path, sample, db, tmp_path):
    db.close()  # the subprocess is the only writer
    done = _run(["--db", str(db_path), "--exit-after-startup", "--lang", "sv"], tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    # usable, then ready for an edit (SQLAlchemy loaded on its worker, the Database open)
    assert len(lines) == 2 and all(line.isdigit() for line in lines)
    usable, ready = (int(line) for line in lines)
    assert 0 < usable <= ready < 120_000


def test_the_first_paint_needs_neither_sqlalchemy_nor_the_report_nor_sync(
    db_path, sample, db, tmp_path
) -> None:
    db.close()
    probe = (
        "import sys\n"
        "sys.argv=['assessor','--db',sys.argv[1],'--exit-after-startup']\n"
        "from assessor.ui import app\n"
        "class Probe(app._FirstPaint):\n"
        "    def __init__(self, window, then):\n"
        "        def at_first_paint():\n"
        "            bad=[m for m in ('sqlalchemy','reportlab','alembic','assessor.sync',"
        "'assessor.report','assessor.ui.checklists_page','assessor.ui.sync_page')"
        " if m in sys.modules]\n"
        "            sys.stderr.write('LOADED:'+','.join(bad)+'\\n')\n"
        "            then()\n"
        "        super().__init__(window, at_first_paint)\n"
        "app._FirstPaint = Probe\n"
        "from assessor.__main__ import main\n"
        "raise SystemExit(main())\n"
    )
    done = _probe(probe, tmp_path, str(db_path))
    assert done.returncode == 0, done.stderr
    assert "LOADED:\n" in done.stderr, done.stderr
    assert all(line.isdigit() for line in done.stdout.split())


def test_the_printed_start_up_time_is_taken_when_the_window_is_usable(
    db_path, sample, db, tmp_path
) -> None:
    """--exit-after-startup reads its clock when the user can work: the window shown, the
    agency list filled and the remembered agency's details on screen (read without SQLAlchemy,
    the Database not open yet), with no event left waiting; then again when the Database is
    open for the first edit. A first paint alone (an empty or half-loaded window) is too
    early."""
    db.close()
    probe = (
        "import sys\n"
        "remembered = sys.argv[2]\n"
        "sys.argv=['assessor','--db',sys.argv[1],'--exit-after-startup']\n"
        "from PySide6.QtCore import QSettings\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from assessor.ui import settings, startup_clock\n"
        "settings.set_names()\n"
        "QSettings().setValue('page/agencies/agency', remembered)\n"
        "QSettings().sync()\n"
        "clock = startup_clock.elapsed_ms\n"
        "def at_ready():\n"
        "    [w] = [w for w in QApplication.topLevelWidgets() if w.objectName() == 'MainWindow']\n"
        "    page = w.page('agencies')\n"
        "    detail = getattr(page, 'detail', None)\n"
        "    sys.stderr.write('VISIBLE:%s OPEN:%s ROWS:%d DETAIL:%s\\n' % (\n"
        "        w.isVisible(), w.context.db.is_open, page.model.rowCount(),\n"
        "        getattr(detail, 'agency_id', None)))\n"
        "    return clock()\n"
        "startup_clock.elapsed_ms = at_ready\n"
        "from assessor.__main__ import main\n"
        "raise SystemExit(main())\n"
    )
    done = _probe(probe, tmp_path, str(db_path), sample["agency"])
    assert done.returncode == 0, done.stderr
    seen = [line for line in done.stderr.splitlines() if line.startswith("VISIBLE:")]
    assert seen == [
        f"VISIBLE:True OPEN:False ROWS:1 DETAIL:{sample['agency']}",
        f"VISIBLE:True OPEN:True ROWS:1 DETAIL:{sample['agency']}",
    ], done.stderr
    assert len(done.stdout.split()) == 2


def test_after_start_up_import_is_plain_again_and_every_page_still_opens(
    db_path, sample, db, tmp_path
) -> None:
    """PySide6's import wrapper is taken off at start-up (ui.app.unwrap_imports); the pages, a
    meeting and the assessment workspace, imported after that, must still build."""
    db.close()
    probe = (
        "import sys, builtins\n"
        "agency, meeting = sys.argv[2], sys.argv[3]\n"
        "sys.argv=['assessor','--db',sys.argv[1],'--exit-after-startup']\n"
        # in the program's own order: assessor.ui (which notes the plain import) before Qt
        "from assessor.ui import PLAIN_IMPORT, startup_clock\n"
        "from PySide6.QtWidgets import QApplication\n"
        "clock = startup_clock.elapsed_ms\n"
        "def at_ready():\n"
        "    [w] = [w for w in QApplication.topLevelWidgets() if w.objectName() == 'MainWindow']\n"
        "    built = [type(w.show_page(k)).__name__ for k in w.page_keys()]\n"
        "    agencies = w.show_page('agencies')\n"
        "    built.append(type(agencies.open_meeting(agency, meeting)).__name__)\n"
        "    import assessor.ui.workspace.workspace as ws\n"
        "    built.append(ws.AssessmentWorkspace.__name__)\n"
        "    sys.stderr.write('PLAIN:%s BUILT:%s\\n' % (builtins.__import__ is PLAIN_IMPORT,"
        " ','.join(built)))\n"
        "    return clock()\n"
        "startup_clock.elapsed_ms = at_ready\n"
        "from assessor.__main__ import main\n"
        "raise SystemExit(main())\n"
    )
    done = _probe(probe, tmp_path, str(db_path), sample["agency"], sample["meeting"])
    assert done.returncode == 0, done.stderr
    assert (
        "PLAIN:True BUILT:AgenciesPage,PortfolioPage,ChecklistsPage,SyncPage,"
        "MeetingEditor,AssessmentWorkspace"
    ) in done.stderr, done.stderr


def test_the_last_agency_is_shown_before_the_deferred_database_opens(
    db, db_path, sample, qtbot
) -> None:
    from assessor.services.first_paint import agency_summaries
    from assessor.ui.deferred_db import DeferredDatabase

    # a first run remembers the agency
    first = build_window(db, "en")
    qtbot.addWidget(first)
    first.page("agencies").select_agency(sample["agency"])
    first.close()
    db.close()

    rows = agency_summaries(db_path)
    assert rows is not None and [r.id for r in rows] == [sample["agency"]]
    handle = DeferredDatabase(db_path, lambda: open_database(db_path, interactive=False))
    window = build_window(handle, "en", rows)
    qtbot.addWidget(window)
    page = window.page("agencies")
    # the list and the remembered agency came from plain reads: no Database, no SQLAlchemy
    assert not handle.is_open
    assert page.model.rowCount() == 1
    assert page.detail is not None and page.detail.agency_id == sample["agency"]
    assert page.detail.meetings.rowCount() == 1
    assert handle.open_now() is not None
    window.database_ready()
    assert page.detail.agency_id == sample["agency"]
    window.close()
    handle.close()


def test_another_agency_is_shown_while_sqlalchemy_loads_and_an_edit_then_opens_it(
    db, db_path, sample, qtbot
) -> None:
    """Between the first paint and the real open the window is usable: choosing another agency
    reads it without the Database (no wait for SQLAlchemy); the first edit opens it."""
    from assessor.services import agencies
    from assessor.services.first_paint import agency_summaries
    from assessor.ui.deferred_db import DeferredDatabase

    with db.transaction() as s:
        other = agencies.create_agency(s, name="Skatteverket", org_number="202100-5448")
        agencies.create_contact(s, other, name="Cecilia Ek")
    db.close()
    opened: list[str] = []

    def opener():
        opened.append("now")
        return open_database(db_path, interactive=False)

    handle = DeferredDatabase(db_path, opener)
    window = build_window(handle, "en", agency_summaries(db_path))
    qtbot.addWidget(window)
    page = window.page("agencies")
    assert page.select_agency(sample["agency"])
    assert page.select_agency(other)
    assert page.detail is not None and page.detail.agency_id == other
    assert page.detail.name_edit.text() == "Skatteverket"
    assert page.detail.contacts.rowCount() == 1
    page.filter_edit.setText("skatt")
    assert page.proxy.rowCount() == 1
    assert opened == []  # all of it read without the Database
    plain = window.context._plain
    assert plain is not None  # the read-only connection of the loading moment
    page.detail.ministry_edit.setText("Finansdepartementet")
    page.detail.ministry_edit.editingFinished.emit()
    assert opened == ["now"]
    window.database_ready()  # what run_app says once the Database is open
    assert window.context._plain is None
    with pytest.raises(sqlite3.ProgrammingError):  # closed on the spot, not at the next read
        plain.execute("SELECT 1")
    with handle.read() as s:
        assert agencies.get_agency(s, other).ministry == "Finansdepartementet"
    window.close()
    handle.close()


def test_a_locked_database_exits_1_with_a_sentence(db_path, db, tmp_path) -> None:
    done = _run(["--db", str(db_path), "--exit-after-startup"], tmp_path)
    assert done.returncode == 1
    assert "already open" in done.stderr
    assert "Traceback" not in done.stderr


def test_pages_are_built_from_the_context_and_reach_the_database_through_it(db, qapp) -> None:
    from PySide6.QtWidgets import QWidget

    from assessor.services.agencies import list_agencies
    from assessor.ui.context import AppContext
    from assessor.ui.edits import Edits
    from assessor.ui.main_window import construct

    context = AppContext(db=db, edits=Edits(), language="sv")

    class Page(QWidget):
        def __init__(self, context: AppContext) -> None:
            super().__init__()
            self.got = context
            with context.db.read() as s:
                self.count = len(list_agencies(s))

    page = construct(Page, context)
    assert page.got is context
    assert page.count == 0
    # one way to the database: the context no longer stands in for it
    with pytest.raises(AttributeError):
        context.path  # noqa: B018


def test_every_section_opens(db, sample, qtbot) -> None:
    from PySide6.QtWidgets import QWidget

    window = build_window(db, "sv")
    qtbot.addWidget(window)
    window.show()
    for key in window.page_keys():
        page = window.show_page(key)
        # a section that failed to build is shown as a plain QWidget with an explanation
        assert type(page) is not QWidget, f"the {key} section could not be opened"
    window.close()


def test_a_deferred_database_that_cannot_open_says_so_once(tmp_path) -> None:
    from assessor.domain.errors import DatabaseError
    from assessor.ui.deferred_db import DeferredDatabase

    calls: list[int] = []
    handle = DeferredDatabase(tmp_path / "x.db", lambda: calls.append(1))  # -> None
    assert handle.path == tmp_path / "x.db" and not handle.is_open
    assert handle.open_now() is None
    assert handle.open_now() is None
    assert calls == [1]  # refused once: not asked again
    with pytest.raises(DatabaseError):
        handle.read()
    assert not hasattr(handle, "__deepcopy__")
    handle.close()  # nothing to close, no error


def test_a_page_asking_for_an_agency_gets_it_shown(db, sample, qtbot) -> None:
    from PySide6.QtCore import Signal
    from PySide6.QtWidgets import QWidget

    from assessor.ui.main_window import MainWindow

    class Asking(QWidget):
        open_agency = Signal(str)

        def __init__(self, context) -> None:
            super().__init__()

    window = build_window(db, "en")
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow)
    window.add_page("asking", "Asking", Asking)
    asking = window.show_page("asking")
    asking.open_agency.emit(sample["agency"])
    assert window.current_key() == "agencies"
    page = window.page("agencies")
    assert page.detail is not None and page.detail.agency_id == sample["agency"]
    window.close()


def test_the_window_s_own_options_keep_the_language_asked_for() -> None:
    """`assessor --lang sv` starts the window through a small parser of its own (the full
    command line is not built for it): --lang must reach the window there too."""
    from assessor.__main__ import window_args

    args = window_args(["--db", "x.db", "--lang", "sv", "--exit-after-startup"])
    assert args is not None
    assert (args.db, args.ui_lang, args.exit_after_startup) == ("x.db", "sv", True)
    assert window_args(["report", "--lang", "sv"]) is None  # a command: the full parser


def test_what_start_up_loaded_is_set_aside_from_the_collector_once_ready(
    db_path, sample, db, tmp_path
) -> None:
    """The window holds the garbage collector from its start until the Database is open, then
    freezes what start-up made (long_lived): a later export walks only its own objects."""
    db.close()
    probe = (
        "import gc, sys\n"
        "sys.argv=['assessor','--db',sys.argv[1],'--exit-after-startup']\n"
        "from assessor.ui import startup_clock\n"
        "clock = startup_clock.elapsed_ms\n"
        "def at_moment():\n"
        "    sys.stderr.write('GC:%s %d\\n' % (gc.isenabled(), gc.get_freeze_count()))\n"
        "    return clock()\n"
        "startup_clock.elapsed_ms = at_moment\n"
        "from assessor.__main__ import main\n"
        "raise SystemExit(main())\n"
    )
    done = _probe(probe, tmp_path, str(db_path))
    assert done.returncode == 0, done.stderr
    seen = [line[3:].split() for line in done.stderr.splitlines() if line.startswith("GC:")]
    (usable_on, usable_frozen), (ready_on, ready_frozen) = seen
    assert usable_on == "False" and int(usable_frozen) == 0  # held while starting
    assert ready_on == "True" and int(ready_frozen) > 50_000  # Qt, SQLAlchemy, our modules


def test_a_section_selected_by_assistive_technology_is_shown(db, sample, qtbot) -> None:
    """A screen reader or voice control chooses a list's item by selecting it (AT-SPI's
    selection), which leaves the current row where it was: the window follows."""
    from PySide6.QtCore import QItemSelectionModel

    window = build_window(db, "en")
    qtbot.addWidget(window)
    window.show_page("agencies")
    row = next(
        k
        for k in range(window.nav.count())
        if window.nav.item(k).data(Qt.ItemDataRole.UserRole) == "sync"
    )
    window.nav.selectionModel().select(
        window.nav.model().index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    assert window.stack.currentWidget() is window.page("sync")
    window.close()
