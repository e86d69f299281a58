"""The access audit reaches the centre with the rest of a desk's work, and stays there: other
desks of the area never receive another desk's audit."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select

from desk_app.store.audit import Audited, record_audit
from desk_app.store.eventlog import pending_count
from sync.server import schema as t
from sync.server.database import ServerDatabase

from .conftest import SyncDesk
from .servers import ServerProcess


def test_audit_entries_are_pushed_kept_at_the_centre_and_not_pulled_by_other_desks(
        server: ServerProcess, make_desk: Callable[..., SyncDesk]) -> None:
    a, b = make_desk("YT-HS-01", "YT-HS", server), make_desk("YT-HS-02", "YT-HS", server)
    record_audit(a.desk, "desk", Audited("signin.failed", target="wangli"))
    a.register()
    report = a.client().sync()
    assert report.ok and report.refused == 0
    with a.desk.db.read() as conn:
        assert pending_count(conn) == 0, "the centre accepted the audit entry"
    db = ServerDatabase(server.database)
    try:
        with db.read() as conn:
            kept = list(conn.execute(select(t.events.c.type, t.events.c.actor)
                                     .where(t.events.c.entity == "audit")))
    finally:
        db.dispose()
    assert kept == [("audit.recorded", "desk@YT-HS-01")]
    assert b.client().sync().ok
    with b.desk.db.read() as conn:
        types = [r[0] for r in conn.exec_driver_sql("SELECT entity FROM events")]
    assert "case" in types and "audit" not in types
