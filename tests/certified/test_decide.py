"""Certified decisions: compare, ceil, floor (certbounds.certified.decide)
and the three-valued hypotheses of a certified eval."""

import math
from fractions import Fraction

import mpmath
import pytest
import sympy
from hypothesis import given, settings, strategies as st

from certbounds.certified.decide import ceil, compare, floor
from certbounds.certified.evaluate import certified_rule, evaluate
from certbounds.errors import DomainError, MalformedNumberError, UndecidedError
from certbounds.symbolic.catalogue import get_statement


@pytest.mark.parametrize("text, value", [
    ("log(exp(5))", 5),            # sympy simplifies this to 5: exact
    ("log(8)/log(2)", 3),          # an integer no ball can separate from 3: decided by sympy
    ("sqrt(2)**2", 2),
    ("(sqrt(2) + 1)*(sqrt(2) - 1)", 1),
    ("exp(log(7)) - 2", 5),
])
def test_ceil_and_floor_of_exact_integers_are_that_integer(text, value):
    # the acceptance: the integer or "undecided", never a neighbour
    for op in (ceil, floor):
        result = op(text, max_prec=512)
        assert result.value in (value, None), (text, result)
        assert result.lower <= value <= result.upper
    assert ceil(text, max_prec=512).value == value


def test_integer_that_sympy_cannot_prove_is_undecided_not_a_neighbour():
    # cos(pi/7) cos(2 pi/7) cos(4 pi/7) = -1/8, so 8 (...) + 2 is exactly 1;
    # whatever sympy proves, the answer is 1 or undecided with 1 a candidate
    result = ceil("8*cos(pi/7)*cos(2*pi/7)*cos(4*pi/7) + 2", max_prec=256)
    assert result.value in (1, None)
    assert result.lower <= 1 <= result.upper


@pytest.mark.parametrize("text", ["10**-100", "-(10**-100)", "1 - 10**-200", "pi*10**50"])
def test_values_near_integers_are_decided_by_precision(text):
    with mpmath.workdps(300):
        ref = mpmath.mpmathify(sympy.N(sympy.sympify(text.replace("**", "**")), 300))
        assert ceil(text).value == int(mpmath.ceil(ref))
        assert floor(text).value == int(mpmath.floor(ref))


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 10 ** 6), st.integers(1, 10 ** 6), st.integers(1, 1000))
def test_jl_ceiling_matches_mpmath(n1, n2, inv_eps):
    # the JL rank of budzinskiy2025 eq. (1.2): ceil(9 log(3 n1 n2) / eps^2)
    with mpmath.workdps(60):
        ref = int(mpmath.ceil(9 * mpmath.log(3 * n1 * n2) * inv_eps ** 2))
    assert ceil(f"9*log(3*{n1}*{n2})*{inv_eps}**2").value == ref


@pytest.mark.parametrize("x, y, relation, status", [
    ("pi", "355/113", "<", "true"),
    ("exp(1)", "2718281828/1000000000", ">", "true"),
    ("1/3", "2/6", "==", "true"),                  # exact rationals: decided exactly
    ("1/3", "0.3333333333333333", ">", "true"),
    ("sqrt(2)*sqrt(3)", "sqrt(6)", "==", "true"),  # sympy makes both sides sqrt(6)
    ("log(8)", "3*log(2)", "<", "false"),          # equal: balls overlap, sympy proves it
    ("log(8)", "3*log(2)", "<=", "true"),
    ("log(8)", "3*log(2)", "==", "true"),
    ("exp(pi*sqrt(163))", "640320**3 + 744", "<", "true"),  # Ramanujan: 7.5e-13 below

])
def test_compare(x, y, relation, status):
    decision = compare(x, y, relation, max_prec=512)
    assert decision.status == status, decision
    assert decision.value == {"true": True, "false": False}.get(status)


def test_compare_rejects_bad_input():
    with pytest.raises(DomainError):
        compare("1", "2", "<>")
    with pytest.raises(MalformedNumberError):
        compare(0.1, "2")
    with pytest.raises(DomainError):
        compare("log(-1 - x**2)", "0", values={"x": "1"})


def test_compare_with_values_of_free_symbols():
    assert compare("x**2", "2", "<", values={"x": "1.4142"}).status == "true"
    assert compare("x**2", "2", ">", values={"x": "1.4143"}).status == "true"


def test_rule_defaults_are_certified_integers():
    # Theorem 3.8's smallest t >= e^2 M sigma R^2; e^2 = 7.389... so t = 8 at M = sigma = R = 1
    M, R, sigma = sympy.symbols("M R sigma", positive=True)
    value = certified_rule(sympy.ceiling(M * R ** 2 * sigma * sympy.exp(2)),
                           {M: 1, R: 1, sigma: 1})
    assert value == 8 and isinstance(value, sympy.Integer)
    # e^2 * 1000000/7389056 = 1.00000000..., its ceiling is 2; a float would say 1 or 2
    value = certified_rule(sympy.ceiling(M * sympy.exp(2)), {M: sympy.Rational(10 ** 6, 7389056)})
    assert value == 2 and math.e ** 2 * 10 ** 6 / 7389056 > 1
    with pytest.raises(UndecidedError):
        certified_rule(sympy.ceiling(sympy.log(8) / sympy.log(2) * M), {M: 1}, max_prec=128)


def test_hypotheses_are_three_valued():
    st8 = get_statement("budzinskiy2025:thm3.8")
    base = {"eps": "0.1", "n1": "1e5", "n2": "1e5", "C": "1", "M": "1", "R": "1", "sigma": "1"}
    assert [h.status for h in evaluate(st8, base).hypotheses] == ["holds"]
    assert [h.status for h in evaluate(st8, {**base, "t": "7"}).hypotheses] == ["fails"]
    # t >= e^2 M with M = 8/e^2 rounded: 7389056/10^6 ... decided at the working precision
    tight = evaluate(st8, {**base, "t": "8", "M": str(Fraction(8 * 10 ** 15, 7389056098930650))})
    assert tight.hypotheses[0].status in ("holds", "fails")
