"""The vocabulary's words (domain/vocabulary.py) in the window's language.

Codes (a status, a meeting kind, a priority) are worded here rather than by Qt's .ts files, so
the window, the reports and the Sync page say the same word. The window's language is the one
``app.install_translations`` chose (it sets the messages' language too).
"""

from __future__ import annotations

from assessor.domain import messages, vocabulary


def window_language() -> str:
    return messages.language()


def word(group: str, code: str) -> str:
    """``word("assessment_status", "in_review")``: "Under granskning" in a Swedish window."""
    return vocabulary.word(group, code, window_language())


def words(group: str) -> dict[str, str]:
    """Code -> word for a whole group, in the order users see it."""
    return vocabulary.words(group, window_language())
