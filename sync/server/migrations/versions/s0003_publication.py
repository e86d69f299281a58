"""Publication rules: the public flag of a case (同意公开) and where attachments are named.

Revision ID: s0003
Revises: s0001
Create Date: 2026-12-01

s0001 creates the tables as schema.py declares them, so a new database already has both; an
existing one gets them here and is filled from the stored events.
"""

import json
import re

import sqlalchemy as sa
from alembic import op

revision = "s0003"
down_revision = "s0001"
branch_labels = None
depends_on = None

SHA256 = re.compile(r"^[0-9a-f]{64}$")


def _hashes(value: object) -> set[str]:
    if isinstance(value, str):
        return {value} if SHA256.match(value) else set()
    if isinstance(value, dict):
        return set().union(*(_hashes(v) for v in value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*(_hashes(v) for v in value)) if value else set()
    return set()


def upgrade() -> None:
    bind = op.get_bind()
    inspector = sa.inspect(bind)
    columns = {c["name"] for c in inspector.get_columns("server_cases")}
    if "public" not in columns:
        op.add_column("server_cases", sa.Column("public", sa.Boolean(), nullable=False,
                                                server_default=sa.false()))
    if "attachment_refs" not in inspector.get_table_names():
        op.create_table("attachment_refs",
                        sa.Column("sha256", sa.String(64), primary_key=True),
                        sa.Column("org", sa.String(80), primary_key=True))
    events = sa.table("server_events", sa.column("entity_id"), sa.column("type"),
                      sa.column("payload"), sa.column("org"))
    cases = sa.table("server_cases", sa.column("id"), sa.column("public"))
    refs = sa.table("attachment_refs", sa.column("sha256"), sa.column("org"))
    public: list[str] = []
    found: set[tuple[str, str]] = set()
    for entity_id, type_, payload, org in bind.execute(sa.select(
            events.c.entity_id, events.c.type, events.c.payload, events.c.org)):
        data = json.loads(payload)
        if type_ == "case.registered" and data.get("public") is True:
            public.append(entity_id)
        found.update((h, org) for h in _hashes(data))
    for start in range(0, len(public), 500):
        bind.execute(sa.update(cases).where(cases.c.id.in_(public[start:start + 500]))
                     .values(public=True))
    have = {(r.sha256, r.org) for r in bind.execute(sa.select(refs.c.sha256, refs.c.org))}
    new = [{"sha256": h, "org": o} for h, o in sorted(found - have)]
    if new:
        bind.execute(refs.insert(), new)


def downgrade() -> None:
    raise NotImplementedError("restore a backup instead")
