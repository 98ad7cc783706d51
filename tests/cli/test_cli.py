"""Tests of the command line (certbounds/cli/main.py) against its contract
(DESIGN.md, "Public interface"; README, "A short tour").

Most tests run the real console script in a subprocess, as a user does.
The cases repeated for every statement of the catalogue call
``certbounds.cli.main`` in-process (same code, without a second of
interpreter start-up each), with a real-subprocess run for a subset.
"""

from __future__ import annotations

import io
import json
import math
import re
from concurrent.futures import ThreadPoolExecutor
from contextlib import redirect_stdout
from decimal import Decimal, InvalidOperation

import pytest

from certbounds.cli import main

# The rank of Theorem 1.3 for n1 = n2 = N at eps = 0.1:
# budzinskiy2025 Section 1.3, "r_{10^5} = 21713, r_{10^7} = 30002, and r_{10^9} = 38291".
JL_RANKS = {"1e5": 21713, "1e7": 30002, "1e9": 38291}

# Aliases the README promises, with the statement each names.
README_ALIASES = {
    "jl": "budzinskiy2025:thm1.3",
    "cauchy-zolotarev": "webb2025:thm1.1",
    "little-reade": "webb2025:prop5.3",
    "beckermann-townsend": "webb2025:thm3.3",
}

LEM3_3 = ("eval", "budzinskiy2025:lem3.3", "eps=0.1", "n1=100", "n2=100", "t=5", "AB_max=1",
          "A_2inf=1", "B_2inf=1", "Omega_lo=-1", "Omega_hi=1")


def _catalogue() -> list:
    """The statements as ``certbounds list --json`` gives them (in-process:
    the ids are needed at collection time, to parametrise over)."""
    buffer = io.StringIO()
    with redirect_stdout(buffer):
        code = main(["list", "--json"])
    assert code == 0, "certbounds list --json failed while collecting the tests"
    return json.loads(buffer.getvalue())["statements"]


CATALOGUE = _catalogue()
IDS = [st["id"] for st in CATALOGUE]


def _json(run) -> dict:
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    return json.loads(run.stdout)


def _number(text: str) -> Decimal:
    """A JSON endpoint: a finite or infinite decimal number, never NaN."""
    assert isinstance(text, str), f"value {text!r} is not a string"
    try:
        number = Decimal(text)
    except InvalidOperation:
        pytest.fail(f"value {text!r} is not a decimal number")
    assert not number.is_nan(), f"value {text!r} is NaN"
    return number


def _assert_one_line_error(run, *fragments: str) -> str:
    assert run.returncode == 2, (run.returncode, run.stderr)
    assert run.stdout == ""
    assert "Traceback" not in run.stderr
    lines = run.stderr.splitlines()
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith("certbounds: error:"), lines[0]
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])
    return lines[0]


# ------------------------------------------------------------------ list
@pytest.fixture(scope="module")
def listing(run_certbounds) -> dict:
    """``certbounds list --json``, run once through the console script."""
    return _json(run_certbounds("list", "--json"))


def test_list_json_is_the_whole_catalogue(listing):
    doc = listing
    statements = doc["statements"]
    assert doc["count"] == len(statements) >= 35
    ids = [st["id"] for st in statements]
    assert len(set(ids)) == len(ids)
    for st in statements:
        assert len(st["parameters"]) >= 1, st["id"]
        assert len(st["quantities"]) >= 1, st["id"]
        assert all(p["name"] and p["domain"] for p in st["parameters"]), st["id"]


def test_list_json_has_the_readme_aliases(listing):
    target = {alias: st["id"] for st in listing["statements"] for alias in st["aliases"]}
    for alias, statement_id in README_ALIASES.items():
        assert target.get(alias) == statement_id, alias


def test_every_alias_resolves_through_show(run_certbounds, listing):
    aliases = [(alias, st["id"]) for st in listing["statements"] for alias in st["aliases"]]
    assert {a for a, _ in aliases} >= set(README_ALIASES)
    with ThreadPoolExecutor() as pool:  # independent processes: start them together
        runs = list(pool.map(lambda a: run_certbounds("show", a[0], "--json"), aliases))
    for (alias, statement_id), run in zip(aliases, runs):
        assert _json(run)["id"] == statement_id, alias


def test_lookup_ignores_case(run_certbounds):
    # README: "Lookup ignores case."
    assert _json(run_certbounds("show", "JL", "--json"))["id"] == "budzinskiy2025:thm1.3"


def test_list_human_has_one_row_per_statement_and_a_count(run_certbounds):
    run = run_certbounds("list")
    assert run.returncode == 0 and run.stderr == ""
    lines = run.stdout.splitlines()
    assert len(lines) == len(IDS) + 1
    for line, statement_id in zip(lines, IDS):
        assert line.split()[0] == statement_id
    assert lines[-1] == f"{len(IDS)} statements"


def test_list_paper_filters(cli):
    webb = [i for i in IDS if i.startswith("webb2025:")]
    doc = json.loads(cli("list", "--paper", "webb2025", "--json").stdout)
    assert [st["id"] for st in doc["statements"]] == webb
    assert doc["count"] == len(webb) > 0


# ------------------------------------------------------------------ eval
@pytest.mark.parametrize("n", sorted(JL_RANKS))
def test_eval_jl_rank_matches_the_paper(run_certbounds, n):
    doc = _json(run_certbounds("eval", "budzinskiy2025:thm1.3", "eps=0.1", f"n1={n}", f"n2={n}",
                               "--json"))
    assert doc["id"] == "budzinskiy2025:thm1.3"
    rank = doc["quantities"]["rank"]
    assert rank["int"] == JL_RANKS[n]
    assert rank["lower"] == rank["upper"] == str(JL_RANKS[n])


def test_eval_alias_gives_the_same_document(run_certbounds, cli):
    args = ("eps=0.1", "n1=1e5", "n2=1e5", "--json")
    by_alias = _json(run_certbounds("eval", "jl", *args))
    assert by_alias["quantities"]["rank"]["int"] == JL_RANKS["1e5"]
    assert by_alias == _json(run_certbounds("eval", "budzinskiy2025:thm1.3", *args))
    for n in ("1e7", "1e9"):  # the other two of Section 1.3, in-process
        doc = _json(cli("eval", "jl", "eps=0.1", f"n1={n}", f"n2={n}", "--json"))
        assert doc["quantities"]["rank"]["int"] == JL_RANKS[n]


def test_eval_chooses_and_reports_a_free_integer(run_certbounds):
    # Theorem 3.8 with M = sigma = R = 1 needs t >= e^2 M sigma R^2 = e^2 = 7.389...,
    # so t = 8; its rank is 1 + (t - 1) r with r = 21713 the JL rank at n = 10^5.
    assert 7 < math.e ** 2 < 8
    given = ("eps=0.1", "n1=1e5", "n2=1e5", "C=1", "M=1", "R=1", "sigma=1")
    doc = _json(run_certbounds("eval", "budzinskiy2025:thm3.8", *given, "--json"))
    assert doc["chosen"]["t"]["value"] == "8"
    assert doc["chosen"]["t"]["rule"]
    assert doc["parameters"]["t"] == "8"
    assert doc["quantities"]["rank"]["int"] == 1 + 7 * 21713
    # the chosen value is the one used: giving t=8 explicitly changes nothing
    explicit = _json(run_certbounds("eval", "budzinskiy2025:thm3.8", *given, "t=8", "--json"))
    assert explicit["chosen"] == {}
    assert explicit["quantities"] == doc["quantities"]


def test_eval_human_reports_the_chosen_integer(run_certbounds):
    run = run_certbounds("eval", "budzinskiy2025:thm3.8", "eps=0.1", "n1=1e5", "n2=1e5",
                         "C=1", "M=1", "R=1", "sigma=1")
    assert run.returncode == 0 and run.stderr == ""
    assert re.search(r"^chosen: t=8\b", run.stdout, re.M), run.stdout
    assert re.search(rf"^\s*rank\s+{1 + 7 * 21713}$", run.stdout, re.M), run.stdout


def test_python_dash_m_is_the_same_command(run_certbounds):
    args = ("eval", "jl", "eps=0.1", "n1=1e5", "n2=1e5", "--json")
    module = run_certbounds(*args, module=True)
    assert _json(module)["quantities"]["rank"]["int"] == 21713
    assert module.stdout == run_certbounds(*args).stdout


@pytest.mark.parametrize("args", [
    ("eval", "budzinskiy2025:thm3.8", "eps=0.1", "n1=1e5", "n2=1e5", "C=1", "M=1", "R=1",
     "sigma=1"),
    (*LEM3_3, "h=exp(x)"),
    ("eval", "webb2025:eq1.8", "a=-inf", "b=-1/2", "c=0", "d=100", "n=10"),
], ids=["thm3.8", "lem3.3", "eq1.8"])
def test_eval_json_is_one_document_with_numbers_as_strings(run_certbounds, args):
    run = run_certbounds(*args, "--json")
    assert run.returncode == 0 and run.stderr == ""
    doc = json.loads(run.stdout)  # raises on a second document or any trailing text
    assert isinstance(doc, dict)
    assert all(isinstance(v, str) for v in doc["parameters"].values())
    assert all(isinstance(c["value"], str) for c in doc["chosen"].values())
    assert doc["quantities"]
    for name, q in doc["quantities"].items():
        lower, upper = _number(q["lower"]), _number(q["upper"])
        assert lower <= upper, name
        assert q["certified"] is True, name
        assert type(q["prec"]) is int and q["prec"] >= 50, name
        if "int" in q:
            assert type(q["int"]) is int and lower == upper == q["int"], name
        if "mid" in q:
            assert isinstance(q["mid"], float), name
            slack = abs(Decimal(q["mid"])) * Decimal("1e-15")
            assert lower - slack <= Decimal(q["mid"]) <= upper + slack, name
    for h in doc["hypotheses"]:
        assert h["status"] in ("holds", "fails", "undecided")


def test_eval_keeps_inputs_exact(run_certbounds):
    # README: "eps=0.1 is 1/10, never a float"
    doc = _json(run_certbounds("eval", "jl", "eps=0.1", "n1=10^5", "n2=1e5", "--json"))
    assert doc["parameters"] == {"eps": "1/10", "n1": "100000", "n2": "100000"}
    assert doc["quantities"]["error"]["exact"] == "1/10"


# ------------------------------------------------------------------ every statement
@pytest.mark.parametrize("statement_id", IDS)
def test_show_latex_json_of_every_statement(cli, statement_id):
    run = cli("show", statement_id, "--latex", "--json")
    doc = _json(run)
    assert doc["id"] == statement_id
    assert doc["quantities"]
    for item in (*doc["quantities"], *doc["hypotheses"], *doc["constraints"]):
        assert isinstance(item.get("latex"), str) and item["latex"].strip(), item


@pytest.mark.parametrize("statement_id", IDS)
def test_show_latex_human_of_every_statement(cli, statement_id):
    run = cli("show", statement_id, "--latex")
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    assert run.stdout.startswith(statement_id + " ")
    assert "quantities:" in run.stdout
    # the example line is a command a user can paste
    example = [line for line in run.stdout.splitlines() if line.startswith("example: ")]
    assert len(example) == 1 and example[0].startswith(f"example: certbounds eval {statement_id} ")


@pytest.mark.parametrize("statement_id", ["jl", "budzinskiy2025:thm3.8", "webb2025:thm5.2"])
def test_show_latex_through_the_console_script(run_certbounds, statement_id):
    doc = _json(run_certbounds("show", statement_id, "--latex", "--json"))
    for item in (*doc["quantities"], *doc["hypotheses"]):
        assert item["latex"].strip(), item
    human = run_certbounds("show", statement_id, "--latex")
    assert human.returncode == 0 and human.stderr == ""
    assert human.stdout.startswith(doc["id"] + " ")


@pytest.mark.parametrize("statement_id", IDS)
def test_eval_example_of_every_statement(cli, statement_id):
    shown = _json(cli("show", statement_id, "--json"))
    example = shown["example"].split()
    assert example, f"{statement_id} has no example"
    doc = _json(cli("eval", statement_id, *example, "--json"))
    assert doc["id"] == statement_id
    assert set(doc["quantities"]) == {q["name"] for q in shown["quantities"]}
    for name, q in doc["quantities"].items():
        lower, upper = _number(q["lower"]), _number(q["upper"])
        assert lower <= upper, (name, q)
        assert q["accurate"], (name, q)  # every example reaches 2^-50 relative width
        if lower == upper and lower == lower.to_integral_value():
            assert q.get("int") == lower, (name, q)  # a certified integer is reported as one
        if "int" in q:
            assert type(q["int"]) is int and lower == upper == q["int"], (name, q)
        elif lower.is_finite() and lower != 0:
            assert (upper - lower) / abs(lower) < Decimal(2) ** -49, (name, q)


# ------------------------------------------------------------------ bad input
BAD_INPUT = {
    "unknown id": (("eval", "thm3.8", "eps=0.1", "n1=1e5", "n2=1e5"),
                   ("did you mean budzinskiy2025:thm3.8",)),
    "unknown id in show": (("show", "nope"), ("nope",)),
    "eps outside (0,1)": (("eval", "jl", "eps=2", "n1=10", "n2=10"), ("eps",)),
    "negative integer": (("eval", "jl", "eps=0.1", "n1=-3", "n2=10"), ("n1",)),
    "non-integer": (("eval", "jl", "eps=0.1", "n1=2.5", "n2=10"), ("n1",)),
    "malformed number": (("eval", "jl", "eps=0.1x", "n1=10", "n2=10"), ("eps", "0.1x")),
    "not a number": (("eval", "jl", "eps=abc", "n1=10", "n2=10"), ("eps", "abc")),
    "division by zero": (("eval", "jl", "eps=1/0", "n1=10", "n2=10"), ("eps",)),
    "unknown parameter": (("eval", "jl", "eps=0.1", "n1=10", "n2=10", "foo=3"), ("foo",)),
    "missing parameter": (("eval", "jl", "eps=0.1", "n1=10"), ("n2",)),
    "parameter twice": (("eval", "jl", "eps=0.1", "n1=10", "n2=10", "n1=20"), ("n1",)),
    "no '='": (("eval", "jl", "eps=0.1", "n1=10", "n2"), ("n2",)),
    "overlapping intervals": (("eval", "webb2025:eq1.8", "a=0", "b=3", "c=2", "d=5", "n=2"),
                              ("webb2025:eq1.8",)),
    "j > n": (("eval", "webb2025:thm5.2", "a=-inf", "b=-1/2", "c=0", "d=100", "n=5", "j=6"),
              ("webb2025:thm5.2",)),
    "negative n": (("eval", "webb2025:eq1.8", "a=-3", "b=-1", "c=2", "d=5", "n=-1"), ("n=-1",)),
    "h is code": ((*LEM3_3, "h=import os"), ("h",)),
    "h calls builtins": ((*LEM3_3, "h=__import__('os').getcwd()"), ("h",)),
    "h unknown name": ((*LEM3_3, "h=exp(y)"), ("y",)),
    "unknown verb": (("frobnicate",), ("frobnicate",)),
    "no verb": ((), ()),
}


@pytest.mark.parametrize("args, fragments", list(BAD_INPUT.values()), ids=list(BAD_INPUT))
def test_bad_input_is_one_line_and_exit_2(run_certbounds, args, fragments):
    _assert_one_line_error(run_certbounds(*args), *fragments)


# ------------------------------------------------------------------ known package bugs
def test_huge_integer_is_bad_input_not_an_internal_error(run_certbounds):
    _assert_one_line_error(run_certbounds("eval", "jl", "eps=0.1", "n1=1e100000", "n2=10"))


def test_h_with_a_pole_in_omega_is_bad_input(run_certbounds):
    _assert_one_line_error(run_certbounds(*LEM3_3, "h=1/x"))


def test_infinite_value_is_a_decimal(cli):
    doc = _json(cli("eval", "webb2025:thm3.3", "a=-inf", "b=-1", "c=1", "d=inf", "n=3",
                    "--json"))
    for q in doc["quantities"].values():
        _number(q["lower"]), _number(q["upper"])
    # both outer endpoints infinite: M = oo and Z_n = 1 (formula sheet 8.1)
    assert doc["quantities"]["cross_ratio"]["lower"] == "inf"
    assert doc["quantities"]["zolotarev"]["int"] == 1


def test_options_may_come_before_the_assignments(cli):
    doc = _json(cli("eval", "jl", "--json", "eps=0.1", "n1=1e5", "n2=1e5"))
    assert doc["quantities"]["rank"]["int"] == 21713
