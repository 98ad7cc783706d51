"""The ``zolotarev`` verb (certbounds/cli/zolotarev.py) against its contract
(DESIGN.md, "Public interface"): certified Z_n, the Beckermann-Townsend
bound, the exact cross ratio, zeros and poles with --nodes; one-line errors
with exit status 2."""

from __future__ import annotations

import doctest
import json
import re
from decimal import Decimal

import pytest

import certbounds.cli.zolotarev as zolotarev_cli

# formula sheet section 11 (12 significant digits): Z_n([-3, -1], [2, 5])
MISC = {1: Decimal("5.57280900008e-2"), 2: Decimal("7.77612958447e-4"),
        3: Decimal("1.08421481338e-5")}
# Beckermann-Townsend 4 exp(-pi^2 n / log(16 M)) at M = 5/4, n = 1 (mpmath, 30 digits)
BT_1 = Decimal("0.148338192798321090685753298961")


def _json(run) -> dict:
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    return json.loads(run.stdout)


def _encloses(ball: dict, value: Decimal, relative=Decimal("5e-12")) -> bool:
    """value (rounded to 12 digits, hence the slack) lies in [lower, upper]."""
    slack = abs(value) * relative
    return Decimal(ball["lower"]) - slack <= value <= Decimal(ball["upper"]) + slack


def _one_line_error(run, *words) -> None:
    run.expect_one_line_error(*words)


def test_json_document(cli):
    doc = _json(cli("zolotarev", "--E", "-3,-1", "--F", "2,5", "--n", "0:3", "--json"))
    assert doc["E"] == ["-3", "-1"] and doc["F"] == ["2", "5"]
    assert doc["cross_ratio"]["exact"] == "5/4"
    assert doc["accuracy"] == 50 and doc["max_prec"] == 4096
    rows = doc["results"]
    assert [row["n"] for row in rows] == [0, 1, 2, 3]
    assert rows[0]["zolotarev"]["exact"] == "1" and rows[0]["beckermann_townsend"]["exact"] == "4"
    for row in rows[1:]:
        z = row["zolotarev"]
        assert isinstance(z["lower"], str) and isinstance(z["upper"], str)
        assert z["accurate"] is True
        assert _encloses(z, MISC[row["n"]])
        # certified: the Z_n ball lies below the Beckermann-Townsend ball
        assert Decimal(z["upper"]) < Decimal(row["beckermann_townsend"]["lower"])
        assert "zeros" not in row
    assert _encloses(rows[1]["beckermann_townsend"], BT_1, Decimal("1e-24"))


def test_nodes_in_json_zeros_in_E_poles_in_F(cli):
    # E to the right of F: the zeros still lie in E
    doc = _json(cli("zolotarev", "--E", "2,5", "--F", "-3,-1", "--n", "1,4", "--nodes",
                    "--json"))
    for row in doc["results"]:
        n = row["n"]
        assert len(row["zeros"]) == len(row["poles"]) == n
        assert all(2 <= Decimal(z["lower"]) and Decimal(z["upper"]) <= 5 for z in row["zeros"])
        assert all(-3 <= Decimal(p["lower"]) and Decimal(p["upper"]) <= -1 for p in row["poles"])
    # n = 1: |r| = |z - zeta|/|z - pi| equal at 2 and 5, and at -3 and -1 (equioscillation;
    # mpmath.findroot at 40 digits): zeta = 3.07571052090886148699182..., pi = -1.80298...
    zero, pole = doc["results"][0]["zeros"][0], doc["results"][0]["poles"][0]
    assert _encloses(zero, Decimal("3.0757105209088614869918258"), Decimal(0))
    assert _encloses(pole, Decimal("-1.8029832481815887597190985"), Decimal(0))


def test_human_output(cli):
    run = cli("zolotarev", "--E", "-3,-1", "--F", "2,5", "--n", "1,2")
    assert run.returncode == 0 and run.stderr == ""
    lines = run.stdout.splitlines()
    assert "cross ratio M = 5/4" in lines[0]
    assert "Beckermann-Townsend" in lines[1]
    assert len(lines) == 4 and max(len(line) for line in lines) < 110
    numbers = re.findall(r"\[([^,\]]+), ([^\]]+)\]", lines[2])
    z_lower, z_upper = (Decimal(x) for x in numbers[0])
    assert _encloses({"lower": z_lower, "upper": z_upper}, MISC[1])
    assert z_upper - z_lower < Decimal("1e-15")


def test_human_output_with_nodes_and_infinite_endpoint(cli):
    # --E -inf,-1/2: a value that starts with "-" (joined by cli.main); Fig 1, M = 201
    run = cli("zolotarev", "--E", "-inf,-1/2", "--F", "0,100", "--n", "5", "--nodes")
    assert run.returncode == 0, run.stderr
    assert "cross ratio M = 201" in run.stdout
    assert "zeros (in E)" in run.stdout and "poles (in F)" in run.stdout
    body = [line for line in run.stdout.splitlines() if re.match(r"\s+\d+\s+\[", line)]
    assert len(body) == 5


def test_both_infinite_and_precision_options(cli):
    doc = _json(cli("zolotarev", "--E", "-inf,-1", "--F", "1,inf", "--n", "3", "--json"))
    assert doc["cross_ratio"]["exact"] == "inf"
    assert doc["results"][0]["zolotarev"]["exact"] == "1"
    doc = _json(cli("zolotarev", "--E", "-3,-1", "--F", "2,5", "--n", "2", "--prec", "150",
                    "--json"))
    z = doc["results"][0]["zolotarev"]
    assert z["accurate"] and z["prec"] >= 150
    assert Decimal(z["upper"]) - Decimal(z["lower"]) < Decimal("1e-45") * Decimal(z["upper"])


def test_inaccurate_results_are_flagged(cli):
    # M = 1 + 5e-51: the nodes need ~320 bits to separate in [0, 1e-50]; the cap is 80
    run = cli("zolotarev", "--E", "0,1e-50", "--F", "1,2", "--n", "2", "--nodes",
              "--max-prec", "80")
    assert run.returncode == 0, run.stderr
    assert "*" in run.stdout and "did not reach 50 bits" in run.stdout


@pytest.mark.parametrize("args, words", [
    (["--E", "-3,-1", "--F", "-2,5", "--n", "1"], ["overlap"]),
    (["--E", "-3,-1", "--F", "-1,5", "--n", "1"], ["touch"]),
    (["--E", "1,0", "--F", "2,3", "--n", "1"], ["a < b"]),
    (["--E", "-3,-1", "--F", "2,5", "--n", "-1"], ["n must be an integer >= 0"]),
    (["--E", "-3,-1", "--F", "2,5", "--n", "1.5"], ["n must be an integer"]),
    (["--E", "-3,-1", "--F", "2,5", "--n", "1:2:3"], ["a:b"]),
    (["--E", "-3,-1", "--F", "2,5", "--n", "5:1"], ["empty"]),
    (["--E", "-3,-1", "--F", "2,5", "--n", "x"], ["malformed"]),
    (["--E", "-3,-1", "--F", "2,5", "--n", ""], ["--n"]),
    (["--E", "-3,-1", "--F", "2,5", "--n", "0:1000000"], ["at most"]),
    (["--E", "-3,-1", "--F", "2,5", "--n", "10^10"], ["too large"]),
    (["--E", "-3,x", "--F", "2,5", "--n", "1"], ["malformed"]),
    (["--E", "-3", "--F", "2,5", "--n", "1"], ["interval"]),
    (["--E", "-inf,-1", "--F", "1,inf", "--n", "1", "--nodes"], ["infinity"]),
    (["--E", "-3,-1", "--F", "2,5", "--n", "60000,50000", "--nodes"], ["--nodes"]),
    (["--E", "-3,-1", "--F", "2,5", "--n", "1", "--prec", "0"], ["--prec"]),
    (["--E", "-3,-1", "--F", "2,5", "--n", "1", "--prec", "x"], ["--prec"]),
    (["--E", "-3,-1", "--F", "2,5"], ["--n"]),
])
def test_bad_input_is_one_line_and_exit_2(cli, args, words):
    _one_line_error(cli("zolotarev", *args), *words)


def test_real_subprocess_json(run_certbounds):
    run = run_certbounds("zolotarev", "--E", "-inf,-1", "--F", "1,100", "--n", "1,5,10",
                         "--json")
    doc = _json(run)
    # formula sheet section 11, Fig 4: M = 50.5 and Z_1, Z_5, Z_10
    assert doc["cross_ratio"]["exact"] == "101/2"
    expected = [Decimal("0.753279385787"), Decimal("2.48850402563e-3"),
                Decimal("1.54816786503e-6")]
    for row, value in zip(doc["results"], expected):
        assert _encloses(row["zolotarev"], value)


def test_real_subprocess_error(run_certbounds):
    _one_line_error(run_certbounds("zolotarev", "--E", "0,3", "--F", "2,5", "--n", "1"),
                    "overlap")


def test_parse_spec():
    assert zolotarev_cli.parse_spec("7") == [7]
    assert zolotarev_cli.parse_spec(" 2:4 ") == [2, 3, 4]
    assert zolotarev_cli.parse_spec("3,1,1e2") == [3, 1, 100]


def test_docstring_examples():
    result = doctest.testmod(zolotarev_cli, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0
