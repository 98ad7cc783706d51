"""sympy -> Arb compilation (certbounds.certified.expression): every head
the catalogue uses, checked against independent 60-digit mpmath values."""

from decimal import Decimal
from fractions import Fraction
from functools import lru_cache

import mpmath
import pytest
import sympy
from flint import arb, ctx, fmpq
from hypothesis import given, settings, strategies as st

from certbounds.certified.evaluate import evaluate
from certbounds.certified.expression import Env, compile_expression
from certbounds.errors import DomainError
from certbounds.symbolic.catalogue import get_statement
from certbounds.symbolic.functions import RecursionR, r_closed_form

x, y = sympy.symbols("x y", real=True)


def run(expr, prec=128, **values):
    env_values = {sympy.Symbol(k, real=True): fmpq(Fraction(v).numerator, Fraction(v).denominator)
                  for k, v in values.items()}
    with ctx.workprec(prec):
        return compile_expression(expr)(Env(env_values, prec))


def contains(value, reference: mpmath.mpf) -> bool:
    """The ball (or exact value) holds the 60-digit reference, up to its
    last digit."""
    ref = Fraction(mpmath.nstr(reference, 60, min_fixed=-mpmath.inf, max_fixed=mpmath.inf))
    slack = abs(ref) / 10 ** 58
    if isinstance(value, fmpq):
        return abs(Fraction(int(value.p), int(value.q)) - ref) <= slack
    lo, hi = (Fraction(str(b)) for b in _endpoints(value))
    return lo - slack <= ref <= hi + slack


def _endpoints(ball: arb):
    from certbounds.certified.ball import Ball
    b = Ball(ball)
    return Decimal(b.lower), Decimal(b.upper)


# ------------------------------------------------------------------ R_r (Lemma 4.1)
@lru_cache(maxsize=None)
def literal_R(r: int, t: int, p: int) -> int:
    """budzinskiy2025 Lemma 4.1 as printed: R_r(0,0) = 1, R_r(t,0) = r,
    R_r(t,p) = 1 + sum_{s=1}^t R_r(s, p-1)."""
    if t == 0 and p == 0:
        return 1
    if p == 0:
        return r
    return 1 + sum(literal_R(r, s, p - 1) for s in range(1, t + 1))


def test_recursion_matches_a_literal_transcription_of_lemma_4_1():
    r_, t_, p_ = sympy.symbols("r t p", integer=True)
    compiled = compile_expression(RecursionR(r_, t_, p_))
    for r in range(1, 21):
        for t in range(0, 13):
            for p in range(0, 5):
                expected = literal_R(r, t, p)
                assert RecursionR(r, t, p) == expected, (r, t, p)
                with ctx.workprec(64):
                    got = compiled(Env({r_: fmpq(r), t_: fmpq(t), p_: fmpq(p)}, 64))
                assert got == expected, (r, t, p)


@pytest.mark.parametrize("p", range(0, 5))
def test_closed_form_has_degree_exactly_p_and_agrees(p):
    # Remark 4.2: R_r(t, p) is a polynomial of degree p in t
    form = r_closed_form(p)
    t = sympy.Symbol("t", integer=True, positive=True)
    r = sympy.Symbol("r", integer=True, positive=True)
    assert sympy.degree(form, t) == p
    for rv in (1, 7, 20):
        for tv in range(1, 13):
            assert form.subs({r: rv, t: tv}) == literal_R(rv, tv, p)


def test_recursion_of_an_undecided_r_encloses_both_candidates():
    # r known only to lie in [21713, 21714]: R_r is increasing in r
    r_ = sympy.Symbol("r", integer=True)
    compiled = compile_expression(RecursionR(r_, 5, 3))
    with ctx.workprec(64):
        ball = compiled(Env({r_: arb(fmpq(43427, 2), fmpq(1, 2))}, 64))
    assert ball.contains(literal_R(21713, 5, 3)) and ball.contains(literal_R(21714, 5, 3))


# ------------------------------------------------------------------ elementary heads
ELEMENTARY = [
    (sympy.exp(x) * sympy.log(y), lambda a, b: mpmath.exp(a) * mpmath.log(b)),
    (sympy.sqrt(y) + y ** sympy.Rational(1, 3), lambda a, b: mpmath.sqrt(b) + mpmath.cbrt(b)),
    (sympy.sin(x) * sympy.cos(y) + sympy.tan(x / 7), lambda a, b: mpmath.sin(a) * mpmath.cos(b) + mpmath.tan(a / 7)),
    (sympy.sinh(x) - sympy.cosh(y) * sympy.tanh(x), lambda a, b: mpmath.sinh(a) - mpmath.cosh(b) * mpmath.tanh(a)),
    (sympy.atan(x) + sympy.asinh(y) + sympy.erf(x), lambda a, b: mpmath.atan(a) + mpmath.asinh(b) + mpmath.erf(a)),
    (sympy.gamma(y) + sympy.beta(y, y + 1), lambda a, b: mpmath.gamma(b) + mpmath.beta(b, b + 1)),
    (sympy.Max(x, y, sympy.pi) - sympy.Min(x, y, sympy.E), lambda a, b: max(a, b, mpmath.pi) - min(a, b, mpmath.e)),
    (sympy.Abs(x) ** y + sympy.E ** x, lambda a, b: abs(a) ** b + mpmath.e ** a),
    (sympy.elliptic_k(1 / (1 + y)), lambda a, b: mpmath.ellipk(1 / (1 + b))),
    (sympy.RisingFactorial(y, 5) + sympy.factorial(y), lambda a, b: mpmath.rf(b, 5) + mpmath.factorial(b)),
    (sympy.log(y, 2) + sympy.binomial(y + 3, 2), lambda a, b: mpmath.log(b, 2) + mpmath.binomial(b + 3, 2)),
]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(range(len(ELEMENTARY))), st.fractions(-5, 5, max_denominator=97),
       st.fractions(Fraction(1, 97), 9, max_denominator=97))
def test_elementary_heads_enclose_mpmath(index, a, b):
    expr, reference = ELEMENTARY[index]
    value = run(expr, x=a, y=b)
    with mpmath.workdps(60):
        ref = reference(mpmath.mpf(a.numerator) / a.denominator, mpmath.mpf(b.numerator) / b.denominator)
    assert contains(value, ref), (expr, a, b, value, ref)


def test_exact_heads_stay_exact():
    assert run(sympy.ceiling(x / 3) + sympy.floor(-x / 3), x=7) == fmpq(0)  # 3 + (-3)
    assert run(sympy.binomial(y + 10, 3), y=5) == fmpq(455)
    assert run(sympy.factorial(y), y=20) == fmpq(2432902008176640000)
    assert run(sympy.Max(x, 2 * x) + sympy.Abs(x), x=-3) == fmpq(0)
    i = sympy.Symbol("i", integer=True)
    assert run(sympy.Sum(i ** 2, (i, 1, y)), y=10) == fmpq(385)
    assert run(sympy.RisingFactorial(sympy.Rational(1, 2), y), y=3) == fmpq(15, 8)


def test_domain_errors():
    for expr, values in [(sympy.log(x), {"x": -1}), (sympy.sqrt(x), {"x": -2}),
                         (sympy.asin(x), {"x": 3}), (sympy.acosh(x), {"x": 0}),
                         (1 / x, {"x": 0}), (sympy.gamma(x), {"x": -2})]:
        value = None
        try:
            value = run(expr, **values)
        except DomainError:
            continue
        assert isinstance(value, arb) and not value.is_finite(), (expr, value)
    with pytest.raises(DomainError, match="float"):
        compile_expression(sympy.Float("0.1") * x)
    with pytest.raises(DomainError, match="does not know"):
        compile_expression(sympy.besselj(0, x))


# ------------------------------------------------------------------ two catalogue formulas
JL = get_statement("jl")
THM38 = get_statement("budzinskiy2025:thm3.8")


@settings(max_examples=200, deadline=None)
@given(st.fractions(Fraction(1, 1000), Fraction(999, 1000), max_denominator=1000),
       st.integers(1, 10 ** 9), st.integers(1, 10 ** 9))
def test_jl_rank_matches_60_digit_mpmath(eps, n1, n2):
    # budzinskiy2025 eq. (1.2): r = ceil(9 log(3 n1 n2) / eps^2)
    with mpmath.workdps(60):
        expected = int(mpmath.ceil(9 * mpmath.log(3 * mpmath.mpf(n1) * n2)
                                   / (mpmath.mpf(eps.numerator) / eps.denominator) ** 2))
    got = evaluate(JL, {"eps": eps, "n1": n1, "n2": n2})["rank"]
    assert got.integer == expected


@settings(max_examples=200, deadline=None)
@given(st.fractions(Fraction(1, 100), Fraction(99, 100), max_denominator=100),
       st.fractions(Fraction(1, 10), 3, max_denominator=50),
       st.fractions(Fraction(1, 10), 2, max_denominator=50),
       st.fractions(Fraction(1, 10), 2, max_denominator=50), st.integers(0, 30))
def test_thm38_error_matches_60_digit_mpmath(eps, M, R, sigma, extra_t):
    # budzinskiy2025 Thm 3.8: error = C [eps (e^{M sigma R^2} - 1) + e^{-t}], C = 1
    with mpmath.workdps(60):
        f = lambda q: mpmath.mpf(q.numerator) / q.denominator  # noqa: E731
        t = int(mpmath.ceil(mpmath.e ** 2 * f(M) * f(sigma) * f(R) ** 2)) + extra_t
        ref = f(eps) * (mpmath.exp(f(M) * f(sigma) * f(R) ** 2) - 1) + mpmath.exp(-t)
    ev = evaluate(THM38, {"eps": eps, "n1": 100, "n2": 100, "C": 1, "M": M, "R": R,
                          "sigma": sigma, "t": max(t, 1)})
    ball = ev["error"]
    assert ball.accurate
    lo, hi = Fraction(ball.lower), Fraction(ball.upper)
    r = Fraction(mpmath.nstr(ref, 60, min_fixed=-mpmath.inf, max_fixed=mpmath.inf))
    assert lo - r / 10 ** 58 <= r <= hi + r / 10 ** 58
    assert hi - lo <= r / 2 ** 49


def test_square_roots_of_rational_squares_stay_exact():
    # webb2025 eq. 3.4 (two disks): rho = I + sqrt(I^2 - 1) is 9 for I = 41/9
    assert run(y + sympy.sqrt(y ** 2 - 1), y=Fraction(41, 9)) == fmpq(9)
    assert run(sympy.sqrt(x), x=Fraction(49, 4)) == fmpq(7, 2)
    assert isinstance(run(sympy.sqrt(x), x=2), arb)


@settings(max_examples=200, deadline=None)
@given(st.fractions(-3, 3, max_denominator=64), st.fractions(0, 1, max_denominator=64),
       st.integers(-6, 9))
def test_integer_powers_of_balls_around_zero_are_finite_and_enclose(mid, rad, n):
    # python-flint's arb ** int is NaN on a ball that holds 0; ours is not
    from certbounds.certified.expression import integer_power
    with ctx.workprec(80):
        ball = arb(fmpq(mid.numerator, mid.denominator), fmpq(rad.numerator, rad.denominator))
        if n < 0 and ball.contains(0):
            return
        value = integer_power(ball, n)
        assert value.is_finite()
        for t in (Fraction(0), Fraction(1, 3), Fraction(1, 2), Fraction(1)):  # points of the ball
            point = mid - rad + 2 * rad * t
            exact = point ** n
            assert value.contains(fmpq(exact.numerator, exact.denominator)), (mid, rad, n, value)


@pytest.mark.enclosure
@settings(max_examples=settings().max_examples // 2, deadline=None)
@given(st.fractions(Fraction(1, 50), 60, max_denominator=97), st.integers(0, 3))
def test_gamma_family_encloses_mpmath(a, k):
    # gamma, loggamma and polygamma(k, .) against mpmath at 60 digits
    x = sympy.Symbol("x", positive=True)
    mpmath.mp.dps = 60
    ref = mpmath.mpf(a.numerator) / a.denominator
    cases = [(sympy.gamma(x), mpmath.gamma(ref)), (sympy.loggamma(x), mpmath.loggamma(ref)),
             (sympy.polygamma(k, x), mpmath.polygamma(k, ref))]
    for expr, want in cases:
        with ctx.workprec(128):
            v = compile_expression(expr)(Env({x: fmpq(a.numerator, a.denominator)}, 128))
            ball = arb(v) if isinstance(v, fmpq) else v
        with ctx.workprec(256):
            assert ball.contains(arb(mpmath.nstr(want, 55))), (expr, a)
            assert ball.rad() < 1e-25 * (1 + abs(float(want)))
    with pytest.raises(DomainError):
        with ctx.workprec(64):
            compile_expression(sympy.loggamma(x))(Env({x: fmpq(-1, 2)}, 64))
