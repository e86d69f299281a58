"""zh_CN is what users see by default: every string in the code must have a finished Chinese
translation, with the same placeholders as its English source."""

from __future__ import annotations

import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ZH = ROOT / "resources" / "translations" / "community_desk_zh_CN.ts"
PLACEHOLDER = re.compile(r"\{\w+\}|%n|%\d")


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    found: dict[tuple[str, str], ET.Element] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


@pytest.fixture(scope="module")
def current_sources(tmp_path_factory: pytest.TempPathFactory) -> set[tuple[str, str]]:
    """What lupdate finds in the code today."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import update_translations

    target = tmp_path_factory.mktemp("ts") / "now.ts"
    update_translations.lupdate(target)
    return set(messages(target))


def test_every_string_in_the_code_is_in_the_chinese_file(
        current_sources: set[tuple[str, str]]) -> None:
    missing = sorted(current_sources - set(messages(ZH)))
    assert not missing, f"run `make update-translations` and translate: {missing[:10]}"


def test_every_chinese_translation_is_finished_and_keeps_its_placeholders() -> None:
    problems = []
    for (context, source), message in messages(ZH).items():
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{context}: {source!r} is {translation.get('type')}")
            continue
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        for text in forms:
            if not text.strip():
                problems.append(f"{context}: {source!r} is empty")
            elif sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
                problems.append(f"{context}: {source!r} → {text!r} changes the placeholders")
    assert not problems, "\n".join(problems[:20])


def test_the_compiled_chinese_file_loads(tmp_path: Path) -> None:
    from PySide6.QtCore import QTranslator

    tool = shutil.which("pyside6-lrelease") or str(Path(sys.executable).with_name("pyside6-lrelease"))
    import subprocess

    subprocess.run([tool, "-silent", str(ZH), "-qm", str(tmp_path / "zh.qm")], check=True)
    translator = QTranslator()
    assert translator.load(str(tmp_path / "zh.qm"))
    assert translator.translate("MainWindow", "Register") == "受理登记"


# --- Paths that once showed English or internal names on Chinese screens (issue 15) -----------

_LITERAL_CALL = re.compile(
    r"""(?:self\.tr\(|(?:\btranslate|QT_TRANSLATE_NOOP|\b_t)\(\s*"[^"\\]+",)\s*"""
    r'''"(?P<source>(?:[^"\\]|\\.)*)"\s*[,)]''')


def test_every_literal_passed_to_tr_reaches_the_translation_file(
        current_sources: set[tuple[str, str]]) -> None:
    """lupdate silently skips some calls (`"  " + translate(...)` skipped "(%n finding(s)
    waiting)", so the patrol list showed English): every literal tr/translate/_t text in the
    code must come out of lupdate."""
    found = {source for _context, source in current_sources}
    skipped = []
    for path in sorted((ROOT / "desk_app").rglob("*.py")) + sorted((ROOT / "sync").rglob("*.py")):
        if "migrations" in path.parts:
            continue
        code = path.read_text(encoding="utf-8")
        for match in _LITERAL_CALL.finditer(code):
            source = match["source"].encode().decode("unicode_escape").encode(
                "latin-1").decode("utf-8")
            nxt = code[match.end() - 1:match.end() + 40].lstrip(",) \n")
            if nxt.startswith('"'):
                continue  # a text continued by implicit concatenation: lupdate joins it
            if source and source not in found:
                skipped.append(f"{path.relative_to(ROOT)}: {source!r}")
    assert not skipped, "lupdate did not extract (write the call on its own):\n" + "\n".join(
        skipped[:20])


def test_every_payload_field_has_a_label_for_messages() -> None:
    """“{field}” in a message is shown by its label (缺少必填项“回复内容”), never "text"."""
    import desk_app.domain.case_events
    import desk_app.domain.meeting
    import desk_app.domain.outreach  # noqa: F401
    from desk_app.domain.events import EVENT_TYPES
    from desk_app.domain.validation import FIELD_LABELS

    missing = sorted({name for kind in EVENT_TYPES.values() for name in kind.payload}
                     - set(FIELD_LABELS))
    assert not missing, f"add these to domain/validation.FIELD_LABELS: {missing}"


def test_sync_and_enrolment_errors_are_translated(qapp: object) -> None:
    """Every message sync/client.py (and its transport.py) raises, and every enrolment refusal of the centre, has a
    Chinese rendering on the desk (not "This enrolment code is not known…" in English)."""
    from desk_app.ui.i18n import install_language
    from desk_app.ui.sync_ui import sync_error_text

    install_language("zh_CN")
    client = "".join((ROOT / "sync" / name).read_text(encoding="utf-8")
                     for name in ("client.py", "transport.py"))
    store = (ROOT / "sync" / "server" / "store.py").read_text(encoding="utf-8")
    def joined(call: str) -> str:  # "a " "b" (implicit concatenation) → "a b"
        return "".join(re.findall(r'f?"([^"]*)"', call))

    texts = [joined(m) for m in re.findall(r'SyncError\(((?:f?"[^"]*"\s*)+)', client)]
    enrol = store[store.index("def enrol"):]
    enrol = enrol[:enrol.index("\n    def ", 10)]
    texts += [joined(m) for m in re.findall(r'ServerError\(\d+, ((?:f?"[^"]*"\s*)+)', enrol)]
    samples = {"{url}": "http://127.0.0.1:9", "{error.__class__.__name__}": "ConnectionError",
               "{error}": "x", "{desk_code}": "YT-HS-01", "{url.strip()}": "http://10.0.0.9",
               "{url.strip()!r}": "'ftp://10.0.0.9'", "{reason[:200]}": "handshake failed",
               "{f' ({detail})' if detail else ''}": " (self-signed)"}
    untranslated = []
    for text in texts:
        for key, value in samples.items():
            text = text.replace(key, value)
        shown = sync_error_text(text)
        if "The centre said" in shown or "中心平台返回" in shown or not re.search(
                r"[\u4e00-\u9fff]", shown) or "ConnectionError" in shown:
            untranslated.append(f"{text!r} → {shown!r}")
    assert len(texts) > 15
    assert not untranslated, "\n".join(untranslated)
    assert sync_error_text("SyncError: The centre did not answer in time.") == \
        sync_error_text("The centre did not answer in time.")


def test_qt_own_file_dialog_is_in_chinese(qapp: object) -> None:
    """Qt's own widgets (the file dialog of backup and restore) in Chinese too: qtbase_zh_CN
    plus what it lacks ("&Look in:", "Files of &type:" of Qt 6)."""
    from PySide6.QtWidgets import QFileDialog, QLabel

    from desk_app.ui.i18n import install_language

    install_language("zh_CN")
    dialog = QFileDialog(None, "x")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    texts = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert texts and all(re.search(r"[\u4e00-\u9fff]", t) for t in texts), texts
