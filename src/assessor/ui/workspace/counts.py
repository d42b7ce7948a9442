"""How many questions are answered, said the same way everywhere (navigator, bars, lists).

One definition, the report's: a question is answered when it has a level; one marked not
applicable (N/A) leaves the count, so "4/4" means every applicable question has a level.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def counts_text(answered: int, applicable: int, not_applicable: int) -> str:
    """E.g. "4 of 4 applicable questions answered; 1 not applicable"."""
    text = QCoreApplication.translate(
        "Counts", "%1 of %n applicable questions answered", "", applicable
    ).replace("%1", str(answered))
    if not_applicable:
        text += "; " + QCoreApplication.translate("Counts", "not applicable: %1").replace(
            "%1", str(not_applicable)
        )
    return text


def counts_short(answered: int, applicable: int) -> str:
    """The compact form beside a title or in a table cell: "4/4"."""
    return f"{answered}/{applicable}"
