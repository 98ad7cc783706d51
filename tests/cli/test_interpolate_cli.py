"""The ``interpolate`` verb: a webb2025 kernel matrix interpolated at
Zolotarev or Chebyshev nodes, the measured error beside sigma_{n+1} and
the certified bound, and one-line errors with exit status 2."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest


def test_cauchy_rows_hold_bound_error_best(cli):
    """Figure 3 (left): at every rank, certified bound >= measured error >=
    sigma_{n+1}, and the rank-0 bound is ||A||_2 = sigma_1 itself."""
    run = cli("interpolate", "cauchy", "--rank", "0:12", "--json")
    assert run.returncode == 0, run.stderr
    doc = json.loads(run.stdout)
    rows = doc["rows"]
    assert [r["rank"] for r in rows] == list(range(13))
    for r in rows:
        assert Fraction(r["bound"]["upper"]) >= Fraction(r["error"]) >= Fraction(r["best"]) * \
            Fraction(999_999, 1_000_000)
        assert r["within_bound"] is True and r["nodes"] == r["poles"] == r["rank"]
    assert rows[0]["error"] == pytest.approx(doc["sigma_1"], rel=1e-14)


def test_unbounded_f_and_chebyshev(cli):
    """log-Cauchy: no bound at rank 0 (ZZ_0 = inf), rank n uses n - 1
    Zolotarev nodes plus Lemma 3.5's node; Chebyshev rows carry the
    Little-Reade bound; the plain Zolotarev nodes have no bound here."""
    doc = json.loads(cli("interpolate", "log-cauchy", "--rank", "0,1,8", "--json").stdout)
    assert doc["rows"][0]["bound"] is None and doc["rows"][0]["nodes"] == 0
    assert doc["rows"][2]["nodes"] == 8 and doc["rows"][2]["poles"] == 7
    assert doc["rows"][2]["within_bound"] is True
    cheb = json.loads(cli("interpolate", "log-cauchy", "--rank", "6", "--nodes", "chebyshev",
                          "--json").stdout)["rows"][0]
    assert cheb["bound_statement"] == "webb2025:rem5.4" and cheb["poles"] == 0
    assert cheb["within_bound"] is True
    plain = json.loads(cli("interpolate", "log-cauchy", "--rank", "6", "--nodes",
                           "zolotarev-plain", "--json").stdout)["rows"][0]
    assert plain["bound"] is None and plain["nodes"] == 6


def test_options_reach_the_family(cli):
    run = cli("interpolate", "cauchy", "--x", "1,10,20", "--y", "3,40,30", "--rank", "2",
              "--json")
    doc = json.loads(run.stdout)
    assert doc["family"]["shape"] == [20, 30]
    assert doc["family"]["E"] == ["3", "40"] and doc["family"]["F"] == ["-10", "-1"]
    human = cli("interpolate", "beta-cauchy", "--N", "20", "--s", "1/3", "--t", "0.25",
                "--rank", "3")
    assert human.returncode == 0 and "21x21" in human.stdout and "eq6.36" in human.stdout


@pytest.mark.parametrize("args, words", [
    (("gauss", "--rank", "1"), ("unknown kernel",)),
    (("cauchy", "--rank", "-1"), ("--rank", ">= 0")),
    (("cauchy", "--x", "-5,70,100", "--rank", "3"), ("overlap",)),
    (("cauchy", "--x", "1,70", "--rank", "3"), ("LO,HI,COUNT",)),
    (("cauchy", "--x", "70,1,10", "--rank", "3"), ("LO < HI",)),
    (("log-cauchy", "--s", "1", "--rank", "1"), ("takes no --s",)),
    (("beta-cauchy", "--t", "2", "--rank", "1"), ("t must",)),
    (("cauchy", "--rank", "3", "--nodes", "equispaced"), ("unknown --nodes",)),
    (("cauchy", "--rank", "101"), ("exceeds",)),
    (("cauchy", "--rank", "x"), ("malformed",)),
])
def test_bad_input_one_line_exit_2(cli, args, words):
    cli("interpolate", *args).expect_one_line_error(*words)


def test_reproduce_a_webb_figure(cli, tmp_path):
    run = cli("reproduce", "webb2025:fig4", "--out", str(tmp_path), "--no-progress", "--json")
    assert run.returncode == 0, run.stderr
    doc = json.loads(run.stdout)
    assert doc["figure"] == "webb2025:fig4" and doc["png"].endswith("fig4.png")
    assert set(doc["medians"]["log-cauchy"]) >= {"Equation (6.15)", "Best"}
    cli("reproduce", "fig3", "--out", str(tmp_path)).expect_one_line_error("ambiguous")
    cli("reproduce", "webb2025:fig4", "--repetitions", "2", "--out",
        str(tmp_path)).expect_one_line_error("repetitions")
