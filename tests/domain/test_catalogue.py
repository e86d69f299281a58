"""The duty catalogue (职责清单): the shipped data, its checks, and finding an item for a request.

Every loading-error test copies the real catalogue, breaks exactly one entry, and checks that the
message sends the person editing the CSV to the right file and line.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import shutil
from pathlib import Path

import pytest

from desk_app.config import catalogue_dir
from desk_app.domain.catalogue import Catalogue, CatalogueError, load_catalogue
from desk_app.domain.classify import suggest_items
from desk_app.domain.picker import CatalogueIndex
from desk_app.domain.vocabulary import URGENCIES


@pytest.fixture(scope="module")
def index(catalogue: Catalogue) -> CatalogueIndex:
    return CatalogueIndex(catalogue)


# --- the shipped catalogue --------------------------------------------------------------------


def test_the_catalogue_has_at_least_yantians_12_classes_and_80_items(catalogue: Catalogue) -> None:
    top = [c for c in catalogue.classes.values() if c.parent is None]
    assert len(top) >= 12
    assert len(catalogue.items) >= 80
    assert len(list(catalogue.active_items())) >= 80


def test_the_catalogue_has_three_levels(catalogue: Catalogue) -> None:
    for item in catalogue.items.values():
        top, sub, leaf = catalogue.path(item.code)
        assert top.parent is None
        assert sub.parent == top.code
        assert leaf is item
        assert item.code.startswith(sub.code) and sub.code.startswith(top.code)
        assert (len(top.code), len(sub.code), len(item.code)) == (2, 4, 6)
    subs = [c for c in catalogue.classes.values() if c.parent is not None]
    assert subs and all(catalogue.classes[c.parent].parent is None for c in subs)


def test_every_item_names_existing_departments_a_limit_and_an_urgency(
    catalogue: Catalogue,
) -> None:
    for item in catalogue.items.values():
        assert item.lead in catalogue.departments, item.code
        assert all(co in catalogue.departments for co in item.co), item.code
        assert item.lead not in item.co, item.code
        assert item.urgency in URGENCIES, item.code
        assert item.name_zh and item.keywords, item.code


def test_there_is_exactly_one_catch_all_unit_and_it_owns_item_999901(catalogue: Catalogue) -> None:
    catch_all_units = [d for d in catalogue.departments.values() if d.kind == "catch_all"]
    assert len(catch_all_units) == 1
    assert catalogue.catch_all.code == "999901"
    assert catalogue.catch_all.lead == catch_all_units[0].code
    assert not catalogue.catch_all.retired


def test_the_night_construction_noise_item_is_where_a_worker_expects_it(
    catalogue: Catalogue,
) -> None:
    top, sub, item = catalogue.path("010101")
    assert (top.code, top.name_zh) == ("01", "噪音扰民")
    assert (sub.code, sub.name_zh) == ("0101", "建筑施工噪音")
    assert item.name_zh == "夜间建筑施工噪音"
    assert str(item.time_limit) == "24h"


def test_the_catalogue_version_changes_when_a_file_changes(tmp_path: Path,
                                                           catalogue: Catalogue) -> None:
    folder = copy_catalogue(tmp_path)
    assert load_catalogue(folder).version == catalogue.version
    items = folder / "items.csv"
    items.write_text(items.read_text(encoding="utf-8").replace("夜间建筑施工噪音", "夜间施工噪音"),
                     encoding="utf-8")
    assert load_catalogue(folder).version != catalogue.version


# --- organisation tree ------------------------------------------------------------------------


def test_org_children_lists_the_grids_of_a_community(catalogue: Catalogue) -> None:
    grids = catalogue.org_children("YT-HS-PW")
    assert [g.code for g in grids] == ["YT-HS-PW-G01", "YT-HS-PW-G02", "YT-HS-PW-G03"]
    assert {g.level for g in grids} == {"grid"}


def test_org_children_of_nothing_is_the_district_and_level_filters(catalogue: Catalogue) -> None:
    assert [o.code for o in catalogue.org_children(None)] == ["YT"]
    streets = catalogue.org_children("YT", "street")
    assert {s.code for s in streets} == {"YT-HS", "YT-YT", "YT-ST", "YT-MS"}
    assert catalogue.org_children("YT", "community") == []
    assert catalogue.org_children("YT-HS-PW-G01") == []


def test_org_path_runs_from_district_down_to_the_grid(catalogue: Catalogue) -> None:
    chain = catalogue.org_path("YT-HS-PW-G01")
    assert [o.code for o in chain] == ["YT", "YT-HS", "YT-HS-PW", "YT-HS-PW-G01"]
    assert [o.level for o in chain] == ["district", "street", "community", "grid"]
    assert [o.name_zh for o in chain][:3] == ["盐田区", "海山街道", "鹏湾社区"]
    assert catalogue.org_path("NO-SUCH-UNIT") == []


@pytest.mark.parametrize(
    ("code", "scope", "inside"),
    [
        ("YT-HS-PW-G01", "YT-HS-PW", True),
        ("YT-HS-PW-G01", "YT", True),
        ("YT-HS-PW", "YT-HS-PW", True),
        ("YT-HS-PW", "YT-HS-PW-G01", False),  # a community is not inside its own grid
        ("YT-HS-HT-G01", "YT-HS-PW", False),  # a neighbouring community's grid
        ("YT-HSX", "YT-HS", False),  # a shared prefix is not containment
        ("YT-YT-YT", "YT-HS", False),
    ],
)
def test_within_tells_whether_a_unit_is_inside_a_desks_scope(
    catalogue: Catalogue, code: str, scope: str, inside: bool
) -> None:
    assert catalogue.within(code, scope) is inside


def test_every_grid_is_within_its_community_street_and_district(catalogue: Catalogue) -> None:
    grids = [o for o in catalogue.orgs.values() if o.level == "grid"]
    assert grids
    for grid in grids:
        for ancestor in catalogue.org_path(grid.code):
            assert catalogue.within(grid.code, ancestor.code)


# --- loading errors ---------------------------------------------------------------------------


def copy_catalogue(tmp_path: Path) -> Path:
    folder = tmp_path / "catalogue"
    shutil.copytree(catalogue_dir(), folder)
    return folder


def line_of(path: Path, key: str) -> int:
    """The 1-based line number of the row whose first field is `key`."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.split(",", 1)[0] == key:
            return number
    raise AssertionError(f"{key} not in {path}")


def change_row(path: Path, key: str, **changes: str) -> int:
    """Change fields of the row whose code is `key`; returns its line number."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    header = next(csv.reader([lines[0]]))
    number = line_of(path, key)
    row = dict(zip(header, next(csv.reader([lines[number - 1]])), strict=True))
    row.update(changes)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([row[h] for h in header])
    lines[number - 1] = out.getvalue()
    path.write_text("".join(lines), encoding="utf-8")
    return number


def load_error(folder: Path) -> str:
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(folder)
    return str(caught.value)


def assert_points_at(message: str, path: Path, line: int) -> None:
    assert message.startswith(f"{path}, line {line}: "), message


def test_a_duplicate_item_code_points_at_the_second_entry(tmp_path: Path) -> None:
    items = copy_catalogue(tmp_path) / "items.csv"
    line = change_row(items, "040202", code="040201")
    assert line > line_of(items, "040201")
    message = load_error(items.parent)
    assert_points_at(message, items, line)
    assert "item 040201 is listed twice" in message


def test_an_unknown_lead_department_is_named(tmp_path: Path) -> None:
    items = copy_catalogue(tmp_path) / "items.csv"
    line = change_row(items, "040201", lead="D-NOWHERE")
    message = load_error(items.parent)
    assert_points_at(message, items, line)
    assert "unknown department D-NOWHERE" in message


def test_an_unknown_co_handling_department_is_named(tmp_path: Path) -> None:
    items = copy_catalogue(tmp_path) / "items.csv"
    line = change_row(items, "010202", co="D-POLICE;D-GHOST")
    message = load_error(items.parent)
    assert_points_at(message, items, line)
    assert "unknown department D-GHOST" in message


@pytest.mark.parametrize("bad_limit", ["3days", "0d", "", "5 wd"])
def test_a_bad_time_limit_is_named(tmp_path: Path, bad_limit: str) -> None:
    items = copy_catalogue(tmp_path) / "items.csv"
    line = change_row(items, "120101", time_limit=bad_limit)
    message = load_error(items.parent)
    assert_points_at(message, items, line)
    assert f"“{bad_limit}” is not a time limit" in message


def test_a_bad_urgency_lists_the_allowed_ones(tmp_path: Path) -> None:
    items = copy_catalogue(tmp_path) / "items.csv"
    line = change_row(items, "050101", urgency="normal")
    message = load_error(items.parent)
    assert_points_at(message, items, line)
    assert "very_urgent, urgent, ordinary" in message


def test_an_item_whose_code_does_not_extend_its_class_is_refused(tmp_path: Path) -> None:
    items = copy_catalogue(tmp_path) / "items.csv"
    line = change_row(items, "040201", code="049901")  # class stays 0402
    message = load_error(items.parent)
    assert_points_at(message, items, line)
    assert "item 049901 must belong to a second-level class and extend its code" in message


def test_an_item_under_a_top_level_class_is_refused(tmp_path: Path) -> None:
    items = copy_catalogue(tmp_path) / "items.csv"
    line = change_row(items, "040201", **{"class": "04"})
    assert_points_at(load_error(items.parent), items, line)


def test_a_row_with_a_missing_field_says_how_many_fields_it_has(tmp_path: Path) -> None:
    items = copy_catalogue(tmp_path) / "items.csv"
    lines = items.read_text(encoding="utf-8").splitlines(keepends=True)
    line = line_of(items, "080101")
    lines[line - 1] = lines[line - 1].rstrip("\n").rsplit(",", 1)[0] + "\n"
    items.write_text("".join(lines), encoding="utf-8")
    message = load_error(items.parent)
    assert_points_at(message, items, line)
    assert "10 fields, expected 11" in message


@pytest.mark.parametrize("name", ["departments.csv", "classes.csv", "items.csv", "orgs.csv"])
def test_a_wrong_header_lists_the_expected_columns(tmp_path: Path, name: str) -> None:
    path = copy_catalogue(tmp_path) / name
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    expected = lines[0].strip()
    lines[0] = lines[0].replace("name_zh", "name")
    path.write_text("".join(lines), encoding="utf-8")
    message = load_error(path.parent)
    assert_points_at(message, path, 1)
    assert expected in message


def test_a_grid_under_a_street_instead_of_a_community_is_refused(tmp_path: Path) -> None:
    orgs = copy_catalogue(tmp_path) / "orgs.csv"
    line = change_row(orgs, "YT-HS-PW-G02", parent="YT-HS")
    message = load_error(orgs.parent)
    assert_points_at(message, orgs, line)
    assert "YT-HS-PW-G02 must sit under a community" in message


def test_a_community_whose_code_does_not_extend_its_street_is_refused(tmp_path: Path) -> None:
    orgs = copy_catalogue(tmp_path) / "orgs.csv"
    line = change_row(orgs, "YT-YT-MZ", parent="YT-HS")
    message = load_error(orgs.parent)
    assert_points_at(message, orgs, line)
    assert "must sit under a street" in message


def test_a_sub_class_under_another_top_class_is_refused(tmp_path: Path) -> None:
    classes = copy_catalogue(tmp_path) / "classes.csv"
    line = change_row(classes, "0402", parent="03")
    message = load_error(classes.parent)
    assert_points_at(message, classes, line)
    assert "0402" in message


def test_a_second_catch_all_unit_is_refused(tmp_path: Path) -> None:
    departments = copy_catalogue(tmp_path) / "departments.csv"
    change_row(departments, "D-STREET", kind="catch_all")
    message = load_error(departments.parent)
    assert str(departments) in message
    assert "exactly one catch_all unit" in message


def test_a_file_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    items = copy_catalogue(tmp_path) / "items.csv"
    items.write_bytes(items.read_text(encoding="utf-8").encode("gb18030"))
    message = load_error(items.parent)
    assert message.startswith(f"{items}: ")
    assert "not a readable CSV file" in message


def test_one_line_that_is_not_utf8_is_reported_with_its_line_number(tmp_path: Path) -> None:
    items = copy_catalogue(tmp_path) / "items.csv"
    raw = items.read_bytes().splitlines(keepends=True)
    line = line_of(items, "080101")
    raw[line - 1] = raw[line - 1].decode("utf-8").encode("gbk")
    items.write_bytes(b"".join(raw))
    assert_points_at(load_error(items.parent), items, line)


@pytest.mark.parametrize("name", ["departments.csv", "classes.csv", "items.csv", "orgs.csv"])
def test_a_missing_file_is_named(tmp_path: Path, name: str) -> None:
    path = copy_catalogue(tmp_path) / name
    path.unlink()
    message = load_error(path.parent)
    assert str(path) in message
    assert "Cannot read" in message


def test_a_byte_order_mark_from_excel_is_accepted(tmp_path: Path, catalogue: Catalogue) -> None:
    items = copy_catalogue(tmp_path) / "items.csv"
    items.write_bytes(b"\xef\xbb\xbf" + items.read_bytes())
    assert load_catalogue(items.parent).items.keys() == catalogue.items.keys()


def test_a_retired_column_retires_the_marked_item(tmp_path: Path) -> None:
    items = copy_catalogue(tmp_path) / "items.csv"
    lines = items.read_text(encoding="utf-8").splitlines()
    lines = [lines[0] + ",retired"] + [
        row + (",yes" if row.startswith("010102,") else ",") for row in lines[1:]
    ]
    items.write_text("\n".join(lines) + "\n", encoding="utf-8")
    loaded = load_catalogue(items.parent)
    assert loaded.items["010102"].retired
    assert not loaded.items["010101"].retired
    assert "010102" not in {i.code for i in loaded.active_items()}


@pytest.mark.parametrize("value", ["FALSE", "0", "no"])
def test_a_retired_column_saying_false_keeps_the_item_active(tmp_path: Path, value: str) -> None:
    items = copy_catalogue(tmp_path) / "items.csv"
    lines = items.read_text(encoding="utf-8").splitlines()
    lines = [lines[0] + ",retired"] + [row + "," + value for row in lines[1:]]
    items.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert not load_catalogue(items.parent).items["010101"].retired


# --- suggest_items ----------------------------------------------------------------------------


def test_night_construction_noise_suggests_010101_first(catalogue: Catalogue) -> None:
    text = "鹏湾花园3栋楼下工地夜间施工噪音很大，凌晨一点还在打桩，影响休息。"
    suggestions = suggest_items(catalogue, text)
    assert suggestions[0].item.code == "010101"
    assert "夜间施工" in suggestions[0].matched


def test_a_description_with_several_keywords_ranks_the_best_match_first(
    catalogue: Catalogue,
) -> None:
    text = "小区旁边工地半夜施工，通宵施工还晚上打桩，根本睡不着"
    suggestions = suggest_items(catalogue, text)
    assert suggestions[0].item.code == "010101"
    assert set(suggestions[0].matched) >= {"半夜施工", "通宵施工", "晚上打桩"}
    assert [s.score for s in suggestions] == sorted((s.score for s in suggestions), reverse=True)


def test_suggestions_are_limited(catalogue: Catalogue) -> None:
    text = "装修噪音 广场舞 楼上噪音 酒吧噪音 工厂噪音 炸街 码头噪音 夜间施工"
    assert len(suggest_items(catalogue, text)) == 3
    assert len(suggest_items(catalogue, text, limit=5)) == 5


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_no_text_gives_no_suggestions(catalogue: Catalogue, text: str) -> None:
    assert suggest_items(catalogue, text) == []


def test_unrelated_text_gives_no_confident_suggestion(catalogue: Catalogue) -> None:
    assert not any(s.confident for s in suggest_items(catalogue, "qqqq xyz 火星移民"))


def test_thanks_is_praise(catalogue: Catalogue) -> None:
    assert suggest_items(catalogue, "谢谢")[0].item.code == "150303"


def test_a_retired_item_is_never_suggested(catalogue: Catalogue) -> None:
    retired = with_retired(catalogue, "010101")
    text = "楼下工地夜间施工噪音很大，凌晨施工，通宵施工"
    assert "010101" not in {s.item.code for s in suggest_items(retired, text, limit=50)}


# --- CatalogueIndex.search --------------------------------------------------------------------


def mentions(catalogue: Catalogue, code: str, word: str) -> bool:
    top, sub, item = catalogue.path(code)
    return any(word in w for w in (item.name_zh, sub.name_zh, top.name_zh, *item.keywords))


def test_pinyin_initials_zy_find_noise_in_the_first_ten(index: CatalogueIndex) -> None:
    found = index.search("zy")[:10]
    assert any("噪音" in item.name_zh for item in found)


def test_chinese_search_returns_only_items_that_mention_the_word(
    catalogue: Catalogue, index: CatalogueIndex
) -> None:
    found = index.search("噪音")
    assert len(found) >= 10
    assert all(mentions(catalogue, item.code, "噪音") for item in found)
    assert len({i.code for i in found}) == len(found)


def test_items_named_after_the_word_come_before_items_that_only_share_the_class(
    index: CatalogueIndex,
) -> None:
    found = index.search("噪音")
    named = ["噪音" in item.name_zh for item in found]
    assert any(named) and not all(named)
    assert named == sorted(named, reverse=True)


def test_a_code_prefix_finds_the_items_of_that_sub_class(
    catalogue: Catalogue, index: CatalogueIndex
) -> None:
    found = index.search("0101")
    expected = sorted(c for c in catalogue.items if c.startswith("0101"))
    assert [i.code for i in found[: len(expected)]] == expected
    assert index.search("010101")[0].code == "010101"


def test_english_words_find_items_by_their_english_name(index: CatalogueIndex) -> None:
    found = index.search("noise")
    assert found
    assert all("noise" in item.name_en.lower() for item in found)
    assert [i.code for i in index.search(" Noise ")] == [i.code for i in found]


def test_full_pinyin_finds_the_same_noise_items(index: CatalogueIndex) -> None:
    assert "010101" in {i.code for i in index.search("zaoyin")}


@pytest.mark.parametrize("query", ["qqqqxz", "火星移民", "", "   "])
def test_a_query_matching_nothing_returns_an_empty_list(index: CatalogueIndex, query: str) -> None:
    assert index.search(query) == []


def test_search_respects_the_limit(index: CatalogueIndex) -> None:
    assert len(index.search("噪音", limit=3)) == 3


def with_retired(catalogue: Catalogue, code: str) -> Catalogue:
    items = dict(catalogue.items)
    items[code] = dataclasses.replace(items[code], retired=True)
    return dataclasses.replace(catalogue, items=items)


@pytest.fixture(scope="module")
def index_with_010101_retired(catalogue: Catalogue) -> CatalogueIndex:
    return CatalogueIndex(with_retired(catalogue, "010101"))


@pytest.mark.parametrize("query", ["010101", "夜间建筑施工噪音", "噪音", "zy", "night", "yjjzsgzy"])
def test_a_retired_item_is_never_found(
    catalogue: Catalogue, index: CatalogueIndex, index_with_010101_retired: CatalogueIndex,
    query: str,
) -> None:
    before = [i.code for i in index.search(query, limit=500)]
    after = [i.code for i in index_with_010101_retired.search(query, limit=500)]
    assert "010101" in before
    assert after == [code for code in before if code != "010101"]
    assert not catalogue.items["010101"].retired  # the shared catalogue is untouched
