"""Binding a statement's parameters and evaluating its quantities.

``bind`` parses and checks a user's values (exact rationals, domains,
constraints, rules for parameters left out); ``evaluate`` computes every
quantity exactly where sympy can and otherwise to ``digits`` significant
digits with mpmath, and reports each hypothesis as holds/fails/undecided.
These numbers are *not certified*; certbounds.certified encloses the same
quantities in Arb balls.
"""

from __future__ import annotations

import difflib
import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Callable, Mapping, Optional

import sympy

from ..errors import (DomainError, MalformedNumberError, MissingParameterError,
                      UndecidedError, UnknownParameterError)
from . import functions as _functions
from .statement import Statement

__all__ = ["Binding", "QuantityValue", "HypothesisStatus", "Evaluation",
           "bind", "evaluate", "to_exact", "evaluation_json"]

HOLDS, FAILS, UNDECIDED = "holds", "fails", "undecided"

#: Function classes whose presence makes a value numerical rather than closed-form.
_NUMERIC_ONLY = tuple(getattr(_functions, name) for name in (
    "ZolotarevNumber", "JacobiDN", "ZolotarevMobius", "BesselJZero",
    "SupAbsDerivative", "AssumptionConstant"))


def to_exact(value, name: str = "value"):
    """An exact sympy value from a user value: text is parsed by the caller's
    domain; ints, Fractions and sympy numbers pass; Python floats are
    refused, because a float is already a rounded number."""
    if isinstance(value, float):
        raise MalformedNumberError(
            f"{name}: pass {value!r} as text ('{value!r}') or a Fraction, not a float: "
            "certified inputs are exact")
    if isinstance(value, Fraction):
        return sympy.Rational(value.numerator, value.denominator)
    if isinstance(value, (int, sympy.Basic)):
        return sympy.sympify(value)
    raise MalformedNumberError(f"{name}: unsupported value {value!r}")


@dataclass(frozen=True)
class Binding:
    """Exact values for every parameter of a statement. ``chosen`` maps the
    parameters filled by their rule (the user left them out) to that rule."""

    statement: Statement
    values: dict
    chosen: dict

    def substitution(self) -> dict:
        return {p.symbol: self.values[p.name] for p in self.statement.parameters}


def _suggest(name: str, names) -> str:
    close = difflib.get_close_matches(name, list(names), n=1)
    return f"; did you mean {close[0]}?" if close else ""


def bind(statement: Statement, values: Mapping[str, object], *,
         rule_evaluator: Optional[Callable] = None) -> Binding:
    """Parse, check and complete a statement's parameter values.

    ``values`` maps parameter names to text (``"0.1"`` is exactly 1/10,
    ``"exp(x)"`` for a function parameter), ints, Fractions or sympy numbers.
    A parameter left out that has a rule (such as the smallest admissible
    integer t of budzinskiy2025 Theorem 3.8) gets its rule's value.

    Raises UnknownParameterError, MissingParameterError, MalformedNumberError
    and DomainError (a value outside its domain, or a violated constraint
    such as a < b < c < d).

    ``rule_evaluator(expr, known)`` computes a rule's value from the known
    exact values (symbol -> sympy number); the certified layer passes one
    that decides ceilings with certified arithmetic. By default sympy's own
    evaluation is used (not certified).
    """
    names = [p.name for p in statement.parameters]
    exact = {}
    for name, raw in values.items():
        if name not in names:
            raise UnknownParameterError(
                f"{statement.id} has no parameter {name!r}{_suggest(name, names)} "
                f"(parameters: {', '.join(names)})")
        domain = statement.parameter(name).domain
        try:
            value = domain.parse(raw) if isinstance(raw, str) else to_exact(raw, name)
        except (DomainError, MalformedNumberError) as exc:
            raise exc.__class__(f"{name}: {exc}") from None
        domain.check(name, value)
        exact[name] = value
    missing = [p.name for p in statement.parameters if p.name not in exact and p.choose is None]
    if missing:
        raise MissingParameterError(
            f"{statement.id} needs {', '.join(missing)} "
            f"(see 'certbounds show {statement.id}')")
    _check_constraints(statement, exact)  # before any rule sees invalid values
    chosen = _apply_rules(statement, exact, rule_evaluator)
    _check_constraints(statement, exact)
    return Binding(statement, exact, chosen)


def _check_constraints(statement: Statement, exact: dict) -> None:
    """DomainError for a constraint that fails on the values known so far."""
    known = {p.symbol: exact[p.name] for p in statement.parameters if p.name in exact}
    for c in statement.constraints:
        if c.relation.free_symbols <= set(known) and \
                sympy.sympify(c.relation.xreplace(known)) is sympy.false:
            raise DomainError(f"{statement.id}: {c.text} does not hold")


def _sympy_rule(expr, known: dict):
    return expr.xreplace(known).doit()


def _apply_rules(statement: Statement, exact: dict, rule_evaluator=None) -> dict:
    """Fill the parameters left out by their rules (in dependency order);
    returns name -> rule text for those filled."""
    chosen = {}
    pending = [p for p in statement.parameters if p.name not in exact]
    while pending:
        known = {q.symbol: exact[q.name] for q in statement.parameters if q.name in exact}
        ready = [p for p in pending if p.choose.free_symbols <= set(known)]
        if not ready:
            names = ", ".join(p.name for p in pending)
            raise MissingParameterError(f"{statement.id}: cannot choose {names}; give them")
        for p in ready:
            try:
                rule = (rule_evaluator or _sympy_rule)(p.choose, known)
            except (ZeroDivisionError, OverflowError, ValueError, TypeError) as exc:
                raise DomainError(f"{statement.id}: the default of {p.name} is undefined "
                                  f"({exc.__class__.__name__})") from None
            if not rule.is_Rational:
                raise UndecidedError(f"{statement.id}: cannot decide the default of {p.name}")
            p.domain.check(p.name, rule)
            exact[p.name] = rule
            chosen[p.name] = p.choose_rule or str(p.choose)
            pending.remove(p)
    return chosen


@dataclass(frozen=True)
class QuantityValue:
    """A quantity's value: ``exact`` is a closed form (a sympy expression)
    when sympy found one, ``value`` a decimal string (exact for integers),
    ``integer`` the exact integer when the value is one."""

    name: str
    kind: str
    meaning: str
    exact: Optional[sympy.Expr]
    value: Optional[str]
    integer: Optional[int]

    def to_json(self) -> dict:
        out = {"kind": self.kind, "meaning": self.meaning, "value": self.value,
               "exact": None if self.exact is None else str(self.exact), "certified": False}
        if self.integer is not None:
            out["int"] = self.integer
        mid = float(self.value) if self.value is not None else None
        # a float beside the exact text, only where a float can hold it
        if mid is not None and math.isfinite(mid) and (mid != 0 or self.exact == 0):
            out["mid"] = mid
        return out


@dataclass(frozen=True)
class HypothesisStatus:
    text: str
    relation: str
    status: str

    def to_json(self) -> dict:
        return {"text": self.text, "relation": self.relation, "status": self.status}


@dataclass(frozen=True)
class Evaluation:
    """The result of ``evaluate``: the exact inputs, the chosen defaults,
    every quantity and the status of every hypothesis."""

    statement: Statement
    parameters: dict
    chosen: dict
    quantities: tuple
    hypotheses: tuple
    digits: int

    def __repr__(self) -> str:
        values = ", ".join(f"{q.name}={q.value if q.integer is None else q.integer}"
                           for q in self.quantities)
        return f"<Evaluation {self.statement.id}: {values}>"

    def quantity(self, name: str) -> QuantityValue:
        for q in self.quantities:
            if q.name == name:
                return q
        raise KeyError(name)

    def to_json(self) -> dict:
        return evaluation_json(self, f"exact (sympy) where possible, else {self.digits}-digit "
                                     "mpmath; not certified")


def evaluation_json(evaluation, arithmetic: str) -> dict:
    """The JSON document of an evaluation (symbolic or certified): id,
    exact parameters, chosen defaults, quantities, hypotheses, and how the
    numbers were computed."""
    return {
        "id": evaluation.statement.id,
        "parameters": {k: _show(v) for k, v in evaluation.parameters.items()},
        "chosen": {k: {"value": _show(evaluation.parameters[k]), "rule": rule}
                   for k, rule in evaluation.chosen.items()},
        "quantities": {q.name: q.to_json() for q in evaluation.quantities},
        "hypotheses": [h.to_json() for h in evaluation.hypotheses],
        "arithmetic": arithmetic,
    }


def _show(value) -> str:
    """Text of an exact value: functions as their expression, infinities as inf."""
    if isinstance(value, sympy.Lambda):
        return str(value.expr)
    if value == sympy.oo:
        return "inf"
    if value == -sympy.oo:
        return "-inf"
    return str(value)


def _value_of(q, subs: dict, digits: int) -> QuantityValue:
    try:
        expr = q.expr.xreplace(subs).doit()
        if expr.is_Integer:
            return QuantityValue(q.name, q.kind, q.meaning, expr, str(expr), int(expr))
        if expr in (sympy.oo, -sympy.oo):
            return QuantityValue(q.name, q.kind, q.meaning, expr, _show(expr), None)
        if expr.has(sympy.nan, sympy.zoo):
            raise DomainError(f"{q.name} is undefined for these parameters")
        if not expr.is_number:
            raise UndecidedError(f"{q.name} did not evaluate to a number: {expr}")
        approx = sympy.N(expr, digits)
    except DomainError:
        raise
    except (ZeroDivisionError, OverflowError, ValueError, TypeError) as exc:
        raise DomainError(f"{q.name} cannot be evaluated for these parameters "
                          f"({exc.__class__.__name__}: {exc})") from None
    if approx in (sympy.nan, sympy.zoo) or not approx.is_Number:
        raise DomainError(f"{q.name} is undefined for these parameters (e.g. h is not "
                          f"finite on the interval)")
    closed = None if expr.has(*_NUMERIC_ONLY) else expr
    return QuantityValue(q.name, q.kind, q.meaning, closed, _show(approx), None)


def _status(relation, subs: dict) -> str:
    result = sympy.sympify(relation.xreplace(subs)).doit()
    if result is sympy.true:
        return HOLDS
    if result is sympy.false:
        return FAILS
    return UNDECIDED


def evaluate(statement: Statement, values: Mapping[str, object], *, digits: int = 30) -> Evaluation:
    """Evaluate every quantity of ``statement`` at ``values`` and report its
    hypotheses (holds/fails/undecided).

    Exact where sympy can (ranks are exact integers), otherwise ``digits``
    significant digits with mpmath. Not certified: see certbounds.certified.

    >>> from certbounds.symbolic.catalogue import get_statement
    >>> evaluate(get_statement("jl"), {"eps": "0.1", "n1": "1e5", "n2": "1e5"}).quantity("rank").integer
    21713
    """
    binding = bind(statement, values)
    subs = binding.substitution()
    quantities = tuple(_value_of(q, subs, digits) for q in statement.quantities)
    hypotheses = tuple(HypothesisStatus(h.text, str(h.relation), _status(h.relation, subs))
                       for h in statement.hypotheses)
    return Evaluation(statement, dict(binding.values), dict(binding.chosen), quantities,
                      hypotheses, digits)
