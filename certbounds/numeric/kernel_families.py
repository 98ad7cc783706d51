"""The kernel matrices of webb2025 Section 6, with what their bounds need.

Each family is a matrix A_ij = K(x_i, y_j) of an analytic kernel, the
intervals that the theory uses (the y samples lie in E = [c, d], the
singularities of K(x, .) in F = [a, b]), and the catalogue statement whose
certified value bounds ||A - A_n||_2 for the rational interpolant A_n of
rank n (webb2025 Theorem 1.1 made computable; formula sheet sections 6 and
9):

==================  =====================================  ==========================
family              kernel, points (defaults: the figure)   bound (catalogue id)
==================  =====================================  ==========================
``cauchy``          1/(x + y), x in [1, 70], y in [2, 100]  (6.4)  ||A||_2 Z_n
                    (Fig. 3 left)
``cauchy_tensor``   1/(w + x + y): rows = the sums w_i+x_j  (6.8)  ||T||_2 Z_n
                    (Fig. 3 right)
``log_cauchy``      log(x + y), x, y in [1, 100] random     (6.15) (N/2) log((d+c)/2c)
                    with the ends included (Fig. 4)                Z_{n-1}, rank n >= 1
``twisted_hankel``  H_0^(1)(xy) e^{-ixy}, y = j_{0,k},      (6.22) (N/pi) log(d/c)
                    x = j_{0,k}/j_{0,N+1} (Fig. 5)                 Z_{n-1}, rank n >= 1
``beta_cauchy``     B(x + y + s, t), x, y in {0..N}         (6.36)
                    (Fig. 1: s = t = 1/2, the matrix (1.1))
==================  =====================================  ==========================

The norms that the bounds contain are certified: ||A||_2 of the Cauchy
matrix and tensor by ``certified.matrix_norm`` from the exact points, the
dual and Cauchy-transform norms of (6.13), (6.20), (6.34), (6.35) exactly in
the catalogue (e.g. the exact sum of B(y+s, t)^2, not the code's truncated
series). Where the author's code uses another constant (formula sheet
section 10), ``published`` records it beside the proved one.

Points are floats; every exact quantity derived from them (interval ends,
the parameters of a bound) is the exact rational value of those floats.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Callable, Optional

import numpy as np
import scipy.special
from flint import arb, arb_mat, ctx

from ..certified.ball import Ball
from ..certified.evaluate import evaluate
from ..certified.exact import NEG_INF
from ..certified.matrix_norm import spectral_norm_nonnegative
from ..errors import DomainError
from ..symbolic.catalogue import get_statement
from . import rational_interpolation

__all__ = ["KernelFamily", "FAMILIES", "kernel_family", "cauchy", "cauchy_tensor",
           "log_cauchy", "twisted_hankel", "beta_cauchy", "motivating_matrix"]


@dataclass(frozen=True)
class KernelFamily:
    """A kernel matrix of webb2025 Section 6 and its certified bound.

    ``A`` (M x N) = K(x_i, y_j) with ``kernel(X, Y)`` vectorised (numpy
    broadcasting); ``E`` = (c, d) and ``F`` = (a, b) are exact intervals
    (Fractions, or ``NEG_INF``) with the y samples in E and the
    singularities of every K(x, .) in F: nodes go in E, poles in F.
    ``statement`` and ``values`` give the certified bound on ||A - A_n||_2
    at rank n (``bound(n)``). ``rank_offset`` is 1 when that bound belongs
    to an interpolant with n - 1 Zolotarev nodes plus Lemma 3.5's extra node
    ``extra_node`` (F unbounded with Lebesgue measure: (6.15), (6.22)), 0
    otherwise. ``published`` holds the constants of the author's code that
    differ from the proved ones (formula sheet section 10), ``parameters``
    what defines the instance (sizes, seed).
    """

    name: str
    title: str
    kernel: Callable = field(repr=False)
    x: np.ndarray = field(repr=False)
    y: np.ndarray = field(repr=False)
    A: np.ndarray = field(repr=False)
    E: tuple = ()
    F: tuple = ()
    statement: str = ""
    values: dict = field(default_factory=dict)
    rank_offset: int = 0
    extra_node: Optional[float] = None
    published: dict = field(default_factory=dict)
    parameters: dict = field(default_factory=dict)
    _cache: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def shape(self) -> tuple:
        return self.A.shape

    def singular_values(self) -> np.ndarray:
        """The singular values of A, decreasing (LAPACK, computed once)."""
        if "sv" not in self._cache:
            self._cache["sv"] = np.linalg.svd(self.A, compute_uv=False)
        return self._cache["sv"]

    def best_error(self, rank: int) -> float:
        """sigma_{rank+1}(A) = min ||A - B||_2 over rank(B) <= rank
        (Eckart-Young), 0 beyond the size."""
        s = self.singular_values()
        return float(s[rank]) if rank < s.size else 0.0

    def bound(self, rank: int) -> Optional[Ball]:
        """The certified bound of ``statement`` on ||A - A_rank||_2, or None
        where the statement gives none (rank 0 when ``rank_offset`` is 1:
        the Cauchy-Zolotarev number ZZ_0 is infinite, Lemma 3.5)."""
        _size(rank, 0, "rank")
        if rank < self.rank_offset:
            return None
        key = ("bound", int(rank))
        if key not in self._cache:
            ev = evaluate(get_statement(self.statement), {**self.values, "n": int(rank)})
            self._cache[key] = ev["error"]
        return self._cache[key]

    def constants(self) -> tuple:
        """(Kp_norm, C_norm): exact upper bounds on ||K'|| and on the norm
        that multiplies Z_n in the family's bound (the certified ||A||_2
        for the Cauchy families, with ||K'|| = 1; the catalogue's (6.13),
        (6.14), (6.20), (6.21), (6.34), (6.35) otherwise), as Fractions."""
        if "constants" not in self._cache:
            if "A_norm" in self.values or "T_norm" in self.values:
                norm = self.values.get("A_norm", self.values.get("T_norm"))
                self._cache["constants"] = (Fraction(1), Fraction(norm))
            else:
                ev = evaluate(get_statement(self.statement), {**self.values, "n": 1})
                self._cache["constants"] = (Fraction(ev["Kp_norm"].upper),
                                            Fraction(ev["C_norm"].upper))
        return self._cache["constants"]

    def little_reade_bound(self, rank: int) -> Optional[Ball]:
        """The certified Little-Reade bound (webb2025 Proposition 5.3 in the
        form of Remark 5.4, F real) on ||A - A_rank||_2 for the Chebyshev
        interpolant: Kp C 2 R^-n / (1 + R^-2n) with n = rank - rank_offset
        (plus Lemma 3.5's node where F is unbounded), R of E = [c, d] and
        b = max F; None below ``rank_offset``."""
        _size(rank, 0, "rank")
        if rank < self.rank_offset:
            return None
        key = ("little-reade", int(rank))
        if key not in self._cache:
            Kp, Cn = self.constants()
            ev = evaluate(get_statement("webb2025:rem5.4"),
                          {"b": self.F[1], "c": self.E[0], "d": self.E[1],
                           "n": int(rank) - self.rank_offset, "Kp_norm": Kp, "C_norm": Cn})
            self._cache[key] = ev["error"]
        return self._cache[key]

    def nodes(self, rank: int, kind: str = "zolotarev") -> tuple:
        """(nodes, poles) of the rank-``rank`` interpolant of the figures
        (formula sheet section 9): ``"zolotarev"``, the Zolotarev nodes in E
        and poles in F of Theorem 5.2 (of degree rank - 1 plus Lemma 3.5's
        node, moved by (n mod 2)/2 as the author's code does, where
        ``rank_offset`` is 1); ``"chebyshev"``, first-kind Chebyshev points
        on E (likewise plus the extra node), no poles; ``"zolotarev-plain"``,
        degree-rank Zolotarev nodes and poles without the extra node (Fig.
        4's "suboptimal" curve)."""
        _size(rank, 0, "rank")
        if kind not in NODE_KINDS:
            raise DomainError(f"unknown nodes {kind!r}; choose one of {', '.join(NODE_KINDS)}")
        extra = self.extra_node if kind != "zolotarev-plain" and self.rank_offset else None
        n = int(rank) - (1 if extra is not None else 0)
        if n < 0:
            return np.empty(0), np.empty(0)
        if kind == "chebyshev":
            nodes = rational_interpolation.chebyshev_nodes(float(self.E[0]), float(self.E[1]), n)
            poles = np.empty(0)
            rule = "none"
        else:
            nodes, poles = rational_interpolation.zolotarev_nodes(self.E, self.F, n)
            rule = "paper"
        if extra is not None:
            nodes = rational_interpolation.with_extra_node(nodes, extra, rule=rule)
        return nodes, poles

    def interpolation_error(self, nodes, poles=()) -> float:
        """||A - A_n||_2 (floating point, measured) for the interpolant at
        ``nodes`` with ``poles``; no nodes: A_n = 0, the error is ||A||_2."""
        if len(nodes) == 0:
            return float(self.singular_values()[0])
        return rational_interpolation.interpolation_error(self.kernel, self.x, self.y, nodes,
                                                          poles)

    def provenance(self) -> dict:
        return {"family": self.name, "shape": list(self.A.shape), "E": _interval_text(self.E),
                "F": _interval_text(self.F), "statement": self.statement,
                "values": {k: str(v) for k, v in self.values.items()},
                "rank_offset": self.rank_offset, "extra_node": self.extra_node,
                "published": self.published, **self.parameters}

    def __repr__(self) -> str:
        return (f"KernelFamily({self.name}, {self.A.shape[0]}x{self.A.shape[1]}, "
                f"E={_interval_text(self.E)}, F={_interval_text(self.F)}, "
                f"bound {self.statement})")


#: The node choices of ``KernelFamily.nodes``.
NODE_KINDS = ("zolotarev", "chebyshev", "zolotarev-plain")


def _interval_text(interval) -> list:
    return [str(v) if not isinstance(v, Fraction) else _fraction_text(v) for v in interval]


def _fraction_text(q: Fraction) -> str:
    return str(q.numerator) if q.denominator == 1 else repr(float(q)) \
        if Fraction(float(q)) == q else str(q)


def _points(values, name: str) -> np.ndarray:
    """A 1-d array of finite real floats, at least one."""
    try:
        array = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise DomainError(f"{name} must be real numbers") from None
    if array.ndim != 1 or array.size == 0:
        raise DomainError(f"{name} must be a non-empty list of numbers")
    if not np.all(np.isfinite(array)):
        raise DomainError(f"{name} must be finite")
    return array


def _exact(v: float) -> Fraction:
    return Fraction(float(v))


def _disjoint(E: tuple, F: tuple, what: str) -> None:
    """E = (c, d) lies strictly right of F = (a, b)."""
    if not F[1] < E[0]:
        raise DomainError(f"E = [{float(E[0]):g}, {float(E[1]):g}] and F = [{_end(F[0])}, "
                          f"{float(F[1]):g}] overlap or touch: {what}")


def _end(v) -> str:
    return "-inf" if v is NEG_INF else f"{float(v):g}"


def _perron_norm(rows_arb: arb_mat, A: np.ndarray) -> Ball:
    """Certified ||A||_2 of a positive matrix from its exact entries."""
    v = np.linalg.svd(A, full_matrices=False)[2][0]
    return spectral_norm_nonnegative(rows_arb, v)


def _reciprocal_sums(rows, y) -> arb_mat:
    """The arb matrix 1/(row sum + y) with every sum formed exactly (floats
    are dyadic; 128 bits hold the sum of two doubles of these ranges)."""
    with ctx.workprec(128):
        ys = [arb(float(v)) for v in y]
        return arb_mat([[1 / (r + b) for b in ys] for r in rows])


# ---------------------------------------------------------------- families
def cauchy(x=None, y=None) -> KernelFamily:
    """The Cauchy matrix A_jk = 1/(x_j + y_k) of webb2025 (6.1), with the
    certified bound (6.4): ||A - A_n||_2 <= ||A||_2 Z_n([-x_max, -x_min],
    [y_min, y_max]) (Beckermann-Townsend recovered; K' is a reflection of
    norm 1, C = -A). Defaults: Figure 3 (left), x = linspace(1, 70, 100),
    y = linspace(2, 100, 100) (formula sheet section 9). ||A||_2 is
    certified from the exact points and enters the bound by its upper end.

    Raises DomainError unless -X and E = [y_min, y_max] are disjoint.

    >>> fam = cauchy()
    >>> fam.shape, f"{fam.bound(10).mid / fam.singular_values()[0]:.6g}"   # = Z_10
    ((100, 100), '4.52271e-08')
    """
    x = _points(np.linspace(1, 70, 100) if x is None else x, "x")
    y = _points(np.linspace(2, 100, 100) if y is None else y, "y")
    E = (_exact(y.min()), _exact(y.max()))
    F = (-_exact(x.max()), -_exact(x.min()))
    _disjoint(E, F, "the Cauchy kernel 1/(x + y) needs -x_min < y_min")
    A = 1.0 / (x[:, None] + y[None, :])
    with ctx.workprec(128):
        norm = _perron_norm(_reciprocal_sums([arb(float(v)) for v in x], y), A)
    values = {"A_norm": Fraction(norm.upper), "x_min": -F[1], "x_max": -F[0],
              "y_min": E[0], "y_max": E[1]}
    return KernelFamily("cauchy", "Cauchy matrix 1/(x + y) (webb2025 (6.1))",
                        _cauchy_kernel, x, y, A, E, F, "webb2025:eq6.4", values,
                        published={"C_norm": "sigma_1(A) (float)", "Kp_norm": 1},
                        parameters={"A_norm": norm.to_json()})


def _cauchy_kernel(X, Y):
    return 1.0 / (X + Y)


def cauchy_tensor(w=None, x=None, y=None) -> KernelFamily:
    """The Cauchy tensor T_ijk = 1/(w_i + x_j + y_k) of webb2025 (6.5) as its
    (|w| |x|) x |y| unfolding (rows: the sums w_i + x_j, i fastest, as the
    author's code), with the certified bound (6.8): ||T - A_n||_2 <=
    ||T||_2 Z_n([-(w_max + x_max), -(w_min + x_min)], [y_min, y_max])
    (Shi-Townsend recovered). Defaults: Figure 3 (right), w = linspace(1,
    70, 50), x = linspace(1, 199, 50), y = linspace(2, 100, 50).

    Raises DomainError unless F and E are disjoint.
    """
    w = _points(np.linspace(1, 70, 50) if w is None else w, "w")
    x = _points(np.linspace(1, 199, 50) if x is None else x, "x")
    y = _points(np.linspace(2, 100, 50) if y is None else y, "y")
    E = (_exact(y.min()), _exact(y.max()))
    F = (-(_exact(w.max()) + _exact(x.max())), -(_exact(w.min()) + _exact(x.min())))
    _disjoint(E, F, "the Cauchy tensor needs -(w_min + x_min) < y_min")
    sums = (w[:, None] + x[None, :]).ravel(order="F")
    A = 1.0 / (sums[:, None] + y[None, :])
    with ctx.workprec(128):
        exact_sums = [arb(float(a)) + arb(float(b)) for b in x for a in w]
        norm = _perron_norm(_reciprocal_sums(exact_sums, y), A)
    values = {"T_norm": Fraction(norm.upper), "w_min": _exact(w.min()),
              "w_max": _exact(w.max()), "x_min": _exact(x.min()), "x_max": _exact(x.max()),
              "y_min": E[0], "y_max": E[1]}
    return KernelFamily("cauchy-tensor", "Cauchy tensor 1/(w + x + y) (webb2025 (6.5))",
                        _cauchy_kernel, sums, y, A, E, F, "webb2025:eq6.8", values,
                        published={"C_norm": "sigma_1 of the unfolding (float)", "Kp_norm": 1},
                        parameters={"T_norm": norm.to_json(), "sizes": [w.size, x.size, y.size]})


def log_cauchy(N: int = 100, *, seed: int = 0) -> KernelFamily:
    """The log-Cauchy matrix A_ij = log(x_i + y_j) of webb2025 (6.9), with
    x, y = 1 + 99 [0, U_1, ..., U_{N-2}, 1], U uniform (independent draws
    for x then y from ``numpy.random.default_rng(seed)``: the figure's
    points, which the author's code leaves unseeded, sheet section 10 item
    9), so c = 1 and d = 100 exactly. F = [-inf, -1] with Lebesgue measure.
    Certified bound (6.15) at rank n >= 1: (N/2) log((d+c)/(2c))
    Z_{n-1}([-inf, -c], [c, d]), for n - 1 Zolotarev nodes plus Lemma 3.5's
    node w = -c + sqrt(2c(d+c)) (``rank_offset`` 1).

    Raises DomainError for N < 2.
    """
    N = _size(N, 2, "N")
    rng = np.random.default_rng(seed)
    x = 1 + 99 * np.concatenate(([0.0], rng.random(N - 2), [1.0]))
    y = 1 + 99 * np.concatenate(([0.0], rng.random(N - 2), [1.0]))
    c, d = Fraction(1), Fraction(100)
    A = np.log(x[:, None] + y[None, :])
    w = -1 + math.sqrt(2 * 1 * (100 + 1))
    return KernelFamily("log-cauchy", "log-Cauchy matrix log(x + y) (webb2025 (6.9))",
                        _log_kernel, x, y, A, (c, d), (NEG_INF, -c), "webb2025:eq6.15",
                        {"N": N, "c": c, "d": d}, rank_offset=1, extra_node=w,
                        published={"Kp_norm": "sqrt(N)", "C_norm": "(1/2) log((d+c)/(2c)) sqrt(N)"},
                        parameters={"N": N, "seed": seed})


def _log_kernel(X, Y):
    return np.log(X + Y)


def twisted_hankel(N: int = 100) -> KernelFamily:
    """The twisted Hankel transform matrix of webb2025 (6.23):
    A_jk = H_0^(1)(x_j y_k) exp(-i x_j y_k) with y_k = j_{0,k} and
    x_j = j_{0,j} / j_{0,N+1} (zeros of J_0 from scipy, accurate to a few
    ulps; the certified zeros enter the bound through the catalogue).
    K(x, .) is analytic off F = [-inf, 0] (Lebesgue); E = [j_{0,1}, j_{0,N}].
    Certified bound (6.22) at rank n >= 1: (N/pi) log(j_{0,N}/j_{0,1})
    Z_{n-1}([-inf, 0], [j_{0,1}, j_{0,N}]) with the extra node
    w = sqrt(j_{0,1} j_{0,N}). The author's code uses the constant
    (1/2) log((d+c)/(2c)) of (6.14) instead, 14 % smaller for N = 100
    (sheet section 10 item 1): in ``published``.

    Raises DomainError for N < 2.
    """
    N = _size(N, 2, "N")
    zeros = scipy.special.jn_zeros(0, N + 1)
    y, x = zeros[:N], zeros[:N] / zeros[N]
    A = _hankel_kernel(x[:, None], y[None, :])
    c, d = _exact(y[0]), _exact(y[-1])
    code = {"prefactor_code": 0.5 * math.log((y[-1] + y[0]) / (2 * y[0])),
            "prefactor": 0.5 * math.log(y[-1] / y[0])}
    return KernelFamily("twisted-hankel", "twisted Hankel transform H_0^(1)(xy) e^{-ixy} "
                        "(webb2025 (6.23))", _hankel_kernel, x, y, A, (c, d),
                        (NEG_INF, Fraction(0)),
                        "webb2025:eq6.22", {"N": N}, rank_offset=1,
                        extra_node=math.sqrt(y[0] * y[-1]),
                        published={**code, "Kp_norm": "(2/pi) sqrt(N)",
                                   "C_norm_code": "(1/2) log((d+c)/(2c)) sqrt(N)",
                                   "bound_code_over_proved": code["prefactor_code"]
                                   / code["prefactor"]},
                        parameters={"N": N})


def _hankel_kernel(X, Y):
    return scipy.special.hankel1e(0, X * Y)


def beta_cauchy(N: int = 100, s=Fraction(1, 2), t=Fraction(1, 2)) -> KernelFamily:
    """The Beta-Cauchy matrix A_jk = B(j + k + s, t), 0 <= j, k <= N, of
    webb2025 (6.24) (a positive-definite Hankel moment matrix; s = t = 1/2
    is the motivating matrix (1.1) times sqrt(pi)). E = [0, N], F =
    [-inf, -s]. Certified bound (6.36): (sum_j w_j^2)^{1/2} / w_N
    (sum_y B(y+s, t)^2)^{1/2} Z_n([-inf, -s], [0, N]), with the exact sum
    (the author's code truncates it: its C_norm, in ``published``, is
    about 7 % low for N = 100; sheet section 10 item 2). Defaults: Figure 1.

    Raises DomainError for N < 1, s <= 0 or t outside (0, 1).
    """
    N = _size(N, 1, "N")
    s, t = _rational(s, "s"), _rational(t, "t")
    if not s > 0:
        raise DomainError(f"s must be > 0, got {s}")
    if not 0 < t < 1:
        raise DomainError(f"t must be in (0, 1), got {t}")
    x = y = np.arange(N + 1, dtype=float)
    kernel = _beta_kernel(float(s), float(t))
    A = kernel(x[:, None], y[None, :])
    return KernelFamily("beta-cauchy", "Beta-Cauchy matrix B(x + y + s, t) (webb2025 (6.24))",
                        kernel, x, y, A, (Fraction(0), Fraction(N)), (NEG_INF, -s),
                        "webb2025:eq6.36", {"N": N, "s": s, "t": t},
                        published={"C_norm_code": _truncated_cauchy_norm(N, float(s), float(t)),
                                   "Kp_norm": "||w_0..w_N||_2 / w_N (exact)"},
                        parameters={"N": N, "s": str(s), "t": str(t)})


def _beta_kernel(s: float, t: float):
    return lambda X, Y: scipy.special.beta(X + Y + s, t)


def _truncated_cauchy_norm(N: int, s: float, t: float) -> float:
    """The author's C_norm for Figure 1 (sheet section 9): S_y = sum_k w_k /
    (y + s + k) summed over k = 0..2N, then further terms while the next
    term / the partial sum > 1e-4, and (sum_y S_y^2)^{1/2}; an underestimate of the exact
    (sum_y B(y + s, t)^2)^{1/2} (4.66585 against 5.00148 at N = 100,
    s = t = 1/2)."""
    def weight(k: int) -> float:
        return math.exp(math.lgamma(k + 1 - t) - math.lgamma(1 - t) - math.lgamma(k + 1))

    total = 0.0
    for yv in range(N + 1):
        partial = sum(weight(k) / (yv + s + k) for k in range(2 * N + 1))
        k = 2 * N + 1
        while (term := weight(k) / (yv + s + k)) / partial > 1e-4:
            partial += term
            k += 1
        total += partial ** 2
    return math.sqrt(total)


def motivating_matrix(N: int = 100) -> np.ndarray:
    """The matrix (1.1) of webb2025: A_jk = Gamma(j + k + 1/2) / Gamma(j + k + 1),
    0 <= j, k <= N (= B(j + k + 1/2, 1/2) / sqrt(pi), the Beta-Cauchy
    matrix at s = t = 1/2 up to that constant).

    >>> A = motivating_matrix(2)
    >>> float(A[0, 0]) == math.gamma(0.5) / math.gamma(1.0)
    True
    """
    N = _size(N, 0, "N")
    j = np.arange(N + 1, dtype=float)
    S = j[:, None] + j[None, :]
    return np.exp(scipy.special.gammaln(S + 0.5) - scipy.special.gammaln(S + 1))


def _size(N, lowest: int, name: str) -> int:
    if isinstance(N, bool) or not isinstance(N, (int, np.integer)) or N < lowest:
        raise DomainError(f"{name} must be an integer >= {lowest}, got {N!r}")
    return int(N)


def _rational(v, name: str) -> Fraction:
    """An exact rational from an int, Fraction or decimal text (floats are
    taken at their exact binary value)."""
    try:
        return Fraction(v)
    except (TypeError, ValueError, ZeroDivisionError):
        raise DomainError(f"{name} must be a number, got {v!r}") from None


#: The families by name, with their figure defaults.
FAMILIES = {"cauchy": cauchy, "cauchy-tensor": cauchy_tensor, "log-cauchy": log_cauchy,
            "twisted-hankel": twisted_hankel, "beta-cauchy": beta_cauchy}


def kernel_family(name: str, **options) -> KernelFamily:
    """The family ``name`` (a key of ``FAMILIES``) with ``options`` passed on.

    Raises DomainError for an unknown name.
    """
    try:
        factory = FAMILIES[name]
    except KeyError:
        raise DomainError(f"unknown kernel {name!r}; known: {', '.join(FAMILIES)}") from None
    return factory(**options)
