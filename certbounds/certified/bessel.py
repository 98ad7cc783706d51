"""Certified zeros j_{nu,k} of the Bessel function J_nu.

webb2025 eq. 6.22 (Section 6.3) needs j_{0,k}, the k-th positive zero of
J_0 (DLMF 10.21(i)), for k up to about 10^4. A zero is certified in two
steps: a sign change of J_nu (Arb's ``bessel_j``) on a small interval
[a, b] proves that some zero lies there, and a priori bounds on all the
zeros prove that it is the k-th one.

The a priori bounds, for 0 <= nu < 1/2. With mu = 1/4 - nu**2 > 0 the
function u(x) = sqrt(x) J_nu(x) solves u'' + Q(x) u = 0, Q(x) = 1 + mu/x**2
(DLMF 10.13.1 with lambda = 1), so Q > 1 and Q decreases. Sturm's
comparison theorem -- if y'' + Q y = 0, w'' + q w = 0, Q > q on (alpha,
beta) and w(alpha) = w(beta) = 0, then y has a zero in (alpha, beta)
(e.g. Szegő, Orthogonal Polynomials, 4th ed., §1.82) -- gives

* against sin(x - alpha) (coefficient 1 < Q): every interval
  (alpha, alpha + pi), alpha > 0, holds a zero of u, so
  j_{nu,i+1} - j_{nu,i} < pi and j_{nu,k} < j_{nu,1} + (k - 1) pi;
* against sin(omega (x - j_{nu,i})) with omega**2 = Q(L) >= Q(x) for
  x >= j_{nu,i} >= L: j_{nu,i+1} - j_{nu,i} > pi / sqrt(Q(L))
  >= pi (1 - mu / (2 L**2)). With p <= j_{nu,1} and c = pi / sqrt(Q(p)),
  induction gives j_{nu,i} >= L_i = p + (i - 1) c, and summing,
  j_{nu,k+1} > p + k pi - D with
  D = (pi mu / 2) (1/p**2 + 1/(c p)) >= (pi mu / 2) sum_i 1/L_i**2.

So with p <= j_{nu,1} <= q, a zero in [a, b] with a > q + (k - 2) pi
(above j_{nu,k-1}) and b < p + k pi - D (below j_{nu,k+1}) is j_{nu,k}.

The first zero: J_nu(x) > 0 on (0, 2] for nu >= 0, because the power
series (DLMF 10.2.2) alternates there with terms t_0 >= t_1 > t_2 > ...
(t_{m+1}/t_m = (x/2)**2 / ((m + 1)(m + 1 + nu))); on [2, b] J_nu' < 0 is
proved by interval evaluation (J_nu' = (nu/x) J_nu - J_{nu+1}, DLMF
10.6.2), so J_nu has exactly one zero in (0, b], the one in [a, b]. For
nu = 1/2 the zeros
are k pi exactly (J_{1/2}(x) = sqrt(2/(pi x)) sin x, DLMF 10.16.1).
Other orders are not supported (UndecidedError): for nu > 1/2 (Q < 1)
or nu < 0 the argument above needs other bounds.
"""

from __future__ import annotations

from functools import lru_cache

from flint import arb, ctx, fmpq

from ..errors import DomainError, UndecidedError
from .exact import to_fmpq

__all__ = ["bessel_j_zero"]

#: Bits of working precision beyond the caller's.
_GUARD = 30
#: Bisections allowed when proving J_nu' < 0 before the first zero.
_MAX_PIECES = 1000
#: Arb's J_nu is evaluated at up to this many times the working precision.
_MAX_PREC_FACTOR = 16


def _order(nu) -> fmpq:
    if isinstance(nu, arb):
        if not (nu.is_exact() and nu.is_finite()):
            raise UndecidedError(f"the order nu of j_(nu,k) must be exact, got the ball {nu}")
        nu = nu.fmpq()
    nu = to_fmpq(nu)
    if not 0 <= nu <= fmpq(1, 2):
        raise UndecidedError(
            f"certified zeros j_(nu,k) are implemented for 0 <= nu <= 1/2 only, got nu = {nu}: "
            f"their index is proved by Sturm comparison with sin, which needs nu**2 <= 1/4")
    return nu


def _index(k) -> int:
    if isinstance(k, bool) or int(k) != k or k < 1:
        raise DomainError(f"j_(nu,k) needs an integer k >= 1, got k = {k}")
    return int(k)


def _bessel_j(nu: fmpq, x: arb) -> arb:
    """J_nu(x); nu enters at the current precision (a rounded nu costs Arb
    far more than its own radius)."""
    return x.bessel_j(arb(nu))


def _bessel_j_prime(nu: fmpq, x: arb) -> arb:
    """J_nu'(x) = (nu/x) J_nu(x) - J_{nu+1}(x) (DLMF 10.6.2), x > 0."""
    return arb(nu) / x * _bessel_j(nu, x) - _bessel_j(nu + 1, x)


def _sign(v: arb) -> int:
    return 1 if v > 0 else -1 if v < 0 else 0


def _raised(prec: int) -> int:
    """The next precision to try when Arb's J_nu has lost too many bits
    (for non-integer nu and moderate x it may lose tens of bits)."""
    if prec >= _MAX_PREC_FACTOR * ctx.prec:
        raise UndecidedError(f"J_nu could not be evaluated accurately enough at {prec} bits")
    return 2 * prec


def _newton(nu: fmpq, k: int, bits: int) -> arb:
    """An exact point within about 2**-bits (relative) of j_{nu,k}, not
    certified: Newton's method from McMahon's two-term approximation
    (DLMF 10.21.19), at a precision raised while J_nu is too inaccurate."""
    nu_ball = arb(nu)
    beta = (k + nu_ball / 2 - arb(1) / 4) * arb.pi()
    x = (beta - (4 * nu_ball ** 2 - 1) / (8 * beta)).mid()
    target = arb(2) ** -bits
    prec = ctx.prec
    for _ in range(100):
        with ctx.workprec(prec):
            step = _bessel_j(nu, x) / _bessel_j_prime(nu, x)
        if step.is_finite():
            x = (x - step).mid()
            if step.abs_upper() <= x * target:
                break
        if not step.is_finite() or step.rad() > x * target / 4:
            prec = _raised(prec)
    return x


def _sign_of_j(nu: fmpq, x: arb) -> int:
    """The certified sign of J_nu(x) at an exact point (0 if it could not
    be decided up to the precision cap)."""
    prec = ctx.prec
    while True:
        with ctx.workprec(prec):
            sign = _sign(_bessel_j(nu, x))
        if sign or prec >= _MAX_PREC_FACTOR * ctx.prec:
            return sign
        prec *= 2


def _bracket(nu: fmpq, k: int, prec: int) -> tuple[arb, arb]:
    """Exact points a < b, b - a about 2**-prec relative, with J_nu(a) and
    J_nu(b) of certified opposite signs: a zero of J_nu lies in (a, b)."""
    x = _newton(nu, k, prec + 10)
    _, exponent = x.mid().man_exp()
    delta = arb(2) ** (int(exponent) + x.mid().bits() - prec)
    for _ in range(64):
        a, b = (x - delta).mid(), (x + delta).mid()
        if _sign_of_j(nu, a) * _sign_of_j(nu, b) == -1:
            return a, b
        delta *= 2
    raise UndecidedError(f"could not bracket the zero j_({nu},{k}) by a sign change")


def _prove_decreasing(nu: fmpq, lo: arb, hi: arb) -> None:
    """Prove J_nu' < 0 on [lo, hi] by bisection, or raise UndecidedError."""
    pending = [(lo, hi)]
    for _ in range(_MAX_PIECES):
        if not pending:
            return
        a, b = pending.pop()
        if _bessel_j_prime(nu, a.union(b)) < 0:
            continue
        m = ((a + b) / 2).mid()
        pending += [(a, m), (m, b)]
    raise UndecidedError(f"could not prove J_({nu})' < 0 on [{lo}, {hi}]")


def _certify_first(nu: fmpq, a: arb, b: arb) -> None:
    """The zero in [a, b] is j_{nu,1}: J_nu > 0 on (0, 2] (alternating
    series), J_nu decreasing on [2, b]."""
    two = arb(2)
    if not a > two:
        raise UndecidedError(f"the bracket [{a}, {b}] does not lie beyond 2 as j_({nu},1) must")
    _prove_decreasing(nu, two, b)


@lru_cache(maxsize=16)
def _first_zero_bounds(nu: fmpq) -> tuple[arb, arb]:
    """Exact p <= j_{nu,1} <= q, at modest precision."""
    with ctx.workprec(64):
        a, b = _bracket(nu, 1, 40)
        _certify_first(nu, a, b)
    return a, b


def _certify_index(nu: fmpq, k: int, a: arb, b: arb) -> None:
    """The zero in [a, b] is j_{nu,k} (k >= 2): a is above the bound
    q + (k - 2) pi of j_{nu,k-1}, b below the bound p + k pi - D of
    j_{nu,k+1} (module docstring)."""
    p, q = _first_zero_bounds(nu)
    pi = arb.pi()
    mu = arb(fmpq(1, 4) - nu ** 2)
    c = pi / (1 + mu / p ** 2).sqrt()
    D = pi * mu / 2 * (1 / p ** 2 + 1 / (c * p))
    if not (a > q + (k - 2) * pi and b < p + k * pi - D):
        raise UndecidedError(f"could not prove that the zero in [{a}, {b}] is j_({nu},{k})")


def bessel_j_zero(nu, k: int) -> arb:
    """Certified k-th positive zero j_{nu,k} of the Bessel function J_nu.

    J_nu(j_{nu,k}) = 0 with 0 < j_{nu,1} < j_{nu,2} < ... (DLMF 10.21(i));
    webb2025 eq. 6.22 uses nu = 0. The ball has relative radius about
    2**-prec at the current precision. The zero is located by Newton's
    method, enclosed by a certified sign change of J_nu, and its index is
    proved by a priori bounds from Sturm's comparison theorem (module
    docstring): for 0 <= nu < 1/2,
    j_{nu,1} + (k - 1) pi - D <= j_{nu,k} <= j_{nu,1} + (k - 1) pi.
    nu is an exact rational with 0 <= nu <= 1/2.

    Raises DomainError unless k >= 1 is an integer; UndecidedError for
    other orders nu, or if a step cannot be certified.

    >>> from flint import ctx
    >>> with ctx.workprec(80):
    ...     print(bessel_j_zero(0, 1).str(20))
    [2.4048255576957727686 +/- ...]
    >>> bessel_j_zero(0, 100).str(12)
    '[313.374266078 +/- ...]'
    """
    nu, k = _order(nu), _index(k)
    if nu == fmpq(1, 2):
        return k * arb.pi()
    prec = ctx.prec
    with ctx.workprec(prec + _GUARD):
        a, b = _bracket(nu, k, prec)
        if k == 1:
            _certify_first(nu, a, b)
        else:
            _certify_index(nu, k, a, b)
    return a.union(b)
