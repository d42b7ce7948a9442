"""Where exported files go and what they are called: the folder of the last export (else the
documents folder), a report's file name from its agency, title and language, the user's name
as its author. Used by every page that writes a file."""

from __future__ import annotations

import getpass
import re
from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from assessor.ui import settings

# characters no file system of ours accepts in a name (Windows is the strictest)
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')
# QSettings key of the folder the last report went to
FOLDER_KEY = "export/folder"


def user_name() -> str:
    """Who is logged in, as the default author of an export ("" when it cannot be told)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


def report_file_name(
    agency: str, title: str, assessed_on: date | None, language: str, suffix: str = "pdf"
) -> str:
    """E.g. "Arbetsförmedlingen – Uppföljning 2025 (sv).pdf": one name per assessment and
    language, so exporting another assessment does not overwrite the first."""
    what = title.strip() or (assessed_on.isoformat() if assessed_on else "")
    stem = " – ".join(part for part in (agency.strip(), what) if part) or "report"
    stem = _UNSAFE.sub("-", stem)
    stem = " ".join(stem.split())[:150].strip(" .-") or "report"
    return f"{stem} ({language}).{suffix}"


def default_folder() -> Path:
    """The folder of the last export, else the documents folder, else home."""
    last = settings.value(FOLDER_KEY)
    if last and Path(str(last)).is_dir():
        return Path(str(last))
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()
