"""Max-norm low-rank approximation by alternating projections (budzinskiy2025 §7.1).

Given F (a matrix, or a tensor of order d >= 3) and a rank r, find G of rank
<= r (TT rank <= (r_1, ..., r_{d-1}) for tensors) with a small entrywise
error ||F - G||_max. The problem is NP-hard even for r = 1; the heuristic of
budzinskiy2025 §7.1 (from Budzinskiy's reference Julia code,
github.com/sbudzinskiy/low-rank-big-data) alternates the Frobenius-norm
projections onto

    M_r = {X : rank X <= r}   and   B_eps(F) = {X : ||X - F||_max <= eps}

(the second clips X - F to [-eps, eps]; the first is the truncated SVD, for
tensors the quasi-optimal TT-SVD, ``tensor_train``) and runs a binary search
on eps. With parameters (c1, c2, c3, c4) = (1e-2, 1e-3, 2/3, 2e-2):

    err_pre = ||X_0 - F||_max;  lo = 0;  hi = err_pre
    loop:  width = hi - lo;  stop if width < c1 hi;  eps = (lo + hi) / 2
           loop (one AP step):  X = P_{M_r}(F + clip(X - F, -eps, eps))
                err = ||X - F||_max;  hi = min(hi, err)
                if err > err_pre (1 - c2):        # improved by less than c2
                    if err > lo + c3 width: lo += c4 width
                    leave the inner loop
                err_pre = err

As in the reference, err_pre is set once from the start and never reset
between outer iterations, and the iterate X carries over from one eps to the
next. ``hi`` is the smallest error of any iterate: a measured upper bound on
the optimal error (up to rounding). **The lower end ``lo`` is heuristic: it
is NOT a lower bound on the optimal max-norm error** (it rises when AP at
one eps stalls, which proves nothing). Deliberate differences from the
reference ((a)-(c) leave its sequence of iterates unchanged, (d) changes it
only within the tolerance of the projection):

(a) the result is the *best* iterate, whose measured error is exactly the
    reported ``hi`` (the reference returns the last iterate, whose error can
    be above the ``hi`` it reports);
(b) two starts: ``start="random"`` is the reference's (U, Vt with
    independent N(0, 1) entries divided by sqrt(r), drawn in that order
    from ``numpy.random.default_rng(seed)``; random TT cores for tensors,
    ``tensor_train.random_tt_cores``), ``start="svd"`` the truncated SVD
    (TT-SVD) of F, which is the default (``DEFAULT_START``) because it gave
    lower errors in every measurement below;
(c) a cap ``max_steps`` on the total number of AP steps (stop reason
    ``"max_steps"``), and a stop once ``hi`` is at rounding level
    (``hi <= 16 eps_machine ||F||_F``, stop reason ``"exact"``), where the
    reference's test ``width < c1 hi`` could loop forever on hi = 0;
(d) ``projection="truncated"`` (default) computes the rank-r projection
    without a full SVD (below); ``projection="full"`` is the reference's
    full SVD (LAPACK gesdd) of every iterate.

The truncated projection (matrices). AP steps change the iterate little, so
the leading singular subspace of the previous iterate is an excellent start:
each step runs block subspace iteration with Rayleigh-Ritz on W = F +
clip(X - F) from the previous step's k = r + 3 right Ritz vectors (Q =
orth(W V), eigendecomposition of the k x k Gram of W^T Q), sweeping until
the Ritz residuals satisfy max_{i<=r} ||W v_i - sigma_i u_i|| <= 1e-5
sigma_1 (``SWEEP_TOL``; a block that needs more than 3 sweeps is doubled,
at most 50 sweeps per step). Moreover W = X + S with S = clip(X - F) -
(X - F) nonzero only where |X - F| > eps, in practice a few per cent of the
entries: then W V = L (M V) + S V with X = L M in factored form and S
sparse (CSR), and a sweep costs O(nnz(S) k + n k^2) instead of O(n^2 k).
Dense products with W are used when more than 15 % of the entries are
clipped (the first steps from a random start). What remains per step is
forming X - F (one n1 x r x n2 product) and reading it a few times.

Measurements that chose it (one BLAS thread; f1 = exp(-||x - y||), m = 10,
independent sampling, data seed 0; OpenBLAS, AVX-512):

* one rank-r projection of a 2000 x 2000 f1 matrix, r = 10 / r = 40:
  LAPACK gesdd (the reference's full SVD) 3.0 s / 3.0 s, gesvd 14.4 s;
  scipy ``svds`` ARPACK 0.07 / 0.27 s, PROPACK 0.05 / 0.26 s; eigh of the
  Gram with ``subset_by_index`` 0.56 / 0.58 s; a cold randomised range
  finder with 10 power iterations 0.20 / 0.35 s and still off by 7e-3 in
  max norm at r = 40 (a flat spectrum); one warm-started dense sweep
  0.02 / 0.04 s, a sparse one a fraction of that.
* end to end at n = 500 from the reference's random start, against the
  reference loop (seeds 0, 1): one dense sweep per step and no residual
  test ended 3-5 % away from the reference, either side, as the binary
  search then takes other decisions; with the residual test the final
  error agreed to 0.1 % at tolerance 1e-5 (1.1-1.2 sweeps per step), to
  1e-5 at 1e-6 (1.3-1.6 sweeps) and exactly, with the same steps, at 1e-8
  (2 sweeps); 1e-4 drifted by up to 3 % (n = 150, r = 30). At n = 150
  (r = 3, 10, 30, seeds 0-3) tolerance 1e-5 ended within 0.1 %: ten times
  finer than the search's own resolution (the bracket stops at c1 = 1 %).
  The reference itself is stable under rounding (F perturbed by 1e-14, or
  gesvd for gesdd: identical answers). Oversampling 2, 3 or 5 gave the
  same answers (none: 4 % off at r = 40); 3 is the fastest safe one.
  Dense sweeps with Householder QR ran 12-14x faster than the reference
  at r = 40 and 45-50x at r = 10; the sparse update, Cholesky QR and block
  doubling brought this to 18-20x and 60x (r = 40: 1.05-1.16 s against
  20.9-21.1 s; r = 10: 0.49 s against 30.6 s), and calling scipy's CSR
  kernels without building sparse array objects (``_Sparse``) 6 % more
  (r = 40: 0.99 s against 20.6 s, 20.8x; r = 10: 0.43 s against 29.7 s,
  70x; identical iterates). Of the 2.5 ms step at n = 500, r = 40 about a
  fifth is the product forming X, a quarter the sparse products, a fifth
  finding the clipped entries, the rest k x k LAPACK calls (eigh of a
  43 x 43 Gram is 0.11 ms) and Python. A looser tolerance 3e-5 would gain
  4 % more. At n = 2000 one step takes 2.5-2.7x (r = 40) and
  3.7-4.3x (r = 10) the time of the n x r x n product that forms X, and
  1/120 to 1/220 of the reference's step (``benchmarks/bench_alternating_
  projections.py``).
* the default start, f1, m = 10, final error from the random start divided
  by the final error from the svd start (data seed = start seed): n = 500,
  r = 10, seeds 0-4: 1.34-1.50, median 1.37; n = 500, r = 40: median 2.19
  (relative errors 0.034-0.036 vs 0.075-0.085; the truncated SVD's
  0.20-0.27); n = 2000, r = 10, seeds 0-1: 1.64 and 1.79 (relative errors
  0.24 / 0.22 vs 0.40 / 0.39; truncated SVD 0.43). The svd start also
  needed fewer steps (380-530 vs 620-830). So ``DEFAULT_START = "svd"``.

>>> from certbounds.numeric.function_data import generate
>>> F = generate("f1", 60, 10, seed=0).F
>>> ap = max_norm_approximation(F, 4, seed=0)
>>> svd = max_norm_approximation(F, 4, method="svd")
>>> ap.error <= svd.error, ap.approximant().shape
(True, (60, 60))
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from typing import Callable, Optional

import numpy as np
import scipy.linalg.lapack
import scipy.sparse
import scipy.sparse.linalg

try:  # the C kernels behind scipy.sparse's products, without building array objects
    from scipy.sparse import _sparsetools
    _CSR_MATVECS = _sparsetools.csr_matvecs
    _CSC_MATVECS = _sparsetools.csc_matvecs
except (ImportError, AttributeError):  # pragma: no cover - a scipy that moved them
    _CSR_MATVECS = _CSC_MATVECS = None

from ..errors import DomainError
from .blas_threads import limit_blas_threads
from .tensor_train import (TTIterate, _check_tensor, max_tt_ranks, normalize_tt_ranks,
                           random_tt_cores, tt_full, tt_svd)

__all__ = ["ApproximationResult", "APProgress", "max_norm_approximation",
           "truncated_svd_approximation", "DEFAULT_START", "MAX_STEPS"]

#: The reference code's (c1, c2, c3, c4) (the code of budzinskiy2025 §7.1, footnote 10).
C1, C2, C3, C4 = 1e-2, 1e-3, 2.0 / 3.0, 2e-2
#: The start AP uses unless told otherwise (it gave lower errors; see above).
DEFAULT_START = "svd"
#: Default cap on the total number of AP steps (typical runs take 300-800).
MAX_STEPS = 20_000
#: Extra vectors of the warm-started subspace iteration beyond r.
OVERSAMPLING = 3
#: Ritz residual tolerance of the truncated projection (relative to sigma_1).
SWEEP_TOL = 1e-5
#: Sweeps without convergence after which the block is doubled.
ENLARGE_AFTER = 3
#: Sweeps of subspace iteration allowed per AP step.
MAX_SWEEPS = 50
#: Cholesky QR only when the scaled Cholesky factor's pivots are within this ratio.
CHOLQR_MIN_PIVOT = 1e-3
#: Above this fraction of clipped entries the truncated projection uses dense
#: products with W instead of the sparse update of the factored iterate.
DENSE_FRACTION = 0.15
#: ``hi`` at or below this multiple of eps_machine ||F||_F counts as exact.
EXACT_FACTOR = 16.0


@dataclass(frozen=True)
class APProgress:
    """What ``callback`` sees after each AP step: the step number (from 1),
    the outer iteration, the eps of the step, the step's error and the
    bracket (lo, hi) after it."""

    step: int
    outer: int
    eps: float
    error: float
    lo: float
    hi: float


@dataclass(frozen=True)
class ApproximationResult:
    """A low-rank approximant G of F with its measured max-norm error.

    ``method`` is ``"ap"`` / ``"svd"`` for matrices and ``"ap-tt"`` /
    ``"tt-svd"`` for tensors. ``error`` is ||F - G||_max of the returned G,
    measured in floating point (not certified); ``norm`` is ||F||_max.
    ``bracket`` (AP only) is the search bracket (lo, hi): hi = error (the
    best iterate is returned), while **lo is heuristic, not a lower bound on
    the optimal error**. ``factors`` = (U, V) with G = U @ V.T (matrices) or
    ``cores`` (TT cores, shapes (r_{k-1}, n_k, r_k); tensors).
    ``inner_iterations`` counts AP steps (projections), ``outer_iterations``
    the values of eps tried; ``stop`` is why AP stopped: ``"bracket"``
    (width < c1 hi), ``"exact"`` (error at rounding level), ``"max_steps"``
    or ``"callback"``; ``"direct"`` for the SVD baselines. ``sweeps`` counts
    subspace-iteration sweeps of the truncated projection (matrices).
    ``timings`` are wall-clock seconds (total_s, start_s, projection_s,
    residual_s).
    """

    method: str
    shape: tuple
    rank: object
    error: float
    norm: float
    bracket: Optional[tuple] = None
    start: Optional[str] = None
    seed: Optional[int] = None
    outer_iterations: int = 0
    inner_iterations: int = 0
    stop: str = "direct"
    projection: Optional[str] = None
    sweeps: Optional[int] = None
    parameters: Optional[dict] = field(default=None, compare=False)
    timings: dict = field(default_factory=dict, compare=False)
    factors: Optional[tuple] = field(default=None, repr=False, compare=False)
    cores: Optional[tuple] = field(default=None, repr=False, compare=False)

    @property
    def relative_error(self) -> float:
        """error / ||F||_max (0 for F = 0)."""
        return self.error / self.norm if self.norm > 0 else 0.0

    @property
    def converged(self) -> bool:
        """True when the search ended by its own test (or there was none)."""
        return self.stop in ("bracket", "exact", "direct")

    def approximant(self) -> np.ndarray:
        """The approximant G as a full array (U @ V.T, or the TT cores
        contracted)."""
        if self.factors is not None:
            U, V = self.factors
            return U @ V.T
        return tt_full(self.cores)

    def to_json(self) -> dict:
        """JSON-ready scalars and lists (no arrays)."""
        doc = {"method": self.method, "shape": list(self.shape),
               "rank": list(self.rank) if isinstance(self.rank, tuple) else self.rank,
               "error": self.error, "norm": self.norm, "relative_error": self.relative_error,
               "bracket": list(self.bracket) if self.bracket is not None else None,
               "start": self.start, "seed": self.seed,
               "outer_iterations": self.outer_iterations,
               "inner_iterations": self.inner_iterations, "stop": self.stop,
               "converged": self.converged, "projection": self.projection,
               "sweeps": self.sweeps, "parameters": self.parameters,
               "timings": dict(self.timings)}
        if self.bracket is not None:
            doc["bracket_note"] = "hi is the measured error; lo is heuristic, not a lower bound"
        return doc

    def __repr__(self) -> str:
        shape = "x".join(map(str, self.shape))
        rank = ",".join(map(str, self.rank)) if isinstance(self.rank, tuple) else self.rank
        text = (f"ApproximationResult({self.method}, {shape}, rank {rank}: error "
                f"{self.error:.6g} (relative {self.relative_error:.6g})")
        if self.bracket is not None:
            text += (f", heuristic bracket [{self.bracket[0]:.6g}, {self.bracket[1]:.6g}], "
                     f"start {self.start}, {self.inner_iterations} steps in "
                     f"{self.outer_iterations} outer, stop {self.stop}")
        total = self.timings.get("total_s")
        return text + (f", {total:.3g} s)" if total is not None else ")")


# --- the rank-r projection of a matrix -----------------------------------

class _Sparse:
    """A CSR matrix S (n1 x n2) with the products S V and S^T Q. They call
    scipy's own kernels (csr_matvecs, and csc_matvecs on the same arrays for
    S^T) directly: building scipy.sparse arrays for S and S^T at every AP
    step cost about 6 % of the step at n = 500. Where those kernels are not
    importable, the public scipy.sparse arrays are used."""

    def __init__(self, data, indices, indptr, shape):
        self.data, self.indices, self.indptr, self.shape = data, indices, indptr, shape
        if _CSR_MATVECS is None:
            self._S = scipy.sparse.csr_array((data, indices, indptr), shape=shape)

    def matmul(self, V: np.ndarray) -> np.ndarray:
        """S V for a dense V (n2 x k)."""
        if _CSR_MATVECS is None:
            return self._S @ V
        n1, n2 = self.shape
        out = np.zeros((n1, V.shape[1]))
        _CSR_MATVECS(n1, n2, V.shape[1], self.indptr, self.indices, self.data,
                     np.ascontiguousarray(V).ravel(), out.ravel())
        return out

    def rmatmul(self, Q: np.ndarray) -> np.ndarray:
        """S^T Q for a dense Q (n1 x k)."""
        if _CSR_MATVECS is None:
            return self._S.T @ Q
        n1, n2 = self.shape
        out = np.zeros((n2, Q.shape[1]))
        _CSC_MATVECS(n2, n1, Q.shape[1], self.indptr, self.indices, self.data,
                     np.ascontiguousarray(Q).ravel(), out.ravel())
        return out


def _truncated_svd(F: np.ndarray, k: int):
    """The k leading singular triplets (U, s, Vt) of F, exact to rounding:
    ARPACK (``svds``, tol=0) for a few triplets of a large matrix, else
    LAPACK gesdd."""
    small = min(F.shape)
    if small >= 200 and 10 * k <= small:
        try:
            U, s, Vt = scipy.sparse.linalg.svds(F, k=k, tol=0, random_state=0)
        except scipy.sparse.linalg.ArpackNoConvergence:
            pass
        else:
            order = np.argsort(s)[::-1]
            return U[:, order], s[order], Vt[order]
    U, s, Vt = np.linalg.svd(F, full_matrices=False)
    return U[:, :k], s[:k], Vt[:k]


def _orthonormal_basis(Z: np.ndarray) -> np.ndarray:
    """An orthonormal basis of range(Z) (n x k, full column rank expected).

    Warm-started, Z = W V has nearly orthogonal columns sigma_i u_i, so
    Cholesky QR of the column-scaled Z is accurate (orthogonality lost is
    about eps_machine cond^2 <= 1e-10) and twice as fast as Householder;
    otherwise (cond > 1e3, or a zero column) Householder QR."""
    norms = np.sqrt(np.einsum("ij,ij->j", Z, Z))
    if norms.min() > 0:
        Zs = Z / norms
        R, info = scipy.linalg.lapack.dpotrf(Zs.T @ Zs)
        if info == 0:
            d = np.diag(R)
            if d.min() > CHOLQR_MIN_PIVOT * d.max():
                return Zs @ scipy.linalg.lapack.dtrtri(R)[0]
    return np.linalg.qr(Z)[0]


def _subspace_svd(Z, apply, apply_t, V: np.ndarray, r: int, tol: float, max_sweeps: int):
    """Rank-r truncated SVD of W by block subspace iteration with
    Rayleigh-Ritz from the basis V (n2 x k) and Z = W V: Q = orth(Z), Ritz
    triplets from the k x k Gram of W^T Q, until max_{i<=r} ||W v_i - s_i
    u_i|| <= tol s_1. ``apply(V)`` = W V, ``apply_t(Q)`` = W^T Q. A block
    that has not converged after ``ENLARGE_AFTER`` sweeps (a flat spectrum
    around r, as in the first steps from a random start) is doubled with
    Gaussian columns (fixed seed: the result is deterministic). Returns
    L (n1 x r), M = S_r V_r^T (r x n2), the leading k right Ritz vectors
    (the next start), their singular values and the number of sweeps."""
    k = V.shape[1]
    for sweep in range(1, max_sweeps + 1):
        Q = _orthonormal_basis(Z)
        B = apply_t(Q)                                   # W^T Q, n2 x k
        w, E = np.linalg.eigh(B.T @ B)
        E, sigma = E[:, ::-1], np.sqrt(np.maximum(w[::-1], 0.0))
        L, R = Q @ E[:, :r], B @ E                       # R = W^T Q E = V diag(sigma)
        V = R / np.where(sigma > 0, sigma, 1.0)
        Zr = apply(V[:, :r])
        gap = Zr - L * sigma[:r]
        if np.einsum("ij,ij->j", gap, gap).max() <= (tol * sigma[0]) ** 2 \
                or sweep == max_sweeps:
            break
        if sweep == ENLARGE_AFTER and 2 * V.shape[1] <= min(Q.shape[0], V.shape[0]):
            V = np.hstack([V, np.random.default_rng(0).standard_normal(V.shape)])
        Z = np.empty((Zr.shape[0], V.shape[1]))
        Z[:, :r] = Zr
        Z[:, r:] = apply(V[:, r:])
    return L, R[:, :r].T.copy(), V[:, :k], sigma[:k], sweep


class _MatrixIterate:
    """The AP iterate X = L M of rank <= r and its residual D = X - F (one
    buffer). ``step(eps)`` = one AP step; see the module docstring.

    ``V`` (truncated projection) holds k right vectors to start from; when
    ``sigma`` is given, (L, sigma, V) are Ritz triplets of X (L orthonormal,
    M = diag(sigma) V[:, :r]^T, V orthonormal), so that X V = [L diag(sigma), 0]
    needs no product (were it inexact, only the start of the subspace
    iteration would change, never its Ritz values)."""

    def __init__(self, F, r, L, M, V, projection, sigma=None):
        self.F, self.r, self.V, self.sigma = F, r, V, sigma
        self.full = projection == "full"
        self.sweeps = 0
        self.projection_s = self.residual_s = 0.0
        self._D = np.empty_like(F)
        if not self.full:
            self._above = np.empty(F.shape, dtype=bool)
            self._below = np.empty(F.shape, dtype=bool)
            # scipy.sparse keeps 32-bit indices when they fit (and converts otherwise)
            self._index_type = np.int32 if F.size < 2 ** 31 else np.int64
        self._set(L, M)

    def _set(self, L, M) -> None:
        t0 = time.perf_counter()
        self.L, self.M = L, M
        D = np.matmul(L, M, out=self._D)
        D -= self.F
        self.error = max(float(D.max()), -float(D.min()))
        self.residual_s += time.perf_counter() - t0

    def _dense_w(self, eps):
        W = np.clip(self._D, -eps, eps, out=self._D)
        W += self.F
        return W

    def step(self, eps: float) -> float:
        t0 = time.perf_counter()
        if self.full:
            U, s, Vt = np.linalg.svd(self._dense_w(eps), full_matrices=False)
            L, M = U[:, :self.r].copy(), s[:self.r, None] * Vt[:self.r]
        else:
            L, M, self.V, self.sigma, sweeps = _subspace_svd(*self._operator(eps), self.V,
                                                             self.r, SWEEP_TOL, MAX_SWEEPS)
            self.sweeps += sweeps
        self.projection_s += time.perf_counter() - t0
        self._set(L, M)
        return self.error

    def _operator(self, eps):
        """W = F + clip(D) as products, dense or X + S with S sparse, and the
        first product W V."""
        D, above, below, V = self._D, self._above, self._below, self.V
        np.greater(D, eps, out=above)
        np.less(D, -eps, out=below)
        np.logical_or(above, below, out=above)
        index = np.flatnonzero(above)
        if index.size > DENSE_FRACTION * D.size:
            W = self._dense_w(eps)
            return W @ V, (lambda V: W @ V), (lambda Q: W.T @ Q)
        n1, n2 = D.shape
        index = index.astype(self._index_type)
        excess = D.ravel()[index]
        excess -= np.copysign(eps, excess)                # (X - F) - clip(X - F)
        rows, cols = np.divmod(index, self._index_type(n2))
        indptr = np.searchsorted(rows, np.arange(n1 + 1, dtype=self._index_type))
        S = _Sparse(-excess, cols, indptr.astype(self._index_type), (n1, n2))
        L, M, r = self.L, self.M, self.r
        Z = S.matmul(V)
        if self.sigma is None:
            Z += L @ (M @ V)
        else:
            Z[:, :r] += L * self.sigma[:r]
        return (Z, (lambda V: L @ (M @ V) + S.matmul(V)),
                (lambda Q: M.T @ (L.T @ Q) + S.rmatmul(Q)))

    def snapshot(self):
        """The current factors (never modified in place)."""
        return self.L, self.M


# --- the binary search ------------------------------------------------------

def _binary_search(it, c1, c2, c3, c4, max_steps, exact, callback):
    """The reference's binary search on eps over AP steps of ``it``;
    returns (best snapshot, lo, hi, outer, steps, stop)."""
    err_pre = hi = it.error
    lo, best, outer, steps = 0.0, it.snapshot(), 0, 0
    while True:
        width = hi - lo
        if hi <= exact:
            return best, lo, hi, outer, steps, "exact"
        if width < c1 * hi:
            return best, lo, hi, outer, steps, "bracket"
        if steps >= max_steps:
            return best, lo, hi, outer, steps, "max_steps"
        eps = 0.5 * (lo + hi)
        outer += 1
        while steps < max_steps:
            err = it.step(eps)
            steps += 1
            if err < hi:
                hi, best = err, it.snapshot()
            stalled = err > err_pre * (1.0 - c2)
            if stalled and err > lo + width * c3:
                lo += width * c4
            if callback is not None and callback(APProgress(steps, outer, eps, err, lo, hi)):
                return best, lo, hi, outer, steps, "callback"
            if stalled:
                break
            err_pre = err


# --- public functions -------------------------------------------------------

def _check_parameter(name, value, lower, upper, upper_open=True) -> float:
    value = float(value)
    if not (lower < value and (value < upper if upper_open else value <= upper)):
        bracket = ")" if upper_open else "]"
        raise DomainError(f"{name} must lie in ({lower}, {upper}{bracket}, got {value!r}")
    return value


def _checked_ranks(F: np.ndarray, rank) -> tuple:
    ranks = normalize_tt_ranks(rank, F.ndim)
    for k, (r, cap) in enumerate(zip(ranks, max_tt_ranks(F.shape))):
        if r > cap:
            what = "min(n1, n2)" if F.ndim == 2 else f"the size of unfolding {k + 1}"
            raise DomainError(f"rank {r} exceeds {what} = {cap} for shape {F.shape}")
    return ranks


def _seed(seed):
    if seed is None:
        seed = int(np.random.SeedSequence().entropy)
    if isinstance(seed, np.random.Generator):
        return seed, None
    if isinstance(seed, (bool, np.bool_)) or not isinstance(seed, (int, np.integer)) \
            or seed < 0:
        raise DomainError(f"seed must be a non-negative integer, None or a Generator, "
                          f"got {seed!r}")
    return np.random.default_rng(int(seed)), int(seed)


def _matrix_svd_result(F, r, norm, t0) -> ApproximationResult:
    U, s, Vt = _truncated_svd(F, r)
    G_U, G_V = U * s, Vt.T
    error = _max_abs_difference(G_U @ G_V.T, F)
    return ApproximationResult("svd", F.shape, r, error, norm,
                               timings={"total_s": time.perf_counter() - t0},
                               factors=(G_U, G_V))


def _max_abs_difference(G, F) -> float:
    G -= F
    return max(float(G.max()), -float(G.min()))


def truncated_svd_approximation(F, rank: int) -> ApproximationResult:
    """The truncated SVD F_r = U_r S_r V_r^T (optimal in the Frobenius and
    spectral norms, Eckart-Young) with its entrywise error ||F - F_r||_max:
    the baseline budzinskiy2025 §7.2 compares alternating projections with
    (there "5-10x worse"). Exact to rounding (LAPACK gesdd, or ARPACK with
    tol=0 for a few triplets of a large matrix). Same as
    ``max_norm_approximation(F, rank, method="svd")`` for a matrix.

    Raises DomainError for data that are not a finite real matrix, or
    rank < 1 or rank > min(n1, n2).

    >>> F = np.outer(np.arange(1.0, 4.0), np.ones(3)) + np.eye(3)
    >>> res = truncated_svd_approximation(F, 3)
    >>> res.method, res.error < 1e-12
    ('svd', True)
    """
    if np.ndim(F) != 2:
        raise DomainError(f"expected a matrix, got an array of order {np.ndim(F)}")
    return max_norm_approximation(F, rank, method="svd")


def max_norm_approximation(F, rank, *, method: str = "ap", start: str = DEFAULT_START,
                           seed=None, c1: float = C1, c2: float = C2, c3: float = C3,
                           c4: float = C4, projection: str = "truncated",
                           max_steps: int = MAX_STEPS,
                           callback: Optional[Callable[[APProgress], object]] = None,
                           blas_threads: Optional[int] = 1) -> ApproximationResult:
    """A rank-``rank`` approximation G of F with small ||F - G||_max, by
    alternating projections between M_r and B_eps(F) with a binary search
    on eps (budzinskiy2025 §7.1; the algorithm and every option are in the
    module docstring), or the SVD baseline.

    F is a real matrix (rank r: rank G <= r) or a tensor of order d >= 3
    (TT rank of G <= ``rank``: an int r for (r, ..., r) or d - 1 ints;
    projection by the TT-SVD, Oseledets 2011). ``method="ap"`` (default)
    or ``"svd"`` (truncated SVD / TT-SVD, no iteration). ``start`` is
    ``"svd"`` (default, ``DEFAULT_START``) or ``"random"`` (the reference's
    Gaussian factors from ``numpy.random.default_rng(seed)``; ``seed=None``
    draws one and records it in the result). (c1, c2, c3, c4) are the
    search parameters (defaults are the reference's). ``projection`` is
    ``"truncated"`` (default; warm-started subspace iteration for matrices,
    Gram-based TT-SVD for tensors) or ``"full"`` (a full SVD per step, as
    the reference). ``max_steps`` caps the AP steps; ``callback(progress)``
    is called after every step with an ``APProgress`` and stops the search
    by returning True. ``blas_threads`` limits BLAS to that many threads
    during the iteration (default 1, measured faster: ``blas_threads``;
    ``None`` leaves the limit as it is).

    Returns an ``ApproximationResult``: the best iterate, its measured
    error (= the bracket's upper end), the heuristic bracket, iteration
    counts and timings. Raises DomainError for data that are not a finite
    real array of order >= 2, a rank < 1, a rank above min(n1, n2) (above
    the size of an unfolding for tensors), a rank list of the wrong length,
    an unknown method, start or projection, or parameters out of range
    (c1, c2, c4 in (0, 1), c3 in (0, 1], max_steps >= 1).

    >>> A = np.random.default_rng(1).standard_normal((30, 3))
    >>> res = max_norm_approximation(A @ A.T, 3, start="random", seed=2)
    >>> res.relative_error < 1e-8, res.stop
    (True, 'exact')
    """
    t0 = time.perf_counter()
    F = _check_tensor(F)
    ranks = _checked_ranks(F, rank)
    if method not in ("ap", "svd"):
        raise DomainError(f"method must be 'ap' or 'svd', got {method!r}")
    if start not in ("svd", "random"):
        raise DomainError(f"start must be 'svd' or 'random', got {start!r}")
    if projection not in ("truncated", "full"):
        raise DomainError(f"projection must be 'truncated' or 'full', got {projection!r}")
    parameters = {"c1": _check_parameter("c1", c1, 0, 1), "c2": _check_parameter("c2", c2, 0, 1),
                  "c3": _check_parameter("c3", c3, 0, 1, upper_open=False),
                  "c4": _check_parameter("c4", c4, 0, 1)}
    if isinstance(max_steps, (bool, np.bool_)) or not isinstance(max_steps, (int, np.integer)) \
            or max_steps < 1:
        raise DomainError(f"max_steps must be an integer >= 1, got {max_steps!r}")
    if blas_threads is not None and (isinstance(blas_threads, (bool, np.bool_)) or not
                                     isinstance(blas_threads, (int, np.integer))
                                     or blas_threads < 1):
        raise DomainError(f"blas_threads must be an integer >= 1 or None, got {blas_threads!r}")
    norm = max(float(F.max()), -float(F.min()))
    matrix = F.ndim == 2
    rank_out = ranks[0] if matrix else ranks
    if method == "svd":
        if matrix:
            return _matrix_svd_result(F, ranks[0], norm, t0)
        cores = tt_svd(F, ranks)
        error = _max_abs_difference(tt_full(cores), F)
        return ApproximationResult("tt-svd", F.shape, ranks, error, norm,
                                   timings={"total_s": time.perf_counter() - t0},
                                   cores=tuple(cores))
    rng, seed = _seed(seed)
    if start == "svd":
        seed = None                     # the svd start uses no random numbers
    with limit_blas_threads(blas_threads):
        it = (_matrix_start if matrix else _tensor_start)(F, ranks, start, rng, projection,
                                                          norm)
        t_start = time.perf_counter() - t0
        exact = EXACT_FACTOR * np.finfo(float).eps * float(np.linalg.norm(F))
        best, lo, hi, outer, steps, stop = _binary_search(
            it, parameters["c1"], parameters["c2"], parameters["c3"], parameters["c4"],
            int(max_steps), exact, callback)
    if matrix:
        factors, cores = (best[0], best[1].T), None
        G = factors[0] @ factors[1].T
    else:
        factors, cores = None, tuple(best)
        G = tt_full(best)
    error = _max_abs_difference(G, F)
    timings = {"total_s": time.perf_counter() - t0, "start_s": t_start,
               "projection_s": it.projection_s, "residual_s": it.residual_s}
    return ApproximationResult("ap" if matrix else "ap-tt", F.shape, rank_out, error, norm,
                               bracket=(lo, hi),
                               start=start, seed=seed, outer_iterations=outer,
                               inner_iterations=steps, stop=stop, projection=projection,
                               sweeps=it.sweeps if matrix and projection == "truncated"
                               else None,
                               parameters=parameters, timings=timings, factors=factors,
                               cores=cores)


def _matrix_start(F, ranks, start, rng, projection, norm):
    r = ranks[0]
    n1, n2 = F.shape
    k = min(r + OVERSAMPLING, n1, n2)
    if norm == 0:                       # F = 0 is its own approximant
        return _MatrixIterate(F, r, np.zeros((n1, r)), np.zeros((r, n2)),
                              np.eye(n2, k), projection)
    if start == "random":
        L = rng.standard_normal((n1, r)) / math.sqrt(r)
        M = rng.standard_normal((r, n2)) / math.sqrt(r)
        V = None
        if projection == "truncated":
            V = np.linalg.qr(np.hstack([M.T, rng.standard_normal((n2, k - r))]))[0]
        return _MatrixIterate(F, r, L, M, V, projection)
    U, s, Vt = _truncated_svd(F, k if projection == "truncated" else r)
    return _MatrixIterate(F, r, U[:, :r].copy(), s[:r, None] * Vt[:r],
                          Vt.T.copy() if projection == "truncated" else None, projection, s)


def _tensor_start(F, ranks, start, rng, projection, norm):
    if norm == 0:
        cores = [np.zeros(s) for s in zip((1, *ranks), F.shape, (*ranks, 1))]
    elif start == "random":
        cores = random_tt_cores(F.shape, ranks, rng)
    else:
        cores = tt_svd(F, ranks)
    return TTIterate(F, ranks, cores, projection)
