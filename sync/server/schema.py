"""The central platform's tables. Changes go through an Alembic migration as well."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    false,
)

metadata = MetaData()


def org_code() -> String:
    """An organisation code column. Scopes are byte-order prefix ranges ("YT-HS" to "YT-HS."),
    so PostgreSQL must compare these with the C collation: under zh_CN.UTF-8 or en_US.UTF-8 the
    hyphens are ignored and a range silently loses rows. SQLite's default (BINARY) is byte order."""
    return String(80).with_variant(String(80, collation="C"), "postgresql")  # type: ignore[return-value]


events = Table(
    "server_events", metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("id", String(36), nullable=False, unique=True),
    Column("entity", String(20), nullable=False),
    Column("entity_id", String(36), nullable=False),
    Column("type", String(40), nullable=False),
    Column("payload", Text, nullable=False),
    Column("actor", String(100), nullable=False),
    Column("desk", String(64), nullable=False),
    Column("hlc", String(90), nullable=False),
    Column("org", org_code(), nullable=False),
    Column("received_at", BigInteger, nullable=False),
    Column("pushed_by", String(64), nullable=False),
    Index("ix_server_events_entity", "entity_id", "hlc"),
    # No (org, seq) index: with it the planners read a whole scope and sort it for every page;
    # walking the primary key from the cursor reads only what is new.
)

desks = Table(
    "desks", metadata,
    Column("id", String(36), primary_key=True),
    Column("code", String(64), nullable=False, unique=True),
    Column("name", String(100), nullable=False),
    Column("org", org_code(), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("enrolled_at", BigInteger, nullable=False),
    Column("revoked_at", BigInteger),
    Column("last_seen", BigInteger),
)

enrolment_codes = Table(
    "enrolment_codes", metadata,
    Column("code_hash", String(64), primary_key=True),
    Column("org", org_code(), nullable=False),
    Column("created_at", BigInteger, nullable=False),
    Column("expires_at", BigInteger, nullable=False),
    Column("used_by", String(36)),
)

api_keys = Table(
    "api_keys", metadata,
    Column("key_hash", String(64), primary_key=True),
    Column("kind", String(20), nullable=False),  # department | open311
    Column("subject", String(80), nullable=False),  # a department code, or an org code
    Column("name", String(100), nullable=False),
    Column("created_at", BigInteger, nullable=False),
    Column("revoked_at", BigInteger),
)

conflicts = Table(
    "push_conflicts", metadata,
    Column("n", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(36), nullable=False),
    Column("desk_id", String(36), nullable=False),
    Column("received_at", BigInteger, nullable=False),
    Column("event", Text, nullable=False),
)

cases = Table(
    "server_cases", metadata,
    Column("id", String(36), primary_key=True),
    Column("number", String(60), nullable=False),
    Column("status", String(20), nullable=False),
    Column("category", String(32), nullable=False),
    Column("org", org_code(), nullable=False),
    Column("lead", String(40)),
    Column("co", Text, nullable=False, server_default=""),
    Column("description", Text, nullable=False),
    Column("address", Text, nullable=False, server_default=""),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("registered_at", BigInteger, nullable=False),
    Column("updated_at", BigInteger, nullable=False),
    Column("resolution", Text, nullable=False, server_default=""),
    Column("token", String(40)),
    Column("public", Boolean, nullable=False, server_default=false()),  # 同意公开 (s0003)
    Index("ix_server_cases_number", "number"),
    Index("ix_server_cases_registered", "registered_at"),
    Index("ix_server_cases_token", "token"),
)

attachments = Table(
    "attachments", metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", Integer, nullable=False),
    Column("content_type", String(100), nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("uploaded_by", String(36), nullable=False),
    Column("created_at", BigInteger, nullable=False),
)

# Which areas hold a record that names an attachment (s0003): a desk gets an attachment only
# when its area holds such a record (or it uploaded it).
attachment_refs = Table(
    "attachment_refs", metadata,
    Column("sha256", String(64), primary_key=True),
    Column("org", String(80), primary_key=True),
)

meta = Table(
    "server_meta", metadata,
    Column("key", String(60), primary_key=True),
    Column("value", Text, nullable=False),
)
