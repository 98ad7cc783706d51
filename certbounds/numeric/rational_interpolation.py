"""Rational interpolation with prescribed poles: the low-rank kernels K_n of
webb2025 Section 5, and the nodes the paper's figures use.

The approximant of Theorem 1.1 is K_n = K' C_n (webb2025 eq. 5.1); by the
Hermite formula (Theorem 5.1) K_n(x, .) is the rational interpolant of
K(x, .) at nodes y_1..y_m with prescribed poles p_1..p_n (Lagrange form 5.2).
It is evaluated here in the first barycentric form (5.3):

    K_n(x, y) = phi(y) sum_j lambda_j K(x, y_j) / (y - y_j),
    phi(y) = prod_j (y - y_j) / prod_k (y - p_k),
    lambda_j = 1 / phi'(y_j) = prod_k (y_j - p_k) / prod_{k != j} (y_j - y_k),

and K_n(x, y_j) = K(x, y_j) exactly. For the sample matrix A_ij = K(x_i, y_k)
this gives A_n = U V^T with U = K(x, nodes) (M x m) and V = the basis matrix
(N x m) of the interpolant at the y, so rank A_n <= m whatever K is.

Conventions
-----------
* Nodes are finite and distinct; poles are finite or +-inf, and a pole at
  infinity drops out of the products (so no poles at all is polynomial
  interpolation, as for Chebyshev nodes). There may be fewer poles than
  nodes: m nodes and m - 1 finite poles give the type-(m-1, m-1) interpolant
  of rank m that Lemma 3.5 and Figures 4-5 use. Nodes, poles and samples may
  be complex.
* phi(y) and lambda_j are never formed as plain products: a product of ~100
  factors from intervals like [1, 1e4] over- or underflows. Each is kept as
  sum(log|.|) with a product of signs (unit complex phases when complex),
  as the reference code ``paper_figs.m`` does, and phi(y) lambda_j /
  (y - y_j) is combined in log space before one exp: an entry of the basis
  is finite whenever the interpolant's coefficient is. Unlike the reference
  code, every difference is first divided by a power of 2 near the
  capacity of the nodes (this leaves the basis unchanged), which keeps the
  sums of logarithms small: for 100 nodes on [1, 1e4] the basis is then
  accurate to 1e-14 relative, against 3e-13 without it.
* A sample y that equals a node exactly is an *exact hit*: its row of the
  basis is the unit vector, so the column of A_n is K(x, y_j) bit for bit
  (sheet section 9: "K_k(x, y) = K(x, y) when y is a node").
* Everything is vectorised over all (x, y) at once; the kernel is called
  with numpy broadcasting, K(X, Y) with X of shape (M, 1) and Y of (1, N).

Node choices (formula sheet sections 3, 8.4, 9)
------------------------------------------------
``chebyshev_nodes``  first-kind Chebyshev points on [c, d], no poles
                     (Proposition 5.3, Remark 5.4);
``zolotarev_nodes``  zeros in E and poles in F of the extremal function of
                     Z_n(E, F) (Theorem 5.2, eq. 5.4), certified by
                     ``certbounds.certified.zolotarev`` and rounded;
``lemma35_point``    the extra node w = b + sqrt((d - b)(c - b)) of Lemma 3.5
                     when F = [-oo, b] is unbounded;
``with_extra_node``  the nodes plus w, with the reference code's rule for the
                     odd-n coincidence of w with the middle Zolotarev node.

The Cauchy matrix of Figure 3 (left), coarser, at rank 8, beside its bound
||A||_2 Z_8(E, F) (webb2025 eq. 6.4):

>>> import numpy as np
>>> from certbounds.certified.zolotarev import zolotarev_number
>>> K = lambda X, Y: 1 / (X + Y)
>>> x, y = np.linspace(1, 70, 50), np.linspace(2, 100, 60)
>>> nodes, poles = zolotarev_nodes((2, 100), (-70, -1), 8)
>>> U, V = interpolation_matrix(K, x, y, nodes, poles, factored=True)
>>> U.shape, V.shape
((50, 8), (60, 8))
>>> error = interpolation_error(K, x, y, nodes, poles)
>>> bound = np.linalg.norm(K(x[:, None], y), 2) * zolotarev_number((2, 100), (-70, -1), 8).mid
>>> f"{error:.3e} <= {bound:.3e}"
'1.307e-06 <= 2.018e-06'
"""

from __future__ import annotations

import math
import numbers
from fractions import Fraction
from typing import Callable, NamedTuple

import numpy as np

from ..certified.exact import INF, NEG_INF
from ..certified.zolotarev import zolotarev_nodes_poles
from ..errors import DomainError

__all__ = ["RationalInterpolant", "LogForm", "NodesPoles", "interpolation_matrix",
           "error_matrix", "interpolation_error", "chebyshev_nodes", "zolotarev_nodes",
           "lemma35_point", "with_extra_node", "EXTRA_NODE_RULES", "COINCIDENCE_RTOL"]

#: Rules of ``with_extra_node`` for placing the Lemma 3.5 node w.
EXTRA_NODE_RULES = ("paper", "none")
#: Two nodes closer than this, relative to the largest node modulus, count as
#: one (``with_extra_node``): the interpolant would be Hermite there, and the
#: weights of such a pair are as large as 1 / their distance.
COINCIDENCE_RTOL = 1e-8


class LogForm(NamedTuple):
    """A number (or array) held as log_abs and sign: value = sign * exp(log_abs).
    ``sign`` is +-1 for real values and a unit complex phase for complex
    ones; a zero value has log_abs = -inf."""

    log_abs: np.ndarray
    sign: np.ndarray

    @property
    def value(self) -> np.ndarray:
        """sign * exp(log_abs); may over- or underflow where the number does."""
        return self.sign * np.exp(self.log_abs)


class NodesPoles(NamedTuple):
    """Interpolation nodes and prescribed poles, as float arrays; unpack into
    ``interpolation_matrix(K, x, y, *nodes_poles)``."""

    nodes: np.ndarray
    poles: np.ndarray


# ------------------------------------------------------------ validation
def _points(values, what: str) -> np.ndarray:
    """A 1-D float or complex array of finite values; DomainError otherwise."""
    array = np.atleast_1d(np.asarray(values))
    if array.ndim != 1:
        raise DomainError(f"{what} must be a 1-D array, got shape {array.shape}")
    if array.dtype.kind not in "iufc":
        raise DomainError(f"{what} must be numbers, got dtype {array.dtype}")
    array = array.astype(np.complex128 if array.dtype.kind == "c" else np.float64)
    if not np.all(np.isfinite(array)):
        raise DomainError(f"{what} must be finite, got {array[~np.isfinite(array)][:3]}")
    return array


def _finite_poles(poles) -> np.ndarray:
    """The finite poles; poles at +-inf drop out of (5.3)."""
    array = np.atleast_1d(np.asarray(poles))
    if array.size == 0:
        return np.empty(0)
    if array.ndim != 1 or array.dtype.kind not in "iufc":
        raise DomainError(f"poles must be a 1-D array of numbers, got {array!r}")
    if np.any(np.isnan(array)):
        raise DomainError("a pole is NaN")
    return _points(array[~np.isinf(array)], "poles")


def _split(values: np.ndarray) -> tuple:
    """Elementwise log|v| and sign(v) (v / |v| if complex); 0 gives -inf and
    0 (real) or NaN (complex)."""
    magnitude = np.abs(values)
    with np.errstate(divide="ignore", invalid="ignore"):
        log_abs = np.log(magnitude)
        sign = values / magnitude if np.iscomplexobj(values) else np.sign(values)
    return log_abs, sign


def _quotient(top: tuple, bottom: tuple) -> LogForm:
    """prod(top) / prod(bottom) along the last axis, in log form, from the
    ``_split`` of the factors."""
    return LogForm(top[0].sum(axis=-1) - bottom[0].sum(axis=-1),
                   top[1].prod(axis=-1) / bottom[1].prod(axis=-1))


def _capacity_scale(nodes: np.ndarray) -> float:
    """A power of 2 near the logarithmic capacity of the nodes (a quarter of
    the length of an interval). Every difference in (5.3) is divided by it:
    phi(y) lambda_j / (y - y_j) does not change, and the sums of logarithms
    then stay of order one instead of m log(length), which makes the basis
    about 30 times more accurate for 100 nodes on [1, 1e4] (1e-14 relative
    instead of 3e-13). A power of 2 divides exactly."""
    if nodes.size < 2:
        return 1.0
    spread = float(np.max(np.abs(nodes - nodes.mean()))) / 2
    return 2.0 ** round(math.log2(spread)) if spread > 0 else 1.0


# ------------------------------------------------------------ the interpolant
class RationalInterpolant:
    """The rational interpolant with nodes y_1..y_m and prescribed poles
    p_1..p_n (webb2025 eqs. 5.1-5.3; Theorem 5.1): for values f_j at the
    nodes it is r(y) = sum_j f_j B_j(y), the unique rational function of type
    (m - 1, n) with those poles and r(y_j) = f_j, in the first barycentric form

        B_j(y) = phi(y) lambda_j / (y - y_j),
        phi(y) = prod_j (y - y_j) / prod_k (y - p_k),
        lambda_j = prod_k (y_j - p_k) / prod_{k != j} (y_j - y_k).

    Poles at +-inf drop out; there may be any number of finite poles (none:
    polynomial interpolation). ``basis(y)`` is the matrix B with
    B[k, j] = B_j(y_k), so that K_n(x_i, y_k) = sum_j K(x_i, y_j) B[k, j];
    rows at exact hits y_k = y_j are unit vectors. phi and lambda are
    computed in log form (see the module docstring), with every difference
    divided by a power of 2 near the capacity of the nodes, so 100 nodes on
    [1, 1e4] neither overflow nor underflow and the basis is accurate to
    about 1e-14 relative.

    Raises DomainError for nodes that are not finite or not distinct, a NaN
    pole, or a node equal to a pole.

    >>> r = RationalInterpolant([1.0, 2.0, 4.0], poles=[-1.0, float("inf")])
    >>> r.basis([2.0, 3.0]).round(6)
    array([[ 0.      ,  1.      ,  0.      ],
           [-0.166667,  0.75    ,  0.416667]])
    >>> r.phi([3.0])  # (3 - 1)(3 - 2)(3 - 4) / (3 + 1)
    array([-0.5])
    """

    __slots__ = ("_nodes", "_poles", "_scale", "_scaled_weights")

    def __init__(self, nodes, poles=()):
        nodes = _points(nodes, "nodes")
        poles = _finite_poles(poles)
        if np.unique(nodes).size != nodes.size:
            raise DomainError(f"the nodes must be distinct, got {nodes}")
        if np.any(np.isin(nodes, poles)):
            raise DomainError(f"a node equals a pole: {nodes[np.isin(nodes, poles)]}")
        self._nodes, self._poles = nodes, poles
        self._scale = _capacity_scale(nodes)
        gaps = (nodes[:, None] - nodes[None, :]) / self._scale
        np.fill_diagonal(gaps, 1)
        self._scaled_weights = _quotient(_split((nodes[:, None] - poles[None, :]) / self._scale),
                                         _split(gaps))
        for array in (*self._scaled_weights, nodes, poles):
            array.flags.writeable = False

    @property
    def nodes(self) -> np.ndarray:
        return self._nodes

    @property
    def poles(self) -> np.ndarray:
        """The finite poles."""
        return self._poles

    def _unscaled(self, form: LogForm, power: int) -> LogForm:
        """A quantity computed from differences divided by the scale s, times
        s**power."""
        return LogForm(form.log_abs + power * math.log(self._scale), form.sign)

    @property
    def weights(self) -> LogForm:
        """lambda_j = 1 / phi'(y_j) of (5.3) as log|lambda_j| and sign(lambda_j)."""
        return self._unscaled(self._scaled_weights, self._poles.size - self._nodes.size + 1)

    def _samples(self, y) -> tuple:
        """(hits, split of (y - nodes)/s, phi(y) s**(n - m) in log form), after
        checking that no y is a pole; hits[k, j] is y_k == y_j."""
        y = _points(y, "y")
        to_poles = y[:, None] - self._poles[None, :]
        if np.any(to_poles == 0):
            raise DomainError(f"y = {y[np.any(to_poles == 0, axis=1)][:3]} is a pole "
                              "of the interpolant")
        to_nodes = y[:, None] - self._nodes[None, :]
        gaps = _split(to_nodes / self._scale)
        return to_nodes == 0, gaps, _quotient(gaps, _split(to_poles / self._scale))

    def phi(self, y) -> np.ndarray:
        """phi(y) = prod_j (y - y_j) / prod_k (y - p_k) (webb2025 eq. 5.1),
        exactly 0 at the nodes; may overflow where phi itself does."""
        hits, _, scaled_phi = self._samples(y)
        with np.errstate(invalid="ignore", over="ignore"):
            values = self._unscaled(scaled_phi, self._nodes.size - self._poles.size).value
        values[np.any(hits, axis=1)] = 0
        return values

    def basis(self, y) -> np.ndarray:
        """The len(y) x m matrix B[k, j] = phi(y_k) lambda_j / (y_k - y_j)
        (webb2025 eq. 5.3), each entry combined in log space before one exp;
        a row where y_k is a node y_j is the unit vector e_j.

        Raises DomainError for non-finite y or y at a pole."""
        hits, (log_gap, sign_gap), phi = self._samples(y)
        weights = self._scaled_weights
        with np.errstate(invalid="ignore", divide="ignore"):
            B = (phi.sign[:, None] * weights.sign[None, :] / sign_gap) * np.exp(
                phi.log_abs[:, None] + weights.log_abs[None, :] - log_gap)
        rows, cols = np.nonzero(hits)
        B[rows] = 0
        B[rows, cols] = 1
        return B

    def __repr__(self) -> str:
        return f"RationalInterpolant(m={self._nodes.size} nodes, {self._poles.size} finite poles)"


# ------------------------------------------------------------ matrices
def _kernel_values(K: Callable, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """K(X, Y) on the grid x by y, as an M x N array."""
    values = np.asarray(K(x[:, None], y[None, :]))
    if values.shape == (x.size, y.size):
        return values
    try:
        return np.broadcast_to(values, (x.size, y.size)).copy()
    except ValueError:
        raise DomainError(f"K(X, Y) with X of shape ({x.size}, 1) and Y of shape (1, {y.size}) "
                          f"returned shape {values.shape}: K must broadcast") from None


def interpolation_matrix(K: Callable, x, y, nodes, poles=(), *, factored: bool = False):
    """The matrix A_n[i, k] = K_n(x_i, y_k) of the rational interpolant of
    K(x_i, .) at ``nodes`` with ``poles`` (webb2025 eqs. 5.1-5.3): with
    U = K(x, nodes) (M x m) and V = ``RationalInterpolant(nodes,
    poles).basis(y)`` (N x m), A_n = U V^T, so rank A_n <= m. No nodes give
    A_n = 0 (sheet section 9).

    K is a vectorised callable K(X, Y) with numpy broadcasting (X of shape
    (M, 1), Y of shape (1, N)), real or complex valued. Returns A_n (M x N),
    or the factors (U, V) when ``factored``. Columns at exact hits (y_k a
    node) equal the column of U bit for bit.

    Raises DomainError as ``RationalInterpolant`` and ``basis`` do, and when
    K does not broadcast to the grid.

    >>> import numpy as np
    >>> A1 = interpolation_matrix(lambda X, Y: X * Y ** 2, [1.0, 2.0], [0.0, 1.0, 3.0], [0.0, 1.0])
    >>> A1  # linear interpolation of y**2 at 0 and 1
    array([[0., 1., 3.],
           [0., 2., 6.]])
    """
    x = _points(x, "x")
    interpolant = RationalInterpolant(nodes, poles)
    U = _kernel_values(K, x, interpolant.nodes)
    V = interpolant.basis(y)
    return (U, V) if factored else U @ V.T


def error_matrix(K: Callable, x, y, nodes, poles=()) -> np.ndarray:
    """A - A_n with A[i, k] = K(x_i, y_k) and A_n of ``interpolation_matrix``.
    K is evaluated once on the grid x by (y, nodes), so a column at an exact
    hit is exactly zero even for a kernel whose float values might depend on
    how numpy batches them.

    Raises DomainError as ``interpolation_matrix`` does.

    >>> import numpy as np
    >>> error_matrix(lambda X, Y: 1 / (X + Y), [1.0], [2.0, 3.0, 4.0], [2.0, 4.0])
    array([[ 0.        , -0.01666667,  0.        ]])
    """
    x, y = _points(x, "x"), _points(y, "y")
    interpolant = RationalInterpolant(nodes, poles)
    values = _kernel_values(K, x, np.concatenate([y, interpolant.nodes]))
    A, U = values[:, :y.size], values[:, y.size:]
    return A - U @ interpolant.basis(y).T


def interpolation_error(K: Callable, x, y, nodes, poles=()) -> float:
    """||A - A_n||_2, the spectral norm of ``error_matrix`` (what webb2025's
    figures plot, divided by sigma_1(A); sheet section 9). Computed exactly
    (up to rounding) as the largest singular value by a dense SVD
    (LAPACK gesdd, values only): O(M N min(M, N)) time, meant for moderate
    sizes (on one thread about 1 ms for 100 x 100, 0.03 s for 500 x 500 and
    2 s for 2000 x 2000, where forming the error matrix takes 0.03 s). An
    empty matrix has norm 0.

    Raises DomainError as ``interpolation_matrix`` does.

    >>> interpolation_error(lambda X, Y: X * Y ** 2, [1.0, 2.0], [0.5], [0.0, 1.0])
    0.5590169943749...
    """
    E = error_matrix(K, x, y, nodes, poles)
    if E.size == 0:
        return 0.0
    return float(np.linalg.svd(E, compute_uv=False)[0])


# ------------------------------------------------------------ node choices
def _order(n) -> int:
    """n as an int >= 0 (numpy integers accepted); DomainError otherwise."""
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 0:
        raise DomainError(f"the number of nodes n must be an integer >= 0, got {n!r}")
    return int(n)


def _interval_floats(c, d) -> tuple:
    c, d = float(c), float(d)
    if not (math.isfinite(c) and math.isfinite(d) and c < d):
        raise DomainError(f"an interval [c, d] needs finite c < d, got [{c}, {d}]")
    return c, d


def chebyshev_nodes(c, d, n) -> np.ndarray:
    """The n first-kind Chebyshev points on [c, d] (Chebfun's
    ``chebpts(n, [c, d], 1)``; formula sheet section 9), increasing:

        y_j = (c + d)/2 + (d - c)/2 cos((2j - 1) pi / (2n)),  j = 1..n,

    evaluated as sin(k pi / (2n)) for k = 1 - n, 3 - n, ..., n - 1 (the same
    points, exactly symmetric, the middle one exactly (c + d)/2). They are
    the roots of T_n mapped to [c, d], the interpolant of Proposition 5.3
    and Remark 5.4 (no poles). n = 0 gives no nodes.

    Raises DomainError unless c < d are finite and n is an integer >= 0.

    >>> chebyshev_nodes(-1, 1, 3)  # doctest: +NORMALIZE_WHITESPACE
    array([-0.8660254,  0.       ,  0.8660254])
    """
    c, d, n = *_interval_floats(c, d), _order(n)
    t = np.sin(np.arange(1 - n, n, 2) * np.pi / (2 * n)) if n else np.empty(0)
    return (c + d) / 2 + (d - c) / 2 * t


def _exact_endpoint(v):
    """An endpoint for the certified layer: a float becomes its exact
    rational value (Fraction(float) is lossless), +-inf the exact infinities."""
    if isinstance(v, (float, np.floating)):
        if math.isnan(v):
            raise DomainError("an interval endpoint is NaN")
        if math.isinf(v):
            return INF if v > 0 else NEG_INF
        return Fraction(float(v))
    if isinstance(v, np.integer):
        return int(v)
    return v


def _rational(v) -> Fraction:
    """The exact value of a finite number: a float at its binary value, an
    fmpq or sympy rational through its text; DomainError otherwise."""
    try:
        if isinstance(v, (numbers.Rational, float)):
            return Fraction(v)
        return Fraction(str(v))
    except (ValueError, OverflowError):
        raise DomainError(f"expected a finite number, got {v!r}") from None


def zolotarev_nodes(E, F, n) -> NodesPoles:
    """The zeros (nodes, in E) and poles (in F) of the extremal rational
    function of the Zolotarev number Z_n(E, F) of two disjoint real intervals
    (webb2025 Theorem 5.2, eq. 5.4; formula sheet section 8.4), certified by
    ``certbounds.certified.zolotarev.zolotarev_nodes_poles`` and rounded to
    the nearest floats, each sorted increasingly.

    E and F are intervals (lo, hi) of exact numbers: ints, ``Fraction``s,
    ``fmpq``, the infinities ``INF``/``NEG_INF`` of
    ``certbounds.certified.exact``, or floats, which are taken at their exact
    binary value (``Fraction(0.1)``, not 1/10) and +-inf. One of the two may
    be a half-line (e.g. F = (NEG_INF, -1), Lemma 3.5; the poles stay finite).
    n = 0 gives no nodes and no poles.

    Raises DomainError if the intervals overlap or touch, both reach
    infinity, or n is not an integer >= 0.

    >>> nodes, poles = zolotarev_nodes((2, 5), (-3, -1), 1)
    >>> nodes, poles  # doctest: +ELLIPSIS
    (array([3.0757105...]), array([-1.8029832...]))
    """
    E = tuple(_exact_endpoint(v) for v in E)
    F = tuple(_exact_endpoint(v) for v in F)
    function = zolotarev_nodes_poles(E, F, _order(n))
    return NodesPoles(np.array(function.zeros_float, dtype=float),
                      np.array(function.poles_float, dtype=float))


def lemma35_point(b, c, d) -> float:
    """The extra node w = b + sqrt((d - b)(c - b)) of webb2025 Lemma 3.5: for
    E in [c, d] and F = [-oo, b], phi(z) = z - w makes both endpoint values
    of |log((y - b)/(w - b))| equal to (1/2) log((d - b)/(c - b)) (sheet
    eqs. 3.11-3.13); the figures add it to the nodes (sheet section 9,
    Figs. 4 and 5). (d - b)(c - b) is formed exactly (floats at their binary
    value), then rounded once before the square root.

    Raises DomainError unless b < c < d are finite numbers.

    >>> lemma35_point(-1, 1, 100)  # -1 + sqrt(202), sheet section 11
    13.212670403551895
    """
    b, c, d = (_rational(v) for v in (b, c, d))
    if not b < c < d:
        raise DomainError(f"Lemma 3.5 needs b < c < d, got b={b}, c={c}, d={d}")
    return float(b) + math.sqrt((d - b) * (c - b))


def with_extra_node(nodes, w, *, rule: str = "paper") -> np.ndarray:
    """The nodes plus the Lemma 3.5 point w, sorted increasingly (the rank-
    (n + 1) interpolants of webb2025 Figures 4 and 5; sheet section 9).

    For F = [-oo, b] and odd n the middle Zolotarev node is T(sqrt(k')) = w
    exactly (sheet sections 3 and 8.4), so the proof's phi = (z - w) r_n has
    a double root there: interpolating at it would need Hermite data (sheet
    section 10, item 6). The rules, for n = len(nodes):

    * ``"paper"`` (default): w + (n mod 2)/2 in absolute units, as the
      reference code ``paper_figs.m`` does for the Zolotarev nodes (the
      shift is applied for every odd n, whether or not w coincides, so the
      figures are reproduced exactly). Should the result still lie within
      ``COINCIDENCE_RTOL`` (relative to the largest node modulus) of a node,
      it moves by further steps of +1/2 until it does not. The absolute
      1/2 suits the scale of the paper's intervals ([1, 100], [2.4, 313]),
      not intervals of width below about 1.
    * ``"none"``: w itself (the figures' Chebyshev-plus-w curves); a
      coincidence within ``COINCIDENCE_RTOL`` raises DomainError.

    Raises DomainError for an unknown rule, a non-finite w, or as
    ``"none"`` says.

    >>> nodes, _ = zolotarev_nodes((1, 100), (float("-inf"), -1), 3)
    >>> w = lemma35_point(-1, 1, 100)
    >>> bool(np.isclose(nodes[1], w))  # n odd: w is the middle node
    True
    >>> with_extra_node(nodes, w).round(4)
    array([ 1.6783, 13.2127, 13.7127, 74.4201])
    """
    if rule not in EXTRA_NODE_RULES:
        raise DomainError(f"unknown rule {rule!r}; choose one of {EXTRA_NODE_RULES}")
    nodes = _points(nodes, "nodes")
    w = float(w)
    if not math.isfinite(w):
        raise DomainError(f"the extra node must be finite, got {w}")
    if rule == "paper":
        w += (nodes.size % 2) / 2
    scale = max(abs(w), float(np.max(np.abs(nodes), initial=0.0)))
    while np.any(np.abs(nodes - w) <= COINCIDENCE_RTOL * scale):
        if rule == "none":
            raise DomainError(f"the extra node {w} coincides with a node (relative "
                              f"tolerance {COINCIDENCE_RTOL}); use rule='paper'")
        w += 0.5
    return np.sort(np.append(nodes, w))
