"""The threshold of Budzinskiy's Appendix B.2, computed and certified.

Appendix B.2 (budzinskiy2025) shows that Theorem A.1's rank bound is looser
than the analytical bound (1.1) for every n as soon as e^{M^2} > 1 + e^2 M,
"which is true for all M > 1.597". Here the threshold M* (the root of
e^{M^2} = 1 + e^2 M) is enclosed by a certified real crossover; the
inequality is then proved for every M >= 1.597 (the paper's constant) and
for every M above the certified upper end of M*, and refuted at 1.596 (so
no constant much below 1.597 would do). Each proof on the unbounded range
is found automatically (the derivative 2M e^{M^2} - e^2 is positive there).

Run:  python examples/appendix_b2_threshold.py
"""

from certbounds.analysis.crossover import crossover
from certbounds.certified.prove import prove

CONDITION = "exp(M**2) > 1 + exp(2)*M"

# the first M in [1, 2] with 1 + e^2 M < e^{M^2}, enclosed to 2^-40
c = crossover("1 + exp(2)*M", "exp(M**2)", "M", start=1, stop=2, real=True)
bracket = c.to_json()["crossing"]
print(f"threshold M* in ({bracket['lower']}, {bracket['upper']}]")
print(f"  on [1, M*): the condition fails -- {c.first_proof.summary()}")

for start in ("1.597", bracket["upper_exact"], "1.596"):
    result = prove(CONDITION, {"M": f"[{start}, inf)"})
    print(f"for all M >= {start}: {result.status}")
    print(f"  {result.summary()}")
