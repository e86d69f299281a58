"""How times, durations and people are shown: local time, short remaining-time phrases."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Any

from desk_app.domain.sla import CHINA, utc_from_ms

from .i18n import translate


def local_time(moment: datetime | int | None, with_seconds: bool = False) -> str:
    if moment is None:
        return ""
    if isinstance(moment, int):
        moment = utc_from_ms(moment)
    return moment.astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S" if with_seconds
                                               else "%Y-%m-%d %H:%M")


def deadline_time(moment: datetime | int | None) -> str:
    """A deadline at local midnight reads as 24:00 of the day before, as on official notices."""
    if moment is None:
        return ""
    if isinstance(moment, int):
        moment = utc_from_ms(moment)
    local = moment.astimezone(CHINA)
    if (local.hour, local.minute, local.second) == (0, 0, 0):
        return (local - timedelta(days=1)).strftime("%Y-%m-%d") + " 24:00"
    return local.strftime("%Y-%m-%d %H:%M")


def duration(span: timedelta) -> str:
    """A short phrase like "2 d 3 h", "5 h 10 min" or "12 min"."""
    minutes = int(abs(span.total_seconds()) // 60)
    days, rest = divmod(minutes, 1440)
    hours, mins = divmod(rest, 60)
    if days:
        return translate("format", "{d} d {h} h").format(d=days, h=hours)
    if hours:
        return translate("format", "{h} h {m} min").format(h=hours, m=mins)
    return translate("format", "{m} min").format(m=mins)


def remaining(due: datetime | int | None, now: datetime) -> str:
    if due is None:
        return ""
    if isinstance(due, int):
        due = utc_from_ms(due)
    left = due - now
    if left.total_seconds() < 0:
        return translate("format", "overdue by {span}").format(span=duration(left))
    return translate("format", "{span} left").format(span=duration(left))


CENTRE = "CENTRE"  # the desk code the central platform stamps its own events with
GENERIC_PEOPLE = frozenset({"clerk", "staff"})  # the centre's stand-ins when no name is given


def desk_name(code: str) -> str:
    """The desk column of a timeline: the centre by name, a desk by its code."""
    return translate("format", "Central platform") if code == CENTRE else code


def actor_name(actor: str, known: dict[str, str] | None = None,
               departments: Mapping[str, Any] | None = None) -> str:
    """"wangli@YT-HS-01" as the person's display name where this desk knows them;
    "王队长@D-URBAN" (a department's clerk at the centre) as 王队长（城市管理局）."""
    if known and actor in known:
        return known[actor]
    person, _, where = actor.rpartition("@")
    if not person:
        return actor
    if where == CENTRE:
        return f"{person}（{desk_name(CENTRE)}）"
    department = departments.get(where) if departments else None
    if department is not None:
        name = getattr(department, "name_zh", where)
        if person in GENERIC_PEOPLE:  # "clerk@D-URBAN": no one's name, only the department
            return translate("format", "%1 staff").replace("%1", name)
        return f"{person}（{name}）"
    return actor


def desk_now() -> datetime:
    """Now on the desk's clock face: China time, whatever zone the computer is set to."""
    return datetime.now(UTC).astimezone(CHINA)


def desk_today() -> date:
    """Today's date at the desk (China time); date filters and due dates use it, never the
    computer's own date."""
    return desk_now().date()
