"""Window state kept between runs, with QSettings (organisation "Assessor").

Tests call :func:`use_folder` so nothing is written to the user's real settings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings

ORGANISATION = "Assessor"
APPLICATION = "Assessor"


def set_names() -> None:
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)


def use_folder(folder: Path) -> None:
    """Keep settings as an INI file in ``folder`` (tests; a portable install)."""
    set_names()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))


def store() -> QSettings:
    set_names()
    return QSettings()


def value(key: str, default: Any = None, kind: type | None = None) -> Any:
    s = store()
    if kind is None:
        return s.value(key, default)
    return s.value(key, default, type=kind)


def set_value(key: str, data: Any) -> None:
    s = store()
    s.setValue(key, data)
