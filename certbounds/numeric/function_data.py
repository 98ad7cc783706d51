"""Function-generated matrices and tensors (budzinskiy2025 §7.2).

Points are drawn uniformly from the ball B_{m,R} (direction uniform on the
sphere, radius R u^{1/m}) or from the sphere of radius R; a matrix is
F_ij = f(x_i, y_j), a tensor F_ijk = f(x_i, y_j, z_k). Matrices use
*independent* sampling ({x_i} and {y_j} drawn separately) or *symmetric*
sampling (y_i = x_i); tensors use independent sampling, as in the paper.

The generating functions are named (``FUNCTIONS``):

==========  ===============================  ==========================
name        f                                class (paper section)
==========  ===============================  ==========================
f1          exp(-||x - y||_2)                distance (§4); p.d. (§5)
f2          exp(-||x - y||_2^4)              distance (§4); not p.d.
f3          sinh(<x, y, z>)                  tensor (§6), d = 3
gaussian    exp(-||x - y||_2^2)              distance (§4); p.d. (§5)
cauchy      1 / (1 + ||x - y||_2^2)          distance (§4); p.d. (§5)
exp-inner   exp(x^T y)                       inner product (§3)
inner       x^T y                            inner product (§1.3)
==========  ===============================  ==========================

Everything is vectorised (no Python loop over entries) and seeded: the same
``seed`` gives the same points on every machine (numpy's PCG64).

>>> data = generate("f1", n=4, m=3, seed=0)
>>> data.F.shape, data.function.name, data.sampling
((4, 4), 'f1', 'independent')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from ..errors import DomainError, UnknownParameterError

__all__ = [
    "GeneratingFunction", "FunctionData", "FUNCTIONS", "get_function",
    "sample_ball", "sample_sphere", "sample_points",
    "inner_product_matrix", "distance_matrix", "shift_invariant_matrix",
    "inner_product_tensor", "generate",
]


@dataclass(frozen=True)
class GeneratingFunction:
    """A named generating function f, given through h as the paper does.

    ``kind`` says how h is applied: ``"inner"`` (f = h(x^T W y), §3),
    ``"distance"`` (f = h(||x - y||^2_W), §4), ``"tensor"``
    (f = h(<x^(1), ..., x^(d)>), §6). ``positive_definite`` marks the
    shift-invariant positive-definite kernels with kappa(0) = 1 to which
    Theorem 5.2 applies; ``spectral`` then draws frequencies from the
    kernel's spectral density (for random Fourier features).
    """

    name: str
    formula: str
    kind: str
    h: Callable[[np.ndarray], np.ndarray]
    order: int = 2
    positive_definite: bool = False
    spectral: Callable[[np.random.Generator, int, int], np.ndarray] | None = None

    def __repr__(self) -> str:
        return f"GeneratingFunction({self.name!r}: {self.formula})"


def _cauchy_frequencies(rng, count, m):
    # exp(-||d||) in R^m: the spectral density is the multivariate Cauchy
    # (Student t with one degree of freedom): a Gaussian over sqrt(chi^2_1).
    return rng.standard_normal((count, m)) / np.abs(rng.standard_normal((count, 1)))


def _gaussian_frequencies(rng, count, m):
    # exp(-||d||^2) = E cos(w^T d) with w ~ N(0, 2 I).
    return np.sqrt(2.0) * rng.standard_normal((count, m))


def _laplace_frequencies(rng, count, m):
    # 1/(1 + ||d||^2): a Gaussian scale mixture, w ~ N(0, 2 s I), s ~ Exp(1)
    # (since 1/(1 + a) = integral of exp(-s(1 + a)) ds).
    s = rng.standard_exponential((count, 1))
    return np.sqrt(2.0 * s) * rng.standard_normal((count, m))


FUNCTIONS: dict[str, GeneratingFunction] = {f.name: f for f in (
    GeneratingFunction("f1", "exp(-||x - y||_2)", "distance",
                       lambda s: np.exp(-np.sqrt(s)), positive_definite=True,
                       spectral=_cauchy_frequencies),
    GeneratingFunction("f2", "exp(-||x - y||_2^4)", "distance", lambda s: np.exp(-s * s)),
    GeneratingFunction("f3", "sinh(<x, y, z>)", "tensor", np.sinh, order=3),
    GeneratingFunction("gaussian", "exp(-||x - y||_2^2)", "distance", lambda s: np.exp(-s),
                       positive_definite=True, spectral=_gaussian_frequencies),
    GeneratingFunction("cauchy", "1 / (1 + ||x - y||_2^2)", "distance",
                       lambda s: 1.0 / (1.0 + s), positive_definite=True,
                       spectral=_laplace_frequencies),
    GeneratingFunction("exp-inner", "exp(x^T y)", "inner", np.exp),
    GeneratingFunction("inner", "x^T y", "inner", lambda s: s),
)}


def get_function(name) -> GeneratingFunction:
    """The generating function called ``name`` (see ``FUNCTIONS``); a
    ``GeneratingFunction`` is returned unchanged.

    Raises UnknownParameterError for an unknown name."""
    if isinstance(name, GeneratingFunction):
        return name
    try:
        return FUNCTIONS[name]
    except KeyError:
        raise UnknownParameterError(
            f"unknown function {name!r}; known: {', '.join(FUNCTIONS)}") from None


def _check_size(name: str, value, minimum: int = 1) -> int:
    if isinstance(value, bool) or int(value) != value or value < minimum:
        raise DomainError(f"{name} must be an integer >= {minimum}, got {value!r}")
    return int(value)


def _rng(seed) -> np.random.Generator:
    return seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)


def sample_sphere(n: int, m: int, *, R: float = 1.0, seed=None) -> np.ndarray:
    """n points uniform on the sphere of radius R in R^m (rows), as normalised
    Gaussian vectors.

    >>> np.allclose(np.linalg.norm(sample_sphere(5, 3, seed=1), axis=1), 1)
    True
    """
    n, m = _check_size("n", n), _check_size("m", m)
    if not R > 0:
        raise DomainError(f"R must be positive, got {R!r}")
    g = _rng(seed).standard_normal((n, m))
    norms = np.linalg.norm(g, axis=1, keepdims=True)
    norms[norms == 0] = 1.0  # probability zero; keeps the point finite
    return R * g / norms


def sample_ball(n: int, m: int, *, R: float = 1.0, seed=None) -> np.ndarray:
    """n points uniform in the ball B_{m,R} (rows): a uniform direction times
    radius R u^{1/m}, u uniform on [0, 1) (budzinskiy2025 §7.2).

    >>> bool(np.all(np.linalg.norm(sample_ball(100, 4, seed=2), axis=1) < 1))
    True
    """
    rng = _rng(seed)
    directions = sample_sphere(n, m, R=R, seed=rng)
    return directions * rng.random((directions.shape[0], 1)) ** (1.0 / directions.shape[1])


def sample_points(n: int, m: int, *, count: int = 2, sampling: str = "independent",
                  domain: str = "ball", R: float = 1.0, seed=None) -> list:
    """``count`` point sets of n points in R^m, drawn from one generator:
    independent sets, or with ``sampling="symmetric"`` the same set repeated
    (y_i = x_i). ``domain`` is ``"ball"`` or ``"sphere"``.

    Raises DomainError for a bad size, sampling or domain."""
    if sampling not in ("independent", "symmetric"):
        raise DomainError(f"sampling must be 'independent' or 'symmetric', got {sampling!r}")
    if domain not in ("ball", "sphere"):
        raise DomainError(f"domain must be 'ball' or 'sphere', got {domain!r}")
    sampler = sample_ball if domain == "ball" else sample_sphere
    rng = _rng(seed)
    if sampling == "symmetric":
        X = sampler(n, m, R=R, seed=rng)
        return [X] * count
    return [sampler(n, m, R=R, seed=rng) for _ in range(count)]


def _weight(W, m: int):
    if W is None:
        return None
    W = np.asarray(W, dtype=float)
    if W.shape != (m, m):
        raise DomainError(f"W must be {m} x {m}, got shape {W.shape}")
    return W


def inner_product_matrix(h, X, Y, W=None) -> np.ndarray:
    """F_ij = h(x_i^T W y_j) (budzinskiy2025 §3; W = I when omitted)."""
    X, Y = np.asarray(X, float), np.asarray(Y, float)
    W = _weight(W, X.shape[1])
    return h(X @ Y.T if W is None else X @ (W @ Y.T))


def distance_matrix(h, X, Y, W=None) -> np.ndarray:
    """F_ij = h(||x_i - y_j||^2_W) with ||v||^2_W = v^T W v (budzinskiy2025
    §4; W = I when omitted), the squared distances formed from Gram products
    and clipped at 0 against rounding (exact zeros on the diagonal when
    Y is X)."""
    X, Y = np.asarray(X, float), np.asarray(Y, float)
    W = _weight(W, X.shape[1])
    XW = X if W is None else X @ W
    YW = Y if W is None else Y @ W
    sx = np.einsum("ij,ij->i", XW, X)
    sy = np.einsum("ij,ij->i", YW, Y)
    D = sx[:, None] + sy[None, :] - 2.0 * (XW @ Y.T)
    np.maximum(D, 0.0, out=D)
    if Y is X:
        np.fill_diagonal(D, 0.0)
    return h(D)


def shift_invariant_matrix(kappa, X, Y, *, block: int = 256) -> np.ndarray:
    """F_ij = kappa(x_i - y_j) for a kernel kappa of the difference vector
    (budzinskiy2025 §5): kappa receives an array of shape (rows, n2, m) and
    reduces the last axis. Rows are processed in blocks to bound memory."""
    X, Y = np.asarray(X, float), np.asarray(Y, float)
    out = np.empty((X.shape[0], Y.shape[0]))
    for start in range(0, X.shape[0], block):
        diff = X[start:start + block, None, :] - Y[None, :, :]
        out[start:start + block] = kappa(diff)
    return out


def inner_product_tensor(h, *points) -> np.ndarray:
    """F_{i1...id} = h(<x^(1)_{i1}, ..., x^(d)_{id}>) with the multilinear
    inner product <x, y, z> = sum_a x_a y_a z_a (budzinskiy2025 §6)."""
    arrays = [np.asarray(p, float) for p in points]
    if len(arrays) < 2:
        raise DomainError("a function-generated tensor needs at least two point sets")
    letters = "ijklopqs"[:len(arrays)]
    spec = ",".join(f"{c}a" for c in letters) + "->" + letters
    return h(np.einsum(spec, *arrays, optimize=True))


@dataclass(frozen=True)
class FunctionData:
    """A generated matrix or tensor with everything needed to make it again:
    the function, the points, the sampling scheme, the domain, R and seed."""

    F: np.ndarray
    function: GeneratingFunction
    points: tuple = field(repr=False)
    sampling: str = "independent"
    domain: str = "ball"
    R: float = 1.0
    seed: object = None

    @property
    def n(self) -> int:
        return self.F.shape[0]

    @property
    def m(self) -> int:
        return self.points[0].shape[1]

    def provenance(self) -> dict:
        """The parameters that regenerate this data (JSON-ready)."""
        return {"function": self.function.name, "formula": self.function.formula,
                "shape": list(self.F.shape), "m": self.m, "sampling": self.sampling,
                "domain": self.domain, "R": self.R,
                "seed": self.seed if isinstance(self.seed, (int, type(None))) else str(self.seed)}

    def __repr__(self) -> str:
        return (f"FunctionData({self.function.name}, shape={self.F.shape}, m={self.m}, "
                f"{self.sampling}, seed={self.seed})")


def generate(function, n: int, m: int, *, sampling: str = "independent", domain: str = "ball",
             R: float = 1.0, seed=None, order: int | None = None) -> FunctionData:
    """An n x n matrix (or n x ... x n tensor of the function's order) generated
    by a named function from points uniform in B_{m,R} (budzinskiy2025 §7.2).

    Raises DomainError for n < 1, m < 1, R <= 0, a bad sampling or domain, or
    symmetric sampling of a tensor; UnknownParameterError for an unknown
    function name.
    """
    f = get_function(function)
    n, m = _check_size("n", n), _check_size("m", m)
    d = f.order if order is None else _check_size("order", order, 2)
    if f.kind == "tensor" and sampling != "independent":
        raise DomainError("tensors are generated with independent sampling only")
    pts = sample_points(n, m, count=d, sampling=sampling, domain=domain, R=R, seed=seed)
    if f.kind == "tensor":
        F = inner_product_tensor(f.h, *pts)
    elif f.kind == "inner":
        F = inner_product_matrix(f.h, pts[0], pts[1])
    else:
        F = distance_matrix(f.h, pts[0], pts[1])
    return FunctionData(F, f, tuple(pts), sampling, domain, float(R), seed)
