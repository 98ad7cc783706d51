"""`certbounds check`: table, JSON and Markdown reports; exit 0 whatever the
verdicts, 2 on a broken claim file."""

import json
import textwrap

from certbounds.cli import main

GOOD = """
from certbounds.analysis.claims import Claim, inequality_check, value_check
CLAIMS = [
    Claim("t:jl", "budzinskiy2025 §1.3", "r at n = 10^5 is 21713",
          value_check("ceiling(900*log(3*n**2))", 21713, values={"n": "1e5"})),
    Claim("t:wrong", "folklore", "pi is 3.15", value_check("pi", "3.15")),
    Claim("t:pow", "folklore", "n^2 < 2^n for n >= 5",
          inequality_check("n**2 < 2**n", {"n": "5..60"})),
]
"""


def _file(tmp_path, text, name="claims.py"):
    p = tmp_path / name
    p.write_text(textwrap.dedent(text))
    return str(p)


def test_table_and_exit_zero_whatever_the_verdicts(tmp_path, capsys):
    assert main(["check", _file(tmp_path, GOOD)]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert any(l.startswith("t:jl") and "verified" in l for l in lines)
    assert any(l.startswith("t:wrong") and "refuted" in l for l in lines)
    assert "3 claims: 2 verified, 1 refuted, 0 undecided" in out
    assert "[1/3] t:jl: verified" in err            # a progress line per claim


def test_json_and_markdown(tmp_path, capsys):
    path = _file(tmp_path, GOOD)
    assert main(["check", path, "--json", "--quiet"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["counts"] == {"verified": 2, "refuted": 1, "undecided": 0, "error": 0}
    wrong = [c for c in doc["claims"] if c["id"] == "t:wrong"][0]
    assert wrong["status"] == "refuted" and "3.14159" in wrong["evidence"]
    assert main(["check", path, "--markdown", "--quiet"]) == 0
    md = capsys.readouterr().out
    assert "| `t:pow` | folklore | **verified** |" in md


def test_only_and_list(tmp_path, capsys):
    path = _file(tmp_path, GOOD)
    assert main(["check", path, "--only", "pow", "--json", "--quiet"]) == 0
    assert [c["id"] for c in json.loads(capsys.readouterr().out)["claims"]] == ["t:pow"]
    assert main(["check", path, "--list"]) == 0
    assert "t:wrong" in capsys.readouterr().out


def test_broken_files_exit_2_with_one_line(tmp_path, capsys):
    for text in ("x = (", "CLAIMS = 3"):
        assert main(["check", _file(tmp_path, text, "bad.py")]) == 2
        err = capsys.readouterr().err.strip()
        assert err.startswith("certbounds: error:") and "\n" not in err
    assert main(["check", str(tmp_path / "nope.py")]) == 2
    assert main(["check", _file(tmp_path, GOOD), "--only", "zzz"]) == 2


def test_a_broken_check_still_prints_the_table_then_exits_2(tmp_path, capsys):
    text = GOOD + """
def _boom():
    return 1 / 0
CLAIMS.append(Claim("t:boom", "here", "breaks", _boom))
"""
    assert main(["check", _file(tmp_path, text), "--quiet"]) == 2
    out, err = capsys.readouterr()
    assert "t:boom" in out and "ZeroDivisionError" in err
