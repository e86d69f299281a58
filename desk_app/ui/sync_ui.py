"""Sync in the desk's window: the scheduler's bridge to Qt, enrolment, and the rejections list.

The scheduler runs sync on its own thread; it reaches the GUI only through queued signals of
`SyncBridge`, never by touching a widget.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.events import EVENT_TYPES
from desk_app.domain.text import QT_TRANSLATE_NOOP, DomainError
from desk_app.store.desk import Desk
from desk_app.store.sync_state import (
    discard_rejected,
    list_rejections,
    record_again,
    resend_rejected,
    sync_fact,
)
from desk_app.store.users import User
from desk_app.workspace import Workspace, synced_catalogue_dir
from sync.client import SyncClient, SyncError, SyncReport, TokenStore, enrol
from sync.scheduler import SyncScheduler

from .formatting import local_time
from .i18n import message, translate
from .tasks import BackgroundOp


class SyncBridge(QObject):
    started = Signal()
    progress = Signal(str, int, int)
    finished = Signal(object)  # SyncReport

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.tokens = TokenStore(workspace.paths.config)
        self.scheduler = SyncScheduler(self.client, workspace.settings.sync_interval_minutes,
                                       self.finished.emit, self.progress.emit, self.started.emit)

    @property
    def desk(self) -> Desk:
        assert self.workspace.desk is not None
        return self.workspace.desk

    def server_url(self) -> str | None:
        return sync_fact(self.desk.db, "server_url")

    def client(self) -> SyncClient | None:
        url = self.server_url()
        token = self.tokens.load(self.desk.code) if url else None
        if not (url and token):
            return None
        return SyncClient(self.desk, url, token,
                          catalogue_dir=synced_catalogue_dir(self.workspace.paths))

    def start(self) -> None:
        self.scheduler.start()

    def sync_now(self) -> None:
        self.scheduler.sync_now()

    def stop(self) -> None:
        self.scheduler.shutdown()


def sync_summary(desk: Desk, report: SyncReport | None, pending: int, refused: int) -> str:
    """The status bar's words: when the desk last synced, what waits, what was refused."""
    url = sync_fact(desk.db, "server_url")
    if not url:
        parts = [translate("SyncStatus", "Working offline (not enrolled with the centre)")]
    else:
        last = sync_fact(desk.db, "last_success")
        parts = [translate("SyncStatus", "Last sync %1").replace(
            "%1", local_time(int(last)) if last else translate("SyncStatus", "never"))]
        if report is not None and report.error_code in VERSION_PROBLEMS:
            parts.append(translate("SyncStatus", VERSION_PROBLEMS[report.error_code]))
        elif report is not None and report.error:
            parts.append(translate("SyncStatus", "sync failed: %1").replace(
                "%1", sync_error_text(report.error)))
    if pending:
        parts.append(translate("SyncStatus", "%1 to send").replace("%1", str(pending)))
    if refused:
        parts.append(translate("SyncStatus", "%1 refused by the centre").replace("%1", str(refused)))
    return " · ".join(parts)


VERSION_PROBLEMS = {
    "upgrade_required": QT_TRANSLATE_NOOP(
        "SyncStatus", "This desk's software is too old for the centre: please upgrade it"),
    "centre_too_old": QT_TRANSLATE_NOOP(
        "SyncStatus", "The centre's software is too old for this desk: the centre must be upgraded"),
}

# What sync/client.py and the centre say (in English, the wire language), in the desk's
# language. Matched by the centre's error code where it sends one, else by the text; anything
# unknown is still shown, after a translated lead-in, never silently.
_CAUSES = {
    "ConnectionError": QT_TRANSLATE_NOOP("SyncStatus", "no connection (check the network and the address)"),
    "ConnectTimeout": QT_TRANSLATE_NOOP("SyncStatus", "no answer in time"),
    "ReadTimeout": QT_TRANSLATE_NOOP("SyncStatus", "no answer in time"),
    "Timeout": QT_TRANSLATE_NOOP("SyncStatus", "no answer in time"),
    "SSLError": QT_TRANSLATE_NOOP("SyncStatus", "the centre's certificate is not trusted"),
    "InvalidURL": QT_TRANSLATE_NOOP("SyncStatus", "the address is not valid"),
    "MissingSchema": QT_TRANSLATE_NOOP("SyncStatus", "the address is not valid"),
    "InvalidSchema": QT_TRANSLATE_NOOP("SyncStatus", "the address is not valid"),
    "TooManyRedirects": QT_TRANSLATE_NOOP("SyncStatus", "the address leads round in circles"),
}
SYNC_ERRORS: tuple[tuple[str, str], ...] = (
    (r"The centre cannot be reached at (?P<url>\S+): (?P<cause>\w+)\.",
     QT_TRANSLATE_NOOP("SyncStatus", "The centre cannot be reached at {url}: {cause}.")),
    (r"The centre cannot be reached: (?P<cause>\w+)\.",
     QT_TRANSLATE_NOOP("SyncStatus", "The centre cannot be reached: {cause}.")),
    (r"The centre's address (?P<url>\S+) uses plain http://, which sends the desk's token and "
     r"residents' data unencrypted\. Use its https:// address \(plain http:// is allowed only "
     r"to this computer itself\)\.",
     QT_TRANSLATE_NOOP("SyncStatus", "The centre's address {url} uses plain http://, which sends the desk's key and residents' data unencrypted. Use its https:// address (plain http:// is allowed only to this computer itself).")),
    (r"'?(?P<url>.*?)'? is not the web address of a centre \(it should start with https://\)\.",
     QT_TRANSLATE_NOOP("SyncStatus", "{url} is not the web address of a centre (it should start with https://).")),
    (r"A secure connection to the centre could not be made: (?P<detail>.*)",
     QT_TRANSLATE_NOOP("SyncStatus", "A secure connection to the centre could not be made ({detail}).")),
    (r"The centre's certificate could not be verified(?: \(.*?\))?: this computer does not trust "
     r"it\..*",
     QT_TRANSLATE_NOOP("SyncStatus", "The centre's certificate could not be verified: this computer does not trust it. If the centre uses your network's own certificate authority, install that authority's certificate in this computer's trust store; if not, the address may not be the centre's.")),
    (r"The centre did not answer in time\.",
     QT_TRANSLATE_NOOP("SyncStatus", "The centre did not answer in time.")),
    (r"The centre's answer was cut off on the way; it will be fetched again\.",
     QT_TRANSLATE_NOOP("SyncStatus", "The centre's answer was cut off on the way; it will be fetched again.")),
    (r"The centre's answer was cut off or unreadable\.",
     QT_TRANSLATE_NOOP("SyncStatus", "The centre's answer was cut off or unreadable.")),
    (r"The centre answered only part of a batch\.",
     QT_TRANSLATE_NOOP("SyncStatus", "The centre answered only part of a batch; it will be sent again.")),
    (r"The centre's answer to a push has no results\.",
     QT_TRANSLATE_NOOP("SyncStatus", "The centre's answer to a push has no results; it will be sent again.")),
    (r"The centre's answer is not understood: (?P<detail>.*)\.",
     QT_TRANSLATE_NOOP("SyncStatus", "The centre's answer is not understood ({detail}).")),
    (r"The centre keeps asking for a reset\.",
     QT_TRANSLATE_NOOP("SyncStatus", "The centre keeps asking this desk to download everything again.")),
    (r"A page from the centre is not understood \((?P<detail>.*)\)\.",
     QT_TRANSLATE_NOOP("SyncStatus", "A page from the centre is not understood ({detail}).")),
    (r"The centre sent an event this desk cannot read: (?P<detail>.*)\.",
     QT_TRANSLATE_NOOP("SyncStatus", "The centre sent a record this desk cannot read ({detail}).")),
    (r"An attachment from the centre does not match its SHA-256\.",
     QT_TRANSLATE_NOOP("SyncStatus", "A photo from the centre arrived damaged; it will be fetched again.")),
    (r"The centre's catalogue snapshot is incomplete\.",
     QT_TRANSLATE_NOOP("SyncStatus", "The centre's catalogue arrived incomplete; the desk keeps the one it has.")),
    (r"The centre's catalogue was refused: (?P<detail>.*)",
     QT_TRANSLATE_NOOP("SyncStatus", "The centre's catalogue was not taken ({detail}); the desk keeps the one it has.")),
    (r"The centre's calendar was refused: (?P<detail>.*)",  # issue 10
     QT_TRANSLATE_NOOP("SyncStatus", "The centre's holiday calendar was not taken ({detail}); "
                                     "the desk keeps the one it has.")),
    (r"A sync is already running\.",
     QT_TRANSLATE_NOOP("SyncStatus", "A sync is already running.")),
    (r"The centre speaks sync protocol .*",
     QT_TRANSLATE_NOOP("SyncStatus", "The centre's software is too old for this desk: the centre must be upgraded")),
    (r"The centre keeps going back in time.*",
     QT_TRANSLATE_NOOP("SyncStatus", "The centre was restored again while this desk caught up; the next sync goes on.")),
    (r"This desk speaks sync protocol .*",
     QT_TRANSLATE_NOOP("SyncStatus", "This desk's software is too old for the centre: please upgrade it")),
    # The centre's own refusals (sync/server/store.py), enrolment first.
    (r"This enrolment code is not known\. Check it with the centre\.",
     QT_TRANSLATE_NOOP("SyncStatus", "This enrolment code is not known. Check it with the centre.")),
    (r"This enrolment code has already been used\.",
     QT_TRANSLATE_NOOP("SyncStatus", "This enrolment code has already been used. Ask the centre for a new one.")),
    (r"This enrolment code has expired\. Ask the centre for a new one\.",
     QT_TRANSLATE_NOOP("SyncStatus", "This enrolment code has expired. Ask the centre for a new one.")),
    (r"The desk code (?P<code>\S+) is already enrolled\. Choose another\.",
     QT_TRANSLATE_NOOP("SyncStatus", "The desk code {code} is already enrolled at the centre. Ask the centre what to do.")),
    (r"The desk code or name is not valid.*",
     QT_TRANSLATE_NOOP("SyncStatus", "The centre does not accept this desk's code or name (a code looks like YT-HS-01).")),
    (r"Send the enrolment code, the desk code and the desk name\.",
     QT_TRANSLATE_NOOP("SyncStatus", "Enter the enrolment code.")),
    (r"The (?:enrolment code|desk code|desk name) holds characters that are not text\.",
     QT_TRANSLATE_NOOP("SyncStatus", "The enrolment code holds characters that are not text: type it again.")),
    (r"This desk is not enrolled.*",
     QT_TRANSLATE_NOOP("SyncStatus", "The centre does not know this desk any more: enrol it again.")),
    (r"This desk's access has been revoked by the centre\.",
     QT_TRANSLATE_NOOP("SyncStatus", "The centre has withdrawn this desk's access. Ask the centre.")),
    (r"This request needs the desk's token\.",
     QT_TRANSLATE_NOOP("SyncStatus", "The centre asked for this desk's key: enrol the desk again.")),
    (r"HTTP (?P<status>\d+)",
     QT_TRANSLATE_NOOP("SyncStatus", "The centre answered with an error (HTTP {status}).")),
)
_PREFIX = re.compile(r"^[A-Z]\w*(?:Error|Busy|Exception|Timeout): ")


def sync_error_text(text: str) -> str:
    """A sync or enrolment failure in the desk's language ("SyncError: " prefixes dropped)."""
    text = _PREFIX.sub("", text.strip(), count=1)
    for pattern, template in SYNC_ERRORS:
        found = re.fullmatch(pattern, text)
        if found is not None:
            values = found.groupdict()
            if "cause" in values:
                cause = _CAUSES.get(values["cause"])
                values["cause"] = translate("SyncStatus", cause) if cause else values["cause"]
            return translate("SyncStatus", template).format(**values)
    return translate("SyncStatus", "The centre said: %1").replace("%1", text)


REFUSALS = {
    "invalid": QT_TRANSLATE_NOOP("SyncStatus", "The centre found the record invalid"),
    "outside_scope": QT_TRANSLATE_NOOP("SyncStatus", "Outside the area this desk serves"),
    "foreign_actor": QT_TRANSLATE_NOOP("SyncStatus", "Recorded by someone who is not of this desk"),
    "clock_ahead": QT_TRANSLATE_NOOP("SyncStatus", "This computer's clock was fast: the record is dated in the future"),
    "conflict": QT_TRANSLATE_NOOP("SyncStatus", "The centre holds a different record with the same identity"),
}


def refusal_text(code: str | None, reason: str) -> str:
    """Why the centre refused, in the desk's language, with the centre's own words after it."""
    known = REFUSALS.get(code or "")
    return f"{translate('SyncStatus', known)}（{reason}）" if known else reason


class EnrolDialog(QDialog):
    """Server address and the one-time code from the centre; the token goes to the keyring."""

    def __init__(self, bridge: SyncBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.setWindowTitle(self.tr("Enrol with the central platform"))
        self.setMinimumWidth(460)
        self.url = QLineEdit(bridge.server_url() or bridge.workspace.settings.server_url or "https://",
                             objectName="serverUrl")
        self.code = QLineEdit(objectName="enrolCode")
        self.code.setPlaceholderText("XXXX-XXXX-XXXX-XXXX")
        self.error = QLabel(objectName="enrolError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Centre address"), self.url)
        form.addRow(self.tr("Enrolment code"), self.code)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Enrol"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.try_enrol)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Ask the centre for a one-time code for this desk (%1).")
                      .replace("%1", bridge.desk.code))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def try_enrol(self) -> None:
        url, code = self.url.text().strip(), self.code.text().strip()
        if not url.startswith(("http://", "https://")) or not code:
            self.error.setText(self.tr("Enter the centre's address (https://…) and the code."))
            return
        self.buttons.setEnabled(False)
        self.error.setText(self.tr("Contacting the centre…"))

        def done(_result: object) -> None:
            self.bridge.workspace.settings.server_url = url
            self.bridge.workspace.settings.save(self.bridge.workspace.paths.settings)
            self.accept()
            self.bridge.sync_now()

        def failed(error: Exception) -> None:
            self.buttons.setEnabled(True)
            self.error.setText(sync_error_text(str(error)) if isinstance(error, SyncError) else
                               message(error) if isinstance(error, DomainError) else
                               sync_error_text(f"{error.__class__.__name__}: {error}"))

        BackgroundOp(self, lambda _s: enrol(self.bridge.desk, url, code, self.bridge.tokens),
                     pool_name="net").success(done).failure(failed).run()


class RejectionsDialog(QDialog):
    """Every event the centre refused, with its reason; resend, record again, or discard."""

    def __init__(self, desk: Desk, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.user = desk, user
        self.setWindowTitle(self.tr("Events refused by the centre"))
        self.resize(900, 420)
        self.table = QTableWidget(0, 4, objectName="rejections")
        self.table.setHorizontalHeaderLabels([self.tr("Recorded"), self.tr("Step"),
                                              self.tr("By"), self.tr("Why the centre refused it")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.resend = QPushButton(self.tr("Send again"), objectName="resend")
        self.again = QPushButton(self.tr("Record again now (after fixing the clock)"),
                                 objectName="recordAgain")
        self.discard = QPushButton(self.tr("Discard…"), objectName="discard")
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        self.resend.clicked.connect(lambda: self._act("resend"))
        self.again.clicked.connect(lambda: self._act("again"))
        self.discard.clicked.connect(lambda: self._act("discard"))
        buttons = QHBoxLayout()
        for button in (self.resend, self.again, self.discard):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Nothing is dropped silently: decide what to do with each.")))
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        self.items = list_rejections(self.desk.db, self.user)
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            kind = EVENT_TYPES.get(item.event.type)
            cells = [local_time(item.event.wall_ms), translate("events", kind.label) if kind else
                     item.event.type, item.event.actor, refusal_text(item.code, item.reason)]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if self.items:
            self.table.selectRow(0)
        for button in (self.resend, self.again, self.discard):
            button.setEnabled(bool(self.items))

    def _act(self, what: str) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.items):
            return
        event_id = self.items[row].event.id
        try:
            if what == "resend":
                resend_rejected(self.desk, self.user, event_id)
            elif what == "again":
                record_again(self.desk, self.user, event_id)
            else:
                note, ok = QInputDialog.getText(self, self.tr("Discard"),
                                                self.tr("Why is it discarded?"))
                if not ok:
                    return
                discard_rejected(self.desk, self.user, event_id, note)
        except DomainError as error:
            QMessageBox.warning(self, self.tr("Not done"), message(error))
        self.reload()
