"""The three stages of budzinskiy2025 Section 1.3 (certbounds/analysis/stages.py)."""

from __future__ import annotations

import doctest
import math

import mpmath
import pytest

import certbounds.analysis.stages as stages_module
from certbounds.analysis.plots import plot_stages
from certbounds.analysis.stages import stages
from certbounds.errors import DomainError, MissingParameterError, UnknownParameterError


def jl_rank(n: int) -> int:
    """r(n) = ceil(9 log(3 n^2) / eps^2) at eps = 1/10, i.e. ceil(900 log(3 n^2)),
    computed independently: the least integer k with e^(k/900) >= 3 n^2,
    found from a float guess and decided with mpmath at 60 digits (no
    candidate comes within 10^-40 of equality)."""
    mpmath.mp.dps = 60
    target = 3 * mpmath.mpf(n) ** 2
    k = math.ceil(900 * math.log(3 * n * n)) - 2
    while mpmath.exp(mpmath.mpf(k) / 900) < target:
        assert abs(mpmath.exp(mpmath.mpf(k) / 900) - target) > mpmath.mpf(10) ** -40 * target
        k += 1
    return k


@pytest.fixture(scope="module")
def jl_stages():
    return stages("0.1")


def test_docstring_example():
    result = doctest.testmod(stages_module)
    assert result.failed == 0 and result.attempted > 0


def test_stage_two_begins_at_18695_not_18964(jl_stages):
    # the paper prints 18964; r(18694) = 18694 (no gain yet), r(18695) = 18694 < 18695
    assert (jl_rank(18694), jl_rank(18695)) == (18694, 18694)
    assert all(jl_rank(n) >= n for n in (1, 2, 100, 18000, 18693))
    assert jl_rank(18964) < 18964  # so 18964 is a crossing, but not the first
    c = jl_stages.stage2
    assert c.x == 18695 and c.first_certified and c.beyond_status == "verified"
    assert jl_stages.boundaries == {1: 1, 2: 18695, 3: None}
    assert jl_stages.logarithmic_stage is True


@pytest.mark.parametrize("n, paper", [(10 ** 5, 21713), (10 ** 7, 30002), (10 ** 9, 38291)])
def test_bound_at_the_papers_sizes(jl_stages, n, paper):
    # budzinskiy2025 Section 1.3: "r_{10^5} = 21713, r_{10^7} = 30002, r_{10^9} = 38291"
    assert jl_rank(n) == paper
    r = jl_stages.bound(n)
    assert r.value.integer == paper and r.stage == 2


def test_bound_in_stage_one_and_at_the_boundary(jl_stages):
    assert jl_stages.bound(1000).value.integer == 1000 and jl_stages.bound(1000).stage == 1
    # a tie (r(18694) = 18694 = n) belongs to stage 1: stage 2 begins where JL < n
    assert jl_stages.bound(18694).stage == 1 and jl_stages.bound(18695).stage == 2


def test_analytical_bound_m_gives_stage_three():
    # f = x^T y has rank at most m; with m = 25000 the JL bound exceeds m
    # from the first n with ceil(900 log(3 n^2)) > 25000
    s = stages("0.1", analytical="m", bindings={"m": "25000"}, prove_beyond=False)
    expected = 621309  # checked below with the independent r(n)
    assert jl_rank(expected - 1) == 25000 and jl_rank(expected) == 25001
    assert s.boundaries == {1: 1, 2: 18695, 3: expected}
    assert s.bound(expected).value.integer == 25000 and s.bound(expected).stage == 3


def test_small_analytical_bound_skips_the_logarithmic_stage():
    # (1.1) with m = 3, C = 1, M = 1, eps = 0.1: rho* = ceil(max(log 10, 3 e^2)) = 23,
    # rank = binom(3 + 23 - 1, 3) = binom(25, 3) = 2300 < JL(n) for every n >= 3,
    # so r_n = min(n, 2300): stage 3 directly from n = 2301 (footnote 4)
    assert math.comb(25, 3) == 2300 and math.ceil(3 * math.e ** 2) == 23
    s = stages("0.1", analytical="budzinskiy2025:eq1.1.rank",
               bindings={"m": "3", "C": "1", "M": "1"}, prove_beyond=False)
    assert s.logarithmic_stage is False
    assert s.boundaries == {1: 1, 2: None, 3: 2301}
    assert s.bound(10 ** 6).value.integer == 2300


def test_plot_stages_writes_a_png(tmp_path):
    s = stages("0.1", analytical="m", bindings={"m": "25000"}, prove_beyond=False)
    path = plot_stages(s, tmp_path / "stages.png")
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000


def test_bad_input():
    with pytest.raises(DomainError):
        stages("2")
    with pytest.raises(MissingParameterError):
        stages("0.1", analytical="m")
    with pytest.raises(UnknownParameterError):
        stages("0.1", bindings={"m": "3"})
    with pytest.raises(DomainError):
        stages("0.1").bound(0)
