"""What an edit changed, as the window tells its pages (``Edits.changed``).

A typed value rather than a table name in a string: a page states the tables it shows
(``change.touches(Table.MEETING)``), a misspelt table is an AttributeError instead of a page
that silently never refreshes, and "everything" (an undo step that touched several kinds of
rows) is a value of its own rather than an empty string.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Table(StrEnum):
    """The tables whose rows the window's pages list (the values are the tables' names)."""

    AGENCY = "agency"
    CONTACT = "contact"
    MEETING = "meeting"
    MEETING_ADVISOR = "meeting_advisor"
    MEETING_PARTICIPANT = "meeting_participant"
    MEETING_NOTE = "meeting_note"
    ACTION_ITEM = "action_item"
    ASSESSMENT = "assessment"
    ANSWER = "answer"
    FINDING = "finding"
    RECOMMENDATION = "recommendation"
    RECOMMENDATION_DIMENSION = "recommendation_dimension"
    RECOMMENDATION_TEMPLATE = "recommendation_template"
    ATTACHMENT = "attachment"
    MAPPING_SET = "mapping_set"


@dataclass(frozen=True)
class Change:
    """The tables some rows of which changed; none named means anything may have changed."""

    tables: frozenset[Table] = frozenset()

    @classmethod
    def of(cls, *tables: Table) -> Change:
        return cls(frozenset(tables))

    @property
    def everything(self) -> bool:
        return not self.tables

    def touches(self, *tables: Table) -> bool:
        return self.everything or not self.tables.isdisjoint(tables)


EVERYTHING = Change()
