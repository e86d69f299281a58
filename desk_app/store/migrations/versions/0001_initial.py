"""The first schema: event log, outbox, rejections, meta, users, case projection and search.

Revision ID: 0001
Revises:
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

from desk_app.store.schema import APPEND_ONLY_DDL, FTS_DDL

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(36), nullable=False, unique=True),
        sa.Column("entity", sa.String(20), nullable=False),
        sa.Column("entity_id", sa.String(36), nullable=False),
        sa.Column("type", sa.String(40), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("desk", sa.String(64), nullable=False),
        sa.Column("hlc", sa.String(90), nullable=False),
        sa.Column("org", sa.String(80), nullable=False),
        sa.Column("origin", sa.String(10), nullable=False),
        sa.Column("recorded_at", sa.Integer, nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_events_entity", "events", ["entity_id", "hlc"])
    op.create_table(
        "outbox",
        sa.Column("event_id", sa.String(36), sa.ForeignKey("events.id"), primary_key=True),
        sa.Column("queued_at", sa.Integer, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("last_error", sa.Text),
    )
    op.create_table(
        "rejections",
        sa.Column("event_id", sa.String(36), sa.ForeignKey("events.id"), primary_key=True),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("rejected_at", sa.Integer, nullable=False),
        sa.Column("status", sa.String(12), nullable=False, server_default="open"),
    )
    op.create_table(
        "meta",
        sa.Column("key", sa.String(60), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "case_number_seq",
        sa.Column("day", sa.String(8), primary_key=True),
        sa.Column("last", sa.Integer, nullable=False),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("username", sa.String(40), nullable=False, unique=True),
        sa.Column("display_name", sa.String(50), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False, server_default="1"),
        sa.Column("created_at", sa.Integer, nullable=False),
    )
    op.create_table(
        "cases",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("id", sa.String(36), nullable=False, unique=True),
        sa.Column("number", sa.String(60), nullable=False, server_default=""),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False, server_default=""),
        sa.Column("channel", sa.String(20), nullable=False, server_default=""),
        sa.Column("urgency", sa.String(20), nullable=False, server_default="ordinary"),
        sa.Column("category", sa.String(32), nullable=False, server_default=""),
        sa.Column("lead", sa.String(40)),
        sa.Column("community", sa.String(80), nullable=False, server_default=""),
        sa.Column("grid", sa.String(80)),
        sa.Column("org", sa.String(80), nullable=False, server_default=""),
        sa.Column("title", sa.Text, nullable=False, server_default=""),
        sa.Column("description", sa.Text, nullable=False, server_default=""),
        sa.Column("address", sa.Text, nullable=False, server_default=""),
        sa.Column("name", sa.Text, nullable=False, server_default=""),
        sa.Column("phone", sa.String(24), nullable=False, server_default=""),
        sa.Column("phone_last4", sa.String(4), nullable=False, server_default=""),
        sa.Column("registered_at", sa.Integer, nullable=False, server_default="0"),
        sa.Column("registered_by", sa.String(100), nullable=False, server_default=""),
        sa.Column("desk", sa.String(64), nullable=False, server_default=""),
        sa.Column("due_at", sa.Integer),
        sa.Column("due_soon_at", sa.Integer),
        sa.Column("sign_due_at", sa.Integer),
        sa.Column("resolved_at", sa.Integer),
        sa.Column("closed_at", sa.Integer),
        sa.Column("level", sa.String(12), nullable=False, server_default="community"),
        sa.Column("supervised", sa.Boolean, nullable=False, server_default="0"),
        sa.Column("times_returned", sa.Integer, nullable=False, server_default="0"),
        sa.Column("reminders", sa.Integer, nullable=False, server_default="0"),
        sa.Column("repeats", sa.Integer, nullable=False, server_default="0"),
        sa.Column("conflicts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("last_hlc", sa.String(90), nullable=False, server_default=""),
    )
    for name, columns in (
        ("ix_cases_registered", ["registered_at", "pk"]),
        ("ix_cases_status", ["status", "registered_at"]),
        ("ix_cases_due", ["due_at"]),
        ("ix_cases_phone", ["phone"]),
        ("ix_cases_last4", ["phone_last4"]),
        ("ix_cases_number", ["number"]),
        ("ix_cases_category", ["category", "registered_at"]),
        ("ix_cases_community", ["community", "registered_at"]),
    ):
        op.create_index(name, "cases", columns)
    for statement in (*FTS_DDL, *APPEND_ONLY_DDL):
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("a desk database is never downgraded; restore a backup instead")
