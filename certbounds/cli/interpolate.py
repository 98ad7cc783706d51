"""The ``interpolate`` verb: rational interpolants of a webb2025 kernel
matrix beside the certified bound and the best possible error.

    certbounds interpolate KERNEL --rank SPEC [--nodes zolotarev|chebyshev|zolotarev-plain]
                           [--N N] [--seed S] [--s S] [--t T]
                           [--x LO,HI,COUNT] [--y LO,HI,COUNT] [--w LO,HI,COUNT] [--json]

KERNEL is a family of webb2025 Section 6 (``numeric.kernel_families``):
``cauchy`` (1/(x + y); ``--x``, ``--y`` give the points as
linspace(LO, HI, COUNT)), ``cauchy-tensor`` (``--w``, ``--x``, ``--y``),
``log-cauchy`` (``--N``, ``--seed``), ``twisted-hankel`` (``--N``),
``beta-cauchy`` (``--N``, ``--s``, ``--t``); the defaults are the paper's
figures. For each rank of SPEC (``k``, ``a:b`` or a comma list) it prints
the measured error ||A - A_n||_2 of the interpolant at the chosen nodes
(floating point), sigma_{n+1}(A) (the best), and the certified bound that
covers those nodes: Theorem 1.1 in the family's form for Zolotarev nodes,
the Little-Reade bound (Remark 5.4) for Chebyshev nodes, none for the
plain Zolotarev nodes of a family whose F is unbounded.
"""

from __future__ import annotations

import decimal
import json
import sys

from ..errors import DomainError, MalformedNumberError
from ..symbolic.parsing import parse_number
from .common import interval_text, rounded
from .zolotarev import parse_spec

__all__ = ["add_parser", "run", "parse_points"]

#: Which options each kernel takes (the others are refused, not ignored).
OPTIONS = {"cauchy": ("x", "y"), "cauchy-tensor": ("w", "x", "y"),
           "log-cauchy": ("N", "seed"), "twisted-hankel": ("N",),
           "beta-cauchy": ("N", "s", "t")}
#: Largest number of points per axis from the command line.
MAX_POINTS = 5000


def add_parser(sub) -> None:
    """Register ``interpolate`` on the command line's subparsers."""
    p = sub.add_parser("interpolate", help="rational interpolants of a webb2025 kernel matrix "
                                           "beside the certified bound",
                       description="Interpolate a kernel matrix of webb2025 Section 6 at "
                                   "Zolotarev or Chebyshev nodes: the measured 2-norm error, "
                                   "the best possible error sigma_{n+1} and the certified "
                                   "bound, per rank.")
    p.add_argument("kernel", help=", ".join(OPTIONS))
    p.add_argument("--rank", required=True, metavar="SPEC",
                   help="ranks: k, a:b (inclusive) or a comma list")
    p.add_argument("--nodes", default="zolotarev",
                   help="zolotarev (default), chebyshev or zolotarev-plain")
    for name, meaning in (("x", "x points (cauchy: rows; cauchy-tensor: second coordinate)"),
                          ("y", "y points (the set E)"),
                          ("w", "w points (cauchy-tensor: first coordinate)")):
        p.add_argument(f"--{name}", metavar="LO,HI,COUNT",
                       help=f"{meaning} as linspace(LO, HI, COUNT)")
    p.add_argument("--N", type=str, help="matrix size parameter N")
    p.add_argument("--seed", type=str, help="seed of log-cauchy's random points")
    p.add_argument("--s", type=str, help="beta-cauchy shift s > 0 (exact, e.g. 1/2)")
    p.add_argument("--t", type=str, help="beta-cauchy parameter t in (0, 1)")
    p.add_argument("--json", action="store_true", help="print one JSON document")
    p.set_defaults(func=run)


def parse_points(text: str, name: str):
    """linspace(LO, HI, COUNT) from ``LO,HI,COUNT`` (LO < HI finite, COUNT a
    positive integer, at most ``MAX_POINTS``).

    Raises MalformedNumberError or DomainError with a one-line reason."""
    import numpy as np

    parts = [part.strip() for part in text.split(",")]
    if len(parts) != 3:
        raise MalformedNumberError(f"--{name} must be LO,HI,COUNT, got {text!r}")
    lo, hi, count = (parse_number(part) for part in parts)
    if not (lo.is_finite and hi.is_finite) or not lo < hi:
        raise DomainError(f"--{name} needs finite LO < HI, got {text!r}")
    if not count.is_Integer or not 1 <= count <= MAX_POINTS:
        raise DomainError(f"--{name} COUNT must be an integer in 1..{MAX_POINTS}, got {parts[2]}")
    return np.linspace(float(lo), float(hi), int(count))


def _family(args):
    from ..numeric.kernel_families import FAMILIES, kernel_family

    if args.kernel not in FAMILIES:
        raise DomainError(f"unknown kernel {args.kernel!r}; known: {', '.join(FAMILIES)}")
    options = {}
    for name in ("x", "y", "w", "N", "seed", "s", "t"):
        value = getattr(args, name)
        if value is None:
            continue
        if name not in OPTIONS[args.kernel]:
            raise DomainError(f"{args.kernel} takes no --{name} (it takes "
                              f"{', '.join('--' + o for o in OPTIONS[args.kernel])})")
        if name in ("x", "y", "w"):
            options[name] = parse_points(value, name)
        elif name in ("N", "seed"):
            number = parse_number(value)
            if not number.is_Integer:
                raise DomainError(f"--{name} must be an integer, got {value!r}")
            options[name] = int(number)
        else:  # s, t: exact rationals from the text ("1/3", "0.25")
            options[name] = value.strip()
    return kernel_family(args.kernel, **options)


def _row(fam, rank: int, nodes_kind: str) -> dict:
    nodes, poles = fam.nodes(rank, nodes_kind)
    error = fam.interpolation_error(nodes, poles)
    if nodes_kind == "zolotarev":
        bound, which = fam.bound(rank), fam.statement
    elif nodes_kind == "chebyshev":
        bound, which = fam.little_reade_bound(rank), "webb2025:rem5.4"
    else:
        bound, which = (fam.bound(rank), fam.statement) if not fam.rank_offset else (None, None)
    row = {"rank": rank, "nodes": len(nodes), "poles": len(poles), "error": error,
           "best": fam.best_error(rank), "bound_statement": which,
           "bound": bound.to_json() if bound is not None else None}
    row["within_bound"] = None if bound is None else error <= float(bound.upper)
    return row


def run(args) -> int:
    """Print the table (or ``--json``); bad input raises a CertboundsError
    (exit 2)."""
    from ..numeric.kernel_families import NODE_KINDS

    ranks = parse_spec(args.rank, "--rank")
    if args.nodes not in NODE_KINDS:
        raise DomainError(f"unknown --nodes {args.nodes!r}; choose one of {', '.join(NODE_KINDS)}")
    fam = _family(args)
    if max(ranks) > min(fam.shape):
        raise DomainError(f"rank {max(ranks)} exceeds the matrix size {fam.shape}")
    rows = [_row(fam, rank, args.nodes) for rank in ranks]
    sigma1 = float(fam.singular_values()[0])
    if args.json:
        json.dump({"family": fam.provenance(), "nodes": args.nodes, "sigma_1": sigma1,
                   "note": "errors and sigma_{n+1} are floating point (measured); bounds are "
                           "certified Arb balls",
                   "rows": rows}, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    print(f"{fam!r}; sigma_1 = {sigma1:.6g}; nodes: {args.nodes}")
    print(f"{'rank':>4}  {'error (measured)':>17}  {'best sigma_n+1':>15}  certified bound")
    for row in rows:
        bound = row["bound"]
        if bound is None:
            text = "none"
        else:  # an exact bound (a point) is shown rounded up, still a bound
            shown = rounded(bound["upper"], decimal.ROUND_CEILING, 6) \
                if bound["lower"] == bound["upper"] else \
                interval_text(bound["lower"], bound["upper"], 6)
            text = f"{shown} ({row['bound_statement']})"
        print(f"{row['rank']:>4}  {row['error']:>17.6e}  {row['best']:>15.6e}  {text}")
    return 0
