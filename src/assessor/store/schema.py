"""The schema revisions this program knows, readable without importing Alembic.

A test checks these against the Alembic scripts, so they cannot drift apart.
"""

from __future__ import annotations

REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005", "0006")
HEAD = REVISIONS[-1]

# Columns a revision added to synced tables, as the clock bit of the field group each one is
# (its place in models' column order, after every older group). Written out rather than
# computed from the models: what a released revision did must not move when models change.
ADDED_GROUPS: dict[str, dict[str, int]] = {
    "0005": {"assessment": 7, "report_record": 10},
}
