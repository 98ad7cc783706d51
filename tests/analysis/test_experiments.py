"""Parameter sweeps that survive being killed (certbounds/analysis/experiments.py)."""

from __future__ import annotations

import csv
import doctest
import fcntl
import hashlib
import io
import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import numpy as np
import pytest

import certbounds.analysis.experiments as experiments_module
from certbounds.analysis.experiments import (FORMAT, Sweep, SweepResult, derive_seed,
                                             load_records, run_sweep)
from certbounds.errors import CertboundsError, DomainError

GRID = {"sampling": ["independent", "symmetric"], "n": [20], "m": [1, 2, 4]}
CALLS = []


def noisy_norm(params, seed):
    """Deterministic in (params, seed); counts its calls."""
    CALLS.append((params["sampling"], params["m"], seed))
    x = np.random.default_rng(seed).standard_normal((params["n"], params["m"]))
    return {"norm": float(np.linalg.norm(x)), "shape": [params["n"], params["m"]],
            "sampling": params["sampling"], "first": x[0]}  # an array: stored as a list


def sweep(**changes):
    arguments = dict(name="norms", grid=GRID, task=noisy_norm, repetitions=3, base_seed=7)
    arguments.update(changes)
    return Sweep(**arguments)


def seed_by_hand(base_seed, params, repetition):
    """The documented rule, restated: SHA-256 of the sorted compact JSON as
    one spawn-key word, the repetition as the second, top 63 of 64 bits."""
    text = json.dumps(params, sort_keys=True, separators=(",", ":"))
    h = int.from_bytes(hashlib.sha256(text.encode()).digest(), "big")
    state = np.random.SeedSequence(base_seed, spawn_key=(h, repetition)).generate_state(1, np.uint64)
    return int(state[0]) // 2


def test_docstring_examples():
    result = doctest.testmod(experiments_module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0


def test_uninterrupted_run_in_order_with_seeds_and_provenance(tmp_path):
    CALLS.clear()
    path = tmp_path / "norms.jsonl"
    result = run_sweep(sweep(), path, progress=False)
    assert len(CALLS) == len(result.records) == 2 * 1 * 3 * 3
    order = [(r["params"]["sampling"], r["params"]["m"], r["repetition"]) for r in result.records]
    assert order == [(s, m, k) for s in GRID["sampling"] for m in GRID["m"] for k in range(3)]
    for record in result.records:
        params = {"sampling": record["params"]["sampling"], "n": 20, "m": record["params"]["m"]}
        assert record["params"] == params and list(record["params"]) == ["sampling", "n", "m"]
        assert record["seed"] == seed_by_hand(7, params, record["repetition"])
        assert 0 <= record["seed"] < 2**63
        x = np.random.default_rng(record["seed"]).standard_normal((20, params["m"]))
        assert record["result"]["norm"] == float(np.linalg.norm(x))
        assert record["result"]["first"] == x[0].tolist()
        assert record["task"] == "test_experiments:noisy_norm" and record["sweep"] == "norms"
        assert record["wall_time"] >= 0 and record["cpu_time"] >= 0
        assert record["timestamp"].endswith("+00:00") and record["hostname"]
        assert set(record["versions"]) == {"certbounds", "numpy", "scipy", "python"}
        assert record["versions"]["numpy"] == np.__version__
    assert len({r["seed"] for r in result.records}) == len(result.records)
    lines = path.read_text().splitlines()
    header = json.loads(lines[0])
    assert header["kind"] == "header" and header["format"] == FORMAT
    assert header["sweep"] == {"name": "norms", "task": "test_experiments:noisy_norm",
                               "grid": GRID, "repetitions": 3, "base_seed": 7}
    assert header["started"] and header["versions"]["python"]
    assert [json.loads(line) for line in lines[1:]] == list(result.records)
    assert load_records(path) == list(result.records)
    assert SweepResult.from_file(path).records == result.records


def test_seeds_depend_only_on_base_seed_params_and_repetition():
    params = {"n": 20, "m": 2}
    assert derive_seed(0, params, 0) == derive_seed(0, {"m": 2, "n": 20}, 0) == seed_by_hand(0, params, 0)
    seeds = {derive_seed(b, params, k) for b in (0, 1) for k in range(3)}
    assert len(seeds) == 6
    assert derive_seed(0, {"n": 20, "m": 2.0}, 0) != derive_seed(0, params, 0)  # 2.0 is not 2
    small = Sweep("a", {"m": [2], "n": [20]}, task=noisy_norm, repetitions=2)
    large = Sweep("b", {"n": [10, 20], "m": [2, 3]}, task=noisy_norm, repetitions=2)
    assert small.runs()[1] in large.runs()  # no dependence on name, grid order or neighbours


def test_killed_run_resumes_without_losing_or_repeating_work(tmp_path, monkeypatch):
    (tmp_path / "sleepy_task.py").write_text(textwrap.dedent("""
        import time
        import numpy as np
        from certbounds.analysis.experiments import Sweep
        CALLS = []

        def task(params, seed):
            CALLS.append(seed)
            time.sleep(0.08)
            x = np.random.default_rng(seed).uniform(size=params["m"])
            return {"max": float(x.max()), "m": params["m"], "k": params["k"]}

        SWEEP = Sweep("sleepy", {"m": [1, 2, 3], "k": ["a", "b"]}, task=task, repetitions=3)
    """))
    killed = tmp_path / "killed.jsonl"
    script = tmp_path / "run.py"
    script.write_text(f"import sleepy_task\n"
                      f"from certbounds.analysis.experiments import run_sweep\n"
                      f"run_sweep(sleepy_task.SWEEP, {str(killed)!r}, progress=False)\n")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(tmp_path)] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]))
    process = subprocess.Popen([sys.executable, str(script)], env=env, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while not killed.exists() or killed.read_bytes().count(b"\n") < 1 + 4:
            assert process.poll() is None, process.stderr.read().decode()
            assert time.monotonic() < deadline, "the subprocess wrote no records"
            time.sleep(0.01)
        process.send_signal(signal.SIGKILL)
        assert process.wait(timeout=30) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
        process.stderr.close()
    before = load_records(killed)
    assert 4 <= len(before) < 18
    with open(killed, "ab") as f:  # a torn line, as a kill in the middle of a write leaves
        f.write(b'{"kind": "record", "sweep": "sleepy", "params": {"m": 3, "k"')
    with pytest.raises(json.JSONDecodeError):
        json.loads(killed.read_text().splitlines()[-1])

    monkeypatch.syspath_prepend(str(tmp_path))
    import sleepy_task
    resumed = run_sweep(sleepy_task.SWEEP, killed, progress=False)
    assert len(sleepy_task.CALLS) == 18 - len(before)  # nothing run twice
    reference = run_sweep(sleepy_task.SWEEP, tmp_path / "whole.jsonl", progress=False)
    assert len(sleepy_task.CALLS) == 18 - len(before) + 18

    def essence(records):
        return [(r["params"], r["repetition"], r["seed"], r["result"]) for r in records]

    assert essence(resumed.records) == essence(reference.records)
    on_disk = load_records(killed)
    assert len(on_disk) == 18 and on_disk[:len(before)] == before  # the killed run's records kept
    keys = {(json.dumps(r["params"], sort_keys=True), r["repetition"]) for r in on_disk}
    assert len(keys) == 18
    assert all(line.endswith("}") for line in killed.read_text().split("\n")[:-1])
    assert killed.read_text().endswith("\n")


def test_resuming_a_complete_file_runs_nothing(tmp_path):
    path = tmp_path / "norms.jsonl"
    first = run_sweep(sweep(), path, progress=False)
    content = path.read_bytes()
    CALLS.clear()
    again = run_sweep(sweep(grid=dict(reversed(list(GRID.items())))), path, progress=False)
    assert CALLS == [] and path.read_bytes() == content
    assert again.records != first.records  # canonical order follows the new grid order
    assert sorted(again.records, key=json.dumps) == sorted(first.records, key=json.dumps)
    assert [r["params"]["m"] for r in again.records[:3]] == [1, 1, 1]


def test_torn_last_line_is_ignored_and_cut_away(tmp_path):
    path = tmp_path / "norms.jsonl"
    run_sweep(sweep(repetitions=1), path, progress=False)
    lines = path.read_text().splitlines(keepends=True)
    path.write_text("".join(lines[:-1]) + lines[-1][:25])  # the last record torn
    assert len(load_records(path)) == 5
    CALLS.clear()
    result = run_sweep(sweep(repetitions=1), path, progress=False)
    assert len(CALLS) == 1 and len(result.records) == 6
    assert path.read_text().count("\n") == 7 and len(load_records(path)) == 6
    path.write_text(lines[0][:10])  # only a torn header: a new file
    assert len(run_sweep(sweep(repetitions=1), path, progress=False).records) == 6


@pytest.mark.parametrize("change, field", [
    (dict(repetitions=4), "repetitions"), (dict(base_seed=8), "base_seed"),
    (dict(grid={**GRID, "m": [1, 2]}), "grid"), (dict(name="other"), "name"),
    (dict(task="certbounds.analysis.experiments:canonical_json"), "task")])
def test_a_file_of_another_sweep_is_refused_unless_starting_over(tmp_path, change, field):
    path = tmp_path / "norms.jsonl"
    run_sweep(sweep(repetitions=1), path, progress=False)
    content = path.read_bytes() + b'{"kind": "rec'
    path.write_bytes(content)
    with pytest.raises(DomainError, match=f"another sweep .*{field}.*resume=False"):
        run_sweep(sweep(**{"repetitions": 1, **change}), path, progress=False)
    assert path.read_bytes() == content  # untouched, torn tail included
    if field != "task":
        result = run_sweep(sweep(**{"repetitions": 1, **change}), path, progress=False,
                           resume=False)
        assert json.loads(path.read_text().splitlines()[0])["sweep"][field] == change[field]
        assert load_records(path) == list(result.records)


def test_a_foreign_file_is_refused_untouched(tmp_path):
    path = tmp_path / "data.csv"
    path.write_text("m,error\n1,0.5\n2,0.25")
    with pytest.raises(DomainError, match="not a sweep results file"):
        run_sweep(sweep(), path, progress=False)
    assert path.read_text() == "m,error\n1,0.5\n2,0.25"
    path.write_text("1,0.5")
    with pytest.raises(DomainError, match="not a sweep results file"):
        run_sweep(sweep(), path, progress=False)
    with pytest.raises(DomainError, match="cannot read"):
        load_records(tmp_path / "missing.jsonl")


def test_a_file_being_written_is_refused(tmp_path):
    path = tmp_path / "norms.jsonl"
    with open(path, "ab") as other_run:
        fcntl.flock(other_run.fileno(), fcntl.LOCK_EX)
        with pytest.raises(DomainError, match="another run is writing"):
            run_sweep(sweep(), path, progress=False)
    assert len(run_sweep(sweep(repetitions=1), path, progress=False).records) == 6


def test_progress_lines_bar_and_silence(tmp_path, capsys):
    run_sweep(sweep(repetitions=1, grid={"sampling": ["independent"], "n": [20], "m": [1, 2]}),
              tmp_path / "a.jsonl")
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and err[0].startswith("[1/2] m=1 rep 0") and err[1].startswith("[2/2] m=2")
    stream = io.StringIO()
    run_sweep(sweep(repetitions=2), tmp_path / "b.jsonl", progress=stream, bar=True)
    text = stream.getvalue()
    assert text.count("\r") == 12 + 1 and text.endswith("\n") and text.count("\n") == 1
    assert "\r[....................] 0/12 sampling=independent m=1 rep 0" in text
    assert "6/12 sampling=symmetric m=1 rep 0  eta " in text and "[#####" in text
    assert "12/12 done, 12 run in" in text
    run_sweep(sweep(repetitions=2), tmp_path / "c.jsonl", progress=False)
    run_sweep(sweep(repetitions=2), tmp_path / "b.jsonl", progress=stream)  # complete: no lines
    assert capsys.readouterr().err == "" and stream.getvalue() == text


@pytest.mark.parametrize("arguments, message", [
    (dict(grid={"m": []}), "'m' are empty"),
    (dict(grid={"m": 4}), "must be a list"),
    (dict(grid={"m": "124"}), "must be a list"),
    (dict(grid={"m": [1, 2, 1]}), "repeat"),
    (dict(grid={"m": [object()]}), "not JSON-ready"),
    (dict(grid=[("m", [1]), ("m", [2])]), "named twice"),
    (dict(grid=5), "map parameter names"),
    (dict(repetitions=0), "repetitions"),
    (dict(repetitions=2.0), "repetitions"),
    (dict(base_seed=-1), "base_seed"),
    (dict(name=""), "name"),
    (dict(task="no_such_module_xyz:task"), "cannot import"),
    (dict(task="certbounds.analysis.experiments:no_such_task"), "unknown task"),
    (dict(task="noisy_norm"), "module:function"),
    (dict(task=lambda params, seed: {}), "module-level"),
    (dict(task=42), "a task is"),
])
def test_bad_sweeps_are_refused_in_one_line(arguments, message):
    with pytest.raises(CertboundsError, match=message) as error:
        sweep(**arguments)
    assert "\n" not in str(error.value)


def returns_a_list(params, seed):
    return [seed]


def returns_a_set(params, seed):
    return {"values": {1, 2}}


@pytest.mark.parametrize("task, message", [(returns_a_list, "not a dict"),
                                           (returns_a_set, "not JSON-ready")])
def test_bad_task_results_are_refused(tmp_path, task, message):
    with pytest.raises(DomainError, match=message):
        run_sweep(sweep(task=task), tmp_path / "bad.jsonl", progress=False)
    assert len(load_records(tmp_path / "bad.jsonl")) == 0


def hand_built():
    """Two samplings x m in {1, 2}, three repetitions, errors chosen by hand."""
    header = {"kind": "header", "format": FORMAT,
              "sweep": {"name": "h", "task": "m:t", "repetitions": 3, "base_seed": 0,
                        "grid": {"sampling": ["independent", "symmetric"], "m": [1, 2]}}}
    errors = {("independent", 1): [0.5, 0.1, 0.3], ("independent", 2): [0.2, 0.9, 0.4],
              ("symmetric", 1): [7.0, 5.0, 6.0], ("symmetric", 2): [1.0, 3.0, float("nan")]}
    records = [{"params": {"sampling": s, "m": m}, "repetition": k,
                "result": {"error": e, "ranks": [1, 2], "by_rank": [e, 10 * k], "label": "x"}}
               for (s, m), values in errors.items() for k, e in enumerate(values)]
    return SweepResult(header, tuple(records))


def test_median_over_repetitions_on_a_hand_built_set():
    result = hand_built()
    medians = result.median("error")
    assert list(medians) == [("independent", 1), ("independent", 2), ("symmetric", 1),
                             ("symmetric", 2)]
    assert medians[("independent", 1)] == 0.3 and medians[("independent", 2)] == 0.4
    assert medians[("symmetric", 1)] == 6.0 and np.isnan(medians[("symmetric", 2)])
    # pooled over m: median of the six values 0.5 0.1 0.3 0.2 0.9 0.4 is (0.3 + 0.4) / 2
    assert result.median("error", by="sampling")[("independent",)] == pytest.approx(0.35)
    assert result.median("error", by=("m",), where={"sampling": "independent"}) == {
        (1,): 0.3, (2,): 0.4}
    assert result.median("by_rank")[("symmetric", 1)] == [6.0, 10.0]  # entrywise
    assert result.table(["error"])[0] == {"sampling": "independent", "m": 1, "error": 0.3}
    assert list(result.table()[2]) == ["sampling", "m", "error", "ranks", "by_rank"]
    assert result.curve("error", x="m", where={"sampling": "symmetric"})[0] == [1, 2]
    assert result.curve("error", x="m", where={"sampling": "independent"}) == ([1, 2], [0.3, 0.4])
    assert result.curve("by_rank", x="ranks", where={"sampling": "independent", "m": 2}) == (
        [1, 2], [0.4, 10.0])
    with pytest.raises(DomainError, match="mixes several values of sampling"):
        result.curve("error", x="m")
    with pytest.raises(DomainError, match="no result 'missing'"):
        result.median("missing")
    with pytest.raises(DomainError, match="not a number"):
        result.median("label")
    with pytest.raises(DomainError, match="unknown parameter 'k'"):
        result.median("error", by="k")


def test_to_csv_writes_one_column_per_curve(tmp_path):
    path = hand_built().to_csv(tmp_path / "fig.csv", x="m", columns={
        "independent": ("error", {"sampling": "independent"}),
        "symmetric": ("error", {"sampling": "symmetric"})})
    rows = list(csv.reader(open(path, newline="")))
    assert rows == [["m", "independent", "symmetric"], ["1", "0.3", "6.0"], ["2", "0.4", "nan"]]
    path = hand_built().to_csv(tmp_path / "ranks.csv", x="ranks", columns=["by_rank"],
                               where={"sampling": "symmetric", "m": 1})
    assert list(csv.reader(open(path, newline=""))) == [["ranks", "by_rank"], ["1", "6.0"],
                                                        ["2", "10.0"]]
