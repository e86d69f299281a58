"""Choosing the catalogue item: type Chinese, a keyword, pinyin initials ("zy" for 噪音), full
pinyin, English or the code, and pick from the list; or accept the suggestion made from the
description with one key (F2)."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from desk_app.domain.catalogue import Catalogue, Item
from desk_app.domain.picker import CatalogueIndex


def item_path(catalogue: Catalogue, item: Item) -> str:
    top, sub, _ = catalogue.path(item.code)
    return f"{top.name_zh} › {sub.name_zh} › {item.name_zh}"


class CategoryPicker(QLineEdit):
    """A line edit whose completer lists matching items; `item` is the chosen one or None."""

    chosen = Signal(object)  # Item | None

    def __init__(self, catalogue: Catalogue, index: CatalogueIndex,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalogue, self.index = catalogue, index
        self.item: Item | None = None
        self._results: list[Item] = []
        self._model = QStringListModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setMaxVisibleItems(12)
        self._completer.setWidget(self)
        self._completer.activated[str].connect(self._pick_text)
        self.setPlaceholderText(self.tr("Type to search: 噪音, zy, noise, 0101…"))
        self.textEdited.connect(self._search)

    def _search(self, text: str) -> None:
        if self.item is not None:
            self.item = None
            self.chosen.emit(None)
        self._results = self.index.search(text, limit=30)
        self._model.setStringList(
            [f"{item_path(self.catalogue, i)}  ({i.code})" for i in self._results])
        if self._results:
            self._completer.complete()
        else:
            self._completer.popup().hide()

    def offer(self, items: list[Item]) -> None:
        """Open the list with these items (the suggester's choices when it is unsure)."""
        if self.item is not None:
            self.set_item(None)
        self._results = list(items)
        self._model.setStringList(
            [f"{item_path(self.catalogue, i)}  ({i.code})" for i in self._results])
        self.setFocus()
        if self._results:
            self._completer.complete()

    def _pick_text(self, text: str) -> None:
        code = text.rsplit("(", 1)[-1].rstrip(")")
        item = self.catalogue.items.get(code)
        if item is not None:
            self.set_item(item)

    def set_item(self, item: Item | None) -> None:
        self.item = item
        self.setText(item_path(self.catalogue, item) if item else "")
        self._completer.popup().hide()
        self.chosen.emit(item)

    def choose_first(self) -> bool:
        """Take the best match of what was typed (Enter without opening the list)."""
        if self.item is None and self._results:
            self.set_item(self._results[0])
            return True
        return False

    def completer_open(self) -> bool:
        return self._completer.popup().isVisible()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        popup = self._completer.popup()
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not popup.isVisible() and self.choose_first():
            return
        super().keyPressEvent(event)
