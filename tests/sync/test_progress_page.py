"""The residents' progress page (/p/{code}) and the online evaluation, against a real centre
process and a real desk: what a resident sees before and after the desk syncs, that nothing
personal is in the page's bytes, wrong codes, and the evaluation flowing back to the desk."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape

import pytest
import requests

from desk_app.domain.case import CaseState
from desk_app.domain.lookup import lookup_code
from tests.reading import case_state

from .conftest import SyncDesk
from .servers import ServerProcess

TIMEOUT = 30
NAME, PHONE, ID_NUMBER = "欧阳秀英", "13812345678", "440308199001011239"
ADDRESS = "鹏湾花园7栋302房"


def secret_of(case: CaseState) -> str:
    return next(s.payload["lookup"] for s in case.steps if s.type == "case.registered")


def code_of(case: CaseState) -> str:
    return lookup_code(case.number, secret_of(case))


def page(server: ServerProcess, code: str) -> requests.Response:
    return requests.get(f"{server.url}/p/{code}", timeout=TIMEOUT)


def text_of(answer: requests.Response) -> str:
    """The page's visible text, tags and styles removed."""
    body = re.sub(r"<style>.*?</style>", "", answer.text, flags=re.S)
    return unescape(re.sub(r"<[^>]+>", " ", body))


def act(server: ServerProcess, key: str, case_id: str, action: str, text: str = "") -> None:
    answer = requests.post(f"{server.url}/v1/cases/{case_id}/actions", timeout=TIMEOUT,
                           headers={"Authorization": f"Bearer {key}"},
                           json={"action": action, "text": text, "person": "张工"})
    assert answer.status_code == 200, answer.text


def evaluate(server: ServerProcess, code: str, **marks: str) -> requests.Response:
    return requests.post(f"{server.url}/p/{code}/evaluation", data=marks, timeout=TIMEOUT,
                         allow_redirects=False)


SATISFIED = {"speed": "satisfied", "effect": "satisfied", "service": "satisfied",
             "feedback": "satisfied"}


def resident_case(desk: SyncDesk) -> CaseState:
    case_id = desk.register(
        name=NAME, phone=PHONE, id_number=ID_NUMBER, address=ADDRESS,
        description=f"{NAME}（{PHONE}）反映{ADDRESS}楼道灯坏了一个星期，晚上很危险。")
    return case_state(desk.desk, case_id)


def resolved_on_centre(sqlite_server: ServerProcess, make_desk: Callable[..., SyncDesk]
                       ) -> tuple[SyncDesk, CaseState, str]:
    desk = make_desk("PW-01", "YT-HS-PW", server=sqlite_server)
    case = resident_case(desk)
    assert desk.client().sync().ok
    urban = sqlite_server.department_key("D-URBAN")
    act(sqlite_server, urban, case.id, "sign")
    act(sqlite_server, urban, case.id, "resolve", "已更换楼道灯。")
    return desk, case, urban


def test_the_page_follows_the_case_from_the_window_to_the_departments_answer(
        sqlite_server: ServerProcess, make_desk: Callable[..., SyncDesk]) -> None:
    desk = make_desk("PW-01", "YT-HS-PW", server=sqlite_server)
    case = resident_case(desk)
    code = code_of(case)

    # Registered offline: the centre has not seen it yet, and says so plainly.
    before = page(sqlite_server, code)
    assert before.status_code == 200
    assert "下次" in text_of(before) and "同步" in text_of(before) and case.number in before.text

    assert desk.client().sync().ok
    shown = page(sqlite_server, code)
    assert shown.status_code == 200
    text = text_of(shown)
    assert case.number in text and "已分拨，待部门签收" in text
    assert "城市管理" in text or "城管" in text  # the department now handling it
    assert "承诺办结时限" in text
    assert [s for s in ("受理", "分拨") if s in text] == ["受理", "分拨"]

    urban = sqlite_server.department_key("D-URBAN")
    act(sqlite_server, urban, case.id, "sign")
    act(sqlite_server, urban, case.id, "reply",
        f"已派电工上门，请{NAME}保持{PHONE}畅通，联系人王女士 0755-83456789。")
    act(sqlite_server, urban, case.id, "resolve", f"已更换{ADDRESS}楼道灯，经回访正常。")
    shown = page(sqlite_server, code)
    text = text_of(shown)
    for step in ("受理", "分拨", "签收", "答复", "办结"):
        assert step in text, step
    assert "已办结，待您评价" in text
    assert len(re.findall(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", text)) >= 5  # each step dated
    assert "已派电工上门" in text and "经回访正常" in text  # the published answers
    assert "[电话已隐去]" in text and "王女士" not in text
    assert 'id="evaluation"' in shown.text and "checked" not in shown.text

    # Nothing personal anywhere in the bytes: not the name, phone, ID number or address, in
    # any encoding a browser would show, nor the description that carries them.
    raw = shown.content
    for value in (NAME, PHONE, ID_NUMBER, ADDRESS, "0755-83456789", "83456789", "1381234",
                  "反映"):
        for encoded in (value.encode(), value.encode("unicode_escape"),
                        "".join(f"&#{ord(c)};" for c in value).encode()):
            assert encoded not in raw, value
    assert shown.headers["x-content-type-options"] == "nosniff"
    assert "script-src" not in shown.headers["content-security-policy"]
    assert shown.headers["cache-control"] == "no-store"


def test_a_wrong_code_is_a_plain_404_and_a_guesser_is_slowed_down(
        sqlite_server: ServerProcess, make_desk: Callable[..., SyncDesk]) -> None:
    desk = make_desk("PW-01", "YT-HS-PW", server=sqlite_server)
    case = resident_case(desk)
    assert desk.client().sync().ok
    right = code_of(case)
    wrong_secret = lookup_code(case.number, "ABCDEFGH" if secret_of(case) != "ABCDEFGH"
                               else "HGFEDCBA")
    for code in (wrong_secret, case.number, "nonsense", right[:-1],
                 lookup_code("PW-01-19990101-0001", "ABCDEFGH")):
        answer = page(sqlite_server, code)
        assert answer.status_code == 404, code
        assert "未找到" in answer.text and case.number not in answer.text
    # Typed from the receipt in lower case with spaces, the right code still works.
    assert page(sqlite_server, right.lower()).status_code == 200
    typed = requests.get(f"{sqlite_server.url}/p", params={"code": " " + right.lower() + " "},
                         timeout=TIMEOUT)
    assert typed.status_code == 200 and case.number in typed.text

    statuses = [page(sqlite_server, lookup_code(case.number, f"ABCD{n:04d}".replace("0", "A")
                                                .replace("1", "B"))).status_code
                for n in range(25)]
    assert 429 in statuses and statuses[:15] == [404] * 15
    blocked = page(sqlite_server, right)
    assert blocked.status_code == 429 and int(blocked.headers["retry-after"]) > 0
    assert "请稍后再试" in blocked.text
    # Other work from the address (a desk's sync) is not held up by the page's limit.
    assert desk.client().sync().ok


def test_an_unsatisfied_online_evaluation_returns_the_case_at_the_desk(
        sqlite_server: ServerProcess, make_desk: Callable[..., SyncDesk]) -> None:
    desk, case, urban = resolved_on_centre(sqlite_server, make_desk)
    code = code_of(case)
    incomplete = evaluate(sqlite_server, code, speed="satisfied", effect="unsatisfied")
    assert incomplete.status_code == 400 and "四项" in incomplete.text
    done = evaluate(sqlite_server, code, speed="satisfied", effect="unsatisfied",
                    service="basic", feedback="satisfied", note="灯还是不亮")
    assert done.status_code == 303
    after = requests.get(sqlite_server.url + done.headers["location"], timeout=TIMEOUT)
    assert "感谢您的评价" in after.text and "回退重办" in text_of(after)
    assert 'id="evaluation"' not in after.text
    # Once: the case is no longer awaiting an evaluation, a second one is refused.
    again = evaluate(sqlite_server, code, **SATISFIED)
    assert again.status_code == 409 and "未保存" in again.text

    report = desk.client().sync()
    assert report.ok, report
    at_desk = case_state(desk.desk, case.id)
    assert at_desk.status == "returned" and at_desk.times_returned == 1
    [evaluation] = [s for s in at_desk.steps if s.type == "case.evaluated"]
    assert evaluation.payload["method"] == "online" and evaluation.payload["effect"] == "unsatisfied"

    # Redone and resolved again, a second unsatisfied mark puts it under special supervision.
    act(sqlite_server, urban, case.id, "reply", "再次检修线路。")
    act(sqlite_server, urban, case.id, "resolve", "已重新布线。")
    assert evaluate(sqlite_server, code, **{**SATISFIED, "feedback": "unsatisfied"}
                    ).status_code == 303
    assert desk.client().sync().ok
    at_desk = case_state(desk.desk, case.id)
    assert at_desk.supervised and at_desk.status == "returned"


def test_a_satisfied_online_evaluation_closes_the_case(
        sqlite_server: ServerProcess, make_desk: Callable[..., SyncDesk]) -> None:
    desk, case, _urban = resolved_on_centre(sqlite_server, make_desk)
    assert evaluate(sqlite_server, code_of(case), **SATISFIED).status_code == 303
    assert "已办结" in text_of(page(sqlite_server, code_of(case)))
    assert desk.client().sync().ok
    assert case_state(desk.desk, case.id).status == "closed"


@pytest.mark.parametrize("marks,status", [
    ({**SATISFIED, "speed": "great"}, 400), ({**SATISFIED, "effect": ""}, 400),
    ({"note": "x" * 20}, 400), ({**SATISFIED, "note": "灯\x00坏"}, 422)])
def test_a_malformed_evaluation_changes_nothing(
        sqlite_server: ServerProcess, make_desk: Callable[..., SyncDesk],
        marks: dict[str, str], status: int) -> None:
    _desk, case, _urban = resolved_on_centre(sqlite_server, make_desk)
    before = requests.get(sqlite_server.url + "/healthz", timeout=TIMEOUT).json()["events"]
    answer = evaluate(sqlite_server, code_of(case), **marks)
    assert answer.status_code == status
    assert "未保存" in answer.text or "四项" in answer.text  # what to do, in Chinese
    assert requests.get(sqlite_server.url + "/healthz", timeout=TIMEOUT).json()["events"] == before
    assert 'id="evaluation"' in page(sqlite_server, code_of(case)).text
