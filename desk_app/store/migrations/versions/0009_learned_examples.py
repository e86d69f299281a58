"""The desk's own examples for the category suggester (confirmed or corrected choices).

Revision ID: 0009
Revises: 0006
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "learned_examples",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("item", sa.String(32), nullable=False),
        sa.Column("suggested", sa.String(32), nullable=False, server_default=""),
        sa.Column("actor", sa.String(80), nullable=False, server_default=""),
        sa.Column("added_at", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    raise NotImplementedError("a desk database is never downgraded; restore a backup instead")
