"""Certified zeros j_(nu,k) of J_nu (certbounds.certified.bessel), against
mpmath.besseljzero at 60 digits and the values of the webb2025 formula
sheet."""

from __future__ import annotations

from decimal import Decimal

import mpmath
import pytest
from flint import arb, ctx, fmpq
from hypothesis import given, settings, strategies as st

import certbounds.certified.bessel as bessel
from certbounds.certified.bessel import bessel_j_zero
from certbounds.errors import DomainError, UndecidedError

#: 60 random cases by default, ten times as many under --hypothesis-profile=thorough
EXAMPLES = max(1, settings().max_examples * 3 // 5)


def reference(nu: fmpq, k: int) -> arb:
    """mpmath's j_(nu,k) at 60 digits, as a ball of radius 1e-55 relative."""
    with mpmath.workdps(60):
        value = mpmath.besseljzero(mpmath.mpf(int(nu.p)) / int(nu.q), k)
        text = mpmath.nstr(value, 60)
    with ctx.workprec(250):
        mid = arb(text)
        return mid + arb(0, abs(mid) * arb(10) ** -55)


def check(nu: fmpq, k: int, prec: int) -> None:
    with ctx.workprec(prec):
        zero = bessel_j_zero(nu, k)
    assert zero.overlaps(reference(nu, k)), (nu, k, zero)
    assert zero.rel_accuracy_bits() >= prec - 12, (nu, k, prec, zero)


@pytest.mark.parametrize("k", range(1, 51))
def test_first_fifty_zeros_of_j0(k):
    check(fmpq(0), k, 190)


@pytest.mark.parametrize("k", [100, 101, 1000, 4321, 10000, 20000])
def test_large_zeros_of_j0(k):
    check(fmpq(0), k, 190)


@pytest.mark.parametrize("nu", [fmpq(1, 4), fmpq(1, 3), fmpq(49, 100), fmpq(1, 100)])
@pytest.mark.parametrize("k", [1, 2, 3, 7, 40, 2500])
def test_zeros_of_other_orders_below_one_half(nu, k):
    check(nu, k, 150)


@pytest.mark.enclosure
@settings(max_examples=EXAMPLES, deadline=None)
@given(st.integers(1, 30000), st.integers(40, 400),
       st.sampled_from([fmpq(0), fmpq(0), fmpq(1, 5), fmpq(2, 5)]))
def test_random_zeros_are_enclosed_at_the_working_precision(k, prec, nu):
    check(nu, k, prec)


@pytest.mark.parametrize("k, sheet", [
    # webb2025 formula sheet, section 11 (Fig 5): double-precision values
    (1, "2.40482555770"), (100, "313.374266078"), (101, "316.515854772"),
])
def test_formula_sheet_values(k, sheet):
    zero = bessel_j_zero(0, k)
    value = Decimal(sheet)
    half_unit = Decimal(1).scaleb(value.as_tuple().exponent) / 2
    assert abs(Decimal(zero.mid().str(30, radius=False)) - value) <= half_unit


def test_half_order_zeros_are_multiples_of_pi():
    # J_(1/2)(x) = sqrt(2/(pi x)) sin x (DLMF 10.16.1)
    for k in (1, 2, 17, 10 ** 6):
        zero = bessel_j_zero(fmpq(1, 2), k)
        assert zero.overlaps(k * arb.pi()) and zero.rel_accuracy_bits() >= 50


def test_zeros_are_increasing_and_about_pi_apart():
    # for 0 <= nu < 1/2 the gaps are below pi and tend to pi (Sturm comparison)
    with ctx.workprec(80):
        zeros = [bessel_j_zero(0, k) for k in range(1, 60)]
    gaps = [b - a for a, b in zip(zeros, zeros[1:])]
    assert all(g < arb.pi() for g in gaps)
    assert all(g1 < g2 for g1, g2 in zip(gaps, gaps[1:]))


def test_orders_and_indices_accepted():
    assert bessel_j_zero(arb(0), 3).overlaps(bessel_j_zero(fmpq(0), 3))
    with pytest.raises(DomainError):
        bessel_j_zero(0, 0)
    with pytest.raises(DomainError):
        bessel_j_zero(0, fmpq(3, 2))
    for nu in (1, fmpq(-1, 4), fmpq(3, 5)):
        with pytest.raises(UndecidedError, match="0 <= nu <= 1/2"):
            bessel_j_zero(nu, 2)


@pytest.mark.parametrize("k, shift", [(1, 1), (2, -1), (2, 1), (50, -1), (50, 1)])
def test_a_neighbouring_zero_is_not_accepted_as_the_kth(monkeypatch, k, shift):
    # if the numerical search lands on j_(0,k+shift), the index proof must refuse it
    wrong = bessel._newton

    def neighbour(nu, index, bits):
        return wrong(nu, index + shift, bits)

    bessel._first_zero_bounds(fmpq(0))  # cached before the search goes wrong
    monkeypatch.setattr(bessel, "_newton", neighbour)
    try:
        with pytest.raises(UndecidedError):
            bessel_j_zero(0, k)
    finally:
        bessel._first_zero_bounds.cache_clear()
