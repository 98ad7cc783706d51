"""Tensor trains (numeric.tensor_train): the TT-SVD (Oseledets 2011,
Algorithm 1) on tensors of known TT rank and against its error bound, the
full tensor, and max-norm alternating projections on TT rank
(budzinskiy2025 §7.1)."""

from __future__ import annotations

import numpy as np
import pytest

from certbounds.errors import DomainError
from certbounds.numeric.alternating_projections import max_norm_approximation
from certbounds.numeric.function_data import generate
from certbounds.numeric.tensor_train import (_gram_svd, _tt_svd, max_tt_ranks,
                                             normalize_tt_ranks, tt_full, tt_ranks, tt_svd)


def random_cores(shape, ranks, seed):
    rng = np.random.default_rng(seed)
    full = (1, *ranks, 1)
    return [rng.standard_normal((full[k], n, full[k + 1])) for k, n in enumerate(shape)]


def test_tt_full_is_the_product_of_core_slices():
    cores = random_cores((3, 4, 5), (2, 3), seed=0)
    T = tt_full(cores)
    # entry by entry: G1[:, i, :] G2[:, j, :] G3[:, k, :]
    i, j, k = 2, 1, 4
    entry = cores[0][:, i, :] @ cores[1][:, j, :] @ cores[2][:, k, :]
    assert T.shape == (3, 4, 5) and T[i, j, k] == pytest.approx(entry[0, 0])
    assert np.allclose(T, np.einsum("aib,bjc,ckd->ijk", *cores))


def test_tt_svd_reproduces_a_tensor_of_known_tt_rank():
    shape, ranks = (6, 7, 5, 4), (2, 3, 4)
    T = tt_full(random_cores(shape, ranks, seed=1))
    cores = tt_svd(T, ranks)
    assert tt_ranks(cores) == ranks
    assert np.abs(tt_full(cores) - T).max() < 1e-12 * np.abs(T).max()
    for core in cores[:-1]:                        # left-orthonormal cores
        G = core.reshape(-1, core.shape[2])
        assert np.allclose(G.T @ G, np.eye(G.shape[1]), atol=1e-12)


def test_ranks_are_capped_and_the_full_rank_train_is_exact():
    T = np.random.default_rng(2).standard_normal((3, 4, 5))
    cores = tt_svd(T, 100)
    assert tt_ranks(cores) == max_tt_ranks(T.shape) == (3, 5)
    assert np.abs(tt_full(cores) - T).max() < 1e-12
    assert tt_ranks(tt_svd(T, (2, 100))) == (2, 5)           # r_2 <= r_1 n_2 = 8, <= 5


def test_tt_svd_error_is_within_oseledets_bound():
    # Oseledets 2011, Theorem 2.2: ||T - TT-SVD(T)||_F^2 <= sum_k (tail_k)^2, tail_k
    # the Frobenius norm of the discarded singular values of the k-th unfolding
    T = generate("f3", 10, 4, seed=3).F
    ranks = (3, 2)
    approx = tt_full(tt_svd(T, ranks))
    bound = 0.0
    for k, r in enumerate(ranks, start=1):
        s = np.linalg.svd(T.reshape(int(np.prod(T.shape[:k])), -1), compute_uv=False)
        bound += (s[r:] ** 2).sum()
    assert np.linalg.norm(approx - T) ** 2 <= bound * (1 + 1e-10)


def test_gram_projection_computes_the_same_tt_svd():
    T = generate("f3", 14, 5, seed=4).F
    exact = tt_full(tt_svd(T, (4, 3)))
    gram = tt_full(_tt_svd(T, (4, 3), _gram_svd))
    assert np.abs(gram - exact).max() < 1e-9 * np.abs(T).max()


def test_matrix_tt_svd_is_the_truncated_svd():
    A = np.random.default_rng(5).standard_normal((8, 6))
    U, s, Vt = np.linalg.svd(A)
    assert np.allclose(tt_full(tt_svd(A, 2)), (U[:, :2] * s[:2]) @ Vt[:2])


@pytest.fixture(scope="module")
def f3_tensor():
    # sinh(<x, y, z>), n = 12, m = 10 (budzinskiy2025 §7.2, tensors)
    return generate("f3", 12, 10, seed=0).F


def test_tt_alternating_projections_improve_on_tt_svd(f3_tensor):
    baseline = max_norm_approximation(f3_tensor, 3, method="svd")
    assert baseline.method == "tt-svd" and baseline.rank == (3, 3)
    res = max_norm_approximation(f3_tensor, 3)
    assert res.method == "ap-tt" and tt_ranks(res.cores) == (3, 3)
    assert res.error < 0.9 * baseline.error
    assert res.error == np.abs(res.approximant() - f3_tensor).max() == res.bracket[1]
    assert res.factors is None and res.stop == "bracket"
    full = max_norm_approximation(f3_tensor, 3, projection="full")
    assert abs(full.error - res.error) <= 1e-2 * full.error      # bracket tolerance c1


def test_tt_alternating_projections_from_random_cores_and_rank_lists(f3_tensor):
    res = max_norm_approximation(f3_tensor, (2, 4), start="random", seed=1)
    assert res.rank == (2, 4) and tt_ranks(res.cores) == (2, 4) and res.seed == 1
    again = max_norm_approximation(f3_tensor, [2, 4], start="random", seed=1)
    assert again.error == res.error
    assert res.to_json()["rank"] == [2, 4]


def test_fourth_order_tensor():
    T = np.sin(np.add.outer(np.add.outer(np.arange(5.0), np.arange(6.0)),
                            np.add.outer(np.arange(4.0), 0.5 * np.arange(5.0))))
    # sin(a + b) of a sum of four indices has TT ranks (2, 2, 2)
    assert np.abs(tt_full(tt_svd(T, 2)) - T).max() < 1e-12
    res = max_norm_approximation(T, (1, 2, 1))
    baseline = max_norm_approximation(T, (1, 2, 1), method="svd")
    assert res.rank == (1, 2, 1) and res.error <= baseline.error
    assert res.error == pytest.approx(np.abs(res.approximant() - T).max(), rel=1e-12)


def test_tensor_of_low_tt_rank_is_recovered():
    T = tt_full(random_cores((5, 6, 4), (2, 2), seed=6))
    assert max_norm_approximation(T, 2).relative_error < 1e-12
    assert max_norm_approximation(T, 2, start="random", seed=0).relative_error < 1e-6


@pytest.mark.parametrize("call", [
    lambda: tt_svd(np.ones((2, 3, 4)), (1, 1, 1)),
    lambda: tt_svd(np.ones((2, 3, 4)), 0),
    lambda: tt_svd(np.ones(4), 1),
    lambda: tt_svd(np.full((2, 2, 2), np.nan), 1),
    lambda: normalize_tt_ranks("3", 3),
    lambda: tt_full([np.ones((1, 2, 2)), np.ones((3, 2, 1))]),
    lambda: tt_full([np.ones((2, 2, 1))]),
    lambda: max_norm_approximation(np.ones((3, 4, 5)), (4, 1)),
])
def test_bad_input_raises_domain_error(call):
    with pytest.raises(DomainError):
        call()
