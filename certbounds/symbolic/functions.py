"""Special functions the catalogue's bounds need, as sympy functions.

Each evaluates exactly where it can (``R_r(t, p)`` at integers, the cross
ratio at rational or infinite endpoints, derivatives of a user's h at a
point) and otherwise stays symbolic. Their ``evalf`` uses mpmath and is
*not certified*: the certified layer (certbounds.certified) encloses the same
functions in Arb balls. Conventions are stated per function; elliptic
functions use the *parameter* m = k**2 (as scipy, MATLAB ``ellipke`` and
sympy's ``elliptic_k``) unless a docstring says otherwise.
"""

from __future__ import annotations

from functools import lru_cache

import mpmath
import sympy
from sympy import Function, Integer, Lambda, oo

from ..errors import DomainError

__all__ = [
    "RecursionR", "r_closed_form",
    "CrossRatio", "ZolotarevNumber", "JacobiDN", "ZolotarevMobius", "BesselJZero",
    "DerivativeAt", "SupAbsDerivative", "AssumptionConstant",
    "cross_ratio_exact",
]

#: Beyond this t, R_r(t, p) at integers is computed from its closed form.
_RECURSION_LIMIT = 20_000


def _is_exact_number(v) -> bool:
    return v.is_Rational or v in (oo, -oo)


# --------------------------------------------------------------------------
# budzinskiy2025, Lemma 4.1: the recursion R_r(t, p)
# --------------------------------------------------------------------------

@lru_cache(maxsize=256)
def _recursion_table(r: int, t: int, p: int) -> int:
    # row[s] holds R_r(s, q) for s = 0..t at the current q
    row = [1] + [r] * t
    for _ in range(p):
        new = [1] * (t + 1)
        acc = 0
        for s in range(1, t + 1):
            acc += row[s]
            new[s] = 1 + acc
        row = new
    return row[t]


@lru_cache(maxsize=32)
def r_closed_form(p: int) -> sympy.Expr:
    """Closed form of R_r(t, p) as a polynomial in t (and r), derived from the
    recursion of budzinskiy2025 Lemma 4.1 by symbolic summation, valid for
    integers t >= 1 (and for t = 0 when p >= 1).

    R_r(t, 0) = r (t >= 1);  R_r(t, p) = 1 + sum_{s=1}^t R_r(s, p - 1).
    Remark 4.2 of the paper: the result has degree exactly p in t.

    >>> r_closed_form(1)
    r*t + 1
    """
    if p < 0:
        raise DomainError(f"R_r(t, p) needs p >= 0, got p={p}")
    r, t, s = sympy.symbols("r t s", integer=True, positive=True)
    form = r
    for _ in range(p):
        form = sympy.expand(1 + sympy.summation(form.subs(t, s), (s, 1, t)))
    return form


class RecursionR(Function):
    """R_r(t, p) of budzinskiy2025 Lemma 4.1 (eq. in the lemma; Remark 4.2).

    R_r(0, 0) = 1, R_r(t, 0) = r for t >= 1, and
    R_r(t, p) = 1 + sum_{s=1}^{t} R_r(s, p - 1) for p >= 1.

    Arguments (r, t, p) with r >= 1, t >= 0, p >= 0 integers. Evaluates to an
    exact Integer at integer arguments (by the recursion for t up to
    20000, by the derived closed form beyond); stays symbolic otherwise.
    The name is the paper's symbol R_r.

    >>> RecursionR(10, 3, 2)
    64
    """

    nargs = 3
    is_integer = True

    @classmethod
    def eval(cls, r, t, p):
        if not all(a.is_Integer for a in (r, t, p)):
            return None
        r, t, p = int(r), int(t), int(p)
        if r < 1 or t < 0 or p < 0:
            raise DomainError(f"R_r(t, p) needs integers r >= 1, t >= 0, p >= 0; got r={r}, t={t}, p={p}")
        if t == 0:
            return Integer(1)
        if t <= _RECURSION_LIMIT:
            return Integer(_recursion_table(r, t, p))
        rs, ts = sympy.symbols("r t", integer=True, positive=True)
        return Integer(r_closed_form(p).subs({rs: r, ts: t}))

    def _latex(self, printer):
        r, t, p = (printer._print(a) for a in self.args)
        return rf"R_{{{r}}}\left({t}, {p}\right)"


# --------------------------------------------------------------------------
# webb2025: cross ratio and Zolotarev numbers of two real intervals
# --------------------------------------------------------------------------

def cross_ratio_exact(a, b, c, d) -> sympy.Expr:
    """Exact cross ratio M of [a, b] and [c, d], -oo <= a < b < c < d <= oo
    (webb2025 Theorem 3.3 / formula sheet section 8.1):

    M = (c - a)(d - b) / ((c - b)(d - a)), with the limits (d - b)/(c - b) when
    a = -oo, (c - a)/(c - b) when d = +oo, and oo when both are infinite.

    Raises DomainError unless a < b < c < d with b, c finite.
    """
    a, b, c, d = (sympy.sympify(v) for v in (a, b, c, d))
    if not (b.is_finite and c.is_finite):
        raise DomainError("the inner endpoints b and c must be finite")
    if a == oo or d == -oo:
        raise DomainError("need a < b < c < d")
    ordered = sympy.And(a < b, b < c, c < d)
    if ordered is sympy.false:
        raise DomainError(f"intervals [{a}, {b}] and [{c}, {d}] must satisfy a < b < c < d (disjoint, in order)")
    if a == -oo and d == oo:
        return oo
    if a == -oo:
        return (d - b) / (c - b)
    if d == oo:
        return (c - a) / (c - b)
    return (c - a) * (d - b) / ((c - b) * (d - a))


class CrossRatio(Function):
    """Cross ratio M([a, b], [c, d]) of two disjoint real intervals,
    -oo <= a < b < c < d <= oo (webb2025 Theorem 3.3; sheet section 8.1).

    Exact whenever the endpoints are numbers (see ``cross_ratio_exact``);
    M > 1, and M = oo when a = -oo and d = +oo.

    >>> CrossRatio(-3, -1, 2, 5)
    5/4
    >>> CrossRatio(-oo, -1, 1, 2)
    3/2
    """

    nargs = 4

    @classmethod
    def eval(cls, a, b, c, d):
        if all(v.is_number for v in (a, b, c, d)):
            return cross_ratio_exact(a, b, c, d)
        return None

    def _latex(self, printer):
        a, b, c, d = (printer._print(v) for v in self.args)
        return rf"M\left([{a}, {b}], [{c}, {d}]\right)"


def _mp(v):
    """An mpmath number for an exact sympy number (at the current mp.prec)."""
    v = sympy.sympify(v)
    if v == oo:
        return mpmath.inf
    if v == -oo:
        return -mpmath.inf
    if v.is_Rational:
        return mpmath.mpf(v.p) / v.q
    return mpmath.mpf(sympy.N(v, mpmath.mp.dps + 10))


def _zolotarev_mpmath(n: int, M):
    """Z_n of two intervals with cross ratio M (mpmath, working precision
    as set by the caller): the elliptic modulus with nome
    Q = exp(-2 n pi K[1/M] / K[1 - 1/M]) (parameter convention),
    k(Q) = theta_2(0, Q)**2 / theta_3(0, Q)**2, through the complementary
    nome when Q is close to 1 (webb2025 sheet section 8.2)."""
    if n == 0 or M == mpmath.inf:
        return mpmath.mpf(1)
    # K[1/M] / K[1 - 1/M] through K[m] = pi / (2 AGM(1, sqrt(1 - m))): no
    # cancellation in 1 - 1/M when M is huge
    ratio = mpmath.agm(1, 1 / mpmath.sqrt(M)) / mpmath.agm(1, mpmath.sqrt(1 - 1 / M))
    log_q = -2 * n * mpmath.pi * ratio
    if log_q < -1:
        q = mpmath.exp(log_q)
        return (mpmath.jtheta(2, 0, q) / mpmath.jtheta(3, 0, q)) ** 2
    q_c = mpmath.exp(mpmath.pi ** 2 / log_q)
    k_c = (mpmath.jtheta(2, 0, q_c) / mpmath.jtheta(3, 0, q_c)) ** 2
    return mpmath.sqrt((1 - k_c) * (1 + k_c))


class ZolotarevNumber(Function):
    """Classical Zolotarev number Z_n([a, b], [c, d]) of two disjoint real
    intervals (webb2025 eq. 1.8; exact value sheet section 8.2):

    Z_n = inf over r of type (n, n) of sup_E |r| / inf_F |r|
        = k(Q),  Q = rho**(-2n),  rho = exp(pi K[1/M] / K[1 - 1/M])

    (parameter convention for K; M the cross ratio). Exactly 1 for n = 0 and
    for a = -oo, d = +oo. Arguments (n, a, b, c, d). Numerical values by
    mpmath are not certified; certbounds.certified encloses them.

    Raises DomainError unless n >= 0 is an integer and a < b < c < d.

    >>> ZolotarevNumber(1, -3, -1, 2, 5).evalf(12)
    0.0557280900008
    >>> ZolotarevNumber(0, -3, -1, 2, 5)
    1
    """

    nargs = 5

    @classmethod
    def eval(cls, n, a, b, c, d):
        if n.is_number and not (n.is_Integer and n >= 0):
            raise DomainError(f"Z_n needs an integer n >= 0, got n={n}")
        if all(v.is_number for v in (a, b, c, d)):
            M = cross_ratio_exact(a, b, c, d)
            if M == oo:
                return Integer(1)
        if n == 0:
            return Integer(1)
        return None

    def _eval_evalf(self, prec):
        n, a, b, c, d = self.args
        if not all(v.is_number for v in self.args):
            return None
        with mpmath.workprec(prec + 30):
            M = _mp(cross_ratio_exact(a, b, c, d))
            z = _zolotarev_mpmath(int(n), M)
        return sympy.Float(z, precision=prec)

    def _latex(self, printer):
        n, a, b, c, d = (printer._print(v) for v in self.args)
        return rf"Z_{{{n}}}\left([{a}, {b}], [{c}, {d}]\right)"


class JacobiDN(Function):
    """Jacobi elliptic function dn(u | m) in the *parameter* convention
    m = k**2 (DLMF 22.2.6 writes dn(u, k) with the modulus k; mpmath's
    ``ellipfun('dn', u, m=m)``). Used by webb2025 Theorem 5.2 (5.4).
    Numerical values are not certified."""

    nargs = 2

    @classmethod
    def eval(cls, u, m):
        if u.is_zero:
            return Integer(1)
        return None

    def _eval_evalf(self, prec):
        u, m = self.args
        if not (u.is_number and m.is_number):
            return None
        with mpmath.workprec(prec + 20):
            value = mpmath.ellipfun("dn", _mp(u), m=_mp(m))
        return sympy.Float(value, precision=prec)

    def _latex(self, printer):
        u, m = (printer._print(v) for v in self.args)
        return rf"\operatorname{{dn}}\left({u} \,\middle|\, {m}\right)"


def _mobius_mpmath(xi, gamma, a, b, c, d):
    """T(xi) for the Moebius T with (-1, -1/g, 1/g, 1) -> (a, b, c, d),
    built from three finite correspondences (sheet section 8.4)."""
    src = [-1, -1 / gamma, 1 / gamma, 1]
    dst = [a, b, c, d]
    keep = [i for i in range(4) if mpmath.isfinite(dst[i])][:3]
    if len(keep) < 3:
        raise DomainError("the Moebius map needs at least three finite endpoints")
    (z1, z2, z3), (w1, w2, w3) = [src[i] for i in keep], [dst[i] for i in keep]
    s = (xi - z1) * (z2 - z3) / ((xi - z3) * (z2 - z1))
    return (s * w3 * (w2 - w1) - w1 * (w2 - w3)) / (s * (w2 - w1) - (w2 - w3))


class ZolotarevMobius(Function):
    """The Moebius map T of webb2025 Theorem 5.2 with T(-1) = a,
    T(-1/gamma) = b, T(1/gamma) = c, T(1) = d, applied to xi.
    Arguments (xi, gamma, a, b, c, d); a = -oo or d = +oo allowed (not both).
    Numerical values are not certified."""

    nargs = 6

    def _eval_evalf(self, prec):
        if not all(v.is_number for v in self.args):
            return None
        with mpmath.workprec(prec + 30):
            xi, gamma, a, b, c, d = (_mp(v) for v in self.args)
            value = _mobius_mpmath(xi, gamma, a, b, c, d)
        return sympy.Float(value, precision=prec)

    def _latex(self, printer):
        xi = printer._print(self.args[0])
        return rf"T\left({xi}\right)"


class BesselJZero(Function):
    """k-th positive zero j_{nu,k} of the Bessel function J_nu (DLMF 10.21),
    used by webb2025 Section 6.3. Arguments (nu, k), nu >= 0, k >= 1.
    Numerical values are not certified."""

    nargs = 2
    is_extended_real = True
    is_finite = True
    is_positive = True

    @classmethod
    def eval(cls, nu, k):
        if k.is_number and not (k.is_Integer and k >= 1):
            raise DomainError(f"j_(nu,k) needs an integer k >= 1, got k={k}")
        return None

    def _eval_evalf(self, prec):
        nu, k = self.args
        if not (nu.is_number and k.is_number):
            return None
        with mpmath.workprec(prec + 20):
            value = mpmath.besseljzero(_mp(nu), int(k))
        return sympy.Float(value, precision=prec)

    def _latex(self, printer):
        nu, k = (printer._print(v) for v in self.args)
        return rf"j_{{{nu},{k}}}"


# --------------------------------------------------------------------------
# budzinskiy2025, Sections 3-4: derivatives of a user-given h
# --------------------------------------------------------------------------

class _OfFunction(Function):
    """A function whose first argument is a user's h (a ``Lambda`` once
    bound): it is a number when h is bound and the other arguments are."""

    @property
    def is_number(self):
        h, *rest = self.args
        return isinstance(h, Lambda) and all(a.is_number for a in rest)

    def _eval_is_extended_real(self):
        return True if self.is_number else None


def _derivative(h: Lambda, order: int) -> sympy.Expr:
    (var,) = h.variables
    return sympy.diff(h.expr, var, order), var


class DerivativeAt(Function):
    """h^{(s)}(xi): the s-th derivative of a one-variable function h at a
    point (budzinskiy2025 Lemmas 3.3, 4.3, 6.3, Theorem 4.7).
    Arguments (h, s, xi); h is ``Lambda(x, expr)`` once bound, a symbol
    before. Taken symbolically and evaluated exactly where sympy can."""

    nargs = 3

    @classmethod
    def eval(cls, h, s, xi):
        if isinstance(h, Lambda) and s.is_Integer:
            if s < 0:
                raise DomainError(f"derivative order must be >= 0, got {s}")
            expr, var = _derivative(h, int(s))
            value = expr.subs(var, xi)
            if value.has(sympy.zoo, sympy.nan) or value.is_extended_real is False:
                raise DomainError(f"h^({s})({xi}) = {value} is not a real number: "
                                  f"h must be real and smooth on Omega")
            return value
        return None

    def _latex(self, printer):
        h, s, xi = (printer._print(v) for v in self.args)
        return rf"{h}^{{({s})}}\left({xi}\right)"


def _sup_abs_mpmath(g, var, lo, hi):
    """max |g| on [lo, hi] (mpmath): a dense sample, then each sampled local
    maximum refined by a root of g' (not certified)."""
    f = sympy.lambdify(var, g, "mpmath")
    df = sympy.lambdify(var, sympy.diff(g, var), "mpmath")
    points = [lo + (hi - lo) * mpmath.mpf(i) / 400 for i in range(401)]
    raw = [f(p) for p in points]
    if any(isinstance(v, mpmath.mpc) and v.imag != 0 for v in raw):
        raise DomainError("h is not real on the interval (budzinskiy2025 asks h: Omega -> R)")
    values = [abs(v) for v in raw]
    best = max(values)
    # a sampled local maximum, the two ends included: the true maximum lies
    # within one sample spacing of it (at an end, e.g. |e^x (sin x + cos x)|
    # on [0, 377/48] peaks at 5 pi/2, between the last two samples)
    for i in range(401):
        left, right = max(i - 1, 0), min(i + 1, 400)
        if values[i] >= values[left] and values[i] >= values[right]:
            try:
                root = mpmath.findroot(df, (points[left], points[right]), solver="anderson")
            except (ValueError, ZeroDivisionError):
                continue
            if lo <= root <= hi:
                best = max(best, abs(f(root)))
    return best


class SupAbsDerivative(_OfFunction):
    """||h^{(s)}||_{L_inf([lo, hi])} = max over lo <= x <= hi of |h^{(s)}(x)|
    (budzinskiy2025 Lemma 3.3, Theorem 4.7, Assumption 3.5).
    Arguments (h, s, lo, hi). Numerical values (dense sampling refined at
    critical points) are not certified; the certified layer gives a
    certified upper bound by interval subdivision."""

    nargs = 4

    @classmethod
    def eval(cls, h, s, lo, hi):
        if lo.is_number and hi.is_number and (lo > hi) is sympy.true:
            raise DomainError(f"empty interval [{lo}, {hi}]")
        if isinstance(h, Lambda) and s.is_Integer:
            expr, var = _derivative(h, int(s))
            if not expr.has(var):
                return sympy.Abs(expr)
        return None

    def _eval_evalf(self, prec):
        h, s, lo, hi = self.args
        if not (isinstance(h, Lambda) and s.is_Integer and lo.is_number and hi.is_number):
            return None
        expr, var = _derivative(h, int(s))
        with mpmath.workprec(prec + 20):
            value = _sup_abs_mpmath(expr, var, _mp(lo), _mp(hi))
        return sympy.Float(value, precision=prec)

    def _latex(self, printer):
        h, s, lo, hi = (printer._print(v) for v in self.args)
        return rf"\left\| {h}^{{({s})}} \right\|_{{L_\infty([{lo}, {hi}])}}"


class AssumptionConstant(_OfFunction):
    """The smallest C with ||h^{(s)}||_{L_inf([lo, hi])} <= C M^s for
    s = 0..S: max over s <= S of ||h^{(s)}|| / M^s (budzinskiy2025
    Assumption 3.5, checked up to order S). The assumption asks this for
    every s, so the value is a lower bound on the C the assumption needs.
    Arguments (h, M, lo, hi, S)."""

    nargs = 5

    # No symbolic Max: the terms often tie exactly (h = exp(M x) gives
    # e^{M hi} for every s), and sympy cannot decide a tie numerically.
    def _eval_evalf(self, prec):
        h, M, lo, hi, S = self.args
        if not (self.is_number and S.is_Integer):
            return None
        with mpmath.workprec(prec + 20):
            terms = []
            for order in range(int(S) + 1):
                expr, var = _derivative(h, order)
                terms.append(_sup_abs_mpmath(expr, var, _mp(lo), _mp(hi)) / _mp(M) ** order)
            value = max(terms)
        return sympy.Float(value, precision=prec)

    def _latex(self, printer):
        h, M, lo, hi, S = (printer._print(v) for v in self.args)
        return (rf"\max_{{0 \le s \le {S}}} \left\| {h}^{{(s)}} \right\|_{{L_\infty([{lo}, {hi}])}}"
                rf" / {M}^{{s}}")
