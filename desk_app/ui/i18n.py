"""Translations: Qt Linguist files under resources/translations, zh_CN by default.

Domain code cannot import Qt, so its messages carry their English source text and context;
`message()` and `label()` translate them here.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desk_app.config import translations_dir
from desk_app.domain.text import QT_TRANSLATE_NOOP, DomainError
from desk_app.domain.validation import FIELD_LABELS

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"
_installed: list[QTranslator] = []

# Qt's own strings that the qtbase_zh_CN.qm of the PySide6 wheel lacks (Qt 6 added the "&"
# shortcuts; the file still has only "Look in:"). Ours is looked up after Qt's, so these fill
# its gaps and never override it.
QT_OWN_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


def install_language(language: str) -> bool:
    """Switch the application's language; returns False if its translation file is missing."""
    app = QCoreApplication.instance()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    ok = True
    # Installed in this order, Qt's own qtbase file is asked first (QFileDialog, QMessageBox
    # buttons, the text-edit menu, QWizard); our file answers what it lacks (QT_OWN_GAPS).
    # English is the source text; its file only adds plural forms ("1 case", "2 cases").
    names = (f"community_desk_{language}",) if language == "en" else (
        f"community_desk_{language}", f"qtbase_{language}")
    for name in names:
        translator = QTranslator(app)
        folder = translations_dir()
        if translator.load(name, str(folder)) or _load_qt(translator, name):
            app.installTranslator(translator)
            _installed.append(translator)
        elif name.startswith("community_desk"):
            ok = False
    return ok


def _load_qt(translator: QTranslator, name: str) -> bool:
    from PySide6.QtCore import QLibraryInfo

    return translator.load(name, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def translate(context: str, text: str, disambiguation: str | int | None = None,
              count: int = -1) -> str:
    """Qt's translation; `count` picks the plural form of a "%n" text. Write plurals as
    `translate(context, text, None, n)` with `n` a bare name, on a statement of its own: the
    shape lupdate reads (with `n` third, an expression like `row.count`, or after `"…" +`, it
    skips the call and the text never reaches the .ts file). (PySide6 looks a plural up under the
    subclass's name when self.tr is called from a base class, so base classes use this with
    their own context.)"""
    if isinstance(disambiguation, int):  # the older shape translate(context, text, n)
        disambiguation, count = None, disambiguation
    return QCoreApplication.translate(context, text, disambiguation, count)


def field_label(name: str) -> str:
    """A field's name as the worker knows it (“回复内容”), never the internal one ("text")."""
    source = FIELD_LABELS.get(name)
    return translate("field", source) if source else name


def message(error: DomainError) -> str:
    """A domain error in the current language, with its values filled in; a field named in
    the text is shown by its label."""
    values = dict(error.values)
    if isinstance(values.get("field"), str):
        values["field"] = field_label(values["field"])
    template = translate(error.context, error.text)
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template


def label(words: Mapping[str, str], key: str | None) -> str:
    """The translated label of a vocabulary key (kind, channel, status ...)."""
    if not key:
        return ""
    text = words.get(key)
    return translate("vocabulary", text) if text else key


def pick(language: str, zh: str, en: str) -> str:
    """Catalogue names come in both languages; show the one that matches the interface."""
    return zh if language.startswith("zh") or not en else en
