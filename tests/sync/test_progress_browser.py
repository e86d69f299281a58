"""The progress page in a real browser: Debian's Chromium, headless, driven by Playwright at a
phone's width. It loads, fits the screen, runs no script, and the evaluation form is filled in
and submitted as a resident would; the mark reaches the desk.

Screenshots go to the test's folder; with COMMUNITY_DESK_SCREENSHOTS=DIR (e.g. docs) they are
also written there, which is how the README's pictures are made.
"""

from __future__ import annotations

import os
import shutil
import struct
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.reading import case_state

from .conftest import SyncDesk
from .servers import ServerProcess
from .test_progress_page import act, code_of, resident_case

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PHONE = {"width": 390, "height": 844}  # a common phone's CSS viewport

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("playwright must be installed in CI (the dev extra)")
        pytest.skip("playwright is not installed")
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium must be installed in CI (scripts/system-deps.sh browser)")
        pytest.skip("chromium is not installed (scripts/system-deps.sh browser)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM)
        yield launched
        launched.close()


def keep(shot: Path, name: str) -> None:
    folder = os.environ.get("COMMUNITY_DESK_SCREENSHOTS")
    if folder:
        target = Path(folder)
        if not target.is_absolute():
            target = Path(__file__).resolve().parents[2] / target
        shutil.copyfile(shot, target / name)


def test_a_resident_follows_and_evaluates_the_request_on_a_phone(
        browser: Any, sqlite_server: ServerProcess, make_desk: Callable[..., SyncDesk],
        tmp_path: Path) -> None:
    desk = make_desk("PW-01", "YT-HS-PW", server=sqlite_server)
    case = resident_case(desk)
    assert desk.client().sync().ok
    urban = sqlite_server.department_key("D-URBAN")
    act(sqlite_server, urban, case.id, "sign")
    act(sqlite_server, urban, case.id, "reply", "已安排电工明天上午上门检修。")
    act(sqlite_server, urban, case.id, "resolve", "已更换楼道灯和开关，经现场测试正常。")

    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True,
                                  has_touch=True, locale="zh-CN")
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    answer = page.goto(f"{sqlite_server.url}/p/{code_of(case)}")
    assert answer is not None and answer.status == 200
    assert page.title().startswith("诉求 ")
    assert page.locator("h1").first.inner_text() == "诉求办理进度"
    assert page.get_by_text("已办结，待您评价").is_visible()
    steps = page.locator("ol li strong").all_inner_texts()
    assert steps == ["受理", "分拨", "签收", "答复", "办结"]
    # Mobile first: nothing wider than the phone, text at a readable size.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= 16
    assert page.evaluate("document.scripts.length") == 0
    shot = tmp_path / "progress-page.png"
    page.screenshot(path=str(shot), full_page=True)
    width, height = struct.unpack(">II", shot.read_bytes()[16:24])  # the PNG's IHDR
    assert width == PHONE["width"] * 2 and height > PHONE["height"]
    keep(shot, "progress-page.png")

    form = page.locator("form#evaluation")
    form.scroll_into_view_if_needed()
    # Nothing is pre-selected, and the browser will not submit an incomplete form.
    assert page.locator("form#evaluation input:checked").count() == 0
    page.get_by_role("button", name="提交评价").click()
    assert "/evaluation" not in page.url
    for dimension, mark in (("speed", "满意"), ("effect", "不满意"), ("service", "基本满意"),
                            ("feedback", "满意")):
        group = page.locator(f"form#evaluation fieldset:has(input[name={dimension}])")
        group.get_by_text(mark, exact=True).tap()
    page.locator("textarea[name=note]").fill("楼道灯晚上还是会闪。")
    form_shot = tmp_path / "progress-evaluation.png"
    form.screenshot(path=str(form_shot))
    keep(form_shot, "progress-evaluation.png")
    with page.expect_navigation():
        page.get_by_role("button", name="提交评价").click()
    assert "感谢您的评价" in page.inner_text("body")
    assert page.locator("form#evaluation").count() == 0
    assert page.get_by_text("回退重办中").is_visible()
    assert "退回重办" in page.locator("ol li").last.inner_text()
    assert not problems, problems
    context.close()

    assert desk.client().sync().ok
    at_desk = case_state(desk.desk, case.id)
    assert at_desk.status == "returned"
    [evaluation] = [s for s in at_desk.steps if s.type == "case.evaluated"]
    assert (evaluation.payload["method"], evaluation.payload["effect"],
            evaluation.payload.get("note")) == ("online", "unsatisfied", "楼道灯晚上还是会闪。")


def test_the_lookup_form_takes_a_code_typed_from_the_receipt(
        browser: Any, sqlite_server: ServerProcess, make_desk: Callable[..., SyncDesk]) -> None:
    desk = make_desk("PW-01", "YT-HS-PW", server=sqlite_server)
    case = resident_case(desk)
    assert desk.client().sync().ok
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{sqlite_server.url}/p")
    page.get_by_label("查询码").fill(code_of(case).lower())
    with page.expect_navigation():
        page.get_by_role("button", name="查询").click()
    assert case.number in page.inner_text("body") and "/p/" in page.url
    wrong = page.goto(f"{sqlite_server.url}/p/{case.number}-ABCDEFGH")
    assert wrong is not None and wrong.status == 404
    assert "未找到" in page.inner_text("body")
    page.close()
    assert requests.get(f"{sqlite_server.url}/healthz", timeout=10).ok
