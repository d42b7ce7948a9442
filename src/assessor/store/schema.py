"""The schema revisions this program knows, readable without importing Alembic.

A test checks these against the Alembic scripts, so they cannot drift apart.
"""

from __future__ import annotations

REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004")
HEAD = REVISIONS[-1]
