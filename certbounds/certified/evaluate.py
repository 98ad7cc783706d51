"""Certified evaluation of a catalogue statement.

``evaluate(statement, values)`` binds the user's exact values (domains,
constraints, and the rules for parameters left out, whose ceilings are
decided with certified arithmetic), then encloses every quantity in a
``Ball`` at rising precision and decides every hypothesis as
holds/fails/undecided. A statement's expressions are compiled once
(``compiled_statement``) and reused for every call.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping

import sympy
from flint import arb, ctx, fmpq

from ..errors import DomainError, UndecidedError
from ..symbolic.evaluate import bind, evaluation_json
from ..symbolic.statement import Statement
from .ball import DEFAULT_ACCURACY, DEFAULT_MAX_PREC, Ball, enclose
from .exact import Infinity, from_sympy
from .expression import Env, compile_expression

__all__ = ["CertifiedQuantity", "CertifiedHypothesis", "CertifiedEvaluation",
           "evaluate", "compiled_statement", "certified_rule", "HOLDS", "FAILS", "UNDECIDED"]

HOLDS, FAILS, UNDECIDED = "holds", "fails", "undecided"
_HEADROOM = 30


@dataclass(frozen=True)
class CompiledStatement:
    quantities: tuple   # (Quantity, Compiled)
    hypotheses: tuple   # (Hypothesis, Compiled, relation text)


@lru_cache(maxsize=None)
def compiled_statement(statement: Statement) -> CompiledStatement:
    """The statement's quantities and hypotheses, compiled once."""
    return CompiledStatement(
        tuple((q, compile_expression(q.expr)) for q in statement.quantities),
        tuple((h, compile_expression(h.relation), str(h.relation))
              for h in statement.hypotheses))


@lru_cache(maxsize=1024)
def _compiled_rule(expr):
    return compile_expression(expr)


def _env_values(known: Mapping) -> tuple[dict, dict]:
    """Run-time values (fmpq, INF/NEG_INF, Lambda) and the sympy values
    (rationals only) for symbolic decisions."""
    values, rationals = {}, {}
    for symbol, value in known.items():
        if isinstance(value, sympy.Lambda):
            values[symbol] = value
            continue
        value = sympy.sympify(value)
        values[symbol] = from_sympy(value)
        if value.is_Rational:
            rationals[symbol] = value
    return values, rationals


def certified_rule(expr, known: Mapping, *, max_prec: int = DEFAULT_MAX_PREC):
    """The exact value of a rule (e.g. t = ceiling(M R^2 sigma e^2), the
    smallest admissible t of budzinskiy2025 Thm 3.8) with its ceilings
    decided by certified arithmetic. Returns a sympy Rational.

    Raises UndecidedError when the value is not certified exact at the
    precision cap.
    """
    compiled = _compiled_rule(expr)
    values, rationals = _env_values(known)
    prec = DEFAULT_ACCURACY + _HEADROOM
    while True:
        with ctx.workprec(prec):
            value = compiled(Env(values, prec, rationals))
        if isinstance(value, fmpq):
            return sympy.Rational(int(value.p), int(value.q))
        if isinstance(value, arb) and value.is_exact() and value.is_finite():
            z = value.unique_fmpz()
            if z is not None:
                return sympy.Integer(int(z))
        if prec >= max_prec:
            raise UndecidedError(f"the default {expr} is not decided at {max_prec} bits: "
                                 f"{value} (give the parameter explicitly)")
        prec *= 2


@dataclass(frozen=True)
class CertifiedQuantity:
    """A quantity of a statement and its certified enclosure."""

    name: str
    kind: str
    meaning: str
    ball: Ball

    @property
    def integer(self):
        """The certified integer value, or None."""
        return self.ball.integer

    def to_json(self) -> dict:
        out = {"kind": self.kind, "meaning": self.meaning}
        out.update(self.ball.to_json())
        out["certified"] = True
        return out


@dataclass(frozen=True)
class CertifiedHypothesis:
    """A hypothesis and its certified status (holds/fails/undecided), with
    the working precision that decided it."""

    text: str
    relation: str
    status: str
    prec: int

    def to_json(self) -> dict:
        return {"text": self.text, "relation": self.relation, "status": self.status,
                "prec": self.prec}


@dataclass(frozen=True)
class CertifiedEvaluation:
    """The result of ``evaluate``: exact inputs, chosen defaults, a Ball per
    quantity and a certified status per hypothesis."""

    statement: Statement
    parameters: dict
    chosen: dict
    quantities: tuple
    hypotheses: tuple
    accuracy: int
    max_prec: int

    def quantity(self, name: str) -> CertifiedQuantity:
        for q in self.quantities:
            if q.name == name:
                return q
        raise KeyError(name)

    def __getitem__(self, name: str) -> Ball:
        return self.quantity(name).ball

    def __repr__(self) -> str:
        values = ", ".join(f"{q.name}={q.ball!r}" for q in self.quantities)
        return f"<CertifiedEvaluation {self.statement.id}: {values}>"

    def to_json(self) -> dict:
        return evaluation_json(self, f"certified: Arb balls (python-flint), requested relative "
                                     f"accuracy 2^-{self.accuracy}, precision cap "
                                     f"{self.max_prec} bits")


def _enclose_quantity(compiled, values, rationals, *, accuracy, max_prec, integer) -> Ball:
    infinite = []

    def compute(prec):
        value = compiled(Env(values, prec, rationals, accuracy=accuracy))
        if isinstance(value, Infinity):
            infinite.append(value)
            return fmpq(0)
        if isinstance(value, (bool, type(None))) or not isinstance(value, (arb, fmpq)):
            raise DomainError(f"{compiled.expr} is not a number")
        return value

    done = (lambda b: b.is_exact()) if integer else None
    ball = enclose(compute, accuracy=accuracy, max_prec=max_prec, done=done)
    if infinite:
        value = arb.pos_inf() if infinite[-1].sign > 0 else arb.neg_inf()
        return Ball(value, None, ball.prec, max_prec, accuracy, True)
    if integer and ball.exact is None and ball.integer is None:
        return Ball(ball.value, None, ball.prec, max_prec, accuracy, False)
    return ball


def _decide(compiled, values, rationals, *, accuracy, max_prec) -> tuple[str, int]:
    prec = accuracy + _HEADROOM
    while True:
        with ctx.workprec(prec):
            result = compiled(Env(values, prec, rationals, accuracy=accuracy))
        if result is not None:
            return (HOLDS if result else FAILS), prec
        if prec >= max_prec:
            return UNDECIDED, prec
        prec = min(2 * prec, max_prec)


def evaluate(statement: Statement, values: Mapping[str, object], *,
             accuracy: int = DEFAULT_ACCURACY, max_prec: int = DEFAULT_MAX_PREC
             ) -> CertifiedEvaluation:
    """Certified values of every quantity of ``statement`` at ``values``,
    and the status of each hypothesis (holds/fails/undecided).

    Values are parsed exactly (``"0.1"`` is 1/10). Each quantity is a Ball
    whose relative width is below 2**-accuracy unless the precision cap
    ``max_prec`` was reached first (then ``ball.accurate`` is False); a
    rank is an exact integer (``ball.integer``) once certified.

    Raises the errors of ``bind`` (unknown/missing parameters, domains,
    constraints), DomainError where a quantity is undefined, and
    UndecidedError where a default cannot be certified.

    >>> from certbounds.symbolic.catalogue import get_statement
    >>> ev = evaluate(get_statement("jl"), {"eps": "0.1", "n1": "1e5", "n2": "1e5"})
    >>> ev["rank"].integer   # budzinskiy2025 Section 1.3: 21713
    21713
    """
    if accuracy < 1 or max_prec < accuracy:
        raise DomainError(f"need 1 <= accuracy <= max_prec, got accuracy={accuracy}, "
                          f"max_prec={max_prec}")
    binding = bind(statement, values,
                   rule_evaluator=lambda expr, known: certified_rule(expr, known,
                                                                     max_prec=max_prec))
    run_values, rationals = _env_values(binding.substitution())
    compiled = compiled_statement(statement)
    quantities = tuple(
        CertifiedQuantity(q.name, q.kind, q.meaning,
                          _enclose_quantity(c, run_values, rationals, accuracy=accuracy,
                                            max_prec=max_prec,
                                            integer=q.expr.is_integer is True))
        for q, c in compiled.quantities)
    hypotheses = tuple(
        CertifiedHypothesis(h.text, text,
                            *_decide(c, run_values, rationals, accuracy=accuracy,
                                     max_prec=max_prec))
        for h, c, text in compiled.hypotheses)
    return CertifiedEvaluation(statement, dict(binding.values), dict(binding.chosen),
                               quantities, hypotheses, accuracy, max_prec)
