"""File names that came from elsewhere (a package, a colleague, a drop): never used as paths.

A stored file name is a label. When a file is written out (a copy, an export, the archive) the
name is reduced to one harmless component: no folders, no drive letters, no device names, no
control characters, no leading dots; the folder is always one the user chose.
"""

from __future__ import annotations

import re
import unicodedata

MAX_NAME = 120
_FORBIDDEN = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
_WINDOWS_DEVICES = frozenset(
    {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(10)} | {f"lpt{i}" for i in range(10)}
)


def base_name(name: str) -> str:
    """The last component of a name given with any separator ('../../x' -> 'x')."""
    return re.split(r"[/\\]", name)[-1]


def safe_file_name(name: str, fallback: str = "file") -> str:
    """One file name, safe to create in a chosen folder on Windows, macOS and Linux."""
    text = unicodedata.normalize("NFC", base_name(name))
    text = _FORBIDDEN.sub("_", text).strip().lstrip(".").rstrip(". ")
    if not text:
        text = fallback
    stem, dot, ext = text.rpartition(".")
    if not dot:
        stem, ext = text, ""
    if stem.lower() in _WINDOWS_DEVICES:
        stem = "_" + stem
    ext = ext[:16]
    stem = stem[: MAX_NAME - len(ext) - 1] if ext else stem[:MAX_NAME]
    return f"{stem}.{ext}" if ext else stem


def clean_label(name: str) -> str:
    """A file name kept as a label: one line, no control characters, of bounded length."""
    text = unicodedata.normalize("NFC", base_name(name))
    return _FORBIDDEN.sub("_", text).strip()[: MAX_NAME * 2]
