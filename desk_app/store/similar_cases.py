"""Cases about the same problem told in other words: the duplicate check before saving and the
grouping of hot topics use the suggester's text vectors (desk_app.domain.similarity), so "楼下
广场舞太吵" and "晚上跳舞的音响震得睡不着" meet, and "鹏湾花园３栋" is "鹏湾3号楼"."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Connection, literal_column, select

from desk_app.domain.catalogue import Catalogue
from desk_app.domain.classify import Suggester, suggester_for
from desk_app.domain.personal import masked_text
from desk_app.domain.similarity import TfIdf, Vector, cosine, estate_of, normalize_address
from desk_app.domain.vocabulary import FINAL

from .access import requires, sees_personal
from .schema import cases
from .users import User

# How alike two descriptions must be to be listed as the same problem: less when they are at the
# same address, more when they only share the community.
SAME_ADDRESS = 0.3
SAME_ESTATE = 0.4
SAME_COMMUNITY = 0.5
CANDIDATES = 600  # the newest open cases of the community that are compared

_vectors: OrderedDict[tuple[int, str], Vector] = OrderedDict()
_vectors_lock = threading.Lock()
_VECTORS_KEPT = 20000


def vectorizer(catalogue: Catalogue | None, texts: Sequence[str] = ()) -> Callable[[str], Vector]:
    """The suggester's meaning vectors (words plus the items they point at) when the catalogue
    is known, else plain word vectors with IDF from the texts at hand."""
    if catalogue is not None:
        return suggester_for(catalogue).meaning
    return TfIdf(texts).vector


def case_vector(vector: Callable[[str], Vector], case_id: str, text: str) -> Vector:
    """A case's description vector. With the suggester's vectors (stable for a catalogue) it is
    kept, as descriptions do not change, so each keystroke of the duplicate check only
    vectorises the text being typed."""
    owner = getattr(vector, "__self__", None)
    if not isinstance(owner, Suggester):
        return vector(text)
    key = (id(owner), case_id)
    with _vectors_lock:
        found = _vectors.get(key)
        if found is not None:
            _vectors.move_to_end(key)
            return found
    found = vector(text)
    with _vectors_lock:
        _vectors[key] = found
        while len(_vectors) > _VECTORS_KEPT:
            _vectors.popitem(last=False)
    return found


# The phone as mask_phone gives it (138****5678), computed in the query for roles that may not
# see phones, so the whole number never leaves the database for them.
MASKED_PHONE = literal_column(
    "CASE WHEN cases.phone = '' THEN '' ELSE substr(replace(cases.phone, '-', ''), 1, 3) "
    "|| '****' || cases.phone_last4 END").label("phone")


@requires("read_cases")
def similar_open_cases(conn: Connection, user: User, columns: Sequence[Any], *, description: str,
                       community: str, address: str, since: int,
                       catalogue: Catalogue | None = None) -> list[tuple[float, Any]]:
    """Open cases of the community registered since `since` whose description is close to this
    one (closer is needed the further apart the addresses are), closest first."""
    if len(description.strip()) < 4 or not community:
        return []
    if not sees_personal(user):
        columns = [MASKED_PHONE if getattr(c, "name", "") == "phone" else c for c in columns]
    rows = conn.execute(
        select(*columns, cases.c.description).where(
            cases.c.community == community, cases.c.registered_at >= since,
            cases.c.status.not_in(sorted(FINAL)))
        .order_by(cases.c.registered_at.desc()).limit(CANDIDATES)).all()
    if not rows:
        return []
    vector = vectorizer(catalogue, [description, *(r.description for r in rows)])
    mine = vector(description)
    place, estate = normalize_address(address), estate_of(address) if address.strip() else ""
    found: list[tuple[float, Any]] = []
    for row in rows:
        score = cosine(mine, case_vector(vector, row.id, row.description or row.title))
        theirs = normalize_address(row.address)
        if place and theirs == place:
            needed = SAME_ADDRESS
        elif estate and estate_of(row.address) == estate:
            needed = SAME_ESTATE
        else:
            needed = SAME_COMMUNITY
        if score >= needed:
            found.append((score, row if sees_personal(user) else MaskedRow(row)))
    found.sort(key=lambda pair: -pair[0])
    return found


class MaskedRow:
    """A result row with the numbers typed into its text masked (its phone column is masked
    by the query already): the same attributes and `_mapping` as the row."""

    def __init__(self, row: Any) -> None:
        self._mapping = {key: masked_text(value) if key in ("title", "description")
                         and isinstance(value, str) else value
                         for key, value in row._mapping.items()}

    def __getattr__(self, name: str) -> Any:
        try:
            return self._mapping[name]
        except KeyError:
            raise AttributeError(name) from None

    def __repr__(self) -> str:
        return f"MaskedRow({self._mapping!r})"


def same_place(address: str, other: str) -> bool:
    """Whether two typed addresses name the same place once normalised."""
    return bool(address.strip()) and normalize_address(address) == normalize_address(other)
