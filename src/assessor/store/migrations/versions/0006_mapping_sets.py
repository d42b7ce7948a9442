"""mapping sets between frameworks as a synced table (they were JSON files in the data folder)

Revision ID: 0006
Revises: 0005

A new synced table, no change to the old ones: every clock stays as it was. The mapping sets
an advisor kept before (one JSON file per set in the data folder's mappings/) are read into
it here, once; the files are left where they are (another database of the same user reads
them at its own upgrade) and nothing reads them afterwards. A file that cannot be read, or
holds a set the program would now refuse, is left out and left alone. The rows are written
without clocks: the Database stamps them under this file's own site right after the
migration (store/db.py), as any row written around the session is stamped.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _kept_files() -> list[dict[str, Any]]:
    """The mapping sets in the data folder, as rows; what cannot be read is skipped."""
    from assessor.domain.mapping import mapping_problem
    from assessor.paths import data_dir
    from assessor.store.models import derived_id

    folder = data_dir() / "mappings"
    now = datetime.now(UTC).replace(tzinfo=None)
    rows: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else ():
        try:
            data = json.loads(path.read_text("utf-8"))
            key, name = data["id"], data["name"]
            source, target = data["source_framework"], data["target_framework"]
            links = [list(link) for link in data["links"]]
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if mapping_problem(key, name, source, target, links) is not None:
            continue
        rows[key] = {
            "id": derived_id("mapping_set", key),
            "created_at": now,
            "updated_at": now,
            "deleted_at": None,
            "key": key,
            "name": name,
            "source_framework": source,
            "target_framework": target,
            "links": links,
        }
    return [rows[k] for k in sorted(rows)]


def upgrade() -> None:
    table = op.create_table(
        "mapping_set",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("source_framework", sa.Text(), nullable=False),
        sa.Column("target_framework", sa.Text(), nullable=False),
        sa.Column("links", sa.JSON(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mapping_set")),
    )
    rows = _kept_files()
    if rows and table is not None:
        op.bulk_insert(table, rows)


def downgrade() -> None:
    op.drop_table("mapping_set")
