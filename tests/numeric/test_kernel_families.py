"""The kernel matrices of webb2025 Section 6 (numeric/kernel_families.py):
matrices, intervals, certified bounds and the author's constants, against
the reference values of the formula sheet (section 11, computed there with
scipy/mpmath) and independent evaluations."""

from __future__ import annotations

import math
from fractions import Fraction

import mpmath
import numpy as np
import pytest

from certbounds.certified.exact import NEG_INF
from certbounds.certified.zolotarev import zolotarev_number
from certbounds.errors import DomainError
from certbounds.numeric import kernel_families as kf


@pytest.fixture(scope="module")
def families():
    return {name: kf.kernel_family(name) for name in kf.FAMILIES}


def test_figure_matrices_and_their_largest_singular_values(families):
    """sigma_1 of the figures' matrices (sheet section 11)."""
    assert families["beta-cauchy"].singular_values()[0] == pytest.approx(21.0059572039,
                                                                         rel=1e-10)
    assert families["cauchy"].singular_values()[0] == pytest.approx(2.01742549095, rel=1e-10)
    assert families["cauchy-tensor"].singular_values()[0] == pytest.approx(2.72677882481,
                                                                           rel=1e-10)
    assert families["cauchy-tensor"].shape == (2500, 50)
    assert families["log-cauchy"].shape == (100, 100)
    assert families["twisted-hankel"].A.dtype == complex


def test_entries_against_mpmath(families):
    """A few entries of each matrix from mpmath at 30 digits: the kernel
    and the points are what the docstrings say."""
    fam = families["twisted-hankel"]
    with mpmath.workdps(30):
        zero = {k: mpmath.besseljzero(0, k) for k in (1, 7, 100, 101)}
        for r, c in ((1, 1), (7, 100), (100, 7)):
            xv, yv = zero[r] / zero[101], zero[c]
            ref = complex(mpmath.hankel1(0, xv * yv) * mpmath.exp(-1j * xv * yv))
            assert abs(ref - fam.A[r - 1, c - 1]) <= 1e-13 * abs(ref)
    beta = families["beta-cauchy"]
    assert beta.A[3, 4] == pytest.approx(float(mpmath.beta(7.5, 0.5)), rel=1e-14)
    cauchy = families["cauchy-tensor"]
    w, x = np.linspace(1, 70, 50), np.linspace(1, 199, 50)
    assert cauchy.A[2 + 50 * 3, 5] == 1 / (w[2] + x[3] + np.linspace(2, 100, 50)[5])
    log = families["log-cauchy"]
    assert (log.x.min(), log.x.max(), log.y.min(), log.y.max()) == (1, 100, 1, 100)
    assert np.array_equal(log.A, np.log(log.x[:, None] + log.y[None, :]))


def test_motivating_matrix_is_the_beta_cauchy_matrix_over_sqrt_pi(families):
    A = kf.motivating_matrix(100)
    assert np.allclose(A * math.sqrt(math.pi), families["beta-cauchy"].A, rtol=1e-13)
    assert A[1, 2] == pytest.approx(math.gamma(3.5) / math.gamma(4), rel=1e-14)


def test_cauchy_bounds_are_the_norm_times_zolotarev(families):
    """(6.4) and (6.8): bound(n) = ||A||_2 Z_n with the certified norm, i.e.
    bound / sigma_1 = Z_n to about 1e-13 (sheet section 11: Z_1, Z_5, Z_10)."""
    cauchy, tensor = families["cauchy"], families["cauchy-tensor"]
    for fam, zs in ((cauchy, (0.581247048708, 4.25333279148e-4, 4.52271036786e-8)),
                    (tensor, (0.624592537526, 6.69523770254e-4, 1.12065544851e-7))):
        s1 = fam.singular_values()[0]
        for n, z in zip((1, 5, 10), zs):
            assert fam.bound(n).mid / s1 == pytest.approx(z, rel=1e-10)
    norm = cauchy.values["A_norm"]
    assert Fraction(cauchy.parameters["A_norm"]["lower"]) <= Fraction(
        np.linalg.norm(cauchy.A, 2)) * (1 + Fraction(1, 10 ** 13)) and norm >= Fraction(
        np.linalg.norm(cauchy.A, 2)) * (1 - Fraction(1, 10 ** 13))


def test_beta_cauchy_constants_exact_and_published(families):
    """(6.34)-(6.36): Kp_norm = 28.2531116567, the exact C_norm 5.00147792525
    against the code's truncated 4.66585027057 (sheet sections 10 item 2, 11)."""
    fam = families["beta-cauchy"]
    assert fam.published["C_norm_code"] == pytest.approx(4.66585027057, rel=1e-11)
    bound = fam.bound(10).mid
    z10 = zolotarev_number((NEG_INF, Fraction(-1, 2)), (0, 100), 10).mid
    assert bound == pytest.approx(28.2531116567 * 5.00147792525 * z10, rel=1e-10)
    assert z10 == pytest.approx(1.96281331360e-5, rel=1e-10)


def test_unbounded_f_families_bound_from_rank_one(families):
    """(6.15), (6.22): no bound at rank 0 (ZZ_0 = inf, Lemma 3.5), then
    (N/2) log((d+c)/2c) Z_{n-1} and (N/pi) log(d/c) Z_{n-1}; the code's
    constant for Fig. 5 is 0.859 of the proved one (sheet section 10 item 1)."""
    log, hankel = families["log-cauchy"], families["twisted-hankel"]
    assert log.bound(0) is None and hankel.bound(0) is None
    z = zolotarev_number((NEG_INF, -1), (1, 100), 4).mid
    assert log.bound(5).mid == pytest.approx(50 * math.log(101 / 2) * z, rel=1e-12)
    assert log.extra_node == pytest.approx(-1 + math.sqrt(202), rel=1e-15)
    c, d = hankel.y[0], hankel.y[-1]
    z = zolotarev_number((NEG_INF, 0), (1, Fraction(d) / Fraction(c)), 2).mid
    assert hankel.bound(3).mid == pytest.approx(100 / math.pi * math.log(d / c) * z, rel=1e-12)
    assert hankel.published["bound_code_over_proved"] == pytest.approx(2.09221 / 2.43496,
                                                                       rel=1e-5)
    assert hankel.extra_node == pytest.approx(27.452, abs=1e-3)


def test_seeded_log_cauchy_points_reproduce():
    a, b = kf.log_cauchy(seed=3), kf.log_cauchy(seed=3)
    assert np.array_equal(a.A, b.A) and not np.array_equal(a.A, kf.log_cauchy(seed=4).A)


@pytest.mark.parametrize("call, words", [
    (lambda: kf.cauchy(x=[-5, 1], y=[2, 3]), "overlap"),
    (lambda: kf.cauchy(x=[1, 2], y=[-1, 3]), "overlap"),
    (lambda: kf.cauchy_tensor(w=[1], x=[-3], y=[2, 5]), "overlap"),
    (lambda: kf.cauchy(x=[1, np.nan], y=[2, 3]), "finite"),
    (lambda: kf.cauchy(x=[], y=[2, 3]), "non-empty"),
    (lambda: kf.log_cauchy(1), "N must be"),
    (lambda: kf.beta_cauchy(10, s=0), "s must"),
    (lambda: kf.beta_cauchy(10, t=1), "t must"),
    (lambda: kf.twisted_hankel(N=-1), "N must"),
    (lambda: kf.kernel_family("gauss"), "unknown kernel"),
    (lambda: kf.cauchy().bound(-1), "rank"),
])
def test_bad_input(call, words):
    with pytest.raises(DomainError, match=words):
        call()


#: Ranks tested per family: where the error is above rounding level.
TESTED_RANKS = {"cauchy": range(0, 19), "cauchy-tensor": range(0, 20),
                "log-cauchy": range(1, 21), "twisted-hankel": range(1, 24),
                "beta-cauchy": range(0, 26)}


@pytest.mark.parametrize("name", sorted(TESTED_RANKS))
def test_certified_bound_error_best(families, name):
    """webb2025 Theorem 1.1 in each family's form, for the interpolant at the
    Zolotarev nodes (plus Lemma 3.5's node where F is unbounded): certified
    bound (lower end) >= measured ||A - A_n||_2 >= sigma_{n+1}(A), at every
    tested rank; and likewise the Little-Reade bound for Chebyshev nodes."""
    fam = families[name]
    for rank in TESTED_RANKS[name]:
        best = fam.best_error(rank)
        for kind, bound in (("zolotarev", fam.bound(rank)),
                            ("chebyshev", fam.little_reade_bound(rank))):
            nodes, poles = fam.nodes(rank, kind)
            assert len(nodes) == rank
            error = fam.interpolation_error(nodes, poles)
            assert error >= best * (1 - 1e-9), (name, kind, rank)
            assert Fraction(bound.lower) >= Fraction(error), (name, kind, rank, error, bound)


def test_node_choices(families):
    """Rank n: n Zolotarev nodes and poles; with F unbounded n - 1 of them
    plus Lemma 3.5's node (moved by 1/2 for odd n - 1, as the author's
    code), and 'zolotarev-plain' without it."""
    cauchy, log = families["cauchy"], families["log-cauchy"]
    nodes, poles = cauchy.nodes(4)
    assert len(nodes) == len(poles) == 4 and nodes.min() > 2 and poles.max() < -1
    nodes, poles = log.nodes(4)                      # 3 Zolotarev nodes (odd) + w + 1/2
    assert len(nodes) == 4 and len(poles) == 3
    assert np.any(np.isclose(nodes, log.extra_node + 0.5, rtol=0, atol=1e-12))
    nodes, poles = log.nodes(5)                      # 4 Zolotarev nodes (even) + w
    assert np.any(np.isclose(nodes, log.extra_node, rtol=0, atol=1e-12))
    assert len(log.nodes(4, "zolotarev-plain")[0]) == 4
    assert len(log.nodes(0)[0]) == 0
    cheb = log.nodes(3, "chebyshev")[0]
    assert len(cheb) == 3 and np.any(cheb == log.extra_node)
    with pytest.raises(DomainError, match="unknown nodes"):
        log.nodes(3, "equispaced")
