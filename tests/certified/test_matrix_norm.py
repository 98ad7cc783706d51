"""Certified spectral norms of nonnegative matrices
(certbounds/certified/matrix_norm.py).

Each enclosure is checked against sigma_1 from an independent 60-digit
mpmath SVD (``mpmath.svd_r``) of the same exact rational matrix.
"""

from fractions import Fraction

import mpmath
import numpy as np
import pytest
from flint import arb, arb_mat, ctx
from hypothesis import given, settings, strategies as st

from certbounds.certified.matrix_norm import spectral_norm_nonnegative
from certbounds.errors import DomainError


def _examples(default: int) -> int:
    return max(1, settings().max_examples * default // 100)


def _sigma1_mpmath(rows) -> mpmath.mpf:
    with mpmath.workdps(60):
        A = mpmath.matrix([[mpmath.mpf(q.numerator) / q.denominator for q in row]
                           for row in rows])
        return max(mpmath.svd_r(A, compute_uv=False))


def _contains(ball, x: mpmath.mpf) -> bool:
    with mpmath.workdps(60):
        return mpmath.mpf(ball.lower) <= x * (1 + mpmath.mpf(10) ** -50) and \
            x * (1 - mpmath.mpf(10) ** -50) <= mpmath.mpf(ball.upper)


matrices = st.integers(1, 6).flatmap(lambda m: st.integers(1, 6).flatmap(
    lambda n: st.lists(st.lists(st.fractions(0, 50, max_denominator=97), min_size=n,
                                max_size=n), min_size=m, max_size=m)))


@pytest.mark.enclosure
@settings(max_examples=_examples(40), deadline=None)
@given(rows=matrices, perturb=st.floats(0, 0.5), seed=st.integers(0, 2 ** 16))
def test_encloses_sigma1_for_any_positive_vector(rows, perturb, seed):
    """Whatever the vector (the float singular vector, perturbed by up to
    50 %), the ball contains sigma_1; with the float vector itself it is
    narrow (relative width below 1e-12) unless sigma_1 is 0."""
    F = np.array([[float(q) for q in row] for row in rows])
    v = np.linalg.svd(F)[2][0] if F.any() else np.ones(F.shape[1])
    rng = np.random.default_rng(seed)
    sigma = _sigma1_mpmath(rows)
    tight = spectral_norm_nonnegative(rows, v)
    loose = spectral_norm_nonnegative(rows, np.abs(v) * (1 + perturb * rng.random(v.size)))
    assert _contains(tight, sigma) and _contains(loose, sigma)
    if sigma > 0 and np.abs(v).min() > 1e-8:
        assert float(mpmath.mpf(tight.upper) / mpmath.mpf(tight.lower) - 1) < 1e-12


def test_cauchy_matrix_of_webb2025_figure_3_left():
    """sigma_1 of 1/(x_i + y_j), x = linspace(1, 70, 100), y = linspace(2,
    100, 100): 2.01742549095 (formula sheet section 11, Fig 3L), enclosed
    from the exact (float) points, not from the rounded entries."""
    x, y = np.linspace(1, 70, 100), np.linspace(2, 100, 100)
    A = 1 / (x[:, None] + y[None, :])
    with ctx.workprec(128):
        M = arb_mat([[1 / (arb(float(a)) + arb(float(b))) for b in y] for a in x])
    ball = spectral_norm_nonnegative(M, np.linalg.svd(A)[2][0])
    assert ball.contains(np.linalg.norm(A, 2))
    assert abs(ball.mid - 2.01742549095) < 1e-10
    assert float(ball.upper) / float(ball.lower) - 1 < 1e-13


def test_bad_input():
    with pytest.raises(DomainError, match="nonnegative"):
        spectral_norm_nonnegative([[1, -1], [0, 1]], [1.0, 1.0])
    with pytest.raises(DomainError, match="entries"):
        spectral_norm_nonnegative([[1, 2]], [1.0])
    with pytest.raises(DomainError, match="zero"):
        spectral_norm_nonnegative([[1, 2]], [0.0, 0.0])
    with pytest.raises(DomainError, match="finite"):
        spectral_norm_nonnegative([[1, 2]], [1.0, float("nan")])
    with pytest.raises(DomainError, match="empty"):
        spectral_norm_nonnegative([], [])


def test_exact_fraction_entries():
    """Entries are taken exactly: 1/3 is not the float 0.333..."""
    ball = spectral_norm_nonnegative([[Fraction(1, 3)]], [1.0])
    assert ball.contains(Fraction(1, 3)) and not ball.contains(1 / 3)
