"""What the category suggester learns on this desk: each confirmed or corrected choice (the
request's words and the item the worker chose) becomes a local example, used from the next
suggestion on. Local only (never synced: another community talks differently), capped, and
reversible one by one or all at once. Also how often the desk uses each item, so the picker can
weight the common ones up."""

from __future__ import annotations

import re
import threading
import weakref
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, func, insert, select

from desk_app.domain.catalogue import Catalogue
from desk_app.domain.classify import (
    LearnedExamples,
    Suggestion,
    suggest_items,
    suggester_for,
)
from desk_app.domain.picker import CatalogueIndex
from desk_app.domain.sla import ms_from_utc

from .database import Database
from .desk import Desk
from .schema import cases, learned_examples

CAP = 2000  # the newest choices kept; older ones give way
MAX_TEXT = 500
_PERSONAL = re.compile(r"\d[\d\s-]{5,}[\dxX]")  # phone and ID numbers never become examples


@dataclass(frozen=True)
class LearnedRow:
    id: int
    text: str
    item: str
    suggested: str
    added_at: int


_cache: weakref.WeakKeyDictionary[Database, tuple[int, LearnedExamples]] = \
    weakref.WeakKeyDictionary()
_lock = threading.Lock()


def _clean(text: str) -> str:
    return _PERSONAL.sub("…", " ".join(text.split()))[:MAX_TEXT]


def remember_choice(desk: Desk, text: str, item: str, suggested: str = "", actor: str = ""
                    ) -> int | None:
    """Keep (text, item) as an example of this desk: a confirmation when `item` is what was
    suggested, a correction when not. Nothing is kept for an empty text or an unknown item.
    Returns the example's id."""
    text = _clean(text)
    if not text.strip() or item not in desk.catalogue.items:
        return None
    now = int(datetime.now(UTC).timestamp() * 1000)
    with desk.write() as unit:
        conn = unit.conn
        unit.note("learned")
        new_id = conn.execute(insert(learned_examples).values(
            text=text, item=item, suggested=suggested, actor=actor, added_at=now)
        ).inserted_primary_key[0]
        keep_from = conn.execute(select(learned_examples.c.id).order_by(
            learned_examples.c.id.desc()).offset(CAP - 1).limit(1)).scalar()
        if keep_from is not None:
            conn.execute(delete(learned_examples).where(learned_examples.c.id < keep_from))
    _forget_cache(desk.db)
    return int(new_id)


def list_learned(db: Database, limit: int = 200) -> list[LearnedRow]:
    """The newest examples first, for the worker to review (and undo)."""
    with db.read() as conn:
        rows = conn.execute(select(learned_examples).order_by(learned_examples.c.id.desc())
                            .limit(limit)).all()
    return [LearnedRow(r.id, r.text, r.item, r.suggested, r.added_at) for r in rows]


def forget_example(desk: Desk, example_id: int) -> bool:
    """Undo one learned example; True when there was one."""
    with desk.write() as unit:
        unit.note("learned")
        gone = unit.conn.execute(delete(learned_examples)
                                 .where(learned_examples.c.id == example_id)).rowcount
    _forget_cache(desk.db)
    return bool(gone)


def forget_all(desk: Desk) -> int:
    """Back to the shipped examples only."""
    with desk.write() as unit:
        unit.note("learned")
        gone = unit.conn.execute(delete(learned_examples)).rowcount
    _forget_cache(desk.db)
    return int(gone)


def learned_for(desk: Desk) -> LearnedExamples:
    """This desk's examples as vectors of the current model, built once and kept until an
    example is added or removed (or the catalogue is replaced)."""
    model = suggester_for(desk.catalogue)
    with _lock:
        cached = _cache.get(desk.db)
        if cached is not None and cached[0] == id(model):
            return cached[1]
    with desk.db.read() as conn:
        rows = conn.execute(select(learned_examples.c.text, learned_examples.c.item)
                            .order_by(learned_examples.c.id)).all()
    learned = model.learned_from((r.text, r.item) for r in rows)
    with _lock:
        _cache[desk.db] = (id(model), learned)
    return learned


def suggest_for(desk: Desk, text: str, limit: int = 3) -> list[Suggestion]:
    """The suggestion screens show: the shipped model plus what this desk has learned."""
    if not text.strip():
        return []
    return suggest_items(desk.catalogue, text, limit, learned=learned_for(desk))


def item_usage(db: Database, catalogue: Catalogue, days: int = 365,
               now: datetime | None = None) -> dict[str, int]:
    """How many requests of each item this desk registered in the last `days` days (through the
    category index: one range per item, cheap at a million cases)."""
    since = ms_from_utc((now or datetime.now(UTC)) - timedelta(days=days))
    with db.read() as conn:
        rows = conn.execute(select(cases.c.category, func.count())
                            .where(cases.c.registered_at >= since)
                            .group_by(cases.c.category)).all()
    return {code: n for code, n in rows if code in catalogue.items}


def warm_suggestions(desk: Desk, index: CatalogueIndex) -> None:
    """On a worker while the window opens: the picker's pinyin and this desk's usage, the
    suggester's model and this desk's learned examples, so the first keystroke waits for
    nothing."""
    index.set_usage(item_usage(desk.db, desk.catalogue))
    index.warm()
    learned_for(desk)


def _forget_cache(db: Database) -> None:
    with _lock:
        _cache.pop(db, None)
