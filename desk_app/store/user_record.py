"""A person signed in to the desk, as every store function receives them (the acting user).

Apart from store/users.py (accounts, passwords: SQLAlchemy and argon2) so that the start path
can name the signed-in person without importing either (issue 14)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class User:
    id: str
    username: str
    display_name: str
    role: str
    active: bool = True
    must_change_password: bool = False

    def actor(self, desk_code: str) -> str:
        """How this person is named on events: unique across desks, readable in a timeline."""
        return f"{self.username}@{desk_code}"
