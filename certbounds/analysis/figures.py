"""Figures 2-4 of budzinskiy2025 regenerated: max-norm errors of
alternating projections (and of the truncated SVD) for function-generated
matrices and tensors, against the dimension m (Figure 2), the rank r
(Figure 3) and the size n (Figure 4).

Each figure has three panels, one per test function of §7.2:
f1 = exp(-||x - y||) and f2 = exp(-||x - y||^4) (n x n matrices, independent
and symmetric sampling, AP beside the truncated SVD) and f3 = sinh(<x, y, z>)
(n x n x n tensors, TT ranks (r, r), AP beside TT-SVD). Every point is the
median of the relative errors ||F - G||_max / ||F||_max over repetitions with
different seeds (§7.2: "median of 5 runs").

The paper's text does not print the sizes behind its plots; ``FULL`` uses
sizes of the order the paper's reference code was run at (matrices
n = 1000, tensors n = 100, 5 repetitions) and ``QUICK`` (the default of
``certbounds reproduce``) small ones that finish in a few minutes on two
cores. Both are listed in the data written beside each PNG.

The runs go through ``analysis.experiments``: every (parameters, seed)
record is appended to ``records.jsonl`` in the output directory as soon as
it is computed, so an interrupted ``reproduce`` resumes where it stopped.

>>> sorted(FIGURES)
['budzinskiy2025:fig2', 'budzinskiy2025:fig3', 'budzinskiy2025:fig4']
"""

from __future__ import annotations

import csv
import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DomainError, UnknownStatementError
from .experiments import Sweep, run_sweep

__all__ = ["FigureSpec", "FigureOutput", "FIGURES", "approximation_task", "reproduce",
           "figure_spec", "resolve_figure"]

#: The task every figure runs (importable by name, for resumable sweeps).
TASK = "certbounds.analysis.figures:approximation_task"

MATRIX_FUNCTIONS = ("f1", "f2")
TENSOR_FUNCTION = "f3"
SAMPLINGS = ("independent", "symmetric")


def approximation_task(params: dict, seed: int) -> dict:
    """One point of a figure: generate the data (budzinskiy2025 §7.2) with
    ``seed`` and approximate it at rank ``r`` by alternating projections
    (default start) and by the truncated SVD (TT-SVD for tensors); returns
    relative max-norm errors (floats, measured) and timings."""
    from ..numeric.alternating_projections import max_norm_approximation
    from ..numeric.function_data import generate

    data = generate(params["function"], params["n"], params["m"],
                    sampling=params.get("sampling", "independent"), seed=seed)
    r = params["r"]
    ap = max_norm_approximation(data.F, r, method="ap", seed=seed)
    svd = max_norm_approximation(data.F, r, method="svd")
    return {"ap": ap.relative_error, "svd": svd.relative_error, "norm": ap.norm,
            "ap_steps": ap.inner_iterations, "ap_outer": ap.outer_iterations,
            "ap_s": ap.timings.get("total_s"), "svd_s": svd.timings.get("total_s")}


@dataclass(frozen=True)
class Scale:
    """Sizes of one mode (quick or full) of a figure: the horizontal-axis
    values for matrices and for tensors, and the fixed parameters."""

    matrix_x: tuple
    tensor_x: tuple
    matrix_fixed: dict
    tensor_fixed: dict
    repetitions: int


@dataclass(frozen=True)
class FigureSpec:
    """One figure of budzinskiy2025 §7: its id, caption, horizontal axis
    (``m``, ``rank`` or ``n``) and its quick and full scales."""

    id: str
    caption: str
    x: str
    quick: Scale
    full: Scale

    @property
    def param(self) -> str:
        """The task parameter on the horizontal axis."""
        return "r" if self.x == "rank" else self.x

    def scale(self, quick: bool) -> Scale:
        return self.quick if quick else self.full


FIGURES = {f.id: f for f in (
    FigureSpec("budzinskiy2025:fig2", "Relative max-norm errors against the dimension m "
               "(budzinskiy2025 Figure 2)", "m",
               quick=Scale((1, 2, 4, 8, 16, 32, 64), (1, 2, 4, 8, 16, 32, 64),
                           {"n": 300, "r": 10}, {"n": 30, "r": 5}, 3),
               full=Scale((1, 2, 4, 8, 16, 32, 64, 128, 256, 512),
                          (1, 2, 4, 8, 16, 32, 64, 128, 256, 512),
                          {"n": 1000, "r": 10}, {"n": 100, "r": 10}, 5)),
    FigureSpec("budzinskiy2025:fig3", "Relative max-norm errors against the rank r "
               "(budzinskiy2025 Figure 3)", "rank",
               quick=Scale((1, 2, 4, 8, 16, 32, 64, 128, 256), (1, 2, 4, 8, 16),
                           {"n": 300, "m": 10}, {"n": 30, "m": 10}, 3),
               full=Scale((1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 768),
                          (1, 2, 4, 8, 16, 32, 64),
                          {"n": 1000, "m": 10}, {"n": 100, "m": 10}, 5)),
    FigureSpec("budzinskiy2025:fig4", "Relative max-norm errors against the size n "
               "(budzinskiy2025 Figure 4)", "n",
               quick=Scale((50, 100, 200, 400, 800), (10, 15, 20, 30, 40),
                           {"m": 10, "r": 10}, {"m": 10, "r": 5}, 3),
               full=Scale((125, 250, 500, 1000, 2000, 4000), (25, 50, 75, 100, 125),
                          {"m": 10, "r": 10}, {"m": 10, "r": 10}, 5)),
)}


def resolve_figure(figure: str) -> str:
    """The paper-qualified id of ``figure``: ``budzinskiy2025:fig2``,
    ``webb2025:fig4``, or a bare ``fig2`` / ``fig1`` / ``fig5`` that names a
    figure of one paper only (``fig3`` and ``fig4`` exist in both).

    Raises UnknownStatementError for an unknown or ambiguous name.

    >>> resolve_figure("fig2"), resolve_figure("WEBB2025:fig4")
    ('budzinskiy2025:fig2', 'webb2025:fig4')
    """
    from .webb_figures import WEBB_FIGURES

    known = sorted([*FIGURES, *WEBB_FIGURES])
    name = str(figure).strip().lower()
    matches = [k for k in known if name == k or (":" not in name and k.endswith(":" + name))]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise UnknownStatementError(f"ambiguous figure {figure!r}: say {' or '.join(matches)}")
    raise UnknownStatementError(f"unknown figure {figure!r}; known: {', '.join(known)}")


def figure_spec(figure: str) -> FigureSpec:
    """The budzinskiy2025 figure called ``figure`` (``budzinskiy2025:fig2``,
    or ``fig2``).

    Raises UnknownStatementError for an unknown figure."""
    key = resolve_figure(figure)
    if key not in FIGURES:
        raise UnknownStatementError(f"{key} is not a figure of budzinskiy2025")
    return FIGURES[key]


def _grids(spec: FigureSpec, scale: Scale) -> list:
    """(panel name, grid) pairs: one matrix grid per function (both
    samplings), one tensor grid."""
    p = spec.param
    grids = []
    for f in MATRIX_FUNCTIONS:
        grids.append((f, {"function": [f], "sampling": list(SAMPLINGS),
                          **{k: [v] for k, v in scale.matrix_fixed.items()},
                          p: list(scale.matrix_x)}))
    grids.append((TENSOR_FUNCTION, {"function": [TENSOR_FUNCTION], "sampling": ["independent"],
                                    **{k: [v] for k, v in scale.tensor_fixed.items()},
                                    p: list(scale.tensor_x)}))
    return grids


def _curves(spec: FigureSpec, panel: str, result) -> dict:
    """{legend label: {x: median relative error}} for one panel, from the
    sweep's medians over repetitions (``SweepResult.median``)."""
    p = spec.param
    curves: dict = {}
    for key, name in (("ap", "AP"), ("svd", "SVD")):
        for (sampling, x), value in result.median(key, by=("sampling", p)).items():
            if panel == TENSOR_FUNCTION:
                label = "AP (TT)" if key == "ap" else "TT-SVD"
            else:
                label = f"{name}, {sampling}"
            curves.setdefault(label, {})[x] = value
    order = ["AP (TT)", "TT-SVD"] if panel == TENSOR_FUNCTION else \
        [f"{n}, {s}" for s in SAMPLINGS for n in ("AP", "SVD")]
    return {label: dict(sorted(curves[label].items())) for label in order if label in curves}


@dataclass(frozen=True)
class FigureOutput:
    """What ``reproduce`` wrote: the PNG, one CSV per panel, the records
    file, and the medians themselves ({panel: {label: {x: value}}})."""

    figure: str
    png: Path
    csv: tuple
    records: tuple
    medians: dict = field(repr=False)
    quick: bool = True

    def to_json(self) -> dict:
        return {"figure": self.figure, "png": str(self.png), "csv": [str(c) for c in self.csv],
                "records": [str(r) for r in self.records], "quick": self.quick,
                "medians": {panel: {label: {str(x): v for x, v in pts.items()}
                                    for label, pts in curves.items()}
                            for panel, curves in self.medians.items()}}


def _write_csv(path: Path, x_name: str, curves: dict) -> None:
    xs = sorted({x for pts in curves.values() for x in pts})
    labels = list(curves)
    with open(path, "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow([x_name, *labels])
        for x in xs:
            w.writerow([x, *(repr(curves[label].get(x, float("nan"))) for label in labels)])


def _plot(spec: FigureSpec, medians: dict, path: Path, scale: Scale) -> None:
    from .plots import _pyplot

    plt = _pyplot()
    fig, axes = plt.subplots(1, len(medians), figsize=(5 * len(medians), 4), squeeze=False)
    colors = {"independent": "tab:blue", "symmetric": "tab:red"}
    for ax, (panel, curves) in zip(axes[0], medians.items()):
        for label, pts in curves.items():
            method, _, sampling = label.partition(", ")
            ap = method.startswith("AP")
            ax.plot(list(pts), list(pts.values()), "-o" if ap else "--s", label=label,
                    color=colors.get(sampling, "tab:blue"), markersize=4,
                    markerfacecolor=None if ap else "none")
        if spec.x == "rank" and panel != TENSOR_FUNCTION:
            xs = [x for x in next(iter(curves.values()))]
            ref = next(iter(curves.values()))[xs[0]]
            ax.plot(xs, [ref * math.sqrt(xs[0] / x) for x in xs], ":", color="gray",
                    label="slope r^(-1/2)")
        fixed = scale.tensor_fixed if panel == TENSOR_FUNCTION else scale.matrix_fixed
        ax.set_xscale("log")
        ax.set_yscale("log")
        # ticks at the sizes computed, plainly labelled (minor labels overlap on a log axis)
        xs = sorted({x for pts in curves.values() for x in pts})
        ax.set_xticks(xs, [str(x) for x in xs], fontsize=8)
        ax.xaxis.set_minor_formatter(plt.NullFormatter())
        ax.set_xlabel(spec.x)
        ax.set_ylabel("relative max-norm error")
        ax.set_title(f"{panel}: " + ", ".join(f"{k} = {v}" for k, v in fixed.items()),
                     fontsize=10)
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=8)
    fig.suptitle(spec.caption + (" — quick" if scale is spec.quick else ""), fontsize=11)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def reproduce(figure: str, out_dir, *, quick: bool = True, progress: bool = True,
              repetitions: int | None = None, base_seed: int = 0,
              restart: bool = False) -> FigureOutput:
    """Regenerate budzinskiy2025 Figure 2, 3 or 4 into ``out_dir``: the PNG
    ``<fig>.png``, a CSV per panel ``<fig>-<panel>.csv`` (first column the
    horizontal axis, one column per curve headed with its legend label) and
    the resumable records ``<fig>-<panel>.jsonl``, which a second call
    resumes (``restart=True`` discards them and starts over).

    webb2025 figures (1, 3, 4, 5) go to ``webb_figures.reproduce_webb``
    (``base_seed`` is then the seed of Figure 4's random points; they have
    no repetitions and no records to resume).

    Raises UnknownStatementError for an unknown or ambiguous figure,
    DomainError for repetitions < 1 (or any, for a webb2025 figure) or for
    records in ``out_dir`` of another sweep (other sizes, repetitions or
    seed) unless ``restart``.
    """
    key = resolve_figure(figure)
    if key not in FIGURES:
        from .webb_figures import reproduce_webb

        if repetitions is not None:
            raise DomainError(f"{key} is computed once (no random repetitions): drop "
                              f"--repetitions")
        return reproduce_webb(key, out_dir, quick=quick, progress=progress, seed=base_seed)
    spec = FIGURES[key]
    scale = spec.scale(quick)
    reps = scale.repetitions if repetitions is None else repetitions
    if isinstance(reps, bool) or int(reps) != reps or reps < 1:
        raise DomainError(f"repetitions must be an integer >= 1, got {repetitions!r}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    stem = spec.id.split(":")[1] + ("-quick" if quick else "")
    medians, csvs, records_paths = {}, [], []
    for panel, grid in _grids(spec, scale):
        sweep = Sweep(name=f"{spec.id}-{panel}" + ("-quick" if quick else ""), grid=grid,
                      repetitions=int(reps), base_seed=base_seed, task=TASK)
        records_path = out / f"{stem}-{panel}.jsonl"
        result = run_sweep(sweep, records_path, progress=progress, resume=not restart)
        medians[panel] = _curves(spec, panel, result)
        csv_path = out / f"{stem}-{panel}.csv"
        _write_csv(csv_path, spec.x, medians[panel])
        csvs.append(csv_path)
        records_paths.append(records_path)
    png = out / f"{stem}.png"
    _plot(spec, medians, png, scale)
    (out / f"{stem}.json").write_text(json.dumps(
        {"figure": spec.id, "caption": spec.caption, "quick": quick, "repetitions": reps,
         "matrix": {"x": list(scale.matrix_x), **scale.matrix_fixed},
         "tensor": {"x": list(scale.tensor_x), **scale.tensor_fixed}}, indent=2))
    return FigureOutput(spec.id, png, tuple(csvs), tuple(records_paths), medians, quick)
