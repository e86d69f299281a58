"""Follow-through: the watch list's columns and indexes, deadline changes, case owners.

Revision ID: 0007
Revises: 0009
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0009"
branch_labels = None
depends_on = None

def _columns() -> tuple[sa.Column, ...]:
    return (
        sa.Column("owner", sa.String(100), nullable=False, server_default=""),
        sa.Column("clock_start", sa.Integer),
        sa.Column("dept_returned", sa.Boolean, nullable=False, server_default="0"),
        sa.Column("adjudication", sa.Boolean, nullable=False, server_default="0"),
        sa.Column("unsatisfied", sa.Integer, nullable=False, server_default="0"),
        sa.Column("escalated_at", sa.Integer),
        sa.Column("escalation_reason", sa.Text, nullable=False, server_default=""),
        sa.Column("return_reason", sa.Text, nullable=False, server_default=""),
        sa.Column("taken_over", sa.String(12)),
        sa.Column("listed_leader", sa.String(50)),
        sa.Column("listed_due", sa.String(10)),
        sa.Column("claimed_by", sa.String(50)),
        sa.Column("co_unsigned", sa.Text, nullable=False, server_default=""),
    )
FLAGGED = ("supervised = 1 OR level != 'community' OR listed_leader IS NOT NULL "
           "OR unsatisfied >= 2 OR co_unsigned != '' OR dept_returned = 1 "
           "OR claimed_by IS NOT NULL")
ACTIVE = "status IN ('registered', 'dispatched', 'signed', 'replied', 'returned')"


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        for column in _columns():
            batch.add_column(column)
    # The watch list reads only what can be on it, each part through a small partial index.
    op.execute(f"CREATE INDEX ix_cases_watch_due ON cases(due_soon_at) WHERE {ACTIVE}")
    op.execute("CREATE INDEX ix_cases_watch_sign ON cases(sign_due_at) "
               "WHERE status = 'dispatched'")
    op.execute("CREATE INDEX ix_cases_watch_resolved ON cases(resolved_at) "
               "WHERE status = 'resolved'")
    op.execute(f"CREATE INDEX ix_cases_watch_flagged ON cases(pk) WHERE {FLAGGED}")
    op.create_index("ix_cases_owner", "cases", ["owner", "registered_at"])
    op.create_table(
        "deadline_changes",
        sa.Column("n", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.String(36), nullable=False),
        sa.Column("old_due", sa.Integer),
        sa.Column("new_due", sa.Integer),
        sa.Column("calendar", sa.String(64), nullable=False),
        sa.Column("changed_at", sa.Integer, nullable=False),
    )
    op.create_index("ix_deadline_changes_case", "deadline_changes", ["case_id", "n"])
    # Existing rows: the owner is who took the case in; the clock's start is exact again the
    # next time the case is folded (a case returned for redoing restarted its clock then).
    op.execute("UPDATE cases SET owner = registered_by, clock_start = registered_at "
               "WHERE due_at IS NOT NULL")


def downgrade() -> None:
    op.drop_table("deadline_changes")
    for name in ("ix_cases_owner", "ix_cases_watch_flagged", "ix_cases_watch_resolved",
                 "ix_cases_watch_sign", "ix_cases_watch_due"):
        op.drop_index(name, "cases")
    with op.batch_alter_table("cases") as batch:
        for column in _columns():
            batch.drop_column(column.name)
