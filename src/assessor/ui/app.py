"""Starting the desktop app: language, database, main window, `--exit-after-startup`.

Start-up imports only what the first screen needs: Qt widgets, the agency list and the
remembered agency, read with the standard library's sqlite3 (services.agency_reads); SQLAlchemy
and the full Database load on a worker from the first paint on, for the first edit. Other
pages (and ReportLab, the sync engine) are imported when first opened.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from assessor import long_lived
from assessor.ui import settings, startup_clock

if TYPE_CHECKING:
    from assessor.store.db import Database
    from assessor.ui.main_window import MainWindow

LANGUAGES = ("sv", "en")


def choose_language(requested: str | None, system: QLocale | None = None) -> str:
    """--lang wins; else Swedish where the system locale is Swedish; else English."""
    if requested in LANGUAGES:
        return str(requested)
    locale = system if system is not None else QLocale.system()
    if locale.language() == QLocale.Language.Swedish:
        return "sv"
    for name in locale.uiLanguages():
        if name.lower().startswith("sv"):
            return "sv"
    return "en"


def install_translations(app: QApplication, language: str) -> list[QTranslator]:
    """Load our .qm and Qt's own (standard buttons and dialogs) for the language; errors from
    below the window are worded in it too."""
    from assessor.domain.messages import set_language
    from assessor.paths import resource

    set_language(language)

    QLocale.setDefault(
        QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden)
        if language == "sv"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    )
    loaded: list[QTranslator] = []
    ours = QTranslator(app)
    try:
        folder = str(resource("i18n"))
    except FileNotFoundError:
        folder = ""
    if folder and ours.load(f"assessor_{language}", folder):
        app.installTranslator(ours)
        loaded.append(ours)
    if language != "en":
        qt = QTranslator(app)
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(f"qtbase_{language}", qt_folder):
            app.installTranslator(qt)
            loaded.append(qt)
        from assessor.ui import qt_words

        words = qt_words.install(app, language)  # after Qt's own: asked first
        if words is not None:
            loaded.append(words)
    return loaded


def _explain(title: str, message: str, interactive: bool) -> None:
    if interactive:
        QMessageBox.critical(None, title, message)
    else:
        print(f"assessor: {message}", file=sys.stderr)


def open_database(path: Path | None, interactive: bool) -> Database | None:
    """Open (or on first run create) the database; explain any refusal and return None."""
    from assessor.domain.errors import AssessorError, DatabaseLocked, NewerSchema
    from assessor.paths import default_db_path
    from assessor.store.db import Database

    explicit = path is not None
    target = Path(path) if path is not None else default_db_path()
    where = str(target)
    title = QApplication.translate("App", "Assessor cannot open the database")
    try:
        if not target.exists() or target.stat().st_size == 0:
            if explicit and not _may_create(target, interactive):
                missing = QApplication.translate("App", "There is no database at %1.")
                _explain(title, missing.replace("%1", where), interactive=False)
                return None
            from assessor.services.setup import init_database

            return init_database(target)
        return Database(target)
    except DatabaseLocked:
        message = QApplication.translate(
            "App",
            "%1 is already open in another Assessor window or command. "
            "Close that one first, then start Assessor again.",
        )
    except NewerSchema:
        message = QApplication.translate(
            "App",
            "%1 was written by a newer version of Assessor. "
            "Install the newer version to open it; this version will not change the file.",
        )
    except AssessorError as exc:
        message = QApplication.translate("App", "%1 cannot be used: %2").replace("%2", exc.message)
    except OSError as exc:
        message = QApplication.translate("App", "%1 cannot be read or written: %2").replace(
            "%2", exc.strerror or str(exc)
        )
    _explain(title, message.replace("%1", where), interactive)
    return None


def _may_create(target: Path, interactive: bool) -> bool:
    if not interactive:
        return False
    answer = QMessageBox.question(
        None,
        QApplication.translate("App", "Create a new database?"),
        QApplication.translate(
            "App", "There is no database at %1.\n\nCreate a new, empty one there?"
        ).replace("%1", str(target)),
    )
    return answer == QMessageBox.StandardButton.Yes


def build_window(db: Database, language: str, first_rows: list[Any] | None = None) -> MainWindow:
    from assessor.ui.context import AppContext
    from assessor.ui.edits import Edits
    from assessor.ui.main_window import MainWindow
    from assessor.ui.pages import add_pages

    _accessibility()
    edits = Edits()
    context = AppContext(db=db, edits=edits, language=language, first_rows=first_rows)
    window = MainWindow(context)
    edits.setParent(window)
    add_pages(window)
    window.restore_state()
    return window


def _accessibility() -> None:
    """The application-wide rules for keyboard, focus and contrast (docs/accessibility.md)."""
    from assessor.ui import focus_ring, keyboard, theme

    theme.apply()
    keyboard.install()
    focus_ring.install()


class _FirstPaint(QObject):
    """Calls back once, right after the window's first paint has been delivered."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._then = then
        self._seen = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._seen and event.type() == QEvent.Type.Paint:
            self._seen = True
            # let this paint finish and reach the screen before the callback; no later event
            # of the window need pass through Python here
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)
        return False


def _give_up(outcome: dict[str, int]) -> None:
    print("assessor: the window was not painted within two minutes", file=sys.stderr)
    outcome["code"] = 1
    QApplication.exit(1)


def _quick_rows(path: Path) -> list[Any] | None:
    """The agency list for the first paint without SQLAlchemy, when the file allows it."""
    if not path.is_file():
        return None
    from assessor.services.first_paint import agency_summaries

    return agency_summaries(path)


def unwrap_imports() -> bool:
    """Give `import` back its plain form once Qt is loaded; True if it was wrapped.

    PySide6 wraps `import` for its optional `from __feature__ import snake_case` (which this
    program never uses): from then on every module imported pays for a look at its importer,
    a fifth more time on what the window loads after Qt (SQLAlchemy, the pages). Modules that
    selected a feature would need the wrapper, so it stays when any has.
    """
    import builtins

    from assessor.ui import PLAIN_IMPORT

    current = builtins.__import__
    if current is PLAIN_IMPORT or getattr(current, "__name__", "") != "__feature_import__":
        return False
    feature = sys.modules.get("shibokensupport.feature")
    selected = getattr(feature, "pyside_feature_dict", {})
    if any(isinstance(v, int) and v > 0 for v in selected.values()):
        return False
    builtins.__import__ = PLAIN_IMPORT
    return True


def run_app(args: argparse.Namespace) -> int:
    """Start the window. With a ready database file the first screen is read plainly
    (services.agency_reads) and the full Database (SQLAlchemy, lock) opens once SQLAlchemy has
    loaded on a worker; otherwise the Database opens first (first run, a migration due)."""
    exit_after = bool(getattr(args, "exit_after_startup", False))
    collecting = long_lived.hold()  # until the Database is open (long_lived says why)
    unwrap_imports()
    settings.set_names()
    # argv[0] names the window's class on X11 (WM_CLASS); "python -m assessor" would make it
    # "__main__.py", which desktops show and cannot match to the .desktop file
    app = QApplication.instance() or QApplication(["assessor"])
    assert isinstance(app, QApplication)
    app.setApplicationDisplayName("Assessor")
    app.setDesktopFileName("se.assessor.Assessor")
    language = choose_language(getattr(args, "ui_lang", None))
    install_translations(app, language)
    _set_icon(app)

    db_arg = getattr(args, "db", None)
    explicit = Path(db_arg) if db_arg else None
    if explicit is not None:
        target = explicit
    else:
        from assessor.paths import default_db_path

        target = default_db_path()
    interactive = not exit_after
    first_rows = _quick_rows(target)
    db: Any
    if first_rows is not None:
        from assessor.ui.deferred_db import DeferredDatabase

        db = DeferredDatabase(target, lambda: open_database(explicit, interactive))
    else:
        db = open_database(explicit, interactive)
        if db is None:
            return 1
    outcome = {"code": 0}

    def after_first_paint() -> None:
        if getattr(db, "is_open", True):
            open_for_real()
            return
        # the first screen is on it, read without SQLAlchemy: the window is usable now, and
        # SQLAlchemy loads on a worker for the first edit (docs/architecture.md, start-up)
        db.warm_up(open_for_real)
        if exit_after:
            QTimer.singleShot(0, report_usable)

    def open_for_real() -> None:
        opened = getattr(db, "open_now", None)
        if opened is not None and opened() is None:  # refused after all: already explained
            outcome["code"] = 1
            window.close()
            QApplication.exit(1)
            return
        window.database_ready()
        long_lived.settle(collecting)
        if exit_after:
            # read once the events that showing the data posted have run: the window is idle
            # and answers the first click without waiting for anything
            QTimer.singleShot(0, report_ready)

    usable: list[float] = []

    def report_usable() -> None:
        usable.append(startup_clock.elapsed_ms())

    def report_ready() -> None:
        # two figures: the window usable (data on screen, idle), then ready for an edit too
        # (SQLAlchemy loaded and the Database open); the same moment when nothing was deferred
        ready = startup_clock.elapsed_ms()
        print(f"{usable[0] if usable else ready:.0f}", flush=True)
        print(f"{ready:.0f}", flush=True)
        window.close()
        QApplication.exit(0)

    try:
        window = build_window(db, language, first_rows)
        _FirstPaint(window, after_first_paint)
        if exit_after:  # a window that never paints (no display) must not hang a benchmark
            QTimer.singleShot(120_000, lambda: _give_up(outcome))
        window.show()
        code = app.exec()
        return outcome["code"] or code
    finally:
        from assessor.ui import tasks

        tasks.wait_all(10000)
        db.close()


def _set_icon(app: QApplication) -> None:
    from PySide6.QtGui import QIcon

    from assessor.paths import resource

    try:
        path = resource("icons", "assessor.svg")
    except FileNotFoundError:
        return
    if path.exists():
        app.setWindowIcon(QIcon(str(path)))
