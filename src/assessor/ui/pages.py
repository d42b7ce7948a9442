"""The window's sections, in navigation order. Each is imported only when first shown."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from assessor.ui.main_window import MainWindow, lazy

# key, title (translated in context "Pages"), module, class
PAGES = (
    ("agencies", QT_TRANSLATE_NOOP("Pages", "Agencies"), "assessor.ui.agency_page", "AgenciesPage"),
    (
        "portfolio",
        QT_TRANSLATE_NOOP("Pages", "Portfolio"),
        "assessor.ui.portfolio_page",
        "PortfolioPage",
    ),
    (
        "checklists",
        QT_TRANSLATE_NOOP("Pages", "Checklists"),
        "assessor.ui.checklists_page",
        "ChecklistsPage",
    ),
    ("sync", QT_TRANSLATE_NOOP("Pages", "Sync"), "assessor.ui.sync_page", "SyncPage"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Pages", text)


def add_pages(window: MainWindow) -> None:
    for key, title, module, attribute in PAGES:
        window.add_page(key, _tr(str(title)), lazy(module, attribute))
    window.add_go_actions()
