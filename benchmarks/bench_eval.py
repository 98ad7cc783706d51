"""Benchmark: one certified ``eval`` of a catalogue bound.

Times ``certbounds.certified.evaluate`` of budzinskiy2025 Theorem 3.8
(rank and error of the entrywise Taylor + JL approximation, with the free t
chosen by its rule) against a plain-float implementation of the same
formulas run in the same process on the same input, and checks that they
agree. Target (issue 3): median <= 1 ms per certified eval, with the
statement's compiled evaluator reused across calls.

Run:  python benchmarks/bench_eval.py
Last line:  eval: median_ms=... float_us=... ratio_vs_float=... rank_agrees=... error_rel_diff=...
"""

from _timing import median_seconds  # pins BLAS threads first

import math  # noqa: E402
from fractions import Fraction  # noqa: E402

from certbounds.certified.evaluate import evaluate  # noqa: E402
from certbounds.symbolic.catalogue import get_statement  # noqa: E402

VALUES = {"eps": "0.1", "n1": "1e5", "n2": "1e5", "C": "1", "M": "1/2", "R": "3/2",
          "sigma": "2"}
REPEATS = 300


def float_thm38(eps, n1, n2, C, M, R, sigma):
    """The same formulas in double precision (the baseline)."""
    t = max(1, math.ceil(math.e ** 2 * M * sigma * R ** 2))
    r = math.ceil(9 * math.log(3 * n1 * n2) / eps ** 2)
    rank = 1 + (t - 1) * r
    error = C * (eps * (math.exp(M * sigma * R ** 2) - 1) + math.exp(-t))
    return rank, error


def main():
    statement = get_statement("budzinskiy2025:thm3.8")
    evaluate(statement, VALUES)  # compile once, as a long-running user would
    certified = median_seconds(lambda: evaluate(statement, VALUES), REPEATS)
    floats = {k: float(Fraction(v)) for k, v in VALUES.items()}
    baseline = median_seconds(lambda: float_thm38(**floats), REPEATS * 10)

    result = evaluate(statement, VALUES)
    rank, error = float_thm38(**floats)
    ball = result["error"]
    rel_diff = abs(error - ball.mid) / ball.mid
    print(f"certified eval of {statement.id}: median {certified * 1e3:.3f} ms "
          f"(rank {result['rank'].integer}, error in [{ball.lower}, {ball.upper}])")
    print(f"float baseline: median {baseline * 1e6:.2f} us (rank {rank}, error {error!r})")
    print(f"eval: median_ms={certified * 1e3:.3f} float_us={baseline * 1e6:.2f} "
          f"ratio_vs_float={certified / baseline:.0f} "
          f"rank_agrees={result['rank'].integer == rank} error_rel_diff={rel_diff:.1e}")


if __name__ == "__main__":
    main()
