"""Reports: the facts of each case (case_facts), their weekly rollup for the dashboard
(case_rollup), and the supervisor's model-case marks.

The facts are filled from the event log for the cases already there (one fold per case), so an
upgraded desk reports on its whole history at once.

Revision ID: 0008
Revises: 0003
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_facts",
        sa.Column("case_id", sa.String(36), primary_key=True),
        sa.Column("registered_at", sa.Integer, nullable=False),
        sa.Column("day", sa.Integer, nullable=False),
        sa.Column("week", sa.Integer, nullable=False),
        sa.Column("month", sa.Integer, nullable=False),
        sa.Column("org", sa.String(80), nullable=False),
        sa.Column("community", sa.String(80), nullable=False),
        sa.Column("grid", sa.String(80)),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("category", sa.String(32), nullable=False),
        sa.Column("urgency", sa.String(20), nullable=False),
        sa.Column("lead", sa.String(40)),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("anonymous", sa.Integer, nullable=False),
        sa.Column("on_spot", sa.Integer, nullable=False),
        sa.Column("dispatched_at", sa.Integer),
        sa.Column("signed_at", sa.Integer),
        sa.Column("resolved_at", sa.Integer),
        sa.Column("due_at", sa.Integer),
        sa.Column("closed_at", sa.Integer),
        sa.Column("rating", sa.String(12), nullable=False),
        sa.Column("times_returned", sa.Integer, nullable=False),
        sa.Column("reminders", sa.Integer, nullable=False),
        sa.Column("repeats", sa.Integer, nullable=False),
        sa.Column("supervised", sa.Integer, nullable=False),
        sa.Column("handling_wd", sa.Float),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
    )
    op.create_index("ix_case_facts_registered", "case_facts", ["registered_at"])
    op.create_index("ix_case_facts_week", "case_facts", ["week", "category", "community"])
    op.create_index("ix_case_facts_open", "case_facts",  # covering: the overdue list
                    ["status", "due_at", "dispatched_at", "org", "registered_at", "case_id"])
    op.create_table(
        "case_rollup",
        sa.Column("week", sa.Integer, nullable=False),
        sa.Column("category", sa.String(32), nullable=False),
        sa.Column("community", sa.String(80), nullable=False),
        sa.Column("grid", sa.String(80), nullable=False),
        sa.Column("lead", sa.String(40), nullable=False),
        *(sa.Column(name, sa.Integer, nullable=False) for name in (
            "requests", "valid", "signed", "signed_on_time", "unsigned", "completed",
            "evaluated", "satisfied")),
        sa.PrimaryKeyConstraint("week", "category", "community", "grid", "lead"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "model_cases",
        sa.Column("case_id", sa.String(36), primary_key=True),
        sa.Column("marked_by", sa.String(100), nullable=False),
        sa.Column("marked_at", sa.Integer, nullable=False),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
    )
    _fill_facts(op.get_bind())


def _fill_facts(conn: sa.Connection) -> None:
    from desk_app.config import calendar_file
    from desk_app.domain.case import fold
    from desk_app.domain.workcalendar import WorkCalendar
    from desk_app.store.eventlog import load_events
    from desk_app.store.report_facts import write_case_facts

    ids = [r[0] for r in conn.exec_driver_sql(
        "SELECT entity_id FROM events WHERE entity = 'case' GROUP BY entity_id")]
    if not ids:
        return
    calendar = WorkCalendar.load(calendar_file())
    for start in range(0, len(ids), 2000):
        chunk = ids[start:start + 2000]
        by_case = load_events(conn, chunk)
        write_case_facts(conn, [fold(i, by_case[i]) for i in chunk if i in by_case], [], calendar)


def downgrade() -> None:
    op.drop_table("model_cases")
    op.drop_table("case_rollup")
    op.drop_index("ix_case_facts_open", "case_facts")
    op.drop_index("ix_case_facts_week", "case_facts")
    op.drop_index("ix_case_facts_registered", "case_facts")
    op.drop_table("case_facts")
