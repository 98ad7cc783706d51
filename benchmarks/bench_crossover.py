"""Benchmark: a certified crossover against a float brute-force scan.

Times, for budzinskiy2025 Section 1.3 (f = x^T y, eps = 0.1, Theorem 1.3
with n1 = n2 = n), the first n with r(n) = ceil(900 log(3 n^2)) < n:

* certbounds: ``analysis.crossover`` -- exponential search and bisection on
  certified comparisons, then a box proof that no smaller n crosses and a
  proof that the crossing persists for every larger n (unbounded range);
* the baseline, in the same process: a double-precision scan n = 1, 2, ...
  with math.log and math.ceil, which certifies nothing (and a float
  ceiling can be off by one where the argument is near an integer);
* the whole bundled ``certbounds check`` run (both papers' claims).

Both must find n = 18695 (the paper prints 18964).

Run:  python benchmarks/bench_crossover.py
Last line:  crossover: certified_ms=... scan_ms=... ratio_vs_scan=... check_s=... agree=True
"""

from _timing import median_seconds  # pins BLAS threads first

import math  # noqa: E402
import time  # noqa: E402

from certbounds.analysis.claims import bundled_claim_files, load_claims, run_claims  # noqa: E402
from certbounds.analysis.crossover import crossover  # noqa: E402

BINDINGS = {"n1": "n", "n2": "n", "eps": "0.1"}


def certified():
    c = crossover("budzinskiy2025:thm1.3.rank", "n", "n", bindings=BINDINGS)
    assert c.first_certified and c.beyond_status == "verified"
    return c.x


def scan():
    n = 1
    while math.ceil(900 * math.log(3 * n * n)) >= n:
        n += 1
    return n


def main():
    x, y = certified(), scan()
    t_cert = median_seconds(certified, repeats=5)
    t_scan = median_seconds(scan, repeats=5)
    t0 = time.perf_counter()
    results = [r for path in bundled_claim_files() for r in run_claims(load_claims(path))]
    t_check = time.perf_counter() - t0
    broken = [r for r in results if r.error]
    print(f"certified crossover: n = {x} ({t_cert * 1e3:.1f} ms, first and beyond proved)")
    print(f"float scan:          n = {y} ({t_scan * 1e3:.1f} ms, nothing proved)")
    print(f"certbounds check:    {len(results)} claims, {len(broken)} broken, {t_check:.1f} s")
    print(f"crossover: certified_ms={t_cert * 1e3:.1f} scan_ms={t_scan * 1e3:.1f} "
          f"ratio_vs_scan={t_cert / t_scan:.2f} check_s={t_check:.1f} "
          f"agree={x == y == 18695 and not broken}")


if __name__ == "__main__":
    main()
