"""The benchmark scripts run as documented (``python benchmarks/bench_*.py``)
and end with their one-line summary (DESIGN.md: ``name: key=value ...``).
Times are never asserted here: the machines are noisy; only the format and
the correctness checks the scripts print."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

LAST_LINES = {
    # run with --quick here (the full run takes minutes: the reference's full SVDs)
    "bench_alternating_projections.py": r"ap: speedup=[\d.]+ error_ratio=[\d.]+ "
                                        r"step_speedup_n2000=[\d.]+ init_gain=[\d.]+",
    "bench_crossover.py": r"crossover: certified_ms=[\d.]+ scan_ms=[\d.]+ ratio_vs_scan=[\d.]+ "
                          r"check_s=[\d.]+ agree=True",
    "bench_interpolation.py": r"interp: n2000_s=[\d.]+ speedup_vs_loop=\d+",
    "bench_eval.py": r"eval: median_ms=[\d.]+ float_us=[\d.]+ ratio_vs_float=\d+ "
                     r"rank_agrees=True error_rel_diff=[\d.e+-]+",
    "bench_zolotarev.py": r"zolotarev: sweep_ms=[\d.]+ nodes_ms=[\d.]+ ratio_vs_float=[\d.]+",
}

#: Benchmarks run in their --quick form by the test suite.
QUICK = {"bench_alternating_projections.py"}


@pytest.mark.parametrize("script", sorted(LAST_LINES))
def test_benchmark_prints_its_summary_line(script):
    args = ["--quick"] if script in QUICK else []
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / script), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert re.fullmatch(LAST_LINES[script], lines[-1]), lines[-1]
    if script == "bench_alternating_projections.py":  # the answer is the reference's
        ratio = float(re.search(r"error_ratio=([\d.]+)", lines[-1]).group(1))
        assert ratio <= 1.02, lines[-1]
    if script == "bench_zolotarev.py":  # its correctness checks
        assert any("every ball >= 50 bits: True" in line and "enclosed: True" in line
                   for line in lines), done.stdout
