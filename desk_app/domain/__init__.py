"""The domain: events, the case workflow, time limits and rules. Pure Python: no Qt, no SQL.

Importing `desk_app.domain.events` (as every reader of the registry does) declares every event
type (cases, meetings and topics, receptions, duty and patrols), so that whoever validates
events — a desk or the centre — knows all of them. The package itself imports nothing, so
that the start path (catalogue, calendar, validation) does not pay for the declarations before
the main window's first paint (issue 14).
"""
