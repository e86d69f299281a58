"""The intake form's behaviour: keyboard flow, inline checks, category suggestion, routing and
deadline preview, duplicate warning, saving, and the receipt."""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from desk_app.domain.catalogue import Item
from desk_app.domain.classify import Suggestion
from desk_app.domain.intake import Intake
from desk_app.domain.picker import CatalogueIndex
from desk_app.domain.sla import finish_deadline
from desk_app.domain.text import DomainError
from desk_app.domain.validation import InputError, normalize_id_number, normalize_phone
from desk_app.domain.vocabulary import CHANNELS, KINDS, STATUSES, URGENCIES
from desk_app.store.access import NotAllowed
from desk_app.store.case_rows import CaseRow
from desk_app.store.desk import Changes, Desk
from desk_app.store.user_record import User

from .category_picker import CategoryPicker
from .changes import Coalesced
from .drafts import clear_draft, load_draft, save_draft
from .formatting import deadline_time
from .i18n import label, message
from .intake_suggestions import CategorySuggestions
from .intake_view import IntakeView

if TYPE_CHECKING:
    from desk_app.domain.case import CaseState

    from .receipt import ReceiptDialog

# The store's writing and suggesting (SQLAlchemy), and the receipt (printing), are imported
# when first used, or right after the window's first paint (main_window.warm_up): the form is
# the first screen of those who register, and is painted before any of them is loaded.


class FieldKeys(QObject):
    """Keys on the intake form's fields: Enter (or Return) moves on from every field
    (Shift+Enter starts a new line in the request), and typing on a drop-down list is ignored
    instead of picking the entry that starts with that letter (鹏湾 silently became 海涛)."""

    NEWLINE = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier

    def __init__(self, form: IntakeForm) -> None:
        super().__init__(form)
        self.form = form

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.InputMethod and isinstance(watched, QComboBox):
            return True
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        key = event.key()  # type: ignore[attr-defined]
        modifiers = event.modifiers()  # type: ignore[attr-defined]
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if isinstance(watched, QPlainTextEdit) and modifiers & self.NEWLINE:
                return False
            if type(watched) is QLineEdit:
                return False  # its own checks run first (editingFinished); returnPressed moves on
            if watched is self.form.save:
                self.form.submit()
                return True
            if watched is self.form.category:
                if self.form.category.completer_open():
                    return False
                self.form.category.choose_first()
            self.form.move_on_from(watched)
            return True
        text = event.text()  # type: ignore[attr-defined]
        typed = bool(text) and text.isprintable() and text != " " and not modifiers & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        return isinstance(watched, QComboBox) and typed  # ignored, never a silent change


class IntakeForm(CategorySuggestions, IntakeView):
    saved = Signal(object)  # CaseState
    linked = Signal(object)  # CaseState the request was counted on

    def __init__(self, desk: Desk, user: User, index: CatalogueIndex,
                 parent: QWidget | None = None, draft: Path | None = None,
                 offer_draft: bool = True) -> None:
        super().__init__(CategoryPicker(desk.catalogue, index), parent)
        self.desk, self.user, self.draft = desk, user, draft
        self.show_receipt = True
        self.last_receipt: ReceiptDialog | None = None
        self._suggested: Item | None = None
        self._found: list[Suggestion] = []
        self.last_split: list[CaseState] = []
        self._add_split_offer()
        self._add_publish_box()
        self._fill_choices()
        # Enter moves on from every field, as on a paper form; a choice never changes by
        # typing meant for the next field.
        self._keys = FieldKeys(self)
        for widget in (self.channel, self.kind, self.urgency, self.name, self.phone,
                       self.id_number, self.community, self.grid, self.address, self.description,
                       self.category, self.settle, self.answer, self.save):
            widget.installEventFilter(self._keys)
        for field in (self.name, self.phone, self.id_number, self.address):
            field.returnPressed.connect(lambda f=field: self.move_on_from(f))
        self._duplicate_timer = QTimer(self, singleShot=True, interval=300)
        self._duplicate_timer.timeout.connect(self.check_duplicates)
        # A case registered on another desk and pulled, or closed meanwhile: the list follows.
        Coalesced(self, desk, self._cases_moved, self.check_duplicates)
        self._suggest_timer = QTimer(self, singleShot=True, interval=300)
        self._suggest_timer.timeout.connect(self.suggest)

        self.community.currentIndexChanged.connect(self._fill_grids)
        self.community.currentIndexChanged.connect(self._duplicate_timer.start)
        self.description.textChanged.connect(self._suggest_timer.start)
        self.category.chosen.connect(self._on_category)
        self.urgency.currentIndexChanged.connect(self.show_routing)
        self.anonymous.toggled.connect(self._on_anonymous)
        self.settle.toggled.connect(self._on_settle)
        self.phone.editingFinished.connect(self._check_phone)
        self.phone.textEdited.connect(lambda _t: self._duplicate_timer.start())
        self.phone.textEdited.connect(self._recheck_phone)
        self.id_number.textEdited.connect(self._recheck_id)
        self.id_number.editingFinished.connect(self._check_id)
        self.suggestion.clicked.connect(self.accept_suggestion)
        self.save.clicked.connect(self.submit)
        self.clear.clicked.connect(self.ask_start_over)
        self.link.clicked.connect(self.link_to_selected)
        for keys, action in ((QKeySequence(QKeySequence.StandardKey.Save), self.submit),
                             (QKeySequence("F2"), self.accept_suggestion)):
            shortcut = QShortcut(keys, self, action)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._set_tab_order()
        self.reset()
        self._draft_timer = QTimer(self, singleShot=True, interval=1000)
        self._draft_timer.timeout.connect(self.save_draft_now)
        for field in (self.name, self.phone, self.id_number, self.address):
            field.textEdited.connect(lambda _t: self._draft_timer.start())
        self.description.textChanged.connect(self._draft_timer.start)
        if offer_draft:  # the main window asks only once it is on screen and fully built
            self.offer_draft()

    # Set-up -----------------------------------------------------------------------------
    def _add_publish_box(self) -> None:
        """同意公开: the resident agrees that the request, without personal data, may appear in
        a public listing. Off unless the resident says yes (issue 11)."""
        self.publish = QCheckBox(self.tr("Resident agrees to publication (shown without "
                                         "personal data)"), objectName="publish")
        self.publish.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # not a Tab stop, like 匿名
        form = next(f for f in self.findChildren(QFormLayout)
                    if f.getWidgetPosition(self.settle)[0] >= 0)
        form.insertRow(form.getWidgetPosition(self.settle)[0], "", self.publish)

    def _fill_choices(self) -> None:
        for combo, words in ((self.channel, CHANNELS), (self.kind, KINDS),
                             (self.urgency, URGENCIES)):
            for key in words:
                combo.addItem(label(words, key), key)
        scope = self.desk.identity.org
        for unit in self.desk.catalogue.orgs.values():
            if unit.level == "community" and self.desk.catalogue.within(unit.code, scope):
                self.community.addItem(unit.name_zh, unit.code)
            elif unit.level == "grid" and self.desk.catalogue.within(scope, unit.code):
                pass
        if self.community.count() == 0:  # a desk scoped to one grid
            unit = self.desk.catalogue.orgs[scope]
            self.community.addItem(unit.name_zh, unit.code)

    def _fill_grids(self) -> None:
        self.grid.clear()
        self.grid.addItem(self.tr("(grid not known)"), "")
        for unit in self.desk.catalogue.org_children(self.community.currentData(), "grid"):
            self.grid.addItem(unit.name_zh, unit.code)

    def move_on_from(self, widget: QWidget) -> None:
        """The next field in the tab order that can take the cursor (the answer box only when
        settling on the spot; past the last field, the save button)."""
        order = self.TAB_ORDER
        names = [getattr(self, n) for n in order]
        start = names.index(widget) + 1 if widget in names else len(names)
        for candidate in names[start:]:
            if candidate.isVisibleTo(self) and candidate.isEnabled() \
                    and candidate.focusPolicy() & Qt.FocusPolicy.TabFocus:
                candidate.setFocus(Qt.FocusReason.TabFocusReason)
                return
        self.save.setFocus(Qt.FocusReason.TabFocusReason)

    TAB_ORDER = ("channel", "kind", "urgency", "name", "phone", "id_number", "community", "grid",
                 "address", "description", "category", "settle", "answer", "save")

    def _set_tab_order(self) -> None:
        order = [getattr(self, n) for n in self.TAB_ORDER]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

    def reset(self) -> None:
        """An empty form, ready for the next resident (channel and community are kept)."""
        for field in (self.name, self.phone, self.id_number, self.address):
            field.clear()
        self.description.clear()
        self.answer.clear()
        self.category.set_item(None)
        self.anonymous.setChecked(False)
        self.publish.setChecked(False)
        self.settle.setChecked(False)
        self.urgency.setCurrentIndex(self.urgency.findData("ordinary"))
        self.kind.setCurrentIndex(self.kind.findData("complaint"))
        self._fill_grids()
        self._suggested = None
        self._found = []
        self.split_offer.setChecked(False)
        self.split_offer.hide()
        self.suggestion.hide()
        self.duplicates.clear()
        self.duplicates.hide()
        self.link.hide()
        self.no_duplicates.show()
        self.duplicates_box.setTitle(self.tr("Possible duplicates"))
        self.clear_errors()
        self.show_routing()
        self.name.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.focusWidget() is None:
            self.name.setFocus()

    def has_typing(self) -> bool:
        data = self.draft_data()
        return any(data[n] for n in (*self.DRAFT_FIELDS, "description", "answer"))

    def ask_start_over(self) -> bool:
        """The Clear button: what was typed goes only when the worker says so."""
        if self.has_typing():
            answer = QMessageBox.question(
                self, self.tr("Clear the form"),
                self.tr("Clear everything typed in this form? It cannot be brought back."),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self.start_over()
        return True

    def start_over(self) -> None:
        """Clear the form on purpose: the draft goes too."""
        self.reset()
        if self.draft is not None:
            clear_draft(self.draft)

    # Drafts: what was typed survives a crash ------------------------------------------------
    DRAFT_FIELDS = ("name", "phone", "id_number", "address")

    def draft_data(self) -> dict[str, object]:
        data: dict[str, object] = {n: getattr(self, n).text() for n in self.DRAFT_FIELDS}
        data.update(description=self.description.toPlainText(), answer=self.answer.toPlainText(),
                    channel=self.channel.currentData(), kind=self.kind.currentData(),
                    urgency=self.urgency.currentData(), community=self.community.currentData(),
                    grid=self.grid.currentData(), anonymous=self.anonymous.isChecked(),
                    public=self.publish.isChecked(),
                    category=self.category.item.code if self.category.item else "")
        return data

    def save_draft_now(self) -> None:
        if self.draft is None:
            return
        data = self.draft_data()
        if any(data[n] for n in (*self.DRAFT_FIELDS, "description")):
            save_draft(self.draft, data)
        else:
            clear_draft(self.draft)

    def offer_draft(self) -> None:
        """A request typed but not saved when the desk last stopped is offered back."""
        data = load_draft(self.draft) if self.draft is not None else None
        if not data:
            return
        answer = QMessageBox.question(
            self, self.tr("Unsaved request"),
            self.tr("A request was being typed when Community Desk last stopped. Put it back "
                    "in the form?"))
        if answer != QMessageBox.StandardButton.Yes:
            clear_draft(self.draft)  # type: ignore[arg-type]
            return
        self.fill(data)

    def fill(self, data: dict[str, object]) -> None:
        for name in self.DRAFT_FIELDS:
            getattr(self, name).setText(str(data.get(name, "")))
        for combo in ("channel", "kind", "urgency", "community"):
            widget = getattr(self, combo)
            widget.setCurrentIndex(max(0, widget.findData(data.get(combo))))
        self.grid.setCurrentIndex(max(0, self.grid.findData(data.get("grid", ""))))
        self.anonymous.setChecked(bool(data.get("anonymous")))
        self.publish.setChecked(bool(data.get("public")))
        self.description.setPlainText(str(data.get("description", "")))
        item = self.desk.catalogue.items.get(str(data.get("category", "")))
        if item is not None:
            self.category.set_item(item)
        if data.get("answer"):
            self.settle.setChecked(True)
            self.answer.setPlainText(str(data["answer"]))

    # Reading the form -------------------------------------------------------------------
    def intake(self) -> Intake:
        item = self.category.item
        return Intake(
            channel=self.channel.currentData(), kind=self.kind.currentData(),
            urgency=self.urgency.currentData(), description=self.description.toPlainText(),
            category=item.code if item else "", community=self.community.currentData() or "",
            grid=self.grid.currentData() or "", address=self.address.text(),
            name=self.name.text(), phone=self.phone.text(), id_number=self.id_number.text(),
            anonymous=self.anonymous.isChecked(), public=self.publish.isChecked(),
        )

    # Inline checks ----------------------------------------------------------------------
    def show_error(self, name: str, text: str) -> None:
        widget = self.errors.get(name)
        if widget is not None:
            widget.setText(text)
            widget.setVisible(bool(text))

    def clear_errors(self) -> None:
        for name in self.errors:
            self.show_error(name, "")

    def _check_phone(self) -> None:
        text = self.phone.text().strip()
        try:
            if text:
                normalize_phone(text)
            self.show_error("phone", "")
        except InputError as error:
            self.show_error("phone", message(error))

    def _recheck_phone(self, _text: str) -> None:
        """While an error shows, correcting the number clears it at once (not on leaving)."""
        if self.errors["phone"].text():
            self._check_phone()

    def _recheck_id(self, _text: str) -> None:
        if self.errors["id_number"].text():
            text = self.id_number.text().strip()
            try:
                if text:
                    normalize_id_number(text)
                self.show_error("id_number", "")
            except InputError:
                pass  # still wrong: the message stays until the field is left

    def _check_id(self) -> None:
        text = self.id_number.text().strip()
        try:
            if text:
                self.id_number.setText(normalize_id_number(text))
            self.show_error("id_number", "")
        except InputError as error:
            self.show_error("id_number", message(error))

    def _on_anonymous(self, anonymous: bool) -> None:
        self.name.setEnabled(not anonymous)
        if anonymous:
            self.show_error("name", "")

    def _on_settle(self, settle: bool) -> None:
        self.answer.setVisible(settle)
        if settle and self.kind.currentData() == "complaint":
            self.kind.setCurrentIndex(self.kind.findData("consultation"))
        self.show_routing()

    # Category, routing, deadline --------------------------------------------------------
    def _on_category(self, item: Item | None) -> None:
        if item is not None:
            self.show_error("category", "")
            if self.urgency.currentData() == "ordinary" and item.urgency != "ordinary":
                self.urgency.setCurrentIndex(self.urgency.findData(item.urgency))
        self.show_routing()
        self._duplicate_timer.start()

    def show_routing(self) -> None:
        """Who will handle it and by when, before the worker saves."""
        item = self.category.item
        if self.settle.isChecked():
            self.routing.setText(self.tr("Closed at once with the answer you record."))
            return
        if item is None:
            self.routing.setText(self.tr("Choose a category to see the department and the deadline."))
            return
        catalogue = self.desk.catalogue
        lead = catalogue.departments[item.lead].name_zh
        co = "、".join(catalogue.departments[c].name_zh for c in item.co)
        due = finish_deadline(datetime.now(UTC), self.urgency.currentData(), item.time_limit,
                              self.desk.calendar)
        text = self.tr("Department: %1").replace("%1", lead)
        if co:
            text += "\n" + self.tr("Together with: %1").replace("%1", co)
        text += "\n" + self.tr("Due by %1 (to be signed for within 24 hours)").replace(
            "%1", deadline_time(due))
        self.routing.setText(text)

    def _learn(self, case: CaseState) -> None:
        """The worker confirmed or corrected the category: the desk keeps it as an example."""
        if case.category:
            from desk_app.store.learned import remember_choice

            remember_choice(self.desk, self.description.toPlainText(), case.category,
                            suggested=self._found[0].item.code if self._found else "",
                            actor=self.user.username)

    # Duplicates -------------------------------------------------------------------------
    @staticmethod
    def _cases_moved(changes: Changes) -> bool:
        return changes.touches("case")

    def check_duplicates(self) -> list[CaseRow]:
        item = self.category.item
        description = self.description.toPlainText()
        rows: list[CaseRow] = []
        # With no phone, no category and (almost) no description nothing can match (see
        # possible_duplicates): not asked, so a blank form (at start) needs no store.
        if self.phone.text().strip() or item is not None or len(description.strip()) >= 4:
            from desk_app.store.case_queries import possible_duplicates

            rows = possible_duplicates(
                self.desk.db, self.user, phone=self.phone.text(),
                category=item.code if item else "",
                community=self.community.currentData() or "", address=self.address.text(),
                description=description, catalogue=self.desk.catalogue)
        self.duplicates.clear()
        for row in rows:
            entry = QListWidgetItem(f"{row.number}  {label(STATUSES, row.status)}\n{row.title}")
            entry.setData(Qt.ItemDataRole.UserRole, row.id)
            entry.setToolTip(row.title)
            self.duplicates.addItem(entry)
        if rows:
            self.duplicates.setCurrentRow(0)
        self.duplicates_box.setTitle(self.tr("Possible duplicates (%n)", "", len(rows)))
        self.duplicates.setVisible(bool(rows))
        self.link.setVisible(bool(rows))
        self.no_duplicates.setVisible(not rows)
        return rows

    def link_to_selected(self) -> None:
        entry = self.duplicates.currentItem()
        if entry is None:
            return
        from desk_app.store.cases import link_repeat

        try:
            case = link_repeat(self.desk, self.user, entry.data(Qt.ItemDataRole.UserRole),
                               self.intake())
        except (DomainError, NotAllowed) as error:
            QMessageBox.warning(self, self.tr("Not counted"), message(error))
            return
        self.linked.emit(case)
        QMessageBox.information(
            self, self.tr("Counted on the existing case"),
            self.tr("The request was added to case %1; no new case was opened.")
            .replace("%1", case.number))
        self.start_over()

    # Saving -----------------------------------------------------------------------------
    def submit(self) -> CaseState | None:
        from desk_app.store.cases import IntakeError, SplitPart, get_case, register_case, split_case

        from .receipt import ReceiptDialog

        self.category.choose_first()
        self.clear_errors()
        settle = self.answer.toPlainText() if self.settle.isChecked() else None
        try:
            case = register_case(self.desk, self.user, self.intake(), settle_answer=settle)
        except IntakeError as error:
            for name, problem in error.errors.items():
                self.show_error(name, message(problem))
            first = next((n for n in self.FIELDS if n in error.errors), None)
            widget = getattr(self, first, None) if first else None
            if isinstance(widget, QWidget):
                widget.setFocus()
            return None
        except (DomainError, NotAllowed) as error:
            QMessageBox.warning(self, self.tr("Not saved"), message(error))
            return None
        self._learn(case)
        parts = self.split_parts()
        if parts and settle is None:
            try:
                self.last_split = split_case(
                    self.desk, self.user, case.id,
                    [SplitPart(p.part, p.item.code) for p in parts],
                    reason=self.tr("Two problems in one request, split at intake"))
                case = get_case(self.desk, self.user, case.id)
            except (DomainError, NotAllowed) as error:
                QMessageBox.warning(self, self.tr("Saved as one case"), message(error))
        self.saved.emit(case)
        if self.draft is not None:
            clear_draft(self.draft)
        if self.show_receipt:
            self.last_receipt = ReceiptDialog(self.desk, case, self, user=self.user)
            self.last_receipt.open()
        self.reset()
        return case
