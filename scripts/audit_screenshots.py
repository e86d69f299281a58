"""Screenshots of issue 11's screens on the demo workspace: the administrator's access audit and
the lock screen with 切换用户. `xvfb-run -a -s "-screen 0 1366x768x24" python
scripts/audit_screenshots.py [zh_CN|en]` saves docs/audit.png and docs/lock-switch-user.png.

A week of plausible audit entries is recorded first (each at its own time, through the desk's
own record_audit), so the table shows what an administrator would find.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("COMMUNITY_DESK_HOME", tempfile.mkdtemp(prefix="desk-shots-"))
sys.path.insert(0, str(ROOT))

from desk_app.store.audit import SYSTEM_ACTOR, Audited, record_audit  # noqa: E402
from desk_app.store.case_queries import CaseQuery, list_cases  # noqa: E402
from desk_app.store.desk import Desk  # noqa: E402
from desk_app.store.users import User, authenticate, list_users  # noqa: E402
from desk_app.ui.app import application  # noqa: E402
from desk_app.ui.i18n import install_language  # noqa: E402
from desk_app.ui.login import LoginDialog  # noqa: E402
from desk_app.ui.main_window import MainWindow  # noqa: E402
from desk_app.workspace import Workspace, open_workspace  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))
from screenshots import settle  # noqa: E402

HOUR = 3_600_000


def seed_entries(workspace: Workspace, admin: User) -> None:
    """What a week at a busy window leaves in the audit."""
    desk = workspace.desk
    assert desk is not None
    people = {u.username: u for u in list_users(workspace.db, admin)}
    numbers = [(r.id, r.number) for r in list_cases(desk, admin, CaseQuery()).rows[:6]]
    now = desk.clock.wall_ms()
    plan = [
        (150, "admin", Audited("user.added", target="liqiang")),
        (140, "admin", Audited("user.role_changed", target="zhaomin", detail="window → deputy")),
        (120, SYSTEM_ACTOR, Audited("signin.failed", target="zhaomin")),
        (96, "wangli", Audited("personal.viewed", *numbers[0])),
        (95, "wangli", Audited("personal.printed", *numbers[0], target="HP-LaserJet-M1136",
                               detail="receipt; cases=1")),
        (72, "zhaomin", Audited("personal.searched", detail="138****5678")),
        (50, "demo", Audited("personal.exported", target="鹏湾社区 周报 2026年第48期.xlsx",
                             detail="report; cases=214")),
        (30, "demo", Audited("personal.printed", target="HP-LaserJet-M1136",
                             detail="reminder letter YT-HS-01-202612011030-D-ENV; cases=3")),
        (26, "wangli", Audited("personal.viewed", *numbers[1])),
        (8, "admin", Audited("backup.made", target="desk-20261201.cdbackup")),
        (3, "wangli", Audited("signin.switched", target="demo")),
        (2, "wangli", Audited("personal.viewed", *numbers[2])),
        (1, "admin", Audited("settings.changed", detail="auto_lock_minutes 30 → 10")),
    ]
    for hours_ago, who, entry in plan:
        at = now - hours_ago * HOUR
        stamped = Desk(workspace.db, desk.identity, workspace.catalogue, workspace.calendar,
                       wall=lambda at=at: at)
        stamped.clock.rewind_to_wall()  # the demo's history is stamped ahead of today
        record_audit(stamped, people.get(who, who), entry)


def main() -> None:
    app = application()
    language = sys.argv[1] if len(sys.argv) > 1 else "zh_CN"
    install_language(language)
    workspace = open_workspace(demo=True)
    admin = authenticate(workspace.db, "admin", "demo1234")
    seed_entries(workspace, admin)
    out = ROOT / "docs"
    suffix = "" if language == "zh_CN" else f"-{language}"
    window = MainWindow(workspace, admin)
    window.resize(1366, 768 - 32)
    window.show()
    settle()
    audit = window.show_audit()
    audit.resize(1366, 768 - 32)
    settle(1200)
    audit.grab().save(str(out / f"audit{suffix}.png"))
    audit.close()
    window.hide()
    desk = workspace.desk
    assert desk is not None
    lock = LoginDialog(workspace.db, desk.identity.name, "wangli", locked=True, idle=True)
    lock.show()
    settle()
    lock.password.setFocus()
    settle()
    lock.grab().save(str(out / f"lock-switch-user{suffix}.png"))
    lock.switch_user()
    settle()
    lock.grab().save(str(out / f"lock-switched{suffix}.png"))
    lock.reject()
    print("saved to", out)
    window.close()
    workspace.close()
    app.quit()


if __name__ == "__main__":
    main()
