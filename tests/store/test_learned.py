"""The desk learns from its workers' choices: a correction changes the next suggestion for a
similar text, is capped, and can be undone."""

from __future__ import annotations

import pytest

from desk_app.store import learned
from desk_app.store.desk import Desk

# Monkeys from the hills: no catalogue item names them; this desk sends them to the greening
# and forestry item (030303), which the shipped model does not guess.
FIRST = "后山的猴子又跑下来抢东西"
SIMILAR = "后山猴子跑进小区翻垃圾"
CORRECT = "030303"


def top(desk: Desk, text: str) -> str:
    return learned.suggest_for(desk, text)[0].item.code


def test_a_correction_changes_the_next_suggestion_for_a_similar_text(desk: Desk) -> None:
    before = top(desk, SIMILAR)
    assert before != CORRECT, "the shipped model alone gets this one wrong"
    learned.remember_choice(desk, FIRST, CORRECT, suggested=top(desk, FIRST), actor="wangli")

    after = learned.suggest_for(desk, SIMILAR)
    assert after[0].item.code == CORRECT
    assert after[0].learned and after[0].example == FIRST, "the screen can say why"
    # An unrelated request is not pulled towards the correction.
    assert top(desk, "楼上装修电钻声太吵了") == "010201"


def test_forgetting_an_example_undoes_what_it_taught(desk: Desk) -> None:
    before = top(desk, SIMILAR)
    example = learned.remember_choice(desk, FIRST, CORRECT)
    assert example is not None and top(desk, SIMILAR) == CORRECT
    assert [r.text for r in learned.list_learned(desk.db)] == [FIRST]

    assert learned.forget_example(desk, example)
    assert top(desk, SIMILAR) == before
    assert not learned.forget_example(desk, example)

    learned.remember_choice(desk, FIRST, CORRECT)
    assert learned.forget_all(desk) == 1
    assert top(desk, SIMILAR) == before


def test_what_is_learned_stays_on_its_own_desk(desk: Desk, tmp_path, catalogue, calendar
                                               ) -> None:
    from desk_app.store.database import open_database
    from desk_app.store.desk import setup_desk

    other_db = open_database(tmp_path / "other.sqlite3")
    other = Desk(other_db, setup_desk(other_db, "YT-HS-02", "另一个社区", "YT-HS-PW", catalogue),
                 catalogue, calendar)
    learned.remember_choice(desk, FIRST, CORRECT)
    assert top(desk, SIMILAR) == CORRECT
    assert top(other, SIMILAR) != CORRECT
    other_db.close()


def test_examples_are_capped_and_keep_no_phone_numbers(desk: Desk,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(learned, "CAP", 3)
    for n in range(5):
        learned.remember_choice(desk, f"第{n}次：井盖丢了，电话13812345678", "030201")
    rows = learned.list_learned(desk.db)
    assert len(rows) == 3
    assert [r.text[:3] for r in rows] == ["第4次", "第3次", "第2次"]
    assert all("13812345678" not in r.text for r in rows)


@pytest.mark.parametrize(("text", "item"), [("", "030201"), ("   ", "030201"),
                                            ("井盖丢了", "no-such-item")])
def test_nothing_is_learned_from_an_empty_text_or_an_unknown_item(desk: Desk, text: str,
                                                                  item: str) -> None:
    assert learned.remember_choice(desk, text, item) is None
    assert learned.list_learned(desk.db) == []
