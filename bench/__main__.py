"""`python -m bench [name ...]`: run the benchmarks and print their figures.

Every module of this folder with a `main()` is a benchmark, named after its file: adding one
needs no list to edit (several people add benchmarks at once)."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

HELPERS = {"__main__", "__init__"}


def benches() -> list[str]:
    names = [m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)])]
    return sorted(n for n in names if n not in HELPERS
                  and hasattr(importlib.import_module(f"bench.{n}"), "main"))


def main() -> None:
    known = benches()
    names = sys.argv[1:] or known
    unknown = [n for n in names if n not in known]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(known)}",
              file=sys.stderr)
        raise SystemExit(2)
    for name in names:
        importlib.import_module(f"bench.{name}").main()


if __name__ == "__main__":
    main()
