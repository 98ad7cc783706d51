"""Max-norm alternating projections (numeric.alternating_projections,
budzinskiy2025 §7.1): against a slow, obviously-correct restatement of the
reference loop, on exact low-rank data, against the truncated SVD, and on
bad input."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from certbounds.errors import DomainError
from certbounds.numeric.alternating_projections import (DEFAULT_START, ApproximationResult,
                                                        max_norm_approximation,
                                                        truncated_svd_approximation)
from certbounds.numeric.function_data import generate

C1, C2, C3, C4 = 1e-2, 1e-3, 2 / 3, 2e-2


def slow_reference(F, r, seed):
    """The reference Julia loop restated literally (random start, a full
    numpy SVD every step); returns (hi, best X, lo, steps)."""
    rng = np.random.default_rng(seed)
    n1, n2 = F.shape
    U = rng.standard_normal((n1, r)) / math.sqrt(r)
    Vt = rng.standard_normal((r, n2)) / math.sqrt(r)
    X = U @ Vt
    err_pre = np.abs(X - F).max()
    lo, hi, best, steps = 0.0, err_pre, X, 0
    while hi - lo >= C1 * hi:
        width = hi - lo
        eps = (lo + hi) / 2
        while True:
            Y = F + np.clip(X - F, -eps, eps)
            u, s, vt = np.linalg.svd(Y)
            X = (u[:, :r] * s[:r]) @ vt[:r]
            steps += 1
            err = np.abs(X - F).max()
            if err < hi:
                best = X
            hi = min(hi, err)
            if err > err_pre * (1 - C2):
                if err > lo + width * C3:
                    lo += width * C4
                break
            err_pre = err
    return hi, best, lo, steps


@pytest.fixture(scope="module")
def f1_40():
    # exp(-||x - y||), m = 3, independent sampling (budzinskiy2025 §7.2)
    return [generate("f1", 40, 3, seed=s).F for s in range(4)]


@pytest.mark.parametrize("seed", range(4))
def test_full_projection_follows_the_reference_loop(f1_40, seed):
    # same start and seed, same arithmetic: the same steps and the same answer
    F = f1_40[seed]
    hi, best, lo, steps = slow_reference(F, 3, seed)
    res = max_norm_approximation(F, 3, start="random", seed=seed, projection="full")
    assert res.inner_iterations == steps
    assert res.error == pytest.approx(hi, rel=1e-9)
    assert res.bracket[0] == pytest.approx(lo, rel=1e-9)
    assert np.abs(res.approximant() - best).max() < 1e-9


@pytest.mark.parametrize("seed", range(4))
def test_truncated_projection_agrees_with_the_reference_to_the_bracket_tolerance(f1_40, seed):
    F = f1_40[seed]
    hi, *_ = slow_reference(F, 3, seed)
    res = max_norm_approximation(F, 3, start="random", seed=seed)
    assert res.projection == "truncated" and res.sweeps >= res.inner_iterations
    assert abs(res.error - hi) <= C1 * hi


def test_truncated_projection_agrees_at_a_larger_rank_and_rectangular_shapes():
    for shape, r, seed in (((60, 45), 8, 5), ((35, 70), 6, 6)):
        F = generate("f1", max(shape), 4, seed=seed).F[:shape[0], :shape[1]]
        hi, *_ = slow_reference(F, r, seed)
        res = max_norm_approximation(F, r, start="random", seed=seed)
        assert res.shape == shape and res.factors[0].shape == (shape[0], r)
        assert res.factors[1].shape == (shape[1], r)
        assert abs(res.error - hi) <= C1 * hi


def test_exactly_low_rank_matrix_is_recovered():
    rng = np.random.default_rng(3)
    F = rng.standard_normal((50, 4)) @ rng.standard_normal((4, 45))
    for start in ("random", "svd"):
        res = max_norm_approximation(F, 4, start=start, seed=1)
        assert res.relative_error < 1e-8, (start, res)
    assert max_norm_approximation(F, 4).stop == "exact"   # the svd start is already exact
    assert max_norm_approximation(F, 4).inner_iterations == 0


def test_measured_error_is_the_returned_approximants_and_the_upper_end(f1_40):
    F = f1_40[0]
    svd = truncated_svd_approximation(F, 5)
    assert svd.error == pytest.approx(np.abs(F - svd.approximant()).max(), rel=1e-12)
    for start in ("svd", "random"):
        res = max_norm_approximation(F, 5, start=start, seed=2)
        recomputed = np.abs(F - res.approximant()).max()
        assert res.error == pytest.approx(recomputed, rel=1e-12)
        assert res.bracket[1] >= res.error and res.bracket[1] == res.error
        assert 0 <= res.bracket[0] <= res.bracket[1]
        assert res.bracket[1] - res.bracket[0] < C1 * res.bracket[1]   # stop "bracket"
        assert res.stop == "bracket" and res.converged
        assert np.linalg.matrix_rank(res.approximant()) <= 5
    # from the truncated SVD, AP never ends above it (it returns the best iterate)
    res = max_norm_approximation(F, 5, start="svd")
    assert res.error <= svd.error
    assert res.relative_error == pytest.approx(res.error / np.abs(F).max())


def test_ap_beats_the_truncated_svd_on_f1():
    # budzinskiy2025 §7.2: the truncated SVD's entrywise error is several times worse
    F = generate("f1", 120, 10, seed=0).F
    ap = max_norm_approximation(F, 6)
    svd = max_norm_approximation(F, 6, method="svd")
    assert ap.start == DEFAULT_START == "svd"
    assert ap.error < 0.8 * svd.error


def test_truncated_svd_matches_lapack_including_the_arpack_path():
    F = generate("f1", 260, 5, seed=4).F        # large enough for ARPACK at r = 5
    res = truncated_svd_approximation(F, 5)
    U, s, Vt = np.linalg.svd(F)
    G = (U[:, :5] * s[:5]) @ Vt[:5]
    assert np.abs(res.approximant() - G).max() < 1e-11
    assert res.error == pytest.approx(np.abs(F - G).max(), rel=1e-9)
    assert res.bracket is None and res.start is None and res.stop == "direct"


def test_full_rank_zero_matrix_and_caps():
    F = generate("f1", 30, 3, seed=1).F
    full = max_norm_approximation(F, 30, start="random", seed=0)     # k = r = n
    assert full.relative_error < 1e-12
    zero = max_norm_approximation(np.zeros((6, 5)), 2, start="random", seed=0)
    assert zero.error == 0 and zero.stop == "exact" and zero.relative_error == 0
    capped = max_norm_approximation(F, 3, start="random", seed=0, max_steps=5)
    assert capped.stop == "max_steps" and capped.inner_iterations == 5 and not capped.converged
    assert capped.error == capped.bracket[1]
    seen = []
    stopped = max_norm_approximation(F, 3, callback=lambda p: seen.append(p) or p.step == 3)
    assert stopped.stop == "callback" and stopped.inner_iterations == 3
    assert [p.step for p in seen] == [1, 2, 3] and seen[-1].hi == stopped.error


def test_seed_is_recorded_and_reproduces():
    F = generate("f1", 30, 3, seed=2).F
    first = max_norm_approximation(F, 2, start="random")
    assert isinstance(first.seed, int)
    again = max_norm_approximation(F, 2, start="random", seed=first.seed)
    assert again.error == first.error
    assert max_norm_approximation(F, 2, seed=7).seed is None   # the svd start draws nothing


def test_result_serialises_and_reads(f1_40):
    res = max_norm_approximation(f1_40[1], 3, seed=0)
    doc = res.to_json()
    text = json.dumps(doc)
    assert "bracket_note" in doc and "heuristic" in doc["bracket_note"]
    assert doc["shape"] == [40, 40] and doc["rank"] == 3 and doc["method"] == "ap"
    assert set(doc["timings"]) >= {"total_s", "projection_s", "residual_s", "start_s"}
    assert "array" not in text
    assert "heuristic bracket" in repr(res) and "40x40" in repr(res)
    assert isinstance(res, ApproximationResult)
    with pytest.raises(AttributeError):
        res.error = 0.0                          # frozen


@pytest.mark.parametrize("F, rank, options", [
    (np.ones((5, 4)), 0, {}),
    (np.ones((5, 4)), 5, {}),                    # rank > min(n1, n2)
    (np.ones((5, 4)), 2.5, {}),
    (np.ones((5, 4)), True, {}),
    (np.array([[1.0, np.nan], [0.0, 1.0]]), 1, {}),
    (np.array([[1.0, np.inf], [0.0, 1.0]]), 1, {"method": "svd"}),
    (np.ones(5), 1, {}),                         # 1-D
    (np.ones((4, 4)), (1, 2), {}),               # a matrix has one rank
    (np.ones((3, 3, 3)), (1, 2, 2), {}),         # a 3-tensor has two TT ranks
    (np.ones((3, 3, 3)), (4, 2), {}),            # above the unfolding size
    (np.ones((4, 4)) * 1j, 1, {}),
    (np.ones((4, 4)), 1, {"method": "cross"}),
    (np.ones((4, 4)), 1, {"start": "zero"}),
    (np.ones((4, 4)), 1, {"projection": "randomized"}),
    (np.ones((4, 4)), 1, {"c1": 0}),
    (np.ones((4, 4)), 1, {"c3": 1.5}),
    (np.ones((4, 4)), 1, {"max_steps": 0}),
    (np.ones((4, 4)), 1, {"start": "random", "seed": -1}),
])
def test_bad_input_raises_domain_error(F, rank, options):
    with pytest.raises(DomainError):
        max_norm_approximation(F, rank, **options)


def test_truncated_svd_wants_a_matrix():
    with pytest.raises(DomainError):
        truncated_svd_approximation(np.ones((2, 2, 2)), 1)


@pytest.mark.parametrize("kernels", [True, False])
def test_sparse_products_match_scipy(monkeypatch, kernels):
    """The clipped-entry correction S of the truncated projection: S V and
    S^T Q through scipy's C kernels (and the public fallback) equal the
    dense products, on a non-square S with empty rows and a strided V."""
    import scipy.sparse

    from certbounds.numeric import alternating_projections as ap
    if not kernels:
        monkeypatch.setattr(ap, "_CSR_MATVECS", None)
    rng = np.random.default_rng(5)
    dense = rng.standard_normal((30, 17)) * (rng.random((30, 17)) < 0.1)
    dense[3] = 0.0
    csr = scipy.sparse.csr_array(dense)
    S = ap._Sparse(csr.data, csr.indices.astype(np.int32), csr.indptr.astype(np.int32),
                   dense.shape)
    V = rng.standard_normal((17, 10))[:, ::2]                # not contiguous
    Q = rng.standard_normal((30, 4))
    assert np.allclose(S.matmul(V), dense @ V, rtol=1e-14, atol=1e-14)
    assert np.allclose(S.rmatmul(Q), dense.T @ Q, rtol=1e-14, atol=1e-14)


def test_blas_is_limited_during_the_iteration_only():
    """AP pins every loaded BLAS to one thread while it iterates (measured
    faster, see ``numeric.blas_threads``), and leaves the setting as it was."""
    from threadpoolctl import threadpool_info, threadpool_limits

    F = generate("f1", 30, 3, seed=0).F
    seen = []

    def record(progress):
        seen.append({lib["filepath"]: lib["num_threads"] for lib in threadpool_info()
                     if lib["user_api"] == "blas"})
        return progress.step >= 2

    with threadpool_limits(limits=2, user_api="blas"):
        before = {lib["filepath"]: lib["num_threads"] for lib in threadpool_info()
                  if lib["user_api"] == "blas"}
        max_norm_approximation(F, 2, callback=record)
        after = {lib["filepath"]: lib["num_threads"] for lib in threadpool_info()
                 if lib["user_api"] == "blas"}
        max_norm_approximation(F, 2, callback=record, blas_threads=None)
    assert seen[0] and set(seen[0].values()) == {1}
    assert after == before and seen[-1] == before
    with pytest.raises(DomainError, match="blas_threads"):
        max_norm_approximation(F, 2, blas_threads=0)
