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
