"""Account safety: lockout after failed sign-ins, and a password that must be changed.

Revision ID: 0006
Revises: 0008
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("failed_attempts", sa.Integer, nullable=False,
                                   server_default="0"))
        batch.add_column(sa.Column("locked_until", sa.Integer, nullable=False,
                                   server_default="0"))  # ms since the epoch, UTC
        batch.add_column(sa.Column("lockouts", sa.Integer, nullable=False,
                                   server_default="0"))  # in a row: each one twice as long
        batch.add_column(sa.Column("must_change_password", sa.Boolean, nullable=False,
                                   server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        for column in ("must_change_password", "lockouts", "locked_until", "failed_attempts"):
            batch.drop_column(column)
