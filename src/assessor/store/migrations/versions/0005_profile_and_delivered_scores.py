"""an assessment's chosen profile, and the scores a report record delivered

Revision ID: 0005
Revises: 0004

Two columns added at the end of two synced tables. Each is a field group of its own whose bit
comes after every existing one (models.py orders them after deleted_at), so every stored
clock keeps its meaning. Each existing row's first write is given the new group with the
default ("") as its value (store/clocks.with_new_group): a package from an older laptop is
upgraded the same way, and so is the hub, so every copy holds the same clock.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from assessor.store import clocks
    from assessor.store.schema import ADDED_GROUPS

    with op.batch_alter_table("assessment") as batch:
        batch.add_column(sa.Column("profile", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("report_record") as batch:
        batch.add_column(sa.Column("scores", sa.Text(), nullable=False, server_default=""))
    bind = op.get_bind()
    sites = {int(no): str(site) for no, site in bind.execute(
        sa.text("SELECT no, site_id FROM sync_site"))}
    for table, bit in ADDED_GROUPS["0005"].items():
        rows = bind.execute(sa.text("SELECT row_id, clock FROM sync_row WHERE table_name = :t"),
                            {"t": table}).fetchall()
        for row_id, text in rows:
            new = clocks.with_new_group(text, bit, sites.__getitem__)
            if new != text:
                bind.execute(sa.text("UPDATE sync_row SET clock = :c WHERE table_name = :t "
                                     "AND row_id = :r"), {"c": new, "t": table, "r": row_id})


def downgrade() -> None:
    with op.batch_alter_table("report_record") as batch:
        batch.drop_column("scores")
    with op.batch_alter_table("assessment") as batch:
        batch.drop_column("profile")
