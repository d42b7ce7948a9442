"""The window's language for widgets built without the window's AppContext (a workspace or
meeting mode opened on their own, as tests and benchmarks open them)."""

from __future__ import annotations

from PySide6.QtCore import QLocale


def ui_language() -> str:
    """ "sv" when Qt's default locale (set from the chosen language at start-up) is Swedish."""
    return "sv" if QLocale().language() == QLocale.Language.Swedish else "en"
