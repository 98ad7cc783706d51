"""Rational interpolation of a Cauchy matrix beside the certified bound
(webb2025 Theorem 1.1, in the form (6.4): ||A - A_n||_2 <= ||A||_2 Z_n).

Builds your own Cauchy matrix 1/(x_i + y_j), interpolates it at the
Zolotarev nodes and poles of Theorem 5.2 and at Chebyshev nodes, and
prints, per rank, the measured 2-norm error, the best possible error
sigma_{n+1} and the certified bounds (Theorem 1.1 for the Zolotarev
interpolant, Little-Reade for the Chebyshev one).

Run:  python examples/interpolation_bounds.py
"""

import numpy as np

from certbounds.numeric.kernel_families import cauchy

x = np.linspace(0.5, 30.0, 80)     # the rows: F = -X = [-30, -0.5]
y = np.linspace(1.0, 50.0, 120)    # the columns: E = [1, 50]
family = cauchy(x, y)
print(family)
print(f"||A||_2 certified in [{family.parameters['A_norm']['lower']}, "
      f"{family.parameters['A_norm']['upper']}]")
print(f"{'n':>3} {'Zolotarev error':>16} {'Theorem 1.1':>12} {'Chebyshev error':>16} "
      f"{'Little-Reade':>13} {'best':>10}")
for n in (1, 2, 4, 8, 12, 16):
    zol = family.interpolation_error(*family.nodes(n, "zolotarev"))
    cheb = family.interpolation_error(*family.nodes(n, "chebyshev"))
    bound, lr = family.bound(n), family.little_reade_bound(n)
    assert zol <= float(bound.upper) and cheb <= float(lr.upper)
    print(f"{n:>3} {zol:>16.3e} {bound.mid:>12.3e} {cheb:>16.3e} {lr.mid:>13.3e} "
          f"{family.best_error(n):>10.3e}")
