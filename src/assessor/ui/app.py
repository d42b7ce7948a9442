"""Starting the desktop app: language, database, main window, `--exit-after-startup`.

Start-up imports only what the first paint needs: Qt widgets, the database layer and the
agency list. Other pages (and ReportLab, the sync engine) are imported when first opened.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from assessor.ui import (
    settings,
    startup_clock,
)

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
    """Load our .qm and Qt's own (standard buttons and dialogs) for the language."""
    from assessor.paths import resource

    QLocale.setDefault(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden)
                       if language == "sv" else QLocale(QLocale.Language.English,
                                                        QLocale.Country.UnitedKingdom))
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


def build_window(db: Database, language: str) -> MainWindow:
    from assessor.ui.context import AppContext
    from assessor.ui.edits import Edits
    from assessor.ui.main_window import MainWindow
    from assessor.ui.pages import add_pages

    edits = Edits()
    context = AppContext(db=db, edits=edits, language=language)
    window = MainWindow(context)
    edits.setParent(window)
    add_pages(window)
    window.restore_state()
    return window


class _FirstPaint(QObject):
    """Prints the milliseconds since process start at the window's first paint, then quits."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._seen = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._seen and event.type() == QEvent.Type.Paint:
            self._seen = True
            # let this paint finish and reach the screen before the clock stops
            QTimer.singleShot(0, self._done)
        return False

    def _done(self) -> None:
        print(f"{startup_clock.elapsed_ms():.0f}", flush=True)
        self._window.close()
        QApplication.exit(0)


def run_app(args: argparse.Namespace) -> int:
    exit_after = bool(getattr(args, "exit_after_startup", False))
    settings.set_names()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationDisplayName("Assessor")
    app.setDesktopFileName("se.assessor.Assessor")
    language = choose_language(getattr(args, "lang", None))
    install_translations(app, language)
    _set_icon(app)

    db_arg = getattr(args, "db", None)
    db = open_database(Path(db_arg) if db_arg else None, interactive=not exit_after)
    if db is None:
        return 1
    try:
        window = build_window(db, language)
        if exit_after:
            _FirstPaint(window)
        window.show()
        code = app.exec()
        if exit_after:
            return 0 if code == 0 else code
        return code
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
