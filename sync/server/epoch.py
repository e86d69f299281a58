"""The centre's identity and epoch, carried by every answer (X-Centre-Id, X-Centre-Epoch).

The id is made once and kept by backups; the epoch is new after every restore, because the log
went back in time: desks that see a new epoch offer again what they hold and pull again.
"""

from __future__ import annotations

import time

from sqlalchemy import select

from desk_app.domain.ids import uuid7

from . import schema as t
from .database import ServerDatabase


def now_ms() -> int:
    return int(time.time() * 1000)


def centre_identity(db: ServerDatabase) -> tuple[str, str, int]:
    """This centre's id (made once, kept by backups) and its epoch (new after every restore),
    with the time of the restore that began it (0 for the first epoch); made on first start."""
    with db.write() as conn:
        found = dict(conn.execute(select(t.meta.c.key, t.meta.c.value).where(
            t.meta.c.key.in_(("centre.id", "centre.epoch", "centre.epoch_at")))).all())
        if "centre.id" not in found:
            found["centre.id"] = uuid7()
            conn.execute(t.meta.insert().values(key="centre.id", value=found["centre.id"]))
        if "centre.epoch" not in found:
            # epoch_at 0: never restored, so no desk may re-offer another desk's events (only
            # events stamped before a restore can be missing from the centre).
            found.update({"centre.epoch": uuid7(), "centre.epoch_at": "0"})
            conn.execute(t.meta.insert(), [{"key": k, "value": found[k]}
                                           for k in ("centre.epoch", "centre.epoch_at")])
    return found["centre.id"], found["centre.epoch"], int(found.get("centre.epoch_at") or 0)


def start_new_epoch(db: ServerDatabase) -> str:
    """After a restore: the log went back in time, so desks must re-offer what they hold and
    pull again from the start. They notice by the epoch every answer carries."""
    epoch = uuid7()
    with db.write() as conn:
        conn.execute(t.meta.delete().where(t.meta.c.key.in_(("centre.epoch", "centre.epoch_at"))))
        conn.execute(t.meta.insert(), [{"key": "centre.epoch", "value": epoch},
                                       {"key": "centre.epoch_at", "value": str(now_ms())}])
    return epoch
