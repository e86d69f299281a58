"""The demo workspace's accounts (user name, name, role) and their one password.

Apart from demo.py (sample cases: the event log and the store) because the sign-in window of a
demo start lists them, and that window imports nothing it does not show (issue 14)."""

from __future__ import annotations

DEMO_PASSWORD = "demo1234"
DEMO_ACCOUNTS = (
    ("demo", "演示主管", "supervisor"),
    ("wangli", "王丽", "window"),
    ("zhaomin", "赵敏", "deputy"),
    ("liqiang", "李强", "grid"),
    ("admin", "系统管理员", "admin"),
)
