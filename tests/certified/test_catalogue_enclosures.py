"""Every catalogue quantity: the certified ball contains an independent
60-digit mpmath value (certbounds.symbolic.evaluate at 60 digits, which
shares no arithmetic with the Arb evaluator), and the ball is narrow.

Parameters are drawn at random inside each statement's domains (ordered
where a constraint orders them). 25 examples per statement in the default
run (44 statements: 1100 cases); ``--hypothesis-profile=thorough`` runs ten
times as many.
"""

from __future__ import annotations

from decimal import MAX_EMAX, MIN_EMIN, Decimal, localcontext

import pytest
import sympy
from hypothesis import HealthCheck, assume, given, settings, strategies as st

from certbounds.certified.evaluate import evaluate as certified_evaluate
from certbounds.errors import CertboundsError
from certbounds.symbolic.catalogue import all_statements
from certbounds.symbolic.domains import FunctionOfX, IntegerRange, RealInterval
from certbounds.symbolic.evaluate import evaluate as reference_evaluate

STATEMENTS = {s.id: s for s in all_statements()}

#: 25 per statement by default, 250 under --hypothesis-profile=thorough
EXAMPLES = max(1, settings().max_examples // 4)

#: parameters a constraint orders: drawn together, then sorted
ORDERED_GROUPS = [("a", "b", "c", "d"), ("b", "c", "d"), ("x_min", "x_max"),
                  ("y_min", "y_max"), ("w_min", "w_max"), ("D_min", "D_max"),
                  ("Omega_lo", "Omega_hi"), ("m", "n"), ("j", "n"), ("varrho", "R")]

#: functions h of the Budzinskiy statements (analytic on every Omega drawn here)
FUNCTIONS = ["exp(x)", "exp(-x/2)", "sin(x)", "cos(2*x) + x", "1/(9 + x)", "atan(x)",
             "cosh(x/3)", "exp(x)*sin(x)", "log(9 + x)", "sqrt(10 + x)"]

#: integer parameters whose natural scale is large (N of the webb2025
#: kernels is a matrix size that sums and Bessel zeros run over: kept small)
LARGE_INTEGERS = {"n1", "n2", "budzinskiy2025:N"}

#: parameters that blow the reference's cost up (sums over t derivatives,
#: binomials in rho) are kept small
SMALL = {"t": 12, "p": 4, "S": 4, "rho": 40, "d": 6, "m": 12, "r": 30, "j": 12, "n": 40}


def _rational(lo: Decimal, hi: Decimal):
    """Rationals in [lo, hi] with small denominators, as text."""
    scale = 48
    return st.integers(int(lo * scale), int(hi * scale)).map(
        lambda k: f"{k}/{scale}")


def _value(param, paper):
    dom = param.domain
    if isinstance(dom, FunctionOfX):
        return st.sampled_from(FUNCTIONS)
    if isinstance(dom, IntegerRange):
        lo = int(dom.lower)
        large = param.name in LARGE_INTEGERS or f"{paper}:{param.name}" in LARGE_INTEGERS
        hi = 10 ** 6 if large else lo + SMALL.get(param.name, 30)
        return st.integers(lo, hi).map(str)
    assert isinstance(dom, RealInterval)
    lower, upper = sympy.sympify(dom.lower), sympy.sympify(dom.upper)
    lo = Decimal(-8) if not lower.is_finite else Decimal(str(lower))
    hi = max(lo, 0) + 8 if not upper.is_finite else Decimal(str(upper))
    strategy = _rational(lo, hi)
    if dom.lower_open or dom.upper_open:
        strategy = strategy.filter(lambda t: _inside(t, dom))
    return strategy


def _inside(text: str, dom) -> bool:
    v = sympy.Rational(text)
    low_ok = v > dom.lower if dom.lower_open else v >= dom.lower
    high_ok = v < dom.upper if dom.upper_open else v <= dom.upper
    return low_ok and high_ok


@st.composite
def parameters(draw, statement):
    values = {}
    for p in statement.parameters:
        if p.choose is not None and draw(st.booleans()):
            continue  # leave it to its rule
        values[p.name] = draw(_value(p, statement.paper))
    for group in ORDERED_GROUPS:
        present = [name for name in group if name in values]
        if len(present) < 2:
            continue
        from fractions import Fraction

        ordered = sorted(values[name] for name in present)
        ordered = sorted(ordered, key=Fraction) if not all(v.lstrip("-").isdigit() for v in ordered) \
            else sorted(ordered, key=int)
        for name, value in zip(present, ordered):
            values[name] = value
    if {"Omega_lo", "Omega_hi"} <= set(values):  # Omega contains 0 (Lemma 3.3)
        values["Omega_lo"] = "-" + values["Omega_lo"].lstrip("-")
        values["Omega_hi"] = values["Omega_hi"].lstrip("-")
    if {"delta", "r1", "r2"} <= set(values):  # disjoint disks: delta > r1 + r2
        from fractions import Fraction
        values["delta"] = str(sum(Fraction(values[k]) for k in ("delta", "r1", "r2")))
    if "a" in values and draw(st.integers(0, 3)) == 0:
        values["a"] = "-inf"
    elif "d" in values and "a" in values and draw(st.integers(0, 3)) == 0:
        values["d"] = "inf"
    return values


def _decimal(text: str) -> Decimal:
    return Decimal(text)


def _check(statement, values):
    try:
        reference = reference_evaluate(statement, values, digits=60)
    except CertboundsError:
        assume(False)
    ball = certified_evaluate(statement, values)
    assert ball.chosen == reference.chosen
    assert ball.parameters == reference.parameters
    for ref in reference.quantities:
        q = ball.quantity(ref.name).ball
        # a rank (an integer-valued expression) must come out as the exact
        # integer; another quantity that happens to be an integer at these
        # values (lem4.3's error is 505 on a one-point Omega) need only be
        # enclosed, below
        if ref.integer is not None and statement.quantity(ref.name).expr.is_integer is True:
            assert q.integer == ref.integer, (ref.name, values, q)
            continue
        with localcontext() as ctx:
            ctx.prec = 80
            ctx.Emax, ctx.Emin = MAX_EMAX, MIN_EMIN  # e^(10^6) and beyond
            value = Decimal(ref.value)
            lower, upper = _decimal(q.lower), _decimal(q.upper)
            # the reference carries 60 significant digits (sampling for a sup-norm)
            slack = abs(value) * (Decimal("1e-8") if "Sup" in str(statement.quantity(ref.name).expr)
                                  or "Assumption" in str(statement.quantity(ref.name).expr)
                                  else Decimal("1e-55"))
            assert lower - slack <= value <= upper + slack, (ref.name, values, q, value)
            if q.accurate and value.is_finite() and value != 0:
                assert (upper - lower) <= abs(value) * Decimal(2) ** -49, (ref.name, q)
    for ref, got in zip(reference.hypotheses, ball.hypotheses):
        if ref.status != "undecided" and got.status != "undecided":
            assert ref.status == got.status, (ref.text, values)


@pytest.mark.enclosure
@pytest.mark.parametrize("statement_id", sorted(STATEMENTS))
def test_catalogue_quantities_are_enclosed(statement_id):
    statement = STATEMENTS[statement_id]

    @settings(max_examples=EXAMPLES, deadline=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    @given(parameters(statement))
    def check(values):
        _check(statement, values)

    check()


def test_an_integer_valued_error_is_enclosed_not_required_exact():
    """Regression (thorough run): on a one-point Omega, lem4.3's error is
    exactly 505 for the reference (sympy folds sin(0) and cos(0)); the
    certified ball encloses 505 without being an exact point, which is
    right for a quantity that is not integer-valued in general."""
    _check(STATEMENTS["budzinskiy2025:lem4.3"],
           {"eps": "24/48", "n1": "1", "n2": "1", "h": "sin(x)", "t": "6", "p": "1",
            "ABZ_max": "0/48", "AB_norm": "96/48", "Z_sum": "384/48", "Omega_lo": "-0/48",
            "Omega_hi": "0/48"})
