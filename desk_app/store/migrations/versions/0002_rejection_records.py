"""Rejections keep a record of what was done about them: who, when, why, and the replacement.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("rejections") as batch:
        batch.add_column(sa.Column("resolved_by", sa.String(100)))
        batch.add_column(sa.Column("resolved_at", sa.Integer))
        batch.add_column(sa.Column("note", sa.Text))
        batch.add_column(sa.Column("replaced_by", sa.String(36)))
        batch.add_column(sa.Column("code", sa.String(40)))


def downgrade() -> None:
    raise NotImplementedError("a desk database is never downgraded; restore a backup instead")
