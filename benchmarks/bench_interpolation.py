"""Benchmark: the interpolation error matrix A - A_n against the reference loop.

webb2025 Section 5 (eq. 5.3) on the Cauchy kernel 1/(x + y) of Figure 3
(left), scaled up: x = linspace(1, 70, N), y = linspace(2, 100, N), the
n = 40 Zolotarev nodes in E = [2, 100] and poles in F = [-70, -1]:

* ``n2000_s``: the median time of certbounds ``error_matrix`` (A - A_n,
  vectorised: one kernel call on the grid, the N x 40 basis, one GEMM) at
  M = N = 2000; target 1 s. The certified nodes and poles are computed once
  beforehand and timed on their own line.
* the reference, the author's way as the formula sheet describes it
  (sections 5 and 9: the first barycentric form (5.3), evaluated entry by
  entry with sums of logs and products of signs), written as a plain
  Python loop: barycentric weights by a loop over the nodes, then for
  every entry (i, k) the kernel and the barycentric formula with a loop
  over the nodes and poles, at a size where the loop is
  feasible (N = 200). ``speedup_vs_loop`` is its time per entry over ours
  per entry at N = 2000. Both error matrices are compared at the small N.

``--quick`` runs the loop at N = 60 and fewer repeats (a few seconds); the
vectorised run stays at N = 2000 and the keys stay the same.

Run:  python benchmarks/bench_interpolation.py [--quick]
Last line:  interp: n2000_s=... speedup_vs_loop=...
"""

from _timing import median_seconds  # pins BLAS threads first

import argparse  # noqa: E402
import math  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

from certbounds.numeric.rational_interpolation import error_matrix, zolotarev_nodes  # noqa: E402

E, F = (2, 100), (-70, -1)
ORDER = 40
N_LARGE = 2000


def cauchy(X, Y):
    return 1 / (X + Y)


def points(n):
    return np.linspace(1, 70, n), np.linspace(2, 100, n)


def _sign(v):
    return (v > 0) - (v < 0)


def reference_weights(pts, pls):
    """The barycentric weights lambda_j (5.3), one node at a time."""
    weights = []
    for j, pt in enumerate(pts):
        log_sum, sign = 0.0, 1
        for pl in pls:
            log_sum += math.log(abs(pt - pl))
            sign *= _sign(pt - pl)
        for k, other in enumerate(pts):
            if k != j:
                log_sum -= math.log(abs(pt - other))
                sign *= _sign(pt - other)
        weights.append(math.exp(log_sum) * sign)
    return weights


def reference_entry(K, x, y, pts, pls, wts):
    """K_n(x, y) of (5.3) for one entry."""
    if not pts:
        return 0.0
    if y in pts:
        return K(x, y)
    log_sum, sign = 0.0, 1
    for pt in pts:
        log_sum += math.log(abs(y - pt))
        sign *= _sign(y - pt)
    for pl in pls:
        log_sum -= math.log(abs(y - pl))
        sign *= _sign(y - pl)
    total = 0.0
    for pt, wt in zip(pts, wts):
        total += K(x, pt) * wt / (y - pt)
    return math.exp(log_sum) * sign * total


def reference_error_matrix(K, xs, ys, pts, pls):
    """The error matrix A - A_n (before its norm), entry by entry."""
    pts, pls = [float(v) for v in pts], [float(v) for v in pls]
    wts = reference_weights(pts, pls)
    out = np.empty((len(xs), len(ys)))
    for i, x in enumerate(xs.tolist()):
        for k, y in enumerate(ys.tolist()):
            out[i, k] = K(x, y) - reference_entry(K, x, y, pts, pls, wts)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="the reference loop at N = 60: a few seconds")
    args = parser.parse_args()
    n_small, repeats = (60, 3) if args.quick else (200, 7)

    t0 = time.perf_counter()
    nodes, poles = zolotarev_nodes(E, F, ORDER)
    print(f"certified nodes and poles, n = {ORDER}: {(time.perf_counter() - t0) * 1e3:.1f} ms",
          flush=True)

    x, y = points(N_LARGE)
    ours = median_seconds(lambda: error_matrix(cauchy, x, y, nodes, poles), repeats)
    largest = np.abs(error_matrix(cauchy, x, y, nodes, poles)).max()
    print(f"ours N = {N_LARGE}: {ours:.3f} s ({ours / N_LARGE ** 2 * 1e9:.1f} ns per entry), "
          f"max |A - A_n| = {largest:.2e}", flush=True)

    xs, ys = points(n_small)
    t0 = time.perf_counter()
    reference = reference_error_matrix(cauchy, xs, ys, nodes, poles)
    loop = time.perf_counter() - t0
    small = error_matrix(cauchy, xs, ys, nodes, poles)
    ours_small = median_seconds(lambda: error_matrix(cauchy, xs, ys, nodes, poles), repeats)
    scale = np.abs(cauchy(xs[:, None], ys)).max()
    print(f"reference loop N = {n_small}: {loop:.2f} s ({loop / n_small ** 2 * 1e6:.1f} us per "
          f"entry); ours at that N {ours_small * 1e3:.2f} ms (same-size speedup "
          f"{loop / ours_small:.0f})", flush=True)
    # Z_40 ||A|| is about 1e-30: both error matrices are rounding errors alone
    print(f"max |A - A_n| / max |A| at N = {n_small}: ours {np.abs(small).max() / scale:.1e}, "
          f"reference {np.abs(reference).max() / scale:.1e}, difference "
          f"{np.abs(small - reference).max() / scale:.1e}", flush=True)

    speedup = (loop / n_small ** 2) / (ours / N_LARGE ** 2)
    print(f"interp: n2000_s={ours:.4f} speedup_vs_loop={speedup:.0f}")


if __name__ == "__main__":
    main()
