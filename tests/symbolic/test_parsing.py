"""Exact parsing of user numbers and expressions (certbounds.symbolic.parsing)."""

from decimal import Decimal
from fractions import Fraction

import pytest
import sympy
from hypothesis import given, strategies as st

from certbounds.errors import MalformedNumberError
from certbounds.symbolic.parsing import X, parse_function, parse_number


@pytest.mark.parametrize("text, expected", [
    ("0.1", sympy.Rational(1, 10)),          # the classic float trap: exactly 1/10
    ("1e5", sympy.Integer(100000)),
    ("2.5E-3", sympy.Rational(1, 400)),
    ("-3", sympy.Integer(-3)),
    ("1/3", sympy.Rational(1, 3)),
    ("-7/21", sympy.Rational(-1, 3)),
    ("10^9", sympy.Integer(10) ** 9),
    ("10**9", sympy.Integer(10) ** 9),
    (".5", sympy.Rational(1, 2)),
    ("inf", sympy.oo), ("-inf", -sympy.oo), ("oo", sympy.oo), (" +inf ", sympy.oo),
])
def test_parse_number_is_exact(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["", "abc", "0.1x", "1e", "1/0", "1//2", "--1", "nan",
                                  "exp(1)", "1,5", "0x10", "2^100000", "1e100000",
                                  "1e-1001", "1" * 1001, "1/" + "3" * 1001])
def test_parse_number_rejects_malformed(text):
    with pytest.raises(MalformedNumberError):
        parse_number(text)


@given(st.decimals(allow_nan=False, allow_infinity=False, places=12,
                   min_value=Decimal("-1e9"), max_value=Decimal("1e9")))
def test_decimal_text_round_trips_exactly(value):
    # Fraction(Decimal) is exact, so this compares against an independent exact parse
    text = str(value)
    parsed = parse_number(text)
    assert Fraction(int(parsed.p), int(parsed.q)) == Fraction(value)


@given(st.integers(-10**6, 10**6), st.integers(-30, 30))
def test_scientific_notation_exact(mantissa, exponent):
    parsed = parse_number(f"{mantissa}e{exponent}")
    assert Fraction(int(parsed.p), int(parsed.q)) == Fraction(mantissa) * Fraction(10) ** exponent


def test_parse_function_rationalises_and_restricts_names():
    assert parse_function("exp(0.5*x)") == sympy.exp(X / 2)
    assert parse_function("exp(-2 + 2*x)") == sympy.exp(-2 + 2 * X)
    assert parse_function("x^2") == X ** 2
    for bad in ["exp(y)", "__import__('os')", "x.__class__", "lambda: 1", "", "exp(", "open('f')"]:
        with pytest.raises(MalformedNumberError):
            parse_function(bad)
