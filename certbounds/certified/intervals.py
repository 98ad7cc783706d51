"""Certified extended interval arithmetic over boxes with unbounded sides.

An ``Interval`` is a set of reals with exact endpoints: each a rational
(``fmpq``) or an infinity (``INF``, ``NEG_INF``), each closed or open.
``interval_evaluate(expr, box)`` encloses the range of a sympy expression
over a box (one Interval per variable; sides may be unbounded, endpoints
may be open) by evaluating every node of the expression tree to an
Interval: monotone functions map endpoints to endpoints, computed with Arb
(python-flint) at the working precision and rounded outward to exact
dyadic rationals. ``limit_at_infinity(expr, var)`` evaluates the same tree
at the point at infinity with the extended arithmetic oo + c = oo,
1/oo = 0+, exp(-oo) = 0+, log(0+) = -oo, and refuses indeterminate forms.

Conventions, stated once:

* **Openness is tracked** because it is what a prover needs on an
  unbounded range: 1/(n (n+1)**2) over n >= 1 encloses to (0, 1/4], so the
  expression is strictly positive there although its infimum is 0. For a
  strictly monotone operation an endpoint of the result is open iff the
  operand endpoint it came from is open; infinite endpoints are always
  open (oo is never a value). Outward rounding keeps a flag valid. A
  closed endpoint is always the weaker, safe claim, and it is what
  non-monotone operations (sin, cos, gamma near its minimum, a function
  evaluated by the ball fallback) return.
* **Dependency**: each occurrence of a variable varies independently, so
  x - x over [0, oo) is (-oo, oo). The enclosure is valid, not sharp.
* **Magnitudes** are kept within 2**-ENDPOINT_BITS <= |endpoint| <=
  2**ENDPOINT_BITS: a larger upper bound becomes oo, a smaller nonzero
  bound rounds outward to 0 (open) or to the smallest magnitude.
* **Powers** follow sympy: x**(p/q) for non-integer p/q is the principal
  (real) power of a base >= 0; a negative base raises DomainError.
* Exact inputs only: a sympy Float is refused (MalformedNumberError), as
  everywhere in the certified layer.

References: R. E. Moore, R. B. Kearfott, M. J. Cloud, *Introduction to
Interval Analysis*, SIAM 2009, ch. 4-6; T. Hickey, Q. Ju, M. H. van Emden,
"Interval arithmetic: from principles to implementation", J. ACM 48
(2001) 1038-1068 (unbounded intervals and the 0 * oo convention).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping, Optional

import sympy
from flint import arb, ctx, fmpq, fmpz

from ..errors import DomainError, MalformedNumberError, MissingParameterError, UndecidedError
from .ball import decimal_string
from .exact import INF, NEG_INF, Infinity, from_sympy, to_fmpq
from .expression import Env, compile_expression, integer_power

__all__ = ["Interval", "interval_evaluate", "limit_at_infinity", "ENDPOINT_BITS"]

#: Endpoints stay within 2**-ENDPOINT_BITS <= |x| <= 2**ENDPOINT_BITS (or are 0 or infinite).
ENDPOINT_BITS = 1 << 14
#: Endpoint arithmetic is exact while a rational has at most this many bits;
#: beyond, it is rounded outward at the working precision (sizes would grow
#: without bound along a deep tree otherwise).
_EXACT_BITS = 1024
_BIG = fmpq(fmpz(1) << ENDPOINT_BITS)
_SMALL = fmpq(1, fmpz(1) << ENDPOINT_BITS)
_ZERO, _ONE = fmpq(0), fmpq(1)


# ------------------------------------------------------------------ exact endpoints
def _endpoint(v):
    """An endpoint as fmpq, INF or NEG_INF (the singletons)."""
    if isinstance(v, Infinity):
        return INF if v.sign > 0 else NEG_INF
    if isinstance(v, sympy.Basic):
        if v.is_Float:
            raise MalformedNumberError(f"a float {v} as an endpoint; use exact numbers")
        return from_sympy(v)
    return to_fmpq(v)


def _is_zero(v) -> bool:
    return isinstance(v, fmpq) and v == 0


def _sgn(v) -> int:
    if isinstance(v, Infinity):
        return v.sign
    return (v > 0) - (v < 0)


def _cmp(x, y) -> int:
    """-1, 0, 1 as x <, ==, > y for endpoints (an infinity beyond every rational)."""
    kx = (x.sign, 0) if isinstance(x, Infinity) else (0, x)
    ky = (y.sign, 0) if isinstance(y, Infinity) else (0, y)
    return (kx > ky) - (kx < ky)


def _bits(q: fmpq) -> int:
    return q.p.bit_length() + q.q.bit_length()


def _dyadic_end(x: arb, up: bool):
    """An exact (point) arb as an endpoint bound (value, strict): strict
    when the true value is certainly strictly beyond the returned bound
    (after clamping to the endpoint range)."""
    man, exp = x.man_exp()
    if man == 0:
        return _ZERO, False
    magnitude = int(exp) + man.bit_length()  # 2**(magnitude-1) <= |x| < 2**magnitude
    if magnitude > ENDPOINT_BITS:
        if man > 0:
            return (INF, True) if up else (_BIG, False)
        return (-_BIG, False) if up else (NEG_INF, True)
    if magnitude < -ENDPOINT_BITS:
        if man > 0:
            return (_SMALL, True) if up else (_ZERO, True)
        return (_ZERO, True) if up else (-_SMALL, True)
    exp = int(exp)
    return (fmpq(man << exp) if exp >= 0 else fmpq(man, fmpz(1) << -exp)), False


def _ball_end(b: arb, up: bool):
    """A bound (value, strict) below (up=False) or above every point of a ball."""
    if b.is_nan():
        raise UndecidedError("an Arb evaluation returned NaN (undefined or overflowed)")
    if not b.is_finite():
        return (INF, True) if up else (NEG_INF, True)
    return _dyadic_end(b.upper() if up else b.lower(), up)


def _round(q: fmpq, up: bool):
    """An exact rational as a bound (value, strict), rounded outward at the
    working precision when it has grown too large."""
    if _bits(q) <= _EXACT_BITS:
        return q, False
    return _ball_end(arb(q), up)


@dataclass(frozen=True)
class _Range:
    """A value known only through its two bounds (value, strict): used for
    exp(x) and friends beyond the endpoint range, where Arb would overflow."""

    lower: tuple
    upper: tuple


_HUGE = _Range((_BIG, False), (INF, True))
_HUGE_NEG = _Range((NEG_INF, True), (-_BIG, False))
_TINY = _Range((_ZERO, True), (_SMALL, True))


def _bounds(w, is_open: bool):
    """(lower end, upper end) of a value given as fmpq, Infinity, arb or
    _Range; an end is (endpoint, open) and is open if ``is_open`` or strict."""
    if isinstance(w, Infinity):
        return (w, True), (w, True)
    if isinstance(w, _Range):
        low, high = w.lower, w.upper
    elif isinstance(w, fmpq):
        low, high = _round(w, False), _round(w, True)
    else:
        low, high = _ball_end(w, False), _ball_end(w, True)
    return (low[0], is_open or low[1]), (high[0], is_open or high[1])


def _pick(ends, largest: bool, open_if_any: bool):
    """The extreme (smallest or largest) of several ends; it is open if any
    (or all) of the ends with that value are open."""
    best = ends[0][0]
    for v, _ in ends[1:]:
        if _cmp(v, best) == (1 if largest else -1):
            best = v
    flags = [o for v, o in ends if _cmp(v, best) == 0]
    return best, (any(flags) if open_if_any else all(flags))


def _format_end(v, up: bool) -> str:
    if isinstance(v, Infinity):
        return "oo" if v.sign > 0 else "-oo"
    p, q = int(v.p), int(v.q)
    if q == 1 and p.bit_length() <= 64:
        return str(p)
    low, high = decimal_string(p, q, "down", 17), decimal_string(p, q, "up", 17)
    if low == high:
        return low
    if p.bit_length() + q.bit_length() <= 36:
        return f"{p}/{q}"
    return high if up else low  # outward, so the printed interval still encloses


# ------------------------------------------------------------------ the Interval type
@dataclass(frozen=True)
class Interval:
    """A nonempty set of reals {v : lo <(=) v <(=) hi}.

    ``lo`` is an exact ``fmpq`` or ``NEG_INF``, ``hi`` an exact ``fmpq`` or
    ``INF``; ``lo_open`` means every value is > lo (else >= lo), likewise
    ``hi_open``. An infinite endpoint is always open (values are real).
    Endpoints may be given as int, Fraction, fmpq, sympy Rational or
    sympy oo; they are stored as fmpq or the INF/NEG_INF singletons.

    Raises DomainError for an empty interval (lo > hi, or lo == hi with an
    open end, or lo = oo), MalformedNumberError for a float endpoint.

    >>> Interval.at_least(fmpq(3, 2))
    [1.5, oo)
    >>> Interval(0, 1, lo_open=True).sign()
    1
    >>> fmpq(1, 3) in Interval.closed(0, 1), 0 in Interval(0, 1, lo_open=True)
    (True, False)
    """

    lo: object
    hi: object
    lo_open: bool = False
    hi_open: bool = False

    def __post_init__(self):
        lo, hi = _endpoint(self.lo), _endpoint(self.hi)
        if lo is INF or hi is NEG_INF:
            raise DomainError(f"an interval cannot have lower end {lo} or upper end {hi}")
        lo_open = bool(self.lo_open) or lo is NEG_INF
        hi_open = bool(self.hi_open) or hi is INF
        c = _cmp(lo, hi)
        if c > 0 or (c == 0 and (lo_open or hi_open)):
            raise DomainError(f"empty interval: lo={lo}, hi={hi}, open=({lo_open}, {hi_open})")
        object.__setattr__(self, "lo", lo)
        object.__setattr__(self, "hi", hi)
        object.__setattr__(self, "lo_open", lo_open)
        object.__setattr__(self, "hi_open", hi_open)

    # ---------------------------------------------------------------- constructors
    @classmethod
    def closed(cls, lo, hi) -> "Interval":
        """[lo, hi] (infinite ends open, as always)."""
        return cls(lo, hi)

    @classmethod
    def point(cls, x) -> "Interval":
        """[x, x]."""
        return cls(x, x)

    @classmethod
    def at_least(cls, lo, open: bool = False) -> "Interval":
        """[lo, oo), or (lo, oo) with ``open=True``."""
        return cls(lo, INF, open, True)

    @classmethod
    def at_most(cls, hi, open: bool = False) -> "Interval":
        """(-oo, hi], or (-oo, hi) with ``open=True``."""
        return cls(NEG_INF, hi, True, open)

    @classmethod
    def whole(cls) -> "Interval":
        """(-oo, oo)."""
        return cls(NEG_INF, INF, True, True)

    # ---------------------------------------------------------------- predicates
    def __contains__(self, x) -> bool:
        """Whether the exact rational x lies in the interval (an infinity never does)."""
        x = _endpoint(x)
        if isinstance(x, Infinity):
            return False
        low, high = _cmp(x, self.lo), _cmp(x, self.hi)
        return (low > 0 or (low == 0 and not self.lo_open)) and \
            (high < 0 or (high == 0 and not self.hi_open))

    @property
    def is_finite(self) -> bool:
        """Both endpoints are finite (as ``Ball.is_finite``, a property)."""
        return isinstance(self.lo, fmpq) and isinstance(self.hi, fmpq)

    def sign(self) -> Optional[int]:
        """1 if every value is > 0, -1 if every value is < 0, 0 if the
        interval is the point 0, None otherwise."""
        if _is_zero(self.lo) and _is_zero(self.hi):
            return 0
        if _sgn(self.lo) > 0 or (_is_zero(self.lo) and self.lo_open):
            return 1
        if _sgn(self.hi) < 0 or (_is_zero(self.hi) and self.hi_open):
            return -1
        return None

    def nonnegative(self) -> bool:
        """Every value is >= 0."""
        return _sgn(self.lo) >= 0

    def nonpositive(self) -> bool:
        """Every value is <= 0."""
        return _sgn(self.hi) <= 0

    def __repr__(self) -> str:
        return (("(" if self.lo_open else "[") + _format_end(self.lo, False) + ", "
                + _format_end(self.hi, True) + (")" if self.hi_open else "]"))

    def _repr_latex_(self) -> str:
        def tex(v, up):
            return {"oo": r"\infty", "-oo": r"-\infty"}.get(_format_end(v, up), _format_end(v, up))
        return (("$(" if self.lo_open else "$[") + tex(self.lo, False) + ", "
                + tex(self.hi, True) + (")$" if self.hi_open else "]$"))


def _from_ends(lo_end, hi_end) -> Interval:
    return Interval(lo_end[0], hi_end[0], lo_end[1], hi_end[1])


def _point_value(X: Interval) -> Optional[fmpq]:
    """The value of a one-point interval, else None."""
    if isinstance(X.lo, fmpq) and X.lo == X.hi:
        return X.lo
    return None


def _ball(X: Interval) -> arb:
    """A ball containing a finite interval (its closure)."""
    return arb(X.lo).union(arb(X.hi))


def _from_ball(b) -> Interval:
    """The closed interval of a ball (or an exact fmpq)."""
    if isinstance(b, fmpq):
        return _from_ends(_round(b, False), _round(b, True))
    (lo, _), (hi, _) = _ball_end(b, False), _ball_end(b, True)
    return Interval(lo, hi)


def _hull(*intervals: Interval) -> Interval:
    return _from_ends(_pick([(X.lo, X.lo_open) for X in intervals], False, False),
                      _pick([(X.hi, X.hi_open) for X in intervals], True, False))


# ------------------------------------------------------------------ arithmetic
def _neg(X: Interval) -> Interval:
    return Interval(-X.hi, -X.lo, X.hi_open, X.lo_open)


def _end_sum(a, b, up: bool):
    if isinstance(a, Infinity):
        return a, True
    if isinstance(b, Infinity):
        return b, True
    return _round(a + b, up)


def _add(X: Interval, Y: Interval) -> Interval:
    lo, lo_strict = _end_sum(X.lo, Y.lo, False)
    hi, hi_strict = _end_sum(X.hi, Y.hi, True)
    return Interval(lo, hi, X.lo_open or Y.lo_open or lo_strict,
                    X.hi_open or Y.hi_open or hi_strict)


def _end_product(a, b, up: bool):
    """A bound (value, strict) of the product of two endpoints, 0 * oo = 0."""
    if _is_zero(a) or _is_zero(b):
        return _ZERO, False
    if isinstance(a, Infinity) or isinstance(b, Infinity):
        return (INF if _sgn(a) * _sgn(b) > 0 else NEG_INF), True
    if _bits(a) + _bits(b) <= 2 * _EXACT_BITS:
        return _round(a * b, up)
    return _ball_end(arb(a) * arb(b), up)


def _mul(X: Interval, Y: Interval) -> Interval:
    """The product set {x y}: its extremes are at corners of the closed box
    (x y is bilinear), with 0 * oo = 0 (the other corners then cover the
    limits near a (0, oo) corner). A corner's value is attained when both
    coordinates are closed, or when one is a closed 0 (then x y = 0 along
    a whole edge, whatever the other coordinate)."""
    lows, highs = [], []
    for a, a_open in ((X.lo, X.lo_open), (X.hi, X.hi_open)):
        for b, b_open in ((Y.lo, Y.lo_open), (Y.hi, Y.hi_open)):
            attained = (not a_open and not b_open) or (_is_zero(a) and not a_open) or \
                (_is_zero(b) and not b_open)
            low, low_strict = _end_product(a, b, False)
            high, high_strict = _end_product(a, b, True)
            lows.append((low, not attained or low_strict))
            highs.append((high, not attained or high_strict))
    return _from_ends(_pick(lows, False, False), _pick(highs, True, False))


def _reciprocal(X: Interval) -> Interval:
    s = X.sign()
    if s == 0:
        raise DomainError("division by zero")
    if s is None:
        raise UndecidedError(f"1/x for x in {X}: the interval may contain 0")

    def end(v, up):
        if isinstance(v, Infinity):
            return _ZERO, True
        if v == 0:  # the open end at 0 of a one-signed interval
            return (INF if up else NEG_INF), True
        return _round(1 / v, up)

    lo, lo_strict = end(X.hi, False)
    hi, hi_strict = end(X.lo, True)
    return Interval(lo, hi, X.hi_open or lo_strict, X.lo_open or hi_strict)


def _abs(X: Interval) -> Interval:
    if X.nonnegative():
        return X
    if X.nonpositive():
        return _neg(X)
    return _from_ends((_ZERO, False), _pick([(-X.lo, X.lo_open), (X.hi, X.hi_open)], True, False))


def _int_power(X: Interval, n: int) -> Interval:
    """X**n for an integer n: odd powers are increasing, even powers are
    increasing in |x|, negative powers are powers of 1/X."""
    if n == 0:  # sympy's x**0 = 1, 0**0 included
        return Interval.point(1)
    if n < 0:
        return _int_power(_reciprocal(X), -n)
    if n == 1:
        return X
    if n % 2 == 0:
        X = _abs(X)

    def end(v, up):
        if isinstance(v, Infinity):
            return v, True
        if _bits(v) * n <= 2 * _EXACT_BITS:
            return _round(v ** n, up)
        return _ball_end(integer_power(arb(v), n), up)

    lo, lo_strict = end(X.lo, False)
    hi, hi_strict = end(X.hi, True)
    return Interval(lo, hi, X.lo_open or lo_strict, X.hi_open or hi_strict)


# ------------------------------------------------------------------ monotone functions
def _require(X: Interval, name: str, lo=None, hi=None, lo_open=False, hi_open=False) -> None:
    """Check X lies in the domain {lo <(=) x <(=) hi} of ``name`` (None: no
    bound): raise DomainError when no value of X does, UndecidedError when
    some may not."""
    inside, outside = True, False
    if lo is not None:
        c = _cmp(X.lo, lo)
        inside = c > 0 or (c == 0 and (X.lo_open or not lo_open))
        c = _cmp(X.hi, lo)
        outside = c < 0 or (c == 0 and (X.hi_open or lo_open))
    if hi is not None:
        c = _cmp(X.hi, hi)
        inside = inside and (c < 0 or (c == 0 and (X.hi_open or not hi_open)))
        c = _cmp(X.lo, hi)
        outside = outside or c > 0 or (c == 0 and (X.lo_open or hi_open))
    if inside:
        return
    if outside:
        raise DomainError(f"{name} is not defined (or not real) on {X}")
    raise UndecidedError(f"{name}: the argument {X} may leave the domain")


@dataclass(frozen=True)
class _Monotone:
    """A real function strictly monotone on its domain: its value at a
    finite point of the domain's closure (at a finite boundary, the
    one-sided limit from inside, possibly infinite), its limits at -oo and
    +oo, its domain (arguments of ``_require``), and an open interval
    (lo, hi) holding every value when that is sharper than rounding
    (tanh and erf lie in (-1, 1), which outward rounding would lose)."""

    name: str
    increasing: bool
    at: Callable
    at_neg_inf: Optional[Callable] = None
    at_pos_inf: Optional[Callable] = None
    domain: tuple = ()
    range: tuple = ()

    def value(self, v):
        """f(v) as fmpq / Infinity / arb / _Range, v an endpoint."""
        if isinstance(v, Infinity):
            limit = self.at_pos_inf if v.sign > 0 else self.at_neg_inf
            return limit()
        return self.at(v)

    def __call__(self, X: Interval) -> Interval:
        if self.domain:
            _require(X, self.name, *self.domain)
        low = _bounds(self.value(X.lo), X.lo_open)
        high = _bounds(self.value(X.hi), X.hi_open)
        lo_end, hi_end = (low[0], high[1]) if self.increasing else (high[0], low[1])
        if self.range:
            if _cmp(lo_end[0], self.range[0]) <= 0:
                lo_end = (self.range[0], True)
            if _cmp(hi_end[0], self.range[1]) >= 0:
                hi_end = (self.range[1], True)
        return _from_ends(lo_end, hi_end)


def _constant(value):
    return lambda: value


def _exp_at(v: fmpq):
    if v > ENDPOINT_BITS:  # e**v > 2**ENDPOINT_BITS: Arb would overflow
        return _HUGE
    if v < -ENDPOINT_BITS:
        return _TINY
    return arb(v).exp()


def _sinh_at(v: fmpq):
    if abs(v) > ENDPOINT_BITS + 1:
        return _HUGE if v > 0 else _HUGE_NEG
    return arb(v).sinh()


def _cosh_at(v: fmpq):
    return _HUGE if abs(v) > ENDPOINT_BITS + 1 else arb(v).cosh()


def _at_boundary(boundary: dict, method: str):
    """f(v) by an Arb method, with f's one-sided limits at the finite ends
    of its domain given in ``boundary`` (rational -> Infinity)."""
    def at(v: fmpq):
        for point, limit in boundary.items():
            if v == point:
                return limit
        return getattr(arb(v), method)()
    return at


def _trigamma_at(v: fmpq):
    return INF if v == 0 else arb(2).zeta(arb(v))  # Hurwitz zeta(2, v)


_half_pi = lambda: arb.pi() / 2  # noqa: E731


EXP = _Monotone("exp", True, _exp_at, _constant(_ZERO), _constant(INF))
LOG = _Monotone("log", True, _at_boundary({_ZERO: NEG_INF}, "log"), None, _constant(INF),
                (_ZERO, None, True))
ATAN = _Monotone("atan", True, lambda v: arb(v).atan(), lambda: -_half_pi(), _half_pi)
SINH = _Monotone("sinh", True, _sinh_at, _constant(NEG_INF), _constant(INF))
_COSH_RIGHT = _Monotone("cosh", True, _cosh_at, None, _constant(INF), (_ZERO,))
TANH = _Monotone("tanh", True, lambda v: arb(v).tanh(), _constant(-_ONE), _constant(_ONE),
                 range=(-_ONE, _ONE))
ASINH = _Monotone("asinh", True, lambda v: arb(v).asinh(), _constant(NEG_INF), _constant(INF))
ACOSH = _Monotone("acosh", True, lambda v: arb(v).acosh(), None, _constant(INF), (_ONE,))
ATANH = _Monotone("atanh", True, _at_boundary({_ONE: INF, -_ONE: NEG_INF}, "atanh"), None, None,
                  (-_ONE, _ONE, True, True))
ASIN = _Monotone("asin", True, lambda v: arb(v).asin(), None, None, (-_ONE, _ONE))
ACOS = _Monotone("acos", False, lambda v: arb(v).acos(), None, None, (-_ONE, _ONE))
ERF = _Monotone("erf", True, lambda v: arb(v).erf(), _constant(-_ONE), _constant(_ONE),
                range=(-_ONE, _ONE))
DIGAMMA = _Monotone("digamma", True, _at_boundary({_ZERO: NEG_INF}, "digamma"), None,
                    _constant(INF), (_ZERO, None, True))
TRIGAMMA = _Monotone("trigamma", False, _trigamma_at, None, _constant(_ZERO), (_ZERO, None, True))


def _cosh(X: Interval) -> Interval:
    return _COSH_RIGHT(_abs(X))  # cosh(x) = cosh(|x|), increasing on [0, oo)


#: gamma is decreasing on (0, x0] and increasing on [x0, oo), x0 = 1.46163...
_GAMMA_DECREASING_UP_TO = fmpq(146, 100)
_GAMMA_INCREASING_FROM = fmpq(14617, 10000)


def _log_convex_gamma(X: Interval, name: str, at, at_zero, minimum: fmpq) -> Interval:
    """gamma or loggamma over X > 0: convex with a minimum at x0 =
    1.46163..., so the maximum is at an endpoint and the minimum at an
    endpoint unless x0 may lie in X (then the constant ``minimum``, a
    rational lower bound of f(x0)). f(0+) = ``at_zero``, f(oo) = oo."""
    _require(X, name, _ZERO, None, True)

    def value(v):
        if isinstance(v, Infinity):
            return INF
        return at_zero if v == 0 else at(v)

    low, high = _bounds(value(X.lo), X.lo_open), _bounds(value(X.hi), X.hi_open)
    if _cmp(X.hi, _GAMMA_DECREASING_UP_TO) <= 0:
        return _from_ends(high[0], low[1])
    if _cmp(X.lo, _GAMMA_INCREASING_FROM) >= 0:
        return _from_ends(low[0], high[1])
    return _from_ends((minimum, False), _pick([low[1], high[1]], True, False))


def _gamma_at(v: fmpq):
    return _HUGE if v > 4096 else arb(v).gamma()  # gamma(4096) > 2**ENDPOINT_BITS


def _gamma(X: Interval) -> Interval:
    if X.sign() == 1:
        # gamma(x0) = 0.8856031944...
        return _log_convex_gamma(X, "gamma", _gamma_at, INF, fmpq(8856, 10000))
    return _fallback(sympy.gamma, [X])


def _loggamma(X: Interval) -> Interval:
    if X.sign() == 1:
        # loggamma(x0) = -0.1214862905...
        return _log_convex_gamma(X, "loggamma", lambda v: arb(v).lgamma(), INF,
                                 fmpq(-1215, 10000))
    return _fallback(sympy.loggamma, [X])


# ------------------------------------------------------------------ periodic functions
def _may_contain(X: Interval, offset: arb, period: arb) -> bool:
    """Whether the finite X may contain a point offset + k period (k an
    integer): True unless the balls prove it does not."""
    t_lo = (arb(X.lo) - offset) / period
    t_hi = (arb(X.hi) - offset) / period
    if not (t_lo.is_finite() and t_hi.is_finite()):
        return True
    first = t_lo.lower().ceil()
    last = t_hi.upper().floor()
    return not bool(last < first)


def _sin_cos(X: Interval, method: str) -> Interval:
    """sin or cos: [-1, 1] when X is unbounded or longer than a period;
    otherwise the endpoint values, widened to +-1 where X may contain a
    maximum or minimum. Closed ends (the safe claim)."""
    whole = Interval(-1, 1)
    if not X.is_finite or X.hi - X.lo >= 7:  # 7 > 2 pi
        return whole
    pi = arb.pi()
    peak = pi / 2 if method == "sin" else arb(0)
    fa, fb = getattr(arb(X.lo), method)(), getattr(arb(X.hi), method)()
    if _may_contain(X, peak, 2 * pi):
        hi = _ONE
    else:
        hi = min(_ONE, max(_ball_end(fa, True)[0], _ball_end(fb, True)[0]))
    if _may_contain(X, peak - pi, 2 * pi):
        lo = -_ONE
    else:
        lo = max(-_ONE, min(_ball_end(fa, False)[0], _ball_end(fb, False)[0]))
    return Interval(lo, hi)


def _tan(X: Interval) -> Interval:
    if not X.is_finite:
        raise UndecidedError(f"cannot bound tan on an unbounded interval {X}")
    pi = arb.pi()
    if X.hi - X.lo >= 4 or _may_contain(X, pi / 2, pi):  # 4 > pi
        raise UndecidedError(f"tan: {X} may contain a pole")
    low = _bounds(arb(X.lo).tan(), X.lo_open)
    high = _bounds(arb(X.hi).tan(), X.hi_open)
    return _from_ends(low[0], high[1])


# ------------------------------------------------------------------ integer-valued
def _ceiling(X: Interval) -> Interval:
    """ceil(v) >= ceil(lo), and >= lo + 1 when lo is an open integer end."""
    lo = X.lo
    if isinstance(lo, fmpq):
        lo = fmpq(lo.ceil() + (1 if X.lo_open and lo.q == 1 else 0))
    hi = X.hi if isinstance(X.hi, Infinity) else fmpq(X.hi.ceil())
    return Interval(lo, hi)


def _floor(X: Interval) -> Interval:
    """floor(v) <= floor(hi), and <= hi - 1 when hi is an open integer end."""
    hi = X.hi
    if isinstance(hi, fmpq):
        hi = fmpq(hi.floor() - (1 if X.hi_open and hi.q == 1 else 0))
    lo = X.lo if isinstance(X.lo, Infinity) else fmpq(X.lo.floor())
    return Interval(lo, hi)


def _max_min(intervals, pick_max: bool) -> Interval:
    """Max: max(x, y) > L if any operand's lower end equal to L is open,
    < H only if every upper end equal to H is open; Min mirrors it."""
    lows = [(X.lo, X.lo_open) for X in intervals]
    highs = [(X.hi, X.hi_open) for X in intervals]
    return _from_ends(_pick(lows, pick_max, pick_max), _pick(highs, pick_max, not pick_max))


# ------------------------------------------------------------------ powers
def _root(X: Interval, q: int) -> Interval:
    """The principal q-th root, for X >= 0."""
    _require(X, f"x**(1/{q})", _ZERO)

    def at(v):
        if v == 0:
            return _ZERO
        return arb(v).sqrt() if q == 2 else arb(v).root(q)
    return _Monotone("root", True, at, None, _constant(INF))(X)


def _power(X: Interval, Y: Interval) -> Interval:
    """X**Y: integer and rational exponents by monotonicity; otherwise
    exp(Y log X) for X > 0, and 0**y = 0 for y > 0."""
    r = _point_value(Y)
    if r is not None:
        if r.q == 1:
            return _int_power(X, int(r.p))
        if abs(r.p) > 1 << 20 or r.q > 1 << 20:  # a huge root: take the general route
            return _general_power(X, Y)
        return _int_power(_root(X, int(r.q)), int(r.p))
    return _general_power(X, Y)


def _general_power(X: Interval, Y: Interval) -> Interval:
    if X.sign() == 1:
        return EXP(_mul(Y, LOG(X)))
    if X.nonnegative() and Y.sign() == 1:  # here X = [0, hi]
        if _point_value(X) == 0:
            return Interval.point(0)
        positive = Interval(_ZERO, X.hi, True, X.hi_open)
        return _hull(EXP(_mul(Y, LOG(positive))), Interval.point(0))
    raise UndecidedError(f"x**y with x in {X}, y in {Y}: the base may be negative or 0 "
                         "(a non-rational exponent needs a base > 0)")


def _binomial(X: Interval, k: int) -> Interval:
    """binomial(x, k) = x (x-1) ... (x-k+1) / k! for a fixed integer k >= 0."""
    result = Interval.point(1)
    factorial = 1
    for i in range(k):
        result = _mul(result, _add(X, Interval.point(-i)))
        factorial *= i + 1
    return _mul(result, Interval.point(fmpq(1, factorial)))


# ------------------------------------------------------------------ fallback
def _fallback(func, args) -> Interval:
    """An unknown head on finite arguments: the certified ball evaluator
    (certbounds.certified.expression) on the hull balls of the arguments."""
    for X in args:
        if not X.is_finite:
            raise UndecidedError(f"cannot bound {func.__name__} on an unbounded interval {X}")
    dummies = [sympy.Dummy(f"a{i}", real=True) for i in range(len(args))]
    node = func(*dummies)
    value = compile_expression(node)(Env({d: _ball(X) if _point_value(X) is None else X.lo
                                          for d, X in zip(dummies, args)}, ctx.prec))
    if isinstance(value, (fmpq, arb)):
        return _from_ball(value)
    raise UndecidedError(f"cannot bound {func.__name__} on {args}")


# ------------------------------------------------------------------ the evaluator
_HEADS: dict = {}


def _head(*classes):
    def register(fn):
        for cls in classes:
            _HEADS[cls] = fn
        return fn
    return register


_NUMBER_SYMBOLS = {
    sympy.pi: arb.pi,
    sympy.E: arb.const_e,
    sympy.EulerGamma: arb.const_euler,
    sympy.Catalan: arb.const_catalan,
    sympy.GoldenRatio: lambda: (1 + arb(5).sqrt()) / 2,
}


class _Evaluator:
    """Evaluates every node of a tree to an Interval, once per distinct subtree."""

    def __init__(self, named: dict):
        self.named = named
        self.memo: dict = {}

    def __call__(self, expr) -> Interval:
        result = self.memo.get(expr)
        if result is None:
            result = self.memo[expr] = self._evaluate(expr)
        return result

    def _evaluate(self, expr) -> Interval:
        if isinstance(expr, sympy.Symbol):
            try:
                return self.named[expr.name]
            except KeyError:
                raise MissingParameterError(f"no interval or value for {expr}") from None
        if expr.is_Rational:
            return Interval.point(fmpq(int(expr.p), int(expr.q)))
        if expr.is_Float:
            raise MalformedNumberError(f"a float {expr} in a certified expression; "
                                       "use exact numbers")
        if expr in _NUMBER_SYMBOLS:
            return _from_ball(_NUMBER_SYMBOLS[expr]())
        for cls in type(expr).__mro__:
            handler = _HEADS.get(cls)
            if handler is not None:
                return handler(self, expr)
        if isinstance(expr, sympy.Function) and expr.args:
            return _fallback(expr.func, [self(a) for a in expr.args])
        raise DomainError(f"not a real-valued expression: {expr} ({type(expr).__name__})")


@_head(sympy.Add)
def _eval_add(ev, expr):
    result = ev(expr.args[0])
    for a in expr.args[1:]:
        result = _add(result, ev(a))
    return result


@_head(sympy.Mul)
def _eval_mul(ev, expr):
    result = ev(expr.args[0])
    for a in expr.args[1:]:
        result = _mul(result, ev(a))
    return result


@_head(sympy.Pow)
def _eval_pow(ev, expr):
    return _power(ev(expr.args[0]), ev(expr.args[1]))


def _unary(fn):
    return lambda ev, expr: fn(ev(expr.args[0]))


for _cls, _fn in [(sympy.exp, EXP), (sympy.atan, ATAN), (sympy.sinh, SINH),
                  (sympy.cosh, _cosh), (sympy.tanh, TANH), (sympy.asinh, ASINH),
                  (sympy.acosh, ACOSH), (sympy.atanh, ATANH), (sympy.asin, ASIN),
                  (sympy.acos, ACOS), (sympy.erf, ERF), (sympy.Abs, _abs),
                  (sympy.ceiling, _ceiling), (sympy.floor, _floor), (sympy.tan, _tan),
                  (sympy.gamma, _gamma), (sympy.loggamma, _loggamma)]:
    _head(_cls)(_unary(_fn))
_head(sympy.sin)(_unary(lambda X: _sin_cos(X, "sin")))
_head(sympy.cos)(_unary(lambda X: _sin_cos(X, "cos")))
_head(sympy.factorial)(_unary(lambda X: _gamma(_add(X, Interval.point(1)))))
# every value is real (sympy writes |exp(x)| as exp(re(x)) for a symbol without assumptions)
_head(sympy.re)(_unary(lambda X: X))
_head(sympy.im)(_unary(lambda X: Interval.point(0)))


@_head(sympy.log)
def _eval_log(ev, expr):
    if len(expr.args) == 2:  # log(x, b) = log(x) / log(b)
        return _mul(LOG(ev(expr.args[0])), _reciprocal(LOG(ev(expr.args[1]))))
    return LOG(ev(expr.args[0]))


@_head(sympy.Max, sympy.Min)
def _eval_max(ev, expr):
    return _max_min([ev(a) for a in expr.args], isinstance(expr, sympy.Max))


def _small_integer(X: Interval) -> Optional[int]:
    v = _point_value(X)
    return int(v.p) if v is not None and v.q == 1 and abs(v.p) <= 1 << 20 else None


@_head(sympy.polygamma)
def _eval_polygamma(ev, expr):
    order, x = ev(expr.args[0]), ev(expr.args[1])
    m = _small_integer(order)
    if m == 0:
        return DIGAMMA(x)
    if m == 1:
        return TRIGAMMA(x)
    return _fallback(sympy.polygamma, [order, x])


@_head(sympy.binomial)
def _eval_binomial(ev, expr):
    n, k = ev(expr.args[0]), ev(expr.args[1])
    kk = _small_integer(k)
    if kk is not None and 0 <= kk <= 1000:
        return _binomial(n, kk)
    return _fallback(sympy.binomial, [n, k])


def _name(key) -> str:
    return key.name if isinstance(key, sympy.Symbol) else str(key)


def _box_by_name(box: Mapping) -> dict:
    out = {}
    for key, side in box.items():
        if not isinstance(side, Interval):
            raise MalformedNumberError(f"the side of {key} must be an Interval, got {side!r}")
        out[_name(key)] = side
    return out


def _values_by_name(values: Optional[Mapping]) -> dict:
    """Exact values as one-point intervals (an Interval is taken as given)."""
    return {_name(key): value if isinstance(value, Interval) else Interval.point(value)
            for key, value in (values or {}).items()}


def interval_evaluate(expr, box: Mapping, *, values: Optional[Mapping] = None,
                      prec: int = 64) -> Interval:
    """An Interval containing every value of ``expr`` over the box.

    ``expr`` is a sympy expression; ``box`` maps each variable (a Symbol
    or its name; symbols are matched by name) to an ``Interval``, whose
    sides may be unbounded and whose ends may be open; ``values`` gives
    other symbols exact values (int, fmpq, Fraction, sympy Rational).
    Every node is evaluated to an Interval with Arb at ``prec`` bits, each
    endpoint rounded outward to an exact dyadic rational, openness tracked
    as described in the module docstring (so ``sign()`` of the result can
    prove strict positivity on an unbounded box).

    Heads: numbers, pi, E, EulerGamma, Catalan, GoldenRatio, + * ** (any
    integer exponent; rational exponents and symbolic exponents of bases
    >= 0), exp log sqrt, sin cos, tan (finite arguments), atan asin acos,
    sinh cosh tanh asinh acosh atanh, erf, Abs, Max Min, ceiling floor,
    factorial gamma loggamma, polygamma(0 or 1, x), binomial(x, k) for a
    fixed integer k >= 0, re and im (every value is real); any other
    function on finite argument intervals
    by the ball evaluator of ``certbounds.certified.expression``.

    Raises DomainError where a function is undefined on the whole
    argument interval (log of [-2, -1]), UndecidedError where it may be
    undefined on part of it (log or 1/x of [-1, 1]) or cannot be bounded
    (an unknown function on an unbounded interval), MissingParameterError
    for a symbol without interval or value, MalformedNumberError for a
    float.

    >>> n = sympy.Symbol("n")
    >>> interval_evaluate(1 / (n * (n + 1)**2), {n: Interval.at_least(1)})
    (0, 0.25]
    >>> interval_evaluate(1 - 1/n, {"n": Interval.at_least(1)})
    [0, 1)
    """
    named = {**_values_by_name(values), **_box_by_name(box)}
    with ctx.workprec(prec):
        return _Evaluator(named)(sympy.sympify(expr))


# ------------------------------------------------------------------ limits at infinity
@dataclass(frozen=True)
class _Limit:
    """The limit of a subexpression: ``value`` an Interval enclosing a
    finite limit L (or INF / NEG_INF), and for a finite limit the side from
    which it is approached: 1 (eventually > L), -1 (eventually < L),
    0 (eventually equal to L), None (unknown)."""

    value: object
    side: Optional[int] = None

    @property
    def infinite(self) -> bool:
        return isinstance(self.value, Infinity)


def _times(a: Optional[int], b: Optional[int]) -> Optional[int]:
    return None if a is None or b is None else a * b


def _combine_sides(sides) -> Optional[int]:
    """The side of a sum of terms each approaching its limit from ``sides``."""
    if any(s is None for s in sides):
        return None
    nonzero = {s for s in sides if s != 0}
    if len(nonzero) > 1:
        return None
    return nonzero.pop() if nonzero else 0


def _is_zero_limit(A: _Limit) -> bool:
    return not A.infinite and A.value.sign() == 0


class _LimitEvaluator:
    """Evaluates every node at the point at infinity (see limit_at_infinity)."""

    def __init__(self, var: str, direction: int, named: dict):
        self.var = var
        self.direction = direction
        self.named = named
        self.constants = _Evaluator(named)
        self.memo: dict = {}

    def __call__(self, expr) -> _Limit:
        result = self.memo.get(expr)
        if result is None:
            result = self.memo[expr] = self._evaluate(expr)
        return result

    def _evaluate(self, expr) -> _Limit:
        if self.var not in {s.name for s in expr.free_symbols}:
            return _Limit(self.constants(expr), 0)
        if isinstance(expr, sympy.Symbol):
            return _Limit(INF if self.direction > 0 else NEG_INF)
        for cls in type(expr).__mro__:
            handler = _LIMIT_HEADS.get(cls)
            if handler is not None:
                return handler(self, expr)
        raise UndecidedError(f"cannot take the limit of {type(expr).__name__} at infinity")


_LIMIT_HEADS: dict = {}


def _limit_head(*classes):
    def register(fn):
        for cls in classes:
            _LIMIT_HEADS[cls] = fn
        return fn
    return register


def _limit_add(A: _Limit, B: _Limit) -> _Limit:
    if A.infinite or B.infinite:
        if A.infinite and B.infinite and A.value is not B.value:
            raise UndecidedError("indeterminate form oo - oo")
        return A if A.infinite else B
    return _Limit(_add(A.value, B.value), _combine_sides([A.side, B.side]))


def _eventual_sign(A: _Limit) -> Optional[int]:
    """The sign of the subexpression for large var (from L, or from the side when L = 0)."""
    if A.infinite:
        return A.value.sign
    s = A.value.sign()
    return A.side if s == 0 else s


def _limit_mul(A: _Limit, B: _Limit) -> _Limit:
    for P, Q in ((A, B), (B, A)):
        if P.infinite:
            if _is_zero_limit(Q) and Q.side == 0:  # eventually exactly 0 times anything
                return _Limit(Interval.point(0), 0)
            if _is_zero_limit(Q):
                raise UndecidedError("indeterminate form 0 * oo")
            s = _eventual_sign(Q)
            if s is None or s == 0:
                raise UndecidedError(f"0 * oo or an undecided sign: {Q.value} * {P.value}")
            return _Limit(INF if s * P.value.sign > 0 else NEG_INF)
    value = _mul(A.value, B.value)
    sa, sb = A.value.sign(), B.value.sign()
    if (sa == 0 and A.side == 0) or (sb == 0 and B.side == 0):
        return _Limit(value, 0)
    if sa == 0 or sb == 0:  # the product tends to 0 with the product's eventual sign
        return _Limit(value, _times(_eventual_sign(A), _eventual_sign(B)))
    # f g - L M = (f - L) g + L (g - M), g ~ M
    return _Limit(value, _combine_sides([_times(A.side, sb), _times(sa, B.side)]))


def _monotone_side(side: Optional[int], increasing: bool) -> Optional[int]:
    if side is None:
        return None
    return side if increasing else -side


def _limit_monotone(f: _Monotone, A: _Limit) -> _Limit:
    """f at a limit: at +-oo f's own limit (approached from inside the
    range); at a finite L, f(L) (or the one-sided limit at the boundary of
    f's domain the argument approaches from)."""
    if A.infinite:
        if (f.at_pos_inf if A.value.sign > 0 else f.at_neg_inf) is None:
            raise DomainError(f"{f.name} is not defined near {A.value}")
        w = f.value(A.value)
        if isinstance(w, Infinity):
            return _Limit(w)
        # an increasing f tends to f(oo) from below, to f(-oo) from above
        approach = -1 if f.increasing == (A.value.sign > 0) else 1
        return _Limit(_from_ends(*_bounds(w, False)), approach)
    L = _point_value(A.value)
    ends = [e for e in f.domain[:2] if e is not None] if f.domain else []
    if L is not None and A.side != 0 and any(L == e for e in ends):
        inward = 1 if L == f.domain[0] else -1
        if A.side is None:
            raise UndecidedError(f"{f.name} at the end {L} of its domain, "
                                 "approached from an unknown side")
        if A.side != inward:
            raise DomainError(f"{f.name} is not defined beyond {L}")
        w = f.at(L)  # the one-sided limit at the end of the domain
        if isinstance(w, Infinity):
            return _Limit(w)
        return _Limit(_from_ends(*_bounds(w, False)), _monotone_side(A.side, f.increasing))
    return _Limit(f(A.value), _monotone_side(A.side, f.increasing))


def _limit_int_power(A: _Limit, n: int) -> _Limit:
    if n == 0:
        return _Limit(Interval.point(1), 0)
    if A.infinite:
        if n < 0:
            return _Limit(Interval.point(0), A.value.sign ** (-n))
        return _Limit(INF if A.value.sign > 0 or n % 2 == 0 else NEG_INF)
    s = A.value.sign()
    if s == 0:
        if A.side == 0:
            if n < 0:
                raise DomainError("division by zero")
            return _Limit(Interval.point(0), 0)
        if A.side is None:
            raise UndecidedError("a power of a subexpression tending to 0 from an unknown side")
        eventual = A.side if n % 2 else 1
        if n < 0:
            return _Limit(INF if eventual > 0 else NEG_INF)
        return _Limit(Interval.point(0), eventual)
    if s is None:
        if n < 0:
            raise UndecidedError(f"1/x with a limit x in {A.value}, which may be 0")
        return _Limit(_int_power(A.value, n), None if A.side != 0 else 0)
    # d/dx x**n = n x**(n-1) has the sign of n * s**(n-1)
    slope = (1 if n > 0 else -1) * (s if (n - 1) % 2 else 1)
    return _Limit(_int_power(A.value, n), _times(A.side, slope))


def _limit_power(ev: _LimitEvaluator, expr) -> _Limit:
    base, exponent = expr.args
    B = ev(base)
    if ev.var not in {s.name for s in exponent.free_symbols}:
        r = _point_value(ev.constants(exponent))
        if r is not None and r.q == 1:
            return _limit_int_power(B, int(r.p))
        if r is not None:
            return _limit_rational_power(B, r)
    G = ev(exponent)
    if G.infinite and not B.infinite and _point_value(B.value) == 1 and B.side != 0:
        raise UndecidedError("indeterminate form 1**oo")
    if _is_zero_limit(G) and G.side != 0 and (B.infinite or (_is_zero_limit(B) and B.side != 0)):
        raise UndecidedError(f"indeterminate form {'oo' if B.infinite else '0'}**0")
    if _is_zero_limit(B) and B.side == 0:  # 0**g = 0 for g eventually > 0
        if _eventual_sign(G) == 1:
            return _Limit(Interval.point(0), 0)
        raise UndecidedError("0**g with g not eventually positive")
    return _limit_monotone(EXP, _limit_mul(G, _limit_monotone(LOG, B)))


def _limit_rational_power(B: _Limit, r: fmpq) -> _Limit:
    """B**r for a non-integer rational r (principal power, base >= 0)."""
    if B.infinite:
        if B.value.sign < 0:
            raise DomainError("a negative base to a fractional power")
        return _Limit(INF) if r > 0 else _Limit(Interval.point(0), 1)
    s = B.value.sign()
    if s == 0:
        if B.side == 0:
            if r < 0:
                raise DomainError("division by zero")
            return _Limit(Interval.point(0), 0)
        if B.side == 1:
            return _Limit(Interval.point(0), 1) if r > 0 else _Limit(INF)
        if B.side == -1:
            raise DomainError("a negative base to a fractional power")
        raise UndecidedError("a fractional power of a subexpression tending to 0 "
                             "from an unknown side")
    if s == -1:
        raise DomainError("a negative base to a fractional power")
    if s is None:
        raise UndecidedError(f"a fractional power of a limit in {B.value}, which may be negative")
    return _Limit(_power(B.value, Interval.point(r)), _times(B.side, 1 if r > 0 else -1))


@_limit_head(sympy.Add)
def _lim_add(ev, expr):
    parts = [ev(a) for a in expr.args]
    infinite = [P for P in parts if P.infinite]
    if infinite:
        if len({P.value.sign for P in infinite}) > 1:
            raise UndecidedError(f"indeterminate form oo - oo in {expr}")
        return infinite[0]
    result = parts[0]
    for P in parts[1:]:
        result = _limit_add(result, P)
    return result


@_limit_head(sympy.Mul)
def _lim_mul(ev, expr):
    parts = [ev(a) for a in expr.args]
    if any(_is_zero_limit(P) and P.side == 0 for P in parts):  # a factor eventually exactly 0
        return _Limit(Interval.point(0), 0)
    result = parts[0]
    for P in parts[1:]:
        result = _limit_mul(result, P)
    return result


_limit_head(sympy.Pow)(_limit_power)


def _limit_unary(f: _Monotone):
    return lambda ev, expr: _limit_monotone(f, ev(expr.args[0]))


for _cls, _fn in [(sympy.exp, EXP), (sympy.atan, ATAN), (sympy.sinh, SINH),
                  (sympy.tanh, TANH), (sympy.asinh, ASINH), (sympy.acosh, ACOSH),
                  (sympy.atanh, ATANH), (sympy.asin, ASIN), (sympy.acos, ACOS),
                  (sympy.erf, ERF)]:
    _limit_head(_cls)(_limit_unary(_fn))


@_limit_head(sympy.log)
def _lim_log(ev, expr):
    if len(expr.args) == 2:
        return _limit_mul(_limit_monotone(LOG, ev(expr.args[0])),
                          _limit_int_power(_limit_monotone(LOG, ev(expr.args[1])), -1))
    return _limit_monotone(LOG, ev(expr.args[0]))


_limit_head(sympy.re)(lambda ev, expr: ev(expr.args[0]))


@_limit_head(sympy.im)
def _lim_im(ev, expr):
    ev(expr.args[0])  # the argument must have a (real) limit
    return _Limit(Interval.point(0), 0)


@_limit_head(sympy.cosh)
def _lim_cosh(ev, expr):
    A = ev(expr.args[0])
    if A.infinite:
        return _Limit(INF)
    s = A.value.sign()
    side = _times(A.side, s) if s else (None if A.side is None else abs(A.side))
    return _Limit(_cosh(A.value), side)


@_limit_head(sympy.Abs)
def _lim_abs(ev, expr):
    A = ev(expr.args[0])
    if A.infinite:
        return _Limit(INF)
    s = A.value.sign()
    side = _times(A.side, s) if s else (None if A.side is None else abs(A.side))
    return _Limit(_abs(A.value), side)


@_limit_head(sympy.sin, sympy.cos, sympy.tan)
def _lim_trig(ev, expr):
    A = ev(expr.args[0])
    name = type(expr).__name__
    if A.infinite:
        raise UndecidedError(f"{name} has no limit at infinity")
    value = _tan(A.value) if name == "tan" else _sin_cos(A.value, name)
    if A.side == 0:
        return _Limit(value, 0)
    if name == "tan":
        return _Limit(value, A.side)
    near = _ball(A.value)
    slope = _from_ball(near.cos() if name == "sin" else -near.sin())
    return _Limit(value, _times(A.side, slope.sign()))


@_limit_head(sympy.Max, sympy.Min)
def _lim_max(ev, expr):
    pick_max = isinstance(expr, sympy.Max)
    parts = [ev(a) for a in expr.args]
    winner = INF if pick_max else NEG_INF
    if any(P.value is winner for P in parts):
        return _Limit(winner)
    finite = [P for P in parts if not P.infinite]
    if not finite:
        return parts[0]
    value = _max_min([P.value for P in finite], pick_max)
    for P in finite:  # one argument certainly beyond all others decides the side
        others = [Q for Q in finite if Q is not P]
        if pick_max:
            beyond = all(_cmp(P.value.lo, Q.value.hi) > 0 for Q in others)
        else:
            beyond = all(_cmp(P.value.hi, Q.value.lo) < 0 for Q in others)
        if beyond:
            return _Limit(value, P.side)
    return _Limit(value, None if any(P.side != 0 for P in finite) else 0)


@_limit_head(sympy.ceiling, sympy.floor)
def _lim_round(ev, expr):
    up = isinstance(expr, sympy.ceiling)
    A = ev(expr.args[0])
    if A.infinite:
        return A
    L = _point_value(A.value)
    if L is not None and L.q == 1:  # at an integer limit the side decides
        if A.side is None:
            raise UndecidedError(f"{type(expr).__name__} at the integer limit {L}, "
                                 "approached from an unknown side")
        if up:
            return _Limit(Interval.point(L + (1 if A.side > 0 else 0)), 0)
        return _Limit(Interval.point(L - (1 if A.side < 0 else 0)), 0)
    first, last = A.value.lo.ceil(), A.value.hi.floor()
    if first > last:  # no integer near the limit: eventually constant
        return _Limit(Interval.point(first if up else last), 0)
    raise UndecidedError(f"{type(expr).__name__} of a limit in {A.value}, which may be an integer")


@_limit_head(sympy.gamma, sympy.loggamma, sympy.factorial)
def _lim_gamma(ev, expr):
    A = ev(expr.args[0])
    if isinstance(expr, sympy.factorial):
        A = _limit_add(A, _Limit(Interval.point(1), 0))
    if A.infinite:
        if A.value.sign > 0:
            return _Limit(INF)
        raise UndecidedError(f"{type(expr).__name__} has no limit at -oo")
    value = _loggamma(A.value) if isinstance(expr, sympy.loggamma) else _gamma(A.value)
    if A.side == 0:
        return _Limit(value, 0)
    increasing = _cmp(A.value.lo, _GAMMA_INCREASING_FROM) >= 0
    return _Limit(value, A.side if increasing else None)


@_limit_head(sympy.polygamma)
def _lim_polygamma(ev, expr):
    m = _small_integer(ev.constants(expr.args[0])) \
        if ev.var not in {s.name for s in expr.args[0].free_symbols} else None
    if m not in (0, 1):
        raise UndecidedError(f"cannot take the limit of {expr} at infinity")
    return _limit_monotone(DIGAMMA if m == 0 else TRIGAMMA, ev(expr.args[1]))


@_limit_head(sympy.binomial)
def _lim_binomial(ev, expr):
    n, k = expr.args
    kk = _small_integer(ev.constants(k)) if ev.var not in {s.name for s in k.free_symbols} else None
    if kk is None or not 0 <= kk <= 1000:
        raise UndecidedError(f"cannot take the limit of {expr} at infinity")
    N = ev(n)
    result = _Limit(Interval.point(fmpq(1, _factorial(kk))), 0)
    for i in range(kk):
        result = _limit_mul(result, _limit_add(N, _Limit(Interval.point(-i), 0)))
    return result


def _factorial(k: int) -> int:
    return int(fmpz.fac_ui(k))


def limit_at_infinity(expr, var, *, direction: int = 1, values: Optional[Mapping] = None,
                      prec: int = 64):
    """lim expr as var -> direction * oo, evaluated node by node.

    Each node's limit follows from its children's by the extended
    arithmetic (oo + c = oo, c * oo = +-oo for c != 0, 1/(+-oo) = 0,
    1/(0+) = oo, exp(-oo) = 0, log(0+) = -oo, atan(oo) = pi/2, ...), with
    the side from which a finite limit is approached tracked so that
    1/(0+) and log(0+) are decided. No simplification is attempted: an
    indeterminate form anywhere in the tree (oo - oo, 0 * oo, oo/oo, 0/0,
    1**oo) raises UndecidedError, even when the whole expression has a
    limit; rewrite such expressions first (2 + 1/n, not (2n + 1)/n).
    sin, cos and tan have no limit at infinity (UndecidedError).

    Returns an Interval enclosing a finite limit (closed; a point when the
    limit is an exact rational computed exactly, else a narrow dyadic
    enclosure at ``prec`` bits), or the sentinel ``INF`` / ``NEG_INF``
    for an infinite limit. ``values`` gives other symbols exact values.

    Raises UndecidedError for indeterminate forms and undecidable signs,
    DomainError where the limit is outside a function's domain.

    >>> n = sympy.Symbol("n")
    >>> limit_at_infinity(1 / (n + 1) - sympy.log(1 + 1 / n), n)
    [0, 0]
    >>> limit_at_infinity(sympy.exp(n), n)
    INF
    >>> limit_at_infinity(n * sympy.log(1 + 1 / n), n)
    Traceback (most recent call last):
    ...
    certbounds.errors.UndecidedError: indeterminate form 0 * oo
    """
    if direction not in (1, -1):
        raise DomainError(f"direction must be 1 or -1, got {direction}")
    name = var.name if isinstance(var, sympy.Symbol) else str(var)
    named = _values_by_name(values)
    named.pop(name, None)
    with ctx.workprec(prec):
        result = _LimitEvaluator(name, direction, named)(sympy.sympify(expr))
    if result.infinite:
        return result.value
    return Interval(result.value.lo, result.value.hi)
