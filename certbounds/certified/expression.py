"""sympy -> Arb: compiled, certified evaluation of catalogue expressions.

``compile_expression(expr)`` walks a sympy expression once and returns a
``Compiled`` tree of small Python closures; calling it with an ``Env``
(exact parameter values and a working precision) returns either an exact
rational (``fmpq``, wherever every operation on the way was rational:
ranks, rational parameters, ceilings of rationals), an infinity (``INF``,
``NEG_INF``) or an Arb ball (``arb``) that provably contains the value.
Every sympy head the catalogue uses is supported: + x ** exp log sqrt pi E,
ceiling/floor, Max/Min, Abs, binomial, factorial, gamma, loggamma,
polygamma (x > 0), RisingFactorial, beta,
elliptic_k (parameter convention m = k**2), finite Sums, and the special
functions of ``certbounds.symbolic.functions`` (R_r, cross ratio,
Zolotarev numbers, Jacobi dn, the Zolotarev Moebius map, Bessel zeros,
derivatives and sup-norms of derivatives of a user's h).

Ceilings and floors are certified: the result is exact when the argument's
ball holds no integer; otherwise the ball [floor(lo), floor(hi)] (a valid
enclosure) is returned, and once the working precision is high the
argument is tested symbolically (sympy ``simplify(arg - k) == 0``) so that
an argument that *is* an integer (ceil(log(8)/log(2))) is decided exactly.

Relations (hypotheses) evaluate to True, False or None (undecided).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Optional

import sympy
from flint import acb, arb, fmpq, fmpz

from ..errors import DomainError, UndecidedError
from ..symbolic import functions as F
from .exact import INF, NEG_INF, Infinity

__all__ = ["Env", "Compiled", "compile_expression", "to_arb", "is_exact", "hull",
           "decide_sign", "compare_sign", "relation_holds", "integer_power", "MAX_EXACT_BITS"]

#: Exact rational arithmetic stops (falls back to balls) above this size.
MAX_EXACT_BITS = 1 << 20
#: A finite Sum may have at most this many terms.
MAX_SUM_TERMS = 1_000_000


@dataclass
class Env:
    """What a compiled expression is evaluated in: exact parameter values
    (symbol -> fmpq, INF/NEG_INF, or a sympy Lambda for a function
    parameter), the working precision, the sympy values (for symbolic
    decisions) and a per-evaluation cache of shared subtrees."""

    values: dict
    prec: int
    sympy_values: dict = field(default_factory=dict)
    symbolic_from_prec: int = 256
    accuracy: int = 50
    cache: dict = field(default_factory=dict)

    def with_binding(self, symbol, value) -> "Env":
        values = dict(self.values)
        values[symbol] = value
        subs = dict(self.sympy_values)
        if isinstance(value, fmpq):
            subs[symbol] = sympy.Rational(int(value.p), int(value.q))
        return Env(values, self.prec, subs, self.symbolic_from_prec, self.accuracy, {})


def is_exact(v) -> bool:
    return isinstance(v, fmpq)


def to_arb(v) -> arb:
    """The ball of a run-time value (exact rationals become balls at the
    current precision; infinities are refused)."""
    if isinstance(v, arb):
        return v
    if isinstance(v, fmpq):
        return arb(v)
    if isinstance(v, Infinity):
        raise DomainError("an infinite value where a finite number is needed")
    if isinstance(v, (int, fmpz)):
        return arb(v)
    raise DomainError(f"not a number: {v!r}")


def hull(lo: arb, hi: arb) -> arb:
    """The smallest ball (up to rounding) containing both balls."""
    return lo.union(hi)


def decide_sign(v) -> Optional[int]:
    """-1, 0 or 1 when certain, None when the ball straddles 0."""
    if isinstance(v, fmpq):
        return (v > 0) - (v < 0)
    if isinstance(v, Infinity):
        return v.sign
    if not v.is_finite():
        return None
    if v > 0:
        return 1
    if v < 0:
        return -1
    if v.is_zero():
        return 0
    return None


@dataclass(frozen=True)
class Compiled:
    """A compiled expression: ``run(env)`` returns fmpq, INF/NEG_INF, arb,
    True/False/None (relations) or a Lambda (a function parameter)."""

    expr: sympy.Basic
    run: Callable
    symbols: frozenset

    def __call__(self, env: Env):
        return self.run(env)


def _bits(q: fmpq) -> int:
    return int(q.p).bit_length() + int(q.q).bit_length()


def _exact_int(v, what: str) -> int:
    if isinstance(v, fmpq) and v.q == 1:
        return int(v.p)
    if isinstance(v, arb) and v.is_exact() and v.unique_fmpz() is not None:
        return int(v.unique_fmpz())
    raise UndecidedError(f"{what} must be a certified integer, got {v}")


def _integer_candidates(v) -> tuple[int, int]:
    """floor(lower), ceil(upper) of a finite ball or exact value."""
    if isinstance(v, fmpq):
        return int(v.floor()), int(v.ceil())
    if not v.is_finite():
        raise UndecidedError("an integer argument is not finite")
    return int(v.lower().floor().unique_fmpz()), int(v.upper().ceil().unique_fmpz())


# ------------------------------------------------------------------ arithmetic
def _add(values):
    if all(isinstance(v, fmpq) for v in values):
        total = fmpq(0)
        for v in values:
            total += v
        return total
    infinite = [v for v in values if isinstance(v, Infinity)]
    if infinite:
        if len({v.sign for v in infinite}) > 1:
            raise DomainError("oo - oo is undefined")
        return infinite[0]
    total = arb(0)
    for v in values:
        total += to_arb(v)
    return total


def _mul(values):
    if all(isinstance(v, fmpq) for v in values):
        total = fmpq(1)
        for v in values:
            total *= v
            if _bits(total) > MAX_EXACT_BITS:
                break
        else:
            return total
    if any(isinstance(v, Infinity) for v in values):
        sign = 1
        for v in values:
            s = decide_sign(v)
            if s in (None, 0):
                raise DomainError("0 * oo is undefined")
            sign *= s
        return INF if sign > 0 else NEG_INF
    total = arb(1)
    for v in values:
        total *= to_arb(v)
    return total


def _pow(base, exponent):
    if isinstance(exponent, fmpq) and exponent.q == 1:
        e = int(exponent.p)
        if e == 0:  # x**0 = 1 exactly, as sympy has it (0**0 included)
            return fmpq(1)
        if isinstance(base, fmpq):
            if base == 0 and e < 0:
                raise DomainError("division by zero")
            if abs(e) * max(_bits(base), 1) <= MAX_EXACT_BITS:
                return base ** e
        if isinstance(base, Infinity):
            if e > 0:
                return INF if (base.sign > 0 or e % 2 == 0) else NEG_INF
            return fmpq(0) if e < 0 else fmpq(1)
        b = to_arb(base)
        if e < 0 and b.contains(0):
            return arb.nan()
        return integer_power(b, e)
    if isinstance(exponent, fmpq) and exponent == fmpq(1, 2):
        if isinstance(base, fmpq) and base >= 0:
            root = _exact_sqrt(base)
            if root is not None:
                return root
        return _sqrt(to_arb(base))
    b, x = to_arb(base), to_arb(exponent)
    if not b > 0:
        if b.is_zero() and x > 0:
            return arb(0)
        return arb.nan()
    return (x * b.log()).exp()


def _exact_sqrt(q: fmpq):
    """sqrt(q) as an exact rational when q is the square of one, else None."""
    p, d = fmpz(q.p), fmpz(q.q)
    if p.is_square() and d.is_square():
        return fmpq(p.isqrt(), d.isqrt())
    return None


def integer_power(x, n: int):
    """x**n for an arb (or arb_series) x and an integer n.

    python-flint's ``arb ** int`` goes through the real power exp(n log x)
    and returns NaN for a ball that contains 0; and midpoint-radius
    products of wide balls lose the sign ([1 -+ 1/2] * [1 -+ 1/2] holds
    -1/4). A ball's power is therefore taken at its endpoints, where t**n is
    monotone (odd n), or monotone in |t| (even n); series multiply out.
    """
    if n < 0:  # a ball's reciprocal first: its power stays away from 0
        return integer_power(1 / x, -n) if isinstance(x, arb) else 1 / integer_power(x, -n)
    if n == 0:
        return arb(1)
    if not isinstance(x, arb) or x.is_exact() or not x.is_finite():
        return _repeated_squaring(x, n)
    if n % 2:
        return _repeated_squaring(x.lower(), n).union(_repeated_squaring(x.upper(), n))
    top = _repeated_squaring(x.abs_upper(), n)
    if x.contains(0):
        return arb(0).union(top)
    return _repeated_squaring(x.abs_lower(), n).union(top)


def _repeated_squaring(x, n: int):
    """x**n (n >= 1) by products: tight for a narrow ball or a series."""
    result, base = None, x
    while n:
        if n & 1:
            result = base if result is None else result * base
        n >>= 1
        if n:
            base = base * base
    return result


def _sqrt(b: arb) -> arb:
    if b < 0:
        raise DomainError("square root of a negative number")
    if b >= 0:
        return b.sqrt()
    return arb.nan()  # straddles 0: a wider ball cannot be refined here


def _log(v):
    if isinstance(v, fmpq) and v == 1:
        return fmpq(0)
    if isinstance(v, Infinity):
        if v.sign > 0:
            return INF
        raise DomainError("log of -oo")
    b = to_arb(v)
    if b <= 0:
        raise DomainError("log of a non-positive number")
    if not b > 0:
        return arb.nan()
    return b.log()


def _exp(v):
    if isinstance(v, fmpq) and v == 0:
        return fmpq(1)
    if isinstance(v, Infinity):
        return INF if v.sign > 0 else fmpq(0)
    return to_arb(v).exp()


def _abs(v):
    if isinstance(v, fmpq):
        return abs(v)
    if isinstance(v, Infinity):
        return INF
    return abs(v)


def _max(values, pick_max: bool):
    if all(isinstance(v, fmpq) for v in values):
        return max(values) if pick_max else min(values)
    if any(isinstance(v, Infinity) for v in values):
        inf = [v for v in values if isinstance(v, Infinity)]
        if pick_max and any(v.sign > 0 for v in inf):
            return INF
        if not pick_max and any(v.sign < 0 for v in inf):
            return NEG_INF
        values = [v for v in values if not isinstance(v, Infinity)]
        if len(values) == 0:
            return inf[0]
    result = to_arb(values[0])
    for v in values[1:]:
        result = result.max(to_arb(v)) if pick_max else result.min(to_arb(v))
    return result


# ------------------------------------------------------------------ compiler
_HEAD_TABLE: dict = {}


def _head(*classes):
    def register(fn):
        for cls in classes:
            _HEAD_TABLE[cls] = fn
        return fn
    return register


_NODE_IDS = itertools.count()


def compile_expression(expr) -> Compiled:
    """Compile a sympy expression (or relation) once; evaluate the result
    at any parameter values and precision. Identical subtrees share one
    node, and a node's value is cached per evaluation.

    Raises DomainError (as an UndecidedError subclass would be wrong here:
    this is a missing feature) for a sympy head it does not know.

    >>> from flint import fmpq, ctx
    >>> e = sympy.ceiling(9 * sympy.log(3 * sympy.Integer(10)**10) / sympy.Rational(1, 10)**2)
    >>> with ctx.workprec(80):
    ...     compile_expression(e)(Env({}, 80))
    21713
    """
    return _compile(sympy.sympify(expr), {})


def _compile(expr, memo: dict) -> Compiled:
    key = expr
    if key in memo:
        return memo[key]
    node = _build(expr, memo)
    node_id = next(_NODE_IDS)  # not id(): a collected node's id is reused
    run = node.run
    if expr.is_Atom or isinstance(expr, sympy.Lambda):
        shared = node
    else:
        def cached(env, run=run, node_id=node_id):
            cache = env.cache
            if node_id in cache:
                return cache[node_id]
            value = run(env)
            cache[node_id] = value
            return value
        shared = Compiled(expr, cached, node.symbols)
    memo[key] = shared
    return shared


def _build(expr, memo) -> Compiled:
    if isinstance(expr, sympy.Symbol):
        def run(env, s=expr):
            try:
                return env.values[s]
            except KeyError:
                raise DomainError(f"no value for {s}") from None
        return Compiled(expr, run, frozenset({expr}))
    if expr.is_Rational:
        value = fmpq(int(expr.p), int(expr.q))
        return Compiled(expr, lambda env: value, frozenset())
    if expr is sympy.oo or expr is sympy.S.Infinity:
        return Compiled(expr, lambda env: INF, frozenset())
    if expr is sympy.S.NegativeInfinity:
        return Compiled(expr, lambda env: NEG_INF, frozenset())
    if expr is sympy.pi:
        return Compiled(expr, lambda env: arb.pi(), frozenset())
    if expr is sympy.E:
        return Compiled(expr, lambda env: arb.const_e(), frozenset())
    if expr is sympy.true or expr is sympy.false:
        value = bool(expr)
        return Compiled(expr, lambda env: value, frozenset())
    if isinstance(expr, sympy.Lambda):
        return Compiled(expr, lambda env: expr, frozenset())
    if expr.is_Float:
        raise DomainError(f"a float {expr} in a certified expression; use exact numbers")
    for cls in type(expr).__mro__:
        builder = _HEAD_TABLE.get(cls)
        if builder is not None:
            return builder(expr, memo)
    raise DomainError(f"the certified evaluator does not know {type(expr).__name__}")


def _children(expr, memo):
    return [_compile(a, memo) for a in expr.args]


def _symbols(children) -> frozenset:
    out = frozenset()
    for c in children:
        out |= c.symbols
    return out


@_head(sympy.Add)
def _build_add(expr, memo):
    kids = _children(expr, memo)
    return Compiled(expr, lambda env: _add([k(env) for k in kids]), _symbols(kids))


@_head(sympy.Mul)
def _build_mul(expr, memo):
    kids = _children(expr, memo)
    return Compiled(expr, lambda env: _mul([k(env) for k in kids]), _symbols(kids))


@_head(sympy.Pow)
def _build_pow(expr, memo):
    base, exponent = _children(expr, memo)
    return Compiled(expr, lambda env: _pow(base(env), exponent(env)), _symbols([base, exponent]))


def _unary(fn):
    def builder(expr, memo):
        (kid,) = _children(expr, memo)
        return Compiled(expr, lambda env: fn(kid(env)), kid.symbols)
    return builder


_head(sympy.exp)(_unary(_exp))
_head(sympy.Abs)(_unary(_abs))


def _elementary(method: str, inside=None):
    """An Arb elementary function of a real ball, with its real domain
    checked: ``inside(ball)`` is True (in the domain), False (outside:
    DomainError) or None (the ball straddles an end: NaN, so the
    precision loop refines it)."""
    def fn(v):
        b = to_arb(v)
        if inside is not None:
            verdict = inside(b)
            if verdict is False:
                raise DomainError(f"{method} is not real (or not defined) at {b}")
            if verdict is None:
                return arb.nan()
        return getattr(b, method)()
    return _unary(fn)


def _within(lo=None, hi=None, lo_open=False, hi_open=False):
    def inside(b):
        checks = []
        if lo is not None:
            checks.append((b > lo) if lo_open else (b >= lo))
            bad_low = (b <= lo) if lo_open else (b < lo)
        if hi is not None:
            checks.append((b < hi) if hi_open else (b <= hi))
            bad_high = (b >= hi) if hi_open else (b > hi)
        if all(checks):
            return True
        if (lo is not None and bad_low) or (hi is not None and bad_high):
            return False
        return None
    return inside


def _no_pole_of_gamma(b):
    if b > 0:
        return True
    if b.contains_integer() and b < 1:
        return False if b.is_exact() else None
    return True


for _cls, _method, _inside in [
        (sympy.sin, "sin", None), (sympy.cos, "cos", None), (sympy.tan, "tan", None),
        (sympy.sinh, "sinh", None), (sympy.cosh, "cosh", None), (sympy.tanh, "tanh", None),
        (sympy.atan, "atan", None), (sympy.asinh, "asinh", None), (sympy.erf, "erf", None),
        (sympy.asin, "asin", _within(-1, 1)), (sympy.acos, "acos", _within(-1, 1)),
        (sympy.acosh, "acosh", _within(1)), (sympy.atanh, "atanh", _within(-1, 1, True, True)),
        (sympy.gamma, "gamma", _no_pole_of_gamma)]:
    _head(_cls)(_elementary(_method, _inside))


@_head(sympy.log)
def _build_log(expr, memo):
    kids = _children(expr, memo)
    if len(kids) == 2:  # log(x, base)
        x, base = kids
        return Compiled(expr, lambda env: _mul([_log(x(env)), _pow(_log(base(env)), fmpq(-1))]),
                        _symbols(kids))
    (x,) = kids
    return Compiled(expr, lambda env: _log(x(env)), x.symbols)


@_head(sympy.Max, sympy.Min)
def _build_max(expr, memo):
    kids = _children(expr, memo)
    pick_max = isinstance(expr, sympy.Max)
    return Compiled(expr, lambda env: _max([k(env) for k in kids], pick_max), _symbols(kids))


# ------------------------------------------------------------------ ceiling / floor
def _round_integer(v, up: bool, arg_expr, env: Env, node_key):
    """ceil (up=True) or floor of a value; exact whenever it is decided."""
    if isinstance(v, fmpq):
        return fmpq(v.ceil() if up else v.floor())
    if isinstance(v, Infinity):
        return v
    if not v.is_finite():
        return arb.nan()
    rounding = "ceil" if up else "floor"
    first = int(getattr(v.lower(), rounding)().unique_fmpz())
    last = int(getattr(v.upper(), rounding)().unique_fmpz())
    if first == last:
        return fmpq(first)
    exact = _symbolic_integer(v, arg_expr, env, node_key)
    if exact is not None:
        return fmpq(exact)
    return hull(arb(first), arb(last))


def _symbolic_integer(v: arb, arg_expr, env: Env, node_key) -> Optional[int]:
    """If the ball holds exactly one integer k and sympy proves the argument
    equals k, return k (only at high precision: cheaper checks first)."""
    if env.prec < env.symbolic_from_prec:
        return None
    if not arg_expr.free_symbols <= set(env.sympy_values):
        return None
    low = int(v.lower().ceil().unique_fmpz())
    high = int(v.upper().floor().unique_fmpz())
    if low != high:
        return None
    key = (node_key, tuple(sorted((str(k), str(val)) for k, val in env.sympy_values.items()
                                  if k in arg_expr.free_symbols)))
    return _symbolic_check(key, arg_expr.xreplace(env.sympy_values), low)


@lru_cache(maxsize=512)
def _symbolic_check_cached(expr, k: int) -> bool:
    try:
        return sympy.simplify(expr - k) == 0
    except Exception:  # sympy may fail on hard expressions: then undecided
        return False


def _symbolic_check(key, expr, k: int) -> Optional[int]:
    return k if _symbolic_check_cached(expr, k) else None


@_head(sympy.ceiling, sympy.floor)
def _build_round(expr, memo):
    (kid,) = _children(expr, memo)
    up = isinstance(expr, sympy.ceiling)
    arg = expr.args[0]
    return Compiled(expr, lambda env: _round_integer(kid(env), up, arg, env, arg), kid.symbols)


# ------------------------------------------------------------------ combinatorics
def _binomial_exact(n: int, k: int) -> fmpq:
    import math

    if n < 0:
        raise DomainError(f"binomial(n, k) needs n >= 0, got n={n}")
    return fmpq(math.comb(n, k)) if 0 <= k <= n else fmpq(0)


def _binomial_ball(n: arb, k: arb) -> arb:
    return (n + 1).gamma() * (k + 1).rgamma() * (n - k + 1).rgamma()


@_head(sympy.binomial)
def _build_binomial(expr, memo):
    n, k = _children(expr, memo)

    def run(env):
        nv, kv = n(env), k(env)
        if isinstance(nv, fmpq) and isinstance(kv, fmpq) and nv.q == 1 and kv.q == 1 and \
                min(int(kv.p), int(nv.p) - int(kv.p)) <= 100_000:
            return _binomial_exact(int(nv.p), int(kv.p))
        return _binomial_ball(to_arb(nv), to_arb(kv))
    return Compiled(expr, run, _symbols([n, k]))


@_head(sympy.factorial)
def _build_factorial(expr, memo):
    (n,) = _children(expr, memo)

    def run(env):
        v = n(env)
        if isinstance(v, fmpq) and v.q == 1 and 0 <= int(v.p) <= 20_000:
            return fmpq(fmpz.fac_ui(int(v.p)))
        return (to_arb(v) + 1).gamma()
    return Compiled(expr, run, n.symbols)


@_head(sympy.gamma)
def _build_gamma(expr, memo):
    (x,) = _children(expr, memo)

    def run(env):
        v = x(env)
        if isinstance(v, fmpq) and v.q == 1 and 1 <= int(v.p) <= 20_001:
            return fmpq(fmpz.fac_ui(int(v.p) - 1))
        return to_arb(v).gamma()
    return Compiled(expr, run, x.symbols)


@_head(sympy.loggamma)
def _build_loggamma(expr, memo):
    (x,) = _children(expr, memo)

    def run(env):
        v = to_arb(x(env))
        if not v > 0:
            raise DomainError("loggamma(x) is evaluated for x > 0 only")
        return v.lgamma()
    return Compiled(expr, run, x.symbols)


@_head(sympy.polygamma)
def _build_polygamma(expr, memo):
    """polygamma(k, x) (digamma for k = 0) for an integer k >= 0 and x > 0."""
    k, x = _children(expr, memo)

    def run(env):
        order = _exact_int(k(env), "the order of polygamma")
        v = to_arb(x(env))
        if order < 0 or not v > 0:
            raise DomainError("polygamma(k, x) is evaluated for integers k >= 0 and x > 0")
        if order == 0:
            return v.digamma()
        return acb(v).polygamma(order).real
    return Compiled(expr, run, _symbols([k, x]))


@_head(sympy.RisingFactorial)
def _build_rising(expr, memo):
    x, n = _children(expr, memo)

    def run(env):
        xv, nv = x(env), n(env)
        count = _exact_int(nv, "the length of a rising factorial")
        if count < 0:
            raise DomainError("rising factorial of negative length")
        if isinstance(xv, fmpq) and count <= 20_000:
            total = fmpq(1)
            for i in range(count):
                total *= xv + i
            return total
        return to_arb(xv).rising(count)
    return Compiled(expr, run, _symbols([x, n]))


@_head(sympy.beta)
def _build_beta(expr, memo):
    a, b = _children(expr, memo)

    def run(env):
        av, bv = to_arb(a(env)), to_arb(b(env))
        if not (av > 0 and bv > 0):
            raise DomainError("beta(a, b) needs a, b > 0")
        return av.gamma() * bv.gamma() * (av + bv).rgamma()
    return Compiled(expr, run, _symbols([a, b]))


@_head(F.RecursionR)
def _build_recursion(expr, memo):
    r, t, p = _children(expr, memo)

    def run(env):
        tv = _exact_int(t(env), "t of R_r(t, p)")
        pv = _exact_int(p(env), "p of R_r(t, p)")
        rv = r(env)
        lo, hi = _integer_candidates(rv)
        if isinstance(rv, fmpq) and rv.q != 1:
            raise DomainError(f"R_r(t, p) needs an integer r, got {rv}")
        if not isinstance(rv, fmpq):  # r known only as a ball of integers
            lo = max(lo, 1)
        if lo == hi:
            return fmpq(int(F.RecursionR(lo, tv, pv)))
        # R_r is increasing in r: the values at the extreme integers enclose it
        return hull(arb(int(F.RecursionR(lo, tv, pv))), arb(int(F.RecursionR(hi, tv, pv))))
    return Compiled(expr, run, _symbols([r, t, p]))


# ------------------------------------------------------------------ sums
@_head(sympy.Sum)
def _build_sum(expr, memo):
    body = _compile(expr.function, memo)
    (var, lo_e, hi_e), = expr.limits
    lo, hi = _compile(lo_e, memo), _compile(hi_e, memo)

    def run(env):
        first = _exact_int(lo(env), "a summation limit")
        last = _exact_int(hi(env), "a summation limit")
        if last - first + 1 > MAX_SUM_TERMS:
            raise DomainError(f"a sum of {last - first + 1} terms is too long")
        terms = [body(env.with_binding(var, fmpq(i))) for i in range(first, last + 1)]
        return _add(terms) if terms else fmpq(0)
    return Compiled(expr, run, (body.symbols - {var}) | lo.symbols | hi.symbols)


# ------------------------------------------------------------------ relations
def compare_sign(a, b) -> Optional[int]:
    """The certified sign of a - b for run-time values (exact, infinite or
    balls): -1, 0, 1, or None when the balls cannot tell."""
    if isinstance(a, Infinity) and isinstance(b, Infinity):
        return (a.sign > b.sign) - (a.sign < b.sign)
    return decide_sign(_add([a, _mul([fmpq(-1), b])]))


def relation_holds(kind: str, sign: int) -> bool:
    """Whether ``a KIND b`` holds given the sign of a - b (kind one of
    lt le gt ge eq ne)."""
    return {"lt": sign < 0, "le": sign <= 0, "gt": sign > 0, "ge": sign >= 0,
            "eq": sign == 0, "ne": sign != 0}[kind]


def _relation(kind):
    def builder(expr, memo):
        left, right = _children(expr, memo)

        def run(env):
            sign = compare_sign(left(env), right(env))
            return None if sign is None else relation_holds(kind, sign)
        return Compiled(expr, run, _symbols([left, right]))
    return builder


_head(sympy.StrictLessThan)(_relation("lt"))
_head(sympy.LessThan)(_relation("le"))
_head(sympy.StrictGreaterThan)(_relation("gt"))
_head(sympy.GreaterThan)(_relation("ge"))
_head(sympy.Equality)(_relation("eq"))
_head(sympy.Unequality)(_relation("ne"))


def _three_valued(combine_any):
    def builder(expr, memo):
        kids = _children(expr, memo)

        def run(env):
            values = [k(env) for k in kids]
            if combine_any:  # Or
                if any(v is True for v in values):
                    return True
                return False if all(v is False for v in values) else None
            if any(v is False for v in values):
                return False
            return True if all(v is True for v in values) else None
        return Compiled(expr, run, _symbols(kids))
    return builder


_head(sympy.Or)(_three_valued(True))
_head(sympy.And)(_three_valued(False))


@_head(sympy.Not)
def _build_not(expr, memo):
    (kid,) = _children(expr, memo)
    return Compiled(expr, lambda env: None if kid(env) is None else not kid(env), kid.symbols)


# ------------------------------------------------------------------ elliptic, Zolotarev
def _elliptic_k(m):
    """K[m] = pi / (2 AGM(1, sqrt(1 - m))), parameter convention, m < 1;
    1 - m is exact for an exact m, so m near 1 loses nothing."""
    if isinstance(m, fmpq):
        if m >= 1:
            raise DomainError("K[m] needs m < 1")
        complement = arb(1 - m)
    else:
        b = to_arb(m)
        if b >= 1:
            raise DomainError("K[m] needs m < 1")
        complement = 1 - b
    if not complement > 0:
        return arb.nan()
    return arb.pi() / (2 * arb(1).agm(complement.sqrt()))


_head(sympy.elliptic_k)(_unary(_elliptic_k))


def _endpoint(v):
    if isinstance(v, (fmpq, Infinity, arb)):
        return v
    return to_arb(v)


@_head(F.CrossRatio)
def _build_cross_ratio(expr, memo):
    kids = _children(expr, memo)

    def run(env):
        from .zolotarev import cross_ratio_of_endpoints
        return cross_ratio_of_endpoints(*[_endpoint(k(env)) for k in kids])
    return Compiled(expr, run, _symbols(kids))


@_head(F.ZolotarevNumber)
def _build_zolotarev(expr, memo):
    n, *ends = _children(expr, memo)

    def run(env):
        from .zolotarev import cross_ratio_of_endpoints, zolotarev_from_cross_ratio
        count = _exact_int(n(env), "n of Z_n")
        if count < 0:
            raise DomainError(f"Z_n needs n >= 0, got n={count}")
        M = cross_ratio_of_endpoints(*[_endpoint(k(env)) for k in ends])
        return zolotarev_from_cross_ratio(M, count)
    return Compiled(expr, run, _symbols([n, *ends]))


@_head(F.JacobiDN)
def _build_dn(expr, memo):
    u, m = _children(expr, memo)

    def run(env):
        from .elliptic import jacobi_dn
        return jacobi_dn(to_arb(u(env)), to_arb(m(env)))
    return Compiled(expr, run, _symbols([u, m]))


@_head(F.ZolotarevMobius)
def _build_mobius(expr, memo):
    xi, gamma, *ends = _children(expr, memo)

    def run(env):
        from .zolotarev import zolotarev_mobius
        return zolotarev_mobius(to_arb(xi(env)), to_arb(gamma(env)),
                                *[_endpoint(k(env)) for k in ends])
    return Compiled(expr, run, _symbols([xi, gamma, *ends]))


@_head(F.BesselJZero)
def _build_bessel_zero(expr, memo):
    nu, k = _children(expr, memo)

    def run(env):
        from .bessel import bessel_j_zero
        return bessel_j_zero(nu(env), _exact_int(k(env), "k of j_(nu,k)"))
    return Compiled(expr, run, _symbols([nu, k]))


# ------------------------------------------------------------------ derivatives of h
def _function_value(v):
    if not isinstance(v, sympy.Lambda):
        raise DomainError("expected a function of x")
    return v


@_head(F.DerivativeAt)
def _build_derivative_at(expr, memo):
    h, s, xi = _children(expr, memo)

    def run(env):
        from .derivatives import derivative_at
        order = _exact_int(s(env), "a derivative order")
        return derivative_at(_function_value(h(env)), order, to_arb(xi(env)))
    return Compiled(expr, run, _symbols([h, s, xi]))


@_head(F.SupAbsDerivative)
def _build_sup_abs(expr, memo):
    h, s, lo, hi = _children(expr, memo)

    def run(env):
        from .derivatives import sup_abs_derivative
        order = _exact_int(s(env), "a derivative order")
        return sup_abs_derivative(_function_value(h(env)), order, lo(env), hi(env),
                                  accuracy=env.accuracy)
    return Compiled(expr, run, _symbols([h, s, lo, hi]))


@_head(F.AssumptionConstant)
def _build_assumption_constant(expr, memo):
    h, M, lo, hi, S = _children(expr, memo)

    def run(env):
        from .derivatives import assumption_constant
        return assumption_constant(_function_value(h(env)), M(env), lo(env), hi(env),
                                   _exact_int(S(env), "S"))
    return Compiled(expr, run, _symbols([h, M, lo, hi, S]))
