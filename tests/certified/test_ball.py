"""Balls, exact decimal endpoints and the precision loop
(certbounds.certified.ball)."""

from fractions import Fraction

import mpmath
import pytest
from flint import arb, ctx, fmpq
from hypothesis import given, settings, strategies as st

from certbounds.certified.ball import Ball, decimal_string, enclose
from certbounds.errors import DomainError


@settings(max_examples=300, deadline=None)
@given(st.integers(-10 ** 40, 10 ** 40), st.integers(1, 10 ** 30), st.integers(1, 40))
def test_decimal_strings_round_outward_and_are_close(num, den, digits):
    x = Fraction(num, den)
    down, up = Fraction(decimal_string(num, den, "down", digits)), \
        Fraction(decimal_string(num, den, "up", digits))
    assert down <= x <= up
    if x != 0:  # one unit in the last of `digits` significant places
        assert (up - down) <= abs(x) * Fraction(2, 10 ** (digits - 1))


@pytest.mark.parametrize("num, den, direction, digits, text", [
    (1, 3, "down", 5, "0.33333"), (1, 3, "up", 5, "0.33334"), (-2, 3, "down", 3, "-0.667"),
    (21713, 1, "down", 5, "21713"), (10 ** 25, 1, "up", 3, "1e25"), (1, 10 ** 7, "up", 2, "1e-7"),
    (123456, 1000, "down", 4, "123.4"), (-1, 8, "up", 10, "-0.125"),
])
def test_decimal_string_examples(num, den, direction, digits, text):
    assert decimal_string(num, den, direction, digits) == text


@settings(max_examples=200, deadline=None)
@given(st.integers(-10 ** 30, 10 ** 30), st.integers(1, 10 ** 20), st.integers(20, 300),
       st.integers(-3000, 3000))
def test_ball_endpoints_contain_the_ball(num, den, prec, shift):
    with ctx.workprec(prec):
        x = (arb(fmpq(num, den)) * arb(2) ** shift).sqrt() if num > 0 else arb(fmpq(num, den))
    ball = Ball(x)
    lower, upper = Fraction(ball.lower), Fraction(ball.upper)
    assert lower <= upper
    # the exact endpoints mid -+ rad lie inside [lower, upper]
    mid_man, mid_exp = (int(v) for v in x.mid().man_exp())
    rad_man, rad_exp = (int(v) for v in x.rad().man_exp())
    mid, rad = Fraction(mid_man) * Fraction(2) ** mid_exp, Fraction(rad_man) * Fraction(2) ** rad_exp
    assert lower <= mid - rad and mid + rad <= upper


def test_exact_values_print_exactly():
    assert (Ball.from_exact(fmpq(1, 10)).lower, Ball.from_exact(fmpq(1, 10)).upper) == ("0.1", "0.1")
    third = Ball.from_exact(fmpq(1, 3))
    assert Fraction(third.lower) < Fraction(1, 3) < Fraction(third.upper)
    assert Ball.from_exact(21713).integer == 21713
    assert Ball.from_exact(fmpq(7, 2)).integer is None


def test_tiny_values_do_not_underflow():
    # 2^-616000 is about 3.33e-185435 (log10 2 * 616000 = 185434.47...)
    ball = enclose(lambda prec: arb(2) ** -616000)
    assert ball.lower.endswith("e-185435") and ball.lower.startswith("3.3317391154")
    assert ball.mid == 0.0 and "mid" not in ball.to_json()


def test_precision_rises_until_accurate():
    # exp(1000) - exp(1000)(1 - 2^-200) needs far more than 80 bits
    def compute(prec):
        e = arb(1000).exp()
        return e - e * (1 - arb(2) ** -200)
    ball = enclose(compute, accuracy=50)
    assert ball.accurate and ball.prec > 200
    with mpmath.workdps(400):  # reference: e^1000 2^-200, to 80 digits
        ref = Fraction(mpmath.nstr(mpmath.exp(1000) * mpmath.mpf(2) ** -200, 80))
    width = Fraction(ball.upper) - Fraction(ball.lower)
    slack = ref / 10 ** 70  # the reference's own rounding
    assert Fraction(ball.lower) - slack <= ref <= Fraction(ball.upper) + slack
    assert width <= ref * Fraction(1, 2 ** 49)


def test_cap_is_reported_when_accuracy_is_not_reached():
    # a ball around 0 has no relative accuracy: the loop stops at the cap and says so
    ball = enclose(lambda prec: arb(2).sqrt() - arb(2).sqrt(), max_prec=256)
    assert not ball.accurate and ball.prec == 256
    assert Fraction(ball.lower) <= 0 <= Fraction(ball.upper)


def test_undefined_values_are_domain_errors():
    with pytest.raises(DomainError):
        enclose(lambda prec: arb(-1).log(), max_prec=128)
    with pytest.raises(DomainError):
        enclose(lambda prec: arb(1), accuracy=0)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 2 ** 200), st.integers(20_001, 60_000), st.booleans(), st.booleans(),
       st.integers(5, 40))
def test_huge_exponents_convert_outward_through_arb(man, exp, negative_exp, negative, digits):
    # endpoints of Z_n for large n have binary exponents in the millions: they
    # are converted in Arb, still rounded outward, within a unit of the exact text
    from certbounds.certified.ball import _decimal_string_by_arb, _fraction
    man, exp = (-man if negative else man), (-exp if negative_exp else exp)
    num, den = _fraction(man, exp)
    x = Fraction(num, den)
    for direction in ("down", "up"):
        text = _decimal_string_by_arb(man, exp, direction, digits)
        assert (Fraction(text) <= x) if direction == "down" else (Fraction(text) >= x)
        exact = Fraction(decimal_string(num, den, direction, digits))
        assert abs(Fraction(text) - exact) <= abs(x) * Fraction(2, 10 ** (digits - 1))


def test_zolotarev_number_of_order_a_billion_prints_fast():
    # Z_n([-3,-1],[2,5]) ~ 2.4e-1855648218 at n = 10^9: no huge integers are built
    from certbounds.certified import zolotarev_number
    ball = zolotarev_number((-3, -1), (2, 5), 10 ** 9)
    assert ball.lower.startswith("2.40113510483710") and ball.lower.endswith("e-1855648218")
    assert Fraction(ball.lower.split("e")[0]) <= Fraction(ball.upper.split("e")[0])


def test_contains_a_rational_inside_a_ball_narrower_than_53_bits():
    """Regression: the rational was converted at the default precision, a
    ball wider than a 128-bit enclosure of it, so contains() said False."""
    from fractions import Fraction

    from flint import arb, ctx
    with ctx.workprec(128):
        third = arb(1) / 3
    ball = Ball(third, None, 128)
    assert ball.contains(Fraction(1, 3)) and ball.contains("1/3")
    assert not ball.contains(Fraction(1, 3) + Fraction(1, 10 ** 30))
