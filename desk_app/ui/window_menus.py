"""The main window's menu bar: what each role reaches from it, and the keys for it.

Each entry is one row (text, keys, who may, what it does), so what a role sees in the menus
reads as a table; the permissions are the roles' own (`domain.roles.may`). The texts keep the
main window's translation context.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtGui import QAction, QKeySequence

from desk_app.domain.roles import may

from .i18n import translate

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from .main_window import MainWindow


class Item(NamedTuple):
    text: str
    keys: Any  # a key sequence's text, a standard key, or None
    allowed: Callable[[str], bool]  # by role
    act: Callable[[], object]
    name: str = ""  # the action's object name, for tests and automation


Entry = Item | None  # None: a separator


def _anyone(_role: str) -> bool:
    return True


def _may(*permissions: str) -> Callable[[str], bool]:
    return lambda role: any(may(role, p) for p in permissions)


def _accounts() -> Any:
    from . import accounts  # the accounts dialogs: imported when a menu entry is chosen

    return accounts


def build_menus(w: MainWindow) -> None:
    bar = w.menuBar()
    desk: list[Entry] = []
    if w.intake is not None:
        desk.append(Item(translate("MainWindow", "&Register a request"), "Ctrl+N", _anyone,
                         lambda: w.show_page(w.intake)))
    desk += [
        Item(translate("MainWindow", "&Cases"), "Ctrl+F", _anyone, lambda: w.show_page(w.cases)),
        Item(translate("MainWindow", "&Overdue and due soon"), "Ctrl+D", _anyone, w.show_overdue),
        None,
        Item(translate("MainWindow", "&Sync now"), "F5", _anyone, w.sync_now),
        Item(translate("MainWindow", "&Enrol with the central platform…"), None, _may("settings"),
             w.enrol),
        Item(translate("MainWindow", "Events &refused by the centre…"), None, _may("rejections"),
             w.show_rejections),
        Item(translate("MainWindow", "&Back up now…"), None, _may("settings", "rejections"),
             w.back_up_now),
        Item(translate("MainWindow", "Restore from a bac&kup…"), None, _may("settings"),
             w.ask_restore),
        # issue 11: the access audit is the administrator's alone
        Item(translate("MainWindow", "Access &audit…"), "Ctrl+Shift+A", _may("audit_log"),
             w.show_audit, "auditLog"),
        None,
        Item(translate("MainWindow", "&Lock"), "Ctrl+L", _anyone, w.lock_requested.emit),
        Item(translate("MainWindow", "&Quit"), QKeySequence.StandardKey.Quit, _anyone, w.close),
    ]
    settings: list[Entry] = [
        Item(translate("MainWindow", "&Preferences…"), None, _anyone, w.edit_settings),
        Item(translate("MainWindow", "&Accounts…"), None, _may("users"),
             lambda: _accounts().AccountsDialog(w.desk, w.user, w).exec()),
        Item(translate("MainWindow", "Change my &password…"), None, _anyone,
             lambda: _accounts().ChangePasswordDialog(w.desk, w.user, parent=w).exec()),
    ]
    help_: list[Entry] = [
        Item(translate("MainWindow", "&About Community Desk"), None, _anyone, w.about),
    ]
    for title, entries in ((translate("MainWindow", "&Desk"), desk),
                               (translate("MainWindow", "&Settings"), settings),
                               (translate("MainWindow", "&Help"), help_)):
        _fill(w, bar.addMenu(title), entries)


def _fill(w: MainWindow, menu: QMenu, entries: list[Entry]) -> None:
    role = w.user.role
    for entry in entries:
        if entry is None:
                menu.addSeparator()
                continue
        if not entry.allowed(role):
                continue
        action = QAction(entry.text, w, objectName=entry.name)
        if entry.keys is not None:
                action.setShortcut(QKeySequence(entry.keys))
        action.triggered.connect(lambda _checked=False, act=entry.act: act())
        menu.addAction(action)
