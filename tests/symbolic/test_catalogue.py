"""The catalogue as data (certbounds.symbolic.catalogue) and the values the
papers state, read back out of it."""

import re

import pytest
import sympy

from certbounds.errors import UnknownStatementError
from certbounds.symbolic.catalogue import all_statements, get_statement, papers
from certbounds.symbolic.evaluate import evaluate
from certbounds.symbolic.statement import Statement

IDS = [st.id for st in all_statements()]

# Everything issue 2 names, in the papers' numbering.
REQUIRED = {
    "budzinskiy2025": ["ex1.1", "eq1.1", "eq1.2", "thm1.3", "lem3.1", "thm2.1", "lem2.2",
                       "thma.1", "lem3.3", "cor3.7", "thm3.8", "lem4.1", "lem4.3", "cor4.4",
                       "thm4.5", "thm4.7", "cor4.8", "thm5.2", "eq6.2", "thm6.1", "lem6.3",
                       "cor6.4", "thm6.5"],
    "webb2025": ["thm1.1", "eq3.3", "lem3.2", "eq3.4", "thm3.3", "lem3.4", "lem3.5", "thm5.2",
                 "prop5.3", "rem5.4", "eq6.4", "eq6.8", "eq6.15", "eq6.22", "eq6.36"],
}


def test_catalogue_is_complete_and_unique():
    assert len(IDS) >= 35
    assert len(set(IDS)) == len(IDS)
    for paper, numbers in REQUIRED.items():
        for number in numbers:
            assert f"{paper}:{number}" in IDS
    assert {p.key for p in papers()} == {"budzinskiy2025", "webb2025"}


@pytest.mark.parametrize("alias, target", [
    ("jl", "budzinskiy2025:thm1.3"),
    ("cauchy-zolotarev", "webb2025:thm1.1"),
    ("little-reade", "webb2025:prop5.3"),
    ("beckermann-townsend", "webb2025:thm3.3"),
    ("BUDZINSKIY2025:THMA.1", "budzinskiy2025:thma.1"),  # lookup ignores case
])
def test_aliases_resolve(alias, target):
    assert get_statement(alias).id == target


def test_every_alias_resolves_to_its_statement():
    for st in all_statements():
        for alias in st.aliases:
            assert get_statement(alias) is st


def test_unknown_id_suggests():
    with pytest.raises(UnknownStatementError, match="did you mean budzinskiy2025:thm3.8"):
        get_statement("thm3.8")
    with pytest.raises(UnknownStatementError, match="budzinskiy2025:thm1.3"):
        get_statement("budzinskiy2025:thm1.4")


@pytest.mark.parametrize("st", all_statements(), ids=IDS)
def test_statement_is_well_formed(st):
    assert re.fullmatch(r"[a-z]+\d{4}:[a-z]+[0-9a-z.\-]*", st.id)
    assert st.parameters and st.quantities
    assert st.summary and st.title
    for p in st.parameters:
        assert p.meaning and p.domain.describe()
    # every formula renders in LaTeX
    for q in st.quantities:
        assert st.latex(q.expr)
    for item in (*st.hypotheses, *st.constraints):
        assert st.latex(item.relation)
    if st.paper == "webb2025":
        assert st.source.confidence is not None


@pytest.mark.parametrize("st", all_statements(), ids=IDS)
def test_example_evaluates_to_numbers(st):
    # the catalogue's example of each statement lies inside every domain and constraint
    ev = evaluate(st, st.example_values())
    for q in ev.quantities:
        value = sympy.Float(q.value, 30) if q.value not in ("inf", "-inf") else sympy.oo
        assert value.is_number and value != sympy.nan
        if q.kind == "rank" and q.integer is not None:
            assert q.integer >= 0
    assert all(h.status in ("holds", "fails", "undecided") for h in ev.hypotheses)


def test_reject_malformed_statements():
    st = get_statement("jl")
    with pytest.raises(ValueError, match="lower case"):
        Statement(id="Paper:Thm1", kind="theorem", title="t", source=st.source, summary="s",
                  parameters=st.parameters, quantities=st.quantities)
    with pytest.raises(ValueError, match="not parameters"):
        Statement(id="x:thm1", kind="theorem", title="t", source=st.source, summary="s",
                  parameters=st.parameters[:1], quantities=st.quantities)


# ---------------------------------------------------------------- paper values

@pytest.mark.parametrize("n, rank", [("1e5", 21713), ("1e7", 30002), ("1e9", 38291)])
def test_section_1_3_ranks(n, rank):
    # budzinskiy2025 Section 1.3: r_{10^5} = 21713, r_{10^7} = 30002, r_{10^9} = 38291
    ev = evaluate(get_statement("budzinskiy2025:thm1.3"), {"eps": "0.1", "n1": n, "n2": n})
    assert ev.quantity("rank").integer == rank


def test_jl_rank_against_independent_formula():
    # (1.2) by direct integer search: the least r with r >= 9 log(3 n1 n2) / eps^2,
    # i.e. exp(r eps^2 / 9) >= 3 n1 n2, decided in exact integer arithmetic for eps = 1/k
    import math
    for k, n1, n2 in [(10, 100, 100), (3, 7, 11), (20, 10 ** 6, 5), (2, 1, 1)]:
        ev = evaluate(get_statement("budzinskiy2025:eq1.2"),
                      {"eps": f"1/{k}", "n1": str(n1), "n2": str(n2)})
        r = ev.quantity("rank").integer
        bound = 9 * k * k * math.log(3 * n1 * n2)
        assert r - 1 < bound <= r


def test_theorem_3_8_default_t_and_rank():
    # smallest integer t >= e^2 M sigma R^2 = e^2 = 7.389..., so t = 8; rank 1 + 7 r
    ev = evaluate(get_statement("budzinskiy2025:thm3.8"),
                  {"eps": "0.1", "n1": "1e5", "n2": "1e5", "C": "1", "M": "1", "R": "1",
                   "sigma": "1"})
    assert ev.parameters["t"] == 8 and "t" in ev.chosen
    assert ev.quantity("rank").integer == 1 + 7 * 21713
    assert [h.status for h in ev.hypotheses] == ["holds"]
    # a user's t below the threshold is kept and the hypothesis reported as failing
    ev = evaluate(get_statement("budzinskiy2025:thm3.8"),
                  {"eps": "0.1", "n1": "1e5", "n2": "1e5", "C": "1", "M": "1", "R": "1",
                   "sigma": "1", "t": "7"})
    assert ev.hypotheses[0].status == "fails"
    assert ev.quantity("rank").integer == 1 + 6 * 21713


def test_theorem_4_5_uses_R_r_t_minus_1_3():
    ev = evaluate(get_statement("budzinskiy2025:thm4.5"),
                  {"eps": "0.5", "n1": "10", "n2": "10", "C": "1", "M": "1", "R": "1",
                   "sigma": "1/4", "t": "4"})
    import math
    r = math.ceil(9 * math.log(300) * 4)
    from tests.symbolic.test_functions import naive_R
    assert ev.quantity("rank").integer == naive_R(r, 3, 3)


def test_example_1_1_stirling_and_rank():
    # r = max{log(C/eps), e^2 M} rounded up: C = 1, eps = 1/100 -> log 100 = 4.6 < e^2 = 7.39 -> 8
    ev = evaluate(get_statement("budzinskiy2025:ex1.1"), {"C": "1", "M": "1", "eps": "0.01"})
    assert ev.parameters["r"] == 8
    remainder = sympy.Rational(1, 40320)  # C M^r / r! = 1/8!
    assert ev.quantity("error").exact == remainder
    # Stirling step of Example 1.1: C M^r / r! < C e^{-r} once r >= e^2 M
    assert remainder < sympy.exp(-8)


def test_eq_1_1_chain_values():
    # (1.1) with m = 10, C = 1, M = 1, eps = 0.1: rho* = ceil(max{log 10, 10 e^2}) = 74
    ev = evaluate(get_statement("budzinskiy2025:eq1.1"), {"m": "10", "C": "1", "M": "1", "eps": "0.1"})
    assert ev.quantity("rho_star").integer == 74
    assert ev.quantity("rank").integer == sympy.binomial(83, 10)
    rank = ev.quantity("rank").integer
    mid = sympy.Float(ev.quantity("rank_bound_exp").value, 30)
    top = sympy.Float(ev.quantity("rank_bound_simple").value, 30)
    assert rank <= mid < top  # the chain of inequalities in (1.1) at this point


def test_lemma_2_2_hypotheses_from_the_proof():
    st = get_statement("budzinskiy2025:lem2.2")
    ev = evaluate(st, {"m": "3", "C": "2", "M": "1", "eps": "0.1", "Cu": "100", "Cv": "20"})
    # C_u > C^2 m^m = 108 fails at 100; C_v > m^m = 27 fails at 20
    assert [h.status for h in ev.hypotheses] == ["fails", "fails"]
    ev = evaluate(st, {"m": "3", "C": "2", "M": "1", "eps": "0.1", "Cu": "109", "Cv": "28"})
    assert [h.status for h in ev.hypotheses] == ["holds", "holds"]


def test_lemma_3_3_error_for_exp():
    # h = exp: |h^(s)(0)| = 1, ||h^(t)||_[-1,1] = e; t = 3, AB_max = A = B = 1/2:
    # error = (1/2)^3/3! e + eps (1/4 + (1/4)^2/2)
    ev = evaluate(get_statement("budzinskiy2025:lem3.3"),
                  {"eps": "0.1", "n1": "10", "n2": "10", "h": "exp(x)", "t": "3", "AB_max": "1/4",
                   "A_2inf": "1/2", "B_2inf": "1/2", "Omega_lo": "-1", "Omega_hi": "1"})
    expected = (sympy.Rational(1, 4) ** 3 / 6 * sympy.E
                + sympy.Rational(1, 10) * (sympy.Rational(1, 4) + sympy.Rational(1, 32)))
    assert abs(sympy.Float(ev.quantity("error").value, 30) - expected.evalf(30)) < 1e-25


def test_tt_rank_keeps_c_d_a_parameter():
    st = get_statement("budzinskiy2025:eq6.2")
    assert "c_d" in [p.name for p in st.parameters]
    ev = evaluate(st, {"c_d": "1", "eps": "0.5", "N": "8"})
    import math
    assert ev.quantity("rank").integer == math.ceil(4 * math.log(16 * math.e))
