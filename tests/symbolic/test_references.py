"""User expressions naming catalogue quantities
(certbounds/symbolic/references.py)."""

from __future__ import annotations

import doctest

import pytest
import sympy

import certbounds.symbolic.references as references
from certbounds.certified.decide import ceil
from certbounds.errors import (DomainError, MalformedNumberError, ParameterError,
                               UnknownStatementError)
from certbounds.symbolic.catalogue import get_statement
from certbounds.symbolic.references import (free_names, parse_expression, parse_expressions,
                                            split_reference)

n = sympy.Symbol("n", real=True)
SQUARE = {"n1": "n", "n2": "n", "eps": "0.1"}


def test_docstring_examples():
    result = doctest.testmod(references, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0


def test_jl_rank_of_square_matrices_is_exact():
    # (1.2) with n1 = n2 = n and eps = 1/10 exactly: 9 log(3 n^2) / (1/100)
    expected = sympy.ceiling(900 * sympy.log(3 * n ** 2))
    for text in ("budzinskiy2025:thm1.3.rank", "jl.rank", "JL.rank", "budzinskiy2025:eq1.2.rank"):
        assert parse_expression(text, variables=["n"], bindings=SQUARE) == expected


def test_the_quantity_follows_the_last_dot_and_arithmetic_goes_on():
    assert split_reference("budzinskiy2025:thm1.3.rank") == ("budzinskiy2025:thm1.3", "rank")
    jl = sympy.ceiling(900 * sympy.log(3 * n ** 2))
    assert parse_expression("jl.rank-1", variables=["n"], bindings=SQUARE) == jl - 1
    assert parse_expression("n-jl.rank", variables=["n"], bindings=SQUARE) == n - jl
    assert parse_expression("2*budzinskiy2025:eq1.2.rank/n", variables=["n"],
                            bindings=SQUARE) == 2 * jl / n
    # an alias with a hyphen, then a minus sign
    zolotarev = get_statement("cauchy-zolotarev").quantity("zolotarev").expr
    parsed = parse_expression("cauchy-zolotarev.zolotarev-1")
    assert parsed.func == sympy.Add and parsed.has(type(zolotarev))


def test_parameters_without_binding_stay_free_as_plain_real_symbols():
    expr = parse_expression("budzinskiy2025:eq1.1.rank")
    assert free_names(expr) == ["C", "M", "eps", "m"]
    # the catalogue's symbols carry assumptions (m is a positive integer);
    # what is left free is the plain real symbol of each name
    assert all(s == sympy.Symbol(s.name, real=True) for s in expr.free_symbols)
    assert free_names(expr, ignore=["m"]) == ["C", "M", "eps"]


def test_bindings_match_catalogue_symbols_not_lookalikes():
    # n1 in the catalogue is Symbol('n1', integer=True, positive=True); the
    # binding must reach it although the user's n1 is a plain symbol
    expr = parse_expression("jl.rank", bindings={"n1": "10", "n2": "n1", "eps": "1/2"})
    assert not expr.free_symbols
    # n2 = n1 = 10, eps = 1/2: ceil(36 log 300) = ceil(205.336...) = 206 (mpmath, 40 digits)
    assert ceil(expr).value == 206


def test_choose_rules_substitute_recursively():
    # budzinskiy2025 Thm 3.8: t defaults to max(1, ceil(M R^2 sigma e^2))
    expr = parse_expression("budzinskiy2025:thm3.8.rank", bindings={"eps": "0.1"})
    assert "t" not in free_names(expr)
    assert set(free_names(expr)) == {"M", "R", "sigma", "n1", "n2"}
    # with the others bound to 1: t = max(1, ceil(e^2)) = 8 (e^2 = 7.389...)
    expr = parse_expression("budzinskiy2025:thm3.8.rank",
                            bindings={"eps": "0.1", "M": "1", "R": "1", "sigma": "1",
                                      "n1": "100", "n2": "100"})
    # rank = 1 + (t - 1) r = 1 + 7 ceil(900 log 30000) = 1 + 7 * 9279
    # (900 log 30000 = 9278.057..., mpmath at 40 digits)
    assert ceil(expr).value == 1 + 7 * 9279


def test_a_variable_named_like_a_parameter_wins_over_its_default():
    expr = parse_expression("budzinskiy2025:thm3.8.rank", variables=["t"],
                            bindings={"eps": "0.1", "n1": "n", "n2": "n"})
    assert "t" in free_names(expr)


def test_exact_numbers_and_no_sympy_decisions():
    assert parse_expression("0.1*x + 1e5 + 10^3") == sympy.Rational(1, 10) * sympy.Symbol(
        "x", real=True) + 101000
    # sympy would decide this ceiling with evalf: it is left to the
    # certified layer, which proves ceil(log 8 / log 2) = 3
    expr = parse_expression("ceiling(log(8)/log(2))")
    assert isinstance(expr, sympy.ceiling)
    assert ceil(expr.args[0], max_prec=512).value == 3


def test_plain_names_take_global_bindings_and_chains():
    assert parse_expression("a*m", bindings={"a": "b+1", "b": "m^2", "m": "3"}) == 30
    exprs, used = parse_expressions(["jl.rank", "n"], variables=["n"],
                                    bindings={**SQUARE, "m": "3"})
    assert used == {"n1", "n2", "eps"}


@pytest.mark.parametrize("text, error, words", [
    ("jll.rank", UnknownStatementError, ["jll", "jl"]),
    ("n - jll.rank", UnknownStatementError, ["jll"]),
    ("foo:thm1.rank", UnknownStatementError, ["foo:thm1"]),
    ("jl.foo", ParameterError, ["foo", "rank", "error"]),
    ("budzinskiy2025:thm1.3", ParameterError, ["no quantity", "rank"]),
    ("x +* 2", MalformedNumberError, []),
    ("x; y", MalformedNumberError, []),
    ("a__b", MalformedNumberError, []),
    ("", MalformedNumberError, []),
    ("10^10^10", MalformedNumberError, ["too large"]),
])
def test_errors(text, error, words):
    with pytest.raises(error) as info:
        parse_expression(text)
    for word in words:
        assert word in str(info.value)


def test_binding_errors():
    with pytest.raises(DomainError):  # eps must lie in (0, 1)
        parse_expression("jl.rank", bindings={"eps": "2"})
    with pytest.raises(ParameterError, match="cycle"):
        parse_expression("a", bindings={"a": "b", "b": "a + 1"})
    with pytest.raises(ParameterError, match="variable"):
        parse_expression("n", variables=["n"], bindings={"n": "3"})
    with pytest.raises(MalformedNumberError, match="float"):
        parse_expression("a", bindings={"a": 0.1})
