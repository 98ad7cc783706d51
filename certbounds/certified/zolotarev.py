"""Certified Zolotarev numbers, and the zeros and poles that attain them.

For two disjoint closed sets E and F the Zolotarev number is

    Z_n(E, F) = inf over rational r of type (n, n) of sup_E |r| / inf_F |r|

(webb2025 eq. 1.8). For two real intervals it is known exactly, from
elliptic functions of their cross ratio M (webb2025 Theorem 3.3 and
Theorem 5.2; formula sheet section 8), and this module encloses it, and the
zeros and poles of the extremal function, in Arb balls.

Conventions
-----------
* An interval is a pair (lo, hi) with lo < hi of exact values: ints,
  ``fmpq``, ``Fraction``, sympy rationals, or the infinities ``INF`` and
  ``NEG_INF`` (text "a,b" through ``parse_interval``). E and F may come in
  either order on the line; they must be disjoint and must not touch. Sorted,
  they are [a, b] and [c, d] with -oo <= a < b < c < d <= +oo.
* The cross ratio is exact: M = (c - a)(d - b) / ((c - b)(d - a)) > 1, with
  its limits when a = -oo or d = +oo, and M = oo when both are infinite (the
  intervals then meet at infinity on the Riemann sphere, and Z_n = 1).
* Elliptic functions use the *parameter* m = k**2 (see
  ``certbounds.certified.elliptic``).
* **Zeros lie in E and poles in F**, whatever the order of E and F on the
  line: the extremal r is small on E and large on F, so sup_E |r| / inf_F |r|
  = Z_n(E, F). (The reference MATLAB code ``ellipjZolotarev.m`` always puts
  the roots in [c, d], the right-hand interval; formula sheet section 10,
  item 5. Swap E and F to swap zeros and poles.)
* Every number is a ``Ball`` computed at rising working precision until its
  relative width is below 2**-accuracy (default 50 bits), up to ``max_prec``
  bits (default 4096); a Ball that did not get there says ``accurate=False``.
  A zero or pole is accurate when, besides, its ball lies inside its
  interval (E or F), so near-touching intervals get the precision that
  separates the nodes from the gap; and a zero or pole at zero (no relative
  accuracy exists there) counts as narrow once its radius is below
  2**(-2 accuracy) times the largest finite endpoint.

Formulas (formula sheet sections 8.1-8.4)
-----------------------------------------
    Z_n = sqrt(lambda(tau_n)),  tau_n = 2 n i K[1/M] / K[1 - 1/M],  Z_0 = 1,
    K[1/M] / K[1 - 1/M] = AGM(1, sqrt(1/M)) / AGM(1, sqrt(1 - 1/M)),

with lambda the modular lambda function (Arb reduces tau to the fundamental
domain, so neither a huge n nor a huge M needs a special case). The extremal
function of Theorem 5.2 has, with gamma = 2M - 1 + 2 sqrt(M (M - 1)),
k' = 1/gamma and u_j = (j - 1/2) K / n, the points T(dn(u_j, k)) in [c, d] and
T(-dn(u_j, k)) in [a, b], j = 1..n, where T is the Moebius map sending
(-1, -1/gamma, 1/gamma, 1) to (a, b, c, d).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Sequence

from flint import acb, arb, ctx, fmpq, fmpz

from ..errors import DomainError, MalformedNumberError
from .ball import DEFAULT_ACCURACY, DEFAULT_MAX_PREC, Ball, accuracy_bits, enclose
from .elliptic import elliptic_period_ratio, jacobi_dn_fraction
from .exact import INF, NEG_INF, Infinity, exact_le, exact_lt, from_sympy, to_fmpq

__all__ = ["parse_interval", "cross_ratio", "zolotarev_number", "zolotarev_numbers",
           "beckermann_townsend_bound", "zolotarev_number_annulus",
           "zolotarev_number_disks", "zolotarev_nodes_poles", "ZolotarevFunction",
           # at the current precision, for the expression compiler
           "cross_ratio_of_endpoints", "zolotarev_from_cross_ratio", "zolotarev_mobius"]

#: Bits over the requested accuracy at the first attempt (as ``enclose``).
_HEADROOM = 30
#: An exact power (varrho/R)**n is kept exact up to this many bits.
_EXACT_POWER_BITS = 1 << 16


# ---------------------------------------------------------------- intervals
def _endpoint(v):
    """An exact endpoint: fmpq, INF or NEG_INF (text through parse_number)."""
    if isinstance(v, Infinity):
        return v
    if isinstance(v, float) and math.isinf(v):
        return INF if v > 0 else NEG_INF
    if isinstance(v, str):
        from ..symbolic.parsing import parse_number  # sympy only for text input

        return from_sympy(parse_number(v))
    if getattr(v, "is_infinite", False):  # sympy's oo and -oo
        return from_sympy(v)
    return to_fmpq(v)


def parse_interval(text: str) -> tuple:
    """An interval from text "a,b" (optionally in brackets, "[a, b]"); each
    endpoint is parsed exactly (``0.1`` is 1/10, ``inf``/``-inf`` allowed).

    Raises MalformedNumberError for text that is not two numbers, and
    DomainError unless a < b.

    >>> parse_interval("-inf, -1/2")
    (NEG_INF, -1/2)
    """
    if not isinstance(text, str):
        raise MalformedNumberError(f"expected an interval as text 'a,b', got {text!r}")
    body = text.strip()
    if body[:1] == "[" and body[-1:] == "]":
        body = body[1:-1]
    parts = body.split(",")
    if len(parts) != 2:
        raise MalformedNumberError(f"expected an interval 'a,b', got {text!r}")
    return _interval(tuple(part.strip() for part in parts))


def _interval(E) -> tuple:
    """(lo, hi) with exact endpoints and lo < hi, from a pair or from text."""
    if isinstance(E, str):
        return parse_interval(E)
    try:
        lo, hi = E
    except (TypeError, ValueError):
        raise MalformedNumberError(f"an interval is a pair (lo, hi), got {E!r}") from None
    lo, hi = _endpoint(lo), _endpoint(hi)
    if not exact_lt(lo, hi):
        raise DomainError(f"an interval [a, b] needs a < b, got [{lo}, {hi}]")
    return lo, hi


def _sorted_pair(E, F):
    """(left, right, e_is_left): the two intervals in their order on the line.

    Raises DomainError when they overlap or touch."""
    E, F = _interval(E), _interval(F)
    if exact_lt(E[1], F[0]):
        return E, F, True
    if exact_lt(F[1], E[0]):
        return F, E, False
    names = f"E = [{E[0]}, {E[1]}] and F = [{F[0]}, {F[1]}]"
    if exact_le(E[1], F[0]) or exact_le(F[1], E[0]):
        raise DomainError(f"{names} touch: Zolotarev numbers need disjoint closed intervals")
    raise DomainError(f"{names} overlap: Zolotarev numbers need disjoint intervals")


def _cross_ratio_sorted(left, right):
    (a, b), (c, d) = left, right
    if isinstance(a, Infinity) and isinstance(d, Infinity):
        return INF
    if isinstance(a, Infinity):
        return (d - b) / (c - b)
    if isinstance(d, Infinity):
        return (c - a) / (c - b)
    return (c - a) * (d - b) / ((c - b) * (d - a))


def cross_ratio_of_endpoints(a, b, c, d):
    """The cross ratio M of [a, b] and [c, d] given in order,
    -oo <= a < b < c < d <= oo, as ``cross_ratio`` computes it; endpoints
    are exact (``fmpq``, ``INF``, ``NEG_INF``) or real ``arb`` balls (the
    expression compiler's values). Exact endpoints give the exact M (an
    ``fmpq`` or ``INF``), balls give a ball at the current precision (a
    non-finite ball when the order cannot be decided at this precision).

    Raises DomainError when the endpoints are certainly out of order.

    >>> cross_ratio_of_endpoints(NEG_INF, fmpq(-1, 2), 0, 100)
    201
    """
    ends = [v if isinstance(v, (Infinity, arb)) else _endpoint(v) for v in (a, b, c, d)]
    if isinstance(ends[1], Infinity) or isinstance(ends[2], Infinity):
        raise DomainError("the inner endpoints b and c must be finite")
    if ends[0] is INF or ends[3] is NEG_INF:
        raise DomainError("the endpoints must satisfy a < b < c < d")
    steps = [(x, y) for x, y in zip(ends, ends[1:])
             if not isinstance(x, Infinity) and not isinstance(y, Infinity)]
    if any(_certainly_le(y, x) for x, y in steps):
        raise DomainError("the endpoints must satisfy a < b < c < d")
    if not all(_certainly_lt(x, y) for x, y in steps):  # balls only: undecided order
        return arb.nan()
    return _cross_ratio_sorted(ends[:2], ends[2:])


def _certainly_lt(x, y) -> bool:
    return bool(arb(x) < arb(y)) if isinstance(x, arb) or isinstance(y, arb) else x < y


def _certainly_le(x, y) -> bool:
    return bool(arb(x) <= arb(y)) if isinstance(x, arb) or isinstance(y, arb) else x <= y


def cross_ratio(E, F):
    """Exact cross ratio M of two disjoint real intervals (webb2025
    Theorem 3.3; formula sheet section 8.1). With the intervals sorted as
    [a, b], [c, d] on the line (E and F may come in either order):

        M = (c - a)(d - b) / ((c - b)(d - a)),
        M = (d - b)/(c - b) if a = -oo,  M = (c - a)/(c - b) if d = +oo,
        M = oo (``INF``) if a = -oo and d = +oo.

    M > 1 is an ``fmpq`` (or ``INF``); it is invariant under Moebius maps,
    and so is Z_n.

    Raises DomainError unless each interval has lo < hi and the two are
    disjoint and do not touch.

    >>> cross_ratio((-3, -1), (2, 5))
    5/4
    >>> cross_ratio((2, 5), (-3, -1)), cross_ratio((NEG_INF, -1), (1, INF))
    (5/4, INF)
    """
    left, right, _ = _sorted_pair(E, F)
    return _cross_ratio_sorted(left, right)


# --------------------------------------------------------------- the order n
def _order(n) -> int:
    """n as a Python int >= 0; DomainError for anything else."""
    if isinstance(n, bool):
        raise DomainError(f"the degree n must be an integer >= 0, got {n!r}")
    if isinstance(n, (int, fmpz)):
        value = int(n)
    elif isinstance(n, fmpq) and n.q == 1:
        value = int(n.p)
    elif getattr(n, "is_Integer", False):  # sympy Integer
        value = int(n)
    else:
        raise DomainError(f"the degree n must be an integer >= 0, got {n!r}")
    if value < 0:
        raise DomainError(f"the degree n must be an integer >= 0, got {value}")
    return value


def _check_accuracy(accuracy: int) -> None:
    if accuracy < 1:
        raise DomainError(f"accuracy must be at least 1 bit, got {accuracy}")


def _exact_ball(q, accuracy: int, max_prec: int) -> Ball:
    return replace(Ball.from_exact(fmpq(q)), accuracy=accuracy, max_prec=max_prec)


def _enclose_each(compute, count: int, accurate, *, accuracy: int, max_prec: int) -> list:
    """Balls for ``count`` values at once: ``compute(indices)`` returns arbs
    for those indices; each value is recomputed at doubled precision until
    ``accurate(index, value)`` or the cap, as ``enclose`` does for one value.
    Both run inside ``ctx.workprec``."""
    _check_accuracy(accuracy)
    prec = accuracy + _HEADROOM
    max_prec = max(max_prec, prec)
    out = [None] * count
    pending = list(range(count))
    while pending:
        with ctx.workprec(prec):
            values = compute(pending)
            verdicts = [bool(accurate(i, value)) for i, value in zip(pending, values)]
        retry = []
        for i, value, good in zip(pending, values, verdicts):
            if good or prec >= max_prec:
                out[i] = Ball(value, None, prec, max_prec, accuracy, good)
            else:
                retry.append(i)
        pending = retry
        prec = min(2 * prec, max_prec)
    return out


# --------------------------------------------------------------- Z_n itself
def _rate_ratio(M) -> arb:
    """K[1/M] / K[1 - 1/M] through AGMs of 1/M and 1 - 1/M (exact for an
    exact M, so nothing cancels when M is huge)."""
    inverse = 1 / M
    return elliptic_period_ratio(arb(1 - inverse), m1=arb(inverse))


def _zolotarev_balls(M, orders: list) -> list:
    """sqrt(lambda(2 n i r)) for each order n >= 1, at the current precision."""
    ratio = _rate_ratio(M)
    return [acb(0, 2 * n * ratio).modular_lambda().real.sqrt() for n in orders]


def zolotarev_from_cross_ratio(M, n):
    """Z_n of two real intervals with cross ratio M (an exact ``fmpq``,
    ``INF`` or a real ``arb`` ball > 1) at the current working precision:
    sqrt(lambda(2 n i K[1/M] / K[1 - 1/M])) as in ``zolotarev_number``, but
    one evaluation, no precision loop (the expression compiler runs its
    own). Returns ``fmpq(1)`` for n = 0 or M = oo, else an arb.

    Raises DomainError for n < 0 or M <= 1 certainly.

    >>> zolotarev_from_cross_ratio(fmpq(5, 4), 1).str(10, radius=False)
    '0.05572809000'
    """
    order = _order(n)
    if order == 0 or isinstance(M, Infinity):
        return fmpq(1)
    if (M <= 1) is True:
        raise DomainError(f"a cross ratio of disjoint intervals is > 1, got M = {M}")
    return _zolotarev_balls(M, [order])[0]


def zolotarev_numbers(E, F, ns: Sequence, *, accuracy: int = DEFAULT_ACCURACY,
                      max_prec: int = DEFAULT_MAX_PREC) -> list:
    """Certified Zolotarev numbers Z_n(E, F) for many n at once (one
    enclosure of the elliptic ratio serves them all): a list of Balls in the
    order of ``ns``. Same formula, conventions and errors as
    ``zolotarev_number``.

    >>> [z.mid for z in zolotarev_numbers((-3, -1), (2, 5), [0, 1])]  # doctest: +ELLIPSIS
    [1.0, 0.0557280900008...]
    """
    M = cross_ratio(E, F)
    orders = [_order(n) for n in ns]
    _check_accuracy(accuracy)
    out = [_exact_ball(1, accuracy, max_prec) if isinstance(M, Infinity) or n == 0 else None
           for n in orders]
    todo = [i for i, z in enumerate(out) if z is None]
    if todo:
        balls = _enclose_each(lambda idx: _zolotarev_balls(M, [orders[todo[i]] for i in idx]),
                              len(todo), lambda i, z: accuracy_bits(z) >= accuracy,
                              accuracy=accuracy, max_prec=max_prec)
        for i, ball in zip(todo, balls):
            out[i] = ball
    return out


def zolotarev_number(E, F, n, *, accuracy: int = DEFAULT_ACCURACY,
                     max_prec: int = DEFAULT_MAX_PREC) -> Ball:
    """Certified Zolotarev number Z_n(E, F) of two disjoint real intervals.

    Z_n = inf over rational r of type (n, n) of sup_E |r| / inf_F |r|
    (webb2025 eq. 1.8), evaluated exactly as sqrt(lambda(tau_n)) with
    tau_n = 2 n i K[1/M] / K[1 - 1/M] (formula sheet section 8.2), M the
    cross ratio, K in the *parameter* convention, lambda the modular lambda
    function. Z_0 = 1 and Z_n = 1 when M = oo, exactly. Symmetric in E, F.
    Works for any n (Arb's exponents do not underflow: Z_100000 of
    [-3, -1], [2, 5] is about 6e-185565). Returns a Ball containing Z_n,
    relative width below 2**-accuracy unless it says ``accurate=False``.

    Raises DomainError if the intervals overlap or touch, or n is not an
    integer >= 0.

    >>> zolotarev_number((-3, -1), (2, 5), 1).mid  # doctest: +ELLIPSIS
    0.05572809...
    >>> zolotarev_number((-3, -1), (2, 5), 100000).upper  # doctest: +ELLIPSIS
    '6.0288964823958...e-185565'
    """
    return zolotarev_numbers(E, F, [n], accuracy=accuracy, max_prec=max_prec)[0]


def beckermann_townsend_bound(E, F, n, *, accuracy: int = DEFAULT_ACCURACY,
                              max_prec: int = DEFAULT_MAX_PREC) -> Ball:
    """The Beckermann-Townsend upper bound on Z_n(E, F) for two real
    intervals (webb2025 Theorem 3.3; Beckermann-Townsend 2019, Cor. 3.2):

        Z_n(E, F) <= 4 exp(-n pi**2 / log(16 M)),  M the cross ratio.

    It is exactly 4 for n = 0, and for M = oo (a = -oo and d = +oo), where
    the exponent tends to 0: the formula's limit is returned, which is
    still a valid (if poor) bound, since then Z_n = 1. Returns a Ball that
    contains the value of the formula.

    Raises DomainError as ``zolotarev_number``.

    >>> beckermann_townsend_bound((-3, -1), (2, 5), 1).mid  # doctest: +ELLIPSIS
    0.148338192798...
    """
    M = cross_ratio(E, F)
    order = _order(n)
    _check_accuracy(accuracy)
    if order == 0 or isinstance(M, Infinity):
        return _exact_ball(4, accuracy, max_prec)
    return enclose(lambda prec: 4 * (-order * arb.pi() ** 2 / (16 * arb(M)).log()).exp(),
                   accuracy=accuracy, max_prec=max_prec)


# ------------------------------------------------------- disks and annuli
def zolotarev_number_annulus(varrho, R, n, *, accuracy: int = DEFAULT_ACCURACY,
                             max_prec: int = DEFAULT_MAX_PREC) -> Ball:
    """Z_n of the disk |z| <= varrho and the exterior |z| >= R, 0 < varrho < R
    (webb2025 eq. 3.4; Starke 1992, z**n is optimal):

        Z_n({|z| <= varrho}, {|z| >= R}) = (varrho / R)**n,

    exact (an ``fmpq`` Ball) for exact rational radii, unless the power has
    more than 65536 bits, when it is enclosed to ``accuracy`` bits.

    Raises DomainError unless 0 < varrho < R and n is an integer >= 0.

    >>> zolotarev_number_annulus(1, 2, 10)
    Ball(1/1024)
    """
    varrho, R, order = to_fmpq(_endpoint(varrho)), to_fmpq(_endpoint(R)), _order(n)
    if not 0 < varrho < R:
        raise DomainError(f"the annulus needs 0 < varrho < R, got varrho = {varrho}, R = {R}")
    ratio = varrho / R
    size = max(int(ratio.p).bit_length(), int(ratio.q).bit_length())
    _check_accuracy(accuracy)
    if order * size <= _EXACT_POWER_BITS:
        return _exact_ball(ratio ** order, accuracy, max_prec)
    return enclose(lambda prec: arb(ratio) ** order, accuracy=accuracy, max_prec=max_prec)


def zolotarev_number_disks(delta, r1, r2, n, *, accuracy: int = DEFAULT_ACCURACY,
                           max_prec: int = DEFAULT_MAX_PREC) -> Ball:
    """Z_n of two disjoint closed disks with radii r1, r2 and centres at
    distance delta > r1 + r2 (webb2025 eq. 3.4 and its computable form,
    catalogue statement ``webb2025:eq3.4-disks``): a Moebius map takes them
    to the annulus case, with the inversive distance

        I = (delta**2 - r1**2 - r2**2) / (2 r1 r2) = (rho + 1/rho) / 2,
        rho = I + sqrt(I**2 - 1),   Z_n = rho**(-n).

    Exactly 1 for n = 0. Returns a Ball containing Z_n.

    Raises DomainError unless r1, r2 > 0, delta > r1 + r2 and n is an
    integer >= 0.

    >>> zolotarev_number_disks(4, fmpq(3, 2), fmpq(3, 2), 1).mid  # doctest: +ELLIPSIS
    0.203776612387...
    """
    delta, r1, r2 = (to_fmpq(_endpoint(v)) for v in (delta, r1, r2))
    order = _order(n)
    if not (r1 > 0 and r2 > 0 and delta > r1 + r2):
        raise DomainError(f"two disjoint disks need r1, r2 > 0 and delta > r1 + r2, got "
                          f"delta = {delta}, r1 = {r1}, r2 = {r2}")
    _check_accuracy(accuracy)
    if order == 0:
        return _exact_ball(1, accuracy, max_prec)
    inversive = (delta ** 2 - r1 ** 2 - r2 ** 2) / (2 * r1 * r2)
    # rho**(-n) = (I - sqrt(I**2 - 1))**n without the cancellation of that form
    return enclose(lambda prec: (arb(inversive) + arb(inversive ** 2 - 1).sqrt()) ** (-order),
                   accuracy=accuracy, max_prec=max_prec)


# ----------------------------------------------------- zeros and poles
@dataclass(frozen=True)
class ZolotarevFunction:
    """The extremal rational function r of type (n, n) for Z_n(E, F) of two
    real intervals (webb2025 Theorem 5.2), given by its zeros and poles:

        r(z) = prod_j (z - zeros[j]) / (z - poles[j]),
        sup_E |r| / inf_F |r| = Z_n(E, F) = ``number``.

    ``zeros`` lie in E and ``poles`` in F (r is small on E); both are tuples
    of Balls sorted increasingly. ``cross_ratio`` is the exact M, ``number``
    the certified Z_n of the same E, F, n. ``zeros_float`` and
    ``poles_float`` are the centres rounded to floats (for the numeric
    layer).
    """

    E: tuple
    F: tuple
    n: int
    cross_ratio: object
    zeros: tuple
    poles: tuple
    number: Ball

    @property
    def zeros_float(self) -> tuple:
        return tuple(z.mid for z in self.zeros)

    @property
    def poles_float(self) -> tuple:
        return tuple(p.mid for p in self.poles)

    @property
    def accurate(self) -> bool:
        """Whether every zero, pole and the number reached the accuracy."""
        return all(b.accurate for b in (*self.zeros, *self.poles, self.number))

    def to_json(self) -> dict:
        return {"n": self.n, "E": [str(v) for v in self.E], "F": [str(v) for v in self.F],
                "cross_ratio": str(self.cross_ratio), "zolotarev": self.number.to_json(),
                "zeros": [z.to_json() for z in self.zeros],
                "poles": [p.to_json() for p in self.poles]}

    def __repr__(self) -> str:
        E, F = f"[{self.E[0]}, {self.E[1]}]", f"[{self.F[0]}, {self.F[1]}]"
        return (f"ZolotarevFunction(n={self.n}, E={E}, F={F}, M={self.cross_ratio}, "
                f"Z_n={self.number!r})")


def _mobius(left, right, kp: arb):
    """The coefficients (alpha, beta, gamma, delta) of
    T(xi) = (alpha xi + beta) / (gamma xi + delta) with
    T(-1, -k', k', 1) = (a, b, c, d), from three finite correspondences:
    T = S_w^{-1} o S_xi, where S_(z1, z2, z3) sends z1, z2, z3 to 0, 1, oo."""
    (a, b), (c, d) = left, right
    if isinstance(a, Infinity):
        xi, w = (-kp, kp, arb(1)), (b, c, d)
    else:
        xi, w = (arb(-1), -kp, kp), (a, b, c)
    z1, z2, z3 = xi
    w1, w2, w3 = w
    # S_xi = [[z2 - z3, -z1 (z2 - z3)], [z2 - z1, -z3 (z2 - z1)]], and S_w alike
    # but in exact arithmetic: b and c may agree to hundreds of digits
    p, q, r, s = (arb(v) for v in (w2 - w3, -w1 * (w2 - w3), w2 - w1, -w3 * (w2 - w1)))
    A = (z2 - z3, -z1 * (z2 - z3), z2 - z1, -z3 * (z2 - z1))
    # adjugate of S_w times S_xi
    return (s * A[0] - q * A[2], s * A[1] - q * A[3],
            -r * A[0] + p * A[2], -r * A[1] + p * A[3])


def zolotarev_mobius(xi, gamma, a, b, c, d) -> arb:
    """T(xi) for the Moebius map T of webb2025 Theorem 5.2 with
    T(-1) = a, T(-1/gamma) = b, T(1/gamma) = c, T(1) = d, at the current
    working precision; xi and gamma >= 1 real balls (or exact), the
    endpoints exact or balls, a = -oo or d = +oo allowed (not both). T is
    evaluated at the two endpoints of xi (it is monotone there); a
    non-finite ball when its pole may lie in xi.

    Raises DomainError when a = -oo and d = +oo.

    >>> zolotarev_mobius(1, 3, -1, 0, 1, 2).str(10, radius=False)  # M = 4/3, gamma = 3
    '2.000000000'
    """
    if isinstance(a, Infinity) and isinstance(d, Infinity):
        raise DomainError("the Moebius map needs at least three finite endpoints")
    ends = [v if isinstance(v, (Infinity, arb)) else _endpoint(v) for v in (a, b, c, d)]
    xi = xi if isinstance(xi, arb) else arb(_endpoint(xi))
    gamma = gamma if isinstance(gamma, arb) else arb(_endpoint(gamma))
    return _apply_mobius(_mobius(ends[:2], ends[2:], 1 / gamma), xi)


def _apply_mobius(coeffs, x: arb) -> arb:
    """T(x) for a real ball x: T at the two endpoints of x, and their hull,
    which encloses T(x) since T is monotone on x when its pole is not in x.
    A non-finite ball when the pole may lie in x (more precision needed)."""
    alpha, beta, gamma, delta = coeffs
    if (gamma * x + delta).contains(0):
        return arb.nan()
    lo, hi = x.lower(), x.upper()
    return ((alpha * lo + beta) / (gamma * lo + delta)).union(
        (alpha * hi + beta) / (gamma * hi + delta))


def _nodes_poles_balls(M: fmpq, n: int, left, right, e_is_left: bool, indices) -> list:
    """At the current precision: index i < n is zero j = i + 1 (or pole
    j = i - n + 1 for i >= n) of the extremal function with zeros in E."""
    # gamma - 1 and k' = 1/gamma from the exact M: no cancellation near M = 1
    root = (arb(M) * arb(M - 1)).sqrt()
    gamma = 2 * M - 1 + 2 * root
    kp = 1 / gamma
    m1 = kp * kp
    m = (2 * (M - 1) + 2 * root) * (gamma + 1) * m1  # 1 - 1/gamma**2
    coeffs = _mobius(left, right, kp)
    js = sorted({i % n for i in indices})
    dn = dict(zip(js, jacobi_dn_fraction([fmpq(2 * j + 1, 2 * n) for j in js], m, m1=m1)))
    out = []
    for i in indices:
        xi = dn[i % n]
        right_side = (i < n) != e_is_left  # zeros of r are in E
        point = _apply_mobius(coeffs, xi if right_side else -xi)
        out.append(point if point.is_finite() else _hull(right if right_side else left))
    return out


def _hull(interval) -> arb:
    """The interval as a ball (the enclosure of a node T cannot yet place);
    non-finite for a half-line."""
    lo, hi = interval
    if isinstance(lo, Infinity) or isinstance(hi, Infinity):
        return arb.nan()
    return arb(lo).union(arb(hi))


def _within(x: arb, interval) -> bool:
    """x lies in the closed interval, certainly (at the current precision)."""
    lo, hi = interval
    return bool((isinstance(lo, Infinity) or x >= arb(lo))
                and (isinstance(hi, Infinity) or x <= arb(hi)))


def _scale(left, right) -> arb:
    return arb(max(abs(v) for v in (*left, *right) if not isinstance(v, Infinity)))


def zolotarev_nodes_poles(E, F, n, *, accuracy: int = DEFAULT_ACCURACY,
                          max_prec: int = DEFAULT_MAX_PREC) -> ZolotarevFunction:
    """Certified zeros and poles of the extremal function of Z_n(E, F) for two
    disjoint real intervals (webb2025 Theorem 5.2, eq. 5.4; formula sheet
    section 8.4). With the intervals sorted as [a, b], [c, d], the cross
    ratio M, gamma = 2M - 1 + 2 sqrt(M (M - 1)), k' = 1/gamma (modulus k,
    parameter m = k**2 = 1 - 1/gamma**2) and u_j = (j - 1/2) K / n:

        points in [c, d]: T(dn(u_j, k)),  points in [a, b]: T(-dn(u_j, k)),

    j = 1..n, with T the Moebius map (-1, -1/gamma, 1/gamma, 1) -> (a, b, c, d)
    and dn from theta functions. **The zeros are the points in E and the
    poles the points in F**, whatever the order of E and F on the line, so
    r = prod (z - zero) / (z - pole) is small on E:
    sup_E |r| / inf_F |r| = Z_n(E, F). (The MATLAB ``ellipjZolotarev.m``
    returns roots in [c, d] always.) One of a, d may be infinite.

    Returns a ``ZolotarevFunction`` (zeros and poles as Balls, sorted, and
    the Ball of Z_n itself); n = 0 gives no zeros or poles and Z_0 = 1.

    Raises DomainError if the intervals overlap or touch, if a = -oo and
    d = +oo together (M = oo: Z_n = 1, attained only by constants), or n is
    not an integer >= 0.

    >>> f = zolotarev_nodes_poles((-3, -1), (2, 5), 1)
    >>> f.zeros_float, f.poles_float  # doctest: +ELLIPSIS
    ((-1.80298324818158...,), (3.07571052090886...,))
    """
    left, right, e_is_left = _sorted_pair(E, F)
    E, F = (left, right) if e_is_left else (right, left)
    M = _cross_ratio_sorted(left, right)
    order = _order(n)
    if isinstance(M, Infinity):
        raise DomainError("E and F meet at infinity (a = -inf and d = +inf, cross ratio "
                          "M = inf): Z_n = 1 and no extremal function has zeros and poles")
    number = zolotarev_number(E, F, order, accuracy=accuracy, max_prec=max_prec)
    if order == 0:
        return ZolotarevFunction(E, F, 0, M, (), (), number)
    tolerance = _scale(left, right) * arb(2) ** (-2 * accuracy)

    def accurate(i, x):
        narrow = accuracy_bits(x) >= accuracy or (x.is_finite() and x.rad() <= tolerance)
        return narrow and _within(x, E if i < order else F)

    balls = _enclose_each(lambda idx: _nodes_poles_balls(M, order, left, right, e_is_left, idx),
                          2 * order, accurate, accuracy=accuracy, max_prec=max_prec)
    return ZolotarevFunction(E, F, order, M, _increasing(balls[:order]),
                             _increasing(balls[order:]), number)


def _increasing(balls) -> tuple:
    return tuple(sorted(balls, key=lambda b: b.value.mid()))
