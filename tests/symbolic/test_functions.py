"""Special functions of the catalogue (certbounds.symbolic.functions)."""

from functools import lru_cache

import mpmath
import pytest
import sympy
from hypothesis import given, settings, strategies as st

from certbounds.errors import DomainError
from certbounds.symbolic import functions as F
from certbounds.symbolic.functions import (CrossRatio, DerivativeAt, RecursionR,
                                           SupAbsDerivative, ZolotarevNumber,
                                           r_closed_form)
from certbounds.symbolic.parsing import X


@lru_cache(maxsize=None)
def naive_R(r, t, p):
    """budzinskiy2025 Lemma 4.1, transcribed literally (independent of the package)."""
    if p == 0:
        return 1 if t == 0 else r
    return 1 + sum(naive_R(r, s, p - 1) for s in range(1, t + 1))


def test_recursion_matches_lemma_4_1_everywhere_small():
    # acceptance: every t <= 12, p <= 4, r <= 20
    for r in range(1, 21):
        for t in range(0, 13):
            for p in range(0, 5):
                assert RecursionR(r, t, p) == naive_R(r, t, p), (r, t, p)


@pytest.mark.parametrize("p", range(0, 5))
def test_closed_form_has_degree_exactly_p_and_matches(p):
    # Remark 4.2: R_r(t, p) is a polynomial in t of degree p
    form = r_closed_form(p)
    r, t = sympy.symbols("r t", integer=True, positive=True)
    assert sympy.Poly(form, t).degree() == p
    for rv in (1, 7, 20):
        for tv in range(1, 13):
            assert form.subs({r: rv, t: tv}) == naive_R(rv, tv, p)


def test_large_t_uses_closed_form_consistently():
    # Beyond the tabulation limit the closed form is used; the defining
    # recursion R(t, p) - R(t-1, p) = R(t, p-1) must still hold there.
    limit = F._RECURSION_LIMIT
    for p in range(1, 5):
        for t in (limit - 1, limit, limit + 1, limit + 2, 10 ** 9):
            assert RecursionR(13, t, p) - RecursionR(13, t - 1, p) == RecursionR(13, t, p - 1)


def test_recursion_domain_and_symbolic():
    with pytest.raises(DomainError):
        RecursionR(0, 3, 2)
    with pytest.raises(DomainError):
        RecursionR(3, -1, 2)
    t = sympy.Symbol("t", integer=True)
    assert isinstance(RecursionR(5, t, 2), RecursionR)  # stays symbolic
    assert "R_{5}" in sympy.latex(RecursionR(5, t, 2))


def test_cross_ratio_exact_cases():
    # formula sheet section 8.1
    assert CrossRatio(-3, -1, 2, 5) == sympy.Rational(5 * 6, 3 * 8)
    assert CrossRatio(-sympy.oo, -sympy.Rational(1, 2), 0, 100) == 201
    assert CrossRatio(1, 2, 3, sympy.oo) == 2
    assert CrossRatio(-sympy.oo, -1, 1, sympy.oo) == sympy.oo
    for bad in [(0, 3, 2, 5), (0, 1, 1, 2), (2, 1, 3, 4), (0, 1, 3, 2)]:
        with pytest.raises(DomainError):
            CrossRatio(*bad)


def _zolotarev_product(n, M, dps=60):
    """Z_n by Jacobi's product (sheet 8.2), with K from mpmath.ellipk: an
    implementation independent of the package's theta/AGM route."""
    with mpmath.workdps(dps + 20):
        M = mpmath.mpf(int(M.p)) / int(M.q)
        rho = mpmath.exp(mpmath.pi * mpmath.ellipk(1 / M) / mpmath.ellipk(1 - 1 / M))
        Q = rho ** (-2 * n)
        total, tau = mpmath.mpf(4) * mpmath.sqrt(Q), 1
        while Q ** (2 * tau - 1) > mpmath.mpf(10) ** (-dps - 10):
            total *= ((1 + Q ** (2 * tau)) / (1 + Q ** (2 * tau - 1))) ** 4
            tau += 1
        return total


endpoint = st.fractions(min_value=-50, max_value=50, max_denominator=20)


@settings(max_examples=60, deadline=None)
@given(st.lists(endpoint, min_size=4, max_size=4, unique=True), st.integers(1, 40))
def test_zolotarev_matches_product_formula(points, n):
    a, b, c, d = sorted(sympy.Rational(p.numerator, p.denominator) for p in points)
    M = CrossRatio(a, b, c, d)
    with mpmath.workdps(80):
        Mf = mpmath.mpf(M.p) / M.q
        rho = mpmath.exp(mpmath.pi * mpmath.ellipk(1 / Mf) / mpmath.ellipk(1 - 1 / Mf))
    if rho ** (-2 * n) > 0.9:  # the product converges too slowly to serve as reference
        return
    ours = ZolotarevNumber(n, a, b, c, d).evalf(40)
    with mpmath.workdps(60):
        ref = _zolotarev_product(n, M)
        assert abs(mpmath.mpf(str(ours)) - ref) <= mpmath.mpf(10) ** -35 * ref


def test_zolotarev_exact_cases_and_extremes():
    oo = sympy.oo
    assert ZolotarevNumber(0, -3, -1, 2, 5) == 1
    assert ZolotarevNumber(7, -oo, -1, 1, oo) == 1       # the plates meet at infinity
    z = ZolotarevNumber(100000, -3, -1, 2, 5).evalf(20)  # far below 1e-308: no underflow
    assert 0 < z < sympy.Float("1e-100000")
    near = ZolotarevNumber(1, -sympy.Integer(10) ** 30, -1, 1, sympy.Integer(10) ** 30).evalf(20)
    assert 0.99 < near < 1                               # touching at infinity: close to 1
    with pytest.raises(DomainError):
        ZolotarevNumber(-1, -3, -1, 2, 5)
    with pytest.raises(DomainError):
        ZolotarevNumber(sympy.Rational(1, 2), -3, -1, 2, 5)


def test_derivatives_of_h():
    h = sympy.Lambda(X, sympy.exp(2 * X))
    assert DerivativeAt(h, 3, 0) == 8
    assert DerivativeAt(h, 0, 1) == sympy.exp(2)
    g = sympy.Lambda(X, sympy.sin(X))
    # max |cos| on [0.5, 3] is |cos 3| = 0.98999...
    value = SupAbsDerivative(g, 1, sympy.Rational(1, 2), 3).evalf(25)
    assert abs(value - abs(sympy.cos(3)).evalf(25)) < 1e-20
    # an interior maximum: |d/dx sin(x)^2| = |sin 2x| peaks at pi/4 in [0, 1]
    value = SupAbsDerivative(sympy.Lambda(X, sympy.sin(X) ** 2), 1, 0, 1).evalf(25)
    assert abs(value - 1) < 1e-20
    # the maximum between the last two samples (regression, found by the
    # thorough enclosure run): |e^x (sin x + cos x)| on [0, 377/48] peaks at
    # 5 pi/2 = 7.85398..., just inside the end 7.85416...
    h = sympy.Lambda(X, sympy.exp(X) * sympy.sin(X))
    value = SupAbsDerivative(h, 1, 0, sympy.Rational(377, 48)).evalf(30)
    assert abs(value - sympy.exp(5 * sympy.pi / 2).evalf(30)) < 1e-20
    with pytest.raises(DomainError):
        SupAbsDerivative(g, 1, 3, 1)
