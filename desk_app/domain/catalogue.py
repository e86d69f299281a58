"""The duty catalogue (职责清单): classes, items, departments and the organisation tree.

Loaded from four CSV files in one folder and checked as a whole; an error names the file and
the line of the bad entry. Items are retired, never deleted: a retired item is not offered for
new requests, but events that name it stay valid.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .sla import TimeLimit
from .text import QT_TRANSLATE_NOOP as _t
from .text import DomainError
from .vocabulary import URGENCIES

ORG_LEVELS = ("district", "street", "community", "grid")


class CatalogueError(DomainError):
    pass


@dataclass(frozen=True)
class Department:
    code: str
    name_zh: str
    name_en: str
    kind: str  # department | enterprise | catch_all


@dataclass(frozen=True)
class CatalogueClass:
    code: str
    parent: str | None
    name_zh: str
    name_en: str


@dataclass(frozen=True)
class Item:
    code: str
    class_code: str
    name_zh: str
    name_en: str
    keywords: tuple[str, ...]
    lead: str
    co: tuple[str, ...]
    time_limit: TimeLimit
    urgency: str
    legal_basis: str
    standard: str
    retired: bool = False


@dataclass(frozen=True)
class OrgUnit:
    code: str
    parent: str | None
    level: str
    name_zh: str
    name_en: str


@dataclass
class Catalogue:
    departments: dict[str, Department] = field(default_factory=dict)
    classes: dict[str, CatalogueClass] = field(default_factory=dict)
    items: dict[str, Item] = field(default_factory=dict)
    orgs: dict[str, OrgUnit] = field(default_factory=dict)
    version: str = ""

    @property
    def catch_all(self) -> Item:
        """The item for what nothing else fits: the last one owned by the catch-all unit."""
        return max((i for i in self.items.values()
                    if self.departments[i.lead].kind == "catch_all"), key=lambda i: i.code)

    def active_items(self) -> Iterator[Item]:
        return (i for i in self.items.values() if not i.retired)

    def path(self, item_code: str) -> tuple[CatalogueClass, CatalogueClass, Item]:
        item = self.items[item_code]
        sub = self.classes[item.class_code]
        return self.classes[sub.parent or ""], sub, item

    def org_children(self, code: str | None, level: str | None = None) -> list[OrgUnit]:
        return [o for o in self.orgs.values()
                if o.parent == code and (level is None or o.level == level)]

    def org_path(self, code: str) -> list[OrgUnit]:
        chain: list[OrgUnit] = []
        unit = self.orgs.get(code)
        while unit is not None:
            chain.append(unit)
            unit = self.orgs.get(unit.parent or "")
        return list(reversed(chain))

    def within(self, code: str, scope: str) -> bool:
        """Whether org unit `code` lies inside (or is) `scope`."""
        return code == scope or code.startswith(scope + "-")


FILES = ("departments.csv", "classes.csv", "items.csv", "orgs.csv")
HEADERS = {
    "departments.csv": ["code", "name_zh", "name_en", "kind"],
    "classes.csv": ["code", "parent", "name_zh", "name_en"],
    "items.csv": ["code", "class", "name_zh", "name_en", "keywords", "lead", "co", "time_limit",
                  "urgency", "legal_basis", "standard"],
    "orgs.csv": ["code", "parent", "level", "name_zh", "name_en"],
}
OPTIONAL = {"items.csv": ["retired"]}


def _rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as error:
        raise CatalogueError(_t("domain", "Cannot read {file}: {error}"), file=str(path),
                             error=error.strerror or str(error)) from None
    with handle:
        reader = csv.reader(handle)
        try:
            header = next(reader, [])
            want = HEADERS[path.name]
            if header[: len(want)] != want or header[len(want):] not in ([], *[[c] for c in OPTIONAL.get(path.name, [])]):
                raise CatalogueError(
                    _t("domain", "{file}, line 1: the columns must be {columns}."),
                    file=str(path), columns=",".join(want),
                )
            while True:
                try:
                    row = next(reader)
                except StopIteration:
                    break
                except UnicodeDecodeError:
                    raise CatalogueError(
                        _t("domain", "{file}, line {line}: not UTF-8 text (save the file as UTF-8)."),
                        file=str(path), line=_first_undecodable_line(path),
                    ) from None
                if not row or not any(cell.strip() for cell in row):
                    continue
                if len(row) != len(header):
                    raise CatalogueError(
                        _t("domain", "{file}, line {line}: {count} fields, expected {expected}."),
                        file=str(path), line=reader.line_num, count=len(row), expected=len(header),
                    )
                yield reader.line_num, {k: v.strip() for k, v in zip(header, row, strict=True)}
        except (csv.Error, UnicodeDecodeError) as error:
            raise CatalogueError(_t("domain", "{file}: not a readable CSV file ({error})."),
                                 file=str(path), error=str(error)[:100]) from None


def _first_undecodable_line(path: Path) -> int:
    """Decoding runs ahead of the CSV reader, so find the bad line from the raw bytes."""
    for number, raw in enumerate(path.read_bytes().split(b"\n"), start=1):
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            return number
    return 0


def _bad(path: Path, line: int, text: str, **values: object) -> CatalogueError:
    return CatalogueError(_t("domain", "{file}, line {line}: {problem}"), file=str(path), line=line,
                          problem=text.format(**values))


def load_catalogue(folder: Path) -> Catalogue:
    """Read and check the catalogue in `folder`; CatalogueError names the file and line."""
    cat = Catalogue()
    digest = hashlib.sha256()
    for name in FILES:
        with contextlib.suppress(OSError):  # a missing file is reported below, with its name
            digest.update((folder / name).read_bytes())
    cat.version = digest.hexdigest()[:16]

    path = folder / "departments.csv"
    for line, r in _rows(path):
        if r["code"] in cat.departments:
            raise _bad(path, line, "department {code} is listed twice", code=r["code"])
        if r["kind"] not in ("department", "enterprise", "catch_all") or not r["name_zh"]:
            raise _bad(path, line, "kind must be department, enterprise or catch_all, and the name is required")
        cat.departments[r["code"]] = Department(r["code"], r["name_zh"], r["name_en"], r["kind"])
    if sum(d.kind == "catch_all" for d in cat.departments.values()) != 1:
        raise CatalogueError(_t("domain", "{file}: there must be exactly one catch_all unit."),
                             file=str(path))

    path = folder / "classes.csv"
    for line, r in _rows(path):
        code, parent = r["code"], r["parent"] or None
        if code in cat.classes:
            raise _bad(path, line, "class {code} is listed twice", code=code)
        if parent is None and not (len(code) == 2 and code.isdigit()):
            raise _bad(path, line, "a top-level class code is two digits, not {code}", code=code)
        if parent is not None:
            top = cat.classes.get(parent)
            if top is None or top.parent is not None or code[:2] != parent or len(code) != 4:
                raise _bad(path, line, "class {code} must be its top-level class {parent} plus two digits", code=code, parent=parent)
        cat.classes[code] = CatalogueClass(code, parent, r["name_zh"], r["name_en"])

    path = folder / "items.csv"
    for line, r in _rows(path):
        cat.items[r["code"]] = _item(path, line, r, cat)
    if not any(cat.departments[i.lead].kind == "catch_all" for i in cat.items.values()):
        raise CatalogueError(_t("domain", "{file}: no item is handled by the catch-all unit."),
                             file=str(path))

    path = folder / "orgs.csv"
    for line, r in _rows(path):
        code, parent, level = r["code"], r["parent"] or None, r["level"]
        if code in cat.orgs:
            raise _bad(path, line, "organisation {code} is listed twice", code=code)
        if level not in ORG_LEVELS:
            raise _bad(path, line, "level must be one of {levels}", levels=", ".join(ORG_LEVELS))
        expected_parent = ORG_LEVELS[ORG_LEVELS.index(level) - 1] if level != "district" else None
        up = cat.orgs.get(parent or "")
        if (expected_parent is None) != (parent is None) or (
            parent is not None and (up is None or up.level != expected_parent
                                    or not code.startswith(parent + "-"))):
            raise _bad(path, line, "{code} must sit under a {level} whose code it extends",
                       code=code, level=expected_parent or "nothing")
        cat.orgs[code] = OrgUnit(code, parent, level, r["name_zh"], r["name_en"])
    return cat


def _item(path: Path, line: int, r: dict[str, str], cat: Catalogue) -> Item:
    code = r["code"]
    if code in cat.items:
        raise _bad(path, line, "item {code} is listed twice", code=code)
    sub = cat.classes.get(r["class"])
    if sub is None or sub.parent is None or code[:4] != sub.code or len(code) != 6:
        raise _bad(path, line, "item {code} must belong to a second-level class and extend its code", code=code)
    for dept in (r["lead"], *filter(None, r["co"].split(";"))):
        if dept not in cat.departments:
            raise _bad(path, line, "unknown department {dept}", dept=dept)
    if r["urgency"] not in URGENCIES:
        raise _bad(path, line, "urgency must be one of {values}", values=", ".join(URGENCIES))
    try:
        limit = TimeLimit.parse(r["time_limit"])
    except DomainError:
        raise _bad(path, line, "“{limit}” is not a time limit (same_day, 24h, 3d, 5wd)", limit=r["time_limit"]) from None
    keywords = tuple(k.strip() for k in r["keywords"].split(";") if k.strip())
    if not r["name_zh"] or not keywords:
        raise _bad(path, line, "item {code} needs a name and at least one keyword", code=code)
    return Item(code, sub.code, r["name_zh"], r["name_en"], keywords, r["lead"],
                tuple(filter(None, r["co"].split(";"))), limit, r["urgency"], r["legal_basis"],
                r["standard"], retired=_truthy(r.get("retired", "")))


def _truthy(text: str) -> bool:
    """A `retired` cell: empty, 0, false or no mean in use; anything else (1, yes, a date) retired."""
    return text.strip().lower() not in ("", "0", "false", "no", "n")
