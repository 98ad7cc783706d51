"""Certified crossovers: the first point at which one bound beats another.

``crossover(left, right, var)`` finds the first x in [start, stop] with
LEFT(x) < RIGHT(x) and certifies it:

- **integer mode** (default): LEFT < RIGHT is decided with certified
  arithmetic (``certified.decide.compare``) at x, and LEFT >= RIGHT at
  x - 1; the candidate comes from checking ``start``, then an exponential
  search start + 1, start + 2, start + 4, ... and a bisection between the
  last point with LEFT >= RIGHT and the first with LEFT < RIGHT. That x is
  the *first* crossing only if LEFT >= RIGHT on all of [start, x - 1]: this
  is proved with ``certified.prove.prove``; a counterexample (an earlier
  crossing) restarts the bisection below it. With ``prove_beyond``,
  LEFT < RIGHT is also proved (or refuted) on [x, stop].
- **real mode** (``real=True``): the first crossing point is enclosed in
  an exact rational bracket [lower, upper] with LEFT >= RIGHT certified at
  lower and LEFT < RIGHT at upper, narrowed by exact bisection to relative
  width ``tol`` (default 2^-40); LEFT >= RIGHT is proved on [start, lower]
  and LEFT < RIGHT on [upper, stop], so the crossing lies in (lower, upper].

LEFT and RIGHT are sympy expressions or text that may name catalogue
quantities (``budzinskiy2025:thm1.3.rank``; see
``symbolic.references.parse_expression``), with ``bindings`` for the
statements' parameters (``n1=n``, ``eps=0.1``) and ``values`` for exact
values of names left symbolic. The verdicts are never guesses: a point
where the two sides cannot be separated at ``max_prec`` bits is reported
as undecided.

Example (budzinskiy2025 Section 1.3: the JL rank r(n) = ceil(900 log(3n^2))
at eps = 0.1 first drops below n at n = 18695, not 18964 as printed):

>>> c = crossover("jl.rank", "n", "n", bindings={"n1": "n", "n2": "n", "eps": "0.1"},
...               prove_beyond=False)
>>> c.x, c.left_at_x.integer, c.left_before.integer, c.first_certified
(18695, 18694, 18694, True)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Mapping, Optional

import sympy
from flint import fmpq

from ..certified.ball import Ball, decimal_string
from ..certified.decide import TRUE, UNDECIDED, Decision, compare
from ..errors import DomainError, MissingParameterError, ParameterError, UnknownParameterError
from ..symbolic.parsing import parse_number
from ..symbolic.references import free_names, parse_expressions

__all__ = ["Crossover", "crossover", "FOUND", "NONE", "UNDECIDED_POINT"]

#: ``Crossover.status``: a crossing was found; none exists in the range (or
#: none was found up to the search limit); a point could not be decided.
FOUND, NONE, UNDECIDED_POINT = "found", "none", "undecided"
#: Default relative width of the real-mode bracket.
DEFAULT_TOL = Fraction(1, 2 ** 40)
#: An unbounded search doubles the step this many times (x up to about
#: 2^64), then asks the prover whether a crossing exists at all; if the
#: prover cannot tell, it goes on up to 2^MAX_DOUBLINGS.
EARLY_DOUBLINGS = 64
MAX_DOUBLINGS = 2048
#: Real-mode bisection steps at most (the bracket is then 2^-400 of its
#: first width, for crossings at 0 where a relative width cannot be met).
_MAX_BISECTIONS = 400


# ------------------------------------------------------------------ the result
def _exact_text(q) -> str:
    q = _fmpq(q)
    return str(q.p) if q.q == 1 else f"{q.p}/{q.q}"


def _decimal(q, direction: str) -> str:
    """An exact rational as decimal text, rounded outward (exact when short)."""
    q = _fmpq(q)
    num, den = int(q.p), int(q.q)
    down, up = (decimal_string(num, den, d, 17) for d in ("down", "up"))
    return down if down == up else (down if direction == "down" else up)


@dataclass(frozen=True)
class Crossover:
    """The certified answer of ``crossover``.

    ``status`` is "found", "none" or "undecided". When found, ``x`` is the
    crossing (an int; None in real mode) and [``lower``, ``upper``] the
    exact bracket (lower = upper = x in integer mode; in real mode the
    crossing lies in (lower, upper]); ``left_at_x``/``right_at_x`` are the
    certified Balls of both sides at x (real mode: at upper), with
    left < right; ``left_before``/``right_before`` at x - 1 (real mode:
    at lower), with left >= right, or None when x = start.
    ``first_certified`` says whether no earlier point of the range has
    LEFT < RIGHT (``first_proof`` is the proof of LEFT >= RIGHT on
    [start, x - 1], None when that range is empty or was decided point by
    point); ``beyond_proof`` is the proof (or refutation) of LEFT < RIGHT
    on [x, stop]. When none is found, ``first_proof`` is the proof of
    LEFT >= RIGHT on the whole range, if one was attempted. When
    undecided, ``undecided_at`` is the point the arithmetic could not
    decide. ``reason`` explains anything short of a full proof.
    """

    left: sympy.Expr
    right: sympy.Expr
    var: str
    start: object
    stop: object
    real: bool
    status: str
    x: Optional[int] = None
    lower: Optional[fmpq] = None
    upper: Optional[fmpq] = None
    left_at_x: Optional[Ball] = None
    right_at_x: Optional[Ball] = None
    left_before: Optional[Ball] = None
    right_before: Optional[Ball] = None
    first_certified: bool = False
    first_proof: object = None
    beyond_proof: object = None
    undecided_at: object = None
    reason: str = ""

    @property
    def found(self) -> bool:
        return self.status == FOUND

    @property
    def no_crossing_proved(self) -> bool:
        """True when LEFT >= RIGHT was proved on the whole range."""
        return (self.status == NONE and self.first_proof is not None
                and self.first_proof.status == "verified")

    @property
    def beyond_status(self) -> Optional[str]:
        return None if self.beyond_proof is None else self.beyond_proof.status

    def _range_text(self) -> str:
        stop = "inf)" if self.stop is None else f"{_decimal(self.stop, 'up')}]"
        return f"[{_decimal(self.start, 'down')}, {stop}"

    def _where(self) -> str:
        if self.real:
            if self.lower == self.upper:
                return f"{self.var} = {_exact_text(self.lower)}"
            return (f"{self.var} in ({_decimal(self.lower, 'down')}, "
                    f"{_decimal(self.upper, 'up')}]")
        return f"{self.var} = {self.x}"

    def summary(self) -> str:
        """One line: where the crossing is and what is proved about it."""
        head = f"first {self.var} in {self._range_text()} with LEFT < RIGHT"
        if self.status == UNDECIDED_POINT:
            return f"{head}: undecided ({self.reason})"
        if self.status == NONE:
            proved = "proved" if self.no_crossing_proved else "not proved"
            return f"{head}: none ({proved}; {self.reason})" if self.reason else \
                f"{head}: none ({proved})"
        sides = (f"LEFT in {_ball_text(self.left_at_x)} < RIGHT in "
                 f"{_ball_text(self.right_at_x)}")
        if not self.first_certified:
            first = f"first: not certified ({self.reason})"
        elif self.first_proof is None:
            first = "first: certified (no earlier point)" if self.left_before is None else \
                "first: certified (the only earlier point decided)"
        else:
            first = (f"first: proved LEFT >= RIGHT before it ({self.first_proof.boxes} "
                     f"boxes, {self.first_proof.prec} bits)")
        beyond = "" if self.beyond_proof is None else f"; beyond: {self.beyond_proof.status}"
        return f"{head}: {self._where()} ({sides}); {first}{beyond}"

    def __repr__(self) -> str:
        return f"Crossover({self.summary()})"

    def to_json(self) -> dict:
        """A JSON-ready dict: certified numbers as decimal strings
        (``lower``/``upper``, rounded outward), the proofs' own JSON."""
        out = {"left": str(self.left), "right": str(self.right), "var": self.var,
               "mode": "real" if self.real else "integer",
               "start": _exact_text(self.start),
               "stop": None if self.stop is None else _exact_text(self.stop),
               "status": self.status, "found": self.found, "x": self.x}
        if self.lower is not None:
            out["crossing"] = {"lower": _decimal(self.lower, "down"),
                               "upper": _decimal(self.upper, "up"),
                               "lower_exact": _exact_text(self.lower),
                               "upper_exact": _exact_text(self.upper)}
        for name in ("left_at_x", "right_at_x", "left_before", "right_before"):
            ball = getattr(self, name)
            out[name] = None if ball is None else ball.to_json()
        out["first_certified"] = self.first_certified
        out["first_proof"] = None if self.first_proof is None else self.first_proof.to_json()
        out["beyond_proof"] = None if self.beyond_proof is None else self.beyond_proof.to_json()
        if self.status == NONE:
            out["no_crossing_proved"] = self.no_crossing_proved
        if self.undecided_at is not None:
            out["undecided_at"] = _exact_text(self.undecided_at)
        out["reason"] = self.reason
        out["summary"] = self.summary()
        return out


def _ball_text(ball: Ball) -> str:
    if ball.integer is not None:
        return str(ball.integer)
    if ball.lower == ball.upper:
        return ball.lower
    return f"[{ball.lower}, {ball.upper}]"


# ------------------------------------------------------------------ inputs
def _exact(value, what: str, integer: bool):
    """An exact bound: an int (integer mode) or a Fraction (real mode)."""
    if isinstance(value, float):
        raise DomainError(f"{what}: pass {value!r} as text or a Fraction, not a float")
    if isinstance(value, fmpq):
        q = Fraction(int(value.p), int(value.q))
    elif isinstance(value, Fraction):
        q = value
    else:
        v = parse_number(value) if isinstance(value, str) else sympy.sympify(value)
        if v.is_infinite:
            raise DomainError(f"{what} must be finite (leave the end out for an unbounded "
                              "range)")
        if not v.is_Rational:
            raise DomainError(f"{what} must be an exact number, got {value}")
        q = Fraction(int(v.p), int(v.q))
    if integer:
        if q.denominator != 1:
            raise DomainError(f"{what} = {value} is not an integer (use --real for a real "
                              "variable)")
        return int(q)
    return q


def _stop(value, integer: bool):
    if value is None:
        return None
    if isinstance(value, str) and value.strip().lower() in ("inf", "+inf", "oo", "infinity"):
        return None
    return _exact(value, "the end of the range", integer)


def _prepare(left, right, var: str, bindings, values):
    """The two sides as sympy expressions; checks that the variable occurs,
    that nothing else is left free, and that every binding is used."""
    if not isinstance(var, str) or not var.isidentifier():
        raise ParameterError(f"the variable must be a plain name, got {var!r}")
    (L, R), used = parse_expressions([left, right], variables=[var], bindings=bindings)
    L, R = _plain_symbols(L), _plain_symbols(R)
    unused = sorted(set(bindings or {}) - used - set(values or {}))
    if unused:
        raise UnknownParameterError(f"{', '.join(unused)} occur(s) in neither side "
                                    f"(names in use: {', '.join(_all_names(L, R)) or 'none'})")
    names = set(_all_names(L, R))
    if var not in names:
        raise ParameterError(f"the variable {var} occurs in neither side")
    missing = sorted(names - {var} - {str(k) for k in (values or {})})
    if missing:
        raise MissingParameterError(f"missing parameter(s) {', '.join(missing)}: give them "
                                    "as name=value")
    exact_values = {}
    for name, value in (values or {}).items():
        if str(name) == var:
            raise ParameterError(f"{var} is the variable; it cannot also be given a value")
        v = parse_number(value) if isinstance(value, str) else sympy.sympify(value)
        if not v.is_Rational:
            raise DomainError(f"the value of {name} must be an exact rational, got {value}")
        exact_values[str(name)] = v
    return L, R, exact_values


def _plain_symbols(expr):
    """Every free symbol as the plain real symbol of its name (a sympy
    expression from a catalogue carries assumptions; the decisions and the
    prover look values up by plain names)."""
    subs = {s: sympy.Symbol(s.name, real=True) for s in expr.free_symbols
            if s != sympy.Symbol(s.name, real=True)}
    return expr.xreplace(subs) if subs else expr


def _all_names(L, R) -> list:
    return sorted(set(free_names(L)) | set(free_names(R)))


# ------------------------------------------------------------------ the search
class _Search:
    """Certified decisions of LEFT < RIGHT at exact points, and the
    searches built on them."""

    def __init__(self, L, R, var, values, max_prec, real, tol):
        self.L, self.R, self.var = L, R, var
        self.values = values
        self.max_prec = max_prec
        self.real = real
        self.tol = tol

    def decide(self, point) -> Decision:
        values = dict(self.values)
        values[self.var] = sympy.Rational(point.numerator, point.denominator) \
            if isinstance(point, Fraction) else sympy.Integer(point)
        return compare(self.L, self.R, "<", values=values, max_prec=self.max_prec)

    def scan(self, start, stop, doublings: range):
        """Exponential search from start (where LEFT >= RIGHT) at the
        points start + 2^k, k in ``doublings`` (clipped to stop): returns
        ("hit", point, decision), ("last", point, decision) at the end of
        the range or of the doublings, or ("undecided", point, decision)."""
        lo, dlo = start, None
        for k in doublings:
            p = start + 2 ** k
            if stop is not None and p >= stop:
                p = stop
            d = self.decide(p)
            if d.status == TRUE:
                return "hit", p, d
            if d.status == UNDECIDED:
                return "undecided", p, d
            lo, dlo = p, d
            if stop is not None and p == stop:
                break
        return "last", lo, dlo

    def narrow(self, lo, dlo, hi, dhi):
        """Bisect [lo, hi] (LEFT >= RIGHT at lo, < at hi) down to
        neighbouring integers, or to the relative width ``tol``. Returns
        (lo, dlo, hi, dhi, None) or (..., undecided point)."""
        for _ in range(_MAX_BISECTIONS if self.real else 10 ** 6):
            if self._narrow_enough(lo, hi):
                break
            for mid in self._midpoints(lo, hi):
                d = self.decide(mid)
                if d.status != UNDECIDED:
                    break
            else:
                return lo, dlo, hi, dhi, mid
            if d.status == TRUE:
                hi, dhi = mid, d
            else:
                lo, dlo = mid, d
        return lo, dlo, hi, dhi, None

    def _narrow_enough(self, lo, hi) -> bool:
        if not self.real:
            return hi - lo <= 1
        return hi - lo <= self.tol * max(abs(lo), abs(hi))

    def _midpoints(self, lo, hi):
        """The midpoint, and two fallbacks for a point the arithmetic
        cannot decide (an exact tie that sympy cannot prove)."""
        if not self.real:
            mid = (lo + hi) // 2
            return [p for p in (mid, mid + 1, mid - 1) if lo < p < hi] or [mid]
        return [(lo + hi) / 2, (2 * lo + hi) / 3, (lo + 2 * hi) / 3]

    def prove(self, relation, lo, hi, max_boxes):
        from ..certified.exact import INF
        from ..certified.prove import Range, prove

        end = INF if hi is None else _fmpq(hi)
        ranges = {self.var: Range(_fmpq(lo), end, integer=not self.real)}
        return prove(relation(self.L, self.R, evaluate=False), ranges, values=self.values,
                     max_boxes=max_boxes, max_prec=self.max_prec)

    def counterexample(self, proof):
        """The counterexample of a refuted proof as an int or Fraction."""
        q = proof.counterexample[self.var]
        q = q if isinstance(q, fmpq) else fmpq(q)
        return int(q.p) if not self.real else Fraction(int(q.p), int(q.q))


def _fmpq(v) -> fmpq:
    if isinstance(v, fmpq):
        return v
    if isinstance(v, Fraction):
        return fmpq(v.numerator, v.denominator)
    return fmpq(v)


def crossover(left, right, var: str, *, start=1, stop=None, real: bool = False,
              values: Optional[Mapping] = None, bindings: Optional[Mapping] = None,
              max_prec: int = 1024, prove_beyond: bool = True, max_boxes: int = 20000,
              tol=None) -> Crossover:
    """The first ``var`` in [start, stop] at which LEFT < RIGHT, certified
    (see the module docstring for the method).

    ``left``/``right``: text (``"budzinskiy2025:thm1.3.rank"``,
    ``"n"``, ``"x**2"``) or sympy expressions; ``var``: the variable's
    name; ``start``/``stop``: exact ends (ints in integer mode; ``stop``
    None or "inf" for an unbounded range); ``real``: enclose a real
    crossing instead of finding an integer one; ``bindings``: statement
    parameters and names as text or expressions (``{"n1": "n",
    "eps": "0.1"}``), substituted symbolically; ``values``: exact values
    of names left symbolic; ``max_prec``: precision cap in bits;
    ``prove_beyond``: also prove LEFT < RIGHT from the crossing on;
    ``max_boxes``: the prover's budget per proof; ``tol``: the real-mode
    relative width (default 2^-40).

    Raises UnknownStatementError, ParameterError (the variable does not
    occur, a binding is unused), MissingParameterError (a name other than
    the variable is left free), DomainError (bad range) and
    MalformedNumberError (text that does not parse).
    """
    L, R, exact_values = _prepare(left, right, var, bindings, values)
    first = _exact(start, "the start of the range", not real)
    last = _stop(stop, not real)
    if last is not None and last < first:
        raise DomainError(f"empty range: start {first} > end {last}")
    if max_prec < 64:
        raise DomainError(f"max_prec must be at least 64 bits, got {max_prec}")
    tol = DEFAULT_TOL if tol is None else Fraction(_exact(tol, "tol", False))
    if real and not 0 < tol < 1:
        raise DomainError(f"tol must lie in (0, 1), got {tol}")
    search = _Search(L, R, var, exact_values, max_prec, real, tol)
    base = dict(left=L, right=R, var=var, start=first, stop=last, real=real)
    options = dict(max_boxes=max_boxes, prove_beyond=prove_beyond)

    d0 = search.decide(first)
    if d0.status == UNDECIDED:
        return _undecided(base, first, d0)
    if d0.status == TRUE:
        return _found(search, base, first, d0, None, None, True, None, "", **options)
    found = _search(search, base, first, last, max_boxes)
    if isinstance(found, Crossover):
        return found
    point, decision = found
    return _first_crossing(search, base, first, d0, point, decision, **options)


def _search(search, base, first, last, max_boxes):
    """A point with LEFT < RIGHT certified, as (point, decision), found by
    the exponential search or, when it finds none, as the counterexample
    of a failed proof of LEFT >= RIGHT on the whole range; or the final
    Crossover when there is none or a point is undecided. An unbounded
    range is searched up to start + 2^EARLY_DOUBLINGS, then the prover is
    asked, then the search goes on to start + 2^MAX_DOUBLINGS."""
    if last is not None:  # the doublings reach the end of the range
        stages = [range(0, int(math.ceil(last - first)).bit_length() + 1)]
    else:
        stages = [range(0, EARLY_DOUBLINGS + 1), range(EARLY_DOUBLINGS + 1, MAX_DOUBLINGS + 1)]
    proof = None
    for doublings in stages:
        kind, point, decision = search.scan(first, last, doublings)
        if kind == "undecided":
            return _undecided(base, point, decision)
        if kind == "hit":
            return point, decision
        if proof is None:
            proof = search.prove(sympy.Ge, first, last, max_boxes)
            if proof.status == "verified":
                return Crossover(**base, status=NONE, first_proof=proof,
                                 reason="LEFT >= RIGHT on the whole range: verified")
            if proof.status == "refuted":
                point = search.counterexample(proof)
                decision = search.decide(point)
                if decision.status != TRUE:  # the prover certified it: cannot happen
                    return _undecided(base, point, decision)
                return point, decision
    where = "in the range" if last is not None else \
        f"up to {base['var']} = {first} + 2^{MAX_DOUBLINGS}"
    return Crossover(**base, status=NONE, first_proof=proof,
                     reason=f"no crossing found {where}; LEFT >= RIGHT on the whole range is "
                            f"undecided: {proof.reason}")


def _first_crossing(search, base, first, d0, hi, dhi, *, max_boxes, prove_beyond):
    """Bisect down to the crossing, then prove it is the first; an earlier
    crossing found by the prover restarts the bisection below it."""
    lo, dlo = first, d0
    while True:
        lo, dlo, hi, dhi, stuck = search.narrow(lo, dlo, hi, dhi)
        if stuck is not None:
            return _undecided(base, stuck, search.decide(stuck))
        if lo == first:  # nothing between start and the crossing to prove
            return _found(search, base, hi, dhi, lo, dlo, True, None, "",
                          max_boxes=max_boxes, prove_beyond=prove_beyond)
        proof = search.prove(sympy.Ge, first, lo, max_boxes)
        if proof.status == "verified":
            return _found(search, base, hi, dhi, lo, dlo, True, proof, "",
                          max_boxes=max_boxes, prove_beyond=prove_beyond)
        if proof.status == "undecided":
            return _found(search, base, hi, dhi, lo, dlo, False, proof,
                          f"LEFT >= RIGHT before the crossing is undecided: {proof.reason}",
                          max_boxes=max_boxes, prove_beyond=prove_beyond)
        earlier = search.counterexample(proof)
        decision = search.decide(earlier)
        if decision.status != TRUE:  # the prover certified it: cannot happen
            return _undecided(base, earlier, decision)
        if earlier == first:
            return _found(search, base, first, decision, None, None, True, None, "",
                          max_boxes=max_boxes, prove_beyond=prove_beyond)
        lo, dlo, hi, dhi = first, d0, earlier, decision


def _found(search, base, x, dx, before, dbefore, first_certified, first_proof, reason, *,
           max_boxes, prove_beyond) -> Crossover:
    beyond = None
    if prove_beyond:
        beyond = search.prove(sympy.Lt, x, base["stop"], max_boxes)
    real = base["real"]
    q = _fmpq(x)
    return Crossover(**base, status=FOUND, x=None if real else int(x),
                     lower=_fmpq(before) if real and before is not None else q, upper=q,
                     left_at_x=dx.left, right_at_x=dx.right,
                     left_before=None if dbefore is None else dbefore.left,
                     right_before=None if dbefore is None else dbefore.right,
                     first_certified=first_certified, first_proof=first_proof,
                     beyond_proof=beyond, reason=reason)


def _undecided(base, point, decision) -> Crossover:
    return Crossover(**base, status=UNDECIDED_POINT, undecided_at=_fmpq(point),
                     left_at_x=decision.left, right_at_x=decision.right,
                     reason=f"LEFT < RIGHT is undecided at {base['var']} = "
                            f"{_exact_text(_fmpq(point))} even at {decision.prec} bits "
                            f"(LEFT in {_ball_text(decision.left)}, RIGHT in "
                            f"{_ball_text(decision.right)})")
