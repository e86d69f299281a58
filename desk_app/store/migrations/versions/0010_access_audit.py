"""The access audit's projection (who looked at or exported personal data; administrative acts).

Revision ID: 0010
Revises: 0005
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("at_ms", sa.Integer, nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("action", sa.String(50), nullable=False),
        sa.Column("case_id", sa.String(36), nullable=False, server_default=""),
        sa.Column("case_number", sa.String(40), nullable=False, server_default=""),
        sa.Column("target", sa.String(100), nullable=False, server_default=""),
        sa.Column("detail", sa.Text, nullable=False, server_default=""),
        sa.Column("desk", sa.String(64), nullable=False, server_default=""),
    )
    op.create_index("ix_audit_at", "audit_log", ["at_ms"])
    op.create_index("ix_audit_actor", "audit_log", ["actor", "at_ms"])
    op.create_index("ix_audit_case", "audit_log", ["case_id", "at_ms"])


def downgrade() -> None:
    raise NotImplementedError("a desk database is never downgraded; restore a backup instead")
