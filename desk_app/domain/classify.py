"""Finding the catalogue item for a request by the words of its description (residents' own
words, not only the catalogue's). What the worker types into the category picker is matched by
`picker.CatalogueIndex`.

The suggester (why this method): character 1–3-grams weighted by TF-IDF, compared by cosine with
(a) every example request shipped for an item in resources/suggest/ and the catalogue's own
words (nearest neighbours), and (b) the item's centroid of all of them; plus a bonus for the
catalogue keywords found verbatim. It needs no word segmenter and no numpy, is a few hundred
kilobytes of text in the bundle, builds in a fraction of a second on a worker, answers in a few
milliseconds, and generalises to paraphrases because shared 2–3-character pieces ("楼道", "灯不",
"不亮") count even when no whole keyword matches. Learned examples from the desk plug in behind
the same entry point as a third, strongest neighbour set.
"""

from __future__ import annotations

import contextlib
import math
import os
import re
import sys
import threading
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .catalogue import Catalogue, Item
from .similarity import TfIdf, Vector, centroid, cosine, normalize, shared_words, unit
from .text import QT_TRANSLATE_NOOP as _t

# Tuned by leave-one-out over the shipped examples (bench/suggest.py --tune), never on the
# evaluation set.
WEIGHT_CENTROID = 0.75
WEIGHT_NEIGHBOUR = 0.25
WEIGHT_KEYWORD = 0.2
WEIGHT_LEARNED = 0.9
LEARNED_MIN_SIMILARITY = 0.3
MEANING_WEIGHT = 0.5      # share of "which items it points at" in text-to-text similarity
MIN_SCORE = 0.05         # below this nothing is suggested at all
CONFIDENT_SCORE = 0.2    # a best score under this is shown as "not sure"
CONFIDENT_MARGIN = 0.08  # ... or one this close to the runner-up
PART_CONFIDENT = 0.35    # a clause must be confident and this clear to count as a problem
PART_JOINED = 0.25       # ... or this, when it opens with a joining word (另外, 还有 …)
PART_SURE = 0.4         # ... and this clear when both problems share a sub-class

_JOINED = re.compile(r"^(?:还有就是|还有|另外|此外|同时|而且|并且|顺便|再就是)")

REASON_KEYWORD = _t("suggest", "matched the catalogue words {words}")
REASON_EXAMPLE = _t("suggest", "like the earlier request “{example}”")
REASON_SIMILAR = _t("suggest", "close to how the catalogue describes it")
REASON_LEARNED = _t("suggest", "like a request this desk filed here: “{example}”")


@dataclass(frozen=True)
class Suggestion:
    """One item for a text, with why: `matched` are the words the text shares with the item
    (catalogue keywords first, else the nearest example's), `example` that nearest example,
    `learned` whether it came from this desk's own choices; `part` is the piece of the text
    this item answers when the request holds two problems."""

    item: Item
    score: float
    matched: tuple[str, ...]
    confidence: float = 0.0
    confident: bool = False
    example: str = ""
    learned: bool = False
    part: str = ""

    @property
    def reason(self) -> tuple[str, dict[str, str]]:
        """A translatable reason and its values, for the screen."""
        if self.learned and self.example:
            return REASON_LEARNED, {"example": self.example}
        if self.example:
            return REASON_EXAMPLE, {"example": self.example}
        if self.matched:
            return REASON_KEYWORD, {"words": "、".join(self.matched)}
        return REASON_SIMILAR, {}


def examples_dir() -> Path:
    """resources/suggest, found the way the app finds its resources (override, bundle, source)."""
    override = os.environ.get("COMMUNITY_DESK_RESOURCES")
    if override:
        return Path(override) / "suggest"
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources" / "suggest"
    return Path(__file__).resolve().parent.parent.parent / "resources" / "suggest"


def load_examples(folder: Path | None = None) -> list[tuple[str, str]]:
    """(item code, text) from every examples*.tsv in the folder; '#' lines are comments."""
    found: list[tuple[str, str]] = []
    folder = folder or examples_dir()
    for path in sorted(folder.glob("examples*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            code, _, text = line.partition("\t")
            if text.strip():
                found.append((code.strip(), text.strip()))
    return found


def load_picker_words(folder: Path | None = None) -> dict[str, tuple[float, tuple[str, ...]]]:
    """Per item: how common it is at a window (a prior weight, 1 = ordinary) and extra words
    residents use for it, from picker.tsv (code, weight, words separated by ';')."""
    path = (folder or examples_dir()) / "picker.tsv"
    found: dict[str, tuple[float, tuple[str, ...]]] = {}
    if not path.is_file():
        return found
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, weight, words = [*line.split("\t"), "", ""][:3]
        with contextlib.suppress(ValueError):
            found[code.strip()] = (float(weight or 1), tuple(w for w in words.split(";") if w))
    return found


@dataclass
class LearnedExamples:
    """This desk's confirmed and corrected choices (text, item code), most recent last; the
    store keeps them, this holds their vectors. Thread-safe to read while replaced."""

    rows: list[tuple[str, str, Vector]] = field(default_factory=list)

    def nearest(self, vec: Vector, limit: int = 5) -> list[tuple[float, str, str]]:
        scored = [(cosine(vec, v), code, text) for text, code, v in self.rows]
        scored = [s for s in scored if s[0] >= LEARNED_MIN_SIMILARITY]
        scored.sort(key=lambda s: -s[0])
        return scored[:limit]


class Suggester:
    """The model for one catalogue: vectors of every example and every item's centroid, with
    inverted indexes so that a query touches only the n-grams it has."""

    def __init__(self, catalogue: Catalogue, examples: Iterable[tuple[str, str]] | None = None
                 ) -> None:
        self.catalogue = catalogue
        items = {i.code: i for i in catalogue.active_items()}
        self.active = tuple(items)
        extra = load_picker_words()
        texts: list[tuple[str, str]] = []  # (code, text) for every neighbour
        for item in items.values():
            _top, sub, _ = catalogue.path(item.code)
            texts.append((item.code, item.name_zh))
            texts.append((item.code, f"{sub.name_zh} {item.name_zh}"))
            texts.extend((item.code, k) for k in item.keywords)
            texts.extend((item.code, k) for k in extra.get(item.code, (1.0, ()))[1])
            if item.standard:
                texts.append((item.code, item.standard))
        shipped = [(c, t) for c, t in (load_examples() if examples is None else examples)
                   if c in items]
        texts.extend(shipped)
        self.items = items
        self.keywords = {code: tuple((k, normalize(k)) for k in
                                     dict.fromkeys(item.keywords)
                                     if k.strip())
                         for code, item in items.items()}
        self.tfidf = TfIdf(t for _, t in texts)
        self.neighbours: list[tuple[str, str, Vector]] = []
        by_item: dict[str, list[Vector]] = {}
        for code, text in texts:
            vec = self.tfidf.vector(text)
            if vec:
                self.neighbours.append((code, text, vec))
                by_item.setdefault(code, []).append(vec)
        self.examples = {t for _, t in shipped}
        self.codes = sorted(by_item)
        self._position = {code: i for i, code in enumerate(self.codes)}
        self.centroids = {code: centroid(by_item[code]) for code in self.codes}
        # Common single characters (的, 了, 不 …) say little about which neighbour is nearest but
        # have the longest posting lists: left out of the neighbour index (kept in centroids).
        self._neighbour_index = _invert((i, v) for i, (_, _, v) in enumerate(self.neighbours))
        common = len(self.neighbours) // 40
        for gram in [g for g, p in self._neighbour_index.items() if len(g) == 1 and len(p) > common]:
            del self._neighbour_index[gram]
        self._centroid_index = _invert((i, self.centroids[c]) for i, c in enumerate(self.codes))

    def vector(self, text: str) -> Vector:
        return self.tfidf.vector(text)

    def meaning(self, text: str, weight: float = MEANING_WEIGHT) -> Vector:
        """A text as its n-grams plus the items it points at (the closest item centroids): two
        texts that share few characters but name the same kind of problem ("音箱" and "喇叭"
        both point at the noise items) still come out close. The cosine of two such vectors is
        (1 - weight) · words + weight · items."""
        words = self.vector(text)
        if not words:
            return {}
        centre = _dot(self._centroid_index, words)
        best = sorted(centre.items(), key=lambda kv: -kv[1])[:3]
        items = unit({f"#{self.codes[i]}": score for i, score in best if score > 0})
        a, b = math.sqrt(1.0 - weight), math.sqrt(weight)
        combined = {k: a * v for k, v in words.items()}
        combined.update({k: b * v for k, v in items.items()})
        return combined

    def learned_from(self, rows: Iterable[tuple[str, str]]) -> LearnedExamples:
        """Vectors for (text, code) choices of a desk; unknown or retired codes are skipped."""
        return LearnedExamples([(t, c, self.vector(t)) for t, c in rows
                                if c in self.items and t.strip()])

    def rank(self, text: str, learned: LearnedExamples | None = None) -> list[Suggestion]:
        """Every item with any evidence, best first."""
        vec = self.vector(text)
        if not vec:
            return []
        centre = _dot(self._centroid_index, vec)
        near = _dot(self._neighbour_index, vec)
        best_neighbour: dict[str, tuple[float, int]] = {}
        for i, score in near.items():
            code = self.neighbours[i][0]
            if score > best_neighbour.get(code, (0.0, -1))[0]:
                best_neighbour[code] = (score, i)
        flat = normalize(text)
        learned_hits: dict[str, tuple[float, str]] = {}
        for score, code, example in (learned.nearest(vec) if learned else []):
            if score > learned_hits.get(code, (0.0, ""))[0]:
                learned_hits[code] = (score, example)
        rough: list[tuple[float, str, tuple[str, ...], str, bool]] = []
        candidates = {self.codes[i] for i in centre} | set(best_neighbour) | set(learned_hits)
        for code in candidates:
            keywords = tuple(k for k, nk in self.keywords[code] if nk in flat)
            n_score, n_index = best_neighbour.get(code, (0.0, -1))
            score = (WEIGHT_CENTROID * centre.get(self._position[code], 0.0)
                     + WEIGHT_NEIGHBOUR * n_score
                     + WEIGHT_KEYWORD * min(2.0, sum(len(k) for k in keywords) / 3))
            example, nearest, learned_hit = "", "", False
            if n_index >= 0:
                nearest = self.neighbours[n_index][1]
            if code in learned_hits:
                l_score, example = learned_hits[code]
                score += WEIGHT_LEARNED * l_score
                learned_hit, nearest = True, example
            elif nearest in self.examples:
                example = nearest
            if score >= MIN_SCORE:
                rough.append((score, code, keywords, example, nearest, learned_hit))
        rough.sort(key=lambda r: (-r[0], r[1]))
        scored = [Suggestion(self.items[code], score,
                             keywords or (shared_words(text, nearest) if nearest and rank < 5
                                          else ()),
                             example=example, learned=learned_hit)
                  for rank, (score, code, keywords, example, nearest, learned_hit)
                  in enumerate(rough)]
        return _with_confidence(scored)

    def suggest(self, text: str, limit: int = 3, learned: LearnedExamples | None = None
                ) -> list[Suggestion]:
        """The best `limit` items; when the text holds two problems, the second one's item is
        moved up to second place (marked with its part of the text)."""
        ranked = self.rank(text, learned)
        parts = self.split(text, learned) if ranked else []
        if len(parts) >= 2:
            firsts = list(parts)
            codes = [p.item.code for p in firsts]
            lead = next((s for s in ranked if s.item.code in codes), ranked[0])
            order = [lead.item.code] + [c for c in codes if c != lead.item.code]
            by_code = {s.item.code: s for s in ranked}
            part_of = {p.item.code: p.part for p in firsts}
            head = [_replace(by_code.get(c) or next(p for p in firsts if p.item.code == c),
                             part=part_of[c]) for c in order]
            ranked = head + [s for s in ranked if s.item.code not in order]
        return ranked[:limit]

    def split(self, text: str, learned: LearnedExamples | None = None) -> list[Suggestion]:
        """Two (or more) problems in one request: pieces of the text that each point clearly at
        a different item of a different sub-class. One suggestion per problem, in text order,
        each with its `part`; fewer than two means one problem."""
        pieces = [p for p in re.split(r"[，,。.；;！!？?\n]+|(?=还有|另外|此外|同时|而且|并且|顺便|再就是)",
                                      text) if len(normalize(p).strip()) >= 3]
        if len(pieces) < 2:
            return []
        found: list[tuple[str, Suggestion | None]] = []
        for piece in pieces:
            ranked = self.rank(piece, learned)
            best = ranked[0] if ranked else None
            # "另外 / 还有 / 而且 …" announce another matter: a clause they open needs less.
            needed = PART_JOINED if _JOINED.match(piece.strip()) else PART_CONFIDENT
            if best is not None and not (best.confident and best.score >= needed):
                best = None
            found.append((piece, best))
        segments: list[tuple[list[str], Suggestion]] = []
        for piece, best in found:
            if best is None or (segments and segments[-1][1].item.code == best.item.code):
                if segments:
                    segments[-1][0].append(piece)
                continue
            segments.append(([piece], best))
        distinct: dict[str, tuple[list[str], Suggestion]] = {}
        for seg in segments:
            code = seg[1].item.code
            if code in distinct:
                distinct[code][0].extend(seg[0])
            else:
                distinct[code] = seg
        if len(distinct) < 2:
            return []
        subclasses = {s.item.class_code for _, s in distinct.values()}
        if len(subclasses) < 2 and min(s.score for _, s in distinct.values()) < PART_SURE:
            return []  # two neighbouring items of one sub-class: split only when both are clear
        return [_replace(s, part=_JOINED.sub("", "，".join(p).strip(), count=1).strip())
                for p, s in distinct.values()]


def _replace(suggestion: Suggestion, **changes: object) -> Suggestion:
    from dataclasses import replace
    return replace(suggestion, **changes)


# How often the first item is right, by its lead over the second (5-fold cross-validation over
# the shipped examples; bench/suggest.py --tune): the confidence shown to the worker.
_CALIBRATION = ((0.02, 0.42), (0.04, 0.57), (0.06, 0.71), (0.08, 0.77), (0.10, 0.80),
                (0.13, 0.87), (0.20, 0.89), (0.25, 0.91), (0.40, 0.96), (float("inf"), 0.99))


def _with_confidence(scored: list[Suggestion]) -> list[Suggestion]:
    """The first item's confidence is how often an item that far ahead was right; the others
    share the rest by score. Confident = clear enough to offer with one key."""
    if not scored:
        return scored
    second = scored[1].score if len(scored) > 1 else 0.0
    lead = scored[0].score - second
    top = next(p for edge, p in _CALIBRATION if lead < edge)
    rest = sum(s.score for s in scored[1:5]) or 1.0
    out = []
    for rank, s in enumerate(scored):
        confidence = top if rank == 0 else (1.0 - top) * s.score / rest if rank < 5 else 0.0
        confident = rank == 0 and s.score >= CONFIDENT_SCORE and lead >= CONFIDENT_MARGIN
        out.append(_replace(s, confidence=round(confidence, 3), confident=confident))
    return out


def _invert(vectors: Iterable[tuple[int, Vector]]) -> dict[str, list[tuple[int, float]]]:
    index: dict[str, list[tuple[int, float]]] = {}
    for i, vec in vectors:
        for gram, weight in vec.items():
            index.setdefault(gram, []).append((i, weight))
    return index


def _dot(index: dict[str, list[tuple[int, float]]], vec: Vector) -> dict[int, float]:
    total: dict[int, float] = {}
    get, postings = total.get, index.get
    for gram, weight in vec.items():
        for i, w in postings(gram, ()):
            total[i] = get(i, 0.0) + weight * w
    return total


_models: dict[int, tuple[weakref.ref[Catalogue], Suggester]] = {}
_models_lock = threading.Lock()


def suggester_for(catalogue: Catalogue) -> Suggester:
    """The one model of this catalogue object, built on first use (or ahead by
    `CatalogueIndex.warm()` on a worker). Thread-safe; a replaced catalogue, or an item retired
    in it since, gets a new one."""
    active = tuple(i.code for i in catalogue.active_items())
    with _models_lock:
        entry = _models.get(id(catalogue))
        if entry is not None and entry[0]() is catalogue and entry[1].active == active:
            return entry[1]
        model = Suggester(catalogue)
        key = id(catalogue)
        _models[key] = (weakref.ref(catalogue, lambda _r, kept=_models: kept.pop(key, None)),
                        model)
        return model


def suggest_items(catalogue: Catalogue, text: str, limit: int = 3, *,
                  learned: LearnedExamples | None = None) -> list[Suggestion]:
    """Items for a request's description, best first, each with a confidence and a reason;
    `learned` is this desk's own examples (see desk_app.store.learned)."""
    if not text.strip():
        return []
    return suggester_for(catalogue).suggest(text, limit, learned)


def split_problems(catalogue: Catalogue, text: str, *,
                   learned: LearnedExamples | None = None) -> list[Suggestion]:
    """The problems of a request that holds more than one, each with its part of the text and
    its item; empty when it is one problem."""
    if not text.strip():
        return []
    return suggester_for(catalogue).split(text, learned)
