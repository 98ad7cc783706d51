"""Rational interpolation with prescribed poles (webb2025 Section 5):
exactness at the nodes, rank, the bounds of (6.4) and Remark 5.4 on the
Cauchy matrix of Figure 3 (left), a 50-digit Lagrange-form (5.2) reference,
complex kernels, over/underflow, the Lemma 3.5 node, and bad input."""

import math
from fractions import Fraction

import mpmath
import numpy as np
import pytest
import scipy.special

from certbounds.certified.exact import NEG_INF
from certbounds.certified.zolotarev import zolotarev_number
from certbounds.errors import DomainError
from certbounds.numeric.rational_interpolation import (RationalInterpolant, chebyshev_nodes,
                                                       error_matrix, interpolation_error,
                                                       interpolation_matrix, lemma35_point,
                                                       with_extra_node, zolotarev_nodes)

# Figure 3 (left), sheet section 9: x in [1, 70], y in [2, 100], F = -X side.
E3, F3 = (2, 100), (-70, -1)
# Figure 4's intervals: F = [-oo, -1], E = [1, 100].
E4, F4 = (1, 100), (NEG_INF, -1)


def cauchy(X, Y):
    return 1 / (X + Y)


def twisted(X, Y):
    return np.exp(1j * X * Y) / (X + Y)


def log_kernel(X, Y):
    return np.log(X + Y)


MP_KERNELS = {cauchy: lambda x, y: 1 / (x + y),
              twisted: lambda x, y: mpmath.expj(x * y) / (x + y),
              log_kernel: lambda x, y: mpmath.log(x + y)}


def _mp(v):
    """The exact value of a float or complex as an mpmath number."""
    v = complex(v)
    return mpmath.mpf(v.real) if v.imag == 0 else mpmath.mpc(v.real, v.imag)


def lagrange_reference(K, x, y, nodes, poles):
    """A_n entry by entry from the Lagrange form (5.2) at 50 digits:
    K_n(x, y) = sum_j K(x, y_j) phi(y) / (phi'(y_j) (y - y_j)), with
    phi'(y_j) = prod_{k != j} (y_j - y_k) / prod_k (y_j - p_k), and K(x, y_j)
    itself when y is the node y_j."""
    Kmp = MP_KERNELS[K]
    out = np.zeros((len(x), len(y)), dtype=complex)
    with mpmath.workdps(50):
        Y = [_mp(v) for v in nodes]
        P = [_mp(p) for p in poles if np.isfinite(p)]
        dphi = [mpmath.fprod(Y[j] - Y[k] for k in range(len(Y)) if k != j)
                / mpmath.fprod(Y[j] - p for p in P) for j in range(len(Y))]
        for i, xi in enumerate(map(_mp, x)):
            for k, yk in enumerate(map(_mp, y)):
                if yk in Y:
                    out[i, k] = complex(Kmp(xi, yk))
                    continue
                phi = mpmath.fprod(yk - v for v in Y) / mpmath.fprod(yk - p for p in P)
                out[i, k] = complex(mpmath.fsum(Kmp(xi, Y[j]) * phi / (dphi[j] * (yk - Y[j]))
                                                for j in range(len(Y))))
    return out


@pytest.fixture(scope="module")
def figure3():
    """A = 1/(x + y) of Figure 3 (left), its singular values and ||A||_2."""
    x, y = np.linspace(1, 70, 100), np.linspace(2, 100, 100)
    A = cauchy(x[:, None], y[None, :])
    s = np.linalg.svd(A, compute_uv=False)
    return x, y, A, s


# ------------------------------------------------------------ exactness, rank
def test_interpolant_reproduces_the_kernel_at_the_nodes_bitwise():
    nodes, poles = zolotarev_nodes(E3, F3, 7)
    x = np.linspace(1, 70, 30)
    y = np.sort(np.concatenate([np.linspace(2, 100, 40), nodes]))
    at_nodes = np.searchsorted(y, nodes)
    for K in (cauchy, twisted):
        An = interpolation_matrix(K, x, y, nodes, poles)
        assert np.array_equal(An[:, at_nodes], K(x[:, None], nodes[None, :]))
        E = error_matrix(K, x, y, nodes, poles)
        assert np.array_equal(E[:, at_nodes], np.zeros((x.size, nodes.size)))
        assert np.abs(E).max() > 1e-8  # off the nodes it is not exact
    B = RationalInterpolant(nodes, poles).basis(nodes)
    assert np.array_equal(B, np.eye(nodes.size))


def test_factors_give_the_matrix_and_rank_at_most_m(figure3):
    x, y, A, s = figure3
    for m in (3, 6, 9):
        nodes, poles = zolotarev_nodes(E3, F3, m)
        U, V = interpolation_matrix(cauchy, x, y, nodes, poles, factored=True)
        assert U.shape == (100, m) and V.shape == (100, m)
        An = interpolation_matrix(cauchy, x, y, nodes, poles)
        assert np.array_equal(An, U @ V.T)
        sv = np.linalg.svd(An, compute_uv=False)
        assert sv[m] <= 1e-14 * sv[0]          # numerical rank <= m
        assert sv[m - 1] >= 0.1 * s[m - 1]     # ... and exactly m: A_n is close to A


def test_no_nodes_give_the_zero_matrix(figure3):
    x, y, A, s = figure3
    assert np.array_equal(interpolation_matrix(cauchy, x, y, []), np.zeros_like(A))
    assert interpolation_error(cauchy, x, y, []) == pytest.approx(s[0], rel=1e-14)


def test_poles_at_infinity_drop_out():
    nodes = chebyshev_nodes(2, 100, 9)
    y = np.linspace(2, 100, 31)
    plain = RationalInterpolant(nodes).basis(y)
    assert np.array_equal(RationalInterpolant(nodes, [np.inf, -np.inf]).basis(y), plain)
    # no poles: polynomial interpolation reproduces constants (sum of the basis = 1)
    assert np.allclose(plain.sum(axis=1), 1, rtol=0, atol=1e-14)


# ------------------------------------------------------------ Figure 3 (left)
def test_figure3_reference_values(figure3):
    # sheet section 11: sigma_1 and Z_1, Z_5, Z_10 of [-70, -1], [2, 100]
    assert figure3[3][0] == pytest.approx(2.01742549095, rel=1e-11)
    for n, value in ((1, 0.581247048708), (5, 4.25333279148e-4), (10, 4.52271036786e-8)):
        assert zolotarev_number(E3, F3, n).mid == pytest.approx(value, rel=1e-11)


def test_zolotarev_interpolant_between_best_and_bound(figure3):
    """sigma_{n+1}(A) <= ||A - A_n||_2 <= ||A||_2 Z_n(E, F) (Eckart-Young;
    webb2025 eqs. 6.3-6.4 with the certified upper end of Z_n), n = 1..15,
    and the error decays like Z_n: rate within 5 % of rho (sheet 8.2)."""
    x, y, A, s = figure3
    ns = range(1, 16)
    errors, ratios = [], []
    for n in ns:
        error = interpolation_error(cauchy, x, y, *zolotarev_nodes(E3, F3, n))
        bound = s[0] * float(zolotarev_number(E3, F3, n).upper)
        assert s[n] <= error <= bound, (n, s[n], error, bound)
        errors.append(error)
        ratios.append(error / bound)
    # measured: 0.41 at n = 1, then 0.51..0.58
    assert min(ratios) >= 0.3
    assert max(ratios[2:]) / min(ratios[2:]) <= 1.25
    # rho = exp(pi K[1/M] / K[1 - 1/M]), parameter convention, M = 14.2588...
    M = (2 + 70) * (100 + 1) / ((2 + 1) * (100 + 70))
    assert M == pytest.approx(14.2588235294, rel=1e-10)  # sheet section 11
    rho = math.exp(math.pi * scipy.special.ellipk(1 / M) / scipy.special.ellipk(1 - 1 / M))
    fitted = math.exp(-np.polyfit(list(ns), np.log(errors), 1)[0])
    assert fitted == pytest.approx(rho, rel=0.05)  # measured 6.165 against 6.233


def test_chebyshev_interpolant_within_remark_5_4(figure3):
    """||A - A_n||_2 <= ||A||_2 2 R^-n / (1 + R^-2n) (Proposition 5.3 with
    Remark 5.4: ||K'|| = 1, ||C|| = ||A||_2), R of sheet 8.5, n = 0..25."""
    x, y, A, s = figure3
    b, c, d = -1, 2, 100
    R = 1 + 2 / (d - c) * (c - b + math.sqrt((d - b) * (c - b)))
    assert R == pytest.approx(1.41646724868, rel=1e-11)  # sheet section 11
    for n in range(26):
        error = interpolation_error(cauchy, x, y, chebyshev_nodes(c, d, n))
        bound = s[0] * 2 * R ** -n / (1 + R ** (-2 * n))
        assert error <= bound * (1 + 1e-13), (n, error, bound)
        assert error >= 0.2 * bound  # measured ratio: 1 at n = 0, down to 0.25 at n = 25


# ------------------------------------------------------------ the slow reference
def _small_case(nodes):
    """12 x 12 samples; one sample is a node exactly (the exact-hit path)."""
    x = np.linspace(1, 70, 12)
    y = np.linspace(2, 100, 12)
    if len(nodes):
        y[5] = nodes[len(nodes) // 2]
    return x, y


@pytest.mark.parametrize("n", range(7))
def test_chebyshev_matches_lagrange_reference(n):
    nodes = chebyshev_nodes(2, 100, n)
    x, y = _small_case(nodes)
    reference = lagrange_reference(cauchy, x, y, nodes, [])
    An = interpolation_matrix(cauchy, x, y, nodes)
    assert np.abs(An - reference).max() <= 1e-13 * np.abs(reference).max()


@pytest.mark.parametrize("K", [cauchy, twisted])
@pytest.mark.parametrize("n", range(1, 7))
def test_zolotarev_matches_lagrange_reference(K, n):
    nodes, poles = zolotarev_nodes(E3, F3, n)
    x, y = _small_case(nodes)
    reference = lagrange_reference(K, x, y, nodes, poles)
    An = interpolation_matrix(K, x, y, nodes, poles)
    assert np.abs(An - reference).max() <= 1e-13 * np.abs(reference).max()


@pytest.mark.parametrize("n", [2, 3, 4])
def test_lemma35_interpolant_matches_lagrange_reference(n):
    """n + 1 nodes, n finite poles (Figure 4's Zolotarev interpolant)."""
    nodes, poles = zolotarev_nodes(E4, F4, n)
    nodes = with_extra_node(nodes, lemma35_point(-1, 1, 100))
    x, y = np.linspace(1, 100, 12), np.linspace(1, 100, 12)
    y[4] = nodes[1]
    reference = lagrange_reference(log_kernel, x, y, nodes, poles)
    An = interpolation_matrix(log_kernel, x, y, nodes, poles)
    assert np.abs(An - reference).max() <= 1e-13 * np.abs(reference).max()


def test_complex_nodes_and_poles_match_lagrange_reference():
    """The two-circle example of sheet section 9 ("not in the paper"):
    nodes on |z - 2| = 1.5, poles on the mirror circle."""
    theta = 2 * np.pi * np.arange(6) / 6 + 0.1
    nodes = 2 + 1.5 * np.exp(1j * theta)
    poles = -2 - 1.5 * np.exp(1j * theta)
    x = np.linspace(0.5, 3.5, 10)
    y = 2 + np.linspace(-1.2, 1.2, 11) + 0.3j
    y[3] = nodes[2]
    reference = lagrange_reference(cauchy, x, y, nodes, poles)
    An = interpolation_matrix(cauchy, x, y, nodes, poles)
    assert np.abs(An - reference).max() <= 1e-13 * np.abs(reference).max()
    assert np.array_equal(An[:, 3], cauchy(x, nodes[2]))


def test_complex_kernel_with_unitary_row_factor(figure3):
    """K = e^{ix} / (x + y): interpolation in y commutes with the unitary
    diagonal factor, so ||A - A_n||_2 is that of the Cauchy matrix and obeys
    its bound ||A||_2 Z_n (6.4); the complex path must reproduce it."""
    x, y, _, s = figure3

    def K(X, Y):
        return np.exp(1j * X) / (X + Y)

    for n in (3, 7, 12):
        nodes, poles = zolotarev_nodes(E3, F3, n)
        E = error_matrix(K, x, y, nodes, poles)
        assert E.dtype == complex and np.abs(E.imag).max() > 0.3 * np.abs(E).max()
        error = interpolation_error(K, x, y, nodes, poles)
        assert error == pytest.approx(interpolation_error(cauchy, x, y, nodes, poles), rel=1e-10)
        assert error <= s[0] * float(zolotarev_number(E3, F3, n).upper)


# ------------------------------------------------------------ over/underflow
@pytest.mark.parametrize("m", [60, 100])
def test_many_nodes_on_a_wide_interval(m):
    nodes = chebyshev_nodes(1, 1e4, m)
    gaps = nodes[:, None] - nodes[None, :]
    np.fill_diagonal(gaps, 1)
    with np.errstate(over="ignore"):
        naive = np.abs(np.prod(gaps, axis=1))
    if m == 100:  # the plain products of (5.3) overflow here
        assert np.any(np.isinf(naive))
    y = np.concatenate([np.linspace(1, 1e4, 25) + 0.25, nodes[::7]])
    B = RationalInterpolant(nodes).basis(y)
    assert np.all(np.isfinite(B))
    assert np.allclose(B.sum(axis=1), 1, rtol=0, atol=1e-13)  # constants are reproduced
    x = np.linspace(1, 70, 5)
    An = interpolation_matrix(cauchy, x, y, nodes)
    assert np.array_equal(An[:, 25:], cauchy(x[:, None], nodes[None, ::7]))
    # a few entries against 50 digits
    with mpmath.workdps(50):
        Y = [mpmath.mpf(v) for v in nodes]
        for k in (0, 12, 24):
            yk = mpmath.mpf(y[k])
            phi = mpmath.fprod(yk - v for v in Y)
            for j in (0, m // 3, m - 1):
                lam = 1 / mpmath.fprod(Y[j] - Y[i] for i in range(m) if i != j)
                exact = phi * lam / (yk - Y[j])
                assert abs(B[k, j] - exact) <= 1e-13 * abs(exact)


def test_phi_and_weights_in_log_form():
    nodes = chebyshev_nodes(1, 1e4, 100)
    r = RationalInterpolant(nodes)
    log_abs, sign = r.weights
    assert np.all(np.isfinite(log_abs)) and log_abs.max() < -700  # |lambda_j| < 1e-304
    assert np.array_equal(np.abs(sign), np.ones(100))
    with mpmath.workdps(50):
        Y = [mpmath.mpf(v) for v in nodes]
        for j in (0, 50, 99):
            lam = 1 / mpmath.fprod(Y[j] - Y[i] for i in range(100) if i != j)
            assert log_abs[j] == pytest.approx(float(mpmath.log(abs(lam))), abs=1e-12)
            assert sign[j] == mpmath.sign(lam)
    # against 50 digits, with poles (Figure 4's n + 1 nodes and n poles)
    zolotarev, poles = zolotarev_nodes(E4, F4, 9)
    nodes = with_extra_node(zolotarev, lemma35_point(-1, 1, 100))
    r = RationalInterpolant(nodes, poles)
    y = np.array([1.0, 7.5, 100.0, -0.5])
    with mpmath.workdps(50):
        Y, P = [mpmath.mpf(v) for v in nodes], [mpmath.mpf(p) for p in poles]
        for j in (0, 4, 9):
            lam = (mpmath.fprod(Y[j] - p for p in P)
                   / mpmath.fprod(Y[j] - Y[i] for i in range(10) if i != j))
            assert r.weights.log_abs[j] == pytest.approx(float(mpmath.log(abs(lam))), abs=1e-13)
            assert r.weights.sign[j] == mpmath.sign(lam)
        for k, yk in enumerate(map(mpmath.mpf, y)):
            phi = mpmath.fprod(yk - v for v in Y) / mpmath.fprod(yk - p for p in P)
            assert r.phi(y)[k] == pytest.approx(float(phi), rel=1e-13)
    small = RationalInterpolant([1.0, 2.0, 4.0], [-1.0])
    assert np.allclose(small.weights.value, [2 / 3, -3 / 2, 5 / 6], rtol=1e-15)
    assert small.phi([3.0, 2.0])[0] == pytest.approx(-0.5, rel=1e-15)
    assert small.phi([3.0, 2.0])[1] == 0


# ------------------------------------------------------------ nodes
def test_chebyshev_nodes_first_kind():
    nodes = chebyshev_nodes(2, 100, 5)
    j = np.arange(1, 6)
    expected = 51 + 49 * np.cos((2 * j - 1) * np.pi / 10)  # sheet section 9
    assert np.allclose(nodes, np.sort(expected), rtol=1e-15)
    assert nodes[2] == 51.0 and chebyshev_nodes(2, 100, 0).size == 0


def test_zolotarev_nodes_in_E_and_poles_in_F():
    nodes, poles = zolotarev_nodes(E3, F3, 9)
    assert np.all((nodes > 2) & (nodes < 100)) and np.all((poles > -70) & (poles < -1))
    # floats are taken exactly; -inf is the exact infinity
    same = zolotarev_nodes((2.0, 100.0), (-70.0, -1.0), 9)
    assert np.array_equal(same.nodes, nodes) and np.array_equal(same.poles, poles)
    half_line = zolotarev_nodes((1.0, 100.0), (float("-inf"), -1.0), 4)
    assert np.array_equal(half_line.nodes, zolotarev_nodes(E4, F4, 4).nodes)
    tenth = zolotarev_nodes((Fraction(0.1), 1), (-1, Fraction(-1, 2)), 3)
    assert np.array_equal(zolotarev_nodes((0.1, 1), (-1, -0.5), 3).nodes, tenth.nodes)


def test_lemma35_point():
    w = lemma35_point(-1, 1, 100)
    assert w == pytest.approx(-1 + math.sqrt(202), rel=1e-15)
    assert w == pytest.approx(13.2126704036, rel=1e-11)  # sheet section 11, Fig 4


@pytest.mark.parametrize("n", [1, 3, 5, 7, 2, 4])
def test_with_extra_node_paper_rule(n):
    nodes, _ = zolotarev_nodes(E4, F4, n)
    w = lemma35_point(-1, 1, 100)
    if n % 2:  # the middle Zolotarev node is w (sheet 8.4) ...
        assert nodes[n // 2] == pytest.approx(w, rel=1e-13)
    extended = with_extra_node(nodes, w)
    # ... and the reference code moves w by 1/2 for odd n only
    assert np.array_equal(extended, np.sort(np.append(nodes, w + (n % 2) / 2)))
    assert np.min(np.diff(extended)) > 0.01


def test_with_extra_node_other_coincidences():
    w = lemma35_point(-1, 1, 100)
    nodes, _ = zolotarev_nodes(E4, F4, 3)
    with pytest.raises(DomainError, match="coincides"):
        with_extra_node(nodes, w, rule="none")
    chebyshev = chebyshev_nodes(1, 100, 3)
    assert np.array_equal(with_extra_node(chebyshev, w, rule="none"),
                          np.sort(np.append(chebyshev, w)))
    # the paper rule shifts for every odd n, coincidence or not (paper_figs.m)
    assert np.array_equal(with_extra_node(chebyshev, w), np.sort(np.append(chebyshev, w + 0.5)))
    # even n, yet w on a node: the paper rule steps by 1/2 until distinct
    assert np.array_equal(with_extra_node([1.0, 1.5], 1.0 + 1e-12), [1.0, 1.5, 2.0 + 1e-12])
    with pytest.raises(DomainError, match="rule"):
        with_extra_node(nodes, w, rule="shift")


# ------------------------------------------------------------ bad input
@pytest.mark.parametrize("nodes, poles, match", [
    ([1.0, 2.0, 1.0], [], "distinct"),
    ([1.0, 2.0], [2.0], "pole"),
    ([1.0, np.nan], [], "finite"),
    ([1.0, np.inf], [], "finite"),
    ([1.0, 2.0], [np.nan], "NaN"),
    ([[1.0, 2.0]], [], "1-D"),
])
def test_bad_interpolant_raises(nodes, poles, match):
    with pytest.raises(DomainError, match=match):
        RationalInterpolant(nodes, poles)


def test_bad_samples_and_orders_raise():
    r = RationalInterpolant([1.0, 2.0], [-1.0])
    with pytest.raises(DomainError, match="pole"):
        r.basis([0.0, -1.0])
    with pytest.raises(DomainError, match="finite"):
        r.basis([np.inf])
    for n in (-1, 1.5, True):
        with pytest.raises(DomainError, match="integer"):
            chebyshev_nodes(1, 2, n)
        with pytest.raises(DomainError):
            zolotarev_nodes(E3, F3, n)
    with pytest.raises(DomainError, match="c < d"):
        chebyshev_nodes(2, 1, 3)
    with pytest.raises(DomainError):
        zolotarev_nodes((1, 5), (3, 10), 2)  # overlapping
    with pytest.raises(DomainError):
        zolotarev_nodes((1, 5), (5, 10), 2)  # touching
    with pytest.raises(DomainError, match="b < c < d"):
        lemma35_point(1, -1, 100)
    with pytest.raises(DomainError, match="finite"):
        lemma35_point(float("-inf"), 1, 100)
    with pytest.raises(DomainError, match="broadcast"):
        interpolation_matrix(lambda X, Y: np.ones((2, 2, 2)), [1.0, 2.0, 3.0], [1.0], [1.0])
