"""The demo workspace: a desk of 海山街道 with its catalogue, demo accounts and a few hundred
realistic sample cases at every stage of their life, some of them overdue.

It is written only into the separate demo folder (see workspace.demo_paths), never into a real
desk's database.
"""

from __future__ import annotations

import random
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desk_app.demo_accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from desk_app.domain.case_numbers import case_number
from desk_app.domain.events import Event
from desk_app.domain.hlc import HybridClock
from desk_app.domain.ids import uuid7
from desk_app.domain.intake import Intake, registration_payload
from desk_app.domain.sla import CHINA, utc_from_ms
from desk_app.store.desk import Desk, setup_desk
from desk_app.store.users import User, create_user

if TYPE_CHECKING:
    from desk_app.workspace import Workspace

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余"
GIVEN = ("秀英", "桂英", "建华", "志强", "丽娟", "海燕", "国平", "晓明", "婷婷", "浩然", "子轩",
         "雨桐", "明辉", "淑芬", "振华", "春梅", "伟", "芳", "军", "静", "磊", "敏", "洋", "勇")
ESTATES = ("花园", "新村", "大厦", "雅苑", "名苑", "小区")
DETAILS = {
    "01": "严重影响居民休息，晚上孩子无法入睡",
    "02": "多次向物业反映没有结果，业主意见很大",
    "03": "存在安全隐患，老人小孩经过很危险",
    "04": "气味难闻，影响周边环境和居民出行",
    "05": "居民感到不安全，担心发生意外",
    "06": "已经拖欠两个多月，多次讨要未果",
    "07": "家长很着急，希望尽快给个说法",
    "08": "老人行动不便，希望能够尽快协调",
    "09": "雨天情况更严重，住户担心房屋安全",
    "10": "上下班高峰时段尤其严重",
    "11": "商家拒绝处理，消费者权益受到侵害",
    "12": "家庭生活困难，希望得到帮助",
    "13": "附近居民普遍反映，希望相关部门核查",
    "14": "已经影响正常生活，希望尽快恢复",
    "15": "希望社区能够牵头协调解决",
    "99": "不清楚应该找哪个部门，请帮忙协调",
}
OPENINGS = {
    "complaint": "{address}{keyword}问题，{detail}。",
    "help": "居民反映{address}{keyword}，{detail}，请求社区帮助解决。",
    "consultation": "咨询{name}方面的问题：{keyword}应该怎么办理？",
    "suggestion": "建议有关部门关注{address}{keyword}问题，{detail}。",
    "praise": "感谢社区和相关部门及时处理{address}{keyword}问题，服务热情周到。",
}
RATING_MIX = ("satisfied",) * 30 + ("basic",) * 6 + ("unsatisfied",)


def seed_demo(workspace: Workspace, cases: int = 400, seed: int = 20261121) -> Desk:
    identity = setup_desk(workspace.db, "YT-HS-01", "海山街道党群服务中心（演示）", "YT-HS",
                          workspace.catalogue)
    desk = Desk(workspace.db, identity, workspace.catalogue, workspace.calendar)
    accounts = [create_user(workspace.db, u, n, r, DEMO_PASSWORD) for u, n, r in DEMO_ACCOUNTS]
    workspace.desk = desk
    from desk_app.demo_history import seed_history

    seed_history(desk, accounts)  # two years of history for reports, scores, map and foresight
    _seed_cases(desk, accounts, cases, random.Random(seed))
    seed_outreach(desk, accounts, workspace.paths.data / "demo-photos")
    return desk


def _seed_cases(desk: Desk, accounts: list[User], count: int, rng: random.Random) -> None:
    catalogue = desk.catalogue
    items = [i for i in catalogue.active_items() if catalogue.departments[i.lead].kind != "catch_all"]
    communities = catalogue.org_children(desk.identity.org, "community")
    now_ms = int(time.time() * 1000)
    workers = [a for a in accounts if a.role in ("window", "supervisor")]
    sequences: dict[str, int] = {}
    batches: list[Event] = []
    for _ in range(count):
        age_days = rng.random() ** 1.6 * 60
        start = now_ms - int(age_days * 86_400_000)
        wall = [start]
        clock = HybridClock(desk.code, wall=lambda w=wall: w[0])
        item = rng.choice(items)
        community = rng.choice(communities)
        grids = catalogue.org_children(community.code, "grid")
        kind = rng.choices(list(OPENINGS), weights=(60, 15, 12, 10, 3))[0]
        estate = community.name_zh.removesuffix("社区") + rng.choice(ESTATES)
        address = f"{estate}{rng.randint(1, 12)}栋{rng.randint(1, 3)}单元"
        description = OPENINGS[kind].format(
            address=address, keyword=rng.choice(item.keywords), name=item.name_zh,
            detail=DETAILS.get(item.code[:2], DETAILS["99"]))
        anonymous = rng.random() < 0.05
        intake = Intake(
            channel=rng.choices(("window", "phone", "deputy", "patrol", "online"),
                                weights=(45, 25, 10, 12, 8))[0],
            kind=kind, description=description, category=item.code,
            urgency=rng.choices(("ordinary", "urgent", "very_urgent"), weights=(80, 17, 3))[0],
            community=community.code, grid=rng.choice(grids).code if grids else "",
            address=address, anonymous=anonymous,
            name="" if anonymous else rng.choice(SURNAMES) + rng.choice(GIVEN),
            phone=f"1{rng.choice('3456789')}{rng.randint(0, 999_999_999):09d}",
        )
        day = utc_from_ms(start).astimezone(CHINA).date()
        sequences[f"{day}"] = sequences.get(f"{day}", 0) + 1
        number = case_number(desk.code, day, sequences[f"{day}"])
        actor = rng.choice(workers).actor(desk.code)
        case_id = uuid7(start)

        def event(type_: str, payload: dict[str, Any], minutes: float, by: str = actor,
                  case_id: str = case_id, wall: list[int] = wall, clock: HybridClock = clock,
                  org: str = intake.grid or intake.community) -> None:
            wall[0] = min(wall[0] + int(minutes * 60_000), now_ms - 60_000)
            batches.append(Event(uuid7(wall[0]), "case", case_id, type_, payload, by, desk.code,
                                 clock.now(), org).validated())

        event("case.registered", registration_payload(intake, catalogue, number), 0)
        if kind == "consultation" and rng.random() < 0.6:
            event("case.resolved", {"text": "已在窗口当场解答并告知办理渠道。", "on_spot": True}, 8)
            continue
        event("case.dispatched", {"lead": item.lead, "co": list(item.co), "mode": "auto"}, 3)
        dept = f"clerk@{item.lead}"
        # Most work finishes within its limit (96 % on time in Shenzhen); a few cases get stuck.
        pace = rng.uniform(0.1, 0.5) if rng.random() < 0.08 else rng.uniform(0.8, 1.6)
        progress = min(1.0, age_days / 5 * pace)
        if progress < 0.15:
            continue
        event("case.signed", {"department": item.lead}, rng.uniform(30, 20 * 60), by=dept)
        if progress < 0.4:
            if rng.random() < 0.3:
                event("case.reminded", {"note": "请加快办理进度。"}, 60 * 24)
            continue
        event("case.replied", {"department": item.lead,
                               "text": "已安排工作人员现场核查，正在协调处理。"},
              rng.uniform(2, 48) * 60, by=dept)
        if progress < 0.6:
            continue
        event("case.resolved", {"text": "经现场核查已处理完毕，并电话告知诉求人。",
                                "department": item.lead}, rng.uniform(1, 4) * 1440, by=dept)
        if progress < 0.8:
            continue
        ratings = {d: rng.choice(RATING_MIX) for d in ("speed", "effect", "service", "feedback")}
        event("case.evaluated", {**ratings, "method": "phone"}, rng.uniform(1, 3) * 1440)
    if batches:
        with desk.db.begin() as conn:
            desk.record(batches, origin="demo", conn=conn)
            for day, last in sequences.items():
                conn.exec_driver_sql(
                    "INSERT INTO case_number_seq(day, last) VALUES (?, ?) "
                    "ON CONFLICT(day) DO UPDATE SET last = MAX(last, excluded.last)",
                    (day.replace("-", ""), last))


def seed_outreach(desk: Desk, accounts: list[User], photo_folder: Path | None = None) -> None:
    """A council meeting on the demo's hottest topic (one resolution done, one passed up to the
    street), this week's duty roster, a reception and a patrol with findings."""
    from datetime import date, timedelta

    from desk_app.store import meetings, outreach

    boss = next(a for a in accounts if a.role == "supervisor")
    topics = [t for t in meetings.hot_topics(desk, boss) if t.source == "category"]
    if topics:
        topic = topics[0]
        item = desk.catalogue.items.get(topic.category)
        meeting = meetings.call_meeting(
            desk, boss, level="community", title=topic.title, scheduled_at=(
                date.today() - timedelta(days=2)).isoformat() + " 15:00",
            place="社区党群服务中心二楼议事厅", convener="社区党委书记 陈洁",
            departments=[item.lead, *item.co] if item else [], case_ids=list(topic.case_ids),
            org=topic.community, agenda="一、通报近期居民反映情况；二、责任部门说明；三、议定解决办法。")
        for code in meeting.departments:
            meetings.mark_attendance(desk, boss, meeting.id, code, code != meeting.departments[-1]
                                     or len(meeting.departments) == 1)
        for name, value in (("deputies", "2"), ("party_members", "5"), ("residents", "14")):
            meetings.update_meeting(desk, boss, meeting.id, name, value)
        meetings.update_meeting(desk, boss, meeting.id, "minutes",
                                "居民代表反映问题反复出现；责任部门说明已多次处置。会议议定：一、"
                                "责任部门一周内完成整治并建立巡查机制；二、涉及多部门的长效管理方案"
                                "提交街道议事会统筹。")
        done = meetings.add_resolution(desk, boss, meeting.id, "一周内完成整治并建立每日巡查机制",
                                       desk.catalogue.departments[item.lead].name_zh if item else "社区工作站",
                                       date.today() + timedelta(days=5))
        meetings.record_progress(desk, boss, meeting.id, done, 60, "已完成主要整治，巡查机制试行中")
        upward = meetings.add_resolution(desk, boss, meeting.id, "制定多部门长效管理方案",
                                         "社区工作站", date.today() + timedelta(days=20))
        meetings.escalate_resolution(desk, boss, meeting.id, upward,
                                     scheduled_at=(date.today() + timedelta(days=6)).isoformat() + " 10:00",
                                     place="海山街道办事处三楼会议室", convener="海山街道党工委",
                                     departments=list(meeting.departments))
    for offset, (name, kind) in enumerate((("赵敏", "npc"), ("孙立新", "party"), ("周慧", "cppcc"))):
        outreach.schedule_duty(desk, boss, name, kind, date.today() + timedelta(days=offset),
                               "09:00", "11:30", "鹏湾社区民意表达工作室")
    visit = outreach.log_reception(
        desk, boss, deputy="赵敏", deputy_kind="npc", day=date.today(), place="鹏湾社区民意表达工作室",
        people=6, summary="接待居民6人，反映小区停车难、楼道照明、加装电梯等问题。")
    outreach.add_visit_finding(desk, boss, visit.id, "鹏湾花园夜间车辆乱停，消防通道被占用")
    outreach.add_visit_finding(desk, boss, visit.id, "建议老旧小区统一规划加装电梯", "suggestion")
    grid = next((o.code for o in desk.catalogue.orgs.values() if o.level == "grid"
                 and desk.catalogue.within(o.code, desk.identity.org)), None)
    if grid is not None:
        patrol = outreach.start_patrol(desk, boss, grid, "鹏湾一村—鹏湾花园—海山路",
                                       f"{date.today().isoformat()} 09:00")
        photos = []
        if photo_folder is not None:
            photos = [_demo_photo(photo_folder / "manhole.png")]
        outreach.add_patrol_finding(desk, boss, patrol.id, "鹏湾一村3栋旁井盖缺失，已设临时警示",
                                    photos=photos, latitude=22.5612, longitude=114.2371)
        outreach.add_patrol_finding(desk, boss, patrol.id, "海山路人行道地砖松动")


def _demo_photo(path: Path) -> Path:
    """A small PNG drawn with the standard library (no Qt needed here)."""
    import struct
    import zlib

    width, height = 160, 120
    rows = b"".join(b"\x00" + b"".join(bytes((120 + (x * y) % 90, 100, 90)) for x in range(width))
                    for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(png)
    return path
