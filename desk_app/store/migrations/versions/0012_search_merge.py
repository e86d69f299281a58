"""Both full-text indexes merge their segments 16 at a time instead of 4 (see
desk_app/store/search_index.py MERGE_DDL): half the merge work of a first sync.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02
"""

from alembic import op

from desk_app.store.search_index import MERGE_DDL

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for statement in MERGE_DDL:
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("a desk database is never downgraded; restore a backup instead")
