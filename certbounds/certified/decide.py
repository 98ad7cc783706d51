"""Certified decisions: comparisons, ceilings and floors.

Each decision raises the working precision until it is proved, up to a cap,
and otherwise answers "undecided" — never a guess. Expressions whose value
is an exact rational are decided exactly; a ceiling or floor whose argument
is an integer that balls cannot separate (ceil(log(8)/log(2))) is decided
by sympy when ``simplify(arg - k)`` is exactly 0, and is otherwise
undecided (the two candidate integers are reported).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Optional

import sympy
from flint import arb, ctx, fmpq

from ..errors import DomainError, MalformedNumberError
from ..symbolic.parsing import parse_function, parse_number
from .ball import DEFAULT_MAX_PREC, Ball, ball_from_arb
from .exact import Infinity, from_sympy
from .expression import (Env, _integer_candidates, compare_sign, compile_expression,
                         relation_holds)

__all__ = ["Decision", "IntegerDecision", "compare", "ceil", "floor", "TRUE", "FALSE",
           "UNDECIDED"]

TRUE, FALSE, UNDECIDED = "true", "false", "undecided"
_START_PREC = 64
_RELATIONS = {"<": "lt", "<=": "le", ">": "gt", ">=": "ge", "==": "eq", "!=": "ne"}


def _as_expression(x) -> sympy.Expr:
    if isinstance(x, str):
        return parse_function(x)
    if isinstance(x, float):
        raise MalformedNumberError(f"pass {x!r} as text or a Fraction, not a float")
    return sympy.sympify(x)


def _run_values(values: Optional[Mapping]) -> tuple[dict, dict]:
    run, rationals = {}, {}
    for name, value in (values or {}).items():
        symbol = name if isinstance(name, sympy.Symbol) else sympy.Symbol(name)
        exact = parse_number(value) if isinstance(value, str) else sympy.sympify(value)
        run[symbol] = from_sympy(exact)
        run[sympy.Symbol(symbol.name, real=True)] = run[symbol]
        if exact.is_Rational:
            rationals[symbol] = exact
            rationals[sympy.Symbol(symbol.name, real=True)] = exact
    return run, rationals


def _ball(v, prec) -> Ball:
    if isinstance(v, Infinity):
        return Ball(arb.pos_inf() if v.sign > 0 else arb.neg_inf(), None, prec)
    return ball_from_arb(v, prec=prec)


@dataclass(frozen=True)
class Decision:
    """The certified answer to "left RELATION right": ``status`` is "true",
    "false" or "undecided"; ``left``/``right`` are the enclosures that
    decided it, at working precision ``prec``."""

    relation: str
    status: str
    left: Ball
    right: Ball
    prec: int

    @property
    def value(self) -> Optional[bool]:
        return {TRUE: True, FALSE: False}.get(self.status)

    def __repr__(self) -> str:
        return f"Decision({self.left!r} {self.relation} {self.right!r}: {self.status})"

    def to_json(self) -> dict:
        return {"relation": self.relation, "status": self.status, "left": self.left.to_json(),
                "right": self.right.to_json(), "prec": self.prec}


def compare(x, y, relation: str = "<", *, values: Optional[Mapping] = None,
            max_prec: int = DEFAULT_MAX_PREC) -> Decision:
    """Decide ``x RELATION y`` (relation one of < <= > >= == !=) with
    certified arithmetic. x and y are sympy expressions, exact numbers or
    text ("log(8)/log(2)"); ``values`` gives exact values for their free
    symbols. Exact rational sides are compared exactly; otherwise the
    precision doubles until the balls separate or ``max_prec`` is reached;
    then sympy may still prove x == y (simplify(x - y) == 0), and otherwise
    the answer is "undecided".

    Raises DomainError for an unknown relation or an undefined side.

    >>> compare("exp(1)", "2718281828/1000000000", ">").status
    'true'
    >>> compare("log(8)/log(2)", 3, "<", max_prec=256).status  # equal: sympy proves it
    'false'
    """
    if relation not in _RELATIONS:
        raise DomainError(f"unknown relation {relation!r}; use one of {', '.join(_RELATIONS)}")
    left, right = compile_expression(_as_expression(x)), compile_expression(_as_expression(y))
    run, rationals = _run_values(values)
    prec = _START_PREC
    while True:
        with ctx.workprec(prec):
            env = Env(run, prec, rationals)
            a, b = left(env), right(env)
            sign = compare_sign(a, b)
            if _is_nan(a) or _is_nan(b):
                raise DomainError("a side of the comparison is undefined")
            if sign is not None or prec >= max_prec:
                break
        prec = min(2 * prec, max_prec)
    status = UNDECIDED
    if sign is None and _proved_equal(x, y, values):
        sign = 0
    if sign is not None:
        status = TRUE if relation_holds(_RELATIONS[relation], sign) else FALSE
    return Decision(relation, status, _ball(a, prec), _ball(b, prec), prec)


def _proved_equal(x, y, values) -> bool:
    """True when sympy simplifies x - y (at the given values) to exactly 0:
    a symbolic proof of equality, tried only after the balls failed."""
    difference = _as_expression(x) - _as_expression(y)
    subs = {}
    for name, value in (values or {}).items():
        exact = parse_number(value) if isinstance(value, str) else sympy.sympify(value)
        for symbol in difference.free_symbols:
            if symbol.name == str(name):
                subs[symbol] = exact
    try:
        return sympy.simplify(difference.xreplace(subs)) == 0
    except Exception:  # sympy may fail on hard expressions: no proof then
        return False


def _is_nan(v) -> bool:
    return isinstance(v, arb) and v.is_nan()


@dataclass(frozen=True)
class IntegerDecision:
    """A certified ceiling or floor: ``value`` is the integer when proved,
    else None with ``lower``/``upper`` the candidate range; ``argument`` is
    the argument's enclosure at precision ``prec``."""

    operation: str
    value: Optional[int]
    lower: int
    upper: int
    argument: Ball
    prec: int

    @property
    def status(self) -> str:
        return "decided" if self.value is not None else UNDECIDED

    def __repr__(self) -> str:
        if self.value is not None:
            return f"{self.operation}: {self.value}"
        return f"{self.operation}: undecided in [{self.lower}, {self.upper}]"

    def to_json(self) -> dict:
        return {"operation": self.operation, "status": self.status, "value": self.value,
                "lower": self.lower, "upper": self.upper, "argument": self.argument.to_json(),
                "prec": self.prec}


def _round(x, up: bool, values, max_prec) -> IntegerDecision:
    expr = _as_expression(x)
    rounded = compile_expression(sympy.ceiling(expr) if up else sympy.floor(expr))
    argument = compile_expression(expr)
    run, rationals = _run_values(values)
    operation = "ceil" if up else "floor"
    prec = _START_PREC
    while True:
        with ctx.workprec(prec):
            env = Env(run, prec, rationals)
            value, arg = rounded(env), argument(env)
        if isinstance(value, Infinity) or _is_nan(value):
            raise DomainError(f"{operation} of an undefined or infinite value")
        if isinstance(value, fmpq) and value.q == 1:
            k = int(value.p)
            return IntegerDecision(operation, k, k, k, _ball(arg, prec), prec)
        if prec >= max_prec:
            lo, hi = _integer_candidates(value)
            return IntegerDecision(operation, None, lo, hi, _ball(arg, prec), prec)
        prec = min(2 * prec, max_prec)


def ceil(x, *, values: Optional[Mapping] = None, max_prec: int = DEFAULT_MAX_PREC
         ) -> IntegerDecision:
    """The certified ceiling of x (sympy expression, exact number or text):
    the integer when proved, else "undecided" with the two candidates —
    never a neighbour of the true value.

    >>> ceil("9*log(3*10**10)/(1/10)**2").value   # the JL rank of budzinskiy2025 Sec. 1.3
    21713
    >>> ceil("log(exp(5))").value
    5
    """
    return _round(x, True, values, max_prec)


def floor(x, *, values: Optional[Mapping] = None, max_prec: int = DEFAULT_MAX_PREC
          ) -> IntegerDecision:
    """The certified floor of x; see ``ceil``.

    >>> floor("pi*10**30").value
    3141592653589793238462643383279
    """
    return _round(x, False, values, max_prec)
