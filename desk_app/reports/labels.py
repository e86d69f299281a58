"""Names for what reports count: translated vocabulary, catalogue and organisation names.

The computing modules keep keys; screens and exports name them through a `Namer`, which is
handed a translate function (Qt's, on the desk; identity, i.e. English, in plain tests).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from desk_app.domain.catalogue import Catalogue
from desk_app.domain.sla import CHINA
from desk_app.domain.vocabulary import CHANNELS, KINDS, STATUSES

from .scores import GRADES

Translate = Callable[[str, str], str]


def _identity(_context: str, text: str) -> str:
    return text


class Namer:
    def __init__(self, catalogue: Catalogue, translate: Translate | None = None,
                 chinese: bool = True) -> None:
        self.catalogue = catalogue
        self.translate = translate or _identity
        self.chinese = chinese

    def tr(self, text: str, **values: object) -> str:
        template = self.translate("reports", text)
        return template.format(**values) if values else template

    def _vocabulary(self, table: dict[str, str], key: str) -> str:
        return self.translate("vocabulary", table[key]) if key in table else key

    def kind(self, key: str) -> str:
        return self._vocabulary(KINDS, key)

    def channel(self, key: str) -> str:
        return self._vocabulary(CHANNELS, key)

    def status(self, key: str) -> str:
        return self._vocabulary(STATUSES, key)

    def grade(self, key: str) -> str:
        return self.tr(GRADES[key]) if key in GRADES else "—"

    def category(self, code: str) -> str:
        """A class (01, 0101) or an item (010101) of the catalogue."""
        found = self.catalogue.items.get(code) or self.catalogue.classes.get(code)
        if found is None:
            return code
        return found.name_zh if self.chinese else found.name_en

    def org(self, code: str | None) -> str:
        unit = self.catalogue.orgs.get(code or "")
        if unit is None:
            return code or "—"
        return unit.name_zh if self.chinese else unit.name_en

    def department(self, code: str | None) -> str:
        unit = self.catalogue.departments.get(code or "")
        if unit is None:
            return code or "—"
        return unit.name_zh if self.chinese else unit.name_en

    def day(self, ms: int) -> str:
        return datetime.fromtimestamp(ms / 1000, CHINA).strftime("%Y-%m-%d %H:%M")
