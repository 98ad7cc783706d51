"""Benchmark: max-norm alternating projections against the reference loop.

budzinskiy2025 §7.1 (reference code: github.com/sbudzinskiy/low-rank-big-data)
on f1 = exp(-||x - y||), m = 10, independent sampling, data seed 0:

* the reference, restated here literally: random Gaussian start, a full
  numpy SVD (LAPACK gesdd) of every iterate, the binary search on eps with
  (c1, c2, c3, c4) = (1e-2, 1e-3, 2/3, 2e-2); it reports hi and returns the
  last iterate;
* certbounds ``max_norm_approximation`` from the same random start and seed
  (``start="random"``; the truncated projection: warm-started subspace
  iteration with a sparse update), end to end for r = 10 and r = 40 at
  n = 500: ``speedup`` = reference time / ours (the worse rank) and
  ``error_ratio`` = our error / the reference's hi (the worse rank);
* the time of one AP step at n = 2000 for both, over the same first steps
  from the truncated SVD of F, set beside the step's unavoidable product
  (forming X = U V^T, an n x r x n GEMM) and a dense W V (n x n x (r+5));
  ``step_speedup_n2000`` is the worse rank's ratio;
* ``init_gain``: the median over seeds 0-4 (n = 500, r = 10) of the final
  error from the random start divided by that from the default start
  (``DEFAULT_START``, the truncated SVD).

``--quick`` runs the same at n = 150 (per-step timing at n = 600, three
seeds for init_gain) in well under 30 s; the keys stay the same.

Run:  python benchmarks/bench_alternating_projections.py [--quick]
Last line:  ap: speedup=... error_ratio=... step_speedup_n2000=... init_gain=...
"""

from _timing import median_seconds  # pins BLAS threads first

import argparse  # noqa: E402
import math  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

from certbounds.numeric.alternating_projections import (DEFAULT_START,  # noqa: E402
                                                        max_norm_approximation)
from certbounds.numeric.function_data import generate  # noqa: E402

C1, C2, C3, C4 = 1e-2, 1e-3, 2 / 3, 2e-2
RANKS = (10, 40)


def reference_ap(F, r, seed=None, X=None, max_steps=None):
    """The reference loop: from X (or the random start of ``seed``), full SVD
    per step. Returns (hi, error of the last iterate, steps)."""
    if X is None:
        rng = np.random.default_rng(seed)
        U = rng.standard_normal((F.shape[0], r)) / math.sqrt(r)
        Vt = rng.standard_normal((r, F.shape[1])) / math.sqrt(r)
        X = U @ Vt
    err_pre = np.abs(X - F).max()
    lo, hi, steps = 0.0, err_pre, 0
    while hi - lo >= C1 * hi and (max_steps is None or steps < max_steps):
        width = hi - lo
        eps = (lo + hi) / 2
        while max_steps is None or steps < max_steps:
            X = F + np.clip(X - F, -eps, eps)
            u, s, vt = np.linalg.svd(X)
            X = (u[:, :r] * s[:r]) @ vt[:r]
            steps += 1
            err = np.abs(X - F).max()
            hi = min(hi, err)
            if err > err_pre * (1 - C2):
                if err > lo + width * C3:
                    lo += width * C4
                break
            err_pre = err
    return hi, np.abs(X - F).max(), steps


def end_to_end(F, r, seed):
    t0 = time.perf_counter()
    hi, last, steps = reference_ap(F, r, seed)
    t_ref = time.perf_counter() - t0
    ours = max_norm_approximation(F, r, start="random", seed=seed)
    t_ours = median_seconds(lambda: max_norm_approximation(F, r, start="random", seed=seed), 3)
    print(f"n={F.shape[0]} r={r}: reference hi={hi:.6g} (last iterate {last:.6g}) "
          f"{steps} steps {t_ref:.2f} s | ours error={ours.error:.6g} "
          f"{ours.inner_iterations} steps ({ours.sweeps / ours.inner_iterations:.2f} sweeps "
          f"per step) {t_ours:.3f} s | speedup {t_ref / t_ours:.1f}, "
          f"error ratio {ours.error / hi:.5f}", flush=True)
    return t_ref / t_ours, ours.error / hi


def per_step(n, r, steps_ref, steps_ours):
    """Seconds per AP step of the reference and of ours over the first steps
    from the truncated SVD of F, and of the step's GEMMs."""
    F = generate("f1", n, 10, seed=0).F
    U, s, Vt = np.linalg.svd(F)
    X0 = (U[:, :r] * s[:r]) @ Vt[:r]
    t0 = time.perf_counter()
    reference_ap(F, r, X=X0, max_steps=steps_ref)
    t_ref = (time.perf_counter() - t0) / steps_ref
    ours = max_norm_approximation(F, r, start="svd", max_steps=steps_ours)
    t_ours = (ours.timings["projection_s"] + ours.timings["residual_s"]) / ours.inner_iterations
    A, B = U[:, :r] * s[:r], np.ascontiguousarray(Vt[:r])
    V = np.ascontiguousarray(Vt[:r + 5].T)
    t_x = median_seconds(lambda: A @ B, 5)
    t_wv = median_seconds(lambda: F @ V, 5)
    print(f"per step n={n} r={r}: reference {t_ref * 1e3:.1f} ms, ours {t_ours * 1e3:.2f} ms "
          f"({ours.sweeps / ours.inner_iterations:.2f} sweeps per step) = "
          f"{t_ours / t_x:.2f} x the n x r x n GEMM forming X ({t_x * 1e3:.2f} ms), "
          f"{t_ours / t_wv:.2f} x a dense W V ({t_wv * 1e3:.2f} ms); step speedup "
          f"{t_ref / t_ours:.0f}", flush=True)
    return t_ref / t_ours


def init_gain(n, r, seeds):
    ratios = []
    for seed in seeds:
        F = generate("f1", n, 10, seed=seed).F
        random = max_norm_approximation(F, r, start="random", seed=seed)
        default = max_norm_approximation(F, r, start=DEFAULT_START, seed=seed)
        svd = max_norm_approximation(F, r, method="svd")
        ratios.append(random.error / default.error)
        print(f"start n={n} r={r} seed={seed}: relative error random {random.relative_error:.4f}"
              f", {DEFAULT_START} {default.relative_error:.4f} (truncated SVD "
              f"{svd.relative_error:.4f}); ratio {ratios[-1]:.3f}", flush=True)
    return statistics.median(ratios)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="n = 150: well under 30 s")
    args = parser.parse_args()
    n, n_step, seeds = (150, 600, range(3)) if args.quick else (500, 2000, range(5))
    F = generate("f1", n, 10, seed=0).F
    results = [end_to_end(F, r, seed=0) for r in RANKS]
    speedup = min(s for s, _ in results)
    error_ratio = max(e for _, e in results)
    step_speedup = min(per_step(n_step, r, 3, 8) for r in RANKS)
    gain = init_gain(n, 10, seeds)
    print(f"ap: speedup={speedup:.1f} error_ratio={error_ratio:.4f} "
          f"step_speedup_n2000={step_speedup:.1f} init_gain={gain:.3f}")


if __name__ == "__main__":
    main()
