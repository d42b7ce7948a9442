"""Every table's and tree's column headings look alike, whoever made the view.

Qt draws a table's headings bold over the columns of a selected row (``highlightSections``,
on for tables and off for trees), and centres a table's headings where a tree puts them on the
left. So one page showed bold headings in one list and plain ones in the next, changing as rows
were chosen, and a heading measured plain no longer fitted once drawn bold. Rather than a call
at each of the window's views (and one forgotten in the next), :func:`same_look` is applied to
every header as it is first shown, by the application-wide filter of ``ui/keyboard.py``: plain
headings in the header's own font, on the left and centred in height, as most desktop programs
draw them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QWidget

ALIGNMENT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def same_look(widget: QWidget) -> None:
    """The window's one look for column headings (other widgets are left as they are)."""
    if isinstance(widget, QHeaderView) and widget.orientation() == Qt.Orientation.Horizontal:
        widget.setHighlightSections(False)
        widget.setDefaultAlignment(ALIGNMENT)
