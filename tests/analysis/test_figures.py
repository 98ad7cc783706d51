"""Figures 2-4 of budzinskiy2025 (analysis.figures): the files written,
their format (DESIGN.md: one CSV per panel, first column the horizontal
axis, one column per curve headed with its legend label), medians of the
records, and resuming. Runs on a tiny scale; the real quick figures are run
by hand and by ``benchmarks``."""

from __future__ import annotations

import csv
import json
import statistics

import pytest

from certbounds.analysis import figures
from certbounds.analysis.experiments import load_records
from certbounds.errors import DomainError, UnknownStatementError

TINY = figures.Scale((2, 8), (2, 4), {"n": 24, "r": 3}, {"n": 6, "r": 2}, 2)


@pytest.fixture
def tiny(monkeypatch):
    spec = figures.FIGURES["budzinskiy2025:fig2"]
    small = figures.FigureSpec(spec.id, spec.caption, spec.x, quick=TINY, full=TINY)
    monkeypatch.setitem(figures.FIGURES, spec.id, small)
    return small


def test_files_and_csv_format(tiny, tmp_path):
    out = figures.reproduce("fig2", tmp_path, progress=False)
    assert out.png.is_file() and out.png.stat().st_size > 10_000
    assert out.png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert [p.name for p in out.csv] == ["fig2-quick-f1.csv", "fig2-quick-f2.csv",
                                         "fig2-quick-f3.csv"]
    with open(out.csv[0]) as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["m", "AP, independent", "SVD, independent", "AP, symmetric",
                       "SVD, symmetric"]
    assert [r[0] for r in rows[1:]] == ["2", "8"]
    with open(out.csv[2]) as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["m", "AP (TT)", "TT-SVD"]
    meta = json.loads((tmp_path / "fig2-quick.json").read_text())
    assert meta["matrix"] == {"x": [2, 8], "n": 24, "r": 3}


def test_medians_are_medians_of_the_records(tiny, tmp_path):
    out = figures.reproduce("fig2", tmp_path, progress=False)
    records = load_records(out.records[0])
    assert len(records) == 2 * 2 * 2  # samplings x m values x repetitions
    for sampling in ("independent", "symmetric"):
        for m in (2, 8):
            ap = [r["result"]["ap"] for r in records
                  if r["params"]["sampling"] == sampling and r["params"]["m"] == m]
            assert out.medians["f1"][f"AP, {sampling}"][m] == pytest.approx(statistics.median(ap))
    # AP starts from the truncated SVD, so it never ends above it
    for panel in out.medians.values():
        for label, pts in panel.items():
            if label.startswith("AP"):
                other = "TT-SVD" if label == "AP (TT)" else label.replace("AP", "SVD")
                for x, v in pts.items():
                    assert v <= panel[other][x] * (1 + 1e-12)


def test_rerun_resumes_without_recomputing(tiny, tmp_path):
    first = figures.reproduce("fig2", tmp_path, progress=False)
    before = [p.read_text() for p in first.records]
    second = figures.reproduce("fig2", tmp_path, progress=False)
    assert [p.read_text() for p in second.records] == before
    assert second.medians == first.medians


def test_records_of_another_sweep_are_refused_unless_restarted(tiny, tmp_path):
    first = figures.reproduce("fig2", tmp_path, progress=False)
    first_records = load_records(first.records[0])
    with pytest.raises(DomainError, match="restart"):
        figures.reproduce("fig2", tmp_path, progress=False, base_seed=1)
    assert load_records(first.records[0]) == first_records   # the refusal wrote nothing
    again = figures.reproduce("fig2", tmp_path, progress=False, base_seed=1, restart=True)
    records = load_records(again.records[0])
    assert len(records) == 8                          # started over, not appended
    assert {r["seed"] for r in records}.isdisjoint(r["seed"] for r in first_records)


def test_unknown_figure_and_bad_repetitions(tmp_path):
    with pytest.raises(UnknownStatementError):
        figures.reproduce("budzinskiy2025:fig7", tmp_path)
    with pytest.raises(DomainError):
        figures.reproduce("budzinskiy2025:fig3", tmp_path, repetitions=0)


def test_quick_scales_fit_the_sizes():
    for spec in figures.FIGURES.values():
        for scale in (spec.quick, spec.full):
            ns = scale.matrix_x if spec.x == "n" else (scale.matrix_fixed["n"],)
            rs = scale.matrix_x if spec.x == "rank" else (scale.matrix_fixed["r"],)
            assert max(rs) < min(ns)
            ns = scale.tensor_x if spec.x == "n" else (scale.tensor_fixed["n"],)
            rs = scale.tensor_x if spec.x == "rank" else (scale.tensor_fixed["r"],)
            assert max(rs) <= min(ns)
