"""Constructive approximants (numeric.constructive): the proofs of
budzinskiy2025 Theorems 1.3, 3.8, 5.2 and 6.5 run, their measured errors
against the certified bounds, the exact-in-distribution sketch of
Hadamard powers against the explicit Kronecker construction, and bad input.

Reference values are computed independently here: ranks from (1.2) and
(6.2) with math.log, sketches from explicit Kronecker powers and einsum."""

from __future__ import annotations

import doctest
import itertools
import json
import math
from fractions import Fraction

import numpy as np
import pytest

from certbounds.errors import (CertboundsError, DomainError, MalformedNumberError,
                               MissingParameterError, UnknownParameterError)
from certbounds.numeric import constructive
from certbounds.numeric.constructive import (hadamard_power_factor, inner_product_sketch,
                                             jl_sketch, jl_success_frequency, kernel_sketch,
                                             symmetric_power, tensor_sketch)
from certbounds.numeric.function_data import sample_ball

SEEDS = (0, 1, 2)


def jl_rank(eps: Fraction, n1: int, n2: int) -> int:
    """(1.2), in floats: the test values are far from an integer."""
    return math.ceil(9 * math.log(3 * n1 * n2) / float(eps) ** 2)


def assert_meets_bound(res):
    assert res.within_bound is True, res
    assert res.error <= res.bound.mid
    assert res.gap > 1
    assert 0 < res.width <= res.rank_bound


# ------------------------------------------------------------ Theorem 1.3

@pytest.mark.parametrize("n1,n2,m", [(100, 80, 20), (300, 250, 60)])
@pytest.mark.parametrize("eps", ["9/10", "1/2"])
def test_jl_sketch_meets_theorem_1_3(n1, n2, m, eps):
    rng = np.random.default_rng(n1)
    A, B = rng.standard_normal((n1, m)), rng.standard_normal((n2, m))
    norms = np.linalg.norm(A, axis=1).max() * np.linalg.norm(B, axis=1).max()
    for seed in SEEDS:
        res = jl_sketch(A, B, eps, seed=seed)
        assert res.rank_bound == res.width == jl_rank(Fraction(eps), n1, n2)
        assert math.isclose(res.bound.mid, float(Fraction(eps)) * norms, rel_tol=1e-12)
        U, V = res.factors
        assert U.shape == (n1, res.rank_bound) and V.shape == (n2, res.rank_bound)
        assert res.error == pytest.approx(np.abs(A @ B.T - U @ V.T).max(), rel=1e-12)
        assert_meets_bound(res)
        # rank(G) <= min(r, m): here m < r, so the factor width overstates it
        assert res.numerical_rank() <= min(res.rank_bound, m)


def test_jl_success_frequency_and_same_sketch():
    rng = np.random.default_rng(7)
    A, B = rng.standard_normal((150, 40)), rng.standard_normal((120, 40))
    # the proof gives a positive probability; with r of (1.2) it is near 1
    assert jl_success_frequency(A, B, "9/10", 20) >= 0.9
    assert jl_success_frequency(A, B, "1/2", [3, 4, 5]) == 1.0
    # the frequency uses the Pi of jl_sketch(seed): a single seed agrees
    assert jl_success_frequency(A, B, "9/10", [11]) == float(jl_sketch(A, B, "9/10", seed=11).within_bound)


def test_jl_error_shrinks_with_eps():
    rng = np.random.default_rng(3)
    A, B = rng.standard_normal((200, 30)), rng.standard_normal((200, 30))
    medians = [np.median([jl_sketch(A, B, eps, seed=s).error for s in range(5)])
               for eps in ("9/10", "1/2", "1/4")]
    assert medians[0] > medians[1] > medians[2]
    # error ~ eps (r ~ 1/eps^2): halving eps roughly halves the error
    assert medians[2] < 0.7 * medians[1] < 0.5 * medians[0]


def test_result_json_and_repr():
    A = np.random.default_rng(0).standard_normal((20, 4))
    res = jl_sketch(A, A, "1/2", seed=5)
    data = json.loads(json.dumps(res.to_json()))
    assert data["theorem"] == "budzinskiy2025:thm1.3"
    assert data["parameters"] == {"eps": "1/2", "n1": "20", "n2": "20"}
    assert data["within_bound"] is True and data["seed"] == 5
    assert data["factor_shapes"] == [[20, res.rank_bound], [20, res.rank_bound]]
    assert set(data["timings"]) == {"bound", "sketch", "error"}
    assert "within" in repr(res) and "thm1.3" in repr(res)


# ------------------------------------------- Hadamard powers, exact in law

def kronecker_power(Z, s):
    """Rows z^{(s)} (m^s columns), the slow obvious construction of Lemma 3.1."""
    out = np.ones((Z.shape[0], 1))
    for _ in range(s):
        out = np.einsum("ia,ib->iab", out, Z).reshape(Z.shape[0], -1)
    return out


def symmetric_basis(m, s):
    """S (m^s x D) with orthonormal columns: column alpha is the normalised
    indicator of the index tuples whose sorted form is alpha (colexicographic
    order, as symmetric_power documents), so that z^{(s)} = S phi(z)."""
    alphas = sorted(itertools.combinations_with_replacement(range(m), s), key=lambda a: a[::-1])
    column = {a: k for k, a in enumerate(alphas)}
    S = np.zeros((m ** s, len(alphas)))
    counts = np.zeros(len(alphas))
    for flat, index in enumerate(itertools.product(range(m), repeat=s)):
        S[flat, column[tuple(sorted(index))]] = 1.0
        counts[column[tuple(sorted(index))]] += 1
    return S / np.sqrt(counts)


@pytest.mark.parametrize("m,s", [(2, 1), (3, 2), (3, 4), (4, 3)])
def test_symmetric_power_is_the_kronecker_power_in_a_basis(m, s):
    Z = np.random.default_rng(m * s).standard_normal((7, m))
    S = symmetric_basis(m, s)
    assert np.allclose(S.T @ S, np.eye(S.shape[1]))
    Phi = symmetric_power(Z, s)
    assert Phi.shape == (7, math.comb(m + s - 1, s))
    assert np.allclose(kronecker_power(Z, s) @ S, Phi)
    assert np.allclose(Phi @ S.T, kronecker_power(Z, s))  # rows are symmetric tensors
    # hence the same Omega gives the same sketch: Z^{(s)} Omega = Phi (S^T Omega)
    Omega = np.random.default_rng(1).standard_normal((m ** s, 5))
    assert np.allclose(kronecker_power(Z, s) @ Omega, Phi @ (S.T @ Omega))
    # with weights multinomial^(1/3): a CP decomposition of <x, y, z>^s
    X, Y, W = (np.random.default_rng(k).standard_normal((4, m)) for k in range(3))
    P = [symmetric_power(V, s, exponent=1 / 3) for V in (X, Y, W)]
    assert np.allclose(np.einsum("ia,ja,la->ijl", *P), np.einsum("ia,ja,la->ijl", X, Y, W) ** s)
    assert np.all(np.linalg.norm(P[0], axis=1) <= np.linalg.norm(X, axis=1) ** s * (1 + 1e-12))


@pytest.mark.parametrize("n,m,s", [(12, 3, 2), (6, 3, 4), (5, 4, 3)])
def test_hadamard_power_factor_equals_kronecker_sketch(n, m, s):
    Z = np.random.default_rng(n + s).standard_normal((n, m))
    K = kronecker_power(Z, s)
    L = hadamard_power_factor(Z, s)
    assert np.allclose(L @ L.T, (Z @ Z.T) ** s)
    assert L.shape[1] <= n
    # P = L^+ K has orthonormal rows and L P = K: K Omega = L (P Omega) with
    # P Omega again standard Gaussian, so both sketches have the same law
    P = np.linalg.pinv(L) @ K
    assert np.allclose(P @ P.T, np.eye(L.shape[1]), atol=1e-8)
    assert np.allclose(L @ P, K, atol=1e-8)
    Omega = np.random.default_rng(2).standard_normal((m ** s, 6))
    assert np.allclose(K @ Omega, L @ (P @ Omega), atol=1e-8)


def test_hadamard_power_sketch_statistics_match_kronecker():
    # the same statistic of both constructions over 600 seeds: the entry
    # (U V^T)_{01} of a rank-r sketch has mean (Z Z^T)^s_{01} and variance
    # ((K_00 K_11 + K_01^2) / r) for K = (Z Z^T)^{*s} (Gaussian fourth moments)
    Z = np.random.default_rng(4).standard_normal((6, 3)) / 2
    s, r, runs = 3, 4, 600
    Kr, L = kronecker_power(Z, s), hadamard_power_factor(Z, s)
    K = (Z @ Z.T) ** s
    rng = np.random.default_rng(5)
    values = {"kron": [], "gram": []}
    for _ in range(runs):
        for name, F in (("kron", Kr), ("gram", L)):
            S = F @ rng.standard_normal((F.shape[1], r)) / math.sqrt(r)
            values[name].append(S[0] @ S[1])
    var = (K[0, 0] * K[1, 1] + K[0, 1] ** 2) / r
    for name in values:
        v = np.array(values[name])
        assert abs(v.mean() - K[0, 1]) < 4 * math.sqrt(var / runs)
        assert abs(v.var() / var - 1) < 0.25


# ------------------------------------------------------------ Theorem 3.8

@pytest.mark.parametrize("n,m", [(100, 5), (250, 20)])
@pytest.mark.parametrize("h,kwargs", [("exp", {}), ("sinh", {"t": 4}),
                                      ("cos(x)", {"C": 1, "M": 1, "t": 4})])
def test_inner_product_sketch_meets_theorem_3_8(n, m, h, kwargs):
    X, Y = sample_ball(n, m, R=0.5, seed=1), sample_ball(n - 10, m, R=0.5, seed=2)
    for seed in SEEDS:
        res = inner_product_sketch(X, Y, h, "1/2", R="1/2", seed=seed, **kwargs)
        t = int(res.parameters["t"])
        r = jl_rank(Fraction(1, 2), n, n - 10)
        assert res.extra["jl_rank"] == r
        assert res.rank_bound == 1 + (t - 1) * r
        assert_meets_bound(res)
        assert res.numerical_rank() <= min(res.width, n - 10)
    # default t: smallest integer >= e^2 M sigma R^2 = e^2 / 4 = 1.85
    if h == "exp":
        assert res.parameters["t"] == "2" and res.parameters["C"] == str(Fraction("1.28403"))
        assert Fraction("1.28403") > math.exp(0.25)  # C = e^{1/4} rounded up
    # Taylor terms with c_s = 0 are skipped: sinh has s = 1, 3 only
    if h == "sinh":
        assert res.width == 2 * r
    # at m = 20, s = 3 has binom(22, 3) = 1540 > n1 + n2 monomials: Gram route
    if h == "sinh" and m == 20:
        assert res.extra["factor_routes"] == {"1": "symmetric", "3": "gram"}


def test_inner_product_sketch_of_x_is_the_jl_sketch():
    # h(x) = x on [-1/16, 1/16], t = 2 (C = 1, M = 1): G = c_1 U_1 V_1^T with
    # L_1 = [X; Y], the same draws as Theorem 1.3's Pi: identical sketches
    X, Y = sample_ball(60, 4, R=0.25, seed=3), sample_ball(50, 4, R=0.25, seed=4)
    a = inner_product_sketch(X, Y, "x", "1/2", R="1/4", C=1, M=1, t=2, seed=9)
    b = jl_sketch(X, Y, "1/2", seed=9)
    assert np.allclose(a.approximation(), b.approximation())


def test_inner_product_sketch_with_a_weight():
    X, Y = sample_ball(80, 3, R=0.5, seed=5), sample_ball(70, 3, R=0.5, seed=6)
    W = np.diag([2.0, 1.0, 0.5])
    res = inner_product_sketch(X, Y, "exp", "9/10", W=W, sigma=2, R="1/2", seed=0)
    assert res.parameters["sigma"] == "2"
    assert res.parameters["t"] == "4"  # ceil(e^2 * 2 / 4) = ceil(3.69)
    assert_meets_bound(res)
    # the error is measured against F = h(X W Y^T)
    F = np.exp(X @ W @ Y.T)
    assert res.error == pytest.approx(np.abs(F - res.approximation()).max(), rel=1e-12)
    with pytest.raises(DomainError, match="exceeds sigma"):
        inner_product_sketch(X, Y, "exp", "9/10", W=W, sigma="3/2", R="1/2")
    with pytest.raises(DomainError, match="positive definite"):
        inner_product_sketch(X, Y, "exp", "9/10", W=-W, sigma=2, R="1/2")


def test_inner_product_sketch_assumption_and_t():
    X = sample_ball(40, 3, R=0.5, seed=0)
    with pytest.raises(DomainError, match="Assumption 3.5"):  # C < e^{1/4}
        inner_product_sketch(X, X, "exp", "1/2", R="1/2", C="1/2", M=1)
    with pytest.raises(MissingParameterError):  # a general h needs C and M
        inner_product_sketch(X, X, "cos(x)", "1/2", R="1/2")
    with pytest.raises(DomainError, match="hypothesis"):  # t = 1 < e^2/4
        inner_product_sketch(X, X, "exp", "1/2", R="1/2", t=1)


# ------------------------------------------------------------ Theorem 5.2

@pytest.mark.parametrize("n", [100, 200])
@pytest.mark.parametrize("kernel", ["f1", "gaussian"])
def test_kernel_sketch_meets_theorem_5_2(n, kernel):
    X, Y = sample_ball(n, 5, seed=n), sample_ball(n - 20, 5, seed=n + 1)
    for seed in SEEDS[:2]:
        res = kernel_sketch(X, Y, kernel, "9/10", seed=seed)
        assert res.rank_bound == res.width == jl_rank(Fraction(9, 10), n, n - 20)
        assert res.bound.lower == res.bound.upper == "0.9"
        assert_meets_bound(res)
        # rho = 10000 frequencies: the RFF error is a few hundredths
        assert res.extra["rff_error"] < 0.06
        assert res.error <= res.extra["rff_error"] + res.extra["jl_error"] + 1e-12
        # the rows of A have norm 1, so the JL part alone meets eps here
        assert res.extra["jl_error"] < 0.9
    exact = kernel_sketch(X, Y, kernel, "9/10", features="gram", seed=0)
    assert exact.extra["rff_error"] < 1e-10
    assert_meets_bound(exact)


def test_kernel_sketch_rejects_kernels_outside_theorem_5_2():
    X = sample_ball(10, 3, seed=0)
    for name in ("f2", "inner", "exp-inner"):  # exp(-||x-y||^4) is not p.d.
        with pytest.raises(DomainError, match="Theorem 5.2 does not apply"):
            kernel_sketch(X, X, name, "1/2")
    with pytest.raises(UnknownParameterError):
        kernel_sketch(X, X, "no-such-kernel", "1/2")
    with pytest.raises(DomainError):
        kernel_sketch(X, X, "gaussian", "1/2", rho=0)


# ------------------------------------------------------------ Theorem 6.5

@pytest.mark.parametrize("n,m", [(15, 3), (25, 3)])
def test_tensor_sketch_meets_theorem_6_5(n, m):
    # c_d = 9 (the d = 2 constant of (1.2)) is an ASSUMPTION for d = 3, not a
    # theorem: the verdict is conditional on it
    pts = [sample_ball(n + k, m, R=0.75, seed=10 * n + k) for k in range(3)]
    N = n * (n + 1) * (n + 2)
    r = math.ceil(9 / 0.81 * math.log(2 * math.e * N))  # (6.2)
    for seed in SEEDS:
        res = tensor_sketch(pts, "sinh", "9/10", c_d=9, R="3/4", seed=seed)
        assert res.parameters["t"] == "4"  # ceil(e^2 27/64) = ceil(3.12)
        assert res.extra["tt_rank"] == r and res.rank_bound == 1 + 3 * r
        assert res.width == 2 * r  # sinh: s = 1 and 3
        assert_meets_bound(res)
        assert all(k <= res.width for k in res.numerical_rank())
        assert res.approximation().shape == (n, n + 1, n + 2)
    data = json.loads(json.dumps(res.to_json()))
    assert data["parameters"]["c_d"] == "9" and data["parameters"]["N"] == str(N)
    assert [len(term) for term in data["factor_shapes"]] == [3, 3]  # TT terms s = 1, 3


def test_tensor_sketch_of_a_cp_tensor_is_the_tt_sketch():
    # h(x) = x on [-1, 1] (C = 2, M = 1/2; t = 4, one non-zero term): the TT
    # sketch of [8, Cor 1.8], recomputed from the same draws by a plain einsum
    pts = [sample_ball(6 + k, 2, seed=k) for k in range(3)]
    res = tensor_sketch(pts, "x", "1/2", c_d=1, R=1, C=2, M="1/2", seed=4)
    r = res.extra["tt_rank"]
    rng = np.random.default_rng(4)
    P1, P2 = (rng.standard_normal((2, r)) / math.sqrt(r) for _ in range(2))
    X, Y, Z = pts
    G = np.einsum("ia,ap,bp,jb,bq,cq,lc->ijl", X, P1, P1, Y, P2, P2, Z, optimize=True)
    assert np.allclose(res.approximation(), G)


def test_tensor_sketch_is_unbiased():
    pts = [sample_ball(5, 2, seed=k) for k in range(3)]
    target = np.einsum("ia,ja,la->ijl", *pts) ** 2  # the s = 2 power
    # h = x^2 on [-1, 1]: ||h^(s)|| <= 128 (1/8)^s for s <= 2; t = 3 keeps s = 2
    runs = [tensor_sketch(pts, "x**2", "1/2", c_d=1, R=1, C=128, M="1/8", t=3, seed=s)
            for s in range(200)]
    mean = np.mean([res.approximation() for res in runs], axis=0)
    assert np.abs(mean - target).max() < 0.2 * np.abs(target).max()


# ------------------------------------------------------------ bad input

def test_bad_input():
    A = np.random.default_rng(0).standard_normal((10, 3))
    for eps in ("0", "1", "3/2", "-1/2"):
        with pytest.raises(DomainError):
            jl_sketch(A, A, eps)
    with pytest.raises(MalformedNumberError):
        jl_sketch(A, A, 0.5)
    with pytest.raises(DomainError, match="same number of columns"):
        jl_sketch(A, A[:, :2], "1/2")
    with pytest.raises(DomainError):
        jl_sketch(A[0], A, "1/2")
    with pytest.raises(DomainError):
        jl_sketch(np.full((3, 3), np.nan), A, "1/2")
    X = sample_ball(20, 3, R=1.0, seed=0)
    with pytest.raises(DomainError, match="outside the ball"):
        inner_product_sketch(X, X, "exp", "1/2", R="1/2")
    with pytest.raises(DomainError, match="outside the ball"):
        tensor_sketch([X, X, X], "sinh", "1/2", c_d=9, R="1/2")
    with pytest.raises(DomainError, match="at least two"):
        tensor_sketch([X], "sinh", "1/2", c_d=9)
    with pytest.raises(DomainError, match="same number of columns"):
        kernel_sketch(X, X[:, :2], "gaussian", "1/2")
    with pytest.raises(CertboundsError):
        tensor_sketch([X, X, X], "sinh", "1/2", c_d=0)


def test_docstring_examples():
    result = doctest.testmod(constructive, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0
