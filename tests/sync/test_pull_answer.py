"""The centre's pull answer, its items spliced from the stored payload text, says exactly what
encoding each event again said: awkward text, sealed personal fields and all."""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

import pytest

from desk_app.config import catalogue_dir
from desk_app.domain.catalogue import load_catalogue
from desk_app.domain.hlc import HybridClock
from desk_app.domain.ids import uuid7
from sync.server import records
from sync.server.database import ServerDatabase
from sync.server.store import ServerStore

AWKWARD = ['引号"反斜杠\\斜杠/', "换行\n制表\t回车\r", "emoji 🏠 and é", "行\u2028分\u2029段", "</script>"]


@pytest.mark.parametrize("sealed", [False, True], ids=["clear", "sealed"])
def test_the_spliced_page_reads_as_the_encoded_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sealed: bool) -> None:
    if sealed:
        monkeypatch.setenv("COMMUNITY_DESK_SERVER_KEY", base64.b64encode(os.urandom(32)).decode())
    else:
        monkeypatch.delenv("COMMUNITY_DESK_SERVER_KEY", raising=False)
        monkeypatch.delenv("COMMUNITY_DESK_SERVER_KEY_FILE", raising=False)
    db = ServerDatabase(f"sqlite:///{tmp_path / 'centre.sqlite3'}")
    db.migrate()
    try:
        store = ServerStore(db, load_catalogue(catalogue_dir()))
        assert (records.CIPHER is not None) == sealed
        enrolment = store.enrol(store.issue_enrolment_code("YT-HS"), "YT-HS-01", "海上世界")
        desk = store.desk_for_token(enrolment.token)
        assert desk is not None
        clock = HybridClock("YT-HS-01")
        sent = []
        for n, text in enumerate(AWKWARD):
            sent.append({"id": uuid7(), "entity": "case", "entity_id": uuid7(),
                         "type": "case.registered", "actor": "wangli@YT-HS-01", "desk": "YT-HS-01",
                         "hlc": clock.now(), "org": "YT-HS-PW", "payload": {
                             "number": f"YT-HS-01-20261202-000{n + 1}", "kind": "complaint",
                             "channel": "window", "title": text.strip() or "题", "description": text,
                             "urgency": "ordinary", "category": "030201", "time_limit": "3d",
                             "community": "YT-HS-PW", "name": f"李{text[:3]}",
                             "phone": "13812345678"}})
        results = store.push(desk, sent)
        assert [r.reason for r in results if r.status.value != "accepted"] == []
        page, next_after, more = store.pull(desk, 0, 100)
        items, json_next, json_more = store.pull_json(desk, 0, 100)
        assert (json_next, json_more) == (next_after, more)
        assert [json.loads(item) for item in items] == \
            [{"seq": seq, "event": event.to_dict()} for seq, event in page]
        assert len(items) == len(AWKWARD)
    finally:
        db.dispose()
