"""Certified crossovers (certbounds/analysis/crossover.py) against brute-force
scans, exact roots and mpmath."""

from __future__ import annotations

import doctest
import json
from fractions import Fraction

import mpmath
import pytest
import sympy

import certbounds.analysis.crossover as crossover_module
from certbounds.analysis.crossover import crossover
from certbounds.errors import (DomainError, MissingParameterError, ParameterError,
                               UnknownParameterError, UnknownStatementError)

SQUARE = {"n1": "n", "n2": "n", "eps": "0.1"}


def _ceil_mp(x) -> int:
    """ceil of an mpmath value far from an integer (asserted)."""
    k = int(mpmath.ceil(x))
    assert abs(x - mpmath.nint(x)) > mpmath.mpf(10) ** -30
    return k


def _brute_first(less, start=1, limit=10 ** 5) -> int:
    """The first n >= start with less(n), by scanning."""
    for k in range(start, limit):
        if less(k):
            return k
    raise AssertionError("no crossing below the limit")


def _certified_crossing(c) -> None:
    """Both sides certified, disjoint and on the right sides."""
    assert c.found and c.first_certified
    assert c.left_at_x.value < c.right_at_x.value
    if c.left_before is not None:
        assert c.left_before.value >= c.right_before.value


def test_docstring_example():
    result = doctest.testmod(crossover_module)
    assert result.failed == 0 and result.attempted > 0


@pytest.mark.parametrize("a, b", [(3, 2), (5, 1), (10, 3), (40, 7)])
def test_jl_type_rank_against_a_brute_force_scan(a, b):
    # r(n) = ceil(a log(b n)) vs n: the first n with r(n) < n, scanned with
    # mpmath at 50 digits (for a, b = 5, 1 at n = 1, where r = 0, and again
    # later: the prover must refute "LEFT < RIGHT beyond")
    mpmath.mp.dps = 50
    expected = _brute_first(lambda k: _ceil_mp(a * mpmath.log(b * k)) < k if b * k > 1
                            else True)
    c = crossover(f"ceiling({a}*log({b}*n))", "n", "n")
    assert c.x == expected
    _certified_crossing(c)
    assert c.beyond_status in ("verified", "refuted")
    if (a, b) == (5, 1):
        assert expected == 1 and c.beyond_status == "refuted"  # r(2) = 4 >= 2
    else:
        assert c.beyond_status == "verified"


def test_polynomial_against_exponential():
    # first n >= 2 with n^10 < 2^n: scanned exactly with integers -> 59
    expected = _brute_first(lambda k: k ** 10 < 2 ** k, start=2)
    c = crossover("n^10", "2^n", "n", start=2, prove_beyond=False)
    assert c.x == expected == 59
    _certified_crossing(c)
    assert c.left_at_x.integer == 59 ** 10 and c.right_before.integer == 2 ** 58


def test_two_crossings_the_first_is_found():
    # LEFT < RIGHT exactly where (n - 11/2)(n - 15/2)(n - 79/2) > 0: n = 6, 7
    # and n >= 40. The exponential search first hits n = 65 and bisects to
    # 40; the proof that nothing crosses before 40 is refuted, and the
    # search restarts below the counterexample.
    f = sympy.sympify("(n - 11/2)*(n - 15/2)*(n - 79/2)")
    expected = _brute_first(lambda k: f.subs("n", k) > 0)
    c = crossover("0", "(n - 11/2)*(n - 15/2)*(n - 79/2)", "n")
    assert c.x == expected == 6
    _certified_crossing(c)
    assert c.first_proof.status == "verified"  # LEFT >= RIGHT on {1, ..., 5}
    assert c.beyond_status == "refuted"        # n = 8 ... 39 do not cross


def test_the_jl_crossing_of_section_1_3():
    # ceil(900 log(3 n^2)) < n first at n = 18695 (18694 = r(18694) = n is
    # no crossing); exact integer check: 900 log(3 n^2) > k iff
    # 3 n^2 > e^(k/900), decided with mpmath at 50 digits
    mpmath.mp.dps = 50
    assert _ceil_mp(900 * mpmath.log(3 * mpmath.mpf(18694) ** 2)) == 18694
    assert _ceil_mp(900 * mpmath.log(3 * mpmath.mpf(18695) ** 2)) == 18694
    c = crossover("budzinskiy2025:thm1.3.rank", "n", "n", bindings=SQUARE)
    assert c.x == 18695 and c.first_certified
    assert c.first_proof.status == "verified"
    assert c.beyond_status == "verified"       # unbounded --to
    assert (c.left_at_x.integer, c.right_at_x.integer) == (18694, 18695)
    assert (c.left_before.integer, c.right_before.integer) == (18694, 18694)
    doc = json.loads(json.dumps(c.to_json()))
    assert doc["x"] == 18695 and doc["stop"] is None
    assert doc["left_at_x"]["lower"] == "18694" and doc["first_proof"]["status"] == "verified"
    assert "\n" not in c.summary()


def test_no_crossing_in_a_bounded_range_is_proved():
    c = crossover("jl.rank", "n", "n", stop=18694, bindings=SQUARE)
    assert not c.found and c.x is None and c.no_crossing_proved


def test_no_crossing_in_an_unbounded_range_is_proved():
    c = crossover("n", "log(n)", "n")
    assert c.status == "none" and c.no_crossing_proved


def test_real_crossing_encloses_sqrt_2():
    c = crossover("2", "x^2", "x", real=True, start=0)
    lower = Fraction(int(c.lower.p), int(c.lower.q))
    upper = Fraction(int(c.upper.p), int(c.upper.q))
    assert lower ** 2 < 2 < upper ** 2          # exact: sqrt(2) in (lower, upper)
    assert upper - lower <= Fraction(1, 2 ** 40) * upper
    assert c.first_proof.status == "verified" and c.beyond_status == "verified"
    assert c.left_at_x.value < c.right_at_x.value
    doc = c.to_json()["crossing"]
    assert doc["lower"] <= "1.41421356237309505" <= doc["upper"]


def test_real_crossing_of_exp_against_a_line():
    # first x >= 1 with 1 + e^2 x < e^x: the root of e^x = 1 + e^2 x near
    # 3.2065 (mpmath findroot at 50 digits)
    mpmath.mp.dps = 50
    root = mpmath.findroot(lambda x: mpmath.exp(x) - 1 - mpmath.e ** 2 * x, 3.2)
    c = crossover("1 + exp(2)*x", "exp(x)", "x", real=True, start=1, tol="1e-20")
    lower = mpmath.mpf(int(c.lower.p)) / int(c.lower.q)
    upper = mpmath.mpf(int(c.upper.p)) / int(c.upper.q)
    assert lower < root <= upper and upper - lower <= mpmath.mpf(10) ** -20 * upper


def test_undecided_point_is_reported_not_guessed():
    # n < n + e^-300 is true, but 64 bits cannot see it
    c = crossover("n", "n + exp(-300)", "n", max_prec=64, prove_beyond=False)
    assert c.status == "undecided" and c.undecided_at == 1 and not c.found
    assert crossover("n", "n + exp(-300)", "n", prove_beyond=False).x == 1


@pytest.mark.parametrize("args, kwargs, error", [
    (("jll.rank", "n", "n"), {}, UnknownStatementError),
    (("jl.rank", "n", "n"), {"bindings": {"eps": "0.1"}}, MissingParameterError),
    (("n", "5", "n"), {"start": 10, "stop": 5}, DomainError),
    (("n", "5", "n"), {"start": "1.5"}, DomainError),
    (("n", "5", "x"), {}, ParameterError),
    (("n", "5", "n"), {"bindings": {"m": "3"}}, UnknownParameterError),
])
def test_bad_input(args, kwargs, error):
    with pytest.raises(error):
        crossover(*args, **kwargs)
