"""How a test looks at what the store holds without acting as a person: the stored state of a
case (no access check, no audit entry, nothing masked), and a reader for the checked listings.

A person's look goes through `get_case`, `list_cases`… as a signed-in user, which checks the
role, masks phones for deputies and grid staff and records the access audit; those are tested
in tests/store/test_least_privilege.py and tests/store/test_audit_entries.py. Tests about
something else (sync, the fold, the screens) read the state through here so that their own
looking does not add audit entries to what they check.
"""

from __future__ import annotations

from desk_app.domain.case import CaseState
from desk_app.store.cases import _fold_case
from desk_app.store.desk import Desk
from desk_app.store.users import User

READER = User("test-reader", "reader", "测试读者", "supervisor")
"""A supervisor who is not an account of any desk: enough to list and count cases."""
ADMIN = User("test-admin", "admin-t", "测试管理员", "admin")
"""An administrator who is not an account of any desk: for restoring in tests of the files."""


def case_state(desk: Desk, case_id: str) -> CaseState:
    return _fold_case(desk, case_id)
