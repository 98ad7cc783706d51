"""Certified Zolotarev numbers, zeros and poles (certbounds/certified/zolotarev.py).

References, each independent of the package's AGM / modular-lambda / theta
route:
* the theta form of Z_n with K from ``mpmath.ellipk`` (60 digits),
* Jacobi's product (webb2025 formula sheet section 8.2),
* a brute-force minimax over rational functions (scipy) for n = 1, 2,
* the ratio sup_E |r| / inf_F |r| that the returned zeros and poles attain,
* the reference values of the formula sheet, section 11.
"""

import math
from fractions import Fraction

import mpmath
import numpy as np
import pytest
from flint import arb, ctx, fmpq
from hypothesis import assume, given, settings, strategies as st
from scipy.optimize import minimize

from certbounds.certified.ball import Ball
from certbounds.certified.elliptic import jacobi_dn_fraction
from certbounds.certified.exact import INF, NEG_INF, Infinity
from certbounds.certified.zolotarev import (ZolotarevFunction, beckermann_townsend_bound,
                                            cross_ratio, cross_ratio_of_endpoints,
                                            parse_interval, zolotarev_from_cross_ratio,
                                            zolotarev_mobius, zolotarev_nodes_poles,
                                            zolotarev_number, zolotarev_number_annulus,
                                            zolotarev_number_disks, zolotarev_numbers)
from certbounds.errors import CertboundsError, DomainError, MalformedNumberError
from certbounds.symbolic.functions import _zolotarev_mpmath


def _examples(default: int) -> int:
    """``default`` examples in the default run, ten times as many under
    --hypothesis-profile=thorough (tests/conftest.py)."""
    return max(1, settings().max_examples * default // 100)


# ------------------------------------------------------------------ helpers
def _exact_arb(x) -> arb:
    """An mpmath number (or decimal text) as an exact point ball."""
    sign, man, exp, _ = (x if isinstance(x, mpmath.mpf) else mpmath.mpf(x))._mpf_
    with ctx.workprec(4 * max(int(man).bit_length(), 64)):
        return (-1) ** sign * arb(int(man)) * arb(2) ** int(exp)


def overlaps(ball, reference, relative, absolute=0) -> bool:
    """The ball meets reference +- (relative |reference| + absolute)."""
    value = ball.value if isinstance(ball, Ball) else ball
    reference = reference if isinstance(reference, mpmath.mpf) else mpmath.mpf(reference)
    error = abs(reference) * relative + absolute
    with ctx.workprec(2048):
        return bool(value.overlaps(_exact_arb(reference) + arb(0, _exact_arb(error))))


def _mp(v):
    if isinstance(v, Infinity):
        return mpmath.inf if v.sign > 0 else -mpmath.inf
    v = Fraction(int(v.p), int(v.q)) if isinstance(v, fmpq) else Fraction(v)
    return mpmath.mpf(v.numerator) / v.denominator


def _mid(x) -> mpmath.mpf:
    """The centre of an arb (or of a Ball) as an exact mpmath number."""
    value = x.value if isinstance(x, Ball) else x
    man, exp = value.mid().man_exp()
    return mpmath.ldexp(mpmath.mpf(int(man)), int(exp))


def _arb(v) -> arb:
    v = _fraction(v)
    return arb(fmpq(v.numerator, v.denominator))


def _fraction(v):
    return Fraction(int(v.p), int(v.q)) if isinstance(v, fmpq) else Fraction(v)


def _sorted4(E, F):
    (a, b), (c, d) = sorted([E, F], key=lambda iv: _mp(iv[0]))
    return a, b, c, d


def reference_cross_ratio(E, F) -> Fraction:
    """Sheet section 8.1 in Python Fractions (limits for infinite ends)."""
    a, b, c, d = _sorted4(E, F)
    if isinstance(a, Infinity):
        return (_fraction(d) - _fraction(b)) / (_fraction(c) - _fraction(b))
    if isinstance(d, Infinity):
        return (_fraction(c) - _fraction(a)) / (_fraction(c) - _fraction(b))
    a, b, c, d = map(_fraction, (a, b, c, d))
    return (c - a) * (d - b) / ((c - b) * (d - a))


def _dps_for(M) -> int:
    """Digits for a 60-digit reference: 1 - 1/M must keep its 60 digits."""
    return 70 + int(mpmath.log10(mpmath.mpf(M.numerator) / M.denominator) + 1)


def reference_zolotarev(M: Fraction, n: int) -> mpmath.mpf:
    """Z_n = k(Q), Q = exp(-2 n pi K(1/M)/K(1 - 1/M)) (sheet 8.2) by the
    symbolic layer's mpmath evaluation (theta functions, complementary nome
    near Q = 1), which shares no code with the Arb one. Returned at the
    caller's precision (set by _dps_for)."""
    return _zolotarev_mpmath(n, mpmath.mpf(M.numerator) / M.denominator)


def product_zolotarev(M: Fraction, n: int):
    """Jacobi's product (sheet 8.2): Z_n = 4 Q^(1/2) prod ((1+Q^2t)/(1+Q^(2t-1)))^4,
    Q = rho^(-2n), and Q; truncated where Q^(2t-1) < 1e-80."""
    Mm = mpmath.mpf(M.numerator) / M.denominator
    rho = mpmath.exp(mpmath.pi * mpmath.ellipk(1 / Mm) / mpmath.ellipk(1 - 1 / Mm))
    Q = rho ** (-2 * n)
    value, t = 4 * mpmath.sqrt(Q), 1
    while Q ** (2 * t - 1) > mpmath.mpf(10) ** -80:
        value *= ((1 + Q ** (2 * t)) / (1 + Q ** (2 * t - 1))) ** 4
        t += 1
    return value, Q


# ------------------------------------------------------------ strategies
_rationals = st.fractions(min_value=-1000, max_value=1000, max_denominator=1000)
_lengths = st.one_of(st.fractions(min_value=Fraction(1, 1000), max_value=10 ** 4,
                                  max_denominator=1000), st.just(None))
_gaps = st.one_of(st.fractions(min_value=Fraction(1, 10 ** 6), max_value=100,
                               max_denominator=10 ** 6),
                  st.builds(lambda e: Fraction(1, 10 ** e), st.integers(6, 12)))


@st.composite
def interval_pairs(draw, allow_both_infinite=False):
    """(E, F): two disjoint intervals in random order, outer ends maybe infinite."""
    b = draw(_rationals)
    c = b + draw(_gaps)
    left_len, right_len = draw(_lengths), draw(_lengths)
    if left_len is None and right_len is None and not allow_both_infinite:
        right_len = Fraction(1)
    left = (NEG_INF if left_len is None else b - left_len, b)
    right = (c, INF if right_len is None else c + right_len)
    return (left, right) if draw(st.booleans()) else (right, left)


# ------------------------------------------------------------ cross ratio
@pytest.mark.enclosure
@settings(max_examples=_examples(100), deadline=None)
@given(pair=interval_pairs(allow_both_infinite=True), shift=_rationals,
       scale=st.fractions(min_value=Fraction(1, 100), max_value=100, max_denominator=100))
def test_cross_ratio_is_exact_symmetric_and_affine_invariant(pair, shift, scale):
    E, F = pair
    M = cross_ratio(E, F)
    a, b, c, d = _sorted4(E, F)
    if isinstance(a, Infinity) and isinstance(d, Infinity):
        assert M is INF
        return
    assert _fraction(M) == reference_cross_ratio(E, F)
    assert M > 1
    assert cross_ratio(F, E) == M
    # Moebius invariance, checked on an affine map x -> scale x + shift
    moved = [tuple(v if isinstance(v, Infinity) else scale * _fraction(v) + shift for v in iv)
             for iv in (E, F)]
    assert cross_ratio(*moved) == M
    # the four-endpoint form agrees, with exact and with ball endpoints
    assert cross_ratio_of_endpoints(a, b, c, d) == M
    with ctx.workprec(128):
        balls = [v if isinstance(v, Infinity) else _arb(v) for v in (a, b, c, d)]
        from_balls = cross_ratio_of_endpoints(*balls)
    with ctx.workprec(1024):
        assert from_balls.contains(arb(M))  # M to 1024 bits lies inside the 128-bit ball


def test_cross_ratio_reference_values():
    # formula sheet section 11: Fig 1, 3L, 3R, 4 cross ratios
    assert cross_ratio((NEG_INF, fmpq(-1, 2)), (0, 100)) == 201
    assert cross_ratio((-70, -1), (2, 100)) == fmpq(1212, 85)      # 14.2588235294
    assert cross_ratio((-269, -2), (2, 100)) == fmpq(4607, 246)    # 18.7276422764
    assert cross_ratio((NEG_INF, -1), (1, 100)) == fmpq(101, 2)    # 50.5
    assert cross_ratio((1, 2), (3, INF)) == 2
    assert cross_ratio((NEG_INF, -1), (1, INF)) is INF
    assert cross_ratio("-3,-1", "[2, 5]") == fmpq(5, 4)
    # sympy rationals and infinities are accepted as endpoints
    import sympy
    assert cross_ratio((-sympy.oo, sympy.Rational(-1, 2)), (0, 100)) == 201


@pytest.mark.parametrize("E, F, words", [
    ((0, 3), (2, 5), "overlap"),
    ((2, 5), (0, 3), "overlap"),
    ((0, 10), (2, 5), "overlap"),
    ((-3, -1), (-1, 5), "touch"),
    ((2, 5), (-1, 2), "touch"),
    ((1, 0), (2, 3), "a < b"),
    ((1, 1), (2, 3), "a < b"),
    ((INF, INF), (2, 3), "a < b"),
    ((1, INF), (2, 3), "overlap"),
    ((NEG_INF, 5), (NEG_INF, 1), "overlap"),
])
def test_cross_ratio_rejects_bad_intervals(E, F, words):
    with pytest.raises(DomainError, match=words) as caught:
        cross_ratio(E, F)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("bad, error", [
    (("0.5", "x"), MalformedNumberError), ((0.5, 1), MalformedNumberError),
    ((1, 2, 3), MalformedNumberError), ("1;2", MalformedNumberError),
    ("1,2,3", MalformedNumberError), (5, MalformedNumberError),
])
def test_malformed_intervals(bad, error):
    with pytest.raises(error):
        cross_ratio(bad, (10, 11))


def test_parse_interval():
    assert parse_interval("-inf, -1/2") == (NEG_INF, fmpq(-1, 2))
    assert parse_interval("[0.1,1e3]") == (fmpq(1, 10), 1000)
    with pytest.raises(DomainError):
        parse_interval("3,1")
    with pytest.raises(MalformedNumberError):
        parse_interval("3")


def test_cross_ratio_of_endpoints_errors_and_undecided_order():
    for ends in [(-3, -1, -2, 5), (INF, 1, 2, 3), (1, 2, 3, NEG_INF), (1, INF, 2, 3)]:
        with pytest.raises(DomainError):
            cross_ratio_of_endpoints(*ends)
    with ctx.workprec(64):
        assert not cross_ratio_of_endpoints(-3, arb(-1, 2), 2, 5).is_finite()
        with pytest.raises(DomainError):
            cross_ratio_of_endpoints(-3, arb(3), 2, 5)


# ------------------------------------------------------------ Z_n itself
@pytest.mark.enclosure
@settings(max_examples=_examples(100), deadline=None)
@given(pair=interval_pairs(), n=st.one_of(st.integers(0, 12), st.integers(13, 400)))
def test_zolotarev_number_encloses_mpmath(pair, n):
    E, F = pair
    ball = zolotarev_number(E, F, n)
    assert ball.accurate and ball.accuracy_bits >= 50
    M = reference_cross_ratio(E, F)
    with mpmath.workdps(_dps_for(M)):
        reference = reference_zolotarev(M, n) if n else mpmath.mpf(1)
        assert overlaps(ball, reference, mpmath.mpf(10) ** -55), (E, F, n, ball, reference)


@settings(max_examples=_examples(60), deadline=None)
@given(pair=interval_pairs(), n=st.integers(1, 60))
def test_zolotarev_number_matches_jacobi_product(pair, n):
    E, F = pair
    M = reference_cross_ratio(E, F)
    with mpmath.workdps(_dps_for(M)):
        value, Q = product_zolotarev(M, n)
        assume(Q < 0.5)  # the product converges too slowly near Q = 1
        ball = zolotarev_number(E, F, n, accuracy=130)
        assert abs(_mid(ball) - value) <= mpmath.mpf(10) ** -35 * value


def _sup_ratio_on_grid(zeros, poles, E, F, grid=4001):
    """sup_E |r| / inf_F |r| on Chebyshev-spaced grids (float64, finite sets)."""
    t = (1 - np.cos(np.linspace(0, np.pi, grid))) / 2

    def abs_r(x):
        out = np.ones_like(x)
        with np.errstate(divide="ignore", invalid="ignore"):  # a pole on the grid: inf
            for z, p in zip(zeros, poles):
                out *= np.abs((x - z) / (x - p))
        return out

    xe = E[0] + (E[1] - E[0]) * t
    xf = F[0] + (F[1] - F[0]) * t
    return abs_r(xe).max() / abs_r(xf).min()


@pytest.mark.parametrize("E, F", [((-3, -1), (2, 5)), ((-70, -1), (2, 100)),
                                  ((0, 1), (2, 3)), ((1, 2), (3, 10))])
@pytest.mark.parametrize("n", [1, 2])
def test_zolotarev_number_is_the_brute_force_minimax(E, F, n):
    """Brute force over rational functions of type (n, n) with real zeros and
    poles (optimal ones are real: the extremal function is real and its zeros
    and poles lie in E and F). Any r gives a ratio >= Z_n on the true sets;
    on grids whose points include the endpoints, where |r| peaks, the sup is
    missed by at most ~ (grid spacing)^2 ~ 1e-6 relative (interior peaks are
    smooth), and Nelder-Mead from several starts gets within ~1e-4 of the
    optimum. Hence the tolerance: the brute force lies in
    [Z_n (1 - 1e-5), Z_n (1 + 1e-3)]."""
    Z = zolotarev_number(E, F, n).mid

    def objective(x):
        ratio = _sup_ratio_on_grid(x[:n], x[n:], E, F)
        return math.log(ratio) if np.isfinite(ratio) and ratio > 0 else 1e3

    best = math.inf
    # starts spread over E (zeros) and F (poles), not from the formula
    for shift in (0.2, 0.5, 0.8):
        x0 = [E[0] + (E[1] - E[0]) * (shift + j) / (n + 1) for j in range(n)] + \
             [F[0] + (F[1] - F[0]) * (shift + j) / (n + 1) for j in range(n)]
        result = minimize(objective, x0, method="Nelder-Mead",
                          options={"xatol": 1e-12, "fatol": 1e-14, "maxiter": 20000})
        for _ in range(3):  # restarts polish a Nelder-Mead simplex that stalls
            result = minimize(objective, result.x, method="Nelder-Mead",
                              options={"xatol": 1e-12, "fatol": 1e-14, "maxiter": 20000})
        best = min(best, math.exp(result.fun))
    assert Z * (1 - 1e-5) <= best <= Z * (1 + 1e-3), (best, Z)


_BT_CROSS_RATIOS = [1 + Fraction(1, 10 ** 9), 1 + Fraction(1, 1000), Fraction(3, 2), 2, 10,
                    1000, 10 ** 8, 10 ** 30, 10 ** 100, 10 ** 300]


@pytest.mark.parametrize("M", _BT_CROSS_RATIOS, ids=lambda M: f"M={float(M):.3g}")
def test_zolotarev_number_below_beckermann_townsend(M):
    # E = [0, 1], F = [c, oo] has M = c/(c - 1): c = M/(M - 1)
    M = Fraction(M)
    E, F = (0, 1), (M / (M - 1), INF)
    assert _fraction(cross_ratio(E, F)) == M
    for n in [0, 1, 2, 3, 5, 10, 30, 100, 1000, 100000]:
        assert _certainly_below(E, F, n), (M, n)


def _certainly_below(E, F, n) -> bool:
    """Z_n < BT, certified. For huge M the two agree to ~ n log(M)/M relative
    (sheet 8.3: BT is asymptotically sharp), so the accuracy rises until
    the balls separate."""
    for accuracy in (50, 200, 1200, 4000):
        options = {"accuracy": accuracy, "max_prec": 8192}
        z = zolotarev_number(E, F, n, **options).value
        bt = beckermann_townsend_bound(E, F, n, **options).value
        if z < bt:
            return True
        assert not z > bt, (z, bt)
    return False


def test_beckermann_townsend_values():
    # 4 exp(-pi^2 n / log(16 M)), M = 5/4: 4 exp(-pi^2/log 20) (by hand, mpmath 30 digits)
    with mpmath.workdps(40):
        expected = 4 * mpmath.exp(-mpmath.pi ** 2 / mpmath.log(20))
    assert overlaps(beckermann_townsend_bound((-3, -1), (2, 5), 1), expected, 1e-30)
    # n = 0 and M = oo: the formula's value 4, exactly
    assert beckermann_townsend_bound((-3, -1), (2, 5), 0).exact == 4
    assert beckermann_townsend_bound((NEG_INF, -1), (1, INF), 7).exact == 4


@pytest.mark.parametrize("E, F, n, expected", [
    # formula sheet section 11 (double-precision values, 12 digits)
    ((NEG_INF, fmpq(-1, 2)), (0, 100), 1, "0.868225531212"),
    ((NEG_INF, fmpq(-1, 2)), (0, 100), 5, "8.86055588131e-3"),
    ((NEG_INF, fmpq(-1, 2)), (0, 100), 10, "1.96281331360e-5"),
    ((NEG_INF, fmpq(-1, 2)), (0, 100), 20, "9.63159026196e-11"),
    ((-70, -1), (2, 100), 1, "0.581247048708"),
    ((-70, -1), (2, 100), 5, "4.25333279148e-4"),
    ((-70, -1), (2, 100), 10, "4.52271036786e-8"),
    ((-269, -2), (2, 100), 1, "0.624592537526"),
    ((-269, -2), (2, 100), 5, "6.69523770254e-4"),
    ((-269, -2), (2, 100), 10, "1.12065544851e-7"),
    ((NEG_INF, -1), (1, 100), 1, "0.753279385787"),
    ((NEG_INF, -1), (1, 100), 5, "2.48850402563e-3"),
    ((NEG_INF, -1), (1, 100), 10, "1.54816786503e-6"),
    ((-3, -1), (2, 5), 1, "5.57280900008e-2"),
    ((-3, -1), (2, 5), 2, "7.77612958447e-4"),
    ((-3, -1), (2, 5), 3, "1.08421481338e-5"),
    ((1, 2), (3, INF), 1, "0.171572875254"),
    ((1, 2), (3, INF), 2, "7.46966672950e-3"),
])
def test_reference_values_of_section_11(E, F, n, expected):
    # 12 significant digits: half a unit in the 12th digit, relative 5e-12 at worst
    assert overlaps(zolotarev_number(E, F, n), mpmath.mpf(expected), 5e-12)
    assert overlaps(zolotarev_number(F, E, n), mpmath.mpf(expected), 5e-12)


@pytest.mark.parametrize("n, expected", [
    (1, "0.838909311947"), (5, "6.25725792231e-3"), (10, "9.78851080365e-6")])
def test_reference_values_of_figure_5(n, expected):
    # sheet section 11, Fig 5: [-oo, 0], [j_{0,1}, j_{0,100}]; the Bessel zeros
    # enter as 40-digit rationals (their rounding moves Z_n by ~1e-38)
    with mpmath.workdps(40):
        c, d = (Fraction(mpmath.nstr(mpmath.besseljzero(0, k), 40)) for k in (1, 100))
    assert overlaps(zolotarev_number((NEG_INF, 0), (c, d), n), mpmath.mpf(expected), 5e-12)


def test_exact_cases():
    z0 = zolotarev_number((-3, -1), (2, 5), 0)
    assert z0.exact == 1 and z0.lower == z0.upper == "1"
    z_inf = zolotarev_number((NEG_INF, -1), (1, INF), 5)
    assert z_inf.exact == 1
    assert [z.exact for z in zolotarev_numbers((NEG_INF, 0), (1, INF), [0, 1, 1000])] == [1] * 3
    assert zolotarev_from_cross_ratio(INF, 3) == 1
    assert zolotarev_from_cross_ratio(fmpq(5, 4), 0) == 1


def test_no_underflow_for_n_100000():
    E, F, n = (-3, -1), (2, 5), 100000
    ball = zolotarev_number(E, F, n)
    assert ball.accurate and ball.value > 0 and ball.value.is_finite()
    assert ball.upper.endswith("e-185565") and ball.lower.endswith("e-185565")
    # log Z_n = log 4 - n pi K(1/M)/K(1 - 1/M) + O(Q), Q = rho^(-2n) ~ 1e-371130
    # (Jacobi's product, sheet 8.2); mpmath at 70 digits
    with mpmath.workdps(70):
        M = mpmath.mpf(5) / 4
        log_z = mpmath.log(4) - n * mpmath.pi * mpmath.ellipk(1 / M) / mpmath.ellipk(1 - 1 / M)
    with ctx.workprec(256):
        assert overlaps(ball.value.log(), log_z, mpmath.mpf(10) ** -50)


@pytest.mark.parametrize("gap_exponent", [30, 100, 300])
@pytest.mark.parametrize("n", [1, 10, 1000])
def test_near_touching_intervals(gap_exponent, n):
    # M ~ 10^gap: tau_n is tiny, lambda(tau_n) ~ 1; the modular reduction keeps it accurate
    E, F = (0, 1), (1 + Fraction(1, 10 ** gap_exponent), 2)
    ball = zolotarev_number(E, F, n)
    assert ball.accurate
    M = reference_cross_ratio(E, F)
    with mpmath.workdps(_dps_for(M)):
        assert overlaps(ball, reference_zolotarev(M, n), mpmath.mpf(10) ** -55)


def test_sweep_agrees_with_single_values_and_keeps_order():
    E, F = (-70, -1), (2, 100)
    ns = [5, 0, 3, 3, 1000, 1]
    sweep = zolotarev_numbers(E, F, ns)
    assert len(sweep) == len(ns)
    for n, ball in zip(ns, sweep):
        assert ball.value.overlaps(zolotarev_number(E, F, n).value)
    # decreasing in n (strictly, certified), from Z_0 = 1
    full = zolotarev_numbers(E, F, range(0, 50))
    assert all(later.value < earlier.value for earlier, later in zip(full, full[1:]))


def test_precision_cap_flags_inaccurate_but_still_encloses():
    # n = 10^12: tau_n carries the error of the elliptic ratio times ~1e12, so
    # 90 bits give ~43 correct bits, short of the 60 requested
    E, F, n = (-3, -1), (2, 5), 10 ** 12
    ball = zolotarev_number(E, F, n, accuracy=60, max_prec=90)
    assert not ball.accurate and ball.prec == 90 and ball.value > 0
    # log Z_n = log 4 - n pi K(1/M)/K(1 - 1/M) (Jacobi's product, Q ~ 1e-3e12)
    with mpmath.workdps(60):
        M = mpmath.mpf(5) / 4
        log_z = mpmath.log(4) - n * mpmath.pi * mpmath.ellipk(1 / M) / mpmath.ellipk(1 - 1 / M)
        with ctx.workprec(256):
            assert overlaps(ball.value.log(), log_z, mpmath.mpf(10) ** -50)


@pytest.mark.parametrize("n", [-1, 1.5, 2.0, fmpq(3, 2), True, "3", None])
def test_bad_degree(n):
    with pytest.raises(DomainError):
        zolotarev_number((-3, -1), (2, 5), n)


def test_accepted_degrees():
    import sympy
    from flint import fmpz
    values = {zolotarev_number((-3, -1), (2, 5), n).mid
              for n in (2, fmpz(2), fmpq(2), sympy.Integer(2))}
    assert len(values) == 1


def test_bad_accuracy():
    with pytest.raises(DomainError):
        zolotarev_number((-3, -1), (2, 5), 1, accuracy=0)


# ------------------------------------------------------------ disks
def test_annulus_is_exact():
    # webb2025 eq. 3.4: (varrho/R)^n
    assert zolotarev_number_annulus(1, 2, 10).exact == fmpq(1, 1024)
    assert zolotarev_number_annulus(fmpq(1, 3), 1, 0).exact == 1
    big = zolotarev_number_annulus(fmpq(999, 1000), 1, 10 ** 6)
    assert big.exact is None and big.accurate
    with mpmath.workdps(60):
        assert overlaps(big, mpmath.mpf("0.999") ** 10 ** 6, mpmath.mpf(10) ** -40)
    for bad in [(2, 1, 3), (0, 1, 3), (1, 1, 3), (1, 2, -1)]:
        with pytest.raises(DomainError):
            zolotarev_number_annulus(*bad)


@pytest.mark.parametrize("a, b, n", [(2, fmpq(3, 2), 1), (2, fmpq(3, 2), 10), (5, 1, 7),
                                     (fmpq(101, 100), 1, 3)])
def test_two_equal_disks_match_the_codes_R(a, b, n):
    # sheet section 3 (3.4), the code's R: disks of radius b at +-a have
    # rho = 2 (a/b)^2 - 1 + 2 (a/b) sqrt((a/b)^2 - 1)
    with mpmath.workdps(60):
        t = _mp(a) / _mp(b)
        rho = 2 * t ** 2 - 1 + 2 * t * mpmath.sqrt(t ** 2 - 1)
        assert overlaps(zolotarev_number_disks(2 * a, b, b, n), rho ** -n, mpmath.mpf(10) ** -45)


def test_unequal_disks_reduce_to_an_annulus():
    # |z| <= 1 and |z - 5| <= 2. Their common inverse points p, q (p q = 1,
    # (p - 5)(q - 5) = 4, so p + q = 22/5) go to 0 and oo under
    # w = (z - p)/(z - q), which makes the circles concentric; Z_n = (small/large)^n
    # of the image radii (eq. 3.4). Independent of the inversive-distance formula.
    with mpmath.workdps(60):
        p = mpmath.findroot(lambda x: x * x - mpmath.mpf(22) / 5 * x + 1, 0.1)
        q = 1 / p
        radius_1 = abs((1 - p) / (1 - q))      # image of 1, a point of |z| = 1
        radius_2 = abs((3 - p) / (3 - q))      # image of 3, a point of |z - 5| = 2
        ratio = min(radius_1, radius_2) / max(radius_1, radius_2)
        assert overlaps(zolotarev_number_disks(5, 1, 2, 4), ratio ** 4, mpmath.mpf(10) ** -40)
    assert zolotarev_number_disks(5, 1, 2, 0).exact == 1
    for bad in [(3, 1, 2, 1), (2, 1, 2, 1), (5, 0, 2, 1), (5, 1, -2, 1), (5, 1, 2, -1)]:
        with pytest.raises(DomainError):
            zolotarev_number_disks(*bad)


# ------------------------------------------------------------ zeros and poles
def _mobius_mp(xi, gamma, a, b, c, d):
    """T with (-1, -1/g, 1/g, 1) -> (a, b, c, d) from three finite
    correspondences (sheet 8.4), in mpmath: an independent transcription."""
    src, dst = [-1, -1 / gamma, 1 / gamma, 1], [a, b, c, d]
    keep = [i for i in range(4) if mpmath.isfinite(dst[i])][:3]
    (z1, z2, z3), (w1, w2, w3) = [src[i] for i in keep], [dst[i] for i in keep]
    s = (xi - z1) * (z2 - z3) / ((xi - z3) * (z2 - z1))
    return (s * w3 * (w2 - w1) - w1 * (w2 - w3)) / (s * (w2 - w1) - (w2 - w3))


def reference_nodes(E, F, n):
    """(zeros, poles) of webb2025 Thm 5.2 with mpmath.ellipfun / ellipk."""
    a, b, c, d = (_mp(v) for v in _sorted4(E, F))
    M = reference_cross_ratio(E, F)
    Mm = mpmath.mpf(M.numerator) / M.denominator
    gamma = 2 * Mm - 1 + 2 * mpmath.sqrt(Mm * (Mm - 1))
    m = 1 - 1 / gamma ** 2
    K = mpmath.ellipk(m)
    dn = [mpmath.ellipfun("dn", (j - mpmath.mpf(1) / 2) * K / n, m=m) for j in range(1, n + 1)]
    right = sorted(_mobius_mp(x, gamma, a, b, c, d) for x in dn)
    left = sorted(_mobius_mp(-x, gamma, a, b, c, d) for x in dn)
    e_is_left = _mp(E[1]) <= _mp(F[0])
    return (left, right) if e_is_left else (right, left)


def _inside(ball: Ball, interval) -> bool:
    lo, hi = interval
    with ctx.workprec(8192):  # endpoints exact enough for near-touching intervals
        above = isinstance(lo, Infinity) or ball.value >= _arb(lo)
        below = isinstance(hi, Infinity) or ball.value <= _arb(hi)
    return bool(above and below)


@pytest.mark.enclosure
@settings(max_examples=_examples(40), deadline=None)
@given(pair=interval_pairs(), n=st.integers(1, 25))
def test_nodes_and_poles_enclose_mpmath(pair, n):
    E, F = pair
    M = reference_cross_ratio(E, F)
    assume(M < 10 ** 12)  # keeps the mpmath reference cheap
    f = zolotarev_nodes_poles(E, F, n)
    assert f.accurate and len(f.zeros) == len(f.poles) == n
    assert all(_inside(z, E) for z in f.zeros) and all(_inside(p, F) for p in f.poles)
    scale = max(abs(_mp(v)) for v in (*E, *F) if not isinstance(v, Infinity))
    with mpmath.workdps(_dps_for(M)):
        zeros, poles = reference_nodes(E, F, n)
        for ball, ref in [*zip(f.zeros, zeros), *zip(f.poles, poles)]:
            # relative 1e-50, plus absolute 1e-50 * scale for nodes near 0
            # (where the reference's own Moebius map cancels)
            assert overlaps(ball, ref, mpmath.mpf(10) ** -50, mpmath.mpf(10) ** -50 * scale)


def _abs_r(x, zeros, poles):
    if mpmath.isinf(x):
        return mpmath.mpf(1)  # monic of equal degree: r(oo) = 1
    value = mpmath.mpf(1)
    for z, p in zip(zeros, poles):
        value *= abs((x - z) / (x - p))
    return value


def _extreme_abs_r(interval, zeros, poles, largest: bool, grid=600):
    """max (or min) of |r| on an interval, infinite ends included: a grid in
    t in [0, 1] (x = finite end +- t/(1-t) for a half-line), then golden
    section on each grid extremum."""
    lo, hi = (_mp(v) for v in interval)

    def x_of(t):
        if mpmath.isinf(lo):
            return -mpmath.inf if t == 1 else hi - t / (1 - t)
        if mpmath.isinf(hi):
            return mpmath.inf if t == 1 else lo + t / (1 - t)
        return lo + (hi - lo) * t

    sign = 1 if largest else -1
    ts = [(1 - mpmath.cos(mpmath.pi * i / grid)) / 2 for i in range(grid + 1)]
    values = [sign * _abs_r(x_of(t), zeros, poles) for t in ts]
    best = max(values)
    for i in range(1, grid):
        if values[i] >= values[i - 1] and values[i] >= values[i + 1]:
            a, b = ts[i - 1], ts[i + 1]
            golden = (mpmath.sqrt(5) - 1) / 2
            for _ in range(120):
                c, d = b - golden * (b - a), a + golden * (b - a)
                if sign * _abs_r(x_of(c), zeros, poles) > sign * _abs_r(x_of(d), zeros, poles):
                    b = d
                else:
                    a = c
            best = max(best, sign * _abs_r(x_of((a + b) / 2), zeros, poles))
    return sign * best


_ATTAIN_CASES = [((-3, -1), (2, 5), 3), ((2, 5), (-3, -1), 4), ((NEG_INF, -1), (1, 100), 5),
                 ((1, 100), (NEG_INF, -1), 2), ((1, 2), (3, INF), 3),
                 ((NEG_INF, fmpq(-1, 2)), (0, 100), 6), ((-2, 4), (NEG_INF, -4), 1)]


@pytest.mark.parametrize("E, F, n", _ATTAIN_CASES)
def test_zeros_and_poles_attain_the_zolotarev_number(E, F, n):
    _check_attained(E, F, n)


@settings(max_examples=_examples(8), deadline=None)
@given(pair=interval_pairs(), n=st.integers(1, 5))
def test_zeros_and_poles_attain_the_zolotarev_number_random(pair, n):
    assume(reference_cross_ratio(*pair) < 10 ** 6)
    _check_attained(*pair, n)


def _check_attained(E, F, n):
    """sup_E |r| / inf_F |r| (mpmath, 40 digits) lies in the certified Z_n,
    widened by 1e-25 relative: the grid-and-golden-section reference finds
    the extremes to ~1e-40, the zeros and poles (centres of 100-bit balls)
    move the ratio by ~1e-28."""
    f = zolotarev_nodes_poles(E, F, n, accuracy=100)
    with mpmath.workdps(40):
        zeros = [_mid(z) for z in f.zeros]
        poles = [_mid(p) for p in f.poles]
        ratio = (_extreme_abs_r(E, zeros, poles, largest=True)
                 / _extreme_abs_r(F, zeros, poles, largest=False))
    assert ratio < 1
    assert overlaps(f.number, ratio, mpmath.mpf(10) ** -25), (ratio, f.number)


def test_nodes_orientation_and_the_same_object():
    E, F = (-70, -1), (2, 100)
    f, g = zolotarev_nodes_poles(E, F, 7), zolotarev_nodes_poles(F, E, 7)
    assert isinstance(f, ZolotarevFunction) and f.n == 7 and f.cross_ratio == fmpq(1212, 85)
    assert all(_inside(z, E) for z in f.zeros) and all(_inside(p, F) for p in f.poles)
    # swapping E and F swaps zeros and poles
    assert all(a.value.overlaps(b.value) for a, b in zip(f.zeros, g.poles))
    assert all(a.value.overlaps(b.value) for a, b in zip(f.poles, g.zeros))
    # sorted increasingly, and the number is Z_n of the same E, F, n
    assert all(x.value < y.value for x, y in zip(f.zeros, f.zeros[1:]))
    assert f.number.value.overlaps(zolotarev_number(E, F, 7).value)
    assert f.zeros_float == tuple(z.mid for z in f.zeros)
    doc = f.to_json()
    assert doc["n"] == 7 and len(doc["zeros"]) == 7 and doc["cross_ratio"] == "1212/85"
    assert "ZolotarevFunction(n=7" in repr(f)
    empty = zolotarev_nodes_poles(E, F, 0)
    assert empty.zeros == () and empty.poles == () and empty.number.exact == 1


def test_dn_nodes_of_section_11():
    # sheet section 11: dn nodes for M = 201, n = 5, normalised (before T), 12 digits
    expected = ["0.744053486577", "0.176099640698", "0.0353112550269", "0.00708056374580",
                "0.00167579986395"]
    M = fmpq(201)
    with ctx.workprec(128):
        root = (arb(M) * arb(M - 1)).sqrt()
        kp = 1 / (2 * M - 1 + 2 * root)
        dn = jacobi_dn_fraction([fmpq(2 * j - 1, 10) for j in range(1, 6)], 1 - kp * kp,
                                m1=kp * kp)
    for ball, text in zip(dn, expected):
        assert overlaps(ball, mpmath.mpf(text), 5e-12)
    # and mapped by T they are Fig. 1's zeros (in E = [-oo, -1/2]) and poles (in [0, 100])
    f = zolotarev_nodes_poles((NEG_INF, fmpq(-1, 2)), (0, 100), 5)
    with mpmath.workdps(30):
        gamma = 401 + 2 * mpmath.sqrt(201 * 200)
        ends = (-mpmath.inf, mpmath.mpf(-0.5), mpmath.mpf(0), mpmath.mpf(100))
        zeros = sorted(_mobius_mp(-mpmath.mpf(x), gamma, *ends) for x in expected)
        poles = sorted(_mobius_mp(mpmath.mpf(x), gamma, *ends) for x in expected)
    for ball, ref in [*zip(f.zeros, zeros), *zip(f.poles, poles)]:
        assert overlaps(ball, ref, 1e-9)


@pytest.mark.parametrize("n", [1, 3, 5, 9])
def test_middle_node_is_lemma_3_5_point(n):
    # sheet 8.4: for a = -oo and odd n the middle node is b + sqrt((d - b)(c - b));
    # Fig 4 (section 11): w = -1 + sqrt(202) = 13.2126704036
    f = zolotarev_nodes_poles((1, 100), (NEG_INF, -1), n)
    with ctx.workprec(128):
        assert f.zeros[n // 2].value.overlaps(arb(202).sqrt() - 1)
    assert abs(f.zeros[n // 2].mid - 13.2126704036) < 1e-10


def test_zero_node_at_the_origin_is_accurate():
    # E = [-2, 4], F = [-oo, -4]: the middle zero for n = 1 is -4 + sqrt(8 * 2) = 0
    # exactly; no relative accuracy exists, an absolute one (2^-100 scale) does
    f = zolotarev_nodes_poles((-2, 4), (NEG_INF, -4), 1)
    assert f.accurate and f.zeros[0].value.contains(0)
    assert f.zeros[0].value.rad() < arb(2) ** -90


def test_nodes_for_large_n_and_near_touching():
    f = zolotarev_nodes_poles((NEG_INF, -1), (1, 100), 1000)
    assert f.accurate and len(f.zeros) == 1000
    assert all(_inside(z, (NEG_INF, -1)) for z in f.zeros)
    g = zolotarev_nodes_poles((0, 1), (1 + Fraction(1, 10 ** 100), 2), 3)
    assert g.accurate and all(_inside(p, (1 + Fraction(1, 10 ** 100), 2)) for p in g.poles)


def test_nodes_errors():
    with pytest.raises(DomainError, match="infinity"):
        zolotarev_nodes_poles((NEG_INF, -1), (1, INF), 3)
    with pytest.raises(DomainError):
        zolotarev_nodes_poles((-3, -1), (-2, 5), 3)
    with pytest.raises(DomainError):
        zolotarev_nodes_poles((-3, -1), (2, 5), -3)


def test_zolotarev_mobius_maps_the_four_points():
    # M = 4/3 gives gamma = 3; [-1, 0], [1, 2] and [-oo, -1], [2, 3] have M = 4/3
    with ctx.workprec(128):
        for ends in [(-1, 0, 1, 2), (NEG_INF, -1, 2, 3)]:
            for xi, target in zip((fmpq(-1, 3), fmpq(1, 3), 1), ends[1:]):
                assert zolotarev_mobius(xi, 3, *ends).contains(target)
        assert not zolotarev_mobius(-1, 3, NEG_INF, -1, 2, 3).is_finite()
        with pytest.raises(DomainError):
            zolotarev_mobius(0, 3, NEG_INF, -1, 2, INF)


def test_errors_are_certbounds_errors():
    for call in (lambda: cross_ratio((0, 1), (1, 2)), lambda: zolotarev_number((0, 1), (2, 3), -1),
                 lambda: cross_ratio(("a", 1), (2, 3))):
        with pytest.raises(CertboundsError):
            call()
