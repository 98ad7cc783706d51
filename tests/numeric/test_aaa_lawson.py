"""AAA-Lawson estimates of discrete Zolotarev numbers (webb2025 sheet §8.6).

Reference values are the certified Zolotarev numbers of intervals (and of
disks) from ``certbounds.certified.zolotarev``: a set sampled finely enough
near the points where the extremal function equioscillates has a discrete
Z_n just below the continuous one (Z_n(E, F) <= Z_n(hull E, hull F) always).
"""

from __future__ import annotations

import json
import time
from fractions import Fraction

import numpy as np
import pytest

from certbounds.certified.zolotarev import (zolotarev_nodes_poles, zolotarev_number_disks,
                                            zolotarev_numbers)
from certbounds.errors import DomainError
from certbounds.numeric.aaa_lawson import (DAMPING, LAWSON_STEPS, ROUNDING_SIGMA,
                                           aaa_lawson_zolotarev, barycentric_rational)


def chebyshev_points(a, b, m):
    """First-kind Chebyshev points of [a, b]: clustered at both ends, where
    the extremal function of two intervals equioscillates most densely."""
    k = np.arange(m)
    return (a + b) / 2 - (b - a) / 2 * np.cos(np.pi * (k + 0.5) / m)


def geometric_points(a, b, m):
    """Points of [a, b] (0 < a < b) equally spaced in log: clustered at the
    end a next to the gap, as the extremal points are for a large cross ratio."""
    return np.exp(np.linspace(np.log(a), np.log(b), m))


def hull(points):
    return Fraction(float(points.min())), Fraction(float(points.max()))


# Figure 3 (left): E in [2, 100], F in [-70, -1], cross ratio M = 14.26 (sheet §9, §11).
FIG3 = (chebyshev_points(2, 100, 1000), chebyshev_points(-70, -1, 1000))
# Two short intervals, E in [-3, -1], F in [2, 5] (sheet §11 "misc"): Z_n falls fast.
SHORT = (chebyshev_points(-3, -1, 1000), chebyshev_points(2, 5, 1000))
# A large cross ratio, M = 196 (as Figure 1's M = 201): E in [0.01, 100], F in [-20100, -0.5].
LARGE_M = (geometric_points(0.01, 100, 1000), -geometric_points(0.5, 20100, 1000))


def certified(E, F, orders):
    return [z.mid for z in zolotarev_numbers(hull(E), hull(F), orders)]


# ------------------------------------------------------------------ accuracy
@pytest.mark.parametrize("sets, orders, tight", [
    (FIG3, range(1, 13), 1.002),
    (LARGE_M, range(1, 13), 1.03),
    # beyond n = 8 (Z_9 = 8e-17) this one is at rounding level: test_rounding_detected
    (SHORT, range(1, 9), 1.002),
], ids=["figure3-left", "cross-ratio-196", "short-intervals"])
def test_sigma_matches_certified_zolotarev_number(sets, orders, tight):
    E, F = sets
    for n, Z in zip(orders, certified(E, F, orders)):
        res = aaa_lawson_zolotarev(E, F, n)
        assert res.ok, (n, res.failures)
        assert 0.95 * Z <= res.sigma <= 1.05 * Z, (n, res.sigma / Z)
        # sigma is attained by r, so it is an upper estimate of the discrete
        # Z_n <= Z_n(hulls): measured at most 1.0007 Z_n (FIG3, n = 1),
        # 1.023 Z_n (LARGE_M, n = 1), 1.0002 Z_n (SHORT, n = 8)
        assert res.sigma <= tight * Z, (n, res.sigma / Z)
        # the weak-duality lower estimate never exceeds the attained sigma
        assert res.sigma_lower <= res.sigma * (1 + 1e-9), n


def test_extremal_function_zeros_poles_and_ratio():
    E, F = FIG3
    n = 6
    res = aaa_lawson_zolotarev(E, F, n)
    assert res.zeros.dtype == np.float64 and res.poles.dtype == np.float64
    assert len(res.zeros) == len(res.poles) == n
    assert np.all(np.diff(res.zeros) > 0) and np.all(np.diff(res.poles) > 0)
    assert np.all((2 <= res.zeros) & (res.zeros <= 100))
    assert np.all((-70 <= res.poles) & (res.poles <= -1))
    # close to the certified zeros and poles of the intervals' extremal function
    exact = zolotarev_nodes_poles((2, 100), (-70, -1), n)
    assert np.allclose(res.zeros, exact.zeros_float, rtol=1e-3)
    assert np.allclose(res.poles, exact.poles_float, rtol=1e-3)
    # phi = prod (z - zeros) / (z - poles), by plain products: small on E, large on F,
    # and its ratio is sigma (the roots solve r = -p and r = +p exactly)
    phi_E = np.abs(np.prod(E[:, None] - res.zeros, 1) / np.prod(E[:, None] - res.poles, 1))
    phi_F = np.abs(np.prod(F[:, None] - res.zeros, 1) / np.prod(F[:, None] - res.poles, 1))
    assert phi_E.max() < phi_F.min()
    assert phi_E.max() / phi_F.min() == pytest.approx(res.sigma, rel=0.02)
    assert res.attained_ratio == pytest.approx(res.sigma, rel=0.02)
    # the sign approximant: r ~ -1 on E, +1 on F, within tau; r = -p at the zeros
    assert np.max(np.abs(res.r(E) + 1)) <= res.tau * (1 + 1e-9)
    assert np.max(np.abs(res.r(F) - 1)) <= res.tau * (1 + 1e-9)
    assert np.max(np.abs(res.r(res.zeros) + res.p)) < 1e-8
    assert np.max(np.abs(res.r(res.poles) - res.p)) < 1e-8
    assert res.p == pytest.approx((1 - res.sigma) / (1 + res.sigma), rel=1e-12)


def test_discrete_sets_of_figure_1_and_5():
    # Figure 5 (sheet §9): T(z) = 1/(d + 1 - z), T(E) for E = the zeros j_0,k,
    # T(F) = linspace(0, 1/(d+1), 2000); the discrete sets give sigma well
    # below Z_n of the hulls, with zeros in T(E)'s hull and poles in T(F)'s.
    from scipy.special import jn_zeros

    j = jn_zeros(0, 100)
    d = j[-1]
    E, F = 1 / (d + 1 - j), np.linspace(0, 1 / (d + 1), 2000)
    start = time.perf_counter()
    res = aaa_lawson_zolotarev(E, F, 22)
    elapsed = time.perf_counter() - start
    assert res.ok, res.failures
    assert res.sigma < res.hull_zolotarev
    assert np.all((E.min() <= res.zeros) & (res.zeros <= E.max()))
    assert np.all((F.min() <= res.poles) & (res.poles <= F.max()))
    assert elapsed < 5.0  # measured 0.3 s for |E u F| = 2100, n = 22


def test_complex_sets_two_circles():
    # E, F: 400 points on the circles |z - 2| = 3/2 and |z + 2| = 3/2; the
    # disks' Z_n = rho**-n (webb2025 eq. 3.4) is attained on the circles.
    theta = 2 * np.pi * (np.arange(400) + 0.5) / 400
    E, F = 2 + 1.5 * np.exp(1j * theta), -2 + 1.5 * np.exp(1j * theta)
    for n in (1, 3, 5):
        res = aaa_lawson_zolotarev(E, F, n)
        Z = zolotarev_number_disks(4, Fraction(3, 2), Fraction(3, 2), n).mid
        assert res.ok, res.failures
        assert res.sigma == pytest.approx(Z, rel=0.01)
        assert res.equioscillation is None and res.hull_zolotarev is None
        assert "hull check skipped: the sets are not real" in res.note
        assert np.all(np.abs(res.zeros - 2) < 1.5) and np.all(np.abs(res.poles + 2) < 1.5)


def test_without_sign_weights_on_unbalanced_sets():
    E, F = chebyshev_points(2, 100, 100), chebyshev_points(-70, -1, 2000)
    Z = certified(E, F, [5])[0]
    for sign_weights in (True, False):
        res = aaa_lawson_zolotarev(E, F, 5, sign_weights=sign_weights)
        assert res.ok and res.sign_weights is sign_weights
        assert 0.95 * Z <= res.sigma <= 1.05 * Z


# ------------------------------------------------------------------ failures
def test_too_few_lawson_steps_is_reported():
    E, F = FIG3
    res = aaa_lawson_zolotarev(E, F, 8, lawson_steps=10)
    assert not res.ok and not res.converged
    assert [f.split(":")[0] for f in res.failures] == ["lawson"]
    assert res.equioscillation < 0.98


def test_sigma_above_the_hull_value_is_reported():
    # with no reweighting the first least-squares fit is 1.7 times Z_8 of the hulls
    E, F = FIG3
    res = aaa_lawson_zolotarev(E, F, 8, lawson_steps=0)
    assert not res.ok
    assert any(f.startswith("hull:") for f in res.failures), res.failures
    assert res.sigma > 1.05 * res.hull_zolotarev


def test_rounding_detected():
    # Z_10([-3, -1], [2, 5]) = 1.1e-18: far below what double precision resolves
    E, F = SHORT
    res = aaa_lawson_zolotarev(E, F, 10)
    assert not res.ok
    assert any(f.startswith("rounding:") for f in res.failures), res.failures
    assert res.sigma < ROUNDING_SIGMA or res.sigma_lower > res.sigma


def test_froissart_doublets_detected():
    # four points each and n = 5: the degree is more than the sets can use
    E, F = np.array([0.0, 1, 2, 3]), np.array([5.0, 6, 7, 8])
    res = aaa_lawson_zolotarev(E, F, 5)
    assert not res.ok
    assert any(f.startswith("froissart:") for f in res.failures), res.failures


def test_interlaced_sets_that_do_not_converge_are_reported():
    # E = [0, 1] u [2, 3], F = [1.4, 1.6] u [4, 5]: at n = 8 the Lawson error is
    # far from equioscillating, and sigma_8 > sigma_7 >= Z_7 >= Z_8 proves it
    # is not the minimax
    E = np.concatenate([chebyshev_points(0, 1, 300), chebyshev_points(2, 3, 300)])
    F = np.concatenate([chebyshev_points(1.4, 1.6, 300), chebyshev_points(4, 5, 300)])
    res7, res8 = aaa_lawson_zolotarev(E, F, 7), aaa_lawson_zolotarev(E, F, 8)
    assert res8.sigma > res7.sigma
    assert not res8.ok and not res8.converged
    assert any(f.startswith("lawson: not converged") for f in res8.failures)
    assert "hull check skipped: the hulls of E and F overlap" in res8.note


def test_alternating_sets_give_exactly_one():
    # E = even, F = odd integers in [0, 40]: |phi|**2 - c**2 would change sign
    # 40 times with a numerator of degree 2n = 20, so Z_10 = 1, and r = 0
    # (tau = 1) is the minimax: f alternates at far more than n + 2 points
    E, F = np.arange(0, 41, 2.0), np.arange(1, 40, 2.0)
    res = aaa_lawson_zolotarev(E, F, 10)
    assert res.sigma == 1.0 and res.tau == 1.0
    assert res.ok and res.converged and res.equioscillation == 1.0
    assert res.zeros.size == 0 and res.poles.size == 0
    assert 0 < res.sigma_lower <= 1


def test_good_case_has_no_failures_and_says_it_is_not_certified():
    E, F = FIG3
    res = aaa_lawson_zolotarev(E, F, 4)
    assert res.ok and res.converged and res.failures == ()
    assert res.certified is False and "not certified" in res.note
    assert res.lawson_steps == LAWSON_STEPS and res.damping == DAMPING
    doc = json.loads(json.dumps(res.to_json()))
    assert doc["certified"] is False and doc["sigma"] == res.sigma
    assert len(doc["zeros"]) == 4 and len(doc["history"]) == LAWSON_STEPS
    assert "not certified" in repr(res)


# ------------------------------------------------------------------ input
@pytest.mark.parametrize("E, F, n, words", [
    ([], [1.0, 2.0], 1, "E is empty"),
    ([1.0, 2.0], [], 1, "F is empty"),
    ([1.0, np.nan], [3.0], 1, "non-finite"),
    ([1.0, 2.0], [np.inf, 5.0], 1, "non-finite"),
    ([1.0, 2.0], [2.0, 5.0], 1, "share 1 point"),
    (["a", "b"], [3.0], 1, "array of numbers"),
    ([1.0, 2.0], [3.0, 4.0], -1, "integer >= 0"),
    ([1.0, 2.0], [3.0, 4.0], 2.5, "integer >= 0"),
    ([1.0, 2.0], [3.0, 4.0], True, "integer >= 0"),
    ([1.0, 2.0], [3.0, 4.0], 4, "only 4 distinct points"),
])
def test_bad_input_raises_domain_error(E, F, n, words):
    with pytest.raises(DomainError, match=words):
        aaa_lawson_zolotarev(E, F, n)


@pytest.mark.parametrize("options", [{"damping": 0.0}, {"damping": 1.5},
                                     {"lawson_steps": -1}])
def test_bad_options_raise_domain_error(options):
    with pytest.raises(DomainError):
        aaa_lawson_zolotarev([1.0, 2.0], [3.0, 4.0], 1, **options)


def test_degree_zero_is_exactly_one_without_iterating():
    res = aaa_lawson_zolotarev([1.0, 2.0], [3.0, 4.0], 0)
    assert res.sigma == 1.0 and res.tau == 1.0 and res.p == 0.0
    assert res.ok and res.history == () and res.lawson_steps == 0
    assert res.zeros.size == 0 and res.poles.size == 0
    assert np.all(res.r([0.0, 1.5, 10.0]) == 0)


# ------------------------------------------------------------------ pieces
def test_barycentric_rational_against_direct_formula():
    rng = np.random.default_rng(7)
    t, w, v = rng.standard_normal(6), rng.standard_normal(6), rng.standard_normal(6)
    z = rng.standard_normal(40)
    direct = np.array([sum(w * v / (zi - t)) / sum(w / (zi - t)) for zi in z])
    assert np.allclose(barycentric_rational(z, t, w, v), direct, rtol=1e-12, atol=1e-12)
    assert np.array_equal(barycentric_rational(t, t, w, v), v)  # interpolates at t_j
    assert barycentric_rational(z.reshape(5, 8), t, w, v).shape == (5, 8)


def test_deterministic_and_independent_of_input_order():
    E, F = FIG3
    a = aaa_lawson_zolotarev(E, F, 7)
    b = aaa_lawson_zolotarev(E, F, 7)
    c = aaa_lawson_zolotarev(E[::-1], F[::-1], 7)
    for other in (b, c):
        assert other.sigma == a.sigma and other.history == a.history
        assert np.array_equal(other.zeros, a.zeros) and np.array_equal(other.poles, a.poles)
        assert np.array_equal(other.weights, a.weights)
