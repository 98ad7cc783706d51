"""Certified elliptic functions (certbounds/certified/elliptic.py).

Every ball is checked against an independent 60-digit mpmath value
(``mpmath.ellipk``, ``mpmath.qfrom``, ``mpmath.ellipfun``: series and
Landen-type algorithms, not the AGM/theta route of the package), in the
*parameter* convention m = k**2 that mpmath also uses.
"""

from fractions import Fraction

import mpmath
import pytest
from flint import arb, ctx, fmpq
from hypothesis import given, settings, strategies as st

from certbounds.certified.elliptic import (elliptic_k, elliptic_km1, elliptic_nome,
                                           elliptic_period_ratio, jacobi_dn,
                                           jacobi_dn_fraction)
from certbounds.errors import DomainError

def _examples(default: int) -> int:
    """``default`` examples in the default run, ten times as many under
    --hypothesis-profile=thorough (tests/conftest.py)."""
    return max(1, settings().max_examples * default // 100)


#: working precision of the checks, and the relative width each ball must beat
PREC = 128
NARROW_BITS = 100
#: relative error allowed to the 60-digit reference itself
REFERENCE_ERROR = mpmath.mpf(10) ** -55


def _mp(q) -> mpmath.mpf:
    return mpmath.mpf(int(q.numerator)) / int(q.denominator)


def _exact_arb(x: mpmath.mpf) -> arb:
    """The mpmath number as an exact point ball."""
    sign, man, exp, _ = x._mpf_
    with ctx.workprec(4 * max(int(man).bit_length(), 64)):
        return (-1) ** sign * arb(int(man)) * arb(2) ** int(exp)


def assert_encloses(ball: arb, reference: mpmath.mpf, narrow: int = NARROW_BITS) -> None:
    """The reference (widened by its own error) meets the ball, and the ball
    is narrow: its relative width is below 2**-narrow."""
    ref = _exact_arb(reference)
    with ctx.workprec(4 * PREC):
        widened = ref + arb(0, _exact_arb(abs(reference) * REFERENCE_ERROR))
        assert ball.overlaps(widened), (ball, mpmath.nstr(reference, 40))
    assert ball.rel_accuracy_bits() >= narrow, (ball, ball.rel_accuracy_bits())


def _fmpq(q: Fraction) -> fmpq:
    return fmpq(q.numerator, q.denominator)


#: parameters m in (0, 1), and m1 = 1 - m down to 1e-300 (m near 1)
parameters = st.fractions(min_value=Fraction(1, 10 ** 6), max_value=1 - Fraction(1, 10 ** 6),
                          max_denominator=10 ** 9)
complements = st.builds(lambda mant, e: Fraction(mant, 1000 * 10 ** e),
                        st.integers(1, 999), st.integers(0, 300))


@pytest.mark.enclosure
@settings(max_examples=_examples(80), deadline=None)
@given(m=st.one_of(parameters, st.fractions(min_value=-100, max_value=0, max_denominator=1000)))
def test_elliptic_k_encloses_mpmath(m):
    with mpmath.workdps(60):
        reference = mpmath.ellipk(_mp(m))
    with ctx.workprec(PREC):
        assert_encloses(elliptic_k(_fmpq(m)), reference)


@pytest.mark.enclosure
@settings(max_examples=_examples(60), deadline=None)
@given(m1=complements)
def test_elliptic_km1_encloses_mpmath_near_m_one(m1):
    # 1 - m1 needs more than 60 digits when m1 is tiny: give mpmath enough
    with mpmath.workdps(60 + 310):
        reference = mpmath.ellipk(1 - _mp(m1))
    with ctx.workprec(PREC):
        assert_encloses(elliptic_km1(_fmpq(m1)), reference)


@pytest.mark.enclosure
@settings(max_examples=_examples(60), deadline=None)
@given(m=parameters)
def test_nome_and_period_ratio_enclose_mpmath(m):
    with mpmath.workdps(60):
        q = mpmath.qfrom(m=_mp(m))
        ratio = mpmath.ellipk(1 - _mp(m)) / mpmath.ellipk(_mp(m))
    with ctx.workprec(PREC):
        assert_encloses(elliptic_nome(_fmpq(m)), q)
        assert_encloses(elliptic_period_ratio(_fmpq(m)), ratio)


@pytest.mark.enclosure
@settings(max_examples=_examples(100), deadline=None)
@given(u=st.fractions(min_value=-8, max_value=8, max_denominator=1000), m=parameters)
def test_jacobi_dn_encloses_mpmath(u, m):
    with mpmath.workdps(60):
        reference = mpmath.ellipfun("dn", _mp(u), m=_mp(m))
    with ctx.workprec(PREC):
        assert_encloses(jacobi_dn(_fmpq(u), _fmpq(m)), reference, narrow=90)


@pytest.mark.enclosure
@settings(max_examples=_examples(60), deadline=None)
@given(x=st.fractions(min_value=0, max_value=2, max_denominator=1000),
       m1=st.builds(lambda mant, e: Fraction(mant, 1000 * 10 ** e),
                    st.integers(1, 999), st.integers(0, 25)))
def test_jacobi_dn_fraction_encloses_mpmath(x, m1):
    # dn(x K | m) with m = 1 - m1 close to 1 (k' down to 1e-14): the Zolotarev regime
    with mpmath.workdps(90):
        m = 1 - _mp(m1)
        reference = mpmath.ellipfun("dn", _mp(x) * mpmath.ellipk(m), m=m)
    with ctx.workprec(PREC):
        ball = jacobi_dn_fraction(_fmpq(x), 1 - _fmpq(m1), m1=_fmpq(m1))
        assert_encloses(ball, reference, narrow=90)


def test_special_values():
    with ctx.workprec(PREC):
        # K[0] = pi/2 (DLMF 19.6.1); dn(0) = 1 and dn(K) = k' (DLMF 22.5.1)
        assert (elliptic_k(0) - arb.pi() / 2).contains(0)
        assert jacobi_dn(0, fmpq(1, 3)).contains(1)
        assert (jacobi_dn_fraction(1, fmpq(3, 4)) - fmpq(1, 2)).contains(0)
        # K' = K at m = 1/2, so the nome is exp(-pi)
        assert (elliptic_nome(fmpq(1, 2)) - (-arb.pi()).exp()).contains(0)
        # the list form agrees with the scalar form
        xs = [fmpq(1, 7), fmpq(1, 2), fmpq(5, 3)]
        many = jacobi_dn_fraction(xs, fmpq(9, 10))
        for x, value in zip(xs, many):
            assert value.overlaps(jacobi_dn_fraction(x, fmpq(9, 10)))
        us = [arb(0), arb(fmpq(1, 3))]
        assert all(a.overlaps(jacobi_dn(u, fmpq(1, 2))) for a, u in
                   zip(jacobi_dn(us, fmpq(1, 2)), us))


def test_m1_keyword_keeps_accuracy_where_one_minus_m_cancels():
    # k' = 1e-200: 1 - m is lost at 128 bits unless m1 is passed
    m1 = fmpq(1, 10 ** 400)
    with ctx.workprec(PREC):
        good = jacobi_dn_fraction(1, 1 - m1, m1=m1)
        assert good.rel_accuracy_bits() > 100
        assert (good * 10 ** 200 - 1).contains(0)  # dn(K) = k'
        rounded = jacobi_dn_fraction(1, arb(1 - m1))  # m rounded to 128 bits: k' lost
        assert not rounded.is_finite() or rounded.rel_accuracy_bits() < 50


@pytest.mark.parametrize("call", [
    lambda: elliptic_k(1), lambda: elliptic_k(fmpq(3, 2)), lambda: elliptic_km1(0),
    lambda: elliptic_km1(-1), lambda: elliptic_nome(0), lambda: elliptic_nome(1),
    lambda: elliptic_period_ratio(fmpq(1, 2), m1=0), lambda: jacobi_dn(1, 2),
    lambda: jacobi_dn_fraction(1, -1),
])
def test_domain_errors(call):
    with ctx.workprec(PREC), pytest.raises(DomainError):
        call()


def test_ball_straddling_the_boundary_is_not_finite():
    # m = [1 +- 0.1]: undecided, so the result is a non-finite ball (the
    # precision loop raises the precision), not an error
    with ctx.workprec(PREC):
        assert not elliptic_k(arb(1, fmpq(1, 10))).is_finite()
