"""Certified Taylor coefficients, derivatives and sup-norms of a user's h
(certbounds.certified.derivatives).

References are independent of Arb: sympy's exact symbolic derivative
evaluated by mpmath at 60 digits, and for the sup-norm the largest of the
end values and the values at the critical points, located by
mpmath.findroot on the next derivative within the cells of a dense grid.
"""

from __future__ import annotations

import mpmath
import pytest
import sympy
from flint import arb, ctx, fmpq
from hypothesis import HealthCheck, given, settings, strategies as st

from certbounds.certified.derivatives import (
    assumption_constant, derivative_at, sup_abs_derivative, taylor_coefficients)
from certbounds.errors import DomainError, UndecidedError
from certbounds.symbolic.parsing import X, parse_function

#: 150 + 100 + 50 random cases by default; ten times as many under
#: --hypothesis-profile=thorough
SCALE = settings().max_examples / 100
PROPERTY = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow])


def h_of(text: str) -> sympy.Lambda:
    return sympy.Lambda(X, parse_function(text))


def to_fmpq(v: mpmath.mpf) -> fmpq:
    """The exact rational value of an mpmath number (or int), unrounded."""
    with mpmath.workprec(4000):
        man, exp = mpmath.mpf(v).man_exp
    q = fmpq(int(man)) * fmpq(2) ** int(exp)
    return -q if v < 0 else q


def encloses(ball: arb, reference: mpmath.mpf, relative_error: fmpq) -> bool:
    """Whether the ball meets [reference -+ relative_error |reference|]."""
    ref = to_fmpq(reference)
    err = abs(ref) * relative_error
    return ball.lower().fmpq() - err <= ref <= ball.upper().fmpq() + err


# ---------------------------------------------------------------- random h
def rationals(lo: int, hi: int, den: int = 12):
    return st.integers(lo * den, hi * den).map(lambda k: sympy.Rational(k, den))


@st.composite
def atoms(draw):
    """Analytic on [-2, 2]: c >= 3 keeps c + x >= 1 and |x/c| <= 2/3."""
    a, b, c = draw(rationals(-3, 3)), draw(rationals(-2, 2)), draw(rationals(3, 6))
    return draw(st.sampled_from([
        sympy.exp(a * X), sympy.sin(a * X + b), sympy.cos(a * X + b), sympy.log(c + X),
        1 / (c + X), sympy.sqrt(c + X), sympy.atan(a * X + b), sympy.cosh(a * X),
        sympy.sinh(a * X + b), sympy.tanh(a * X + b), sympy.asinh(a * X), sympy.atanh(X / c),
        sympy.acos(X / c), sympy.erf(a * X), X ** 3 - b * X + a, (c + X) ** sympy.Rational(-2, 3),
    ]))


@st.composite
def functions(draw):
    first, second = draw(atoms()), draw(atoms())
    expr = draw(st.sampled_from([first, first + second, first * second]))
    return sympy.Lambda(X, expr)


@st.composite
def intervals(draw):
    lo, hi = sorted([draw(rationals(-2, 2)), draw(rationals(-2, 2))])
    return lo, hi


def reference_derivative(h: sympy.Lambda, s: int, x) -> mpmath.mpf:
    f = sympy.lambdify(X, sympy.diff(h.expr, X, s), "mpmath")
    with mpmath.workdps(60):
        return mpmath.mpf(f(mpmath.mpf(x.p) / x.q))


def reference_sup(h: sympy.Lambda, s: int, lo, hi) -> mpmath.mpf:
    """max |h^(s)| on [lo, hi]: the largest value on a 200-point grid (with
    the ends), at every critical point found by mpmath.findroot in each
    cell where h^(s+1) changes sign, and on a 400-point grid over the two
    cells beside each of the three largest grid values (a cell can hide
    two critical points: asinh(7x/3)/(x + 49/12), s = 4, on [2/3, 13/12]
    peaks inside the first cell)."""
    f = sympy.lambdify(X, sympy.diff(h.expr, X, s), "mpmath")
    df = sympy.lambdify(X, sympy.diff(h.expr, X, s + 1), "mpmath")
    with mpmath.workdps(60):
        lo, hi = mpmath.mpf(lo.p) / lo.q, mpmath.mpf(hi.p) / hi.q
        n = 200
        points = [lo + (hi - lo) * i / n for i in range(n + 1)]
        values = [abs(f(p)) for p in points]
        slopes = [df(p) for p in points]
        best = max(values)
        for left, right, d_left, d_right in zip(points, points[1:], slopes, slopes[1:]):
            if d_left * d_right < 0:
                root = mpmath.findroot(df, (left, right), solver="anderson")
                if left <= root <= right:
                    best = max(best, abs(f(root)))
        for i in sorted(range(n + 1), key=lambda k: values[k])[-3:]:
            left, right = points[max(i - 1, 0)], points[min(i + 1, n)]
            best = max([best] + [abs(f(left + (right - left) * j / 400)) for j in range(401)])
        return best


# ---------------------------------------------------------------- properties
@pytest.mark.enclosure
@settings(max_examples=int(150 * SCALE), **PROPERTY)
@given(functions(), st.integers(0, 10), rationals(-2, 2, den=97))
def test_derivative_at_contains_the_60_digit_value(h, s, xi):
    with ctx.workprec(128):
        ball = derivative_at(h, s, fmpq(xi.p, xi.q))
    reference = reference_derivative(h, s, xi)
    assert encloses(ball, reference, fmpq(1, 10 ** 55)), (h, s, xi, ball, reference)
    # 128 bits, less what cancellation costs where h^(s)(xi) is small
    # against the size s! of the terms (e.g. 0 for an odd h at 0)
    assert ball.rad() <= arb(2) ** -80 * max(abs(reference), mpmath.factorial(s)), (h, s, xi, ball)


@pytest.mark.enclosure
@settings(max_examples=int(50 * SCALE), **PROPERTY)
@given(functions(), st.integers(0, 6), rationals(-2, 2, den=16), st.integers(0, 20))
def test_taylor_coefficients_hold_on_the_whole_ball(h, order, center, where):
    radius = sympy.Rational(1, 64)
    with ctx.workprec(128):
        ball = arb(fmpq(center.p, center.q), fmpq(radius.p, radius.q))
        coefficients = taylor_coefficients(h, ball, order)
    assert len(coefficients) == order + 1
    xi = center - radius + 2 * radius * sympy.Rational(where, 20)  # a point of the ball
    for s, c in enumerate(coefficients):
        reference = reference_derivative(h, s, xi) / mpmath.factorial(s)
        assert encloses(c, reference, fmpq(1, 10 ** 55)), (h, s, xi, c, reference)


@pytest.mark.enclosure
@settings(max_examples=int(100 * SCALE), **PROPERTY)
@given(functions(), st.integers(0, 5), intervals())
def test_sup_abs_derivative_brackets_the_maximum(h, s, interval):
    lo, hi = interval
    with ctx.workprec(100):
        ball = sup_abs_derivative(h, s, fmpq(lo.p, lo.q), fmpq(hi.p, hi.q), accuracy=45)
    reference = reference_sup(h, s, lo, hi)
    lower, upper = ball.lower().fmpq(), ball.upper().fmpq()
    ref = to_fmpq(reference)
    # the upper end is certified: above the true maximum, hence the reference
    assert ref <= upper + abs(ref) * fmpq(1, 10 ** 50), (h, s, interval, ball, reference)
    # the lower end is |h^(s)| at points: below the maximum (the reference
    # may miss the top by its search error)
    assert lower <= ref + abs(ref) * fmpq(1, 10 ** 30), (h, s, interval, ball, reference)
    # narrow: relatively, or absolutely where the maximum is 0 (cosh' on [0, 0])
    assert upper - lower <= max(upper * fmpq(1, 2 ** 40), fmpq(1, 10 ** 25)), (h, s, interval, ball)


# ---------------------------------------------------------------- exact cases
@pytest.mark.parametrize("s", [0, 1, 4, 10])
@pytest.mark.parametrize("lo, hi", [(-1, 1), (fmpq(1, 3), fmpq(5, 2)), (-3, fmpq(-1, 7))])
def test_sup_of_exp_derivatives_is_exp_of_the_right_end(s, lo, hi):
    # |exp^(s)| = exp is increasing: the maximum is e^hi
    with ctx.workprec(80):
        ball = sup_abs_derivative(h_of("exp(x)"), s, lo, hi)
    with ctx.workprec(200):
        exact = arb(fmpq(hi)).exp()
        assert ball.overlaps(exact) and ball.rel_accuracy_bits() >= 45


@pytest.mark.parametrize("s", range(6))
def test_sup_of_sin_derivatives_on_0_4_is_one(s):
    # sin^(s) is +-sin or +-cos; [0, 4] holds pi/2 and pi, where they reach 1
    with ctx.workprec(80):
        ball = sup_abs_derivative(h_of("sin(x)"), s, 0, 4)
    assert ball.contains(1) and ball.rel_accuracy_bits() >= 45


def test_sup_of_a_cubic_is_reached_inside():
    # max |x^3 - x| on [-1, 1] is 2/(3 sqrt 3), at x = -+1/sqrt 3
    with ctx.workprec(100):
        ball = sup_abs_derivative(h_of("x**3 - x"), 0, -1, 1)
        exact = 2 / (3 * arb(3).sqrt())
        assert ball.overlaps(exact) and ball.rel_accuracy_bits() >= 45


@pytest.mark.parametrize("text, s, xi", [
    ("x**5 - 3*x**2 + 7", 0, fmpq(1, 3)), ("x**5 - 3*x**2 + 7", 2, fmpq(-2, 5)),
    ("x**5 - 3*x**2 + 7", 5, fmpq(9, 4)), ("x**5 - 3*x**2 + 7", 6, fmpq(1, 3)),
    ("(1 - x)**4/3", 3, fmpq(5, 7)),
])
def test_derivatives_of_polynomials_are_exact(text, s, xi):
    expected = sympy.diff(parse_function(text), X, s).subs(X, sympy.Rational(int(xi.p), int(xi.q)))
    ball = derivative_at(h_of(text), s, xi)
    assert ball.contains(fmpq(int(expected.p), int(expected.q)))
    assert ball.rad() <= abs(arb(fmpq(int(expected.p), int(expected.q)))) * 2 ** -45


def test_derivative_at_a_dyadic_point_of_a_polynomial_is_an_exact_ball():
    ball = derivative_at(h_of("x**5"), 3, 2)  # 60 x^2 at 2
    assert ball.is_exact() and ball == 240


def test_sup_of_a_vanishing_derivative_is_exactly_zero():
    ball = sup_abs_derivative(h_of("x**2 + x"), 3, -1, 1)
    assert ball.is_exact() and ball.is_zero()


def test_sup_on_a_single_point_is_the_absolute_value_there():
    with ctx.workprec(80):
        ball = sup_abs_derivative(h_of("sin(x)"), 1, fmpq(1, 3), fmpq(1, 3))
        assert ball.overlaps(arb(fmpq(1, 3)).cos()) and ball.rel_accuracy_bits() >= 70


def test_functions_built_from_others_match_their_definitions():
    # sinh, cosh, tanh, asinh, acosh, atanh are composed from the series arb
    # has; compare each with its definition through exp and log
    point = fmpq(3, 10)
    pairs = [("sinh(x)", "(exp(x) - exp(-x))/2"), ("cosh(x)", "(exp(x) + exp(-x))/2"),
             ("tanh(x)", "(exp(2*x) - 1)/(exp(2*x) + 1)"), ("asinh(x)", "log(x + sqrt(x**2 + 1))"),
             ("acosh(2 + x)", "log(2 + x + sqrt((2 + x)**2 - 1))"),
             ("atanh(x)", "log((1 + x)/(1 - x))/2")]
    with ctx.workprec(100):
        for left, right in pairs:
            for a, b in zip(taylor_coefficients(h_of(left), point, 8),
                            taylor_coefficients(h_of(right), point, 8)):
                assert a.overlaps(b) and a.rad() < 1e-25, (left, a, b)


def test_abs_is_continuous_for_the_value_and_smooth_away_from_zero():
    with ctx.workprec(80):
        assert sup_abs_derivative(h_of("Abs(x)"), 0, -1, fmpq(1, 2)).contains(1)
        assert sup_abs_derivative(h_of("Abs(x - 3)"), 1, -1, 1).contains(1)


def test_assumption_constant_is_the_largest_scaled_norm():
    # h = exp(2x) on [0, 1], M = 2: ||h^(s)|| / 2^s = e^2 for every s
    with ctx.workprec(80):
        ball = assumption_constant(h_of("exp(2*x)"), 2, 0, 1, 4)
        assert ball.overlaps(arb(2).exp()) and ball.rel_accuracy_bits() >= 45
        # h = sin(3x) on [0, 1], M = 1: ||h^(s)|| = 3^s (3x reaches pi/2), so s = S wins
        ball = assumption_constant(h_of("sin(3*x)"), 1, 0, 1, 3)
        assert ball.overlaps(arb(27)) and ball.rel_accuracy_bits() >= 45


def test_working_precision_sets_the_width():
    h = h_of("exp(x)*sin(x)")
    with ctx.workprec(53):
        low = derivative_at(h, 7, fmpq(1, 3))
    with ctx.workprec(300):
        high = derivative_at(h, 7, fmpq(1, 3))
    assert low.overlaps(high)
    assert high.rel_accuracy_bits() > 280 and low.rel_accuracy_bits() < 60


# ---------------------------------------------------------------- errors
@pytest.mark.parametrize("s", [0, 1, 3])
def test_log_on_an_interval_through_zero_is_a_domain_error(s):
    with pytest.raises(DomainError, match="log"):
        sup_abs_derivative(h_of("log(x)"), s, -1, 1)


@pytest.mark.parametrize("s", [1, 2])
def test_abs_through_zero_has_no_derivative(s):
    with pytest.raises(DomainError, match="Abs"):
        sup_abs_derivative(h_of("Abs(x)"), s, -1, 1)
    with pytest.raises(DomainError, match="Abs"):  # 0 is not a point the search tries
        sup_abs_derivative(h_of("Abs(x - 1/3)"), s, -1, 1)


@pytest.mark.parametrize("text, lo, hi", [
    ("1/x", -1, 1), ("1/(x - 1/3)", -1, 1), ("tan(x)", 0, 2), ("gamma(x)", -1, 1),
    ("sqrt(x - 1/2)", 0, 1), ("asin(2*x)", 0, 1), ("acosh(x)", 0, 2), ("atanh(x)", 0, 2),
])
def test_singular_or_undefined_h_is_a_domain_error(text, lo, hi):
    with pytest.raises(DomainError):
        sup_abs_derivative(h_of(text), 1, lo, hi)


def test_a_singularity_the_search_cannot_locate_is_undecided():
    # log((x - 1/3)^2) is singular at 1/3 only, where its argument touches 0
    # without changing sign: no point evaluation can prove it
    with pytest.raises(UndecidedError):
        sup_abs_derivative(h_of("log((x - 1/3)**2)"), 1, -1, 1)


def test_taylor_coefficients_on_a_ball_that_may_leave_the_domain():
    with pytest.raises(DomainError, match="log"):
        taylor_coefficients(h_of("log(x)"), arb("0.05 +/- 0.1"), 2)
    with pytest.raises(DomainError, match="sqrt"):
        derivative_at(h_of("sqrt(x)"), 1, 0)


def test_bad_arguments():
    h = h_of("exp(x)")
    with pytest.raises(DomainError):
        sup_abs_derivative(h, 1, 1, 0)  # empty interval
    with pytest.raises(DomainError):
        derivative_at(h, -1, 0)
    with pytest.raises(DomainError, match="M > 0"):
        assumption_constant(h, 0, 0, 1, 2)
    with pytest.raises(DomainError, match="unbound"):
        derivative_at(sympy.Lambda(X, sympy.exp(X * sympy.Symbol("a"))), 1, 0)
    with pytest.raises(DomainError, match="besselj"):
        derivative_at(sympy.Lambda(X, sympy.besselj(0, X)), 1, 0)
    with pytest.raises(DomainError, match="sympy Lambda"):
        derivative_at(sympy.exp(X), 1, 0)
