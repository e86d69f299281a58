"""The domain: events, the case workflow, time limits and rules. Pure Python: no Qt, no SQL."""
