"""The central platform's first schema.

Revision ID: s0001
Revises:
Create Date: 2026-11-22
"""

from alembic import op

from sync.server.schema import metadata

revision = "s0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The first revision creates the tables as declared in schema.py at this revision; later
    # revisions must spell out their changes with op.* calls.
    metadata.create_all(op.get_bind())


def downgrade() -> None:
    raise NotImplementedError("restore a backup instead")
