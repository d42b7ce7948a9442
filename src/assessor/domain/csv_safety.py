"""A CSV cell that a spreadsheet reads as text, never as a formula.

LibreOffice and Excel evaluate a CSV cell that starts with "=", "+", "-" or "@" (and some
start a formula after a leading tab or carriage return): user text such as
``=HYPERLINK("http://...")`` would become a live link or a calculation when the export is
opened. Such a text is written with a leading apostrophe, the spreadsheets' own mark for
"this is text" (OWASP's advice for CSV injection). Numbers, dates and booleans are values of
their own type and are left alone, so a negative number stays a number.
"""

from __future__ import annotations

from typing import TypeVar

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_T = TypeVar("_T")


def neutral_cell(value: _T) -> _T | str:
    """``value`` as it goes into a CSV file: a text a spreadsheet would evaluate is marked."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
