"""Exact values as the certified layer sees them.

A user's numbers arrive as exact sympy rationals (or +-oo for an interval
endpoint). The certified layer works with python-flint types: an exact
value is an ``fmpq``; the two infinities are the singletons ``INF`` and
``NEG_INF`` (never a Python float, so nothing is ever rounded on the way
in). ``to_fmpq`` and ``from_sympy`` convert; ``exact_to_arb`` gives the ball
of an exact value at the current working precision.
"""

from __future__ import annotations

from fractions import Fraction

from flint import arb, fmpq, fmpz

from ..errors import DomainError, MalformedNumberError

__all__ = ["Infinity", "INF", "NEG_INF", "Exact", "to_fmpq", "from_sympy", "exact_to_arb",
           "is_infinite", "exact_lt", "exact_le"]


class Infinity:
    """+oo or -oo as an interval endpoint (webb2025 allows a = -oo, d = +oo)."""

    __slots__ = ("sign",)

    def __init__(self, sign: int):
        self.sign = sign

    def __repr__(self) -> str:
        return "INF" if self.sign > 0 else "NEG_INF"

    def __str__(self) -> str:
        return "inf" if self.sign > 0 else "-inf"

    def __neg__(self) -> "Infinity":
        return NEG_INF if self.sign > 0 else INF


INF = Infinity(1)
NEG_INF = Infinity(-1)

#: An exact real: a rational or one of the two infinities.
Exact = object


def is_infinite(v) -> bool:
    return isinstance(v, Infinity)


def to_fmpq(v) -> fmpq:
    """An ``fmpq`` from an int, Fraction, fmpz, fmpq or sympy Rational.
    Floats are refused: they are rounded numbers already."""
    if isinstance(v, fmpq):
        return v
    if isinstance(v, bool):
        raise MalformedNumberError(f"expected a number, got {v!r}")
    if isinstance(v, (int, fmpz)):
        return fmpq(v)
    if isinstance(v, Fraction):
        return fmpq(v.numerator, v.denominator)
    if isinstance(v, float):
        raise MalformedNumberError(f"pass {v!r} as text or a Fraction, not a float: "
                                   "certified inputs are exact")
    p, q = getattr(v, "p", None), getattr(v, "q", None)  # sympy Rational / Integer
    if isinstance(p, int) and isinstance(q, int) and getattr(v, "is_Rational", False):
        return fmpq(p, q)
    raise MalformedNumberError(f"not an exact rational: {v!r}")


def from_sympy(v):
    """The exact value of a sympy number: an fmpq, INF or NEG_INF."""
    import sympy  # the certified layer sees sympy only at its edge

    if v == sympy.oo:
        return INF
    if v == -sympy.oo:
        return NEG_INF
    return to_fmpq(v)


def exact_to_arb(v) -> arb:
    """The ball of an exact value at the current precision (exact when the
    rational is dyadic and fits; else radius one ulp)."""
    if isinstance(v, Infinity):
        raise DomainError("an infinite value where a finite number is needed")
    if isinstance(v, fmpq):
        return arb(v)
    return arb(to_fmpq(v))


def exact_lt(x, y) -> bool:
    """x < y for exact values (rationals or infinities)."""
    if isinstance(x, Infinity) or isinstance(y, Infinity):
        xs = x.sign if isinstance(x, Infinity) else 0
        ys = y.sign if isinstance(y, Infinity) else 0
        return xs < ys
    return to_fmpq(x) < to_fmpq(y)


def exact_le(x, y) -> bool:
    """x <= y for exact values (rationals or infinities)."""
    if isinstance(x, Infinity) and isinstance(y, Infinity):
        return x.sign <= y.sign
    return not exact_lt(y, x)

