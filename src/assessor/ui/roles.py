"""Every custom item-data role of the window's models, declared once.

Numbers are distinct across the whole window, so a role read from the wrong model gives None
instead of some other model's value.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

_USER = Qt.ItemDataRole.UserRole

ID_ROLE = _USER + 1  # the row's id (a UUID string), in every table and list
ROW_ROLE = _USER + 2  # the row itself (a frozen dataclass from a service)
SORT_ROLE = _USER + 3  # a value to sort by where the shown text would sort wrongly (counts)
TEXT_ROLE = _USER + 4  # the full text of a tree item, for a detail line below the tree
DIMENSION_ID_ROLE = _USER + 5  # the workspace's navigator: a dimension's id
ANSWERED_ROLE = _USER + 6  # the workspace's navigator: the question is answered
THUMBNAIL_ROLE = _USER + 7  # an attachment list: the item shows a picture of the file
AGENCY_ROLE = _USER + 11  # the portfolio: the agency a cell is about
MARKED_ROLE = _USER + 12  # a search hit's text as rich text, the matched words in bold
