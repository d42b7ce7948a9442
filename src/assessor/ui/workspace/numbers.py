"""Numbers as the user reads them: in the locale of the chosen language ("2,5" in Swedish).

The application sets ``QLocale.setDefault`` for the language (``ui/app.py``), so a default
``QLocale()`` formats as the PDF report and the heat map do.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale


def number(value: float | None, decimals: int = 1, missing: str = "–") -> str:
    if value is None:
        return missing
    return QLocale().toString(float(value), "f", decimals)


def signed(value: float | None, decimals: int = 2, missing: str = "–") -> str:
    """With a plus sign for a rise, so a change reads as one."""
    if value is None:
        return missing
    text = number(value, decimals)
    return QLocale().positiveSign() + text if round(value, decimals) > 0 else text
