"""The certified prover: known true and false statements over finite,
integer and unbounded ranges; exhaustive checks on small integer ranges;
an undecided answer (not a verdict) on too small a budget."""

from fractions import Fraction

import pytest
import sympy
from flint import fmpq
from hypothesis import given, settings, strategies as st

from certbounds.certified.exact import INF
from certbounds.certified.prove import Range, prove
from certbounds.errors import DomainError, MalformedNumberError

n, x, M = sympy.symbols("n x M", real=True)


# ------------------------------------------------------------------ ranges
def test_range_parsing_is_exact_and_normalises_integers():
    r = Range.parse("(1.597, inf)")
    assert r.lo == fmpq(1597, 1000) and r.lo_open and r.hi is INF
    assert Range.parse("3..10") == Range(3, 10, integer=True)
    # an integer range is closed at its integer ends: (1.5, 7) -> {2, ..., 6}
    r = Range("3/2", 7, integer=True, hi_open=True)
    assert (r.lo, r.hi) == (fmpq(2), fmpq(6))
    assert 2 in r and 6 in r and 7 not in r and Fraction(5, 2) not in r
    assert "1597/1000" not in Range.parse("(1.597, 2]")


@pytest.mark.parametrize("text", ["[1, 0]", "(1, 1]", "1,2", "[a, 2]", "[1, 2"])
def test_bad_ranges_raise(text):
    with pytest.raises((DomainError, MalformedNumberError)):
        Range.parse(text)


def test_bad_relations_and_missing_ranges_raise():
    with pytest.raises(DomainError):
        prove(sympy.Eq(x, 1), {"x": "[0, 1]"})
    with pytest.raises(DomainError):
        prove("x < y", {"x": "[0, 1]"})          # y has no range and no value
    with pytest.raises(MalformedNumberError):
        prove("x + ", {"x": "[0, 1]"})


# ------------------------------------------------------------------ verified
@pytest.mark.parametrize("relation, ranges", [
    # 2^n outgrows n^2 from n = 5 on (4^2 = 2^4, 5^2 = 25 < 32)
    ("n**2 < 2**n", {"n": "5..300"}),
    # exp(x) >= 1 + x with equality at 0: a tangency that boxes must hit exactly
    ("exp(x) >= 1 + x", {"x": "[-5, 5]"}),
    # (x - 1)^2 >= 0, tangent at x = 1
    ("x**2 - 2*x + 1 >= 0", {"x": "[-10, 10]"}),
    # sin x < x on (0, 10]: f(0) = 0 at the open end; f strictly increasing
    ("sin(x) < x", {"x": "(0, 10]"}),
    # log(1 + x) <= x on [0, 100] (concavity; equality at 0)
    ("log(1 + x) <= x", {"x": "[0, 100]"}),
    # x y <= 1 on the unit square, attained at the corner (1, 1)
    ("x*y <= 1", {"x": "[0, 1]", "y": "[0, 1]"}),
    # the rank (1.2) at eps = 0.1 with n1 = n2 = n is >= n up to 18694
    ("ceiling(900*log(3*n**2)) >= n", {"n": "1..18694"}),
])
def test_true_statements_on_finite_ranges_are_verified(relation, ranges):
    result = prove(relation, ranges, max_boxes=5000)
    assert result.status == "verified", result.summary()
    assert result.boxes >= 1 and result.prec >= 64


@pytest.mark.parametrize("relation, ranges", [
    # Appendix B.2 of budzinskiy2025: e^{M^2} - 1 - e^2 M is positive at 1.597
    # (12.8128... > 12.8003...) and increasing beyond (2M e^{M^2} > e^2 there)
    ("exp(M**2) > 1 + exp(2)*M", {"M": "[1.597, inf)"}),
    ("exp(M**2) > 1 + exp(2)*M", {"M": "(1.597, inf)"}),
    # n >= ceil(900 log(3 n^2)) + 1 from n = 18695 on: r(18695) = 18694 and
    # n - 900 log(3 n^2) is increasing for n > 1800
    ("ceiling(900*log(3*n**2)) < n", {"n": Range(18695, INF, integer=True)}),
    # x/(1 + x) < 1 for all x >= 0: the limit 1 is never attained
    ("x/(1 + x) < 1", {"x": "[0, inf)"}),
    # n! >= 2^(n-1) for every integer n >= 1
    ("factorial(n) >= 2**(n - 1)", {"n": Range(1, INF, integer=True)}),
    # 1/(n (n+1)^2) > 0 on [1, oo): strict although the infimum is 0
    ("1/(n*(n + 1)**2) > 0", {"n": "[1, inf)"}),
    # exp(-x) > 0 everywhere on [0, oo)
    ("exp(-x) > 0", {"x": "[0, inf)"}),
])
def test_true_statements_on_unbounded_ranges_are_verified(relation, ranges):
    result = prove(relation, ranges, max_boxes=5000)
    assert result.status == "verified", result.summary()


# ------------------------------------------------------------------ refuted
def _check_counterexample(relation, result):
    """The counterexample really violates the relation (checked here with
    sympy at 50 digits, independently of the prover's balls)."""
    rel = sympy.sympify(relation) if not isinstance(relation, str) else sympy.parse_expr(relation)
    subs = {sympy.Symbol(k): sympy.Rational(int(v.p), int(v.q))
            for k, v in result.counterexample.items()}
    lhs, rhs = rel.lhs.subs(subs), rel.rhs.subs(subs)
    holds = rel.func(sympy.N(lhs, 50), sympy.N(rhs, 50))
    assert holds == sympy.false, (relation, result.counterexample)


@pytest.mark.parametrize("relation, ranges", [
    ("n**2 < 2**n", {"n": "1..100"}),          # fails at n = 2, 3, 4
    # the minimum of x^3 - x on [0, 2] is -2/(3 sqrt 3) = -0.38490018 < -0.3849
    ("x**3 - x > -0.3849", {"x": "[0, 2]"}),
    # e^{M^2} > 1 + e^2 M fails at M = 1.5: e^2.25 = 9.49 < 1 + 1.5 e^2 = 12.08
    ("exp(M**2) > 1 + exp(2)*M", {"M": "[1.5, inf)"}),
    # r(18694) = 18694 is not < 18694: the second stage does not begin before 18695
    ("ceiling(900*log(3*n**2)) < n", {"n": Range(18000, INF, integer=True)}),
    ("x*y < 1", {"x": "[0, 1]", "y": "[0, 1]"}),  # fails at (1, 1)
])
def test_false_statements_are_refuted_with_a_certified_counterexample(relation, ranges):
    result = prove(relation, ranges, max_boxes=5000)
    assert result.status == "refuted", result.summary()
    for name, value in result.counterexample.items():
        assert value in Range.parse(ranges[name]) if isinstance(ranges[name], str) \
            else value in ranges[name]
    _check_counterexample(relation, result)


def test_a_counterexample_respects_integer_variables():
    result = prove("n**2 < 2**n", {"n": "1..100"})
    v = result.counterexample["n"]
    assert v.q == 1 and int(v.p) in (2, 3, 4)


# ------------------------------------------------------------------ undecided
def test_too_small_a_budget_gives_undecided_not_a_verdict():
    result = prove("sin(x) < x", {"x": "(0, 10]"}, max_boxes=2)
    assert result.status == "undecided"
    assert "budget" in result.reason


def test_equal_sides_on_a_line_are_undecided_not_verified():
    # x y <= (x^2 + y^2)/2 is true, with equality along the whole diagonal:
    # boxes cannot prove it, and the prover must say so instead of guessing
    result = prove("x*y <= (x**2 + y**2)/2", {"x": "[-1, 1]", "y": "[-1, 1]"}, max_boxes=300)
    assert result.status in ("undecided", "verified")
    assert result.status != "refuted"


def test_result_json_and_summary():
    result = prove("n**2 < 2**n", {"n": "1..10"})
    doc = result.to_json()
    assert doc["status"] == "refuted" and doc["counterexample"]["n"] in ("2", "3", "4")
    assert doc["sides"][0]["lower"] and "refuted at n =" in result.summary()


# ------------------------------------------------------------------ exhaustive
_poly = st.lists(st.integers(-6, 6), min_size=1, max_size=4)


@settings(max_examples=settings().max_examples // 2, deadline=None)
@given(coeffs=_poly, lo=st.integers(-30, 30), width=st.integers(0, 40),
       strict=st.booleans(), shift=st.integers(-50, 50))
def test_integer_polynomial_inequalities_match_exhaustive_check(coeffs, lo, width, strict, shift):
    """p(n) > c (or >= c) on {lo, ..., lo + width}, against checking every
    integer: verified exactly when it holds everywhere, refuted (at a point
    where it fails) exactly when it fails somewhere."""
    p = sum(c * n ** k for k, c in enumerate(coeffs))
    hi = lo + width
    values = [sum(c * v ** k for k, c in enumerate(coeffs)) for v in range(lo, hi + 1)]
    ok = [(v > shift) if strict else (v >= shift) for v in values]
    rel = sympy.Gt(p, shift) if strict else sympy.Ge(p, shift)
    result = prove(rel, {"n": Range(lo, hi, integer=True)}, max_boxes=2000)
    if all(ok):
        assert result.status == "verified", result.summary()
    else:
        assert result.status == "refuted", result.summary()
        v = int(result.counterexample["n"].p)
        assert not ok[v - lo]
