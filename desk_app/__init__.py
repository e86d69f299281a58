"""Community Desk: the desk application for community service centres."""

__version__ = "0.1.0"
