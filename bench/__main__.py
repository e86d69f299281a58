"""`python -m bench [name ...]`: run the benchmarks and print their figures."""

from __future__ import annotations

import sys

from bench import case_list, gui_stalls, load, sync

BENCHES = {"case_list": case_list.main, "sync": sync.main, "gui_stalls": gui_stalls.main,
           "load": load.main}


def main() -> None:
    names = sys.argv[1:] or list(BENCHES)
    for name in names:
        BENCHES[name]()


if __name__ == "__main__":
    main()
