"""The domain: events, the case workflow, time limits and rules. Pure Python: no Qt, no SQL.

Importing the package declares every event type (cases, meetings and topics, receptions, duty
and patrols), so that whoever validates events — a desk or the centre — knows all of them.
"""

from . import audit, case, case_events, meeting, outreach  # noqa: F401
