"""The category suggester on requests it was never trained on.

Reads bench/suggest_eval.tsv (≥300 requests in residents' words, one expected item each, written
apart from resources/suggest/ and never used to train or tune) and bench/suggest_split.tsv
(requests holding two problems). Prints top-1 and top-3 accuracy, the share with no confident
suggestion, the accuracy of the confident ones, two-problem detection, build and answer times;
each beside its floor measured in the same run: the previous exact-keyword matcher (accuracy) and
one pass of plain `str in text` over every catalogue keyword (time).

`python -m bench.suggest --tune` instead runs 5-fold cross-validation over the shipped examples
only (the way the weights in desk_app/domain/classify.py were chosen).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from desk_app.config import catalogue_dir
from desk_app.domain import classify
from desk_app.domain.catalogue import Catalogue, load_catalogue

HERE = Path(__file__).resolve().parent


def read_tsv(path: Path) -> list[tuple[list[str], str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            codes, text = line.split("\t", 1)
            rows.append((codes.split(";"), text))
    return rows


def keyword_baseline(catalogue: Catalogue, text: str, limit: int = 3) -> list[str]:
    """The matcher this replaced: catalogue keywords as exact substrings."""
    found = []
    for item in catalogue.active_items():
        matched = [k for k in item.keywords if k in text]
        if item.name_zh in text:
            matched.append(item.name_zh)
        if matched:
            found.append((-sum(len(k) ** 2 for k in set(matched)), item.code))
    return [code for _, code in sorted(found)[:limit]]


def evaluate(rank, rows: list[tuple[list[str], str]]) -> dict[str, float]:
    top1 = top3 = unsure = confident_right = none = 0
    for codes, text in rows:
        found = rank(text)
        got = [s.item.code if hasattr(s, "item") else s for s in found]
        top1 += bool(got) and got[0] == codes[0]
        top3 += codes[0] in got[:3]
        none += not got
        sure = bool(found) and getattr(found[0], "confident", bool(found))
        unsure += not sure
        confident_right += sure and got[0] == codes[0]
    n = len(rows)
    sure_n = n - unsure
    return {"top1": top1 / n, "top3": top3 / n, "unsure": unsure / n, "none": none / n,
            "confident_accuracy": confident_right / sure_n if sure_n else 0.0}


def tune() -> None:
    catalogue = load_catalogue(catalogue_dir())
    examples = classify.load_examples()
    folds = 5
    for weights in ([0.45, 0.55, 0.12], [0.3, 0.7, 0.12], [0.6, 0.4, 0.12], [0.45, 0.55, 0.0],
                    [0.45, 0.55, 0.25], [0.2, 0.8, 0.12], [0.0, 1.0, 0.12], [1.0, 0.0, 0.12]):
        classify.WEIGHT_CENTROID, classify.WEIGHT_NEIGHBOUR, classify.WEIGHT_KEYWORD = weights
        scores = []
        for k in range(folds):
            train = [e for i, e in enumerate(examples) if i % folds != k]
            test = [([c], t) for i, (c, t) in enumerate(examples) if i % folds == k]
            model = classify.Suggester(catalogue, train)
            scores.append(evaluate(lambda t, m=model: m.suggest(t, 3), test))
        print(weights, {key: round(statistics.mean(s[key] for s in scores), 3)
                        for key in scores[0]})


def main() -> None:
    if "--tune" in sys.argv:
        tune()
        return
    catalogue = load_catalogue(catalogue_dir())
    rows = read_tsv(HERE / "suggest_eval.tsv")
    splits = read_tsv(HERE / "suggest_split.tsv")

    started = time.perf_counter()
    model = classify.Suggester(catalogue)
    build = time.perf_counter() - started
    ours = evaluate(lambda t: model.suggest(t, 3), rows)
    base = evaluate(lambda t: keyword_baseline(catalogue, t), rows)

    times, floor_times = [], []
    keywords = [k for i in catalogue.active_items() for k in (*i.keywords, i.name_zh)]
    for _ in range(3):
        for _codes, text in rows:
            t0 = time.perf_counter()
            model.suggest(text, 3)
            times.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            _ = [k for k in keywords if k in text]
            floor_times.append(time.perf_counter() - t0)
    mean, p95 = statistics.mean(times), sorted(times)[int(len(times) * 0.95)]
    floor = statistics.mean(floor_times)

    both = first_two = false_split = 0
    for codes, text in splits:
        parts = {p.item.code for p in model.split(text)}
        top = [s.item.code for s in model.suggest(text, 3)]
        both += set(codes) <= parts
        first_two += set(codes) <= set(top[:3])
    for _codes, text in rows:
        false_split += len(model.split(text)) >= 2

    print(f"suggest: {len(rows)} held-out requests, {len(model.neighbours)} training texts")
    print(f"  {'figure':34} {'ours':>8} {'floor':>8} {'ratio':>7}")

    def line(name: str, value: float, floor_value: float, unit: str = "%") -> None:
        scale = 100 if unit == "%" else 1000
        ratio = value / floor_value if floor_value else float("inf")
        print(f"  {name:34} {value * scale:7.1f}{unit[0]} {floor_value * scale:7.1f}{unit[0]} "
              f"{ratio:6.2f}x")

    line("top-1 accuracy (floor: keywords)", ours["top1"], base["top1"])
    line("top-3 accuracy (floor: keywords)", ours["top3"], base["top3"])
    line("no suggestion at all", ours["none"], base["none"])
    line("not confident (shown as unsure)", ours["unsure"], base["unsure"])
    line("accuracy when confident", ours["confident_accuracy"], base["confident_accuracy"])
    print(f"  two problems: both found by split {both}/{len(splits)}, both in top 3 "
          f"{first_two}/{len(splits)}; single requests wrongly split {false_split}/{len(rows)}")
    line("answer mean (ms; floor: str in)", mean, floor, "ms")
    line("answer p95 (ms; floor: str in)", p95, floor, "ms")
    print(f"  build (load examples, vectors): {build * 1000:.0f} ms (on a worker, off the GUI)")


if __name__ == "__main__":
    main()
