"""Figures of crossovers and of the three stages (matplotlib, Agg backend).

matplotlib is imported only when a figure is drawn. The curves are drawn
from the midpoints of Arb enclosures (a figure needs no more); the marked
crossings and stage boundaries are the certified ones.

- ``plot_crossover(c, path)``: both sides of a ``Crossover`` over its range
  (up to a few times the crossing when the range is unbounded), log scales
  where the values span orders of magnitude, the crossing marked;
- ``plot_stages(s, path)``: r_n = min(n, JL(n), analytical) against n on
  log-log axes with the three stages shaded, as budzinskiy2025 Figure 1.
"""

from __future__ import annotations

import math
from fractions import Fraction
from pathlib import Path

import sympy
from flint import arb, ctx, fmpq

from ..certified.exact import Infinity, from_sympy
from ..certified.expression import Env, compile_expression
from ..errors import CertboundsError, DomainError

__all__ = ["plot_crossover", "plot_stages", "curve"]

#: Points per curve.
POINTS = 300
_PREC = 64
#: Axes end below this (matplotlib draws floats).
_FLOAT_LIMIT = Fraction(10) ** 300


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def curve(expr, var: str, points, values=None, *, log10: bool = False) -> list:
    """Floats of expr at exact points (midpoints of 64-bit Arb enclosures;
    NaN where the expression is undefined), or of log10(expr) with
    ``log10`` (for values beyond the range of floats). For plotting only."""
    compiled = compile_expression(expr)
    values = values or {}
    run = {s: from_sympy(sympy.sympify(values[s.name])) for s in expr.free_symbols
           if s.name in values}
    rationals = {s: sympy.sympify(values[s.name]) for s in expr.free_symbols
                 if s.name in values}
    symbol = sympy.Symbol(var, real=True)
    out = []
    for p in points:
        q = fmpq(p.numerator, p.denominator) if isinstance(p, Fraction) else fmpq(p)
        env_values = dict(run)
        env_values[symbol] = q
        with ctx.workprec(_PREC):
            try:
                v = compiled(Env(env_values, _PREC, dict(rationals)))
            except CertboundsError:
                out.append(math.nan)
                continue
        out.append(_log10(v) if log10 else _float(v))
    return out


def _log10(v) -> float:
    if isinstance(v, Infinity):
        return math.inf * v.sign
    with ctx.workprec(_PREC):
        b = arb(v) if isinstance(v, fmpq) else v
        if not (isinstance(b, arb) and b.is_finite() and b > 0):
            return math.nan
        return float((b.log() / arb(10).log()).mid())


def _float(v) -> float:
    if isinstance(v, Infinity):
        return math.inf * v.sign
    if isinstance(v, fmpq):
        return int(v.p) / int(v.q) if abs(v.p) < 2 ** 1000 else float(arb(v).mid())
    if isinstance(v, arb) and v.is_finite():
        return float(v.mid())
    return math.nan


def _grid(lo, hi, integer: bool, geometric: bool) -> list:
    """About POINTS exact points from lo to hi (integers in integer mode)."""
    lo, hi = Fraction(lo), Fraction(hi)
    if hi <= lo:
        return [lo]
    if geometric and lo > 0:
        ratio = (float(hi) / float(lo)) ** (1 / (POINTS - 1))
        raw = [float(lo) * ratio ** k for k in range(POINTS)]
        points = [Fraction(x).limit_denominator(10 ** 6) for x in raw]
    else:
        step = (hi - lo) / (POINTS - 1)
        points = [lo + k * step for k in range(POINTS)]
    points = [min(max(p, lo), hi) for p in points] + [lo, hi]
    if integer:
        points = [Fraction(round(p)) for p in points]
    return sorted(set(points))


def _spans_decades(lo, hi) -> bool:
    return lo > 0 and hi / lo >= 100


def _fraction(v) -> Fraction:
    if isinstance(v, fmpq):
        return Fraction(int(v.p), int(v.q))
    return Fraction(v)


def _crossover_window(c):
    """The horizontal range to draw: the whole range when bounded, else
    start to about four times the crossing (or its distance from start)."""
    start = _fraction(c.start)
    if c.stop is not None:
        return start, min(_fraction(c.stop), max(_FLOAT_LIMIT, start + 10))
    if c.upper is not None:
        x = _fraction(c.upper)
    elif c.undecided_at is not None:
        x = _fraction(c.undecided_at)
    else:
        x = start + 100
    if start > 0 and x > 10 * start:
        return start, min(4 * x, _FLOAT_LIMIT)
    return start, min(max(x + 3 * (x - start), start + 10), _FLOAT_LIMIT)


def plot_crossover(c, path, *, values=None, title=None) -> Path:
    """Draw LEFT and RIGHT of the crossover ``c`` over its range and mark
    the certified crossing; write a PNG to ``path`` and return it.

    Raises DomainError when the range cannot be drawn (empty)."""
    plt = _pyplot()
    lo, hi = _crossover_window(c)
    logx = _spans_decades(lo, hi)
    xs = _grid(lo, hi, not c.real, logx)
    left = curve(c.left, c.var, xs, values)
    right = curve(c.right, c.var, xs, values)
    huge = any(math.isinf(v) for v in left + right)
    if huge:  # beyond floats: draw log10 of the sides on a linear axis
        left = curve(c.left, c.var, xs, values, log10=True)
        right = curve(c.right, c.var, xs, values, log10=True)
    finite = [v for v in left + right if math.isfinite(v)]
    if not finite:
        raise DomainError("nothing to draw: both sides are undefined on the range")
    left, right = ([v if math.isfinite(v) else math.nan for v in side] for side in (left, right))
    logy = not huge and min(finite) > 0 and max(finite) / min(finite) >= 100
    fig, ax = plt.subplots(figsize=(7, 4.5))
    fx = [float(x) for x in xs]
    style = dict(drawstyle="steps-post") if not c.real and len(xs) < 60 else {}
    ax.plot(fx, left, label=f"LEFT = {_short(c.left)}", **style)
    ax.plot(fx, right, label=f"RIGHT = {_short(c.right)}", **style)
    if c.found:
        x = float(_fraction(c.upper))
        label = (f"first {c.var} with LEFT < RIGHT: {c.x}" if not c.real else
                 f"crossing in ({float(_fraction(c.lower)):.10g}, {x:.10g}]")
        ax.axvline(x, color="k", linestyle="--", linewidth=1, label=label)
    ax.set_xscale("log" if logx else "linear")
    ax.set_yscale("log" if logy else "linear")
    ax.set_xlabel(c.var)
    if huge:
        ax.set_ylabel("log10 of each side")
    ax.set_title(title or c.summary().split(":")[0], fontsize=9)
    ax.legend(fontsize=8)
    ax.grid(True, which="both", alpha=0.3)
    return _save(fig, plt, path)


def _short(expr, width: int = 60) -> str:
    text = str(expr)
    return text if len(text) <= width else text[:width - 3] + "..."


def _save(fig, plt, path) -> Path:
    path = Path(path)
    if path.parent and not path.parent.exists():
        raise DomainError(f"cannot write {path}: no directory {path.parent}")
    fig.tight_layout()
    fig.savefig(path, dpi=120, format="png")
    plt.close(fig)
    return path


def plot_stages(s, path, *, n_max=None, title=None) -> Path:
    """r_n = min(n, JL(n), analytical) against n (log-log) with the three
    stages shaded and their certified boundaries marked, as
    budzinskiy2025 Figure 1; writes a PNG to ``path`` and returns it."""
    plt = _pyplot()
    b = s.boundaries
    last = max([v for v in b.values() if v is not None] + [10])
    top = int(n_max) if n_max is not None else 10 ** (int(math.log10(last)) + 3)
    top = min(top, int(_FLOAT_LIMIT))
    ns = _grid(1, top, True, True)
    algebraic = [float(n) for n in ns]
    embedding = curve(s.embedding, "n", ns, s.values)
    curves = [algebraic, embedding]
    fig, ax = plt.subplots(figsize=(7, 4.5))
    fx = [float(n) for n in ns]
    ax.plot(fx, algebraic, color="0.6", linestyle=":", label="n (algebraic)")
    ax.plot(fx, embedding, color="tab:blue", linestyle="--",
            label=f"random embedding {_short(s.embedding, 40)}")
    if s.analytical is not None:
        analytical = curve(s.analytical, "n", ns, s.values)
        curves.append(analytical)
        ax.plot(fx, analytical, color="tab:green", linestyle="--",
                label=f"analytical {_short(s.analytical, 40)}")
    bound = [min(vals) for vals in zip(*curves)]
    ax.plot(fx, bound, color="k", linewidth=2, label="r_n = min of the bounds")
    edges = [1] + [b[k] for k in (2, 3) if b[k] is not None] + [top]
    stage_numbers = [1] + [k for k in (2, 3) if b[k] is not None]
    colours = {1: "tab:red", 2: "tab:orange", 3: "tab:green"}
    for k, left, right in zip(stage_numbers, edges, edges[1:]):
        ax.axvspan(left, right, color=colours[k], alpha=0.08)
        middle = math.sqrt(left * right)
        ax.text(middle, 0.97, f"stage {k}\nn >= {left}", transform=ax.get_xaxis_transform(),
                ha="center", va="top", fontsize=8)
        if k > 1:
            ax.axvline(left, color=colours[k], linewidth=1)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("dataset size n")
    ax.set_ylabel("upper bound on the eps-rank")
    ax.set_title(title or f"Three stages of r_n at eps = {s.eps}", fontsize=10)
    ax.legend(fontsize=8, loc="lower right")
    ax.grid(True, which="both", alpha=0.3)
    return _save(fig, plt, path)
