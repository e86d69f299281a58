"""Translatable message markers for code that cannot import Qt.

`QT_TRANSLATE_NOOP(context, text)` returns the text unchanged; Qt's `lupdate` finds it by name,
so the UI can translate domain messages with `QCoreApplication.translate(context, text)`.
The source language is English; the default translation is zh_CN.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


class DomainError(ValueError):
    """An error a person must read: an English source text, its translation context, and values.

    `str(error)` gives the English text with the values filled in; the UI translates
    `error.text` within `error.context` and then formats it with `error.values`.
    """

    context = "domain"

    def __init__(self, text: str, /, *, field: str | None = None, **values: object) -> None:
        self.text = text
        self.field = field
        self.values = dict(values, field=field) if field is not None else values
        super().__init__(self.render())

    def render(self, translate=None) -> str:
        template = translate(self.context, self.text) if translate else self.text
        try:
            return template.format(**self.values)
        except (KeyError, IndexError, ValueError):
            return template
