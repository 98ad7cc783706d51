"""Zolotarev numbers of finite point sets by AAA-Lawson (an estimate, NOT certified).

For two disjoint finite sets E, F of complex numbers the Zolotarev number is

    Z_n(E, F) = inf over r in R_{n,n} of sup_E |r| / inf_F |r|

(webb2025 eq. 1.8). For intervals it is known exactly
(``certbounds.certified.zolotarev``); for finite sets it is computed here as
webb2025 does for its Figures 1, 3 (right) and 5 (formula sheet §8.6, after
Trefethen & Wilber, "Computation of Zolotarev rational functions",
arXiv:2408.14092, and the reference ``aaaZolotarev.m``): approximate the sign
function f = -1 on E, +1 on F by a rational r of type (n, n) in the minimax
sense; with tau = max over E u F of |r - f|,

    sigma = (tau / (1 + sqrt(1 - tau**2)))**2,    p = sqrt(1 - tau**2) = (1 - sigma) / (1 + sigma),

and the extremal function phi = (r + p) / (r - p) has its zeros where r = -p
(near E), its poles where r = +p (near F) and sup_E |phi| / inf_F |phi| <= sigma.
This is the equivalence of Zolotarev's third and fourth problems: sigma(tau)
is increasing, so sigma is exactly Z_n(E, F) when r is the minimax
approximation, and an upper estimate for any other r.

**Nothing here is certified.** sigma is an estimate (computed in floating
point from an iteration that may not have converged; the method's authors
rate AAA-Lawson for Zolotarev problems as about 90% reliable). Every result
says so (``certified=False``, ``note``), carries the failures its checks
found, and ``ok`` is False whenever one fired.

The algorithm (what ``aaa_lawson_zolotarev`` does)
---------------------------------------------------
Points are shifted and scaled into the unit disk first (barycentric forms
are invariant under affine maps), and sorted, so the result does not depend
on the order of the input.

1. **AAA phase** (Nakatsukasa, Sete & Trefethen, "The AAA algorithm for
   rational approximation", SIAM J. Sci. Comput. 40 (2018) A1494): n + 1
   greedy steps, each adding the sample point of largest error |r - f| as a
   support point t_j of r(x) = sum_j w_j f_j / (x - t_j) / sum_j w_j / (x - t_j).
   For a sign function plain AAA breaks down: the Loewner matrix
   (f_i - f_j) / (x_i - t_j) vanishes whenever x_i and t_j lie in the same
   set, its smallest singular vector lives on the support points of one set
   only, and r is the constant -1 or +1 (error 2 at every degree, measured).
   So the weights of the E-support points and those of the F-support points
   are each the smallest right singular vector of their own block (the rows
   of the other set), and the scale between the two blocks balances the
   errors on E and on F.

2. **Lawson phase** (Nakatsukasa & Trefethen, "An algorithm for real and
   complex rational minimax approximation", SIAM J. Sci. Comput. 42 (2020)
   A3157): iteratively reweighted least squares on the linearised residual
   f q - p of a type (n, n) pair on the same support points,
   p = sum a_j / (x - t_j), q = sum b_j / (x - t_j), with the weights updated by

       w_i  <-  w_i |err_i| ** damping,

   ``damping`` in (0, 1] (1 is Lawson's classical step; the default 0.9 is
   the value of the reference code). Three changes make it work for the
   sign function, where NT2020's normalisation ||(a, b)|| = 1 collapses to
   a constant r as AAA does (measured):

   * the least-squares problem is normalised by sum_i w_i |q(x_i)|**2 = 1,
     the dual ("d-Lawson") form of Zhang, Yang, Zhang & Li, "A convex dual
     programming for the rational minimax approximation and Lawson's
     iteration" (arXiv:2308.06991). With Q_w an orthonormal basis of the
     weighted barycentric space, its minimisers are eigenvectors of the
     Hermitian matrix G = Q_w^H diag(f) Q_w, because f**2 = 1. The
     eigenvector of the largest eigenvalue is a P small on E, that of the
     smallest a Q small on F, and phi = P / Q is the candidate extremal
     function. Weak duality gives, for every weight vector,
     1 - max |eig G|**2 <= tau_*(E, F)**2, the square of the discrete minimax
     error; the largest such value seen gives ``sigma_lower``, a lower
     estimate of Z_n(E, F) (a bound in exact arithmetic, floating point here);
   * err is the sign error measured in the Zolotarev ratio,
     |phi| / sup_E |phi| on E and inf_F |phi| / |phi| on F (|r - f| itself is
     the constant 1 while phi is no better than a constant, and the weights
     would never move), and the first weights are 1 / |q_AAA|**2 from the
     AAA approximant (1 / (row norm of the Cauchy matrix)**2 when AAA is no
     better than a constant);
   * a safeguard: an iterate whose ratio is more than twice the best one
     sends the weights back to those of the best iterate and halves the
     step (large steps can jump to a poor fixed point; measured for n = 1 at
     cross ratios in the hundreds). The best iterate over all steps is kept.

   ``sign_weights=True`` (default; our reading of the reference's
   sign-constrained variant): the Lawson weights form two measures, one on
   E and one on F, each renormalised to mass 1/2 after every update, and AAA
   weights its least-squares rows by 1/|E| and 1/|F|. E and F are the two
   sides of the sign function and their sizes can differ a lot (webb2025
   Figure 1 has 101 points in E against about a thousand in F).
   ``sign_weights=False``: one measure on E u F, as in plain AAA-Lawson.

3. From the best phi (ratio R, scaled so that sup_E |phi| = 1 / inf_F |phi|)
   the sign approximant is r = p_R (phi - 1) / (phi + 1), p_R = (1 - R) / (1 + R),
   a barycentric rational on the same support points (weights b = P + Q and
   values p_R (P - Q) / (P + Q) in terms of the coefficient vectors). Then
   tau, sigma and p are measured from r as above, and the zeros and poles
   are the solutions of r = -p and r = +p. With r in barycentric form
   (weights w_j, values v_j) these are the roots of sum_j c_j / (x - t_j)
   with c_j = w_j (v_j + p) (zeros) or w_j (v_j - p) (poles): the finite
   eigenvalues of the (n + 2) x (n + 2) arrowhead pencil
   ([[0, c^T], [1, diag(t)]], diag(0, 1, ..., 1)), whose two infinite
   eigenvalues are dropped.

Checks (each failure is one line in ``failures``; ``ok`` is False if any)
-------------------------------------------------------------------------
* ``lawson:`` convergence. Accepted when the weak-duality lower estimate is
  within GAP_TOLERANCE = 5% of sigma (then sigma is within 5% of the
  discrete Z_n in exact arithmetic), or else: for real sets, when the error
  curve equioscillates, i.e. e = f - r, sorted along the line, alternates
  in sign at 2n + 2 points with |e| >= (1 - LEVEL_TOLERANCE) tau,
  LEVEL_TOLERANCE = 0.02 (the alternation theorem of rational minimax
  approximation; ``equioscillation`` is the level reached over tau); for
  complex sets, where no alternation theorem holds, when the best sigma
  improved by less than STAGNATION_TOLERANCE = 1e-3 (relative) over the
  last fifth of the Lawson steps (at least 10). No approximant better than
  the constant r = 0 (tau = 1, sigma = 1) is a failure too, unless f itself
  alternates at n + 2 points: then r = 0 is the minimax (the alternation
  theorem with defect n) and sigma = Z_n = 1 is right (sets that alternate
  more than 2n times, e.g. even against odd integers).
* ``froissart:`` spurious zeros and poles of phi: a zero and a pole closer
  together than DOUBLET_TOLERANCE = 1e-2 times their distance to the
  nearest sample point (the pair changes |phi| on the samples by about 1%:
  it is numerically cancelled); a pole ten times (1 / AMONG_FACTOR) closer
  to E than to F, or a zero ten times closer to F than to E; fewer than n
  finite zeros or poles.
* ``hull:`` Z_n(E, F) <= Z_n(hull E, hull F) for real sets with disjoint
  hulls (the latter certified, ``certbounds.certified.zolotarev``), and
  sigma is attained by its r, so sigma above it by more than
  HULL_TOLERANCE = 5% means the iteration failed. Skipped, with the reason
  in ``note``, for complex sets, overlapping hulls or a one-point set.
* ``rounding:`` sigma below ROUNDING_SIGMA = 1e-15 (then 1 - |eig G| is a
  few rounding errors: sigma was right to 0.2% at 6e-15 and 8e-17 and off by
  factors 3 to 1e6 from 1e-18 on, measured on [-3, -1], [2, 5]), or the
  lower estimate above sigma, impossible in exact arithmetic.

Invalid input raises ``certbounds.errors.DomainError``: an empty set,
non-finite or non-numeric points, a point common to E and F, n not an
integer >= 0, fewer than n + 1 distinct points in E u F, damping outside
(0, 1] or a negative number of Lawson steps. n = 0 gives sigma = 1 exactly
(r = 0, the best constant) with no iteration.

>>> import numpy as np
>>> E = np.linspace(-3, -1, 400); F = np.linspace(2, 5, 400)
>>> res = aaa_lawson_zolotarev(E, F, 2)
>>> res.ok, res.certified, round(res.sigma / 7.7761e-4, 2)   # Z_2 of the hulls (sheet §11)
(True, False, 1.0)
>>> res.zeros.round(2), res.poles.round(2)
(array([-2.59, -1.21]), array([2.26, 4.3 ]))
"""

from __future__ import annotations

import math
import operator
import time
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Optional

import numpy as np
import scipy.linalg

from ..errors import CertboundsError, DomainError
from .blas_threads import limit_blas_threads

__all__ = ["DiscreteZolotarev", "aaa_lawson_zolotarev", "barycentric_rational",
           "LAWSON_STEPS", "DAMPING", "LEVEL_TOLERANCE", "GAP_TOLERANCE", "STAGNATION_TOLERANCE",
           "DOUBLET_TOLERANCE", "AMONG_FACTOR", "HULL_TOLERANCE", "ROUNDING_SIGMA"]

#: Lawson steps of the reference ``aaaZolotarev.m``.
LAWSON_STEPS = 300
#: Default damping, as the reference: the weights are multiplied by |err|**damping.
DAMPING = 0.9
#: Equioscillation: 2n + 2 alternating errors within this fraction of tau.
LEVEL_TOLERANCE = 0.02
#: Converged anyway when the weak-duality lower estimate is this close to sigma.
GAP_TOLERANCE = 0.05
#: Complex sets: relative improvement of sigma over the last fifth of the steps.
STAGNATION_TOLERANCE = 1e-3
#: A zero-pole pair closer than this times its distance to the samples is a doublet.
DOUBLET_TOLERANCE = 1e-2
#: A zero this many times closer to F than to E (a pole: to E than to F) is misplaced.
AMONG_FACTOR = 0.1
#: sigma may exceed Z_n of the hulls by this relative amount before it is a failure.
HULL_TOLERANCE = 0.05
#: Below this sigma the computation is at rounding level.
ROUNDING_SIGMA = 1e-15

#: Real parts only when every imaginary part is below this (unit-disk coordinates).
_REAL_TOLERANCE = 1e-10
#: Logarithm floor for weights and errors (exp(-700) is still a normal double).
_LOG_FLOOR = -700.0
#: A Lawson iterate this many times worse than the best one triggers the safeguard.
_BLOWUP = 2.0

_NOTE = ("not certified: sigma is an AAA-Lawson estimate of the discrete Zolotarev "
         "number (floating point, an iteration that may not converge; webb2025 sheet §8.6)")


# ------------------------------------------------------------------ result
@dataclass(frozen=True, eq=False)
class DiscreteZolotarev:
    """An AAA-Lawson estimate of Z_n(E, F) for finite sets E, F (not certified).

    ``sigma``: the estimate, (tau / (1 + sqrt(1 - tau**2)))**2; ``tau``: the
    sup error of the sign approximant r on E u F; ``p = sqrt(1 - tau**2)``;
    ``zeros`` / ``poles``: the solutions of r = -p / r = +p (those of the
    extremal function), sorted (real arrays when all are real up to
    rounding; empty when sigma = 1 and r = 0); ``support_points``,
    ``weights``, ``values``: r in barycentric form,
    r(z) = sum w_j v_j / (z - t_j) / sum w_j / (z - t_j) (evaluate with
    ``r(z)``); ``sigma_lower``: the largest weak-duality lower estimate
    seen; ``attained_ratio``: sup_E |phi| / inf_F |phi| for
    phi = prod (z - zeros) / prod (z - poles), recomputed from the roots;
    ``equioscillation``: the level of the alternating errors over tau (real
    sets; None otherwise); ``hull_zolotarev``: the certified Z_n of the
    hulls (its mid; None when not applicable); ``aaa_tau``: the error after
    the AAA phase; ``history``: the ratio of the Lawson iterate at every
    step; ``converged``, ``ok``, ``failures`` (one line each),
    ``certified`` (always False), ``note``; ``timings`` in seconds.
    """

    n: int
    sigma: float
    tau: float
    p: float
    zeros: np.ndarray = field(repr=False)
    poles: np.ndarray = field(repr=False)
    support_points: np.ndarray = field(repr=False)
    weights: np.ndarray = field(repr=False)
    values: np.ndarray = field(repr=False)
    lawson_steps: int
    converged: bool
    ok: bool
    failures: tuple
    sigma_lower: float
    attained_ratio: float
    equioscillation: Optional[float]
    hull_zolotarev: Optional[float]
    aaa_tau: float
    damping: float
    sign_weights: bool
    history: tuple = field(repr=False, default=())
    timings: dict = field(default_factory=dict, repr=False)
    certified: bool = False
    note: str = _NOTE

    def r(self, z):
        """The sign approximant r at z (array-like; see ``barycentric_rational``)."""
        return barycentric_rational(z, self.support_points, self.weights, self.values)

    def to_json(self) -> dict:
        """JSON-ready scalars and lists (complex numbers as [re, im] pairs)."""
        return {
            "n": self.n, "sigma": self.sigma, "tau": self.tau, "p": self.p,
            "sigma_lower": self.sigma_lower, "attained_ratio": self.attained_ratio,
            "zeros": _json_array(self.zeros), "poles": _json_array(self.poles),
            "support_points": _json_array(self.support_points),
            "weights": _json_array(self.weights), "values": _json_array(self.values),
            "lawson_steps": self.lawson_steps, "damping": self.damping,
            "sign_weights": self.sign_weights, "aaa_tau": self.aaa_tau,
            "equioscillation": self.equioscillation, "hull_zolotarev": self.hull_zolotarev,
            "converged": self.converged, "ok": self.ok, "failures": list(self.failures),
            "certified": self.certified, "note": self.note,
            "history": list(self.history), "timings": dict(self.timings),
        }

    def __repr__(self) -> str:
        state = "ok" if self.ok else "FAILED: " + "; ".join(self.failures)
        return (f"DiscreteZolotarev(n={self.n}, sigma={self.sigma:.6g} (not certified), "
                f"lower estimate {self.sigma_lower:.6g}, tau={self.tau:.6g}, "
                f"{self.lawson_steps} Lawson steps, {state})")


def _json_array(a: np.ndarray) -> list:
    a = np.asarray(a)
    if np.iscomplexobj(a):
        return [[float(v.real), float(v.imag)] for v in a]
    return [float(v) for v in a]


# ------------------------------------------------------------------ input
def _point_set(X, name: str) -> np.ndarray:
    """The distinct points of X, sorted, as a float array (complex if any
    point is not real). Raises DomainError on bad input."""
    try:
        a = np.asarray(X, dtype=complex).ravel()
    except (TypeError, ValueError):
        raise DomainError(f"{name} must be an array of numbers, got {X!r}") from None
    if a.size == 0:
        raise DomainError(f"{name} is empty: a Zolotarev number needs two nonempty sets")
    if not np.all(np.isfinite(a)):
        raise DomainError(f"{name} has non-finite points (inf or nan): map infinity to a "
                          "finite point by a Moebius transformation first")
    a = a.real if np.all(a.imag == 0) else a
    return np.unique(a)  # sorted (lexicographically for complex): order-independent


def _count(value, name: str) -> int:
    """An integer >= 0 (n, or the number of Lawson steps)."""
    if isinstance(value, bool):
        raise DomainError(f"{name} must be an integer >= 0, got {value!r}")
    try:
        count = operator.index(value)
    except TypeError:
        raise DomainError(f"{name} must be an integer >= 0, got {value!r}") from None
    if count < 0:
        raise DomainError(f"{name} must be an integer >= 0, got {count}")
    return count


def _check_damping(damping) -> float:
    damping = float(damping)
    if not 0.0 < damping <= 1.0:
        raise DomainError(f"damping must lie in (0, 1], got {damping}")
    return damping


# ------------------------------------------------------------------ barycentric forms
def barycentric_rational(z, support_points, weights, values):
    """r(z) = sum_j w_j v_j / (z - t_j) / sum_j w_j / (z - t_j), vectorised
    over z (any shape), with r(t_j) = v_j at the support points t_j.

    >>> barycentric_rational([0.0, 0.5, 1.0], [0.0, 1.0], [1.0, -1.0], [2.0, 4.0])
    array([2., 3., 4.])
    """
    z = np.asarray(z)
    t = np.asarray(support_points)
    w = np.asarray(weights)
    v = np.asarray(values)
    flat = z.reshape(-1)
    with np.errstate(divide="ignore", invalid="ignore"):
        C = 1.0 / (flat[:, None] - t[None, :])
        r = (C @ (w * v)) / (C @ w)
    rows, cols = np.nonzero(flat[:, None] == t[None, :])
    r[rows] = v[cols]
    return r.reshape(z.shape)


def _cauchy(x: np.ndarray, idx: np.ndarray) -> np.ndarray:
    """C[i, j] = 1 / (x_i - t_j), t = x[idx]; the row of a support point t_k
    is the unit vector e_k: the limit of (x - t_k) sum_j c_j / (x - t_j),
    so C @ c holds the residue c_k there (consistently for p and q)."""
    t = x[idx]
    with np.errstate(divide="ignore", invalid="ignore"):
        C = 1.0 / (x[:, None] - t[None, :])
    C[idx, :] = 0.0
    C[idx, np.arange(len(idx))] = 1.0
    return C


def _barycentric_roots(t: np.ndarray, c: np.ndarray, count: int) -> np.ndarray:
    """The finite roots of sum_j c_j / (x - t_j): eigenvalues of the arrowhead
    pencil (A, B), A = [[0, c^T], [1, diag(t)]], B = diag(0, 1, ..., 1); of
    its len(t) + 1 eigenvalues two are infinite, so at most ``count`` =
    len(t) - 1 are kept, the most finite ones, and any non-finite dropped."""
    m = len(t)
    size = np.linalg.norm(c)
    if not (np.all(np.isfinite(c)) and size > 0):
        return np.zeros(0, dtype=np.result_type(t, c))
    A = np.zeros((m + 1, m + 1), dtype=np.result_type(t, c))
    A[0, 1:] = c / size
    A[1:, 0] = 1.0
    A[1:, 1:] = np.diag(t)
    B = np.eye(m + 1)
    B[0, 0] = 0.0
    ab = scipy.linalg.eigvals(A, B, homogeneous_eigvals=True)
    alpha, beta = ab[0], ab[1]
    finiteness = np.abs(beta) / np.maximum(np.abs(alpha), np.finfo(float).tiny)
    keep = np.argsort(-finiteness, kind="stable")[:count]
    keep = keep[np.abs(beta[keep]) > 1e3 * np.finfo(float).eps * np.abs(alpha[keep])]
    return alpha[keep] / beta[keep]


def _tidy(roots: np.ndarray):
    """Sorted roots; a real array when every imaginary part is rounding."""
    if np.iscomplexobj(roots) and np.all(np.abs(roots.imag) <= _REAL_TOLERANCE):
        roots = roots.real
    if np.iscomplexobj(roots):
        return roots[np.lexsort((roots.imag, roots.real))]
    return np.sort(roots)


# ------------------------------------------------------------------ AAA phase
def _min_right_vector(B: np.ndarray) -> np.ndarray:
    """A unit vector v minimising ||B v|| (a null vector when B is wide)."""
    rows, cols = B.shape
    if rows == 0:
        return np.ones(cols) / math.sqrt(cols)
    if rows > cols:
        B = np.linalg.qr(B, mode="r")
    _, _, vh = np.linalg.svd(B, full_matrices=True)
    return vh[-1].conj()


def _sign_aaa(x, f, n, row_weights):
    """Greedy AAA for the sign function with block-wise weights (module
    docstring, step 1). Returns the support indices, the barycentric weights
    (the values are f at the support points) and the final error tau."""
    M = len(x)
    isE = f < 0
    free = np.ones(M, dtype=bool)
    error = np.ones(M)                      # |f - r| of the best constant r = 0
    idx: list = []
    weights = np.ones(1)
    for _ in range(n + 1):
        j = int(np.argmax(np.where(free, error, -np.inf)))
        idx.append(j)
        free[j] = False
        sE = f[idx] < 0
        if sE.all() or not sE.any():        # one set only: r is that set's constant
            weights = np.ones(len(idx))
            error = np.abs(f - f[j])
            continue
        C = _cauchy(x, np.array(idx))
        rowsE, rowsF = free & isE, free & ~isE
        bE = _min_right_vector(C[np.ix_(rowsF, sE)] * np.sqrt(row_weights[rowsF])[:, None])
        bF = _min_right_vector(C[np.ix_(rowsE, ~sE)] * np.sqrt(row_weights[rowsE])[:, None])
        DE, DF = C[:, sE] @ bE, C[:, ~sE] @ bF
        with np.errstate(divide="ignore", invalid="ignore"):
            qE = np.abs(DF[rowsE] / DE[rowsE])
            qF = np.abs(DE[rowsF] / DF[rowsF])
        scale = math.sqrt(np.max(qE) / np.max(qF)) if rowsE.any() and rowsF.any() else 1.0
        if not (math.isfinite(scale) and scale > 0):
            scale = 1.0
        best = None
        for sign in (1.0, -1.0):            # the singular vectors' signs are arbitrary
            w = np.zeros(len(idx), dtype=np.result_type(bE, bF))
            w[sE], w[~sE] = sign * scale * bE, bF
            with np.errstate(divide="ignore", invalid="ignore"):
                r = (C @ (w * f[idx])) / (C @ w)
            err = np.abs(f - r)
            err[~np.isfinite(err)] = np.inf
            if best is None or err.max() < best[1].max():
                best = (w, err)
        weights, error = best
    return np.array(idx), weights, float(np.max(error))


# ------------------------------------------------------------------ Lawson phase
def _logsumexp(a: np.ndarray) -> float:
    top = np.max(a)
    return float(top + np.log(np.sum(np.exp(a - top))))


def _normalise(log_mu: np.ndarray, isE: np.ndarray, per_set: bool) -> np.ndarray:
    if per_set:
        out = log_mu.copy()
        for part in (isE, ~isE):
            out[part] -= _logsumexp(out[part]) + math.log(2.0)
        return out
    return log_mu - _logsumexp(log_mu)


def _dual_step(C, log_w, f, isE):
    """One weighted least-squares solve in the dual form (module docstring,
    step 2): coefficient vectors of P (small on E) and Q (small on F), and
    the weak-duality lower bound on tau_**2."""
    sw = np.exp(0.5 * (log_w - np.max(log_w)))
    Qw, Rw = np.linalg.qr(sw[:, None] * C)
    G = Qw.conj().T @ (f[:, None] * Qw)
    lam, Y = np.linalg.eigh(0.5 * (G + G.conj().T))
    up, um = Qw @ Y[:, -1], Qw @ Y[:, 0]
    # 1 - lam_max = 2 ||(Q y)_E||^2 and 1 + lam_min = 2 ||(Q y)_F||^2, without cancellation
    bound_p = 2.0 * np.sum(np.abs(up[isE]) ** 2) * (1.0 + lam[-1])
    bound_m = 2.0 * np.sum(np.abs(um[~isE]) ** 2) * (1.0 - lam[0])
    coef_P = scipy.linalg.solve_triangular(Rw, Y[:, -1], check_finite=False)
    coef_Q = scipy.linalg.solve_triangular(Rw, Y[:, 0], check_finite=False)
    return coef_P, coef_Q, max(min(bound_p, bound_m), 0.0)


def _log_ratio_errors(P, Q, isE):
    """log |phi| on E and -log |phi| on F (phi = P / Q; nan counts as the
    worst value), and their maxima on E and on F, whose sum is the log of
    the ratio sup_E |phi| / inf_F |phi|."""
    with np.errstate(divide="ignore", invalid="ignore"):
        log_phi = np.log(np.abs(P)) - np.log(np.abs(Q))
    log_err = np.where(isE, log_phi, -log_phi)
    log_err[np.isnan(log_err)] = np.inf
    top_E, top_F = np.max(log_err[isE]), np.max(log_err[~isE])
    return log_err, top_E, top_F


def _lawson(x, f, idx, log_w0, steps, exponent, per_set):
    """The Lawson phase; returns the best (ratio, coef_P, coef_Q, log
    scale), the ratio at every step and the best lower bound on tau_**2.

    Safeguard: when an iterate's ratio exceeds BLOWUP times the best one,
    the weights return to those of the best iterate and the exponent is
    halved (Lawson steps are not monotone, and with large steps the ratio
    can jump to a poor fixed point, measured for n = 1 and cross ratios in
    the hundreds)."""
    isE = f < 0
    C = _cauchy(x, idx)
    log_mu = _normalise(np.zeros(len(x)), isE, per_set)
    best = (math.inf, None, None, 0.0)
    best_mu = log_mu
    history = []
    lower = 0.0
    for _ in range(max(steps, 1)):
        coef_P, coef_Q, bound = _dual_step(C, log_mu + log_w0, f, isE)
        lower = max(lower, bound)
        log_err, top_E, top_F = _log_ratio_errors(C @ coef_P, C @ coef_Q, isE)
        ratio = math.exp(min(top_E + top_F, 700.0))
        history.append(ratio)
        if ratio < best[0]:
            best = (ratio, coef_P, coef_Q, 0.5 * (top_E - top_F))
            best_mu = log_mu
        if steps == 0:
            break
        if math.isfinite(best[0]) and not ratio <= _BLOWUP * best[0]:
            log_mu, exponent = best_mu, 0.5 * exponent
            continue
        if math.isfinite(top_E) and math.isfinite(top_F):
            log_err = log_err - np.where(isE, top_E, top_F)
        else:  # phi is infinite at a point of E (or 0 in F): weight those points only
            log_err = np.where(np.isinf(log_err), 0.0, _LOG_FLOOR)
        log_mu = _normalise(log_mu + exponent * np.maximum(log_err, _LOG_FLOOR), isE, per_set)
        log_mu = np.maximum(log_mu, _LOG_FLOOR)
    return best, history, lower


def _sign_approximant(best, m: int):
    """Barycentric weights and values of r = p_R (phi - 1) / (phi + 1) with
    phi = P / (c Q) balanced (module docstring, step 3); the constant r = 0
    when no iterate beat it (ratio >= 1) or the coefficients are not finite."""
    ratio, coef_P, coef_Q, log_scale = best
    if not ratio < 1.0:
        return np.ones(m), np.zeros(m)
    coef_Q = coef_Q * math.exp(log_scale)
    p_R = (1.0 - ratio) / (1.0 + ratio)
    weights = coef_P + coef_Q
    with np.errstate(divide="ignore", invalid="ignore"):
        values = p_R * (coef_P - coef_Q) / weights
    if not (np.all(np.isfinite(weights)) and np.all(np.isfinite(values))):
        return np.ones(m), np.zeros(m)
    return weights, values


# ------------------------------------------------------------------ checks
def _sigma_of_tau(tau: float) -> float:
    if tau >= 1.0:
        return 1.0
    return (tau / (1.0 + math.sqrt(1.0 - tau * tau))) ** 2


def _alternation_level(x: np.ndarray, e: np.ndarray, length: int) -> float:
    """The largest L such that e, sorted along the real line, alternates in
    sign at ``length`` points with |e| >= L (0 when it never does)."""
    order = np.argsort(x, kind="stable")
    e = e[order]
    mags = np.unique(np.abs(e[e != 0]))[::-1]

    def runs(level):
        s = np.sign(e[np.abs(e) >= level])
        return 0 if s.size == 0 else 1 + int(np.count_nonzero(s[1:] != s[:-1]))

    lo, hi = 0, len(mags) - 1         # runs(mags[i]) is non-decreasing in i
    if hi < 0 or runs(mags[hi]) < length:
        return 0.0
    while lo < hi:
        mid = (lo + hi) // 2
        if runs(mags[mid]) >= length:
            hi = mid
        else:
            lo = mid + 1
    return float(mags[lo])


def _log_abs_phi(z, zeros, poles):
    with np.errstate(divide="ignore"):
        return (np.sum(np.log(np.abs(z[:, None] - zeros[None, :])), axis=1)
                - np.sum(np.log(np.abs(z[:, None] - poles[None, :])), axis=1))


def _attained_ratio(xE, xF, zeros, poles) -> float:
    """sup_E |phi| / inf_F |phi| for phi = prod (x - zeros) / prod (x - poles)."""
    log_ratio = np.max(_log_abs_phi(xE, zeros, poles)) - np.min(_log_abs_phi(xF, zeros, poles))
    return math.exp(min(log_ratio, 700.0)) if not math.isnan(log_ratio) else math.inf


def _closer_to(points: np.ndarray, near: np.ndarray, far: np.ndarray) -> np.ndarray:
    """For each point: True when it is AMONG_FACTOR times closer to the set
    ``near`` than to the set ``far`` (it sits among the points of ``near``)."""
    if points.size == 0:
        return np.zeros(0, dtype=bool)
    d_near = np.min(np.abs(points[:, None] - near[None, :]), axis=1)
    d_far = np.min(np.abs(points[:, None] - far[None, :]), axis=1)
    return d_near < AMONG_FACTOR * d_far


def _doublet_failures(x, isE, zeros, poles, n) -> list:
    out = []
    if len(zeros) < n or len(poles) < n:
        out.append(f"froissart: only {len(zeros)} finite zeros and {len(poles)} finite poles "
                   f"for n = {n} (the approximant is degenerate)")
    xE, xF = x[isE], x[~isE]
    pole_in_E = _closer_to(poles, xE, xF)
    if pole_in_E.any():
        out.append(f"froissart: {int(pole_in_E.sum())} pole(s) among the points of E")
    zero_in_F = _closer_to(zeros, xF, xE)
    if zero_in_F.any():
        out.append(f"froissart: {int(zero_in_F.sum())} zero(s) among the points of F")
    if len(zeros) and len(poles):
        gaps = np.abs(zeros[:, None] - poles[None, :])
        mids = 0.5 * (zeros[:, None] + poles[None, :])
        reach = np.min(np.abs(mids[..., None] - x[None, None, :]), axis=2)
        pairs = int(np.count_nonzero(gaps < DOUBLET_TOLERANCE * reach))
        if pairs:
            out.append(f"froissart: {pairs} zero-pole pair(s) numerically cancelled "
                       f"(distance < {DOUBLET_TOLERANCE:g} x distance to the samples)")
    return out


def _hull_check(E: np.ndarray, F: np.ndarray, n: int, sigma: float):
    """(Z_n of the hulls or None, failure or None, reason when skipped)."""
    if np.iscomplexobj(E) or np.iscomplexobj(F):
        return None, None, "the sets are not real"
    hulls = [(Fraction(float(X[0])), Fraction(float(X[-1]))) for X in (E, F)]
    if hulls[0][1] < hulls[1][0] or hulls[1][1] < hulls[0][0]:
        if hulls[0][0] == hulls[0][1] or hulls[1][0] == hulls[1][1]:
            return None, None, "a hull is a single point"
        from ..certified.zolotarev import zolotarev_number

        try:
            bound = zolotarev_number(hulls[0], hulls[1], n)
        except CertboundsError as exc:  # pragma: no cover - disjoint real hulls are valid
            return None, None, f"Z_n of the hulls failed: {exc}"
        upper = float(Fraction(bound.upper))
        failure = None
        if sigma > upper * (1.0 + HULL_TOLERANCE):
            failure = (f"hull: sigma = {sigma:.6g} exceeds Z_n(hull E, hull F) = {bound.mid:.6g} "
                       f"by more than {HULL_TOLERANCE:.0%}, impossible for the minimax "
                       f"approximation")
        return bound.mid, failure, None
    return None, None, "the hulls of E and F overlap"


def _convergence(x, f, r, tau, sigma, sigma_lower, history, order):
    """(converged, equioscillation or None, failures): the ``lawson`` check
    of the module docstring."""
    gap_closed = sigma_lower >= (1.0 - GAP_TOLERANCE) * sigma
    if np.iscomplexobj(x):
        window = max(10, len(history) // 5)
        running = np.minimum.accumulate(history)
        stalled = (len(history) > window
                   and running[-window - 1] - running[-1] <= STAGNATION_TOLERANCE * running[-1])
        if tau >= 1.0:
            return False, None, ["lawson: no approximant better than the constant 0 was "
                                 "found (tau >= 1, sigma = 1)"]
        if gap_closed or stalled:
            return True, None, []
        return False, None, [f"lawson: not converged: sigma still decreased by more than "
                             f"{STAGNATION_TOLERANCE:g} (relative) over the last {window} "
                             f"steps, and the lower estimate {sigma_lower:.4g} is more than "
                             f"{GAP_TOLERANCE:.0%} below sigma"]
    # r = 0 has defect n: it is the minimax when f alternates at n + 2 points
    length = order + 2 if tau >= 1.0 else 2 * order + 2
    equioscillation = _alternation_level(x, f - r, length) / tau if tau > 0 else 0.0
    if gap_closed or equioscillation >= 1.0 - LEVEL_TOLERANCE:
        return True, equioscillation, []
    if tau >= 1.0:
        return False, equioscillation, [
            f"lawson: no approximant better than the constant 0 was found (tau >= 1, "
            f"sigma = 1), and f does not alternate at n + 2 = {length} points"]
    return False, equioscillation, [
        f"lawson: not converged: the error does not equioscillate ({length} alternating "
        f"errors reach only {equioscillation:.3f} tau, need {1 - LEVEL_TOLERANCE:g}), and the "
        f"lower estimate {sigma_lower:.4g} is more than {GAP_TOLERANCE:.0%} below sigma"]


def _rounding_failures(tau, sigma, sigma_lower) -> list:
    out = []
    if tau < 1.0 and sigma < ROUNDING_SIGMA:
        out.append(f"rounding: sigma = {sigma:.3g} is below {ROUNDING_SIGMA:g}, at rounding "
                   "level: the error curve and the roots are noise")
    if sigma_lower > sigma * (1.0 + 1e-6):
        out.append(f"rounding: the lower estimate {sigma_lower:.6g} exceeds sigma = "
                   f"{sigma:.6g}, impossible in exact arithmetic")
    return out


# ------------------------------------------------------------------ driver
def aaa_lawson_zolotarev(E, F, n, *, lawson_steps: int = LAWSON_STEPS,
                         damping: float = DAMPING, sign_weights: bool = True,
                         check_hull: bool = True) -> DiscreteZolotarev:
    """AAA-Lawson estimate of the Zolotarev number Z_n(E, F) of two disjoint
    finite sets (webb2025 eq. 1.8 and formula sheet §8.6; Trefethen-Wilber
    arXiv:2408.14092; AAA of Nakatsukasa-Sete-Trefethen 2018; the Lawson
    phase of Nakatsukasa-Trefethen 2020 in the dual form of
    arXiv:2308.06991). **Not certified**: see the module docstring for the
    algorithm and for every check.

    sigma = (tau / (1 + sqrt(1 - tau**2)))**2 with tau the sup error on E u F
    of a type (n, n) approximation r of the sign function (-1 on E, +1 on F);
    the zeros and poles of the extremal function solve r = -p and r = +p,
    p = sqrt(1 - tau**2).

    E, F: array-likes of real (or complex) numbers, finite, with no common
    point (duplicates are merged). n: an integer >= 0 with n + 1 <= |E u F|.
    ``lawson_steps`` (default 300, as ``aaaZolotarev.m``): Lawson steps taken
    (0: the first weighted least-squares fit, with no reweighting);
    ``damping`` in (0, 1] (default 0.9, the reference's value): the weights
    are multiplied by |err|**damping; ``sign_weights`` (default True): the
    Lawson weights are normalised separately on E and on F; ``check_hull``
    (default True): compare sigma with the certified Z_n of the hulls.

    Returns a ``DiscreteZolotarev``; ``ok`` is False, with one line per
    reason in ``failures``, when a check fails (no convergence, Froissart
    doublets, sigma above Z_n of the hulls, rounding level).

    Raises DomainError for empty sets, non-finite or non-numeric points, E
    and F sharing a point, n not an integer >= 0, n + 1 > |E u F|, damping
    outside (0, 1] or lawson_steps < 0.

    >>> import numpy as np
    >>> E = np.linspace(2, 100, 300); F = np.linspace(-70, -1, 300)
    >>> res = aaa_lawson_zolotarev(E, F, 1)
    >>> res.ok, round(res.sigma / 0.581247, 2)   # Z_1([2, 100], [-70, -1]) (sheet §11)
    (True, 1.0)
    >>> res.zeros.round(2), res.poles.round(2)   # the hulls': 11.88 and -10.38
    (array([11.84]), array([-10.36]))
    """
    start = time.perf_counter()
    order = _count(n, "n")
    steps = _count(lawson_steps, "lawson_steps")
    damping = _check_damping(damping)
    E, F = _point_set(E, "E"), _point_set(F, "F")
    common = np.intersect1d(E, F)
    if common.size:
        raise DomainError(f"E and F share {common.size} point(s), e.g. {common[0]}: "
                          "a Zolotarev number needs disjoint sets")
    Z = np.concatenate([E, F])
    if order + 1 > Z.size:
        raise DomainError(f"n = {order} needs n + 1 = {order + 1} support points, but E u F "
                          f"has only {Z.size} distinct points")
    isE = np.arange(Z.size) < E.size
    if order == 0:
        return _constant_result(E, F, Z, damping, sign_weights, check_hull, start)

    # the unit disk: barycentric forms are invariant under affine maps
    center = (0.5 * (Z.real.max() + Z.real.min()) + 0.5j * (Z.imag.max() + Z.imag.min())
              if np.iscomplexobj(Z) else 0.5 * (Z.max() + Z.min()))
    scale = float(np.max(np.abs(Z - center)))
    x, f = (Z - center) / scale, np.where(isE, -1.0, 1.0)
    with limit_blas_threads(1):
        fit = _fit(x, f, order, steps, damping, sign_weights)
    idx, weights, values, r, tau, sigma, p, zeros, poles = fit["result"]

    sigma_lower = _sigma_of_tau(math.sqrt(min(fit["lower"], 1.0)))
    converged, equioscillation, failures = _convergence(x, f, r, tau, sigma, sigma_lower,
                                                         fit["history"], order)
    failures += _rounding_failures(tau, sigma, sigma_lower)
    if tau < 1.0:  # r = 0 has no zeros or poles to check
        failures += _doublet_failures(x, isE, zeros, poles, order)
    hull, note = None, _NOTE
    if check_hull:
        hull, failure, skipped = _hull_check(E, F, order, sigma)
        failures += [failure] if failure else []
        note += f"; hull check skipped: {skipped}" if skipped else ""
    else:
        note += "; hull check not requested"
    fit["timings"]["total_s"] = time.perf_counter() - start
    return DiscreteZolotarev(
        n=order, sigma=sigma, tau=tau, p=p, zeros=_tidy(center + scale * zeros),
        poles=_tidy(center + scale * poles), support_points=Z[idx], weights=weights,
        values=values, lawson_steps=steps, converged=converged, ok=not failures,
        failures=tuple(failures), sigma_lower=sigma_lower,
        attained_ratio=_attained_ratio(x[isE], x[~isE], zeros, poles),
        equioscillation=equioscillation, hull_zolotarev=hull, aaa_tau=fit["aaa_tau"],
        damping=damping, sign_weights=sign_weights, history=tuple(fit["history"]),
        timings=fit["timings"], note=note)


def _fit(x, f, order, steps, damping, sign_weights) -> dict:
    """AAA, Lawson, the sign approximant, tau, sigma, p and the roots, in the
    unit-disk coordinates x (module docstring, steps 1-3)."""
    start = time.perf_counter()
    isE = f < 0
    row_weights = (np.where(isE, 1.0 / isE.sum(), 1.0 / (~isE).sum()) if sign_weights
                   else np.ones(len(x)))
    idx, aaa_weights, aaa_tau = _sign_aaa(x, f, order, row_weights)
    C = _cauchy(x, idx)
    if aaa_tau < 1.0:
        log_w0 = -2.0 * np.log(np.maximum(np.abs(C @ aaa_weights), 1e-300))
    else:
        log_w0 = -np.log(np.sum(np.abs(C) ** 2, axis=1))
    t_aaa = time.perf_counter()
    best, history, lower = _lawson(x, f, idx, log_w0, steps, damping, sign_weights)
    t_lawson = time.perf_counter()
    weights, values = _sign_approximant(best, len(idx))
    r = barycentric_rational(x, x[idx], weights, values)
    tau = float(np.max(np.abs(r - f)))
    p = math.sqrt(max(1.0 - tau * tau, 0.0))
    alpha = weights * values
    if tau < 1.0:
        zeros = _barycentric_roots(x[idx], alpha + p * weights, order)
        poles = _barycentric_roots(x[idx], alpha - p * weights, order)
    else:
        zeros = poles = np.zeros(0)
    timings = {"aaa_s": t_aaa - start, "lawson_s": t_lawson - t_aaa,
               "roots_s": time.perf_counter() - t_lawson}
    return {"result": (idx, weights, values, r, tau, _sigma_of_tau(tau), p, zeros, poles),
            "aaa_tau": aaa_tau, "history": history, "lower": lower, "timings": timings}


def _constant_result(E, F, Z, damping, sign_weights, check_hull, start):
    """n = 0: the best constant is r = 0, tau = 1 and sigma = Z_0 = 1 exactly."""
    note = _NOTE + "; n = 0: sigma = Z_0 = 1 exactly (the constant r = 0)"
    hull = 1.0 if check_hull and _hull_check(E, F, 0, 1.0)[0] is not None else None
    return DiscreteZolotarev(
        n=0, sigma=1.0, tau=1.0, p=0.0, zeros=np.zeros(0), poles=np.zeros(0),
        support_points=Z[:1], weights=np.ones(1), values=np.zeros(1, dtype=Z.dtype),
        lawson_steps=0, converged=True, ok=True, failures=(), sigma_lower=1.0,
        attained_ratio=1.0, equioscillation=None, hull_zolotarev=hull, aaa_tau=1.0,
        damping=damping, sign_weights=sign_weights, history=(),
        timings={"total_s": time.perf_counter() - start}, note=note)
