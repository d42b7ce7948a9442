"""local full-text search index

Revision ID: 0002
Revises: 0001

The index is local (never synced, never exported): services/search.py fills it from the synced
rows and can rebuild it at any time, e.g. after a sync import.
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE local_search USING fts5("
        "kind UNINDEXED, row_id UNINDEXED, agency_id UNINDEXED, title, body, "
        "tokenize = 'unicode61 remove_diacritics 2')"
    )
    op.execute("DELETE FROM local_meta WHERE key = 'search.indexed_to'")


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS local_search")
    op.execute("DELETE FROM local_meta WHERE key = 'search.indexed_to'")
