"""Check a claim of your own, the way `certbounds check` checks the papers'.

A claim file is a Python module that defines CLAIMS, a list of Claim; each
check computes its verdict (verified / refuted / undecided) from certified
primitives. This script builds four claims and runs them directly; save
the CLAIMS list in a file and `certbounds check that_file.py` prints the
same verdicts as a table.

Run:  python examples/my_claim.py
"""

from certbounds.analysis.claims import (Claim, inequality_check, run_claims,
                                        value_check)
from certbounds.certified.exact import INF
from certbounds.certified.prove import Range

CLAIMS = [
    # "the JL rank of Theorem 1.3 at eps = 0.2 for a 10^6 x 10^6 matrix is 6403":
    # a slip in my notes; the check refutes it and prints the certified value
    Claim("mine:jl-rank", "my notes, p. 1",
          "r(0.2, 10^6, 10^6) = ceil(9 log(3 * 10^12) / 0.04) is 6403",
          value_check("ceiling(9*log(3*n1*n2)/eps**2)", 6403,
                      values={"eps": "0.2", "n1": "1e6", "n2": "1e6"})),
    # "n! >= 2^(n-1) for every integer n >= 1" (an unbounded integer range)
    Claim("mine:factorial", "my notes, p. 2", "n! >= 2^(n-1) for all integers n >= 1",
          inequality_check("factorial(n) >= 2**(n - 1)", {"n": Range(1, INF, integer=True)})),
    # "e^x > 1 + x + x^2/2 for x in (0, 5]" (true) and on (-1, 5] (false: x <= 0 fails)
    Claim("mine:taylor", "my notes, p. 3", "e^x > 1 + x + x^2/2 for x in (0, 5]",
          inequality_check("exp(x) > 1 + x + x**2/2", {"x": "(0, 5]"})),
    Claim("mine:taylor-wider", "my notes, p. 3", "e^x > 1 + x + x^2/2 for x in (-1, 5]",
          inequality_check("exp(x) > 1 + x + x**2/2", {"x": "(-1, 5]"})),
]

if __name__ == "__main__":
    for result in run_claims(CLAIMS):
        print(f"{result.claim.id:<16} {result.status:<10} "
              f"{result.verdict.evidence if result.verdict else result.error}")
