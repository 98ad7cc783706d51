"""The certified error bound of a theorem at a prescribed rank
(analysis.error_at_rank): valid, nearly optimal in eps, None where the
theorem says nothing."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest

from certbounds import evaluate, get_statement
from certbounds.analysis.error_at_rank import (BITS, _smallest_eps, error_bound_at_rank,
                                               generated_data_bound)
from certbounds.errors import DomainError


@pytest.mark.parametrize("budget,n", [(4000, 1000), (800, 50), (10 ** 6, 10 ** 5)])
def test_theorem_5_2_eps_is_the_inverse_of_1_2(budget, n):
    b = error_bound_at_rank("budzinskiy2025:thm5.2", budget, {"n1": n, "n2": n})
    # (1.2): rank <= budget iff 9 log(3 n^2) / eps^2 <= budget, i.e. eps >= sqrt(9 log(3n^2)/budget)
    with mpmath.workdps(40):
        exact = mpmath.sqrt(9 * mpmath.log(3 * n * n) / budget)
        assert b.rank <= budget
        assert exact <= mpmath.mpf(b.eps.numerator) / b.eps.denominator <= exact + mpmath.mpf(2) ** (1 - BITS)
    # the error bound of Theorem 5.2 is eps itself
    assert Fraction(b.error.lower) <= b.eps <= Fraction(b.error.upper)


def test_one_step_smaller_eps_does_not_fit():
    b = error_bound_at_rank("budzinskiy2025:thm5.2", 4000, {"n1": 1000, "n2": 1000})
    smaller = b.eps - Fraction(1, 2 ** BITS)
    ev = evaluate(get_statement("budzinskiy2025:thm5.2"), {"n1": 1000, "n2": 1000, "eps": smaller})
    assert ev["rank"].integer > 4000


def test_theorem_3_8_bound_is_the_statement_at_admissible_parameters():
    values = {"n1": 1000, "n2": 1000, "C": Fraction(27183, 10000), "M": 1, "R": Fraction(1, 2),
              "sigma": 1}
    b = error_bound_at_rank("budzinskiy2025:thm3.8", 40000, values)
    ev = evaluate(get_statement("budzinskiy2025:thm3.8"), b.values)
    assert all(h.status == "holds" for h in ev.hypotheses)
    assert ev["rank"].integer == b.rank <= 40000
    assert ev["error"].upper == b.error.upper
    # the smallest admissible t (ceil(e^2/4) = 2) is not the best one here: e^-2 alone is 0.135
    assert b.values["t"] > 2
    assert float(b.error.upper) < mpmath.e * mpmath.exp(-2)
    # no other admissible t in a window gives a smaller bound
    st = get_statement("budzinskiy2025:thm3.8")
    for t in range(2, b.values["t"] + 6):
        found = _smallest_eps(st, {**values, "t": t}, 40000)
        if found is not None:
            assert Fraction(found[1][1].upper) >= Fraction(b.error.upper)


def test_no_bound_when_the_rank_is_too_small():
    # ceil(9 log(3e6) / eps^2) >= 135 for every eps < 1
    assert error_bound_at_rank("budzinskiy2025:thm1.3", 100, {"n1": 1000, "n2": 1000}) is None
    bound, note = generated_data_bound("f1", (1000, 1000), 100)
    assert bound is None and "no bound at rank 100" in note


def test_generated_data_notes():
    assert generated_data_bound("f2", (10, 10), 5)[0] is None
    assert "c_d" in generated_data_bound("f3", (10, 10), 5)[1]
    bound, note = generated_data_bound("gaussian", (100, 100), 5000)
    assert bound is not None and bound.statement == "budzinskiy2025:thm5.2"


def test_bad_input():
    with pytest.raises(DomainError):
        error_bound_at_rank("budzinskiy2025:thm5.2", 0, {"n1": 1, "n2": 1})
    with pytest.raises(DomainError):
        error_bound_at_rank("budzinskiy2025:eq1.2", 10, {"n1": 1, "n2": 1})  # no error quantity
    with pytest.raises(DomainError):
        error_bound_at_rank("budzinskiy2025:thm5.2", 10, {"n1": 0, "n2": 1})
