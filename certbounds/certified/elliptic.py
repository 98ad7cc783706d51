"""Certified complete elliptic integrals, nomes and Jacobi's dn (Arb balls).

Convention, once for the whole module: elliptic functions take the
*parameter* m = k**2 (scipy ``ellipk``, MATLAB ``ellipke``, mpmath
``ellipk``), not the modulus k of DLMF 19.2.8 / 22.2.6. So

    K[m] = integral_0^(pi/2) dt / sqrt(1 - m sin(t)**2) = K(k) (DLMF), k = sqrt(m).

The complementary parameter is m1 = 1 - m = k'**2 (scipy's ``ellipkm1``
takes it as its argument). Near m = 1 the difference 1 - m cancels, so every
function that needs both accepts ``m1=`` as well: pass it when you know it
more accurately than 1 - m (a Zolotarev problem with k' = 1/gamma knows
m1 = 1/gamma**2 exactly; its m rounds to 1).

Everything is computed from the arithmetic-geometric mean and from Arb's
Jacobi theta functions (``acb.modular_theta``, which reduces tau to the
fundamental domain, so there is no cut-off where the nome gets close to 1 or
underflows):

    K[m]      = pi / (2 AGM(1, sqrt(1 - m)))                 (DLMF 19.8.5)
    K'/K      = K[1 - m] / K[m] = AGM(1, sqrt(1 - m)) / AGM(1, sqrt(m))
    q         = exp(-pi K[1 - m] / K[m])                    (DLMF 22.2.1)
    dn(u | m) = theta4(0) theta3(z) / (theta3(0) theta4(z)), z = u / (2 K[m]),
                tau = i K[1 - m] / K[m]                      (DLMF 22.2.6)

with arb's theta convention theta3(z, tau) = 1 + 2 sum q**(n**2) cos(2 n pi z),
q = exp(i pi tau): the argument carries a factor pi (DLMF's zeta is pi z).

Functions take real ``arb`` balls (or exact ints / rationals) and return real
``arb`` balls at the current working precision (``flint.ctx.prec``); a ball
that straddles the boundary of the domain gives a non-finite ball, which the
precision loop (``certbounds.certified.ball.enclose``) answers by raising
the precision. They raise DomainError when an argument is certainly outside
the domain.
"""

from __future__ import annotations

from flint import acb, arb

from ..errors import DomainError
from .exact import to_fmpq

__all__ = ["elliptic_k", "elliptic_km1", "elliptic_period_ratio", "elliptic_nome",
           "jacobi_dn", "jacobi_dn_fraction"]


def _ball(x) -> arb:
    """A real ball at the current precision from an arb or an exact number."""
    return x if isinstance(x, arb) else arb(to_fmpq(x))


def _parameters(m, m1):
    """(m, m1) as balls, m1 = 1 - m unless given; DomainError unless 0 < m < 1."""
    m = _ball(m)
    m1 = 1 - m if m1 is None else _ball(m1)
    if m <= 0 or m1 <= 0:
        raise DomainError(f"the parameter must satisfy 0 < m < 1, got m = {m.str(10)} "
                          f"(1 - m = {m1.str(10)})")
    return m, m1


def elliptic_k(m) -> arb:
    """Complete elliptic integral of the first kind K[m], *parameter*
    convention m = k**2 (DLMF 19.2.8 writes K(k)):

        K[m] = pi / (2 AGM(1, sqrt(1 - m))),  m < 1.

    For m close to 1 use ``elliptic_km1(1 - m)`` with an accurate 1 - m.

    Raises DomainError when m >= 1 certainly.

    >>> from flint import arb, fmpq
    >>> elliptic_k(fmpq(1, 2)).str(12, radius=False)   # mpmath.ellipk(0.5)
    '1.85407467730'
    """
    m = _ball(m)
    if m >= 1:
        raise DomainError(f"K[m] needs the parameter m < 1, got m = {m}")
    return arb.pi() / (2 * arb(1).agm((1 - m).sqrt()))


def elliptic_km1(m1) -> arb:
    """K[1 - m1] (*parameter* convention), from the complementary parameter
    m1 = 1 - m = k'**2 directly, as scipy's ``ellipkm1``:

        K[1 - m1] = pi / (2 AGM(1, sqrt(m1))),  m1 > 0.

    Nothing cancels when m1 is tiny (m near 1), e.g. K = log(4/k') + ...
    for k' = sqrt(m1) -> 0.

    Raises DomainError when m1 <= 0 certainly.

    >>> from flint import fmpq
    >>> elliptic_km1(fmpq(1, 10**40)).str(12, radius=False)   # mpmath.ellipk(1 - 1e-40), 50 digits
    '47.4379962210'
    """
    m1 = _ball(m1)
    if m1 <= 0:
        raise DomainError(f"K[1 - m1] needs m1 = 1 - m > 0, got m1 = {m1}")
    return arb.pi() / (2 * arb(1).agm(m1.sqrt()))


def elliptic_period_ratio(m, *, m1=None) -> arb:
    """The period ratio K'/K = K[1 - m] / K[m] (*parameter* convention),
    so that tau = i K'/K and the nome is q = exp(-pi K'/K):

        K[1 - m] / K[m] = AGM(1, sqrt(1 - m)) / AGM(1, sqrt(m)),  0 < m < 1,

    with 1 - m taken from ``m1`` when given.

    Raises DomainError unless 0 < m < 1 (and 0 < m1).

    >>> from flint import fmpq
    >>> elliptic_period_ratio(fmpq(1, 2)).str(12, radius=False)   # K' = K at m = 1/2
    '1.00000000000'
    """
    m, m1 = _parameters(m, m1)
    return arb(1).agm(m1.sqrt()) / arb(1).agm(m.sqrt())


def elliptic_nome(m, *, m1=None) -> arb:
    """Jacobi's nome q = exp(-pi K[1 - m] / K[m]) (*parameter* convention
    m = k**2; DLMF 22.2.1 writes q = exp(-pi K'(k)/K(k))), 0 < m < 1,
    with 1 - m taken from ``m1`` when given.

    Raises DomainError unless 0 < m < 1.

    >>> from flint import fmpq
    >>> elliptic_nome(fmpq(1, 2)).str(12, radius=False)   # exp(-pi)
    '0.0432139182638'
    """
    return (-arb.pi() * elliptic_period_ratio(m, m1=m1)).exp()


def _dn_theta(zs, tau: acb) -> list:
    """dn from theta functions at arb-convention arguments zs (u / (2K))."""
    _, _, theta3_0, theta4_0 = acb(0).modular_theta(tau)
    scale = (theta4_0 / theta3_0).real
    out = []
    for z in zs:
        _, _, theta3, theta4 = acb(z).modular_theta(tau)
        out.append(scale * (theta3 / theta4).real)
    return out


def _is_sequence(x) -> bool:
    return isinstance(x, (list, tuple))


def jacobi_dn(u, m, *, m1=None):
    """Jacobi's elliptic function dn(u | m), *parameter* convention m = k**2
    (DLMF 22.2.6 writes dn(u, k); mpmath ``ellipfun('dn', u, m=m)``), for
    real u and 0 < m < 1, from theta functions:

        dn(u | m) = theta4(0) theta3(z) / (theta3(0) theta4(z)),
        z = u / (2 K[m]),  tau = i K[1 - m] / K[m]  (arb's pi-scaled theta).

    ``u`` may be a list or tuple (one theta evaluation at 0 serves all).
    ``m1`` is 1 - m when known more accurately than m.

    Raises DomainError unless 0 < m < 1.

    >>> from flint import arb, fmpq
    >>> jacobi_dn(arb(1), fmpq(1, 2)).str(12, radius=False)   # mpmath.ellipfun('dn', 1, m=0.5)
    '0.823161001632'
    """
    m, m1 = _parameters(m, m1)
    half_period = arb.pi() / arb(1).agm(m1.sqrt())  # 2 K[m]
    tau = acb(0, arb(1).agm(m1.sqrt()) / arb(1).agm(m.sqrt()))
    if _is_sequence(u):
        return _dn_theta([_ball(v) / half_period for v in u], tau)
    return _dn_theta([_ball(u) / half_period], tau)[0]


def jacobi_dn_fraction(x, m, *, m1=None):
    """dn(x K[m] | m): Jacobi's dn at a multiple x of the quarter period
    K[m] (*parameter* convention m = k**2), for real x and 0 < m < 1:

        dn(x K[m] | m) = theta4(0) theta3(x/2) / (theta3(0) theta4(x/2)),
        tau = i K[1 - m] / K[m]  (arb's pi-scaled theta).

    The argument of the theta functions is x/2 itself, so an exact rational
    x (a Zolotarev node has x = (2j - 1)/(2n), webb2025 Thm 5.2) loses
    nothing to an enclosure of K. ``x`` may be a list or tuple.
    dn(0) = 1 and dn(K) = k' = sqrt(1 - m).

    Raises DomainError unless 0 < m < 1.

    >>> from flint import fmpq
    >>> jacobi_dn_fraction(1, fmpq(3, 4)).str(12, radius=False)   # k' = sqrt(1/4)
    '0.500000000000'
    """
    m, m1 = _parameters(m, m1)
    tau = acb(0, arb(1).agm(m1.sqrt()) / arb(1).agm(m.sqrt()))
    if _is_sequence(x):
        return _dn_theta([_ball(v) / 2 for v in x], tau)
    return _dn_theta([_ball(x) / 2], tau)[0]
