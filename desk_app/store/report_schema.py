"""The tables behind reports (revision 0008): one row of facts per case, and model-case marks.

`case_facts` is a projection like `cases`: derived from the folded case, rebuildable from the
log, written in the same transaction as the case row. It holds only what the rates need
(no name, phone or address), with the local day, ISO week and month precomputed as integers,
so that a week of a million-case street is an index range and a two-year trend one GROUP BY.
"""

from __future__ import annotations

from sqlalchemy import Column, Float, Index, Integer, PrimaryKeyConstraint, String, Table, Text

from .schema import metadata

case_facts = Table(
    "case_facts", metadata,
    Column("case_id", String(36), primary_key=True),
    Column("registered_at", Integer, nullable=False),
    Column("day", Integer, nullable=False),    # local date as YYYYMMDD
    Column("week", Integer, nullable=False),   # ISO year * 100 + ISO week
    Column("month", Integer, nullable=False),  # YYYYMM
    Column("org", String(80), nullable=False),
    Column("community", String(80), nullable=False),
    Column("grid", String(80)),
    Column("kind", String(20), nullable=False),
    Column("channel", String(20), nullable=False),
    Column("category", String(32), nullable=False),
    Column("urgency", String(20), nullable=False),
    Column("lead", String(40)),
    Column("status", String(20), nullable=False),
    Column("anonymous", Integer, nullable=False),
    Column("on_spot", Integer, nullable=False),
    Column("dispatched_at", Integer),
    Column("signed_at", Integer),
    Column("resolved_at", Integer),
    Column("due_at", Integer),
    Column("closed_at", Integer),
    Column("rating", String(12), nullable=False),  # worst of the four marks, '' if none
    Column("times_returned", Integer, nullable=False),
    Column("reminders", Integer, nullable=False),
    Column("repeats", Integer, nullable=False),
    Column("supervised", Integer, nullable=False),
    Column("handling_wd", Float),  # working days from registration to resolution
    Column("latitude", Float),
    Column("longitude", Float),
    Index("ix_case_facts_registered", "registered_at"),
    Index("ix_case_facts_week", "week", "category", "community"),
    # covering: the overdue list reads no table rows
    Index("ix_case_facts_open", "status", "due_at", "dispatched_at", "org", "registered_at",
          "case_id"),
)

model_cases = Table(
    "model_cases", metadata,
    Column("case_id", String(36), primary_key=True),
    Column("marked_by", String(100), nullable=False),
    Column("marked_at", Integer, nullable=False),
    Column("note", Text, nullable=False, server_default=""),
)

# Per ISO week, catalogue item, community, grid and lead department: the counts behind the
# dashboard's trends, rates, scores and map, kept up to date by write_case_facts (old facts out,
# new facts in, in the same transaction), so a two-year dashboard reads thousands of rows, not a
# million. Only what does not depend on the clock is kept: "unsigned" cases whose 24 hours have
# not yet run out are taken off at read time.
case_rollup = Table(
    "case_rollup", metadata,
    Column("week", Integer, nullable=False),
    Column("category", String(32), nullable=False),
    Column("community", String(80), nullable=False),
    Column("grid", String(80), nullable=False),
    Column("lead", String(40), nullable=False),
    Column("requests", Integer, nullable=False),
    Column("valid", Integer, nullable=False),
    Column("signed", Integer, nullable=False),
    Column("signed_on_time", Integer, nullable=False),
    Column("unsigned", Integer, nullable=False),
    Column("completed", Integer, nullable=False),
    Column("evaluated", Integer, nullable=False),
    Column("satisfied", Integer, nullable=False),
    PrimaryKeyConstraint("week", "category", "community", "grid", "lead"),
    sqlite_with_rowid=False,
)
ROLLUP_KEYS = ("week", "category", "community", "grid", "lead")
ROLLUP_MEASURES = ("requests", "valid", "signed", "signed_on_time", "unsigned", "completed",
                   "evaluated", "satisfied")
