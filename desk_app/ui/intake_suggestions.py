"""What the suggester offers on the intake form: the category for the description (with why,
and shown as unsure when it is, F2 to take it) and, when the request holds two problems, the
offer to save it as two cases. A part of `IntakeForm`, apart from the form's fields and saving;
its texts keep the form's translation context."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFormLayout, QPushButton

from desk_app.domain.roles import may

from .i18n import translate

if TYPE_CHECKING:
    from desk_app.domain.catalogue import Item
    from desk_app.domain.classify import Suggestion


class CategorySuggestions:
    """Mixed into IntakeForm (which has the description, category, suggestion label, the
    duplicate timer, the desk and the user)."""

    _found: list[Suggestion]
    _suggested: Item | None

    def _add_split_offer(self) -> None:
        """A checkable offer under the suggestion: save a two-problem request as two cases."""
        self.split_offer = QPushButton(objectName="split_offer", checkable=True)
        self.split_offer.setFlat(True)
        self.split_offer.setStyleSheet("text-align: left; color: #8a4b00;")
        self.split_offer.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.split_offer.hide()
        self.split_offer.toggled.connect(self._show_split_offer)
        for form in self.findChildren(QFormLayout):
            row, _role = form.getWidgetPosition(self.suggestion)
            if row >= 0:
                form.insertRow(row + 1, "", self.split_offer)
                break

    def suggest(self) -> None:
        """Category suggestion from the description, with why; shown as unsure when it is, and
        with an offer to split when the request holds two problems."""
        text = self.description.toPlainText()
        if text.strip():  # (nothing to suggest from: the store is not needed, at start)
            from desk_app.store.learned import suggest_for

            self._found = suggest_for(self.desk, text, limit=3)
        else:
            self._found = []
        self._duplicate_timer.start()  # the same problem in other words, by meaning
        found = self._found
        self._suggested = found[0].item if found else None
        parts = [s for s in found if s.part]
        self.split_offer.setVisible(len(parts) >= 2)
        if len(parts) < 2:
            self.split_offer.setChecked(False)
        self._show_split_offer()
        if self._suggested is None or self._suggested is self.category.item:
            self.suggestion.hide()
            return
        best = found[0]
        if best.confident or len(parts) >= 2:  # two problems compete; neither is unsure
            lead = self.desk.catalogue.departments[best.item.lead].name_zh
            sure = translate("IntakeForm", "%1% sure").replace(
                "%1", str(round(best.confidence * 100)))
            text = translate("IntakeForm", "Suggested: %1 → %4 (%2, %3) — press F2 to accept") \
                .replace("%1", best.item.name_zh).replace("%2", self._reason(best)) \
                .replace("%3", sure).replace("%4", lead)
        else:
            names = "、".join(s.item.name_zh for s in found)
            text = translate("IntakeForm",
                             "Not sure: %1? Press F2 to choose (the catch-all %2 is last)") \
                .replace("%1", names).replace("%2", self.desk.catalogue.catch_all.name_zh)
        self.suggestion.setText(text)
        self.suggestion.setToolTip(self._reason(best))
        self.suggestion.show()

    @staticmethod
    def _reason(suggestion: Suggestion) -> str:
        template, values = suggestion.reason
        text = QCoreApplication.translate("suggest", template)
        try:
            return text.format(**values)
        except (KeyError, IndexError, ValueError):
            return template.format(**values)

    def _parts(self) -> list[Suggestion]:
        """The problems found in the description, in the order the resident told them."""
        text = self.description.toPlainText()
        parts = [s for s in self._found if s.part]
        return sorted(parts, key=lambda s: text.find(s.part.split("，")[0]))

    def split_parts(self) -> list[Suggestion]:
        """The problems of the description when the worker took the offer to split."""
        parts = self._parts()
        return parts if self.split_offer.isChecked() and len(parts) >= 2 else []

    def _show_split_offer(self) -> None:
        parts = self._parts()
        if len(parts) < 2:
            return
        def short(part: str) -> str:
            return part if len(part) <= 10 else part[:10] + "…"

        listed = "；".join(f"{s.item.name_zh}（{short(s.part)}）" for s in parts)
        self.split_offer.setToolTip("\n".join(f"{s.item.name_zh}：{s.part}" for s in parts))
        if not may(self.user.role, "split"):
            self.split_offer.setCheckable(False)
            self.split_offer.setText(translate(
                "IntakeForm", "Two problems? %1 — a supervisor can split the case after saving")
                .replace("%1", listed))
        elif self.split_offer.isChecked():
            # (at least two parts here, so no singular form is needed)
            self.split_offer.setText(translate(
                "IntakeForm", "Will be saved as %1 cases: %2 (click to keep one)")
                .replace("%1", str(len(parts))).replace("%2", listed))
        else:
            self.split_offer.setText(translate(
                "IntakeForm", "Two problems? %1 — click to save them as separate cases")
                .replace("%1", listed))

    def accept_suggestion(self) -> None:
        """F2: take a confident suggestion; when unsure, open the choices (catch-all last)."""
        if self._suggested is None:
            return
        if self._found and not self._found[0].confident:
            choices = [s.item for s in self._found]
            catch_all = self.desk.catalogue.catch_all
            self.category.offer([*(i for i in choices if i is not catch_all), catch_all])
            self.suggestion.hide()
            return
        self.category.set_item(self._suggested)
        self.suggestion.hide()
