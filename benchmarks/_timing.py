"""Timing helpers shared by the benchmark scripts (run with plain python
from the repository root: ``python benchmarks/bench_*.py``)."""

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # pin BLAS threads before numpy loads

import statistics  # noqa: E402
import time  # noqa: E402


def median_seconds(fn, repeats: int) -> float:
    """Median wall time of ``repeats`` calls of fn()."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
