"""Function-generated data (numeric.function_data, budzinskiy2025 §7.2):
against entry-by-entry evaluation, the distribution of the points, the
spectral densities of the kernels, seeds and bad input."""

from __future__ import annotations

import math

import numpy as np
import pytest

from certbounds.errors import DomainError, UnknownParameterError
from certbounds.numeric.function_data import (FUNCTIONS, distance_matrix, generate,
                                              inner_product_matrix, inner_product_tensor,
                                              sample_ball, sample_points, sample_sphere,
                                              shift_invariant_matrix)


def test_ball_radii_follow_u_to_the_one_over_m():
    # P(|x| <= s) = s^m in the unit ball: E|x| = m / (m + 1), E|x|^2 = m / (m + 2)
    for m in (1, 3, 10):
        norms = np.linalg.norm(sample_ball(20000, m, seed=m), axis=1)
        assert norms.max() < 1
        assert abs(norms.mean() - m / (m + 1)) < 0.01
        assert abs((norms ** 2).mean() - m / (m + 2)) < 0.01


def test_ball_directions_are_uniform():
    X = sample_ball(20000, 3, seed=5)
    directions = X / np.linalg.norm(X, axis=1, keepdims=True)
    # the mean direction of the uniform distribution on the sphere is 0, its
    # second moment I/m
    assert np.abs(directions.mean(axis=0)).max() < 0.02
    assert np.abs(directions.T @ directions / len(X) - np.eye(3) / 3).max() < 0.02


def test_sphere_and_radius():
    X = sample_sphere(50, 4, R=2.5, seed=0)
    assert np.allclose(np.linalg.norm(X, axis=1), 2.5)
    assert np.linalg.norm(sample_ball(200, 4, R=0.5, seed=1), axis=1).max() < 0.5


def _slow(f, *points):
    shape = tuple(len(p) for p in points)
    out = np.empty(shape)
    for idx in np.ndindex(*shape):
        out[idx] = f(*(p[i] for p, i in zip(points, idx)))
    return out


def test_matrices_agree_with_entry_by_entry_evaluation():
    rng = np.random.default_rng(0)
    X, Y = sample_ball(7, 3, seed=rng), sample_ball(5, 3, seed=rng)
    A = rng.standard_normal((3, 3))
    W = A @ A.T + np.eye(3)
    for name, f in (("f1", lambda x, y: math.exp(-np.linalg.norm(x - y))),
                    ("f2", lambda x, y: math.exp(-np.linalg.norm(x - y) ** 4)),
                    ("gaussian", lambda x, y: math.exp(-np.linalg.norm(x - y) ** 2)),
                    ("cauchy", lambda x, y: 1 / (1 + np.linalg.norm(x - y) ** 2))):
        assert np.allclose(distance_matrix(FUNCTIONS[name].h, X, Y), _slow(f, X, Y),
                           rtol=1e-12, atol=1e-12)
    assert np.allclose(distance_matrix(np.exp, X, Y, W),
                       _slow(lambda x, y: math.exp((x - y) @ W @ (x - y)), X, Y), rtol=1e-12)
    assert np.allclose(inner_product_matrix(np.exp, X, Y, W),
                       _slow(lambda x, y: math.exp(x @ W @ y), X, Y), rtol=1e-12)
    kernel = shift_invariant_matrix(lambda d: np.exp(-np.linalg.norm(d, axis=-1)), X, Y, block=2)
    assert np.allclose(kernel, distance_matrix(FUNCTIONS["f1"].h, X, Y), rtol=1e-12)


def test_tensor_agrees_with_entry_by_entry_evaluation():
    data = generate("f3", 4, 3, seed=2)
    X, Y, Z = data.points
    assert np.allclose(data.F, _slow(lambda x, y, z: math.sinh(np.sum(x * y * z)), X, Y, Z),
                       rtol=1e-12)
    assert inner_product_tensor(np.sinh, X, Y, Z, X).shape == (4, 4, 4, 4)


def test_symmetric_sampling_gives_symmetric_matrices_with_exact_diagonal():
    data = generate("f1", 30, 5, sampling="symmetric", seed=3)
    assert np.array_equal(data.F, data.F.T)
    assert np.all(np.diag(data.F) == 1.0)  # exp(-0): the clipping keeps exact zeros
    assert data.points[0] is data.points[1]
    independent = generate("f1", 30, 5, seed=3)
    assert not np.allclose(independent.F, independent.F.T)


def test_seeds_reproduce():
    a, b = generate("f2", 20, 4, seed=11), generate("f2", 20, 4, seed=11)
    assert np.array_equal(a.F, b.F)
    assert not np.array_equal(a.F, generate("f2", 20, 4, seed=12).F)
    assert a.provenance()["seed"] == 11 and a.provenance()["shape"] == [20, 20]


@pytest.mark.parametrize("name", [n for n, f in FUNCTIONS.items() if f.spectral])
def test_spectral_densities_reproduce_the_kernels(name):
    # Bochner: kappa(d) = E cos(w^T d) for w from the spectral density
    f = FUNCTIONS[name]
    rng = np.random.default_rng(7)
    w = f.spectral(rng, 400000, 3)
    for d in (np.array([0.3, 0.0, 0.0]), np.array([0.5, -0.4, 0.2]), np.array([1.0, 1.0, 0.0])):
        estimate = np.cos(w @ d).mean()
        exact = f.h(np.array(d @ d))
        assert abs(estimate - exact) < 0.01, (name, d)


def test_bad_input():
    with pytest.raises(DomainError):
        generate("f1", 0, 3)
    with pytest.raises(DomainError):
        generate("f1", 5, -1)
    with pytest.raises(DomainError):
        generate("f1", 2.5, 3)
    with pytest.raises(UnknownParameterError):
        generate("f9", 5, 3)
    with pytest.raises(DomainError):
        generate("f3", 5, 3, sampling="symmetric")
    with pytest.raises(DomainError):
        sample_points(5, 3, sampling="diagonal")
    with pytest.raises(DomainError):
        sample_points(5, 3, domain="cube")
    with pytest.raises(DomainError):
        sample_ball(5, 3, R=0)
    with pytest.raises(DomainError):
        distance_matrix(np.exp, np.zeros((2, 3)), np.zeros((2, 3)), W=np.eye(2))
