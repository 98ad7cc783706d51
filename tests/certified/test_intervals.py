"""Extended interval arithmetic (certbounds/certified/intervals.py).

References, independent of the package's Arb route:
* known ranges computed by hand (monotone functions at the ends of a box);
* a 60-digit mpmath evaluation of the same sympy tree at sample points of
  the box (exact rational inputs), precision raised where cancellation
  makes 60 digits ambiguous;
* ``sympy.limit`` (Gruntz's algorithm) for the limits at infinity.
"""

from fractions import Fraction
from typing import Optional

import mpmath
import pytest
import sympy
from flint import fmpq
from hypothesis import event, given, settings, strategies as st

from certbounds.certified.exact import INF, NEG_INF, Infinity
from certbounds.certified.intervals import Interval, interval_evaluate, limit_at_infinity
from certbounds.errors import DomainError, MalformedNumberError, MissingParameterError, \
    UndecidedError

x, y, n, M = sympy.symbols("x y n M")


def _examples(default: int) -> int:
    """``default`` examples in the default run, ten times as many under
    --hypothesis-profile=thorough (tests/conftest.py)."""
    return max(1, settings().max_examples * default // 100)


def _q(v) -> fmpq:
    v = Fraction(v)
    return fmpq(v.numerator, v.denominator)


def _mp(v) -> mpmath.mpf:
    if isinstance(v, Infinity):
        return mpmath.inf if v.sign > 0 else -mpmath.inf
    return mpmath.mpf(int(v.p)) / int(v.q)


# ------------------------------------------------------------------ the Interval type
def test_constructors_and_normalisation():
    assert Interval.at_least(_q("1.597")) == Interval(_q("1.597"), INF, False, True)
    assert Interval.at_most(3, open=True) == Interval(NEG_INF, 3, True, True)
    assert Interval.whole() == Interval(NEG_INF, INF)
    assert Interval.point(sympy.Rational(1, 3)) == Interval(_q("1/3"), _q("1/3"))
    assert Interval.closed(0, sympy.oo).hi is INF and Interval.closed(0, sympy.oo).hi_open
    assert Interval(Fraction(1, 2), 1).lo == fmpq(1, 2)
    assert Interval(NEG_INF, 0).lo_open  # infinite ends are always open


@pytest.mark.parametrize("lo, hi, lo_open, hi_open", [
    (1, 0, False, False), (1, 1, True, False), (1, 1, False, True), (INF, INF, False, False),
    (NEG_INF, NEG_INF, False, False)])
def test_empty_intervals_are_refused(lo, hi, lo_open, hi_open):
    with pytest.raises(DomainError):
        Interval(lo, hi, lo_open, hi_open)


def test_floats_are_refused():
    with pytest.raises(MalformedNumberError):
        Interval(0.5, 1)
    with pytest.raises(MalformedNumberError):
        interval_evaluate(x + sympy.Float("0.5"), {x: Interval(0, 1)})


def test_membership_respects_openness():
    X = Interval(0, 1, lo_open=True)
    assert 0 not in X and 1 in X and fmpq(1, 2) in X and 2 not in X
    assert INF not in Interval.at_least(0)
    assert 10 ** 30 in Interval.at_least(0)


@pytest.mark.parametrize("X, sign, nonneg, nonpos", [
    (Interval(0, 1, True), 1, True, False), (Interval(0, 1), None, True, False),
    (Interval(-1, 0, False, True), -1, False, True), (Interval.point(0), 0, True, True),
    (Interval.whole(), None, False, False), (Interval.at_least(2), 1, True, False),
    (Interval(-1, 1), None, False, False)])
def test_sign(X, sign, nonneg, nonpos):
    assert X.sign() == sign and X.nonnegative() == nonneg and X.nonpositive() == nonpos


def test_repr():
    assert repr(Interval.at_least(_q("1.5"))) == "[1.5, oo)"
    assert repr(Interval(0, _q("1/4"), True)) == "(0, 0.25]"
    assert repr(Interval(_q("1/3"), 2, False, True)) == "[1/3, 2)"
    assert repr(Interval.whole()) == "(-oo, oo)"
    assert Interval.at_most(0)._repr_latex_() == r"$(-\infty, 0]$"


def test_is_finite():
    assert Interval(0, 1).is_finite and not Interval.at_least(0).is_finite


# ------------------------------------------------------------------ known ranges
def test_reciprocal_cubic_is_strictly_positive_on_the_half_line():
    # 1/(n (n+1)^2) decreases from 1/4 at n = 1 to 0 (not attained)
    assert interval_evaluate(1 / (n * (n + 1) ** 2), {n: Interval.at_least(1)}) == \
        Interval(0, _q("1/4"), True, False)


def test_exp_of_minus_x_on_the_half_line():
    assert interval_evaluate(sympy.exp(-x), {x: Interval.at_least(0)}) == \
        Interval(0, 1, True, False)


def test_one_minus_reciprocal():
    assert interval_evaluate(1 - 1 / x, {"x": Interval.at_least(1)}) == Interval(0, 1, False, True)


def test_derivative_of_exp_m_squared_is_positive_on_an_unbounded_box():
    f = sympy.exp(M ** 2) - 1 - sympy.exp(2) * M
    box = {M: Interval.at_least(_q("1.597"))}
    d = interval_evaluate(sympy.diff(f, M), box)
    # 2 M exp(M^2) - e^2 is increasing: its value at M = 1.597 is 33.5335673135...
    with mpmath.workdps(40):
        m = mpmath.mpf(1597) / 1000
        exact = 2 * m * mpmath.exp(m ** 2) - mpmath.e ** 2
        assert exact - mpmath.mpf(10) ** -15 < _mp(d.lo) <= exact
    assert d.hi is INF and d.sign() == 1
    # the increasing part alone: 2 M exp(M^2) >= 40.92...
    assert interval_evaluate(2 * M * sympy.exp(M ** 2), box).lo > 40


def test_atan_on_the_half_line():
    X = interval_evaluate(sympy.atan(x), {x: Interval.at_least(0)})
    assert X.lo == 0 and not X.lo_open and X.hi_open and _mp(X.hi) >= mpmath.pi / 2
    assert _mp(X.hi) - mpmath.pi / 2 < mpmath.mpf(2) ** -60


def test_dependency_problem_is_not_a_bug():
    # each occurrence of x varies independently: x - x over [0, oo) is (-oo, oo)
    assert interval_evaluate(sympy.Add(x, -x, evaluate=False), {x: Interval.at_least(0)}) == \
        Interval.whole()


@pytest.mark.parametrize("expr, box, expected", [
    (x ** 2, Interval(-2, 1, True), Interval(0, 4, False, True)),       # |x| < 2
    (x ** 3, Interval(-2, 1, True), Interval(-8, 1, True, False)),
    (x ** -2, Interval(0, 2, True), Interval(_q("1/4"), INF)),
    (1 / x, Interval.at_most(-1), Interval(-1, 0, False, True)),
    (x * y, None, Interval(0, 2, False, True)),                          # x in [0,1], y in (1,2)
    (sympy.sqrt(x), Interval(0, 4, True, False), Interval(0, 2, True, False)),
    (sympy.log(x), Interval(0, 1, True), Interval(NEG_INF, 0)),
    (sympy.tanh(x), Interval.whole(), Interval(-1, 1, True, True)),
    (sympy.erf(x), Interval.at_least(0), Interval(0, 1, False, True)),
    (sympy.Abs(x), Interval(-3, 2, False, True), Interval(0, 3)),
    (sympy.ceiling(x), Interval(1, 3, True, True), Interval(2, 3)),
    (sympy.floor(x), Interval(1, 3, True, True), Interval(1, 2)),
    (sympy.Max(x, 1), Interval(0, 2, False, True), Interval(1, 2, False, True)),
    (sympy.Min(x, 1), Interval(0, 2, True, True), Interval(0, 1, True, False)),
    (sympy.exp(x), Interval.at_most(0, open=True), Interval(0, 1, True, True)),
    (sympy.binomial(x, 2), Interval(1, 3), Interval(0, 3)),
    (sympy.polygamma(1, x), Interval.at_least(1), Interval(0, _q("1.6449340668482264"), True)),
    (sympy.cos(x), Interval.at_least(0), Interval(-1, 1)),
])
def test_known_ranges(expr, box, expected):
    boxes = {x: box} if box is not None else {x: Interval(0, 1), y: Interval(1, 2, True, True)}
    got = interval_evaluate(expr, boxes)
    assert (got.lo_open, got.hi_open) == (expected.lo_open, expected.hi_open), got
    for mine, exact in ((got.lo, expected.lo), (got.hi, expected.hi)):
        if isinstance(exact, Infinity):
            assert mine is exact
        else:
            assert abs(_mp(mine) - _mp(exact)) < mpmath.mpf(10) ** -15, (got, expected)


def test_trigamma_and_digamma_limits():
    # trigamma(1) = pi^2/6, trigamma(oo) = 0; digamma(0+) = -oo, digamma(1) = -EulerGamma
    t = interval_evaluate(sympy.polygamma(1, x), {x: Interval.at_least(1)})
    assert t.lo == 0 and t.lo_open and _mp(t.hi) >= mpmath.pi ** 2 / 6
    d = interval_evaluate(sympy.digamma(x), {x: Interval(0, 1, True)})
    assert d.lo is NEG_INF and _mp(d.hi) >= -mpmath.euler and not d.hi_open


def test_gamma_and_factorial():
    # gamma is increasing from x0 = 1.4616...; 5! = 120
    assert interval_evaluate(sympy.factorial(x), {x: Interval.point(5)}) == Interval.point(120)
    g = interval_evaluate(sympy.gamma(x), {x: Interval.at_least(3)})
    assert g == Interval.at_least(2)
    g = interval_evaluate(sympy.gamma(x), {x: Interval(_q("1/2"), 3)})
    assert _mp(g.lo) <= mpmath.gamma(mpmath.findroot(mpmath.digamma, 1.46)) and \
        _mp(g.hi) >= mpmath.sqrt(mpmath.pi)


def test_values_and_symbol_names():
    a = sympy.Symbol("a")
    assert interval_evaluate(a * x, {"x": Interval(1, 2)}, values={a: 3}) == Interval(3, 6)
    assert interval_evaluate(a * x, {x: Interval(1, 2)}, values={"a": _q("1/2")}) == \
        Interval(_q("1/2"), 1)
    real_x = sympy.Symbol("x", positive=True)
    assert interval_evaluate(real_x + 1, {x: Interval(1, 2)}) == Interval(2, 3)
    with pytest.raises(MissingParameterError):
        interval_evaluate(a * x, {x: Interval(1, 2)})


def test_unknown_heads_use_the_ball_evaluator_on_finite_intervals():
    # K(m) is increasing: K(0) = pi/2, K(1/2) = 1.8540746773013719...
    K = interval_evaluate(sympy.elliptic_k(x), {x: Interval(0, _q("1/2"))})
    assert _mp(K.lo) <= mpmath.pi / 2 and _mp(K.hi) >= mpmath.ellipk(0.5)
    with pytest.raises(UndecidedError, match="unbounded"):
        interval_evaluate(sympy.elliptic_k(x), {x: Interval.at_most(0)})


def test_huge_and_tiny_values_stay_finite_and_fast():
    # exp(10^6) is beyond 2**16384: the lower end is clamped, the upper is oo
    big = interval_evaluate(sympy.exp(x), {x: Interval(10 ** 6, 10 ** 7)})
    assert big.hi is INF and big.lo > 10 ** 1000
    tiny = interval_evaluate(sympy.exp(-x ** 2), {x: Interval.at_least(10 ** 30)})
    assert tiny.sign() == 1 and tiny.hi < fmpq(1, 10 ** 1000)


@pytest.mark.parametrize("expr, box, error", [
    (sympy.log(x), Interval(-1, 1), UndecidedError),
    (sympy.log(x), Interval(-2, -1), DomainError),
    (sympy.log(x), Interval(0, 1), UndecidedError),      # log(0) is in the box
    (1 / x, Interval(-1, 1), UndecidedError),
    (1 / x, Interval(0, 1), UndecidedError),
    (1 / x, Interval.point(0), DomainError),
    (sympy.sqrt(x), Interval(-2, -1), DomainError),
    (sympy.sqrt(x), Interval(-1, 1), UndecidedError),
    (sympy.acosh(x), Interval(0, 1, False, True), DomainError),
    (sympy.atanh(x), Interval(0, 1), UndecidedError),
    (sympy.tan(x), Interval(1, 2), UndecidedError),      # pi/2 is inside
    (sympy.tan(x), Interval.at_least(0), UndecidedError),
    (x ** x, Interval(-1, 1), UndecidedError),
    (sympy.gamma(x), Interval.at_least(-1), UndecidedError),
])
def test_errors(expr, box, error):
    with pytest.raises(error):
        interval_evaluate(expr, {x: box})


# ------------------------------------------------------------------ limits at infinity
def test_limit_of_a_difference_tending_to_zero():
    # 1/(n+1) -> 0+ and log(1 + 0+) = 0 exactly, so the limit is the exact point 0
    assert limit_at_infinity(1 / (n + 1) - sympy.log(1 + 1 / n), n) == Interval.point(0)


@pytest.mark.parametrize("expr, message", [
    (n * sympy.log(1 + 1 / n), "0 \\* oo"),
    (n ** 2 - n, "oo - oo"),
    ((2 * n + 1) / n, "0 \\* oo"),           # oo/oo: no simplification is attempted
    ((1 + 1 / n) ** n, "1\\*\\*oo"),
    (n ** (1 / n), "oo\\*\\*0"),
    (sympy.sin(n), "no limit"),
    (n * sympy.exp(-n), "0 \\* oo"),
])
def test_indeterminate_forms_are_undecided(expr, message):
    with pytest.raises(UndecidedError, match=message):
        limit_at_infinity(expr, n)


LIMITS = [
    (2 + 1 / n, 1), (sympy.exp(-n), 1), (sympy.atan(n), 1), (sympy.atan(n), -1),
    (sympy.tanh(n) + sympy.erf(n), -1), (1 / (1 - sympy.tanh(n)), 1),
    (sympy.log(sympy.exp(-n) + 1), 1),
    (sympy.exp(1 / n) * (3 + 1 / n ** 2), 1), (n ** 3, -1), (sympy.log(1 / n), 1),
    (sympy.sqrt(1 + 1 / n) - 1, 1), (1 / sympy.sin(1 / n), 1), (sympy.polygamma(1, n), 1),
    (sympy.gamma(n), 1), (sympy.cosh(1 / n) - 1, 1),
    (sympy.floor(-1 / n), 1), (sympy.ceiling(2 + 1 / n), 1),
    (2 ** (-n) + sympy.Rational(1, 3), 1), (sympy.acosh(1 + 1 / n) + sympy.pi, 1),
    (1 / sympy.atanh(1 - 1 / n), 1), (sympy.exp(-n) ** n, 1),
]


@pytest.mark.parametrize("expr, direction", LIMITS)
def test_limits_agree_with_sympy(expr, direction):
    reference = sympy.limit(expr, n, direction * sympy.oo)
    got = limit_at_infinity(expr, n, direction=direction)
    if reference in (sympy.oo, -sympy.oo):
        assert got is (INF if reference == sympy.oo else NEG_INF)
        return
    assert isinstance(got, Interval) and not got.lo_open and not got.hi_open
    value = mpmath.mpf(sympy.N(reference, 40))
    assert _mp(got.lo) - mpmath.mpf(10) ** -35 <= value <= _mp(got.hi) + mpmath.mpf(10) ** -35
    assert _mp(got.hi) - _mp(got.lo) <= mpmath.mpf(2) ** -50 * max(1, abs(value))


def test_limits_by_hand():
    # sympy.limit cannot take these (or takes seconds): max(1/n, 1 - 1/n) -> 1,
    # min(1/n, 2 - 1/n) -> 0 from above, binomial(n, 3) = n (n-1) (n-2) / 6 -> oo
    assert limit_at_infinity(sympy.binomial(n, 3), n) is INF
    assert limit_at_infinity(sympy.Max(1 / n, 1 - 1 / n), n) == Interval.point(1)
    assert limit_at_infinity(1 / sympy.Min(1 / n, 2 - 1 / n), n) is INF


def test_limit_with_values_and_exact_rationals():
    a = sympy.Symbol("a")
    assert limit_at_infinity(a + 1 / n, n, values={"a": _q("1/3")}) == Interval.point(_q("1/3"))
    assert limit_at_infinity(sympy.exp(-a * n), n, values={a: 2}) == Interval.point(0)
    with pytest.raises(UndecidedError):
        limit_at_infinity(n * sympy.exp(-a * n), n, values={a: 2})


def test_limit_domain_errors():
    with pytest.raises(DomainError):
        limit_at_infinity(sympy.log(-n), n)
    with pytest.raises(DomainError):
        limit_at_infinity(sympy.sqrt(-1 / n), n)
    with pytest.raises(DomainError):
        limit_at_infinity(n, n, direction=0)


# ------------------------------------------------------------------ properties
def _mp_value(expr, point: dict, dps: int):
    """(value, error) of a sympy tree at exact rational points, by mpmath
    at ``dps`` digits, with a first-order bound of the rounding error
    propagated node by node. The value is None where some node is
    undefined or not real; raises OverflowError for exp of a huge argument."""
    with mpmath.workdps(dps):
        unit = mpmath.mpf(10) ** (1 - dps)

        def walk(e):
            if e.is_Symbol:
                q = point[e.name]
                v = mpmath.mpf(q.numerator) / q.denominator
                return v, unit * abs(v)
            if e.is_Rational:
                v = mpmath.mpf(int(e.p)) / int(e.q)
                return v, unit * abs(v)
            if e is sympy.pi or e is sympy.E:
                v = +mpmath.pi if e is sympy.pi else +mpmath.e
                return v, unit * v
            if e.is_Atom:  # I, zoo, nan, oo folded in by sympy: not a real value
                return None
            args = []
            for a in e.args:  # stop at the first undefined argument (I * atanh(pi))
                value = walk(a)
                if value is None:
                    return None
                args.append(value)
            result = _mp_head(e, [a[0] for a in args], [a[1] for a in args])
            if result is None:
                return None
            v, err = result
            return v, err + unit * abs(v)

        out = walk(expr)
        return (None, None) if out is None else out


def _mp_head(e, args, errs):
    """(value, propagated error) of one node: |f'| times the argument's error."""
    if isinstance(e, sympy.Add):
        return mpmath.fsum(args), sum(errs)
    if isinstance(e, sympy.Mul):
        value = mpmath.fprod(args)
        err = sum(errs[i] * mpmath.fprod(abs(a) + errs[j] for j, a in enumerate(args) if j != i)
                  for i in range(len(args)))
        return value, err
    if isinstance(e, sympy.Pow):
        (b, r), (eb, _) = args, errs
        k = e.args[1]
        if k.is_Integer:
            if b == 0 and k < 0:
                return None
            if b != 0 and k < 0 and eb >= abs(b) / 2:
                return None  # 1/b with b not separated from 0: treat as undefined here
            slope = abs(k) * (abs(b) + eb) ** (int(k) - 1) if int(k) >= 1 else \
                abs(k) * (abs(b) - eb) ** (int(k) - 1)
            return b ** int(k), slope * eb
        if b < 0 or (b == 0 and r <= 0):
            return None
        if b == 0:
            return mpmath.mpf(0), eb ** r
        return b ** r, abs(r) * b ** (r - 1) * eb * 2
    (a,), (ea,) = args, errs
    if isinstance(e, sympy.exp):
        if a > 10 ** 5:
            raise OverflowError
        v = mpmath.exp(a)
        return v, v * ea * 2
    if isinstance(e, sympy.log):
        return (mpmath.log(a), ea / a * 2) if a > 0 else None
    slopes = {sympy.atan: (mpmath.atan, lambda: 1 / (1 + a * a)),
              sympy.tanh: (mpmath.tanh, lambda: 1 - mpmath.tanh(a) ** 2 + ea),
              sympy.sin: (mpmath.sin, lambda: 1), sympy.cos: (mpmath.cos, lambda: 1),
              sympy.erf: (mpmath.erf, lambda: 2 / mpmath.sqrt(mpmath.pi) * mpmath.exp(-a * a) * 2),
              sympy.Abs: (abs, lambda: 1),
              # sympy turns cos(I u) into cosh(u) and sin(I u) into I sinh(u)
              sympy.sinh: (mpmath.sinh, lambda: mpmath.cosh(abs(a) + ea) * 2),
              sympy.cosh: (mpmath.cosh, lambda: mpmath.cosh(abs(a) + ea) * 2),
              sympy.re: (lambda t: t, lambda: 1)}  # sympy writes |exp(u)| as exp(re(u))
    if type(e) in slopes:
        f, slope = slopes[type(e)]
        return f(a), slope() * ea
    # any other function sympy may fold an expression into (cos(I u) is
    # cosh(u), atan(I u) is I atanh(u)): its mpmath namesake, the slope by
    # numerical differentiation (a reference, not a proof); None off the reals
    f = getattr(mpmath, type(e).__name__.lower())
    v = f(a)
    if isinstance(v, mpmath.mpc):
        if v.imag != 0:
            return None
        v = v.real
    return v, (abs(mpmath.diff(f, a)) * 2 + 1) * ea


def _side(expr, point, end) -> Optional[int]:
    """The sign of value - end (an exact rational): decided when the
    difference beats ten times the propagated error, else recomputed with
    more digits; then by sympy when the value is an exact rational (an
    open end must never be attained); None (undecidable here: -2 +
    exp(-10**6) against -2) otherwise."""
    for dps in (60, 300):
        value, error = _mp_value(expr, point, dps)
        with mpmath.workdps(dps):
            difference = value - _mp(end)
            if difference > 10 * error:
                return 1
            if -difference > 10 * error:
                return -1
    exact = expr.xreplace({sympy.Symbol(k): sympy.Rational(v.numerator, v.denominator)
                           for k, v in point.items()})
    if exact.is_Rational:
        difference = exact - sympy.Rational(int(end.p), int(end.q))
        return int(bool(difference > 0)) - int(bool(difference < 0))
    return None


def _inside(expr, point, X: Interval) -> bool:
    """The value at the point lies in X, an open end not attained (ends
    that 300 digits cannot separate from an irrational value are passed)."""
    if not isinstance(X.lo, Infinity):
        s = _side(expr, point, X.lo)
        if s is not None and (s < 0 or (s == 0 and X.lo_open)):
            return False
    if not isinstance(X.hi, Infinity):
        s = _side(expr, point, X.hi)
        if s is not None and (s > 0 or (s == 0 and X.hi_open)):
            return False
    return True


@st.composite
def boxes(draw):
    """A box side: finite or infinite ends, each open or closed."""
    ends = st.fractions(min_value=-5, max_value=5, max_denominator=12)
    kind = draw(st.sampled_from(["finite", "finite", "up", "down", "whole", "point"]))
    lo = draw(ends)
    if kind == "point":
        return Interval.point(_q(lo))
    if kind == "whole":
        return Interval.whole()
    width = draw(st.fractions(min_value=Fraction(1, 100), max_value=6, max_denominator=100))
    lo_open, hi_open = draw(st.booleans()), draw(st.booleans())
    if kind == "up":
        return Interval.at_least(_q(lo), open=lo_open)
    if kind == "down":
        return Interval.at_most(_q(lo), open=hi_open)
    return Interval(_q(lo), _q(lo + width), lo_open, hi_open)


def sample_points(X: Interval) -> list:
    """Points of X as Fractions: closed ends, points just inside open ends,
    interior points, and 1, 10, 10**6, 10**30 away along an infinite side."""
    lo = None if isinstance(X.lo, Infinity) else Fraction(int(X.lo.p), int(X.lo.q))
    hi = None if isinstance(X.hi, Infinity) else Fraction(int(X.hi.p), int(X.hi.q))
    far = [Fraction(10) ** k for k in (0, 1, 6, 30)]
    if lo is None and hi is None:
        return [Fraction(0)] + far + [-d for d in far]
    if hi is None:
        return ([lo] if not X.lo_open else [lo + Fraction(1, 10 ** 20)]) + [lo + d for d in far]
    if lo is None:
        return ([hi] if not X.hi_open else [hi - Fraction(1, 10 ** 20)]) + [hi - d for d in far]
    if lo == hi:
        return [lo]
    width = hi - lo
    points = [lo + width * k / 7 for k in range(1, 7)]
    points.append(lo + width / 10 ** 20 if X.lo_open else lo)
    points.append(hi - width / 10 ** 20 if X.hi_open else hi)
    return points


def expressions(variables=("x", "y")):
    """Random trees: sums, products, integer and rational powers, exp, log,
    atan, sqrt, tanh, erf, sin, cos, Abs, 1/u of variables and small
    rational constants."""
    leaves = st.one_of(st.sampled_from([sympy.Symbol(v) for v in variables]),
                       st.sampled_from([sympy.Rational(c) for c in ("-2", "-1", "1/2", "1", "3")]))

    def extend(inner):
        unary = st.tuples(st.sampled_from(["exp", "log", "atan", "sqrt", "inv", "neg", "sq", "cube",
                                           "tanh", "exp_neg", "log1p_sq", "erf", "sin", "cos",
                                           "abs"]), inner)
        binary = st.tuples(st.sampled_from(["add", "mul", "sub"]), inner, inner)
        return st.one_of(unary, binary).map(_build)
    return st.recursive(leaves, extend, max_leaves=6)


def _build(node):
    op, *args = node
    u = args[0]
    return {"exp": lambda: sympy.exp(u), "log": lambda: sympy.log(u),
            "atan": lambda: sympy.atan(u), "sqrt": lambda: sympy.sqrt(u),
            "inv": lambda: 1 / u, "neg": lambda: -u, "sq": lambda: u ** 2, "cube": lambda: u ** 3,
            "tanh": lambda: sympy.tanh(u), "exp_neg": lambda: sympy.exp(-u),
            "log1p_sq": lambda: sympy.log(1 + u ** 2), "erf": lambda: sympy.erf(u),
            "sin": lambda: sympy.sin(u), "cos": lambda: sympy.cos(u), "abs": lambda: sympy.Abs(u),
            "add": lambda: u + args[-1], "mul": lambda: u * args[-1],
            "sub": lambda: u - args[-1]}[op]()


def _points(box):
    grid = [[]]
    for name, X in box.items():
        grid = [g + [(name, p)] for g in grid for p in sample_points(X)]
    return [dict(g) for g in grid[:60]]


@pytest.mark.enclosure
@settings(max_examples=_examples(150), deadline=None)
@given(expr=expressions(), bx=boxes(), by=boxes())
def test_intervals_enclose_mpmath_values(expr, bx, by):
    box = {"x": bx, "y": by}
    try:
        X = interval_evaluate(expr, box)
    except UndecidedError:
        event("undecided")
        return
    except DomainError:
        event("domain error")
        # a domain error claims every point of the box is outside the domain
        for point in _points(box):
            try:
                assert _mp_value(expr, point, 60)[0] is None, (expr, point)
            except OverflowError:
                pass
        return
    event("enclosed")
    for point in _points(box):
        try:
            value = _mp_value(expr, point, 60)[0]
        except OverflowError:
            continue
        # an enclosure also certifies the expression is defined on the whole box
        assert value is not None, (expr, point, X)
        assert _inside(expr, point, X), (expr, box, point, X, mpmath.nstr(value, 30))


@pytest.mark.enclosure
@settings(max_examples=_examples(100), deadline=None)
@given(expr=expressions(), a=st.fractions(-5, 5, max_denominator=100),
       b=st.fractions(-5, 5, max_denominator=100))
def test_point_boxes_give_narrow_intervals(expr, a, b):
    point = {"x": a, "y": b}
    try:
        X = interval_evaluate(expr, {v: Interval.point(_q(p)) for v, p in point.items()}, prec=128)
        value, error = _mp_value(expr, point, 60)
    except (UndecidedError, DomainError, OverflowError):
        return
    assert X.is_finite and value is not None
    assert _inside(expr, point, X), (expr, point, X)
    # narrow: as wide as the conditioning of the tree allows at 128 bits
    with mpmath.workdps(60):
        conditioning = abs(value) + error * mpmath.mpf(10) ** 59  # error / unit roundoff
        assert _mp(X.hi) - _mp(X.lo) <= conditioning * mpmath.mpf(2) ** -100, (expr, point, X)


#: (f, mpmath f, +1 increasing / -1 decreasing, domain (0, oo)?, f(0+) infinite?)
MONOTONE = [(sympy.exp, mpmath.exp, 1, False, False), (sympy.atan, mpmath.atan, 1, False, False),
            (sympy.tanh, mpmath.tanh, 1, False, False), (sympy.erf, mpmath.erf, 1, False, False),
            (sympy.asinh, mpmath.asinh, 1, False, False), (sympy.sqrt, mpmath.sqrt, 1, True, False),
            (sympy.log, mpmath.log, 1, True, True),
            (lambda u: 1 / u, lambda u: 1 / u, -1, True, True),
            (lambda u: u ** -3, lambda u: u ** -3, -1, True, True),
            (lambda u: -u, lambda u: -u, -1, False, False),
            (lambda u: u ** 3, lambda u: u ** 3, 1, False, False)]


def _positive(X: Interval) -> Interval:
    """X itself if it is > 0, else a box (0, h) or (0, oo) made from it."""
    if X.sign() == 1:
        return X
    if isinstance(X.hi, Infinity):
        return Interval.at_least(0, open=True)
    return Interval(0, X.hi if X.hi > 0 else 1 - X.hi, True, X.hi_open)


@pytest.mark.enclosure
@settings(max_examples=_examples(150), deadline=None)
@given(index=st.integers(0, len(MONOTONE) - 1), X=boxes())
def test_monotone_functions_map_ends_to_ends_with_their_openness(index, X):
    """For a strictly monotone f: the result's ends are f at the box's
    ends (or f's limits), tight to 2**-50, and open exactly where the box
    end they come from is open."""
    sym, mp_f, direction, positive, singular = MONOTONE[index]
    if positive:
        X = _positive(X)
    got = interval_evaluate(sym(x), {x: X})
    ends = [(X.lo, X.lo_open), (X.hi, X.hi_open)]
    if direction < 0:
        ends.reverse()
    with mpmath.workdps(40):
        for (end, end_open), mine, mine_open in ((ends[0], got.lo, got.lo_open),
                                                  (ends[1], got.hi, got.hi_open)):
            if isinstance(end, Infinity):
                exact = mp_f(mpmath.inf if end.sign > 0 else -mpmath.inf)
            elif end == 0 and singular:
                exact = -mpmath.inf if direction > 0 else mpmath.inf
            else:
                exact = mp_f(_mp(end))
            # f(end) within rounding of a bound of f's range (erf(6.4) = 1 - 1e-19):
            # that bound, open, is the tighter correct end (f never attains it)
            at_range_bound = not isinstance(mine, Infinity) and mine_open and not end_open \
                and abs(_mp(mine) - exact) <= mpmath.mpf(2) ** -50 * max(1, abs(exact))
            assert mine_open == (end_open or mpmath.isinf(exact)) or at_range_bound, (X, got)
            if mpmath.isinf(exact):
                assert isinstance(mine, Infinity) and (mine.sign > 0) == (exact > 0), (X, got)
            else:
                assert abs(_mp(mine) - exact) <= mpmath.mpf(2) ** -50 * max(1, abs(exact)), (X, got)
