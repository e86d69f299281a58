"""The tables of a desk's database. Changes go through an Alembic migration as well."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

# Revision 0007 (issue 10): the columns the watch list judges; filled by store/watchlist.py.
FOLLOWUP_COLUMNS = (
    Column("owner", String(100), nullable=False, server_default=""),
    Column("clock_start", Integer),
    Column("dept_returned", Boolean, nullable=False, server_default="0"),
    Column("adjudication", Boolean, nullable=False, server_default="0"),
    Column("unsatisfied", Integer, nullable=False, server_default="0"),
    Column("escalated_at", Integer),
    Column("escalation_reason", Text, nullable=False, server_default=""),
    Column("return_reason", Text, nullable=False, server_default=""),
    Column("taken_over", String(12)),
    Column("listed_leader", String(50)),
    Column("listed_due", String(10)),
    Column("claimed_by", String(50)),
    Column("co_unsigned", Text, nullable=False, server_default=""),
)

events = Table(
    "events", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String(36), nullable=False, unique=True),
    Column("entity", String(20), nullable=False),
    Column("entity_id", String(36), nullable=False),
    Column("type", String(40), nullable=False),
    Column("payload", Text, nullable=False),
    Column("actor", String(100), nullable=False),
    Column("desk", String(64), nullable=False),
    Column("hlc", String(90), nullable=False),
    Column("org", String(80), nullable=False),
    Column("origin", String(10), nullable=False),  # local | pulled
    Column("recorded_at", Integer, nullable=False),
    Index("ix_events_entity", "entity_id", "hlc"),
)

outbox = Table(
    "outbox", metadata,
    Column("event_id", String(36), ForeignKey("events.id"), primary_key=True),
    Column("queued_at", Integer, nullable=False),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("last_error", Text),
)

rejections = Table(
    "rejections", metadata,
    Column("event_id", String(36), ForeignKey("events.id"), primary_key=True),
    Column("reason", Text, nullable=False),
    Column("rejected_at", Integer, nullable=False),
    Column("status", String(12), nullable=False, server_default="open"),  # open|resent|discarded
    Column("resolved_by", String(100)),
    Column("resolved_at", Integer),
    Column("note", Text),
    Column("replaced_by", String(36)),
    Column("code", String(40)),  # why, as a word the desk translates (sync.protocol.Refusal)
)

meta = Table(
    "meta", metadata,
    Column("key", String(60), primary_key=True),
    Column("value", Text, nullable=False),
)

case_number_seq = Table(
    "case_number_seq", metadata,
    Column("day", String(8), primary_key=True),
    Column("last", Integer, nullable=False),
)

users = Table(
    "users", metadata,
    Column("id", String(36), primary_key=True),
    Column("username", String(40), nullable=False, unique=True),
    Column("display_name", String(50), nullable=False),
    Column("role", String(20), nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("active", Boolean, nullable=False, server_default="1"),
    Column("created_at", Integer, nullable=False),
    Column("failed_attempts", Integer, nullable=False, server_default="0"),
    Column("locked_until", Integer, nullable=False, server_default="0"),
    Column("lockouts", Integer, nullable=False, server_default="0"),
    Column("must_change_password", Boolean, nullable=False, server_default="0"),
)

cases = Table(
    "cases", metadata,
    Column("pk", Integer, primary_key=True),
    Column("id", String(36), nullable=False, unique=True),
    Column("number", String(60), nullable=False, server_default=""),
    Column("status", String(20), nullable=False),
    Column("kind", String(20), nullable=False, server_default=""),
    Column("channel", String(20), nullable=False, server_default=""),
    Column("urgency", String(20), nullable=False, server_default="ordinary"),
    Column("category", String(32), nullable=False, server_default=""),
    Column("lead", String(40)),
    Column("community", String(80), nullable=False, server_default=""),
    Column("grid", String(80)),
    Column("org", String(80), nullable=False, server_default=""),
    Column("title", Text, nullable=False, server_default=""),
    Column("description", Text, nullable=False, server_default=""),
    Column("address", Text, nullable=False, server_default=""),
    Column("name", Text, nullable=False, server_default=""),
    Column("phone", String(24), nullable=False, server_default=""),
    Column("phone_last4", String(4), nullable=False, server_default=""),
    Column("registered_at", Integer, nullable=False, server_default="0"),
    Column("registered_by", String(100), nullable=False, server_default=""),
    Column("desk", String(64), nullable=False, server_default=""),
    Column("due_at", Integer),
    Column("due_soon_at", Integer),
    Column("sign_due_at", Integer),
    Column("resolved_at", Integer),
    Column("closed_at", Integer),
    Column("level", String(12), nullable=False, server_default="community"),
    Column("supervised", Boolean, nullable=False, server_default="0"),
    Column("times_returned", Integer, nullable=False, server_default="0"),
    Column("reminders", Integer, nullable=False, server_default="0"),
    Column("repeats", Integer, nullable=False, server_default="0"),
    Column("conflicts", Integer, nullable=False, server_default="0"),
    Column("last_hlc", String(90), nullable=False, server_default=""),
    *FOLLOWUP_COLUMNS,
    Index("ix_cases_registered", "registered_at", "pk"),
    Index("ix_cases_status", "status", "registered_at"),
    Index("ix_cases_due", "due_at"),
    Index("ix_cases_phone", "phone"),
    Index("ix_cases_last4", "phone_last4"),
    Index("ix_cases_number", "number"),
    Index("ix_cases_category", "category", "registered_at"),
    Index("ix_cases_community", "community", "registered_at"),
)

# Raw SQL for what SQLAlchemy's Table cannot say: the FTS5 index and the guards of the log.
FTS_DDL = (
    """CREATE VIRTUAL TABLE cases_fts USING fts5(
        title, description, address, name,
        content='cases', content_rowid='pk', tokenize='trigram')""",
    """CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases BEGIN
        INSERT INTO cases_fts(rowid, title, description, address, name)
        VALUES (new.pk, new.title, new.description, new.address, new.name);
    END""",
    """CREATE TRIGGER cases_fts_delete AFTER DELETE ON cases BEGIN
        INSERT INTO cases_fts(cases_fts, rowid, title, description, address, name)
        VALUES ('delete', old.pk, old.title, old.description, old.address, old.name);
    END""",
    """CREATE TRIGGER cases_fts_update AFTER UPDATE OF title, description, address, name ON cases
    BEGIN
        INSERT INTO cases_fts(cases_fts, rowid, title, description, address, name)
        VALUES ('delete', old.pk, old.title, old.description, old.address, old.name);
        INSERT INTO cases_fts(rowid, title, description, address, name)
        VALUES (new.pk, new.title, new.description, new.address, new.name);
    END""",
)
APPEND_ONLY_DDL = (
    """CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN
        SELECT RAISE(ABORT, 'the event log is append-only');
    END""",
    """CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN
        SELECT RAISE(ABORT, 'the event log is append-only');
    END""",
)

# Revision 0005: what the list needs to stay flat at a million cases. The deadline sort orders
# by this very expression (case_queries.DEADLINE), so SQLite reads it from the index. The open
# cases (a small share of a desk's life) have their own partial index, in the list's order and
# with their deadlines in it, so "overdue", "due soon" and "still open" read only them. Queries
# must say OPEN_SQL word for word for SQLite to use it; its unary "+" keeps SQLite from taking
# the status index instead (which, without statistics, it would, and sort every open case). max(hlc) for the desk's clock at
# start-up becomes one index lookup.
DEADLINE_SQL = "coalesce(due_at, 1000000000000000)"
OPEN_SQL = "+status IN ('dispatched', 'registered', 'replied', 'returned', 'signed')"
LIST_INDEX_DDL = (
    "CREATE INDEX IF NOT EXISTS ix_events_hlc ON events (hlc)",
    f"CREATE INDEX IF NOT EXISTS ix_cases_deadline ON cases ({DEADLINE_SQL})",
    "CREATE INDEX IF NOT EXISTS ix_cases_open ON cases "
    "(registered_at, pk, due_at, sign_due_at, due_soon_at) "
    f"WHERE {OPEN_SQL}",
)

# Revision 0003: council meetings, receptions, duty, patrols, topics, attachments.
meetings = Table(
    "meetings", metadata,
    Column("id", String(36), primary_key=True),
    Column("level", String(12), nullable=False),
    Column("org", String(80), nullable=False),
    Column("title", Text, nullable=False),
    Column("scheduled_at", String(20), nullable=False, server_default=""),
    Column("status", String(12), nullable=False),
    Column("progress", Integer, nullable=False, server_default="0"),
    Column("escalated_from", String(36)),
    Column("conflicts", Integer, nullable=False, server_default="0"),
    Column("called_at", Integer, nullable=False, server_default="0"),
    Index("ix_meetings_called", "called_at"),
)

resolutions = Table(
    "resolutions", metadata,
    Column("id", String(36), primary_key=True),
    Column("meeting_id", String(36), nullable=False),
    Column("text", Text, nullable=False),
    Column("owner", String(100), nullable=False),
    Column("due", String(10), nullable=False),
    Column("status", String(12), nullable=False),
    Column("percent", Integer, nullable=False),
    Index("ix_resolutions_due", "status", "due"),
)

outreach = Table(
    "outreach", metadata,
    Column("id", String(36), primary_key=True),
    Column("entity", String(12), nullable=False),  # duty | visit | patrol
    Column("org", String(80), nullable=False),
    Column("status", String(12), nullable=False),
    Column("day", String(10), nullable=False, server_default=""),
    Column("who", String(100), nullable=False, server_default=""),
    Column("summary", Text, nullable=False, server_default=""),
    Column("findings", Integer, nullable=False, server_default="0"),
    Column("open_findings", Integer, nullable=False, server_default="0"),
    Column("started_at", Integer, nullable=False, server_default="0"),
    Index("ix_outreach_entity", "entity", "day"),
)

topics = Table(
    "topics", metadata,
    Column("id", String(36), primary_key=True),
    Column("title", Text, nullable=False),
    Column("description", Text, nullable=False, server_default=""),
    Column("community", String(80), nullable=False),
    Column("case_ids", Text, nullable=False, server_default=""),
    Column("dropped", Boolean, nullable=False, server_default="0"),
    Column("added_at", Integer, nullable=False, server_default="0"),
)

attachments = Table(
    "attachments", metadata,
    Column("sha256", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("content_type", String(40), nullable=False),
    Column("size", Integer, nullable=False),
    Column("added_at", Integer, nullable=False),
    Column("uploaded_at", Integer),
)

# The desk's own examples for the category suggester: local only, never synced (migration 0009).
learned_examples = Table(
    "learned_examples", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("text", Text, nullable=False),
    Column("item", String(32), nullable=False),
    Column("suggested", String(32), nullable=False, server_default=""),
    Column("actor", String(80), nullable=False, server_default=""),
    Column("added_at", Integer, nullable=False),
)

# Revision 0007: when a newer working-day calendar moved an open case's deadline.
deadline_changes = Table(
    "deadline_changes", metadata,
    Column("n", Integer, primary_key=True, autoincrement=True),
    Column("case_id", String(36), nullable=False),
    Column("old_due", Integer),
    Column("new_due", Integer),
    Column("calendar", String(64), nullable=False),
    Column("changed_at", Integer, nullable=False),
    Index("ix_deadline_changes_case", "case_id", "n"),
)

# Revision 0010: the access audit, one row per `audit.recorded` event (a projection of the log,
# so an administrator can filter it by time, person, action and case without scanning the log).
audit_log = Table(
    "audit_log", metadata,
    Column("id", String(36), primary_key=True),
    Column("at_ms", Integer, nullable=False),
    Column("actor", String(100), nullable=False),
    Column("action", String(50), nullable=False),
    Column("case_id", String(36), nullable=False, server_default=""),
    Column("case_number", String(40), nullable=False, server_default=""),
    Column("target", String(100), nullable=False, server_default=""),
    Column("detail", Text, nullable=False, server_default=""),
    Column("desk", String(64), nullable=False, server_default=""),
    Index("ix_audit_at", "at_ms"),
    Index("ix_audit_actor", "actor", "at_ms"),
    Index("ix_audit_case", "case_id", "at_ms"),
)
