"""The best certified error bound a theorem gives at a prescribed rank.

The theorems of budzinskiy2025 are stated as "for accuracy eps, there is a
G of rank <= r(eps) with error <= e(eps)". An experiment fixes the rank
instead (§7.2: "we fix the approximation rank r and bound the optimal
entrywise error"). ``error_bound_at_rank`` turns the statement around: it
finds, for each admissible Taylor order t (when the statement has one), the
smallest dyadic eps in (0, 1) whose *certified* rank bound is <= the given
rank, and returns the certified error bound of the statement at the best
such (eps, t).

The result is a valid bound whatever the search finds: it is the
statement's own certified error at exact parameters whose certified rank
fits the budget and whose hypotheses certainly hold. Only its optimality
rests on the search (bisection in eps assumes the rank bound is
non-increasing in eps, which holds for every statement whose rank is built
on r(eps) of (1.2) or (6.2)).

>>> b = error_bound_at_rank("budzinskiy2025:thm5.2", 4000, {"n1": 1000, "n2": 1000})
>>> b.rank <= 4000, round(b.error.mid, 3)   # sqrt(9 log(3e6) / 4000) = 0.183
(True, 0.183)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from ..certified.ball import Ball
from ..certified.evaluate import evaluate
from ..errors import CertboundsError, DomainError, UndecidedError
from ..symbolic.catalogue import get_statement

__all__ = ["BoundAtRank", "error_bound_at_rank"]

#: Bits of the dyadic search in eps (the bound is within 2^-BITS of optimal in eps).
BITS = 40
#: The Taylor order is scanned upward from its smallest admissible value and
#: stops after this many orders without improvement.
PATIENCE = 4
#: ... and never beyond this many orders.
MAX_ORDERS = 200


@dataclass(frozen=True)
class BoundAtRank:
    """A certified error bound of ``statement`` whose certified rank bound
    ``rank`` does not exceed ``budget``, at the exact parameters ``values``
    (eps and t included)."""

    statement: str
    budget: int
    values: dict
    rank: int
    error: Ball
    tried: int = field(default=0, compare=False)

    @property
    def eps(self) -> Fraction:
        return Fraction(self.values["eps"])

    def to_json(self) -> dict:
        return {"statement": self.statement, "budget": self.budget,
                "values": {k: str(v) for k, v in self.values.items()},
                "rank": self.rank, "error": self.error.to_json()}

    def __repr__(self) -> str:
        return (f"BoundAtRank({self.statement}: rank {self.rank} <= {self.budget}, "
                f"error <= {self.error.upper} at eps={float(self.eps):.6g}"
                + (f", t={self.values['t']}" if "t" in self.values else "") + ")")


def _try(statement, values):
    """(rank, error ball) when the rank is certified and every hypothesis
    certainly holds; None otherwise."""
    try:
        ev = evaluate(statement, values)
    except (UndecidedError, DomainError):
        return None
    if any(h.status != "holds" for h in ev.hypotheses):
        return None
    rank = ev["rank"].integer
    return None if rank is None else (rank, ev["error"], ev.parameters)


def _smallest_eps(statement, values, budget):
    """The smallest dyadic eps = k / 2^BITS in (0, 1) with certified rank <=
    budget, with its evaluation; None when even the largest one fails."""
    scale = 2 ** BITS
    lo, hi = 0, scale - 1          # eps = k / 2^BITS; k = lo fails (eps = 0)
    best = _try(statement, {**values, "eps": Fraction(hi, scale)})
    if best is None or best[0] > budget:
        return None
    while hi - lo > 1:
        mid = (lo + hi) // 2
        got = _try(statement, {**values, "eps": Fraction(mid, scale)})
        if got is not None and got[0] <= budget:
            hi, best = mid, got
        else:
            lo = mid
    return Fraction(hi, scale), best


def error_bound_at_rank(statement, rank: int, values: dict) -> BoundAtRank | None:
    """The least certified error bound of a catalogue statement (with
    quantities ``rank`` and ``error`` and a parameter ``eps``) over eps in
    (0, 1) and, when the statement has a Taylor order ``t``, over admissible
    t, subject to the certified rank bound being <= ``rank``.

    Implements the inversion "rank r given, error bound?" of budzinskiy2025
    §7.2 for (1.2)-based statements (Theorems 1.3, 3.8, 4.5, 5.2, 6.5).
    ``values`` holds the other parameters, exact (strings, ints, Fractions).
    Returns None when no eps < 1 fits the rank (the theorem says nothing at
    this rank).

    Raises DomainError for rank < 1 or a statement without eps, rank and
    error; the errors of ``evaluate`` for bad parameters.
    """
    st = get_statement(statement) if isinstance(statement, str) else statement
    if isinstance(rank, bool) or int(rank) != rank or rank < 1:
        raise DomainError(f"rank must be an integer >= 1, got {rank!r}")
    names = {p.name for p in st.parameters}
    quantities = {q.name for q in st.quantities}
    if "eps" not in names or not {"rank", "error"} <= quantities:
        raise DomainError(f"{st.id} has no eps, rank and error to trade off")
    values = {k: v for k, v in values.items() if k not in ("eps", "t")}
    # bad parameters surface here, with the statement's own message
    evaluate(st, {**values, "eps": Fraction(1, 2)})
    if "t" not in names:
        found = _smallest_eps(st, values, rank)
        if found is None:
            return None
        eps, (r, err, _) = found
        return BoundAtRank(st.id, int(rank), {**values, "eps": eps}, r, err)
    first = _try(st, {**values, "eps": Fraction(1, 2)})
    if first is None or "t" not in first[2]:
        raise CertboundsError(f"{st.id}: no admissible Taylor order t could be certified")
    t0 = int(first[2]["t"])
    best, since_best = None, 0
    for t in range(t0, t0 + MAX_ORDERS):
        found = _smallest_eps(st, {**values, "t": t}, rank)
        if found is not None:
            eps, (r, err, _) = found
            if best is None or Fraction(err.upper) < Fraction(best.error.upper):
                best = BoundAtRank(st.id, int(rank), {**values, "eps": eps, "t": t}, r, err)
                since_best = 0
                continue
        since_best += 1
        if since_best >= PATIENCE and (best is not None or t - t0 > MAX_ORDERS // 4):
            break
    return best


#: Which theorem bounds the max-norm error of data generated by each named
#: function of ``numeric.function_data`` (points in the unit ball), with the
#: parameters that do not depend on the size; None with the reason when no
#: catalogue statement applies with known constants.
GENERATED_DATA_BOUNDS = {
    # kappa(0) = 1 positive-definite kernels: Theorem 5.2, error <= eps
    "f1": ("budzinskiy2025:thm5.2", {}),
    "gaussian": ("budzinskiy2025:thm5.2", {}),
    "cauchy": ("budzinskiy2025:thm5.2", {}),
    # x^T y with rows of norm < 1: Theorem 1.3, error <= eps ||A||_{2,inf} ||B||_{2,inf} <= eps
    "inner": ("budzinskiy2025:thm1.3", {}),
    # exp(x^T y) on Omega = [-1, 1]: ||h^(s)|| <= e = C M^s with M = 1; C = 27183/10000 >= e
    "exp-inner": ("budzinskiy2025:thm3.8", {"C": Fraction(27183, 10000), "M": 1, "R": 1,
                                            "sigma": 1}),
    "f2": (None, "exp(-s^2) has derivatives growing like sqrt(s!) 2^(s/2), so Assumption "
                 "3.5 (||h^(s)|| <= C M^s) holds for no C, M and Theorem 4.5 gives no "
                 "bound with known constants"),
    "f3": (None, "Theorem 6.5 involves the unknown absolute constant c_d of Theorem 6.1"),
}


def generated_data_bound(function: str, shape, rank: int):
    """(BoundAtRank or None, note) for data of ``shape`` generated by the named
    function from points in the unit ball (budzinskiy2025 Theorems 1.3, 3.8,
    5.2 as listed in ``GENERATED_DATA_BOUNDS``): the certified error bound at
    this rank, or None with the reason it is absent."""
    statement, extra = GENERATED_DATA_BOUNDS.get(function, (None, "no catalogue statement "
                                                           "covers this function"))
    if statement is None:
        return None, extra
    values = {"n1": int(shape[0]), "n2": int(shape[1]), **extra}
    bound = error_bound_at_rank(statement, rank, values)
    if bound is None:
        return None, (f"{statement} gives no bound at rank {rank}: its rank bound exceeds "
                      f"{rank} for every eps < 1")
    return bound, f"{statement} at rank <= {rank} (eps and t chosen to minimise the bound)"
