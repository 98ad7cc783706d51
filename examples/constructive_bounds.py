"""Run the proofs of Budzinskiy's existence theorems and set each measured
error beside the theorem's certified bound.

Theorems 1.3, 3.8 and 5.2 of budzinskiy2025 say that a low-rank G with a
small max-norm error *exists*; their proofs build it at random (a Gaussian
sketch, a Taylor truncation plus sketches, random Fourier features plus a
sketch). ``certbounds.numeric.constructive`` runs those constructions on
real data and returns G, its measured error ||F - G||_max (floating point)
and the theorem's bound (a certified Ball). The theorems promise success
with positive probability; the last column is the fraction of 10 seeds
whose G met the bound.

Run:  python examples/constructive_bounds.py
"""

import numpy as np

from certbounds.numeric.constructive import inner_product_sketch, jl_sketch, kernel_sketch
from certbounds.numeric.function_data import sample_ball

n, m = 300, 20
X, Y = sample_ball(n, m, seed=1), sample_ball(n, m, seed=2)
SEEDS = range(10)

runs = {
    # Theorem 1.3: F = X Y^T, G = (X Pi)(Y Pi)^T
    "thm1.3  x^T y         eps=1/2": lambda s: jl_sketch(X, Y, "1/2", seed=s),
    # Theorem 3.8: F = exp(x^T y) on the ball of radius 1/2 (C = e^{1/4}, M = 1)
    "thm3.8  exp(x^T y)    eps=1/2": lambda s: inner_product_sketch(
        X / 2, Y / 2, "exp", "1/2", R="1/2", seed=s),
    # Theorem 5.2: the kernel exp(-||x - y||) (f1 of Section 7)
    "thm5.2  exp(-|x-y|)   eps=9/10": lambda s: kernel_sketch(X, Y, "f1", "9/10", seed=s),
}

print(f"n = {n}, m = {m}, points uniform in the unit ball; 10 seeds each")
print(f"{'theorem':<32} {'rank bound':>10} {'median error':>13} {'bound':>10} {'gap':>6}"
      f" {'met':>5}")
for label, run in runs.items():
    results = [run(s) for s in SEEDS]
    errors = [r.error for r in results]
    bound = results[0].bound
    met = sum(r.within_bound is True for r in results) / len(results)
    print(f"{label:<32} {results[0].rank_bound:>10} {np.median(errors):>13.4g} "
          f"{float(bound.upper):>10.4g} {float(bound.upper) / np.median(errors):>6.1f} "
          f"{met:>5.0%}")
