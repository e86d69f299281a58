"""`community-desk --self-test`: proves a build works end to end without a screen.

Opens a fresh database in a temporary data folder, runs the migrations, registers one case
through the same service function the intake form uses, reads it back, and exits 0.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def run_self_test() -> int:
    with tempfile.TemporaryDirectory(prefix="community-desk-selftest-") as home:
        os.environ["COMMUNITY_DESK_HOME"] = home
        os.environ.setdefault("COMMUNITY_DESK_KEY_STORE", "file")  # keys of a throwaway desk
        from desk_app.config import app_paths
        from desk_app.domain.intake import Intake
        from desk_app.store.case_queries import CaseQuery, list_cases
        from desk_app.store.cases import register_case
        from desk_app.store.desk import setup_desk
        from desk_app.store.users import create_first_admin
        from desk_app.workspace import open_workspace

        workspace = open_workspace(app_paths())
        try:
            community = next(o for o in workspace.catalogue.orgs.values()
                             if o.level == "community")
            setup_desk(workspace.db, "SELFTEST-01", "Self-test desk", community.code,
                       workspace.catalogue)
            desk = workspace.attach_desk()
            assert desk is not None
            admin = create_first_admin(workspace.db, "selftest", "Self test", "self-test-pw")
            case = register_case(desk, admin, Intake(
                description="自检：楼道灯不亮，晚上出入不便。", category=workspace.catalogue.catch_all.code,
                community=community.code, anonymous=True, phone="13800138000"))
            found = list_cases(desk, admin, CaseQuery(text=case.number)).rows
            ok = len(found) == 1 and found[0].status == "dispatched"
            print(f"self-test: database {Path(workspace.db.path).name} migrated, "
                  f"case {case.number} registered: {'OK' if ok else 'FAILED'}")
            return 0 if ok else 1
        finally:
            workspace.close()


if __name__ == "__main__":
    sys.exit(run_self_test())
