"""Figures 1, 3, 4, 5 of webb2025 (analysis.webb_figures): every curve of
the formula sheet's section 9, the files written (DESIGN.md: a PNG, one
CSV per panel with a first column ``rank`` and one column per curve headed
by its legend label) and the relations the figures show."""

from __future__ import annotations

import csv
import json
from fractions import Fraction

import pytest

from certbounds.analysis import figures, webb_figures as wf
from certbounds.errors import DomainError, UnknownStatementError

LABELS = {
    "webb2025:fig1": ["Little-Reade", "Chebyshev interpolant", "Beckermann-Townsend",
                      "Theorem 1.1", "Zolotarev interpolant", "Theorem 1.1 (discrete)",
                      "Discrete Zolotarev interpolant", "Best"],
    "webb2025:fig4": ["Proposition 5.3", "Chebyshev interpolant", "Equation (6.15)",
                      "Zolotarev interpolant", "Suboptimal Zolotarev interpolant", "Best"],
}


@pytest.fixture(scope="module")
def panels():
    return {f: wf.figure_panels(f) for f in wf.WEBB_FIGURES}


def test_curves_and_ranks_as_the_sheet_says(panels):
    for figure, labels in LABELS.items():
        assert [c.label for c in panels[figure][0].curves] == labels
    (fig4,) = panels["webb2025:fig4"]
    assert sorted(fig4.curve("Zolotarev interpolant").points) == list(range(1, 21))
    assert sorted(fig4.curve("Suboptimal Zolotarev interpolant").points) == list(range(24))
    assert sorted(fig4.curve("Equation (6.15)").points) == list(range(1, 41))
    left, right = panels["webb2025:fig3"]
    assert sorted(left.curve("Zolotarev interpolant").points) == list(range(19))
    assert "Discrete Zolotarev interpolant" in [c.label for c in right.curves]
    (fig5,) = panels["webb2025:fig5"]
    assert sorted(fig5.curve("Zolotarev interpolant").points) == list(range(1, 24))


def test_every_figure_bound_error_best(panels):
    """Certified bound >= measured error >= best at every point shown (the
    figures' ranks), except at rounding level."""
    for figure, ps in panels.items():
        for panel in ps:
            rows = wf.bound_error_best(panel)
            assert rows and all(r["status"] in ("holds", "roundoff") for r in rows), figure
            assert any(r["bound"] is not None for r in rows)


def test_bound_curves_are_certified_and_match_the_catalogue(panels):
    """Theorem 1.1 of Figure 3 (left) is ||A||_2 Z_n: relative to sigma_1 it
    is Z_n (sheet section 11: Z_5 = 4.25333279148e-4)."""
    left = panels["webb2025:fig3"][0]
    thm = left.curve("Theorem 1.1")
    assert thm.certified and thm.points[5] == pytest.approx(4.25333279148e-4, rel=1e-10)
    lower, upper = (Fraction(thm.data[5][k]) for k in ("lower", "upper"))
    assert lower <= upper and float(upper - lower) < 1e-15


def test_published_constants_recorded(panels):
    """Where the author's code uses another constant (sheet section 10), the
    proved curve is plotted and the code's is in the data."""
    (fig1,) = panels["webb2025:fig1"]
    thm = fig1.curve("Theorem 1.1").points
    code = fig1.published["Theorem 1.1 (code constant)"]
    assert code["10"] / thm[10] == pytest.approx(4.66585027057 / 5.00147792525, rel=1e-9)
    (fig5,) = panels["webb2025:fig5"]
    eq = fig5.curve("Equation (6.22)").points
    assert fig5.published["Equation (6.22) (code constant)"]["10"] / eq[10] == \
        pytest.approx(2.09221 / 2.43496, rel=1e-5)


def test_discrete_estimates_are_not_certified(panels):
    right = panels["webb2025:fig3"][1]
    est = right.curve("Theorem 1.1 (discrete)")
    assert est.kind == "estimate" and not est.certified
    assert all("failures" in d for d in est.data.values())


def test_reproduce_writes_png_csv_json(tmp_path):
    out = figures.reproduce("webb2025:fig4", tmp_path, progress=False, base_seed=2)
    assert out.png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with open(out.csv[0]) as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["rank", *LABELS["webb2025:fig4"]]
    assert [int(r[0]) for r in rows[1:]] == list(range(41))
    data = json.loads(out.records[0].read_text())
    assert data["seed"] == 2 and data["panels"][0]["family"]["seed"] == 2
    bound = data["panels"][0]["curves"][2]
    assert bound["certified"] and set(bound["data"]["10"]) == {"lower", "upper"}


def test_figure_names():
    assert figures.resolve_figure("fig1") == "webb2025:fig1"
    assert figures.resolve_figure("fig2") == "budzinskiy2025:fig2"
    with pytest.raises(UnknownStatementError, match="ambiguous"):
        figures.resolve_figure("fig3")
    with pytest.raises(UnknownStatementError, match="unknown"):
        figures.resolve_figure("webb2025:fig2")
    with pytest.raises(DomainError, match="repetitions"):
        figures.reproduce("webb2025:fig4", "unused", repetitions=3)
