"""XML's markup characters in text as entities, for paragraph markup and the XMP packet.

What ``xml.sax.saxutils.escape`` does, without importing urllib.request and http.client with it
(a few milliseconds of every report's start).
"""

from __future__ import annotations


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities; the ampersand first, so no entity is escaped twice."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
