"""Benchmarks: figures to report, never pass/fail. Run with `make bench`."""
