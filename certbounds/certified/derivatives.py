"""Certified derivatives of a user's function h, and sup-norms of them.

budzinskiy2025 asks of a one-variable h, smooth on an interval Omega, for
its derivatives h^{(s)}(xi) (Lemmas 3.3, 4.3, 6.3, Theorem 4.7) and for
||h^{(s)}||_{L_inf(Omega)} (Lemma 3.3, Theorem 4.7, Assumption 3.5). Here
they are enclosed in Arb balls by Taylor arithmetic: the sympy expression
of h is compiled once into a tree of closures that evaluates h on the
truncated power series x = xi + t (python-flint ``arb_series``), whose
coefficient of t^s is c_s = h^{(s)}(xi)/s!. Because every operation is
ball arithmetic, a ball ``xi`` gives coefficients valid for every point of
it, which is what the sup-norm needs.

Conventions: h is ``sympy.Lambda(x, expr)`` built from the functions
``certbounds.symbolic.parsing.parse_function`` allows; everything runs at
the current working precision (``flint.ctx.prec``). h must be finite, real
and smooth where it is evaluated: an argument that may leave a function's
domain (log or sqrt of a ball not certainly positive, Abs of a ball
containing 0 when a derivative is asked for, a pole of 1/g, tan or gamma)
raises DomainError. At order 0 only the value is needed, so there the
closed domains are accepted (sqrt(0), Abs(0), asin(1), acosh(1)).
"""

from __future__ import annotations

import heapq
import itertools
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Optional, Union

import sympy
from flint import arb, arb_series, ctx, fmpq

from ..errors import DomainError, UndecidedError
from .exact import to_fmpq
from .expression import integer_power

__all__ = ["taylor_coefficients", "derivative_at", "sup_abs_derivative", "assumption_constant",
           "DEFAULT_MAX_PIECES"]

#: Pieces sup_abs_derivative may evaluate before it returns the (wider,
#: still certified) ball it has.
DEFAULT_MAX_PIECES = 4000

#: A value of h or of a subexpression: a ball at order 0, else a series.
Value = Union[arb, arb_series]
#: A compiled subexpression: x (a ball, or the series xi + t) -> its value.
Node = Callable[[Value], Value]


# --------------------------------------------------------------------------
# Domains: what a function needs of its argument
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class _Requirement:
    """A condition on the value v (a ball) of a function's argument.

    ``holds(v)`` certifies it for every point of v; ``fails(v)`` certifies
    that no point of v satisfies it. When the condition is phi(v) != 0,
    ``zero_of`` is phi: a sign change of phi(g) between two points of an
    interval where g is continuous proves a zero, hence a singularity."""

    text: str
    holds: Callable[[arb], bool]
    fails: Callable[[arb], bool]
    zero_of: Optional[Callable[[arb], arb]] = None


_POSITIVE = _Requirement("> 0", lambda v: v > 0, lambda v: v <= 0)
_NONNEGATIVE = _Requirement(">= 0", lambda v: v >= 0, lambda v: v < 0)
_NONZERO = _Requirement("!= 0", lambda v: not v.contains(0), lambda v: v.is_zero(),
                        zero_of=lambda v: v)
_OPEN_UNIT = _Requirement("in (-1, 1)", lambda v: v > -1 and v < 1, lambda v: v.abs_lower() >= 1)
_CLOSED_UNIT = _Requirement("in [-1, 1]", lambda v: v >= -1 and v <= 1, lambda v: v.abs_lower() > 1)
_ABOVE_ONE = _Requirement("> 1", lambda v: v > 1, lambda v: v <= 1)
_AT_LEAST_ONE = _Requirement(">= 1", lambda v: v >= 1, lambda v: v < 1)
_NOT_TAN_POLE = _Requirement("away from the poles of tan (cos != 0)",
                             lambda v: not v.cos().contains(0), lambda v: False,
                             zero_of=lambda v: v.cos())
_NOT_GAMMA_POLE = _Requirement("away from the poles of gamma (0, -1, -2, ...)",
                               lambda v: v > 0 or (v < 0 and not v.contains_integer()),
                               lambda v: v.is_integer() and v <= 0,
                               zero_of=lambda v: v.rgamma())
#: not a domain: a non-finite ball can be certified neither way
_FINITE = _Requirement("finite", lambda v: v.is_finite(), lambda v: False)


class _NotSmooth(DomainError):
    """h could not be certified finite and smooth where it was evaluated:
    the argument ``argument`` (a Node) of some function may violate
    ``requirement``. Carries both so that the sup-norm can try to prove the
    violation at points (then it is certain) or refine (then it was an
    overestimate)."""

    def __init__(self, message: str, argument: Node, requirement: _Requirement, function: str):
        super().__init__(message)
        self.argument = argument
        self.requirement = requirement
        self.function = function


def _coefficients(value: Value, length: int) -> list:
    """The first ``length`` Taylor coefficients of a value (zeros padded)."""
    if isinstance(value, arb):
        return [value] + [arb(0)] * (length - 1)
    coeffs = value.coeffs()
    return coeffs + [arb(0)] * (length - len(coeffs))


def _checked(u: Value, requirement: Optional[_Requirement], argument: Node, function: str) -> arb:
    """The constant term of u, after certifying u finite and its constant
    term inside ``requirement``; raises _NotSmooth otherwise."""
    coeffs = _coefficients(u, 1) if isinstance(u, arb) else u.coeffs() or [arb(0)]
    if not all(c.is_finite() for c in coeffs):
        raise _NotSmooth(f"the argument of {function} is not finite", argument, _FINITE, function)
    head = coeffs[0]
    if requirement is not None and not requirement.holds(head):
        raise _NotSmooth(f"{function} needs its argument {requirement.text}, "
                         f"but the argument's value {head.str(5, radius=True)} is not certainly so",
                         argument, requirement, function)
    return head


# --------------------------------------------------------------------------
# The primitives: each on a ball (order 0) and on a series
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class _Primitive:
    """A function of one argument: its value on a ball, its series (given the
    series u and u's constant term), and the domains it needs on each."""

    on_ball: Callable[[arb], arb]
    on_series: Callable[[arb_series, arb], arb_series]
    ball_needs: Optional[_Requirement] = None
    series_needs: Optional[_Requirement] = None


def _shifted(u: arb_series) -> arb_series:
    """u minus its constant term, with the new constant term exactly 0 (a
    ball subtraction would leave a ball around 0)."""
    return arb_series([arb(0)] + u.coeffs()[1:], prec=u.prec)


def _cosh_sinh_of_shift(u: arb_series) -> tuple[arb_series, arb_series]:
    """cosh(v), sinh(v) for v = u - u0 (constant terms exactly 1 and 0)."""
    e = _shifted(u).exp()
    e_inv = e.inv()
    return (e + e_inv) / 2, (e - e_inv) / 2


def _series_sinh(u: arb_series, u0: arb) -> arb_series:
    # sinh(u0 + v) = sinh(u0) cosh(v) + cosh(u0) sinh(v): the constant term
    # is arb's own sinh(u0), so no cancellation in e^u - e^-u near u0 = 0
    s0, c0 = u0.sinh_cosh()
    c, s = _cosh_sinh_of_shift(u)
    return s0 * c + c0 * s


def _series_cosh(u: arb_series, u0: arb) -> arb_series:
    s0, c0 = u0.sinh_cosh()
    c, s = _cosh_sinh_of_shift(u)
    return c0 * c + s0 * s


def _series_tanh(u: arb_series, u0: arb) -> arb_series:
    # tanh(u0 + v) = (t0 + T) / (1 + t0 T), T = tanh(v): sinh/cosh would
    # divide two wide balls when u0 is a wide ball (a piece of Omega)
    e = (2 * _shifted(u)).exp()
    t, t0 = (e - 1) / (e + 1), u0.tanh()
    return (t0 + t) / (1 + t0 * t)


def _by_integral(value: arb, u: arb_series, integrand_factor: arb_series) -> arb_series:
    """f(u) = f(u0) + integral of u' f'(u), for f' = integrand_factor(u)."""
    return value + (u.derivative() * integrand_factor).integral()


_PRIMITIVES: dict = {
    sympy.exp: _Primitive(arb.exp, lambda u, u0: u.exp()),
    sympy.log: _Primitive(arb.log, lambda u, u0: u.log(), _POSITIVE, _POSITIVE),
    sympy.sin: _Primitive(arb.sin, lambda u, u0: u.sin()),
    sympy.cos: _Primitive(arb.cos, lambda u, u0: u.cos()),
    sympy.tan: _Primitive(arb.tan, lambda u, u0: u.tan(), _NOT_TAN_POLE, _NOT_TAN_POLE),
    sympy.atan: _Primitive(arb.atan, lambda u, u0: u.atan()),
    sympy.asin: _Primitive(arb.asin, lambda u, u0: u.asin(), _CLOSED_UNIT, _OPEN_UNIT),
    sympy.acos: _Primitive(arb.acos, lambda u, u0: u.acos(), _CLOSED_UNIT, _OPEN_UNIT),
    sympy.sinh: _Primitive(arb.sinh, _series_sinh),
    sympy.cosh: _Primitive(arb.cosh, _series_cosh),
    sympy.tanh: _Primitive(arb.tanh, _series_tanh),
    sympy.asinh: _Primitive(arb.asinh,
                            lambda u, u0: _by_integral(u0.asinh(), u, (1 + u * u).rsqrt())),
    sympy.acosh: _Primitive(arb.acosh,
                            lambda u, u0: _by_integral(u0.acosh(), u, (u * u - 1).rsqrt()),
                            _AT_LEAST_ONE, _ABOVE_ONE),
    sympy.atanh: _Primitive(arb.atanh, lambda u, u0: _by_integral(u0.atanh(), u, (1 - u * u).inv()),
                            _OPEN_UNIT, _OPEN_UNIT),
    sympy.erf: _Primitive(arb.erf, lambda u, u0: u.erf()),
    sympy.gamma: _Primitive(arb.gamma, lambda u, u0: u.gamma(), _NOT_GAMMA_POLE, _NOT_GAMMA_POLE),
    # |g| is smooth only where g != 0; its value is continuous everywhere
    sympy.Abs: _Primitive(abs, lambda u, u0: u if u0 > 0 else -u, None, _NONZERO),
}


# --------------------------------------------------------------------------
# Compilation of h's sympy tree into closures
# --------------------------------------------------------------------------

def _apply(primitive: _Primitive, argument: Node, function: str) -> Node:
    """The node of primitive(argument); ``function`` is its text for messages."""
    def node(x: Value) -> Value:
        u = argument(x)
        if isinstance(u, arb_series):
            return primitive.on_series(u, _checked(u, primitive.series_needs, argument, function))
        return primitive.on_ball(_checked(u, primitive.ball_needs, argument, function))
    return node


def _nonnegative_power(v: arb, r: arb) -> arb:
    """v**r for a ball v >= 0 and r > 0 (0 where v may be 0): r-th power is
    increasing there, so the hull of the endpoint powers encloses it."""
    if v > 0:
        return (r * v.log()).exp()
    top = v.upper()
    return arb(0).union((r * top.log()).exp() if top > 0 else arb(0))


def _compile_pow(base_expr: sympy.Expr, exponent: sympy.Expr, var: sympy.Symbol) -> Node:
    base = _compile_expr(base_expr, var)
    function = str(sympy.Pow(base_expr, exponent))
    if exponent.is_Integer and exponent >= 0:
        n = int(exponent)
        return lambda x: integer_power(base(x), n)
    if exponent.is_Integer:
        n = -int(exponent)
        reciprocal = _Primitive(lambda v: 1 / integer_power(v, n),
                                lambda u, u0: integer_power(u, n).inv(),
                                _NONZERO, _NONZERO)
        return _apply(reciprocal, base, function)
    if exponent.is_Rational and exponent.q == 2:
        p = int(exponent.p)
        if p > 0:
            root = _Primitive(lambda v: integer_power(v.sqrt(), p),
                              lambda u, u0: integer_power(u.sqrt(), p),
                              _NONNEGATIVE, _POSITIVE)
        else:
            root = _Primitive(lambda v: integer_power(v.rsqrt(), -p),
                              lambda u, u0: integer_power(u.rsqrt(), -p),
                              _POSITIVE, _POSITIVE)
        return _apply(root, base, function)
    power = _compile_expr(exponent, var)
    if not exponent.has(var):
        # a constant real exponent: g**r = exp(r log g), with g = 0 allowed
        # for the value when r > 0
        positive = bool(exponent.is_positive)
        constant = _Primitive(
            lambda v: _nonnegative_power(v, power(v)) if positive else (power(v) * v.log()).exp(),
            lambda u, u0: (power(u0) * u.log()).exp(),
            _NONNEGATIVE if positive else _POSITIVE, _POSITIVE)
        return _apply(constant, base, function)
    logarithm = _apply(_PRIMITIVES[sympy.log], base, f"log({base_expr}) in {function}")
    return _apply(_PRIMITIVES[sympy.exp], lambda x: power(x) * logarithm(x), function)


def _compile_expr(expr: sympy.Expr, var: sympy.Symbol) -> Node:
    if expr == var:
        return lambda x: x
    if expr.is_Integer:
        n = int(expr)
        return lambda x: arb(n)
    if expr.is_Rational or expr.is_Float:
        q = to_fmpq(sympy.Rational(expr))  # a Float's binary value, exactly
        return lambda x: arb(q)
    if expr is sympy.pi:
        return lambda x: arb.pi()
    if expr is sympy.E:
        return lambda x: arb.const_e()
    if isinstance(expr, sympy.Add):
        terms = [_compile_expr(a, var) for a in expr.args]
        return lambda x: sum((t(x) for t in terms[1:]), terms[0](x))
    if isinstance(expr, sympy.Mul):
        factors = [_compile_expr(a, var) for a in expr.args]

        def product(x: Value) -> Value:
            value = factors[0](x)
            for f in factors[1:]:
                value = value * f(x)
            return value
        return product
    if isinstance(expr, sympy.Pow):
        return _compile_pow(*expr.args, var)
    if expr.func in _PRIMITIVES and len(expr.args) == 1:
        return _apply(_PRIMITIVES[expr.func], _compile_expr(expr.args[0], var), str(expr))
    if expr.has(sympy.I) or expr.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo):
        raise DomainError(f"h is not a finite real function: it contains {expr}")
    raise DomainError(f"h uses {expr.func.__name__}, which certbounds cannot enclose "
                      f"(allowed: exp, log, sqrt, sin, cos, tan, sinh, cosh, tanh, atan, asinh, "
                      f"acosh, atanh, asin, acos, erf, gamma, Abs, pi, E, + - * / **)")


@lru_cache(maxsize=256)
def _compile_lambda(h: sympy.Lambda) -> Node:
    (var,) = h.variables
    return _compile_expr(h.expr, var)


def _compiled(h) -> Node:
    if not isinstance(h, sympy.Lambda) or len(h.variables) != 1:
        raise DomainError(f"h must be a function of one variable (a sympy Lambda), got {h!r}")
    extra = h.expr.free_symbols - set(h.variables)
    if extra:
        names = ", ".join(sorted(str(s) for s in extra))
        raise DomainError(f"h = {h.expr} has unbound name(s) {names}")
    return _compile_lambda(h)


# --------------------------------------------------------------------------
# Taylor coefficients and derivatives
# --------------------------------------------------------------------------

def _order(s) -> int:
    if int(s) != s or s < 0:
        raise DomainError(f"a derivative order must be an integer >= 0, got {s}")
    return int(s)


def _as_ball(v) -> arb:
    return v if isinstance(v, arb) else arb(to_fmpq(v))


def _as_exact(v, what: str) -> fmpq:
    if isinstance(v, arb):
        if not (v.is_exact() and v.is_finite()):
            raise UndecidedError(f"{what} must be an exact number, got the ball {v}")
        return v.fmpq()
    return to_fmpq(v)


@contextmanager
def _series_length(length: int):
    """python-flint truncates every series operation to min(prec, ctx.cap):
    raise the cap to ``length`` while h is evaluated."""
    saved = ctx.cap
    ctx.cap = max(saved, length)
    try:
        yield
    finally:
        ctx.cap = saved


def _taylor(node: Node, center: arb, order: int) -> list:
    if order == 0:
        value = node(center)
    else:
        with _series_length(order + 1):
            value = node(arb_series([center, 1], prec=order + 1))
        if isinstance(value, arb_series) and value.prec < order + 1:
            raise AssertionError(f"series truncated to {value.prec} terms, {order + 1} needed")
    coeffs = _coefficients(value, order + 1)
    if not all(c.is_finite() for c in coeffs):
        raise _NotSmooth("h is not finite", lambda x: x, _FINITE, "h")
    return coeffs


def taylor_coefficients(h: sympy.Lambda, center, order: int) -> list:
    """Certified Taylor coefficients c_s = h^{(s)}(xi)/s!, s = 0..order.

    h(xi + t) = sum_s c_s t**s (budzinskiy2025 Lemmas 3.3, 4.3, 6.3 use
    these derivatives). ``center`` is an arb (or an exact rational): each
    returned ball contains c_s for *every* xi in it. Evaluated by Taylor
    arithmetic on ``arb_series`` at the current precision; h's sympy tree
    is compiled once per h.

    Raises DomainError when h is not certainly finite, real and smooth on
    the ball (log of a ball not certainly positive, Abs(g) with 0 in the
    ball of g for order >= 1, a pole, a function certbounds cannot enclose).

    >>> from sympy import Lambda, exp
    >>> from certbounds.symbolic.parsing import X
    >>> [c.str(5) for c in taylor_coefficients(Lambda(X, exp(2*X)), 0, 3)]
    ['1.0000', '2.0000', '2.0000', '[1.3333 +/- ...]']
    """
    node = _compiled(h)
    order = _order(order)
    center = _as_ball(center)
    try:
        return _taylor(node, center, order)
    except _NotSmooth as err:
        err.args = (f"{err.args[0]} at x = {center.str(10, radius=True)}: h must be finite, "
                    f"real and smooth there",)
        raise


def derivative_at(h: sympy.Lambda, s: int, xi) -> arb:
    """Certified h^{(s)}(xi), the s-th derivative of h at a point.

    h^{(s)}(xi) = s! c_s (``taylor_coefficients``); budzinskiy2025 Lemmas
    3.3, 4.3, 6.3 and Theorem 4.7. xi is an exact rational or a ball (then
    the result holds for every point of it). Current precision.

    Raises DomainError when h is not certainly smooth at xi, or s < 0.

    >>> from sympy import Lambda, sin
    >>> from certbounds.symbolic.parsing import X
    >>> derivative_at(Lambda(X, X**5), 3, 2)
    240.000000000000
    >>> derivative_at(Lambda(X, sin(X)), 2, 0)
    0
    """
    s = _order(s)
    return taylor_coefficients(h, xi, s)[s] * arb.fac_ui(s)


# --------------------------------------------------------------------------
# The sup-norm by adaptive subdivision
# --------------------------------------------------------------------------

def _interval(lower: arb, upper: arb) -> arb:
    """A ball containing [lower, upper] (exact endpoints)."""
    return lower.union(upper)


def _show(q: fmpq) -> str:
    """A rational for a message: as a fraction when short, else ~10 digits."""
    text = str(q)
    return text if len(text) <= 16 else arb(q).str(10)


def _sign(v: arb) -> int:
    return 1 if v > 0 else -1 if v < 0 else 0


def _certainly_not_smooth(err: _NotSmooth, points) -> bool:
    """Whether the requirement ``err`` reports is certainly violated
    somewhere in the interval spanned by ``points``: at one of them, or
    (for phi(g) != 0) by a sign change of phi(g), g being continuous on
    the interval because it was evaluated there."""
    values = []
    for p in points:
        try:
            v = err.argument(arb(p))
        except DomainError:
            continue
        if not v.is_finite():
            continue
        if err.requirement.fails(v):
            return True
        values.append(v)
    phi = err.requirement.zero_of
    return phi is not None and {1, -1} <= {_sign(phi(v)) for v in values}


@dataclass(frozen=True)
class _Piece:
    """A piece [a, b] of the interval with midpoint m, an upper bound of
    |h^{(s)}| on it (None if h could not be enclosed there), and whether
    bisecting it further can no longer help at this precision."""

    a: fmpq
    b: fmpq
    m: fmpq
    upper: Optional[arb]
    stalled: bool


class _SupSearch:
    """Best-first branch and bound for max |h^{(s)}| on [lo, hi]."""

    def __init__(self, node: Node, s: int, lo: fmpq, hi: fmpq):
        self.node, self.s, self.lo, self.hi = node, s, lo, hi
        self.factorial = arb.fac_ui(s)
        self.lower = arb(0)   # certified: |h^{(s)}| at evaluated points
        self.evaluations = 0

    def _fail(self, err: _NotSmooth, a: fmpq, b: fmpq):
        where = f"at x = {_show(a)}" if a == b else f"in [{_show(a)}, {_show(b)}]"
        raise DomainError(f"h is not finite, real and smooth on [{_show(self.lo)}, "
                          f"{_show(self.hi)}]: {err.function} needs its argument "
                          f"{err.requirement.text}, which fails {where}") from None

    def point(self, x: fmpq) -> Optional[arb]:
        """h^{(s)}(x), raising lower to |h^{(s)}(x)|; None when h could not
        be certified smooth at x (but was not proved singular either)."""
        try:
            value = _taylor(self.node, arb(x), self.s)[self.s] * self.factorial
        except _NotSmooth as err:
            if _certainly_not_smooth(err, [x]):
                self._fail(err, x, x)
            return None
        self.lower = arb.max(self.lower, value.abs_lower())
        return value

    def piece(self, a: fmpq, b: fmpq) -> _Piece:
        self.evaluations += 1
        m = (a + b) / 2
        at_mid = self.point(m)
        ball = arb(a).union(arb(b))
        try:
            upper, stalled = self._upper(ball, m, at_mid)
        except _NotSmooth as err:
            if _certainly_not_smooth(err, [a, m, b]):
                self._fail(err, a, b)
            return _Piece(a, b, m, None, False)
        return _Piece(a, b, m, upper, stalled)

    def _upper(self, ball: arb, m: fmpq, at_mid: Optional[arb]) -> tuple[arb, bool]:
        """An upper bound of |h^{(s)}| on the piece: the smaller of the
        direct enclosure and the mean-value form f(m) + f'(piece) (x - m),
        whose overestimate near a maximum (f' small) is quadratic in the
        width; and whether rounding already dominates that overestimate."""
        s = self.s
        try:
            coeffs = _taylor(self.node, ball, s + 1)
        except _NotSmooth:
            if s > 0:
                raise
            # h itself may be merely continuous here (|g| at a zero of g)
            return _taylor(self.node, ball, 0)[0].abs_upper(), False
        direct = (coeffs[s] * self.factorial).abs_upper()
        if at_mid is None:
            return direct, False
        spread = coeffs[s + 1] * self.factorial * (s + 1) * (ball - arb(m))
        centred = (at_mid + spread).abs_upper()
        stalled = spread.abs_upper() <= at_mid.rad()
        return (centred if centred < direct else direct), stalled


def sup_abs_derivative(h: sympy.Lambda, s: int, lo, hi, *, accuracy: int = 50,
                       max_pieces: int = DEFAULT_MAX_PIECES) -> arb:
    """Certified ||h^{(s)}||_{L_inf([lo, hi])} = max over lo <= x <= hi of |h^{(s)}(x)|.

    budzinskiy2025 Lemma 3.3, Theorem 4.7 and Assumption 3.5. Returns a
    ball [L, U]: L is |h^{(s)}| at points of [lo, hi] (rigorously enclosed),
    hence a certified lower bound; U is the largest upper bound over a
    subdivision of [lo, hi] into pieces, each bounded by the mean-value form
    h^{(s)}(m) + h^{(s+1)}(piece) (x - m) (order s + 1 Taylor coefficients on
    the piece), hence a certified upper bound. Pieces are bisected best
    first, only while their bound exceeds L, until (U - L) <= 2**-accuracy U,
    until rounding at the current precision dominates, or until
    ``max_pieces`` pieces have been evaluated (then the wider ball is
    returned: it is still certified).

    lo <= hi are exact rationals (lo == hi allowed); current precision.

    Raises DomainError when h is proved not finite, real or smooth on
    [lo, hi] (e.g. log(x) on [-1, 1]; Abs(x) on [-1, 1] for s >= 1), or
    lo > hi, or s < 0; UndecidedError when h could not be enclosed on some
    piece within the budget (e.g. a singularity at an irrational point).

    >>> from sympy import Lambda, exp
    >>> from certbounds.symbolic.parsing import X
    >>> b = sup_abs_derivative(Lambda(X, exp(X)), 4, -1, 1)
    >>> b.contains(arb.const_e()), b.rad() < 1e-12
    (True, True)
    """
    node = _compiled(h)
    s = _order(s)
    lo, hi = _as_exact(lo, "lo"), _as_exact(hi, "hi")
    if lo > hi:
        raise DomainError(f"empty interval [{lo}, {hi}]")
    search = _SupSearch(node, s, lo, hi)
    if lo == hi:
        value = search.point(lo)
        if value is None:
            raise UndecidedError(f"could not certify h smooth at x = {lo}")
        return abs(value)
    search.point(lo)
    search.point(hi)
    tolerance = arb(2) ** -accuracy
    order = itertools.count()
    heap: list = []

    def push(piece: _Piece) -> None:
        if piece.upper is None:
            heapq.heappush(heap, (0, 0, next(order), piece))
        elif piece.upper > search.lower:
            heapq.heappush(heap, (1, -piece.upper.fmpq(), next(order), piece))

    push(search.piece(lo, hi))
    while heap:
        top = heap[0][-1]
        exhausted = search.evaluations >= max_pieces
        if top.upper is None:
            if exhausted or (top.b - top.a) * 2 ** ctx.prec <= abs(top.a) + abs(top.b):
                raise UndecidedError(
                    f"could not certify h finite and smooth on [{_show(top.a)}, {_show(top.b)}]: "
                    f"h may be singular there (or merely continuous at an end of the interval), "
                    f"or the precision is too low")
        elif (top.upper - search.lower <= tolerance * top.upper or top.upper.is_zero()
              or top.stalled or exhausted):
            return _interval(search.lower, arb.max(search.lower, top.upper))
        heapq.heappop(heap)
        push(search.piece(top.a, top.m))
        push(search.piece(top.m, top.b))
    # every piece's bound is <= the lower bound: the maximum is attained
    return _interval(search.lower, search.lower)


def assumption_constant(h: sympy.Lambda, M, lo, hi, S: int, *, accuracy: int = 50) -> arb:
    """Certified max over s = 0..S of ||h^{(s)}||_{L_inf([lo, hi])} / M**s.

    The smallest C with ||h^{(s)}|| <= C M^s for s <= S: budzinskiy2025
    Assumption 3.5 checked up to order S (the assumption asks it for every
    s, so this is a lower bound on the C it needs). The result is the
    maximum of the balls of ``sup_abs_derivative``: [max of their lower
    ends, max of their upper ends]. M > 0 (exact or a ball), lo <= hi
    exact, S >= 0; current precision.

    Raises DomainError as ``sup_abs_derivative`` does, or when M is not
    certainly positive.

    >>> from sympy import Lambda, exp
    >>> from certbounds.symbolic.parsing import X
    >>> assumption_constant(Lambda(X, exp(2*X)), 2, 0, 1, 3).contains(arb(2).exp())
    True
    """
    M = _as_ball(M)
    if not M > 0:
        raise DomainError(f"Assumption 3.5 needs M > 0, got {M}")
    S = _order(S)
    lower, upper = None, None
    for s in range(S + 1):
        term = sup_abs_derivative(h, s, lo, hi, accuracy=accuracy) / M ** s
        lower = term.lower() if lower is None else arb.max(lower, term.lower())
        upper = term.upper() if upper is None else arb.max(upper, term.upper())
    return _interval(lower, upper)
