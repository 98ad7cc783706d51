"""The claim API: check builders compute verdicts; claim files load, and
broken ones are reported as such."""

import textwrap

import pytest
import sympy

from certbounds.analysis.claims import (Claim, ClaimFileError, Verdict, all_of,
                                        implication_check, inequality_check, load_claims,
                                        run_claims, value_check)
from certbounds.errors import UndecidedError


# ------------------------------------------------------------------ value_check
def test_value_check_integer_verified_and_refuted():
    # r(0.1, 10^5, 10^5) = ceil(900 log(3e10)) = 21713 (budzinskiy2025 §1.3; the
    # argument is 21712.3..., far from an integer)
    jl = "ceiling(9*log(3*n1*n2)/eps**2)"
    values = {"eps": "0.1", "n1": "1e5", "n2": "1e5"}
    assert value_check(jl, 21713, values=values)().status == "verified"
    refuted = value_check(jl, "21712", values=values)()
    assert refuted.status == "refuted" and "21713" in refuted.evidence


@pytest.mark.parametrize("stated, status, how", [
    ("3.1416", "verified", "nearest"),     # pi = 3.14159265...: rounded to 4 places
    ("3.1415", "verified", "truncated"),   # ... and truncated to 4 places
    ("3.14159", "verified", "nearest"),    # 3.141592 rounds (and truncates) to 3.14159
    ("3.1417", "refuted", ""),             # neither
    ("3.2", "refuted", ""),
])
def test_value_check_decimal_as_printed(stated, status, how):
    v = value_check("pi", stated)()
    assert v.status == status, v.evidence
    assert how in v.evidence


def test_value_check_with_catalogue_symbol_assumptions():
    # values are matched to the expression's symbols by name, whatever
    # assumptions those symbols carry (catalogue parameters are positive=True)
    n = sympy.Symbol("n", positive=True, integer=True)
    assert value_check(n ** 2 + 1, 10, values={"n": 3})().status == "verified"


# ------------------------------------------------------------------ proofs
def test_inequality_and_implication_checks():
    assert inequality_check("n**2 < 2**n", {"n": "5..100"})().status == "verified"
    v = inequality_check("n**2 < 2**n", {"n": "1..100"})()
    assert v.status == "refuted" and v.details["counterexample"]["n"] in ("2", "3", "4")
    # 2x > y+1 would follow from 2x > 2y + 2 when y >= -1 (sides: 2x = 2x, y+1 <= 2y+2)
    imp = implication_check("2*x > 2*y + 2", "2*x > y + 1", {"x": "[0, 5]", "y": "[-1, 5]"})()
    assert imp.status == "verified", imp.evidence
    # ... but not when y may be below -1 (y + 1 > 2y + 2 there)
    bad = implication_check("2*x > 2*y + 2", "2*x > y + 1", {"x": "[0, 5]", "y": "[-3, 5]"})()
    assert bad.status == "refuted"
    ratio = implication_check("x > 2", "x > 1", {"x": "[1, 10]"}, via="difference")()
    assert ratio.status == "verified"


def test_all_of_combines():
    yes = lambda: Verdict("verified", "ok")      # noqa: E731
    no = lambda: Verdict("refuted", "no")        # noqa: E731
    maybe = lambda: Verdict("undecided", "?")    # noqa: E731
    assert all_of(yes, yes)().status == "verified"
    assert all_of(yes, no, maybe)().status == "refuted"
    assert all_of(yes, maybe)().status == "undecided"


def test_claim_run_turns_undecided_errors_into_verdicts_and_others_into_breakage():
    def undecided():
        raise UndecidedError("precision cap reached")

    def broken():
        raise ZeroDivisionError("oops")

    assert Claim("t:u", "here", "s", undecided).run().status == "undecided"
    with pytest.raises(ClaimFileError):
        Claim("t:b", "here", "s", broken).run()
    [result] = run_claims([Claim("t:b", "here", "s", broken)])
    assert result.status == "error" and "ZeroDivisionError" in result.error


def test_claim_requires_text_and_a_callable():
    with pytest.raises(ClaimFileError):
        Claim("t:x", "", "s", lambda: Verdict("verified", ""))
    with pytest.raises(ClaimFileError):
        Claim("t:x", "src", "s", "not callable")


# ------------------------------------------------------------------ files
def _write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(textwrap.dedent(text))
    return p


def test_load_claims_from_file_and_directory(tmp_path):
    _write(tmp_path, "a.py", """
        from certbounds.analysis.claims import Claim, value_check
        CLAIMS = [Claim("a:one", "src", "1 + 1 = 2", value_check("1 + 1", 2))]
    """)
    _write(tmp_path, "b.py", """
        from certbounds.analysis.claims import Claim, value_check
        CLAIMS = [Claim("b:one", "src", "2 + 2 = 5", value_check("2 + 2", 5))]
    """)
    claims = load_claims(tmp_path)
    assert [c.id for c in claims] == ["a:one", "b:one"]
    assert [r.status for r in run_claims(claims)] == ["verified", "refuted"]


@pytest.mark.parametrize("text, message", [
    ("x = (", "cannot load"),
    ("CLAIMS = []", "defines no CLAIMS"),
    ("X = 1", "defines no CLAIMS"),
    ("CLAIMS = [1]", "not Claim"),
    ("raise SystemExit(3)", "cannot load"),
    ("""
from certbounds.analysis.claims import Claim, value_check
CLAIMS = [Claim("d:x", "s", "t", value_check("1", 1))] * 2
""", "duplicate"),
])
def test_broken_claim_files(tmp_path, text, message):
    p = _write(tmp_path, "broken.py", text)
    with pytest.raises(ClaimFileError, match=message):
        load_claims(p)
    with pytest.raises(ClaimFileError, match="no claim file"):
        load_claims(tmp_path / "missing.py")
