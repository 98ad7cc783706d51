"""Binding parameters and evaluating quantities (certbounds.symbolic.evaluate)."""

import json
from fractions import Fraction

import pytest
import sympy

from certbounds.errors import (CertboundsError, DomainError, MalformedNumberError,
                               MissingParameterError, UnknownParameterError)
from certbounds.symbolic.catalogue import get_statement
from certbounds.symbolic.evaluate import bind, evaluate

JL = get_statement("jl")


def test_exact_inputs_of_every_kind_agree():
    as_text = bind(JL, {"eps": "0.1", "n1": "1e5", "n2": "100000"})
    as_objects = bind(JL, {"eps": Fraction(1, 10), "n1": 10 ** 5, "n2": sympy.Integer(10 ** 5)})
    assert as_text.values == as_objects.values
    assert as_text.values["eps"] == sympy.Rational(1, 10)


@pytest.mark.parametrize("values, error, text", [
    ({"eps": 0.1, "n1": "10", "n2": "10"}, MalformedNumberError, "not a float"),
    ({"eps": "2", "n1": "10", "n2": "10"}, DomainError, "eps=2 is outside"),
    ({"eps": "1", "n1": "10", "n2": "10"}, DomainError, "outside"),        # open end
    ({"eps": "0.1", "n1": "-3", "n2": "10"}, DomainError, "n1=-3"),
    ({"eps": "0.1", "n1": "2.5", "n2": "10"}, DomainError, "n1: '2.5' is not an integer"),
    ({"eps": "0.1", "n1": "inf", "n2": "10"}, DomainError, "not an integer"),
    ({"eps": "0.1x", "n1": "10", "n2": "10"}, MalformedNumberError, "eps: malformed"),
    ({"eps": "0.1", "n1": "10", "n2": "10", "n3": "1"}, UnknownParameterError, "n3"),
    ({"eps": "0.1", "n1": "10"}, MissingParameterError, "needs n2"),
])
def test_bad_values_raise_clear_errors(values, error, text):
    with pytest.raises(error, match=text):
        bind(JL, values)
    assert issubclass(error, CertboundsError)


def test_unknown_parameter_suggests_close_name():
    st = get_statement("budzinskiy2025:thm3.8")
    with pytest.raises(UnknownParameterError, match="did you mean sigma"):
        bind(st, {"sigm": "1"})


def test_constraints_are_domain_errors():
    st = get_statement("webb2025:eq1.8")
    with pytest.raises(DomainError):
        bind(st, {"a": "0", "b": "3", "c": "2", "d": "5", "n": "1"})   # overlapping
    # Z_n is 1 when the plates meet at infinity, but the node formula has no Moebius map
    assert evaluate(st, {"a": "-inf", "b": "-1", "c": "1", "d": "inf", "n": "3"}
                    ).quantity("zolotarev").integer == 1
    with pytest.raises(DomainError, match="meet at"):
        bind(get_statement("webb2025:thm5.2"),
             {"a": "-inf", "b": "-1", "c": "1", "d": "inf", "n": "2", "j": "1"})
    st = get_statement("budzinskiy2025:thm4.7")
    with pytest.raises(DomainError, match="min D < max D"):
        bind(st, {"eps": "0.1", "n1": "2", "n2": "2", "h": "exp(x)", "t": "2",
                  "D_min": "3", "D_max": "1", "sigma": "1", "R": "1"})


def test_rule_default_needs_the_other_parameters():
    st = get_statement("budzinskiy2025:thm3.8")
    with pytest.raises(MissingParameterError, match="M"):
        bind(st, {"eps": "0.1", "n1": "2", "n2": "2", "C": "1", "R": "1", "sigma": "1"})


def test_json_is_serialisable_and_strings_for_numbers():
    ev = evaluate(get_statement("webb2025:eq1.8"),
                  {"a": "-3", "b": "-1", "c": "2", "d": "5", "n": "2"})
    doc = json.loads(json.dumps(ev.to_json()))
    z = doc["quantities"]["zolotarev"]
    assert isinstance(z["value"], str) and z["exact"] is None and z["certified"] is False
    # sheet section 11: Z_2([-3,-1],[2,5]) = 7.77612958447e-4
    assert abs(float(z["value"]) - 7.77612958447e-4) < 1e-15
    assert doc["quantities"]["cross_ratio"]["exact"] == "5/4"
    assert doc["parameters"]["a"] == "-3"


@pytest.mark.parametrize("h", ["1/x", "log(x)", "sqrt(x - 2)"])
def test_h_undefined_on_omega_is_a_domain_error(h):
    # Assumption 3.2 asks h to be smooth on Omega = [-1, 1]; these are not
    with pytest.raises(DomainError):
        evaluate(get_statement("budzinskiy2025:lem3.3"),
                 {"eps": "0.1", "n1": "10", "n2": "10", "h": h, "t": "3", "AB_max": "1",
                  "A_2inf": "1", "B_2inf": "1", "Omega_lo": "-1", "Omega_hi": "1"})


def test_infinite_and_tiny_values_are_text_not_floats():
    ev = evaluate(get_statement("webb2025:thm3.3"),
                  {"a": "-inf", "b": "-1", "c": "1", "d": "inf", "n": "3"})
    doc = json.loads(json.dumps(ev.to_json(), allow_nan=False))
    assert doc["quantities"]["cross_ratio"]["value"] == "inf"
    assert "mid" not in doc["quantities"]["cross_ratio"]
    ev = evaluate(get_statement("webb2025:eq1.8"),
                  {"a": "-3", "b": "-1", "c": "2", "d": "5", "n": "100000"})
    z = ev.to_json()["quantities"]["zolotarev"]
    assert "e-185565" in z["value"] and "mid" not in z   # far below the float range


# ---------------------------------------------------------------- against mpmath
from hypothesis import given, settings, strategies as st  # noqa: E402
import mpmath  # noqa: E402


@settings(max_examples=200, deadline=None)
@given(st.fractions(min_value=0, max_value=1, max_denominator=10 ** 6).filter(lambda f: 0 < f < 1),
       st.integers(1, 10 ** 12), st.integers(1, 10 ** 12))
def test_jl_rank_and_theorem_3_8_error_against_mpmath(eps, n1, n2):
    text = {"eps": f"{eps.numerator}/{eps.denominator}", "n1": str(n1), "n2": str(n2)}
    with mpmath.workdps(60):
        e = mpmath.mpf(eps.numerator) / eps.denominator
        exact_r = 9 * mpmath.log(3 * mpmath.mpf(n1) * n2) / e ** 2
        rank = int(mpmath.ceil(exact_r))
        assert abs(exact_r - mpmath.nint(exact_r)) > mpmath.mpf(10) ** -40  # reference is unambiguous
        ev = evaluate(get_statement("jl"), text)
        assert ev.quantity("rank").integer == rank
        # Theorem 3.8 with C = 2, M = 1/3, R = 3/2, sigma = 1/2 and its default t
        ev = evaluate(get_statement("budzinskiy2025:thm3.8"),
                      {**text, "C": "2", "M": "1/3", "R": "3/2", "sigma": "1/2"})
        t = int(mpmath.ceil(mpmath.e ** 2 * mpmath.mpf(1) / 3 * mpmath.mpf(9) / 4 / 2))
        assert ev.parameters["t"] == t
        assert ev.quantity("rank").integer == 1 + (t - 1) * rank
        err = 2 * (mpmath.exp(-t) + e * (mpmath.exp(mpmath.mpf(1) / 3 * mpmath.mpf(1) / 2
                                                    * mpmath.mpf(9) / 4) - 1))
        ours = mpmath.mpf(ev.quantity("error").value)
        assert abs(ours - err) <= mpmath.mpf(10) ** -28 * err
