"""Council meetings and their resolutions, receptions, duty, patrols, topics, attachments.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "meetings",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("level", sa.String(12), nullable=False),
        sa.Column("org", sa.String(80), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("scheduled_at", sa.String(20), nullable=False, server_default=""),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("progress", sa.Integer, nullable=False, server_default="0"),
        sa.Column("escalated_from", sa.String(36)),
        sa.Column("conflicts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("called_at", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ix_meetings_called", "meetings", ["called_at"])
    op.create_table(
        "resolutions",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("meeting_id", sa.String(36), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("owner", sa.String(100), nullable=False),
        sa.Column("due", sa.String(10), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("percent", sa.Integer, nullable=False),
    )
    op.create_index("ix_resolutions_due", "resolutions", ["status", "due"])
    op.create_table(
        "outreach",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("entity", sa.String(12), nullable=False),
        sa.Column("org", sa.String(80), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("day", sa.String(10), nullable=False, server_default=""),
        sa.Column("who", sa.String(100), nullable=False, server_default=""),
        sa.Column("summary", sa.Text, nullable=False, server_default=""),
        sa.Column("findings", sa.Integer, nullable=False, server_default="0"),
        sa.Column("open_findings", sa.Integer, nullable=False, server_default="0"),
        sa.Column("started_at", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ix_outreach_entity", "outreach", ["entity", "day"])
    op.create_table(
        "topics",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("description", sa.Text, nullable=False, server_default=""),
        sa.Column("community", sa.String(80), nullable=False),
        sa.Column("case_ids", sa.Text, nullable=False, server_default=""),
        sa.Column("dropped", sa.Boolean, nullable=False, server_default="0"),
        sa.Column("added_at", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_table(
        "attachments",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("content_type", sa.String(40), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("added_at", sa.Integer, nullable=False),
        sa.Column("uploaded_at", sa.Integer),
    )


def downgrade() -> None:
    raise NotImplementedError("a desk database is never downgraded; restore a backup instead")
