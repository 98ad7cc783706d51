"""Tensor trains: the TT-SVD and max-norm alternating projections on TT rank.

A d-th order tensor T of shape (n_1, ..., n_d) is in the tensor-train (TT)
format with TT ranks (r_1, ..., r_{d-1}) when

    T[i_1, ..., i_d] = G_1[:, i_1, :] G_2[:, i_2, :] ... G_d[:, i_d, :]

with cores G_k of shape (r_{k-1}, n_k, r_k) and r_0 = r_d = 1 (Oseledets,
*Tensor-train decomposition*, SIAM J. Sci. Comput. 33(5), 2011, eq. 1.2).
A matrix is the case d = 2 (G_1 = U, G_2 = V^T). The TT rank r_k is at
most the rank of the k-th unfolding T_<k> (rows i_1..i_k, columns
i_{k+1}..i_d), so r_k <= min(n_1 ... n_k, n_{k+1} ... n_d) (``max_tt_ranks``).

- ``tt_svd(T, ranks)``: the TT-SVD (Oseledets 2011, Algorithm 1) with
  prescribed ranks: sequential truncated SVDs of the unfoldings, each
  keeping the leading r_k singular triplets. It is quasi-optimal in the
  Frobenius norm, ||T - TT-SVD(T)||_F <= sqrt(d - 1) min over TT rank <= r
  (Oseledets 2011, Corollary 2.4), and exact on tensors of TT rank <= r.
- ``tt_full(cores)``, ``tt_ranks(cores)``: the full tensor and the ranks.
- ``TTIterate``: the state of max-norm alternating projections between the
  max-norm ball B_eps(F) and the tensors of TT rank r, with the TT-SVD as
  the quasi-optimal projection onto TT rank (budzinskiy2025 §7.1). The
  binary search on eps that drives it is
  ``alternating_projections.max_norm_approximation``, the one entry point.

The projection used by the alternating projections ("truncated") computes
the same TT-SVD as ``tt_svd``, but takes the r_k leading singular vectors of
each unfolding C from an eigendecomposition of its smaller Gram matrix
(LAPACK ``syevr`` with ``subset_by_index``): for a wide C, U from C C^T and
the carried U^T C = S V^T, which is what Algorithm 1 carries; for a tall C,
V from C^T C and the QR factorisation C V = U' R', carrying R' V^T. The
Gram squares the condition number, so the trailing kept vectors lose
accuracy (about eps_machine sigma_1^2 / sigma_r^2 in angle); the
projection changes at the level of rounding. ``projection="full"`` keeps
the LAPACK SVD of every unfolding (``tt_svd``). Measured (f3 tensors,
m = 10, one BLAS thread, r = 10): the first unfolding n x n^2 at n = 60:
LAPACK gesdd 8.0 ms, Gram 1.0 ms; n = 100: 59 vs 4.9 ms; n = 150: 529 vs
19 ms; the second, (r n) x n at n = 100: gesdd 5.6 ms, Gram and QR 1.1 ms.
Whole AP runs (svd start) ended at identical errors, Gram vs LAPACK:
n = 40, r = 5: 0.16 vs 0.64 s; n = 60, r = 10: 0.82 vs 4.3 s; n = 100,
r = 10: 5.0 vs 33 s (553 steps).

>>> rng = np.random.default_rng(0)
>>> cores = [rng.standard_normal(s) for s in [(1, 6, 2), (2, 7, 3), (3, 5, 1)]]
>>> T = tt_full(cores)
>>> approx = tt_svd(T, (2, 3))
>>> tt_ranks(approx), bool(np.abs(tt_full(approx) - T).max() < 1e-12)
((2, 3), True)
>>> tt_ranks(tt_svd(T, 100))   # capped at the unfolding ranks (6, 5)
(6, 5)
"""

from __future__ import annotations

import math
import time
from typing import Sequence

import numpy as np
import scipy.linalg

from ..errors import DomainError

__all__ = ["tt_svd", "tt_full", "tt_ranks", "max_tt_ranks", "normalize_tt_ranks",
           "random_tt_cores", "TTIterate"]


def max_tt_ranks(shape: Sequence[int]) -> tuple[int, ...]:
    """The largest TT ranks a tensor of this shape can have:
    r_k <= min(n_1 ... n_k, n_{k+1} ... n_d), the sizes of the k-th
    unfolding (Oseledets 2011, Theorem 2.1).

    >>> max_tt_ranks((4, 5, 6))
    (4, 6)
    """
    shape = tuple(int(n) for n in shape)
    return tuple(min(math.prod(shape[:k]), math.prod(shape[k:])) for k in range(1, len(shape)))


def _check_tensor(T, *, minimum_order: int = 2) -> np.ndarray:
    if np.iscomplexobj(T):
        raise DomainError("expected real data, got complex numbers")
    try:
        T = np.asarray(T, dtype=float)
    except (TypeError, ValueError) as exc:
        raise DomainError(f"expected an array of real numbers ({exc})") from None
    if T.ndim < minimum_order:
        raise DomainError(f"expected an array of order >= {minimum_order}, got {T.ndim} "
                          f"dimension(s)")
    if T.size == 0:
        raise DomainError(f"expected a non-empty array, got shape {T.shape}")
    if not np.all(np.isfinite(T)):
        raise DomainError("the data contain NaN or infinite entries")
    return T


def _check_rank(value, name: str) -> int:
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        raise DomainError(f"{name} must be an integer, got {value!r}")
    if value < 1:
        raise DomainError(f"{name} must be >= 1, got {value}")
    return int(value)


def normalize_tt_ranks(ranks, order: int) -> tuple[int, ...]:
    """TT ranks (r_1, ..., r_{d-1}) from an int r (meaning (r, ..., r)) or a
    sequence of d - 1 ints, each >= 1. No cap is applied here.

    Raises DomainError for a rank < 1, a non-integer, or a sequence of the
    wrong length.

    >>> normalize_tt_ranks(3, 4), normalize_tt_ranks([2, 5], 3)
    ((3, 3, 3), (2, 5))
    """
    if isinstance(ranks, (int, np.integer)) and not isinstance(ranks, (bool, np.bool_)):
        return (_check_rank(ranks, "the rank"),) * (order - 1)
    try:
        ranks = tuple(ranks)
    except TypeError:
        raise DomainError(f"the rank must be an integer or a sequence of {order - 1} "
                          f"integers, got {ranks!r}") from None
    if len(ranks) != order - 1:
        raise DomainError(f"a tensor of order {order} has {order - 1} TT ranks, got "
                          f"{len(ranks)}: {ranks}")
    return tuple(_check_rank(r, f"TT rank r_{k + 1}") for k, r in enumerate(ranks))


def tt_full(cores: Sequence[np.ndarray]) -> np.ndarray:
    """The full tensor T[i_1..i_d] = G_1[:, i_1, :] ... G_d[:, i_d, :] of TT
    cores G_k of shape (r_{k-1}, n_k, r_k), r_0 = r_d = 1 (Oseledets 2011,
    eq. 1.2), by d - 1 matrix products (no loop over entries).

    Raises DomainError when neighbouring ranks disagree or the end ranks
    are not 1.

    >>> G = [np.ones((1, 2, 1)), np.arange(3.0).reshape(1, 3, 1)]
    >>> tt_full(G)
    array([[0., 1., 2.],
           [0., 1., 2.]])
    """
    cores = [np.asarray(c, dtype=float) for c in cores]
    if not cores or any(c.ndim != 3 for c in cores):
        raise DomainError("TT cores are a non-empty list of 3-D arrays (r_{k-1}, n_k, r_k)")
    if cores[0].shape[0] != 1 or cores[-1].shape[2] != 1:
        raise DomainError("the first core must have r_0 = 1 and the last r_d = 1")
    for k in range(1, len(cores)):
        if cores[k].shape[0] != cores[k - 1].shape[2]:
            raise DomainError(f"core {k} has left rank {cores[k].shape[0]}, core {k - 1} "
                              f"right rank {cores[k - 1].shape[2]}")
    return _contract(cores)


def _contract(cores, out=None) -> np.ndarray:
    """The full tensor of checked cores; the last product is written into
    ``out`` (an array of the tensor's size) when given."""
    shape = tuple(c.shape[1] for c in cores)
    full = cores[0].reshape(shape[0], -1)
    for k in range(1, len(cores)):
        right = cores[k].reshape(cores[k].shape[0], -1)
        if k == len(cores) - 1 and out is not None:
            full = np.matmul(full, right, out=out.reshape(full.shape[0], right.shape[1]))
        else:
            full = (full @ right).reshape(-1, cores[k].shape[2])
    if out is not None and len(cores) == 1:
        np.copyto(out, full.reshape(shape))
    return (full if out is None else out).reshape(shape)


def tt_ranks(cores: Sequence[np.ndarray]) -> tuple[int, ...]:
    """The TT ranks (r_1, ..., r_{d-1}) of a list of cores.

    >>> tt_ranks([np.ones((1, 4, 2)), np.ones((2, 4, 3)), np.ones((3, 4, 1))])
    (2, 3)
    """
    return tuple(int(c.shape[2]) for c in cores[:-1])


def _lapack_svd(C: np.ndarray, r: int):
    """Leading r left singular vectors U and S V^T (r x cols) of C."""
    U, s, Vt = np.linalg.svd(C, full_matrices=False)
    r = min(r, s.size)
    return U[:, :r], s[:r, None] * Vt[:r]


def _gram_svd(C: np.ndarray, r: int):
    """As ``_lapack_svd``, from the r leading eigenvectors of the smaller
    Gram matrix: C C^T gives U, carried U^T C = S V^T; C^T C gives V, and
    the QR factorisation C V = U' R' gives U' and the carried R' V^T (= S V^T
    up to the signs that U' absorbs)."""
    rows, cols = C.shape
    r = min(r, rows, cols)
    if r == min(rows, cols):
        return _lapack_svd(C, r)
    if rows <= cols:
        _, U = scipy.linalg.eigh(C @ C.T, subset_by_index=(rows - r, rows - 1),
                                 check_finite=False)
        U = U[:, ::-1]
        return U, U.T @ C
    _, V = scipy.linalg.eigh(C.T @ C, subset_by_index=(cols - r, cols - 1),
                             check_finite=False)
    V = V[:, ::-1]
    U, R = np.linalg.qr(C @ V)
    return U, R @ V.T


def _tt_svd(T: np.ndarray, ranks: tuple, svd) -> list:
    shape, cores, carry, left = T.shape, [], T, 1
    for k, r in enumerate(ranks):
        U, carry = svd(carry.reshape(left * shape[k], -1), r)
        cores.append(U.reshape(left, shape[k], U.shape[1]))
        left = U.shape[1]
    cores.append(carry.reshape(left, shape[-1], 1))
    return cores


def tt_svd(T, ranks) -> list:
    """TT-SVD of T with TT ranks at most ``ranks`` (Oseledets 2011,
    Algorithm 1): for k = 1..d-1, the truncated SVD U S V^T of the current
    unfolding (r_{k-1} n_k) x (n_{k+1} ... n_d) keeps its r_k leading
    triplets, G_k = U reshaped to (r_{k-1}, n_k, r_k), and S V^T is carried
    on; G_d is the last carried matrix. Each rank is capped at the size of
    its unfolding (so ``tt_svd(T, 10**9)`` is exact). Left cores are
    orthonormal (G_k reshaped to (r_{k-1} n_k) x r_k has orthonormal
    columns). For d = 2 this is the truncated SVD, G_1 G_2 = U_r S_r V_r^T.

    ``ranks`` is an int r (all ranks r) or d - 1 ints. Returns the list of
    d cores. Raises DomainError for data of order < 2, non-finite data,
    a rank < 1 or a rank list of the wrong length.

    >>> T = np.arange(24.0).reshape(2, 3, 4)       # of TT ranks (2, 2)
    >>> tt_ranks(tt_svd(T, 5))                       # capped at the unfoldings (2, 4)
    (2, 4)
    >>> cores = tt_svd(T, 2)
    >>> tt_ranks(cores), bool(np.allclose(tt_full(cores), T))
    ((2, 2), True)
    """
    T = _check_tensor(T)
    ranks = normalize_tt_ranks(ranks, T.ndim)
    return _tt_svd(T, ranks, _lapack_svd)


def random_tt_cores(shape, ranks, rng: np.random.Generator) -> list:
    """Random Gaussian TT cores of TT ranks ``ranks``: core k has independent
    N(0, 1/r_k) entries (the last core N(0, 1/r_{d-1})), which for d = 2 is
    the random start U Vt of ``alternating_projections`` (U, Vt Gaussian
    divided by sqrt(r)). Cores are drawn in order from ``rng``."""
    d = len(shape)
    full = (1, *ranks, 1)
    return [rng.standard_normal((full[k], shape[k], full[k + 1]))
            / math.sqrt(full[k + 1] if k < d - 1 else full[k]) for k in range(d)]


class TTIterate:
    """The iterate of max-norm alternating projections on TT rank
    (budzinskiy2025 §7.1): cores X of TT rank <= ``ranks`` and the residual
    D = X - F (kept in one buffer of F's size).

    ``step(eps)`` projects onto the max-norm ball, W = F + clip(X - F,
    -eps, eps), then onto TT rank r by the TT-SVD of W (quasi-optimal), and
    returns the new error ||X - F||_max. ``projection`` is ``"truncated"``
    (Gram eigendecomposition of wide unfoldings, see the module docstring)
    or ``"full"`` (LAPACK SVD of every unfolding, ``tt_svd``). Used by
    ``alternating_projections.max_norm_approximation``; F must already be
    checked (finite, real) and the ranks normalised and capped.
    """

    def __init__(self, F: np.ndarray, ranks: tuple, cores: list, projection: str):
        self.F, self.ranks = F, ranks
        self._svd = _gram_svd if projection == "truncated" else _lapack_svd
        self.projection_s = self.residual_s = 0.0
        self._D = np.empty_like(F)
        self._set(cores)

    def _set(self, cores) -> None:
        t0 = time.perf_counter()
        self.cores = cores
        _contract(cores, out=self._D)
        self._D -= self.F
        self.error = max(float(self._D.max()), -float(self._D.min()))
        self.residual_s += time.perf_counter() - t0

    def step(self, eps: float) -> float:
        t0 = time.perf_counter()
        W = np.clip(self._D, -eps, eps, out=self._D)
        W += self.F
        cores = _tt_svd(W, self.ranks, self._svd)
        self.projection_s += time.perf_counter() - t0
        self._set(cores)
        return self.error

    def snapshot(self) -> list:
        """The current cores (they are never modified in place)."""
        return self.cores
