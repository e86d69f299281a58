"""Indexes that keep the desk flat at a million cases: the clock's latest stamp, the overdue
filter and count, the deadline sort, and the index for one- and two-character searches.

Revision ID: 0005
Revises: 0007
Create Date: 2026-12-01
"""

from alembic import op

from desk_app.store.schema import LIST_INDEX_DDL
from desk_app.store.search_index import GRAMS_DDL

revision = "0005"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for statement in (*LIST_INDEX_DDL, *GRAMS_DDL):
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("a desk database is never downgraded; restore a backup instead")
