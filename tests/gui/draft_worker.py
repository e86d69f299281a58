"""A desk whose worker is typing a request when the process is killed (-9).

    python -m tests.gui.draft_worker HOME
Prints "typed" once the draft is on disk, then waits to be killed.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["COMMUNITY_DESK_HOME"] = sys.argv[1]

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from desk_app.domain.picker import CatalogueIndex
from desk_app.store.users import authenticate
from desk_app.ui.drafts import DRAFT_FILE
from desk_app.ui.intake_form import IntakeForm
from desk_app.workspace import open_workspace

app = QApplication([])
workspace = open_workspace()
assert workspace.desk is not None
user = authenticate(workspace.db, "wangli", "password-123")
draft = workspace.paths.data / DRAFT_FILE
form = IntakeForm(workspace.desk, user, CatalogueIndex(workspace.catalogue), draft=draft)
form.show()
for widget, text in ((form.name, "刘海燕"), (form.description, "楼下工地凌晨还在打桩，吵得没法睡觉。")):
    event = QInputMethodEvent()
    event.setCommitString(text)
    widget.setFocus()
    QApplication.sendEvent(widget, event)
form.phone.setText("13926543210")
form.phone.textEdited.emit("13926543210")
loop = QEventLoop()
QTimer.singleShot(1500, loop.quit)  # the form saves its draft a second after the last key
loop.exec()
print("typed" if draft.exists() else "no draft", flush=True)
time.sleep(60)
