"""Benchmark: certified Zolotarev numbers, zeros and poles.

Times, for E = [-70, -1], F = [2, 100] (webb2025 Fig. 3 left, M = 1212/85):

* the certified sweep Z_0 .. Z_1000 (``zolotarev_numbers``), target 10 ms;
* the certified zeros and poles for n = 100 (``zolotarev_nodes_poles``),
  target 5 ms;
* a double-precision implementation of the same formula (AGM ratio and
  Jacobi's product, formula sheet section 8.2) over the same n, in the same
  process: the baseline of ``ratio_vs_float``. It underflows to 0 past
  1e-308 (here near n = 400); the certified balls do not.

It checks that every certified value has at least 50 correct bits: each
ball is narrower than 2**-50 relative and contains a 60-digit mpmath value
(theta form with ``mpmath.ellipk``) at a sample of n.

Run:  python benchmarks/bench_zolotarev.py
Last line:  zolotarev: sweep_ms=... nodes_ms=... ratio_vs_float=...
"""

from _timing import median_seconds  # pins BLAS threads first

import math  # noqa: E402
import sys  # noqa: E402

import mpmath  # noqa: E402
from flint import arb, ctx  # noqa: E402

from certbounds.certified.zolotarev import (cross_ratio, zolotarev_nodes_poles,  # noqa: E402
                                            zolotarev_numbers)

E, F = (-70, -1), (2, 100)
ORDERS = range(0, 1001)
NODES_N = 100
REPEATS = 30
CHECKED = (0, 1, 2, 10, 100, 250, 500, 1000)


def float_agm(a, b):
    # a fixed count: 12 steps reach double precision for 1e-30 <= b/a <= 1, and
    # a stopping test on |a - b| can cycle in the last bit
    for _ in range(12):
        a, b = (a + b) / 2, math.sqrt(a * b)
    return a


def float_zolotarev_numbers(M, orders):
    """Z_n in double precision: rho from AGMs, then Jacobi's product
    Z_n = 4 rho^(-n) prod ((1 + Q^(2t)) / (1 + Q^(2t-1)))^4, Q = rho^(-2n)
    (Q may underflow harmlessly; rho^(-n) underflows past 1e-308)."""
    log_rho = math.pi * float_agm(1, math.sqrt(1 / M)) / float_agm(1, math.sqrt(1 - 1 / M))
    out = []
    for n in orders:
        if n == 0:
            out.append(1.0)
            continue
        Q = math.exp(-2 * n * log_rho)
        value, t = 4 * math.exp(-n * log_rho), 1
        while Q ** (2 * t - 1) > 1e-17:
            value *= ((1 + Q ** (2 * t)) / (1 + Q ** (2 * t - 1))) ** 4
            t += 1
        out.append(value)
    return out


def reference(M, n):
    """Z_n to 60 digits: k(Q) = theta2^2/theta3^2 at Q = exp(-2 n pi K(1/M)/K(1 - 1/M))."""
    if n == 0:
        return mpmath.mpf(1)
    with mpmath.workdps(70):
        Mm = mpmath.mpf(int(M.p)) / int(M.q)
        q = mpmath.exp(-2 * n * mpmath.pi * mpmath.ellipk(1 / Mm) / mpmath.ellipk(1 - 1 / Mm))
        return (mpmath.jtheta(2, 0, q) / mpmath.jtheta(3, 0, q)) ** 2


def contains(ball, value) -> bool:
    sign, man, exp, _ = value._mpf_
    with ctx.workprec(max(int(man).bit_length(), 64) + 64):
        exact = (-1) ** sign * arb(int(man)) * arb(2) ** int(exp)
        return bool(ball.value.overlaps(exact + arb(0, abs(exact) * arb(10) ** -55)))


def main():
    M = cross_ratio(E, F)
    Mf = int(M.p) / int(M.q)
    zolotarev_numbers(E, F, ORDERS)  # warm up caches of python-flint
    sweep = median_seconds(lambda: zolotarev_numbers(E, F, ORDERS), REPEATS)
    nodes = median_seconds(lambda: zolotarev_nodes_poles(E, F, NODES_N), REPEATS * 3)
    baseline = median_seconds(lambda: float_zolotarev_numbers(Mf, ORDERS), REPEATS)

    balls = zolotarev_numbers(E, F, ORDERS)
    floats = float_zolotarev_numbers(Mf, ORDERS)
    function = zolotarev_nodes_poles(E, F, NODES_N)
    narrow = all(b.accurate and b.accuracy_bits >= 50 for b in balls) and function.accurate
    enclosed = all(contains(balls[n], reference(M, n)) for n in CHECKED)
    underflow = next((n for n, v in enumerate(floats) if v == 0.0), None)
    agree = max(abs(v - b.mid) / b.mid for v, b in zip(floats, balls)
                if v >= sys.float_info.min)  # subnormals keep only a few bits
    print(f"E = {list(E)}, F = {list(F)}, cross ratio M = {M}")
    print(f"certified sweep n = 0..1000: median {sweep * 1e3:.2f} ms "
          f"(Z_1000 in [{balls[1000].lower}, {balls[1000].upper}])")
    print(f"certified zeros and poles, n = {NODES_N}: median {nodes * 1e3:.2f} ms")
    print(f"float sweep (AGM + Jacobi product): median {baseline * 1e3:.3f} ms; "
          f"underflows to 0 from n = {underflow}; max rel. diff where normal {agree:.1e}")
    print(f"checks: every ball >= 50 bits: {narrow}; 60-digit mpmath values at n in "
          f"{list(CHECKED)} enclosed: {enclosed}")
    if not (narrow and enclosed):
        raise SystemExit("zolotarev: certified values failed the 50-bit check")
    print(f"zolotarev: sweep_ms={sweep * 1e3:.2f} nodes_ms={nodes * 1e3:.2f} "
          f"ratio_vs_float={sweep / baseline:.1f}")


if __name__ == "__main__":
    main()
