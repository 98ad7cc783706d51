"""The ``approximate`` and ``reproduce`` verbs (DESIGN.md, "Public
interface"): a user's matrix or tensor from .npy/.csv or generated data,
the measured error with the certified bound beside it, one JSON document
with --json, and one-line errors with exit status 2."""

from __future__ import annotations

import json

import numpy as np
import pytest


def _one_line_error(run, *words) -> None:
    run.expect_one_line_error(*words)


def test_user_matrix_npy_and_csv_agree(cli, tmp_path):
    rng = np.random.default_rng(0)
    F = rng.standard_normal((30, 4)) @ rng.standard_normal((4, 25)) + 0.01 * rng.standard_normal((30, 25))
    np.save(tmp_path / "F.npy", F)
    np.savetxt(tmp_path / "F.csv", F, delimiter=",", fmt="%.17g")
    docs = []
    for name in ("F.npy", "F.csv"):
        run = cli("approximate", str(tmp_path / name), "--rank", "4", "--json")
        assert run.returncode == 0 and run.stderr == "", run.stderr
        docs.append(json.loads(run.stdout))
    a, b = docs
    assert a["data"]["shape"] == [30, 25]
    assert a["result"]["error"] == pytest.approx(b["result"]["error"], rel=1e-9)
    # rank 4 plus noise 0.01: AP gets below the noise level's max and below the SVD
    assert a["result"]["error"] <= a["baseline"]["error"]
    assert a["result"]["error"] < 0.05
    assert a["bound"] is None and a["bound_note"] is None


def test_saved_factors_reproduce_the_error(cli, tmp_path):
    rng = np.random.default_rng(1)
    F = rng.random((20, 15))
    np.save(tmp_path / "F.npy", F)
    run = cli("approximate", str(tmp_path / "F.npy"), "--rank", "3", "--save",
              str(tmp_path / "G.npz"), "--json")
    assert run.returncode == 0, run.stderr
    doc = json.loads(run.stdout)
    with np.load(tmp_path / "G.npz") as z:
        G = z["U"] @ z["V"].T
    assert np.linalg.matrix_rank(G) <= 3
    assert np.abs(F - G).max() == pytest.approx(doc["result"]["error"], rel=1e-12)


def test_generated_data_with_certified_bound(cli):
    run = cli("approximate", "--function", "f1", "--n", "60", "--m", "5", "--rank", "59",
              "--json")
    assert run.returncode == 0, run.stderr
    doc = json.loads(run.stdout)
    assert doc["data"]["function"] == "f1" and doc["data"]["shape"] == [60, 60]
    # Theorem 5.2 at rank 59 for n = 60: r(eps) = ceil(9 log(10800) / eps^2) <= 59 needs
    # eps >= sqrt(9 * 9.287 / 59) = 1.19 > 1, so the theorem says nothing here
    assert doc["bound"] is None and "no bound at rank 59" in doc["bound_note"]


def test_generated_data_bound_beside_error(cli):
    run = cli("approximate", "--function", "gaussian", "--n", "40", "--m", "3", "--rank",
              "30", "--method", "svd")
    assert run.returncode == 0, run.stderr
    assert "certified bound: none (budzinskiy2025:thm5.2 gives no bound at rank 30" in run.stdout


def test_generated_tensor(cli):
    run = cli("approximate", "--function", "f3", "--n", "10", "--m", "3", "--rank", "3",
              "--json")
    assert run.returncode == 0, run.stderr
    doc = json.loads(run.stdout)
    assert doc["data"]["shape"] == [10, 10, 10]
    assert doc["result"]["error"] <= doc["baseline"]["error"]
    assert "c_d" in doc["bound_note"]


def test_human_output(cli):
    run = cli("approximate", "--function", "f2", "--n", "50", "--m", "4", "--rank", "5")
    assert run.returncode == 0 and run.stderr == ""
    assert run.stdout.startswith("data: f2 = exp(-||x - y||_2^4), shape (50, 50), m = 4")
    assert "max-norm error:" in run.stdout and "truncated SVD error:" in run.stdout
    assert "certified bound: none (exp(-s^2)" in run.stdout


@pytest.mark.parametrize("args,words", [
    (("--function", "f1", "--n", "20", "--m", "3", "--rank", "21"), ("rank",)),
    (("--function", "f1", "--n", "20", "--m", "0", "--rank", "2"), ("--m",)),
    (("--function", "f1", "--n", "-5", "--m", "3", "--rank", "2"), ("--n",)),
    (("--function", "f9", "--n", "20", "--m", "3", "--rank", "2"), ("f9",)),
    (("--function", "f1", "--n", "20", "--rank", "2"), ("--m",)),
    (("--function", "f1", "--n", "20", "--m", "3", "--rank", "0"), ("--rank",)),
    (("--function", "f1", "--n", "20", "--m", "3", "--rank", "two"), ("--rank",)),
    (("--rank", "2"), ("SOURCE",)),
    (("nosuchfile.npy", "--rank", "2"), ("no such file",)),
    (("--function", "f3", "--n", "10", "--m", "3", "--rank", "2", "--sampling", "symmetric"),
     ("independent",)),
])
def test_bad_input_one_line_exit_2(cli, args, words):
    _one_line_error(cli("approximate", *args), *words)


def test_bad_files(cli, tmp_path):
    (tmp_path / "bad.csv").write_text("1,2\n3,x\n")
    _one_line_error(cli("approximate", str(tmp_path / "bad.csv"), "--rank", "1"), "CSV")
    np.save(tmp_path / "vec.npy", np.arange(5.0))
    _one_line_error(cli("approximate", str(tmp_path / "vec.npy"), "--rank", "1"), "matrix")
    np.save(tmp_path / "nan.npy", np.array([[1.0, np.nan], [0.0, 1.0]]))
    _one_line_error(cli("approximate", str(tmp_path / "nan.npy"), "--rank", "1"), "NaN")
    (tmp_path / "F.txt").write_text("1")
    _one_line_error(cli("approximate", str(tmp_path / "F.txt"), "--rank", "1"), ".npy")


def test_console_script_exit_2(run_certbounds):
    run = run_certbounds("approximate", "--function", "f1", "--n", "10", "--m", "2", "--rank",
                         "11")
    _one_line_error(run, "rank")


def test_reproduce_bad_figure(cli):
    _one_line_error(cli("reproduce", "budzinskiy2025:fig9"), "fig9")
    _one_line_error(cli("reproduce", "fig2", "--repetitions", "0"), "repetitions")


def test_reproduce_refuses_records_of_another_sweep(cli, tmp_path):
    (tmp_path / "fig2-quick-f1.jsonl").write_text(
        '{"kind": "header", "format": "certbounds.sweep/1", "sweep": {"name": "other", '
        '"task": "x:y", "grid": {"n": [1]}, "repetitions": 1, "base_seed": 0}}\n')
    _one_line_error(cli("reproduce", "fig2", "--out", str(tmp_path), "--no-progress"),
                    "--restart")
