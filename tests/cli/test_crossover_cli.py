"""The ``crossover`` and ``stages`` verbs (certbounds/cli/crossover.py,
certbounds/cli/stages.py) against their contract (DESIGN.md, "Public
interface"): certified answers, one JSON document with --json, one-line
errors with exit status 2."""

from __future__ import annotations

import doctest
import json

import pytest

import certbounds.cli.stages as stages_cli

# budzinskiy2025 Section 1.3 at eps = 0.1: the JL rank ceil(900 log(3 n^2))
# first drops below n at n = 18695 (r(18694) = 18694, r(18695) = 18694;
# checked independently with mpmath in tests/analysis/test_stages.py; the
# paper prints 18964), and r = 21713, 30002, 38291 at n = 10^5, 10^7, 10^9.
EXAMPLE = ("crossover", "budzinskiy2025:thm1.3.rank", "n", "--var", "n", "n1=n", "n2=n",
           "eps=0.1")


def _one_line_error(run, *words) -> None:
    run.expect_one_line_error(*words)


def test_docstring_examples():
    result = doctest.testmod(stages_cli)
    assert result.failed == 0 and result.attempted > 0


def test_example_human(run_certbounds):
    run = run_certbounds(*EXAMPLE)
    assert run.returncode == 0 and run.stderr == ""
    lines = run.stdout.splitlines()
    assert "first n in [1, inf) with LEFT < RIGHT: n = 18695" in lines
    assert "  at n = 18695:  LEFT = 18694  <  RIGHT = 18695" in lines
    assert "  at n = 18694:  LEFT = 18694  >=  RIGHT = 18694" in lines
    assert any(line.startswith("  first:  verified for all n in {1, ..., 18694}") for line in lines)
    assert any(line.startswith("  beyond: verified for all n in {18695, ..., inf}")
               for line in lines)


def test_example_json(run_certbounds):
    run = run_certbounds(*EXAMPLE, "--json")
    assert run.returncode == 0 and run.stderr == ""
    doc = json.loads(run.stdout)
    assert doc["x"] == 18695 and doc["found"] is True and doc["first_certified"] is True
    assert doc["left_at_x"]["lower"] == doc["left_at_x"]["upper"] == "18694"
    assert doc["right_at_x"]["int"] == 18695
    assert doc["left_before"]["int"] == doc["right_before"]["int"] == 18694
    assert doc["first_proof"]["status"] == "verified"
    assert doc["beyond_proof"]["status"] == "verified"
    assert doc["left"] == "ceiling(900*log(3*n**2))"


def test_options_between_assignments(cli):
    run = cli("crossover", "jl.rank", "n", "n1=n", "--var", "n", "n2=n", "--to", "1e5",
              "eps=0.1", "--json")
    doc = json.loads(run.stdout)
    assert run.returncode == 0 and doc["x"] == 18695 and doc["stop"] == "100000"


def test_real_crossing(cli):
    run = cli("crossover", "2", "x^2", "--var", "x", "--from", "0", "--real", "--json")
    doc = json.loads(run.stdout)
    assert doc["mode"] == "real" and doc["x"] is None
    assert doc["crossing"]["lower"] < "1.4142135623730950" < doc["crossing"]["upper"]


def test_no_crossing(cli):
    run = cli("crossover", "jl.rank", "n", "--var", "n", "--to", "18694", "n1=n", "n2=n",
              "eps=0.1")
    assert run.returncode == 0
    assert "with LEFT < RIGHT: none" in run.stdout and "verified" in run.stdout


def test_plot_writes_a_png(cli, tmp_path):
    path = tmp_path / "crossover.png"
    run = cli(*EXAMPLE, "--plot", str(path))
    assert run.returncode == 0 and f"plot: {path}" in run.stdout
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000


@pytest.mark.parametrize("args, words", [
    (("jll.rank", "n", "--var", "n"), ["unknown statement id 'jll'"]),
    (("jl.rank +* 2", "n", "--var", "n"), ["malformed expression"]),
    (("jl.rank", "n", "--var", "n", "eps=0.1"), ["missing parameter", "n1", "n2"]),
    (("n", "5", "--var", "n", "--from", "10", "--to", "5"), ["empty range"]),
    (("n", "5", "--var", "n", "--from", "1.5"), ["not an integer"]),
    (("n", "5", "--var", "x"), ["x occurs in neither side"]),
    (("n", "5", "--var", "n", "--frobnicate"), ["unrecognized arguments"]),
    (("n", "5"), ["--var"]),
    (("n", "5", "--var", "n", "m=3"), ["m occur"]),
    (("n", "5", "--var", "n", "m"), ["unrecognized arguments"]),
    (("jl.foo", "n", "--var", "n"), ["no quantity 'foo'", "rank"]),
    (("jl.rank", "n", "--var", "n", "n1=n", "n2=n", "eps=2"), ["eps=2", "outside"]),
])
def test_bad_input_is_one_line_and_exit_2(cli, args, words):
    _one_line_error(cli("crossover", *args), *words)


def test_stages_human_and_json(cli):
    run = cli("stages", "--eps", "0.1", "--at", "1e5,1e7,1e9")
    assert run.returncode == 0 and run.stderr == ""
    assert "JL(n) < n first at n = 18695" in run.stdout
    rows = [line.split() for line in run.stdout.splitlines()[-3:]]
    assert rows == [["100000", "21713", "2"], ["10000000", "30002", "2"],
                    ["1000000000", "38291", "2"]]
    doc = json.loads(cli("stages", "--eps", "0.1", "--analytical", "m", "m=25000",
                         "--at", "1e5", "--json").stdout)
    assert doc["boundaries"] == {"1": 1, "2": 18695, "3": 621309}
    assert doc["bounds"][0]["bound"]["int"] == 21713


def test_stages_plot(cli, tmp_path):
    path = tmp_path / "stages.png"
    run = cli("stages", "--eps", "0.1", "--plot", str(path))
    assert run.returncode == 0 and path.read_bytes()[:4] == b"\x89PNG"


@pytest.mark.parametrize("args, words", [
    (("--eps", "2"), ["eps"]),
    (("--eps", "0.1", "--analytical", "m"), ["needs m"]),
    (("--eps", "0.1", "--at", "0"), ["--at"]),
    (("--eps", "0.1", "m=3"), ["m occur"]),
    (("--eps", "0.1", "--analytical", "nope.rank"), ["unknown statement id"]),
])
def test_stages_bad_input(cli, args, words):
    _one_line_error(cli("stages", *args), *words)
