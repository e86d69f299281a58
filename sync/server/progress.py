"""The residents' progress page (办理进度查询) at `/p/{code}`, and the online evaluation.

Plain server-rendered HTML in Chinese, phone-width first, no script. The code is the case number
plus the secret part the desk put in the registration (desk_app.domain.lookup); a wrong secret
or an unknown, malformed or expired code gets the same plain 404 (and counts towards the
address's limit in security.py). A well-formed code whose number the centre has not seen yet,
from an enrolled desk and a recent day, says the request is recorded and will appear after the
community's next sync: the desk registers offline, so this is the ordinary first hour of a case.

Nothing personal is shown: no name, phone, ID number, address or description; the department's
answers are redacted (desk_app.domain.redact) with the case's own values as well as the patterns.

The evaluation (four dimensions, three marks each, none pre-selected) is offered while the case
is resolved and awaiting evaluation: once per resolution, since the event moves the case on
(closed, or returned for redoing by the same rule as a phone evaluation at the desk). It is a
`case.evaluated` event with method "online", appended at the centre through the path department
actions take, and reaches the desk by pull like them.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from html import escape
from typing import Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool

from desk_app.domain.case import CaseState, fold
from desk_app.domain.evaluation import RETURNING_DIMENSIONS
from desk_app.domain.events import Event, EventError
from desk_app.domain.ids import uuid7
from desk_app.domain.lookup import lookup_code, parse_lookup_code
from desk_app.domain.redact import redact
from desk_app.domain.sla import CHINA
from desk_app.domain.vocabulary import (
    FINAL,
    PUBLIC_DIMENSIONS_ZH,
    PUBLIC_LEVELS_ZH,
    PUBLIC_RATINGS_ZH,
    PUBLIC_STATUS_ZH,
)
from desk_app.domain.workcalendar import WorkCalendar

from . import schema as t
from .http import read_body
from .store import CENTRE, ServerError, ServerStore, _row_event

EXPIRES_AFTER = timedelta(days=180)  # after the case is finished, the code stops working
PENDING_DAYS = 30  # an unseen number from an enrolled desk is "waiting for sync" this long
RESIDENT = f"resident@{CENTRE}"

STATUS_ZH = PUBLIC_STATUS_ZH
STEP_ZH = {
    "case.registered": "受理", "case.dispatched": "分拨", "case.signed": "签收",
    "case.replied": "答复", "case.resolved": "办结", "case.returned": "回退重办",
    "case.evaluated": "评价", "case.escalated": "提级办理", "case.supervised": "专项督办",
}
DIMENSIONS_ZH = PUBLIC_DIMENSIONS_ZH
RATINGS_ZH = PUBLIC_RATINGS_ZH
LEVEL_ZH = PUBLIC_LEVELS_ZH

STYLE = """
*{box-sizing:border-box}body{margin:0;font:16px/1.6 -apple-system,"PingFang SC","Noto Sans CJK SC",
"Microsoft YaHei",sans-serif;color:#1d2329;background:#f3f5f7}main{max-width:640px;margin:0 auto;
padding:16px}h1{font-size:20px;margin:4px 0 12px}h2{font-size:17px;margin:0 0 8px}
.card{background:#fff;border-radius:10px;padding:14px 16px;margin:0 0 12px;
box-shadow:0 1px 2px rgba(0,0,0,.06)}.status{font-size:19px;font-weight:600;color:#0b6b3a}
.status.open{color:#8a5a00}dl{margin:0;display:grid;grid-template-columns:max-content 1fr;
gap:4px 12px}dt{color:#5b6570}dd{margin:0;word-break:break-all}ol{list-style:none;margin:0;
padding:0 0 0 14px;border-left:2px solid #c9d3dc}li{position:relative;margin:0 0 12px}
li:before{content:"";position:absolute;left:-21px;top:7px;width:12px;height:12px;
border-radius:50%;background:#2f7d55}li.now:before{background:#d98c00}.when{color:#5b6570;
font-size:14px}.answer{white-space:pre-wrap;background:#f6f8fa;border-radius:6px;padding:8px 10px;
margin:4px 0 0}fieldset{border:0;padding:0;margin:0 0 12px}legend{font-weight:600;padding:0;
margin:0 0 6px}.marks{display:flex;gap:8px;flex-wrap:wrap}.marks label{flex:1 1 30%;
min-width:88px;text-align:center;border:1px solid #c9d3dc;border-radius:8px;padding:10px 4px;
background:#fff}.marks input{margin:0 4px 0 0}textarea{width:100%;min-height:72px;font:inherit;
border:1px solid #c9d3dc;border-radius:8px;padding:8px}button{width:100%;font:inherit;
font-size:17px;padding:12px;border:0;border-radius:8px;background:#0b6b3a;color:#fff}
.note{color:#5b6570;font-size:14px}.error{color:#a4000f;font-weight:600}
input[type=text]{width:100%;font:inherit;padding:10px;border:1px solid #c9d3dc;border-radius:8px;
margin:0 0 10px;text-transform:uppercase}footer{color:#5b6570;font-size:13px;text-align:center;
padding:8px 0 24px}
"""


def _page(title: str, body: str) -> str:
    return ("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<meta name=\"robots\" content=\"noindex, nofollow\">"
            "<link rel=\"icon\" href=\"data:,\">"  # no favicon request to 404 on
            f"<title>{escape(title)}</title><style>{STYLE}</style></head><body><main>"
            f"{body}<footer>社区诉求办理进度查询 · 本页不显示任何个人信息</footer></main></body></html>")


def _local(moment: datetime | None) -> str:
    return moment.astimezone(CHINA).strftime("%Y-%m-%d %H:%M") if moment else ""


def _deadline(moment: datetime | None) -> str:
    if moment is None:
        return ""
    local = moment.astimezone(CHINA)
    if (local.hour, local.minute, local.second) == (0, 0, 0):
        return (local - timedelta(days=1)).strftime("%Y-%m-%d") + " 24:00"
    return local.strftime("%Y-%m-%d %H:%M")


def not_found_page() -> str:
    return _page("未找到", "<div class=\"card\"><h1>未找到这件诉求</h1><p>查询码不正确或已过期。"
                 "请核对回执上的查询码，或致电受理您诉求的社区党群服务中心。</p></div>"
                 + _ask_form())


def too_many_page(seconds: int) -> str:
    minutes = max(1, (seconds + 59) // 60)
    return _page("请稍后再试", f"<div class=\"card\"><h1>请稍后再试</h1><p>这台设备查询失败次数过多，"
                 f"请约 {minutes} 分钟后再试，或致电受理您诉求的社区党群服务中心。</p></div>")


def _pending_page(number: str) -> str:
    return _page("诉求已受理", f"<div class=\"card\"><h1>诉求已受理</h1><dl><dt>受理编号</dt>"
                 f"<dd>{escape(number)}</dd></dl><p>您的诉求已在社区登记。社区工作台下次与中心平台"
                 "同步后（通常在一小时内），这里就会显示办理进度，请稍后再查看。</p></div>")


def _ask_form(error: str = "") -> str:
    shown = f"<p class=\"error\">{escape(error)}</p>" if error else ""
    return ("<form class=\"card\" method=\"get\" action=\"/p\"><h2>输入查询码</h2>" + shown +
            "<input type=\"text\" name=\"code\" autocomplete=\"off\" autocapitalize=\"characters\" "
            "placeholder=\"回执上的查询码\" aria-label=\"查询码\" maxlength=\"80\" required>"
            "<button type=\"submit\">查询</button></form>")


@dataclass
class Found:
    state: CaseState
    registration: dict[str, Any]
    code: str


def _registration(state: CaseState) -> dict[str, Any]:
    for step in state.steps:
        if step.type == "case.registered":
            return step.payload
    return {}


def _desk_seen(store: ServerStore, number: str) -> bool:
    """Whether `number` could be a case the centre has simply not received yet."""
    parts = number.rsplit("-", 2)
    if len(parts) != 3:
        return False
    desk_code, day_text = parts[0], parts[1]
    try:
        day = date(int(day_text[:4]), int(day_text[4:6]), int(day_text[6:8]))
    except ValueError:
        return False
    today = datetime.now(UTC).astimezone(CHINA).date()
    if not today - timedelta(days=PENDING_DAYS) <= day <= today + timedelta(days=1):
        return False
    with store.db.read() as conn:
        return conn.execute(select(t.desks.c.id).where(
            t.desks.c.code == desk_code, t.desks.c.revoked_at.is_(None))).first() is not None


def find_case(store: ServerStore, code: str, conn: Any | None = None) -> Found | str | None:
    """The case a lookup code opens; "pending" for a recent number not synced yet; else None."""
    parsed = parse_lookup_code(code)
    if parsed is None:
        return None
    number, secret = parsed

    def load(connection: Any) -> list[tuple[str, list[Event]]]:
        ids = [r.id for r in connection.execute(
            select(t.cases.c.id).where(t.cases.c.number == number).limit(5))]
        return [(i, [_row_event(r) for r in connection.execute(
            select(t.events).where(t.events.c.entity_id == i))]) for i in ids]

    if conn is None:
        with store.db.read() as connection:
            candidates = load(connection)
    else:
        candidates = load(conn)
    if not candidates:
        return "pending" if _desk_seen(store, number) else None
    for case_id, events in candidates:
        state = fold(case_id, events)
        stored = str(_registration(state).get("lookup", ""))
        if stored and secrets.compare_digest(stored, secret):
            if state.status in FINAL and state.closed_at is not None and (
                    datetime.now(UTC) - state.closed_at > EXPIRES_AFTER):
                return None
            return Found(state, _registration(state), lookup_code(number, secret))
    return None


def _known(found: Found) -> list[str]:
    p = found.registration
    return [str(p.get(k, "")) for k in ("name", "phone", "id_number", "address")]


def _answers(found: Found) -> list[tuple[datetime, str, str]]:
    """The department's published answers (replies, the resolution), redacted."""
    rows = []
    for step in found.state.steps:
        if step.type in ("case.replied", "case.resolved") and step.payload.get("text"):
            rows.append((step.at, STEP_ZH[step.type], redact(str(step.payload["text"]),
                                                             _known(found))))
    return rows


def _step_line(store: ServerStore, step: Any) -> str:
    catalogue = store.catalogue
    p = step.payload
    detail = ""
    if step.type == "case.dispatched":
        dept = catalogue.departments.get(p.get("lead", ""))
        detail = f"交由{dept.name_zh}办理" if dept else ""
    elif step.type in ("case.signed", "case.replied", "case.resolved") and p.get("department"):
        dept = catalogue.departments.get(p["department"])
        detail = dept.name_zh if dept else ""
    elif step.type == "case.resolved" and p.get("on_spot"):
        detail = "窗口当场办结"
    elif step.type == "case.evaluated":
        worst = next((RATINGS_ZH[r] for r in ("unsatisfied", "basic", "satisfied")
                      if r in {p.get(d) for d in DIMENSIONS_ZH}), "")
        detail = ("网上评价" if p.get("method") == "online" else "回访评价") + (
            f"：{worst}" if worst else "")
        if any(p.get(d) == "unsatisfied" for d in RETURNING_DIMENSIONS):
            detail += "，退回重办"  # the rule of desk_app.domain.evaluation
    elif step.type == "case.escalated":
        detail = f"提级至{LEVEL_ZH.get(p.get('to_level', ''), '')}"
    return detail


def case_page(store: ServerStore, calendar: WorkCalendar, found: Found, message: str = "",
              error: str = "") -> str:
    s = found.state
    catalogue = store.catalogue
    item = catalogue.items.get(s.category)
    dept = catalogue.departments.get(s.lead or "")
    clock = s.finish_clock(calendar) if s.is_active else None
    status_class = "status open" if s.is_active or s.status == "resolved" else "status"
    facts = [("受理编号", s.number), ("诉求类别", item.name_zh if item else s.category),
             ("承办单位", dept.name_zh if dept else "待分拨"), ("受理时间", _local(s.registered_at))]
    if clock is not None:
        facts.append(("承诺办结时限", _deadline(clock.due)))
    if s.resolved_at is not None and not s.is_active:
        facts.append(("办结时间", _local(s.resolved_at)))
    rows = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v or '—')}</dd>" for k, v in facts)
    shown = [step for step in s.steps if step.type in STEP_ZH]
    items = []
    for i, step in enumerate(shown):
        now = ' class="now"' if i == len(shown) - 1 and s.is_active else ""
        detail = _step_line(store, step)
        items.append(f"<li{now}><strong>{escape(STEP_ZH[step.type])}</strong>"
                     + (f" · {escape(detail)}" if detail else "")
                     + f"<div class=\"when\">{escape(_local(step.at))}</div></li>")
    timeline = "".join(items)
    answers = "".join(
        f"<div><span class=\"when\">{escape(_local(at))} · {escape(kind)}</span>"
        f"<div class=\"answer\">{escape(text)}</div></div>" for at, kind, text in _answers(found))
    body = ("<h1>诉求办理进度</h1>"
            + (f"<div class=\"card\"><p class=\"status\">{escape(message)}</p></div>" if message else "")
            + (f"<div class=\"card\"><p class=\"error\">{escape(error)}</p></div>"
               if error and s.status != "resolved" else "")
            + f"<div class=\"card\"><p class=\"{status_class}\">{escape(STATUS_ZH.get(s.status, s.status))}</p>"
            f"<dl>{rows}</dl></div>"
            f"<div class=\"card\"><h2>办理过程</h2><ol>{timeline}</ol></div>")
    if answers:
        body += f"<div class=\"card\"><h2>部门答复</h2>{answers}</div>"
    if s.status == "resolved":
        body += _evaluation_form(found.code, error)
    return _page(f"诉求 {s.number} 办理进度", body)


def _evaluation_form(code: str, error: str) -> str:
    groups = "".join(
        f"<fieldset><legend>{escape(label)}</legend><div class=\"marks\">" + "".join(
            f"<label><input type=\"radio\" name=\"{dim}\" value=\"{value}\" required>"
            f"{escape(mark)}</label>" for value, mark in RATINGS_ZH.items()) + "</div></fieldset>"
        for dim, label in DIMENSIONS_ZH.items())
    shown = f"<p class=\"error\">{escape(error)}</p>" if error else ""
    return (f"<form class=\"card\" method=\"post\" action=\"/p/{escape(code)}/evaluation\" "
            f"id=\"evaluation\"><h2>请评价本次办理</h2>{shown}"
            "<p class=\"note\">每项选一个；对处置效果或反馈质量不满意，诉求将退回重办。</p>"
            f"{groups}<fieldset><legend>意见（选填）</legend>"
            "<textarea name=\"note\" maxlength=\"500\" aria-label=\"意见\"></textarea></fieldset>"
            "<button type=\"submit\">提交评价</button></form>")


def record_online_evaluation(store: ServerStore, code: str, ratings: dict[str, str],
                             note: str) -> Found:
    """Append the resident's evaluation at the centre, under the writer lock, if the case is
    still resolved and awaiting one; ServerError otherwise (nothing stored)."""
    with store.db.write() as conn:
        found = find_case(store, code, conn)
        if not isinstance(found, Found):
            raise ServerError(404, "There is no such case.", "not_found")
        if found.state.status != "resolved":
            raise ServerError(409, "这件诉求现在不在待评价状态，评价未保存。", "not_now")
        payload: dict[str, Any] = {**ratings, "method": "online"}
        if note.strip():
            payload["note"] = note.strip()[:1000]
        try:
            event = Event(uuid7(), "case", found.state.id, "case.evaluated", payload, RESIDENT,
                          CENTRE, store.clock.now(), found.state.org).validated()
        except EventError:
            raise ServerError(422, "评价中有无法识别的字符，评价未保存，请修改后再提交。") from None
        store._append_centre_event(conn, event)
        found.state = fold(found.state.id, [*_events_of(conn, found.state.id)])
    return found


def _events_of(conn: Any, case_id: str) -> list[Event]:
    return [_row_event(r) for r in conn.execute(select(t.events).where(
        t.events.c.entity_id == case_id))]


def progress_router(store: ServerStore, calendar: WorkCalendar) -> APIRouter:
    router = APIRouter()

    def html(text: str, status: int = 200) -> HTMLResponse:
        return HTMLResponse(text, status_code=status)

    @router.get("/p", include_in_schema=False)
    def ask(code: str = "") -> Response:
        if not code:
            return html(_page("诉求办理进度查询", "<h1>诉求办理进度查询</h1>" + _ask_form()))
        parsed = parse_lookup_code(code)
        if parsed is None:
            return html(_page("诉求办理进度查询", "<h1>诉求办理进度查询</h1>"
                              + _ask_form("查询码格式不对，请对照回执重新输入。")), 400)
        return RedirectResponse(f"/p/{lookup_code(*parsed)}", status_code=303)

    @router.get("/p/{code}", include_in_schema=False)
    def show(code: str, done: str = "") -> Response:
        found = find_case(store, code)
        if found is None:
            return html(not_found_page(), 404)
        if found == "pending":
            number = parse_lookup_code(code)[0]  # type: ignore[index]
            return html(_pending_page(number))
        assert isinstance(found, Found)
        message = "感谢您的评价！评价已记录，社区和承办单位会在下次同步时收到。" if done else ""
        return html(case_page(store, calendar, found, message))

    @router.post("/p/{code}/evaluation", include_in_schema=False)
    async def evaluate(code: str, request: Request) -> Response:
        body = await read_body(request, 16 * 1024)
        return await run_in_threadpool(evaluate_now, code, body)  # database work off the loop

    def evaluate_now(code: str, body: bytes) -> Response:
        try:
            form = {k: v[0] for k, v in parse_qs(body.decode("utf-8")).items()}
        except UnicodeDecodeError:
            form = {}
        ratings = {d: form.get(d, "") for d in DIMENSIONS_ZH}
        found = find_case(store, code)
        if not isinstance(found, Found):
            return html(not_found_page(), 404)
        if not all(v in RATINGS_ZH for v in ratings.values()):
            return html(case_page(store, calendar, found, error="请在四项中各选一个评价后再提交。"),
                        400)
        try:
            found = record_online_evaluation(store, code, ratings, form.get("note", ""))
        except ServerError as error:
            if error.status == 404:
                return html(not_found_page(), 404)
            return html(case_page(store, calendar, found, error=error.message), error.status)
        return RedirectResponse(f"/p/{found.code}?done=1", status_code=303)

    return router
