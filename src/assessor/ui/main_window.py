"""The main window: navigation on the left, one page at a time on the right, menus, status bar.

Pages are added with :meth:`MainWindow.add_page` and created only when first shown, so start-up
imports and builds only the first page. A page is any QWidget built from an
:class:`~assessor.ui.context.AppContext`; it may also have these methods, all optional:

- ``focus_search()``: Edit > Find (Ctrl+F) puts the cursor in its filter box;
- ``save_settings(settings)`` / ``restore_settings(settings)``: keep splitter sizes and the like
  (a QSettings already inside the page's own group);
- ``page_shown()``: called each time the page becomes the visible one (e.g. to refresh);
- ``database_ready()``: the database is open (it opens right after the first paint);
- ``export_report()``: File > Export report… for the assessment the page shows;
- an ``open_agency(str)`` signal: the window shows that agency on the Agencies page.

A page class takes the context as its first argument (see :func:`construct`).
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSize, Qt, SignalInstance
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from assessor.ui import settings
from assessor.ui.context import AppContext

PageFactory = Callable[[AppContext], QWidget]


def lazy(module: str, attribute: str) -> PageFactory:
    """A factory that imports ``module`` only when the page is first shown."""

    def factory(context: AppContext) -> QWidget:
        cls = getattr(importlib.import_module(module), attribute)
        return construct(cls, context)

    return factory


def construct(cls: Any, context: AppContext) -> QWidget:
    """Build a page: every page takes the window's AppContext, and nothing else."""
    return cls(context)  # type: ignore[no-any-return]


@dataclass
class _Page:
    key: str
    title: str
    factory: PageFactory
    item: QListWidgetItem
    widget: QWidget | None = None
    holder: QWidget | None = None


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        context.window = self
        self.edits = context.edits
        self._pages: dict[str, _Page] = {}
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("Assessor"))
        self.setAccessibleName(self.tr("Assessor main window"))

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Sections"))
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setUniformItemSizes(True)
        self.nav.setMinimumWidth(120)
        self.nav.setSpacing(3)
        self.nav.setFrameShape(QFrame.Shape.NoFrame)
        # a sidebar in the window's own colours (light or dark, as the system has it)
        self.nav.viewport().setBackgroundRole(QPalette.ColorRole.Window)
        nav_font = self.nav.font()
        nav_font.setPointSizeF(nav_font.pointSizeF() * 1.1)
        self.nav.setFont(nav_font)
        self.nav.currentRowChanged.connect(self._on_nav_row)
        # assistive technology chooses a section by selecting it (AT-SPI's selection), which
        # moves no current row: follow the selection too
        self.nav.itemSelectionChanged.connect(self._on_nav_selection)

        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([120, 980])
        self.setCentralWidget(self.splitter)

        self._build_menus()
        self.edits.failed.connect(lambda text: self.statusBar().showMessage(text, 8000))
        # the file's name; its full path (often long) in the tooltip
        self.db_label = QLabel(context.db.path.name)
        self.db_label.setToolTip(str(context.db.path))
        self.db_label.setAccessibleName(self.tr("Database file"))
        self.db_label.setAccessibleDescription(str(context.db.path))
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(self.db_label)
        self.resize(1100, 720)
        from assessor.ui.refocus import RefocusAfterDialogs

        self._refocus = RefocusAfterDialogs(self)

    # --- pages ---

    def add_page(self, key: str, title: str, factory: PageFactory) -> None:
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, title)
        holder = QWidget()  # replaced by the real page on first show
        self.stack.addWidget(holder)
        self._pages[key] = _Page(key, title, factory, item, holder=holder)
        self.nav.addItem(item)

    def page_keys(self) -> list[str]:
        return list(self._pages)

    def page(self, key: str) -> QWidget:
        """The page's widget, created now if it was not yet."""
        page = self._pages[key]
        if page.widget is None:
            page.widget = self._create(page)
        return page.widget

    def current_key(self) -> str | None:
        item = self.nav.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def show_page(self, key: str) -> QWidget:
        page = self._pages[key]
        self.nav.setCurrentItem(page.item)  # -> _on_nav_row
        return self.page(key)

    def _create(self, page: _Page) -> QWidget:
        try:
            widget = page.factory(self.context)
        except Exception as exc:  # a broken page must not take the window down
            logging.getLogger(__name__).exception("page %s failed to open", page.key)
            widget = QWidget()
            lay = QVBoxLayout(widget)
            label = QLabel(self.tr("This section could not be opened: %1").replace("%1", str(exc)))
            label.setWordWrap(True)
            lay.addWidget(label)
            lay.addStretch(1)
        widget.setObjectName(f"page_{page.key}")
        opener = getattr(widget, "open_agency", None)  # a page asking for an agency (portfolio)
        if opener is not None and hasattr(opener, "connect"):
            opener.connect(self.show_agency)
        if page.holder is not None:
            self.stack.insertWidget(self.stack.indexOf(page.holder), widget)
            self.stack.removeWidget(page.holder)
            page.holder.deleteLater()
            page.holder = None
        wants_agency = getattr(widget, "open_agency", None)
        if isinstance(wants_agency, SignalInstance):  # e.g. the portfolio's rows
            wants_agency.connect(self.open_agency)
        restore = getattr(widget, "restore_settings", None)
        if restore is not None:
            s = settings.store()
            s.beginGroup(f"page/{page.key}")
            try:
                restore(s)
            finally:
                s.endGroup()
        return widget

    def _on_nav_selection(self) -> None:
        chosen = self.nav.selectedItems()
        if chosen and self.nav.row(chosen[0]) != self.nav.currentRow():
            self.nav.setCurrentItem(chosen[0])  # -> _on_nav_row

    def _on_nav_row(self, row: int) -> None:
        if row < 0:
            return
        key = str(self.nav.item(row).data(Qt.ItemDataRole.UserRole))
        self.edits.flush()
        widget = self.page(key)
        self.stack.setCurrentWidget(widget)
        shown = getattr(widget, "page_shown", None)
        if shown is not None:
            shown()

    def open_agency(self, agency_id: str) -> None:
        """Show one agency on the Agencies page (pages ask for it with an open_agency signal)."""
        if "agencies" not in self._pages:
            return
        page = self.show_page("agencies")
        clear = getattr(page, "filter_edit", None)
        if clear is not None:
            clear.clear()
        select = getattr(page, "select_agency", None)
        show = getattr(page, "show_agency", None)
        if select is not None:
            select(agency_id)
        if show is not None:  # also when it was selected already, behind a meeting
            show(agency_id)

    def database_ready(self) -> None:
        """Tell the pages built so far that the database is open (see app.run_app)."""
        self.context.database_opened()
        for page in self._pages.values():
            ready = getattr(page.widget, "database_ready", None) if page.widget else None
            if ready is not None:
                ready()

    # --- menus ---

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.new_agency_action = QAction(self.tr("&New agency…"), self)
        self.new_agency_action.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        self.new_agency_action.triggered.connect(self.new_agency)
        file_menu.addAction(self.new_agency_action)
        self.export_report_action = QAction(self.tr("&Export report…"), self)
        self.export_report_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_report_action.triggered.connect(self.export_report)
        file_menu.addAction(self.export_report_action)
        file_menu.addSeparator()
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        self.undo_action, self.redo_action = self.edits.make_actions(self)
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.find_action = QAction(self.tr("&Find…"), self)
        self.find_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        self.find_action.triggered.connect(self.focus_search)
        edit_menu.addAction(self.find_action)
        edit_menu.addSeparator()
        self.identity_action = QAction(self.tr("&Who uses this laptop…"), self)
        self.identity_action.triggered.connect(self.edit_identity)
        edit_menu.addAction(self.identity_action)

        self.go_menu = bar.addMenu(self.tr("&Go"))
        help_menu = bar.addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Assessor"), self)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self.about)
        help_menu.addAction(about)

    def add_go_actions(self) -> None:
        """One Go menu entry per page, Ctrl+1, Ctrl+2, ... (call after the pages are added)."""
        self.go_menu.clear()
        for n, page in enumerate(self._pages.values(), start=1):
            action = QAction(page.title, self)
            if n <= 9:
                action.setShortcut(QKeySequence(f"Ctrl+{n}"))
            action.triggered.connect(lambda _=False, k=page.key: self.show_page(k))
            self.go_menu.addAction(action)

    def new_agency(self) -> None:
        if "agencies" not in self._pages:
            return
        page = self.show_page("agencies")
        create = getattr(page, "new_agency", None)
        if create is not None:
            create()

    def show_agency(self, agency_id: str) -> None:
        """Show an agency on the agencies page (e.g. one the portfolio suggests to contact)."""
        if "agencies" not in self._pages:
            return
        page = self.show_page("agencies")
        select = getattr(page, "select_agency", None)
        if select is not None and not select(agency_id):  # hidden by the list's filter
            show = getattr(page, "show_agency", None)
            if show is not None:
                show(agency_id)

    def export_report(self) -> None:
        """The report of the assessment open (or chosen) on the current page."""
        key = self.current_key()
        export = getattr(self.page(key), "export_report", None) if key else None
        if export is None:
            self.statusBar().showMessage(self.tr("Open or choose an assessment first."), 6000)
            return
        export()

    def edit_identity(self) -> None:
        """Name and e-mail shown to colleagues beside what this laptop writes."""
        from assessor.ui.identity_dialog import IdentityDialog

        dialog = IdentityDialog(self.context.db, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def focus_search(self) -> None:
        key = self.current_key()
        if key is None:
            return
        focus = getattr(self.page(key), "focus_search", None)
        if focus is not None:
            focus()

    def about(self) -> None:
        from assessor import __version__

        QMessageBox.about(
            self,
            self.tr("About Assessor"),
            self.tr(
                "Assessor %1\n\nAssess government agencies' digital maturity: meetings, "
                "scoring, findings, recommendations and reports, offline, synced by file."
            ).replace("%1", __version__),
        )

    # --- window state ---

    def restore_state(self) -> None:
        s = settings.store()
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = s.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        sizes = s.value("window/splitter")
        if isinstance(sizes, QByteArray) and not sizes.isEmpty():
            self.splitter.restoreState(sizes)
        last = s.value("window/page")
        key = str(last) if last and str(last) in self._pages else None
        if key is None and self._pages:
            key = next(iter(self._pages))
        if key is not None:
            self.show_page(key)

    def save_state(self) -> None:
        s = settings.store()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/splitter", self.splitter.saveState())
        key = self.current_key()
        if key is not None:
            s.setValue("window/page", key)
        for page in self._pages.values():
            save = getattr(page.widget, "save_settings", None) if page.widget else None
            if save is not None:
                s.beginGroup(f"page/{page.key}")
                try:
                    save(s)
                finally:
                    s.endGroup()
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.edits.flush()
        self.save_state()
        super().closeEvent(event)
