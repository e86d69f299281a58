"""Text similarity for residents' requests, in pure Python (no numpy: small in the bundle, fast
to load).

Chinese has no spaces and residents write freely ("楼道灯坏了" / "楼道里的灯不亮"), so words are
approximated by overlapping character n-grams (1 to 3 characters) within each clause; each
n-gram is weighted by TF-IDF (rare n-grams say more than "的" or "了") and two texts are compared
by the cosine of their vectors. The same vectors serve the category suggester, duplicates by
meaning and hot-topic grouping, so that all three agree on what "the same problem" is.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence

Vector = dict[str, float]

_DIGITS = re.compile(r"\d+")
_SEPARATORS = re.compile(r"[^\w]+|_")
# Joining words that often start the second problem of a request.
_JOINERS = re.compile(r"(还有就是|还有|另外|此外|同时|而且|并且|顺便|再就是|以及)")
GRAM_WEIGHTS = {1: 1.5, 2: 1.0, 3: 0.5}


def normalize(text: str) -> str:
    """Full-width to half-width (NFKC), lower case, any run of digits one placeholder ("3栋",
    "12栋" say the same about the problem)."""
    return _DIGITS.sub("0", unicodedata.normalize("NFKC", text).lower())


def clauses(text: str) -> list[str]:
    """The text cut at punctuation, spaces and joining words, empty pieces dropped."""
    pieces = _SEPARATORS.split(_JOINERS.sub(" ", normalize(text)))
    return [p for p in pieces if p]


def grams(text: str) -> Counter[str]:
    """Character 1- to 3-grams, never across a clause boundary."""
    found: Counter[str] = Counter()
    for piece in clauses(text):
        for n in GRAM_WEIGHTS:
            for i in range(len(piece) - n + 1):
                found[piece[i:i + n]] += 1
    return found


class TfIdf:
    """Inverse document frequencies learnt from a body of texts; turns a text into a unit-length
    sparse vector. N-grams never seen in the body get the highest weight, so an unseen word
    still counts when two new texts are compared (duplicates, hot topics)."""

    def __init__(self, documents: Iterable[str]) -> None:
        df: Counter[str] = Counter()
        count = 0
        for doc in documents:
            count += 1
            df.update(grams(doc).keys())
        self.documents = count
        self.idf = {g: math.log((1 + count) / (1 + n)) + 1.0 for g, n in df.items()}
        self.unseen = math.log(1 + count) + 1.0

    def vector(self, text: str) -> Vector:
        vec: Vector = {}
        for gram, tf in grams(text).items():
            vec[gram] = (1.0 + math.log(tf)) * self.idf.get(gram, self.unseen) \
                * GRAM_WEIGHTS[len(gram)]
        return unit(vec)


def unit(vec: Vector) -> Vector:
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {k: v / norm for k, v in vec.items()} if norm else {}


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())


def centroid(vectors: Iterable[Vector]) -> Vector:
    total: Vector = {}
    for vec in vectors:
        for k, v in vec.items():
            total[k] = total.get(k, 0.0) + v
    return unit(total)


def shared_words(text: str, other: str, limit: int = 3) -> tuple[str, ...]:
    """The longest runs of characters two texts share (at least 2), longest first: what a
    worker reads as the reason two texts were matched."""
    a, b = normalize(text), normalize(other)
    found: list[str] = []
    for piece in clauses(a):
        i = 0
        while i < len(piece) - 1:
            best = ""
            for j in range(len(piece), i + 1, -1):
                if piece[i:j] in b:
                    best = piece[i:j]
                    break
            if len(best) >= 2 and best != "0" * len(best):
                if best not in found:
                    found.append(best)
                i += len(best)
            else:
                i += 1
    found.sort(key=len, reverse=True)
    return tuple(found[:limit])


def group_similar(vectors: Sequence[Vector], threshold: float) -> list[list[int]]:
    """Groups of texts about the same thing. One pass puts each text in the group whose centroid
    it is closest to (if the cosine reaches `threshold`) or starts a group; then, so that the
    order of arrival does not decide, each text moves to its closest centroid and groups whose
    centroids meet the threshold merge, until nothing changes (a few rounds). O(n·groups)."""
    groups: list[list[int]] = []
    centres: list[Vector] = []
    for i, vec in enumerate(vectors):
        best, best_score = -1, threshold
        for g, centre in enumerate(centres):
            score = cosine(vec, centre)
            if score >= best_score:
                best, best_score = g, score
        if best < 0:
            groups.append([i])
            centres.append(dict(vec))
        else:
            groups[best].append(i)
            centres[best] = centroid(vectors[j] for j in groups[best])
    for _round in range(5):
        merged = _merge_close(groups, centres, threshold)
        moved = False
        owner = {i: g for g, members in enumerate(merged) for i in members}
        centres = [centroid(vectors[j] for j in members) for members in merged]
        new: list[list[int]] = [[] for _ in merged]
        for i, vec in enumerate(vectors):
            scores = [cosine(vec, c) for c in centres]
            best = max(range(len(scores)), key=lambda g: (scores[g], g == owner[i]))
            target = best if scores[best] >= threshold else owner[i]
            moved |= target != owner[i]
            new[target].append(i)
        groups = [g for g in new if g]
        centres = [centroid(vectors[j] for j in g) for g in groups]
        if not moved and len(groups) == len(merged):
            break
    return sorted(groups, key=lambda g: g[0])


def _merge_close(groups: list[list[int]], centres: list[Vector],
                 threshold: float) -> list[list[int]]:
    merged: list[list[int]] = []
    merged_centres: list[Vector] = []
    for members, centre in zip(groups, centres, strict=True):
        for k, other in enumerate(merged_centres):
            if cosine(centre, other) >= threshold:
                merged[k] = merged[k] + members
                break
        else:
            merged.append(list(members))
            merged_centres.append(centre)
    return merged


# Addresses --------------------------------------------------------------------------------------
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}
_CN_NUMBER = re.compile(r"[零〇一二两三四五六七八九十]+(?=[号栋幢座楼单元层室期区])")
_BUILDING = re.compile(r"(\d+)\s*(?:号楼|栋楼|幢|座|栋|号楼栋)")
_UNIT = re.compile(r"(\d+)\s*单元")
_ADMIN_PREFIX = re.compile(r"^(?:广东省)?(?:深圳市)?(?:盐田区)?(?:[\u4e00-\u9fff]{2}街道)?"
                           r"(?:[\u4e00-\u9fff]{2}社区)?")
_ESTATE_SUFFIX = re.compile(r"(小区|花园|苑|家园|村|大厦|公寓)(?=\d|$)")


def _cn_number(match: re.Match[str]) -> str:
    text = match.group(0)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return str((_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + _CN_DIGITS.get(ones, 0))
    return "".join(str(_CN_DIGITS[c]) for c in text)


def normalize_address(address: str) -> str:
    """One spelling for one place: full-width digits and letters to half-width, no spaces,
    Chinese numerals before 栋/号/单元 as digits, 号楼/幢/座 as 栋, the district/street/community
    prefix dropped, and the estate's generic suffix (小区, 花园, 苑 …) dropped, so that
    "鹏湾花园３栋" and "鹏湾 3号楼" are the same place."""
    text = unicodedata.normalize("NFKC", address)
    text = re.sub(r"\s+", "", text).lower()
    text = _CN_NUMBER.sub(_cn_number, text)
    text = _ADMIN_PREFIX.sub("", text)
    text = _BUILDING.sub(lambda m: f"{int(m.group(1))}栋", text)
    text = _UNIT.sub(lambda m: f"{int(m.group(1))}单元", text)
    text = _ESTATE_SUFFIX.sub("", text)
    return text.strip("，,。.-")


def estate_of(address: str) -> str:
    """The estate or street part of a normalised address (before the first building number)."""
    norm = normalize_address(address)
    match = re.match(r"\D+", norm)
    return match.group(0) if match else norm
