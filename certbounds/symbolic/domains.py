"""Parameter domains: where a statement's parameters may live.

A domain parses a user's text into an exact value (see ``parsing``) and says
whether a value belongs to it. Three kinds cover both papers: real
intervals (possibly extended by +-inf), integer ranges, and functions of one
variable ``x`` (the generating function h of budzinskiy2025, Section 3).
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy

from ..errors import DomainError, MalformedNumberError
from .parsing import X, parse_function, parse_number

__all__ = ["Domain", "RealInterval", "IntegerRange", "FunctionOfX",
           "REALS", "EXTENDED_REALS", "POSITIVE", "NONNEGATIVE", "UNIT_INTERVAL",
           "NATURALS", "NATURALS0", "AT_LEAST_ONE"]


def _fmt(v) -> str:
    if v == sympy.oo:
        return "inf"
    if v == -sympy.oo:
        return "-inf"
    return str(v)


class Domain:
    """Base class. Subclasses implement ``parse``, ``contains``,
    ``describe`` and ``assumptions`` (sympy symbol assumptions)."""

    def parse(self, text: str):
        raise NotImplementedError  # abstract; every concrete domain overrides it

    def contains(self, value) -> bool:
        raise NotImplementedError

    def describe(self) -> str:
        raise NotImplementedError

    def assumptions(self) -> dict:
        return {}

    def check(self, name: str, value) -> None:
        """Raise DomainError unless ``value`` lies in this domain."""
        if not self.contains(value):
            raise DomainError(f"{name}={_fmt(value)} is outside its domain {self.describe()}")

    def example(self):
        """A value inside the domain (used by tests and documentation)."""
        raise NotImplementedError


@dataclass(frozen=True)
class RealInterval(Domain):
    """A real interval with open or closed ends. An infinite end that is
    *closed* means that the value +-inf itself is allowed (an extended
    real endpoint such as Webb's a = -inf)."""

    lower: object = -sympy.oo
    upper: object = sympy.oo
    lower_open: bool = True
    upper_open: bool = True

    def parse(self, text: str):
        value = parse_number(text)
        return value

    def contains(self, value) -> bool:
        value = sympy.sympify(value)
        if not (value.is_extended_real and value.is_number):
            return False
        lo, hi = sympy.sympify(self.lower), sympy.sympify(self.upper)
        above = (value > lo) if self.lower_open else (value >= lo)
        below = (value < hi) if self.upper_open else (value <= hi)
        return bool(above) and bool(below)

    def describe(self) -> str:
        left = "(" if self.lower_open else "["
        right = ")" if self.upper_open else "]"
        return f"real {left}{_fmt(self.lower)}, {_fmt(self.upper)}{right}"

    def assumptions(self) -> dict:
        lo = sympy.sympify(self.lower)
        hi = sympy.sympify(self.upper)
        finite = (lo.is_finite or self.lower_open) and (hi.is_finite or self.upper_open)
        out = {"real": True} if finite else {}
        if lo.is_finite and lo >= 0:
            out["positive" if (lo > 0 or self.lower_open) else "nonnegative"] = True
        return out

    def example(self):
        lo, hi = sympy.sympify(self.lower), sympy.sympify(self.upper)
        if lo.is_finite and hi.is_finite:
            return (lo + hi) / 2
        if lo.is_finite:
            return lo + 1
        if hi.is_finite:
            return hi - 1
        return sympy.Integer(0)


@dataclass(frozen=True)
class IntegerRange(Domain):
    """Integers ``lower <= n <= upper`` (``upper`` may be +inf)."""

    lower: int = 1
    upper: object = sympy.oo

    def parse(self, text: str):
        value = parse_number(text)
        if value.is_infinite:
            raise DomainError(f"{text!r} is not an integer")
        if not value.is_integer:
            raise DomainError(f"{text!r} is not an integer")
        return sympy.Integer(value)

    def contains(self, value) -> bool:
        value = sympy.sympify(value)
        return bool(value.is_integer) and value >= self.lower and bool(value <= self.upper)

    def describe(self) -> str:
        if self.upper == sympy.oo:
            return f"integer >= {self.lower}"
        return f"integer {self.lower}..{self.upper}"

    def assumptions(self) -> dict:
        out = {"integer": True}
        if self.lower >= 1:
            out["positive"] = True
        elif self.lower >= 0:
            out["nonnegative"] = True
        return out

    def check(self, name: str, value) -> None:
        value = sympy.sympify(value)
        if not value.is_integer:
            raise DomainError(f"{name}={_fmt(value)} is not an integer (domain {self.describe()})")
        super().check(name, value)

    def example(self):
        return sympy.Integer(max(self.lower, min(3, self.upper)))


@dataclass(frozen=True)
class FunctionOfX(Domain):
    """A real function of one variable, given as an expression in ``x``
    (e.g. ``h=exp(x)``). Its value inside certbounds is ``Lambda(x, expr)``."""

    def parse(self, text: str):
        return sympy.Lambda(X, parse_function(text))

    def contains(self, value) -> bool:
        return isinstance(value, sympy.Lambda) and len(value.variables) == 1

    def describe(self) -> str:
        return "function of x (an expression such as exp(x))"

    def check(self, name: str, value) -> None:
        if not self.contains(value):
            raise MalformedNumberError(f"{name} must be an expression in x")

    def example(self):
        return sympy.Lambda(X, sympy.exp(X))


REALS = RealInterval()
EXTENDED_REALS = RealInterval(-sympy.oo, sympy.oo, False, False)
POSITIVE = RealInterval(0, sympy.oo, True, True)
NONNEGATIVE = RealInterval(0, sympy.oo, False, True)
UNIT_INTERVAL = RealInterval(0, 1, True, True)
NATURALS = IntegerRange(1)
NATURALS0 = IntegerRange(0)
AT_LEAST_ONE = RealInterval(1, sympy.oo, False, True)
