"""Certified proofs of inequalities over boxes of real or integer variables.

``prove(relation, ranges)`` decides "RELATION holds at every point of the
box" for a sympy inequality (``<``, ``<=``, ``>``, ``>=``) in one or more
variables, each ranging over an interval of reals or integers; ranges may
be unbounded ("for all M > 1.597", "for all n >= 1") and may have open
ends. The answer is

- ``verified``: every box of a finite cover was decided by an enclosure
  (the box count and the highest precision used are reported);
- ``refuted``: a point of the box (exact rationals, integers for integer
  variables) where the relation fails, certified by enclosures of both
  sides at that point;
- ``undecided``: the budget of boxes or the precision cap ran out, or a
  route needed a fact that could not be decided; the reason says which.

It is never a guess. The routes, in the order tried on each box:

1. **enclosure**: f = (the side claimed larger) - (the other side) is
   enclosed over the box, with Arb balls (``expression.compile_expression``)
   on finite boxes and with extended interval arithmetic with open ends
   (``intervals.interval_evaluate``) on unbounded ones; if the enclosure is
   > 0 (>= 0 for a non-strict relation) the box is proved, if it is
   certainly on the wrong side a point of it is a counterexample;
2. **point test**: a point of the box is evaluated at rising precision; a
   certified failure there refutes the claim at once;
3. **monotonicity**: for a variable x with dF/dx >= 0 on the box (proved by
   enclosure, or on an unbounded box by a recursive ``prove``), F is least
   on the face x = lo, so that face replaces the box (likewise x = hi for
   dF/dx <= 0); on [lo, oo) with dF/dx <= 0 the limit of F as x -> oo
   bounds F below (evaluated at the point at infinity by interval
   arithmetic, or else by sympy's ``limit``: the evidence says so);
4. **bisection**: the box is split along its widest side (geometrically
   for ranges spanning orders of magnitude; an unbounded side is split at a
   finite point, the tail stays unbounded).

On unbounded boxes each ceiling(u) is relaxed to u + theta and floor(u) to
u - theta with a new variable theta in [0, 1]: if the relaxed inequality
holds for every theta it holds for the true ceilings, and the relaxed
expression can be differentiated. Counterexamples are always certified on
the original expression.
"""

from __future__ import annotations

import itertools
import re
from collections import deque
from dataclasses import dataclass, field, replace
from typing import Mapping, Optional

import sympy
from flint import arb, ctx, fmpq

from ..errors import CertboundsError, DomainError, MalformedNumberError
from ..symbolic.parsing import parse_number
from ..symbolic.references import parse_relation
from .decide import _ball, compare
from .exact import INF, NEG_INF, Infinity, from_sympy, to_fmpq
from .expression import Env, compile_expression

__all__ = ["Range", "ProofResult", "prove", "VERIFIED", "REFUTED", "UNDECIDED", "INF",
           "NEG_INF"]

VERIFIED, REFUTED, UNDECIDED = "verified", "refuted", "undecided"
_START_PREC = 64
_DEFAULT_MAX_BOXES = 10_000
_DEFAULT_MAX_PREC = 1024


# ------------------------------------------------------------------ ranges
def _exact(v):
    if isinstance(v, Infinity):
        return v
    if isinstance(v, str):
        return from_sympy(parse_number(v))
    if isinstance(v, sympy.Basic):
        return from_sympy(v)
    return to_fmpq(v)


def _ceil_q(q: fmpq) -> fmpq:
    return fmpq(-((-q.p) // q.q))


def _floor_q(q: fmpq) -> fmpq:
    return fmpq(q.p // q.q)


def _text(v) -> str:
    if isinstance(v, Infinity):
        return str(v)
    return str(v) if v.q == 1 else f"{v.p}/{v.q}"


@dataclass(frozen=True)
class Range:
    """An interval of reals, or of integers (``integer=True``), with exact
    ends: rationals (int, fmpq, sympy Rational, or text such as "1.597")
    or the infinities ``INF``/``NEG_INF`` (``"inf"``/``"-inf"``). Open ends
    (``lo_open``/``hi_open``) exclude the endpoint; an infinite end is
    always open. An integer range is normalised to its closed integer
    bounds.

    Raises DomainError for an empty range.

    >>> Range.parse("(1.597, inf)")
    Range((1597/1000, inf))
    >>> Range("1/2", 7, integer=True)
    Range({1, ..., 7})
    """

    lo: object
    hi: object
    integer: bool = False
    lo_open: bool = False
    hi_open: bool = False

    def __post_init__(self):
        lo, hi = _exact(self.lo), _exact(self.hi)
        lo_open = bool(self.lo_open) or isinstance(lo, Infinity)
        hi_open = bool(self.hi_open) or isinstance(hi, Infinity)
        if isinstance(lo, Infinity) and lo.sign > 0 or isinstance(hi, Infinity) and hi.sign < 0:
            raise DomainError("a range cannot start at +inf or end at -inf")
        if self.integer:
            if isinstance(lo, fmpq):
                lo = _floor_q(lo) + 1 if lo_open and lo.q == 1 else _ceil_q(lo)
                lo_open = False
            if isinstance(hi, fmpq):
                hi = _ceil_q(hi) - 1 if hi_open and hi.q == 1 else _floor_q(hi)
                hi_open = False
        object.__setattr__(self, "lo", lo)
        object.__setattr__(self, "hi", hi)
        object.__setattr__(self, "lo_open", lo_open)
        object.__setattr__(self, "hi_open", hi_open)
        if isinstance(lo, fmpq) and isinstance(hi, fmpq):
            if hi < lo or (hi == lo and (lo_open or hi_open)):
                raise DomainError(f"empty range {self}")

    @classmethod
    def parse(cls, text: str, *, integer: bool = False) -> "Range":
        """A range from text: ``[a, b]``, ``(a, b]``, ``[1, inf)``,
        ``(1.597, inf)``; numbers are exact. ``a..b`` is the closed integer
        range."""
        if isinstance(text, Range):
            return text
        if not isinstance(text, str):
            raise MalformedNumberError(f"expected a range as text, got {text!r}")
        s = text.strip()
        m = re.fullmatch(r"([^.\s][^\s]*?)\s*\.\.\s*([^\s]+)", s)
        if m and not s.startswith(("[", "(")):
            return cls(m.group(1), m.group(2), integer=True)
        m = re.fullmatch(r"([\[(])\s*([^,]+?)\s*,\s*([^,]+?)\s*([\])])", s)
        if not m:
            raise MalformedNumberError(f"malformed range {text!r} (expected e.g. [1, inf) or "
                                       "(1.597, 10])")
        return cls(m.group(2), m.group(3), integer=integer, lo_open=m.group(1) == "(",
                   hi_open=m.group(4) == ")")

    @property
    def is_finite(self) -> bool:
        return isinstance(self.lo, fmpq) and isinstance(self.hi, fmpq)

    @property
    def is_point(self) -> bool:
        return self.is_finite and self.lo == self.hi

    def __contains__(self, x) -> bool:
        x = _exact(x)
        if self.integer and (not isinstance(x, fmpq) or x.q != 1):
            return False
        above = _gt(x, self.lo) or (not self.lo_open and x == self.lo)
        below = _gt(self.hi, x) or (not self.hi_open and x == self.hi)
        return bool(above and below)

    def __str__(self) -> str:
        if self.integer:
            return f"{{{_text(self.lo)}, ..., {_text(self.hi)}}}"
        return (("(" if self.lo_open else "[") + f"{_text(self.lo)}, {_text(self.hi)}"
                + (")" if self.hi_open else "]"))

    def __repr__(self) -> str:
        return f"Range({self})"

    def to_json(self) -> dict:
        return {"lo": _text(self.lo), "hi": _text(self.hi), "integer": self.integer,
                "lo_open": self.lo_open, "hi_open": self.hi_open}


def _gt(a, b) -> bool:
    """a > b for exact values (rationals or infinities)."""
    sa = a.sign if isinstance(a, Infinity) else 0
    sb = b.sign if isinstance(b, Infinity) else 0
    if sa or sb:
        return sa > sb
    return a > b


# ------------------------------------------------------------------ results
@dataclass(frozen=True)
class ProofResult:
    """The certified answer of ``prove``: ``status`` (verified, refuted,
    undecided); ``boxes`` examined and the highest working ``prec``;
    ``counterexample`` (name -> exact value) with ``sides`` (the Balls of
    the larger-claimed and smaller-claimed sides there) when refuted;
    ``reason`` when undecided; ``routes`` (which routes the proof used)."""

    status: str
    relation: sympy.Basic
    ranges: dict
    boxes: int
    prec: int
    counterexample: Optional[dict] = None
    sides: Optional[tuple] = None
    reason: str = ""
    routes: tuple = ()

    def summary(self) -> str:
        where = ", ".join(f"{k} in {v}" for k, v in self.ranges.items())
        if self.status == VERIFIED:
            how = ", ".join(self.routes) or "enclosure"
            return (f"verified for all {where} ({self.boxes} boxes, {self.prec} bits; "
                    f"{how})")
        if self.status == REFUTED:
            point = ", ".join(f"{k} = {_text(v)}" for k, v in self.counterexample.items())
            a, b = self.sides
            return (f"refuted at {point}: sides in [{a.lower}, {a.upper}] and "
                    f"[{b.lower}, {b.upper}]")
        return f"undecided for {where}: {self.reason}"

    def __repr__(self) -> str:
        return f"ProofResult({self.status}: {self.summary()})"

    def to_json(self) -> dict:
        out = {"status": self.status, "relation": str(self.relation),
               "ranges": {k: v.to_json() for k, v in self.ranges.items()},
               "boxes": self.boxes, "prec": self.prec, "routes": list(self.routes),
               "summary": self.summary()}
        if self.counterexample is not None:
            out["counterexample"] = {k: _text(v) for k, v in self.counterexample.items()}
            out["sides"] = [s.to_json() for s in self.sides]
        if self.reason:
            out["reason"] = self.reason
        return out


class _Refuted(Exception):
    def __init__(self, point, sides, prec):
        super().__init__()
        self.point, self.sides, self.prec = point, sides, prec


# ------------------------------------------------------------------ the goal
_RELATIONS = {sympy.StrictGreaterThan: (False, True), sympy.GreaterThan: (False, False),
              sympy.StrictLessThan: (True, True), sympy.LessThan: (True, False)}


def _parse_relation(relation):
    if isinstance(relation, str):
        return parse_relation(relation)
    if isinstance(relation, bool) or relation in (sympy.true, sympy.false):
        # sympy evaluated a constant relation (3 > 2): 0 >= 0 holds, 0 > 0 fails
        holds = bool(relation)
        return (sympy.Ge if holds else sympy.Gt)(sympy.Integer(0), sympy.Integer(0),
                                                 evaluate=False)
    return relation


@dataclass
class _Goal:
    """f = big - small must be > 0 (strict) or >= 0 on every box."""

    big: sympy.Expr
    small: sympy.Expr
    strict: bool
    variables: tuple          # symbols, in the order of the ranges
    values: dict              # other symbols -> fmpq
    rationals: dict           # other symbols -> sympy Rational

    def __post_init__(self):
        self.f = self.big - self.small
        self.compiled_f = compile_expression(self.f)
        self.compiled_sides = (compile_expression(self.big), compile_expression(self.small))
        self._derivatives = {}
        self._relaxed = None
        self._sub_goals = {}
        self.zero_at = {}
        self.log_goal = None
        self.relaxed_goal = None

    def derivative(self, symbol):
        """(dF/ds, its compiled form, -dF/ds, its compiled form), or None
        when F is not differentiable in s in a form we can enclose
        (ceilings, Max)."""
        if symbol not in self._derivatives:
            try:
                # factorials as gamma functions: d/dn log(n!) is then digamma(n + 1)
                f = self.f.replace(sympy.factorial, lambda a: sympy.gamma(a + 1))
                d = sympy.diff(f, symbol)
                if d.has(sympy.Derivative, sympy.Subs, sympy.Heaviside, sympy.DiracDelta,
                         sympy.sign):
                    raise DomainError("not differentiable")
                d = _tidy(d)
                out = (d, compile_expression(d), -d, compile_expression(-d))
            except (CertboundsError, TypeError, ValueError, NotImplementedError):
                out = None
            self._derivatives[symbol] = out
        return self._derivatives[symbol]

    def sub_goal(self, expr, strict: bool) -> "_Goal":
        """The goal expr >= 0 (> 0 if strict) in the same variables, made
        once (its derivatives are then computed once too)."""
        key = (expr, strict)
        if key not in self._sub_goals:
            self._sub_goals[key] = _Goal(expr, sympy.Integer(0), strict, self.variables,
                                         self.values, self.rationals)
        return self._sub_goals[key]

    def relaxed(self):
        """(f with each ceiling/floor relaxed by a theta in [0, 1], the thetas)."""
        if self._relaxed is None:
            counter = itertools.count()
            thetas = []

            def relax(e):
                if isinstance(e, (sympy.ceiling, sympy.floor)):
                    inner = relax(e.args[0])
                    theta = sympy.Symbol(f"_theta{next(counter)}", real=True)
                    thetas.append(theta)
                    return inner + theta if isinstance(e, sympy.ceiling) else inner - theta
                if e.args and not e.is_Atom:
                    return e.func(*[relax(a) for a in e.args])
                return e

            f = relax(self.big - self.small)
            self._relaxed = (f, tuple(thetas))
        return self._relaxed


def _tidy(expr):
    """A cheaper-to-enclose form of a derivative (rational functions
    cancelled: 1/(n(n+1)**2) encloses to (0, c] where its expanded form
    would straddle 0)."""
    try:
        if expr.has(sympy.gamma):
            expr = sympy.gammasimp(expr)
        t = sympy.cancel(sympy.together(expr))
        return t if sympy.count_ops(t) <= 2 * sympy.count_ops(expr) + 4 else expr
    except Exception:  # sympy can fail on special functions: keep the original
        return expr


# ------------------------------------------------------------------ evaluation
def _ball_of(r: Range, prec: int) -> arb:
    lo, hi = arb(r.lo), arb(r.hi)
    return lo if r.lo == r.hi else lo.union(hi)


def _box_sign(goal: _Goal, box: dict, prec: int, *, expr_compiled=None, expr=None,
              strict=None):
    """(+1 proved, -1 certainly on the wrong side everywhere, None) for the
    goal's f (or another expression) over the box: Arb balls first on a
    finite box (fast, every head), then interval arithmetic with exact
    endpoints (it keeps a bound of exactly 0 at a box's end, where a ball's
    rounded radius would straddle 0)."""
    strict = goal.strict if strict is None else strict
    if all(r.is_finite for r in box.values()):
        sign = _ball_sign(goal, box, prec, expr_compiled or goal.compiled_f, strict)
        if sign is not None:
            return sign
    return _interval_sign(goal, box, prec, goal.f if expr is None else expr, strict)


def _ball_sign(goal: _Goal, box: dict, prec: int, compiled, strict: bool):
    with ctx.workprec(prec):
        values = dict(goal.values)
        values.update({s: (r.lo if r.is_point else _ball_of(r, prec)) for s, r in box.items()})
        try:
            v = compiled(Env(values, prec, dict(goal.rationals)))
        except CertboundsError:
            return None
        return _sign_of_ball(v, strict)


def _interval_sign(goal: _Goal, box: dict, prec: int, expr, strict: bool):
    from .intervals import Interval, interval_evaluate

    ibox = {s: _interval_of(r, Interval) for s, r in box.items()}
    try:
        iv = interval_evaluate(expr, ibox, values=goal.values, prec=prec)
    except CertboundsError:
        return None
    return _sign_of_interval(iv, strict)


def _interval_of(r: Range, Interval):
    return Interval(r.lo, r.hi, r.lo_open, r.hi_open)


def _sign_of_ball(v, strict: bool):
    if isinstance(v, Infinity):
        return v.sign
    if isinstance(v, fmpq):
        if v > 0 or (not strict and v == 0):
            return 1
        return -1
    if not v.is_finite():
        return None
    if v > 0 or (not strict and v >= 0):
        return 1
    if v < 0 or (strict and v <= 0):
        return -1
    return None


def _sign_of_interval(iv, strict: bool):
    lo, hi = iv.lo, iv.hi
    if _gt(lo, fmpq(0)) or (lo == fmpq(0) and isinstance(lo, fmpq)
                            and (iv.lo_open or not strict)):
        return 1
    if isinstance(hi, fmpq) and (hi < 0 or (hi == 0 and (iv.hi_open or strict))):
        return -1
    if isinstance(hi, Infinity) and hi.sign < 0:
        return -1
    return None


def _point_sign(goal: _Goal, point: dict, max_prec: int, symbolic: bool = True):
    """The certified sign of f = big - small at an exact point (-1, 0, 1,
    or None), the two sides as Balls, and the precision used. Equality is
    proved by sympy when the balls cannot separate the sides."""
    big, small = goal.compiled_sides
    prec = _START_PREC
    values = dict(goal.values)
    values.update(point)
    rationals = dict(goal.rationals)
    rationals.update({s: sympy.Rational(int(v.p), int(v.q)) for s, v in point.items()})
    while True:
        with ctx.workprec(prec):
            env = Env(values, prec, rationals)
            try:
                a, b = big(env), small(env)
            except CertboundsError:
                a = b = None
            sign = None if a is None else _compare(a, b)
            if sign is not None or prec >= max_prec:
                break
        prec = min(2 * prec, max_prec)
    if a is None:
        raise _Undefined(point)
    if sign is None and symbolic:
        try:
            if sympy.simplify(goal.f.subs(rationals)) == 0:
                sign = 0
        except Exception:  # sympy cannot decide: the point stays undecided
            pass
    return sign, (_ball(a, prec), _ball(b, prec)), prec


def _point_test(goal: _Goal, point: dict, max_prec: int, symbolic: bool = True):
    """(+1 the relation holds at the point, -1 it fails, None unknown),
    the sides, the precision."""
    sign, sides, prec = _point_sign(goal, point, max_prec, symbolic)
    if sign is None:
        return None, sides, prec
    holds = sign > 0 or (sign == 0 and not goal.strict)
    return (1 if holds else -1), sides, prec


class _Undefined(Exception):
    def __init__(self, point):
        super().__init__()
        self.point = point


def _compare(a, b):
    from .expression import compare_sign
    try:
        return compare_sign(a, b)
    except CertboundsError:
        return None


# ------------------------------------------------------------------ boxes
def _inner_point(r: Range):
    """An exact point of the range (its middle, or its finite end for an
    unbounded range, stepped inside an open end), an integer for an
    integer range."""
    if r.is_point:
        return r.lo
    if r.is_finite:
        mid = (r.lo + r.hi) / 2
        return _floor_q(mid) if r.integer else mid
    if isinstance(r.lo, fmpq):
        return r.lo + 1 if r.lo_open else r.lo
    if isinstance(r.hi, fmpq):
        return r.hi - 1 if r.hi_open else r.hi
    return fmpq(0)


def _split_point(r: Range):
    """Where to cut a side: the simplest rational (smallest denominator) in
    the middle half of the range, so that cuts fall on integers and short
    fractions where tangencies tend to be (x = 1 in (x - 1)**2 >= 0);
    geometric for a positive range over orders of magnitude; a finite
    point of an unbounded side."""
    if not r.is_finite:
        if isinstance(r.lo, fmpq):
            c = r.lo + max(abs(r.lo) * 3, fmpq(8))
            return _simplest_between(c, c + (c - r.lo))
        if isinstance(r.hi, fmpq):
            c = r.hi - max(abs(r.hi) * 3, fmpq(8))
            return _simplest_between(c - (r.hi - c), c)
        return fmpq(0)
    lo, hi = r.lo, r.hi
    if lo > 0 and hi > 8 * lo:
        g = _geometric_mean(lo, hi)
        return _simplest_between(g * fmpq(3, 4), g * fmpq(5, 4))
    if hi < 0 and lo < 8 * hi:
        g = _geometric_mean(-hi, -lo)
        return -_simplest_between(g * fmpq(3, 4), g * fmpq(5, 4))
    w = (hi - lo) / 4
    return _simplest_between(lo + w, hi - w)


def _simplest_between(a: fmpq, b: fmpq) -> fmpq:
    """The rational with the smallest denominator in [a, b] (a <= b), by
    the continued-fraction (Stern-Brocot) descent."""
    if a <= 0 <= b:
        return fmpq(0)
    if b < 0:
        return -_simplest_between(-b, -a)
    n = _floor_q(a)
    if n == a:
        return a
    if n + 1 <= b:
        return n + 1
    return n + 1 / _simplest_between(1 / (b - n), 1 / (a - n))


def _geometric_mean(a: fmpq, b: fmpq) -> fmpq:
    with ctx.workprec(64):
        g = (arb(a) * arb(b)).sqrt().mid()
    man, exp = g.man_exp()
    return fmpq(int(man)) * (fmpq(2) ** int(exp)) if exp >= 0 else fmpq(int(man), 2 ** -int(exp))


def _split(r: Range):
    """Two ranges covering r."""
    c = _split_point(r)
    if r.integer:
        c = _floor_q(c)
        if isinstance(r.hi, fmpq) and c >= r.hi:
            c = r.hi - 1
        if isinstance(r.lo, fmpq) and c < r.lo:
            c = r.lo
        return (replace(r, hi=c, hi_open=False), replace(r, lo=c + 1, lo_open=False))
    return (replace(r, hi=c, hi_open=False), replace(r, lo=c, lo_open=False))


def _width_key(r: Range) -> float:
    """How badly a side needs splitting (unbounded first, then relative
    width). Only ranks the sides for bisection: floats are fine here, no
    value of the proof passes through them."""
    if r.is_point:
        return -1.0
    if not r.is_finite:
        return float("inf")
    lo, hi = r.lo, r.hi
    if lo > 0 and hi > 8 * lo or hi < 0 and lo < 8 * hi:
        return 1e6 + float(abs(fmpq(int(hi.p).bit_length() - int(lo.p).bit_length())))
    return float(hi - lo) / (1.0 + float(max(abs(lo), abs(hi))))


# ------------------------------------------------------------------ the prover
@dataclass
class _State:
    max_boxes: int
    max_prec: int
    depth: int
    boxes: int = 0
    prec: int = _START_PREC
    routes: set = field(default_factory=set)
    undecided: list = field(default_factory=list)


def prove(relation, ranges: Mapping, *, values: Optional[Mapping] = None,
          max_boxes: int = _DEFAULT_MAX_BOXES, max_prec: int = _DEFAULT_MAX_PREC,
          max_depth: int = 4) -> ProofResult:
    """Prove or refute a sympy inequality over a box, with certified
    arithmetic (see the module docstring for the routes).

    ``relation``: a sympy ``<``/``<=``/``>``/``>=`` (or its text, e.g.
    ``"exp(M**2) > 1 + exp(2)*M"``); ``ranges``: variable name -> ``Range``
    (or its text, ``"[1, inf)"``); ``values``: exact values of the other
    free symbols (text such as "0.1" is parsed exactly). ``max_boxes``
    bounds the work, ``max_prec`` the working precision (bits);
    ``max_depth`` how deep monotonicity may recurse into derivatives.

    Returns a ProofResult (verified / refuted with a certified
    counterexample / undecided with the reason).

    Raises MalformedNumberError, DomainError for a malformed relation or
    range, a variable without a range or value, or an empty range.

    >>> prove("exp(M**2) > 1 + exp(2)*M", {"M": "[1.597, inf)"}).status
    'verified'
    >>> r = prove("n**2 < 2**n", {"n": Range(1, 100, integer=True)})
    >>> r.status, r.counterexample["n"] in (2, 3, 4)   # n^2 >= 2^n at n = 2, 3, 4
    ('refuted', True)
    """
    rel = _parse_relation(relation)
    if type(rel) not in _RELATIONS:
        raise DomainError(f"prove takes an inequality (<, <=, >, >=), got {rel}")
    swap, strict = _RELATIONS[type(rel)]
    big, small = (rel.rhs, rel.lhs) if swap else (rel.lhs, rel.rhs)
    by_name = {s.name: s for s in rel.free_symbols}
    parsed = {}
    for name, r in ranges.items():
        key = name.name if isinstance(name, sympy.Symbol) else str(name)
        parsed[key] = r if isinstance(r, Range) else Range.parse(r)
    exact_values, rationals = {}, {}
    for name, v in (values or {}).items():
        key = name.name if isinstance(name, sympy.Symbol) else str(name)
        if key in parsed:
            raise DomainError(f"{key} has both a range and a value")
        sym = by_name.get(key)
        if sym is None:
            continue
        exact = parse_number(v) if isinstance(v, str) else sympy.sympify(v)
        if not exact.is_Rational:
            raise DomainError(f"the value of {key} must be an exact rational, got {v}")
        exact_values[sym] = to_fmpq(exact)
        rationals[sym] = exact
    missing = sorted(set(by_name) - set(parsed) - {s.name for s in exact_values})
    if missing:
        raise DomainError(f"no range or value for {', '.join(missing)}")
    variables = tuple(by_name.get(k, sympy.Symbol(k, real=True)) for k in parsed)
    box = {s: parsed[s.name] for s in variables}
    goal = _Goal(big, small, strict, variables, exact_values, rationals)
    state = _State(max_boxes, max_prec, max_depth)
    shown = {s.name: parsed[s.name] for s in variables}
    try:
        ok = _run(goal, box, state)
    except _Refuted as r:
        point = {s.name: v for s, v in r.point.items() if s in box}
        return ProofResult(REFUTED, rel, shown, state.boxes, max(state.prec, r.prec), point,
                           r.sides, "", tuple(sorted(state.routes)))
    if ok:
        return ProofResult(VERIFIED, rel, shown, state.boxes, state.prec,
                           routes=tuple(sorted(state.routes)))
    return ProofResult(UNDECIDED, rel, shown, state.boxes, state.prec,
                       reason=state.undecided[0] if state.undecided else "undecided",
                       routes=tuple(sorted(state.routes)))


def _run(goal: _Goal, box: dict, state: _State) -> bool:
    """Work through the boxes; True when every one is proved. Raises
    _Refuted with a certified counterexample."""
    queue = deque([box])
    while queue:
        if state.boxes >= state.max_boxes:
            state.undecided.append(f"budget of {state.max_boxes} boxes exhausted with "
                                   f"{len(queue)} open, e.g. {_describe(queue[0])}")
            return False
        b = queue.popleft()
        state.boxes += 1
        outcome = _decide_box(goal, b, state)
        if outcome is True:
            continue
        if outcome is False:
            return False
        queue.extend(outcome)
    return True


def _describe(box: dict) -> str:
    return ", ".join(f"{s.name} in {r}" for s, r in box.items())


def _decide_box(goal: _Goal, box: dict, state: _State):
    """True (proved), False (undecided, reason recorded), or a list of
    smaller boxes. Raises _Refuted."""
    if all(r.is_point for r in box.values()):
        return _decide_point(goal, box, state)
    try:
        return _decide_wide_box(goal, box, state)
    except _Undefined as u:
        state.undecided.append(f"a side is undefined at {_describe_point(u.point)}")
        return False


def _describe_point(point: dict) -> str:
    return ", ".join(f"{s.name} = {_text(v)}" for s, v in point.items())


def _decide_wide_box(goal: _Goal, box: dict, state: _State):
    prec = _box_prec(box, state)
    sign = _box_sign(goal, box, prec)
    if sign == 1:
        state.routes.add("enclosure")
        return True
    # a point of the box: refutes at once when the relation fails there
    point = {s: _inner_point(r) for s, r in box.items()}
    psign, sides, pprec = _point_test(goal, point, min(state.max_prec, 256), symbolic=False)
    if psign is None and sign == -1:
        psign, sides, pprec = _point_test(goal, point, state.max_prec)
    if psign == -1:
        _refute(point, sides, pprec, box)
    unbounded = not all(r.is_finite for r in box.values())
    reduced = _monotone(goal, box, state, recursive=False)
    if reduced is not None:
        return reduced
    if unbounded:
        # cheaper reformulations before derivatives are proved recursively
        if _relaxed_proof(goal, box, state) or _log_proof(goal, box, state):
            return True
    if unbounded or _touches_zero(goal, box, state):
        # near a tangency (f = 0 at an end of a 1-D box: e^x >= 1 + x + x^2/2
        # at 0) the sign of the derivative needs a proof of its own
        reduced = _monotone(goal, box, state, recursive=True)
        if reduced is not None:
            return reduced
    side = max(box, key=lambda s: _width_key(box[s]))
    a, b = _split(box[side])
    return [{**box, side: a}, {**box, side: b}]


def _touches_zero(goal: _Goal, box: dict, state: _State) -> bool:
    """Whether a 1-D box has an end where f is exactly 0 (certified)."""
    if len(box) != 1 or state.depth <= 0:
        return False
    (s, r), = box.items()
    for end in (r.lo, r.hi):
        key = (s, end)
        if key not in goal.zero_at:
            try:
                sign = _point_sign(goal, {s: end}, 256, symbolic=False)[0]
            except _Undefined:
                sign = None
            goal.zero_at[key] = sign == 0
        if goal.zero_at[key]:
            return True
    return False


def _box_prec(box: dict, state: _State) -> int:
    """Enough bits to resolve the box's narrowest side against its size."""
    need = _START_PREC
    for r in box.values():
        if r.is_finite and not r.is_point:
            scale = max(abs(r.lo), abs(r.hi), fmpq(1))
            ratio = scale / (r.hi - r.lo)
            need = max(need, int(ratio.p).bit_length() - int(ratio.q).bit_length() + 40)
    prec = min(need, state.max_prec)
    state.prec = max(state.prec, prec)
    return prec


def _refute(point: dict, sides, prec: int, box: dict) -> None:
    """Raise _Refuted when the point lies in the original ranges (not on
    a face at an open end reached by monotonicity)."""
    if all(_inside(r) for r in box.values()):
        raise _Refuted(point, sides, prec)


def _inside(r: Range) -> bool:
    return not isinstance(r, _OpenFace)


def _decide_point(goal: _Goal, box: dict, state: _State):
    point = {s: r.lo for s, r in box.items()}
    try:
        sign, sides, prec = _point_test(goal, point, state.max_prec)
    except _Undefined:
        state.undecided.append(f"a side is undefined at {_describe_point(point)}")
        return False
    state.prec = max(state.prec, prec)
    if sign == 1:
        state.routes.add("enclosure")
        return True
    if sign == -1:
        _refute(point, sides, prec, box)
        state.undecided.append(f"the bound at the open end {_describe(box)} is not enough")
        return False
    state.undecided.append(f"cannot decide at {_describe(box)} even at {prec} bits "
                           "(the two sides may be equal there)")
    return False


class _OpenFace(Range):
    """A one-point range at an open end of the original range: f there
    bounds f on the range (by monotonicity) but the point is not in it."""


def _face_box(box: dict, s, r: Range, value) -> dict:
    face = dict(box)
    at_open_end = (value == r.lo and r.lo_open) or (value == r.hi and r.hi_open)
    face[s] = (_OpenFace if at_open_end or isinstance(r, _OpenFace) else Range)(
        value, value, integer=r.integer)
    return face


def _monotone(goal: _Goal, box: dict, state: _State, recursive: bool):
    """Replace the box by a face when f is monotone in one variable on it
    (or bound f by its limit at infinity). None when no variable helps."""
    for s, r in box.items():
        if r.is_point:
            continue
        sign = _derivative_sign(goal, s, box, state, recursive)
        if sign is None:
            continue
        end = r.lo if sign > 0 else r.hi
        if isinstance(end, fmpq):
            open_end = r.lo_open if sign > 0 else r.hi_open
            if goal.strict and (open_end or isinstance(r, _OpenFace)):
                done = _open_end_route(goal, box, s, r, end, sign, state)
                if done is None:
                    continue
                return done
            state.routes.add(f"monotone in {s.name}")
            return [_face_box(box, s, r, end)]
        if _limit_route(goal, box, s, 1 if sign < 0 else -1, state):
            state.routes.add(f"monotone in {s.name}")
            return True
    return None


def _open_end_route(goal: _Goal, box: dict, s, r: Range, end, sign: int, state: _State):
    """f monotone in s towards an open end where f may be exactly 0 (sin x
    < x on (0, 1]): f > 0 on the box when f(end) > 0 on the face, or when
    f(end) >= 0 and f is strictly monotone (dF/ds != 0 off the end).
    Returns True, a list with the face box, or None."""
    others = [t for t in box if t is not s]
    if any(not box[t].is_point for t in others):
        return None  # bisection goes on until the other sides are points
    point = {t: box[t].lo for t in others}
    point[s] = end
    try:
        fsign, _, prec = _point_sign(goal, point, state.max_prec)
    except _Undefined:
        return None
    state.prec = max(state.prec, prec)
    if fsign is None or fsign < 0:
        return None
    if fsign > 0:
        state.routes.add(f"monotone in {s.name}")
        return True
    d, _, neg, _ = goal.derivative(s)
    target = d if sign > 0 else neg
    strict_box = dict(box)
    strict_box[s] = Range(r.lo, r.hi, r.integer, lo_open=r.lo_open or sign > 0,
                          hi_open=r.hi_open or sign < 0)
    if state.depth > 0 and _sub_prove(goal, target, strict_box, state, strict=True):
        state.routes.add(f"strictly monotone in {s.name}")
        return True
    return None


def _derivative_sign(goal: _Goal, s, box: dict, state: _State, recursive: bool):
    """+1 if dF/ds >= 0 on the box, -1 if <= 0, None if unknown; with
    ``recursive`` (unbounded boxes) a recursive prove may decide it."""
    derivative = goal.derivative(s)
    if derivative is None:
        return None
    d, compiled_d, neg, compiled_neg = derivative
    prec = _box_prec(box, state)
    if _box_sign(goal, box, prec, expr_compiled=compiled_d, expr=d, strict=False) == 1:
        return 1
    if _box_sign(goal, box, prec, expr_compiled=compiled_neg, expr=neg, strict=False) == 1:
        return -1
    if not recursive or state.depth <= 0:
        return None
    if _sub_prove(goal, d, box, state):
        return 1
    if _sub_prove(goal, neg, box, state):
        return -1
    return None


def _sub_run(goal: _Goal, box: dict, state: _State, *, part: int, depth: int):
    """Run a sub-proof on a part of the budget that is left (never more, so
    that ``max_boxes`` bounds the whole proof); its boxes and precision
    count towards the parent's. Returns the routes it used when it proved
    the goal, else None (a refutation of a sub-goal proves nothing here)."""
    sub_state = _State(max(0, state.max_boxes - state.boxes) // part, state.max_prec, depth)
    try:
        ok = _run(goal, box, sub_state)
    except _Refuted:
        ok = False
    state.boxes += sub_state.boxes
    state.prec = max(state.prec, sub_state.prec)
    return sub_state.routes if ok else None


def _sub_prove(goal: _Goal, expr, box: dict, state: _State, strict: bool = False) -> bool:
    """Prove expr >= 0 (> 0 if strict) on the box with a share of the
    budget and one level less of recursion."""
    routes = _sub_run(goal.sub_goal(expr, strict), dict(box), state, part=8,
                      depth=state.depth - 1)
    if routes is not None:
        state.routes.update(r if r.endswith(" of a derivative") else f"{r} of a derivative"
                            for r in routes)
    return routes is not None


def _limit_route(goal: _Goal, box: dict, s, direction: int, state: _State) -> bool:
    """f is monotone in s towards its limit at direction*oo, so f is above
    that limit on the box: enough when the limit is > 0 (>= 0 for a
    non-strict relation), or = 0 with f strictly monotone. Needs every
    other variable fixed (a face)."""
    others = [t for t in box if t is not s]
    if any(not box[t].is_point for t in others):
        return False
    values = dict(goal.values)
    values.update({t: box[t].lo for t in others})
    found = _limit_sign(goal, s, direction, values, state)
    if found is None:
        return False
    sign, how = found
    route = f"limit at {'+' if direction > 0 else '-'}oo ({how})"
    if sign > 0 or (sign == 0 and not goal.strict):
        state.routes.add(route)
        return True
    if sign == 0:
        d, compiled_d, neg, compiled_neg = goal.derivative(s)
        towards = neg if direction > 0 else d  # strictly decreasing towards +oo
        if _box_sign(goal, box, _box_prec(box, state), expr=towards, strict=True) == 1 \
                or (state.depth > 0 and _sub_prove(goal, towards, box, state, strict=True)):
            state.routes.add(route + ", strictly monotone")
            return True
    return False


def _limit_sign(goal: _Goal, s, direction: int, values: dict, state: _State):
    """(the certified sign of lim f as s -> direction*oo, how it was
    found), or None. Interval arithmetic at the point at infinity first;
    sympy's limit (the Gruntz algorithm) when that meets an indeterminate
    form."""
    from .intervals import limit_at_infinity

    try:
        lim = limit_at_infinity(goal.f, s, direction=direction, values=values, prec=128)
        if isinstance(lim, Infinity):
            return lim.sign, "interval arithmetic at infinity"
        sign = _sign_of_interval(lim, strict=True)
        if sign is not None:
            return sign, "interval arithmetic at infinity"
        if lim.lo == lim.hi == 0 and not lim.lo_open and not lim.hi_open:
            return 0, "interval arithmetic at infinity"
    except CertboundsError:
        pass
    try:
        subs = {t: sympy.Rational(int(v.p), int(v.q)) for t, v in values.items()}
        lim = sympy.limit(goal.f.subs(subs), s, sympy.oo if direction > 0 else -sympy.oo)
    except Exception:  # sympy's limit fails in many ways: then no route
        return None
    if lim == sympy.oo or lim == -sympy.oo:
        return (1 if lim == sympy.oo else -1), "sympy limit"
    if lim.free_symbols or lim.has(sympy.AccumBounds, sympy.nan, sympy.zoo) or not lim.is_real:
        return None
    if lim == 0:
        return 0, "sympy limit"
    status = compare(lim, 0, ">", max_prec=state.max_prec).status
    if status == "undecided":
        return None
    return (1 if status == "true" else -1), "sympy limit"


def _log_proof(goal: _Goal, box: dict, state: _State) -> bool:
    """On an unbounded box where both sides are positive: prove
    log(big) >= log(small) (> for a strict relation) instead, with the
    logarithms expanded (n! >= 2^(n-1) becomes log n! >= (n-1) log 2, whose
    sides no longer both run to infinity at the same rate)."""
    if goal.log_goal is False:
        return False
    if goal.log_goal is None:
        try:
            big = sympy.expand_log(sympy.log(goal.big), force=True)
            small = sympy.expand_log(sympy.log(goal.small), force=True)
            goal.log_goal = _Goal(big, small, goal.strict, goal.variables, goal.values,
                                  goal.rationals)
            goal.log_goal.log_goal = False  # no logarithms of logarithms
        except (CertboundsError, TypeError, ValueError):
            goal.log_goal = False
            return False
    prec = _box_prec(box, state)
    for side in (goal.big, goal.small):
        if _interval_sign(goal, box, prec, side, strict=True) != 1:
            return False
    routes = _sub_run(goal.log_goal, dict(box), state, part=4, depth=state.depth)
    if routes is not None:
        state.routes.add("logarithms")
        state.routes.update(routes)
    return routes is not None


def _relaxed_proof(goal: _Goal, box: dict, state: _State) -> bool:
    """On an unbounded box: relax each ceiling/floor by a theta in [0, 1]
    and prove the relaxed inequality (a proof of it is a proof of the
    original; a failure of it says nothing)."""
    f, thetas = goal.relaxed()
    if not thetas:
        return False
    if goal.relaxed_goal is None:
        goal.relaxed_goal = _Goal(f, sympy.Integer(0), goal.strict, goal.variables + thetas,
                                  goal.values, goal.rationals)
    sub_goal = goal.relaxed_goal
    sub_box = dict(box)
    sub_box.update({t: Range(0, 1) for t in thetas})
    routes = _sub_run(sub_goal, sub_box, state, part=4, depth=state.depth)
    if routes is not None:
        state.routes.add("ceilings relaxed")
        state.routes.update(routes)
    return routes is not None
