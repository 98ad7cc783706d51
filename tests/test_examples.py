"""Every script in examples/ runs and prints what it promises."""

import re
import subprocess
import sys
from pathlib import Path

import mpmath
import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _run(name, *args):
    done = subprocess.run([sys.executable, str(EXAMPLES / name), *args], capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_every_example_is_tested():
    tested = {"theorem38_rank.py", "appendix_b2_threshold.py", "stages.py", "my_claim.py",
              "constructive_bounds.py", "interpolation_bounds.py"}
    assert {p.name for p in EXAMPLES.glob("*.py")} == tested


def test_theorem38_rank():
    out = _run("theorem38_rank.py")
    rows = re.findall(r"^\s+(\d+)\s+(\d+)\s+\[", out, re.M)
    # t = ceil(e^2 * 1/4) = 2 is the smallest admissible t; rank = 1 + (t - 1) r with
    # r = ceil(9 log(3e12)/0.05^2) = 103427 (mpmath: 9*log(3e12)/0.0025 = 103426.06...)
    assert rows[0] == ("2", str(1 + 1 * 103427))
    assert rows[1] == ("3", str(1 + 2 * 103427))
    assert rows[2] == ("5", str(1 + 4 * 103427))


def test_appendix_b2_threshold():
    out = _run("appendix_b2_threshold.py")
    lo, hi = map(mpmath.mpf, re.search(r"M\* in \(([\d.]+), ([\d.]+)\]", out).groups())
    # the root of e^{M^2} = 1 + e^2 M, independently by mpmath.findroot at 40 digits
    mpmath.mp.dps = 40
    root = mpmath.findroot(lambda m: mpmath.exp(m ** 2) - 1 - mpmath.e ** 2 * m, 1.6)
    assert lo < root <= hi and hi - lo < 1e-9
    assert "for all M >= 1.597: verified" in out
    assert "for all M >= 1.596: refuted" in out


def test_stages(tmp_path):
    png = tmp_path / "stages.png"
    out = _run("stages.py", str(png))
    # r(n) = ceil(900 log(3 n^2)): r(18694) = 18694, r(18695) = 18694 (mpmath at 50 digits)
    assert "stage 2 (JL bound < n) from n = 18695" in out
    assert re.search(r"n =\s+100000:\s+21713", out)        # budzinskiy2025 §1.3
    assert png.stat().st_size > 10_000


def test_my_claim():
    out = _run("my_claim.py")
    # r(0.2, 1e6, 1e6) = ceil(225 log(3e12)) = ceil(6464.6...) = 6465, not 6403
    assert re.search(r"mine:jl-rank\s+refuted\s+certified value is 6465", out)
    # n! >= 2^(n-1): equality at n = 1, 2; n! / 2^(n-1) grows by (n+1)/2 >= 1 per step
    assert re.search(r"mine:factorial\s+verified", out)
    # e^x - 1 - x - x^2/2 = x^3/6 + ... is positive for x > 0 ...
    assert re.search(r"mine:taylor\s+verified", out)
    # ... and not for x <= 0 (x = 0: equality; x = -1/2: 0.6065 < 0.625)
    assert re.search(r"mine:taylor-wider\s+refuted", out)


def test_constructive_bounds():
    out = _run("constructive_bounds.py")
    rows = re.findall(r"^(thm\S+)\s.*?\s(\d+)\s+([\d.e-]+)\s+([\d.e-]+)\s+([\d.]+)\s+(\d+)%$",
                      out, re.M)
    assert [r[0] for r in rows] == ["thm1.3", "thm3.8", "thm5.2"]
    ranks = {r[0]: int(r[1]) for r in rows}
    # (1.2): ceil(9 log(3 * 300^2) / (1/2)^2) = ceil(36 * 12.506...) = 451 (mpmath), and
    # Theorem 3.8 at t = ceil(e^2/4) = 2: 1 + (t - 1) r = 452; eps = 9/10: ceil(111.1 * 12.506) = 139
    assert ranks == {"thm1.3": 451, "thm3.8": 452, "thm5.2": 139}
    for name, _, error, bound, gap, met in rows:
        assert 0 < float(error) < float(bound), name   # measured below the certified bound
        assert int(met) >= 80, name                    # success with positive probability


def test_interpolation_bounds():
    """Per rank: best <= Zolotarev error <= Theorem 1.1 and Chebyshev error
    <= Little-Reade; Theorem 1.1 / ||A||_2 is Z_n([-30, -1/2], [1, 50]),
    here from mpmath's theta functions (Z_n = (theta_2 / theta_3)^2 at the
    nome exp(-2 pi n K(1/M) / K(1 - 1/M)), formula sheet section 8.2)."""
    import numpy as np

    out = _run("interpolation_bounds.py")
    rows = {int(r[0]): list(map(float, r[1:])) for r in
            re.findall(r"^\s*(\d+)" + r"\s+([\d.e+-]+)" * 5 + r"\s*$", out, re.M)}
    assert sorted(rows) == [1, 2, 4, 8, 12, 16]
    for zol, thm, cheb, lr, best in rows.values():
        assert best <= zol <= thm and cheb <= lr
    x, y = np.linspace(0.5, 30.0, 80), np.linspace(1.0, 50.0, 120)
    norm = np.linalg.norm(1 / (x[:, None] + y[None, :]), 2)
    mpmath.mp.dps = 30
    M = mpmath.mpf(31) * mpmath.mpf(50.5) / (mpmath.mpf(1.5) * 80)   # (c-a)(d-b)/((c-b)(d-a))
    ratio = mpmath.ellipk(1 / M) / mpmath.ellipk(1 - 1 / M)
    q = mpmath.exp(-2 * mpmath.pi * 4 * ratio)
    z4 = (mpmath.jtheta(2, 0, q) / mpmath.jtheta(3, 0, q)) ** 2
    assert rows[4][1] == pytest.approx(float(z4) * norm, rel=2e-3)   # 4 printed digits
