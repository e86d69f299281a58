"""A bulk write gives the cases it inserts their short-query rows itself (see
desk_app/store/search_index.py BULK_DDL): the grams insert trigger stands aside while the
transaction-local `search_bulk` table holds a row.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02
"""

from alembic import op

from desk_app.store.search_index import BULK_DDL

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for statement in BULK_DDL:
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("a desk database is never downgraded; restore a backup instead")
