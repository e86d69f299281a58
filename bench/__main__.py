"""`python -m bench [name ...]`: run the benchmarks and print their figures."""

from __future__ import annotations

import sys

from bench import bundle_start, case_list, desk_scale, sync

BENCHES = {"desk": desk_scale.main, "bundle": bundle_start.main, "case_list": case_list.main,
           "sync": sync.main}


def main() -> None:
    names = sys.argv[1:] or [n for n in BENCHES if n != "bundle"]  # bundle: after `make dist`
    for name in names:
        BENCHES[name]()


if __name__ == "__main__":
    main()
