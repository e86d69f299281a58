"""Organisation codes compare byte-wise on PostgreSQL (COLLATE "C"), whatever the database's
own collation: under zh_CN.UTF-8 or en_US.UTF-8 a scope range lost rows.

Revision ID: s0002
Revises: s0003
Create Date: 2026-12-01
"""

from alembic import op

revision = "s0002"
down_revision = "s0003"  # re-chained after the publication migration (s0003) came from main
branch_labels = None
depends_on = None

ORG_COLUMNS = (("server_events", "org"), ("desks", "org"), ("enrolment_codes", "org"),
               ("server_cases", "org"))


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite compares text with BINARY (byte order) unless told otherwise
    for table, column in ORG_COLUMNS:
        op.execute(f'ALTER TABLE {table} ALTER COLUMN {column} TYPE varchar(80) COLLATE "C"')


def downgrade() -> None:
    raise NotImplementedError("restore a backup instead")
