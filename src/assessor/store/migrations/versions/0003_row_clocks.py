"""row clocks: sync_row and sync_site replace sync_stamp; the conflict log follows from them;
site_advisor names the advisor behind each site

Revision ID: 0003
Revises: 0002

See store/legacy_stamps.py for how the old stamps and log become row clocks.
"""

from __future__ import annotations

import sqlite3
from typing import cast

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from assessor.store import clocks, legacy_stamps
    from assessor.store.models import SYNCED_MODELS
    from assessor.store.stamping import SEEN_KEY, groups_of

    op.create_table(
        "sync_row",
        sa.Column("table_name", sa.Text(), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("clock", sa.Text(), nullable=False),
        sa.Column("top", sa.Integer(), nullable=False),
        sa.Column("conflicted", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_id", name=op.f("pk_sync_row")),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_sync_row_conflicted", "sync_row", ["conflicted"], unique=False,
                    sqlite_where=sa.text("conflicted = 1"))
    op.create_table(
        "sync_site",
        sa.Column("no", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("site_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("no", name=op.f("pk_sync_site")),
        sa.UniqueConstraint("site_id"),
    )
    op.create_table(
        "site_advisor",
        sa.Column("advisor_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["advisor_id"], ["advisor.id"],
                                name=op.f("fk_site_advisor_advisor_id_advisor")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_site_advisor")),
    )
    op.create_index(op.f("ix_site_advisor_advisor_id"), "site_advisor", ["advisor_id"],
                    unique=False)
    con = cast(sqlite3.Connection, op.get_bind().connection.dbapi_connection)

    def columns_of(table: str) -> list[str]:
        return [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]

    def frozen_groups(table: str) -> dict[str, tuple[str, ...]]:
        present = set(columns_of(table))
        return {g: cols for g, cols in groups_of(table).items() if set(cols) <= present}

    tables = [m.__tablename__ for m in SYNCED_MODELS]
    seen = legacy_stamps.convert(con, frozen_groups, columns_of, tables)
    site = con.execute("SELECT value FROM local_meta WHERE key = 'sync.site_id'").fetchone()
    if site is not None:
        seen.pop(site[0], None)
    con.execute("INSERT OR REPLACE INTO local_meta (key, value) VALUES (?, ?)",
                (SEEN_KEY, clocks.dumps(seen)))
    op.drop_index("ix_stamp_row", table_name="sync_stamp")
    op.drop_table("sync_stamp")


def downgrade() -> None:
    raise NotImplementedError("row clocks cannot be turned back into single stamps")
