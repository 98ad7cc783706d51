"""Certified rank of Budzinskiy's Theorem 3.8 for your own parameters.

Theorem 3.8 (budzinskiy2025): for f(x, y) = h(x^T W y) with h satisfying
Assumption 3.5 (|h^(s)| <= C M^s), points in the ball of radius R and
||W||_2 <= sigma, there is a matrix G of rank <= 1 + (t - 1) r(eps, n1, n2)
with ||F - G||_max <= C [e^{-t} + eps (e^{M sigma R^2} - 1)], for every
integer t >= e^2 M sigma R^2. Leave t out and the smallest admissible t is
chosen (certified); a larger t trades rank for a smaller error. Every
number below is an Arb enclosure; each rank is an exact integer.

Run:  python examples/theorem38_rank.py
"""

from certbounds import evaluate, get_statement
from certbounds.cli.common import interval_text  # outward rounding for reading

THM38 = get_statement("budzinskiy2025:thm3.8")
# the attention-like kernel exp(x^T y / 4) on the unit ball: C = 1, M = 1/4
params = {"eps": "0.05", "n1": "1e6", "n2": "1e6", "C": "1", "M": "0.25", "R": "1",
          "sigma": "1"}

print("   t        rank   error bound (certified enclosure)")
for t in (None, "3", "5"):
    values = dict(params) if t is None else {**params, "t": t}
    result = evaluate(THM38, values)
    rank, error = result["rank"], result["error"]
    assert rank.integer is not None  # the rank is certified exactly
    assert all(h.status == "holds" for h in result.hypotheses)
    print(f"{int(result.parameters['t']):>4} {rank.integer:>11}   "
          f"{interval_text(error.lower, error.upper, 10)}"
          + ("   (smallest admissible t)" if t is None else ""))
