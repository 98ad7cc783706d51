"""The ``crossover`` verb: the first point at which one bound beats another
(DESIGN.md, "Public interface").

    certbounds crossover LEFT RIGHT --var x [--from A] [--to B] [--real]
                         [name=value ...] [--plot FILE] [--json]
                         [--max-prec BITS] [--max-boxes N] [--tol T]

LEFT and RIGHT are expressions that may name catalogue quantities
(``budzinskiy2025:thm1.3.rank``, ``jl.rank``); ``name=value`` binds the
statements' parameters and other names, to numbers (exact: ``eps=0.1`` is
1/10) or to expressions in the variable (``n1=n``). The answer is the first
integer x in [A, B] (B unbounded by default) with LEFT < RIGHT, with both
sides certified at x and x - 1 and proofs that no earlier point crosses and
that LEFT < RIGHT holds from x on; ``--real`` encloses a real crossing
instead. Everything is computed by ``certbounds.analysis.crossover``.
"""

from __future__ import annotations

import json
import sys

from ..analysis.crossover import FOUND, NONE, crossover
from ..errors import MalformedNumberError, ParameterError
from .common import interval_text

__all__ = ["add_parser", "run", "assignments", "add_proof_options", "check_proof_options",
           "ball_text", "finish"]

#: The prover's default budget of boxes per proof.
MAX_BOXES = 20_000
#: Default precision cap (bits) of every decision.
MAX_PREC = 1024


def assignments(pairs) -> dict:
    """``["n1=n", "eps=0.1"]`` -> ``{"n1": "n", "eps": "0.1"}``.

    Raises MalformedNumberError for a word that is not name=value and
    ParameterError for a name given twice."""
    out = {}
    for pair in pairs:
        name, sep, text = pair.partition("=")
        name = name.strip()
        if not sep or not name.isidentifier() or not text.strip():
            raise MalformedNumberError(f"expected name=value, got {pair!r}")
        if name in out:
            raise ParameterError(f"{name} given twice")
        out[name] = text.strip()
    return out


def add_parser(sub) -> None:
    """Register ``crossover`` on the command line's subparsers."""
    p = sub.add_parser("crossover", help="the first point where one bound beats another",
                       description="The first x in [A, B] with LEFT < RIGHT, certified: both "
                                   "sides enclosed at x and x - 1, a proof that no earlier x "
                                   "crosses, and whether LEFT < RIGHT holds from x on.")
    p.add_argument("left", metavar="LEFT",
                   help="an expression; may name catalogue quantities (jl.rank)")
    p.add_argument("right", metavar="RIGHT", help="an expression, as LEFT")
    p.add_argument("assignments", nargs="*", metavar="name=value",
                   help="parameter values or expressions (n1=n, eps=0.1), parsed exactly")
    p.add_argument("--var", required=True, help="the variable (e.g. n)")
    p.add_argument("--from", dest="start", default="1", metavar="A",
                   help="start of the range (default 1)")
    p.add_argument("--to", dest="stop", default=None, metavar="B",
                   help="end of the range (default: unbounded)")
    p.add_argument("--real", action="store_true",
                   help="a real variable: enclose the crossing point")
    p.add_argument("--tol", default=None, metavar="T",
                   help="--real: relative width of the enclosure (default 2^-40)")
    p.add_argument("--plot", metavar="FILE", help="draw both sides and the crossing (PNG)")
    add_proof_options(p)
    p.set_defaults(func=run)


def add_proof_options(p) -> None:
    """``--max-prec``, ``--max-boxes`` and ``--json``, shared with ``stages``."""
    p.add_argument("--max-prec", type=int, default=MAX_PREC, metavar="BITS",
                   help=f"cap on the working precision (default {MAX_PREC} bits)")
    p.add_argument("--max-boxes", type=int, default=MAX_BOXES, metavar="N",
                   help=f"the prover's budget of boxes per proof (default {MAX_BOXES})")
    p.add_argument("--json", action="store_true", help="print one JSON document")


def check_proof_options(args) -> None:
    if args.max_boxes < 1:
        raise ParameterError("--max-boxes must be at least 1")


def ball_text(b) -> str:
    """A certified Ball for people: its value, or [lower, upper] rounded outward."""
    return interval_text(b.lower, b.upper)


def finish(args, to_json, print_human, plot) -> int:
    """Print the JSON document (with the plot's path) or the human text."""
    if args.json:
        doc = to_json()
        doc["plot"] = plot
        json.dump(doc, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    print_human()
    if plot:
        print(f"plot: {plot}")
    return 0


def _proof_line(label: str, proof) -> str:
    return f"  {label:<7} {proof.summary()}"


def _print_human(args, c) -> None:
    print(f"LEFT  = {args.left}" + ("" if str(c.left) == args.left else f" = {c.left}"))
    print(f"RIGHT = {args.right}" + ("" if str(c.right) == args.right else f" = {c.right}"))
    summary_head = c.summary().split(":")[0]
    if c.status == FOUND:
        if c.real:
            where = (f"{c.var} = {c.to_json()['crossing']['upper']}" if c.lower == c.upper else
                     f"{c.var} in ({c.to_json()['crossing']['lower']}, "
                     f"{c.to_json()['crossing']['upper']}]")
        else:
            where = f"{c.var} = {c.x}"
        print(f"{summary_head}: {where}")
        at = c.x if not c.real else c.to_json()["crossing"]["upper"]
        print(f"  at {c.var} = {at}:  LEFT = {ball_text(c.left_at_x)}  <  RIGHT = "
              f"{ball_text(c.right_at_x)}")
        if c.left_before is not None:
            before = c.x - 1 if not c.real else c.to_json()["crossing"]["lower"]
            print(f"  at {c.var} = {before}:  LEFT = {ball_text(c.left_before)}  >=  RIGHT = "
                  f"{ball_text(c.right_before)}")
        if not c.first_certified:
            print(f"  first:  NOT certified: {c.reason}")
        elif c.first_proof is not None:
            print(_proof_line("first:", c.first_proof))
        elif c.left_before is not None:
            print("  first:  certified (the only earlier point is the one above)")
        else:
            print("  first:  certified (no earlier point)")
        if c.beyond_proof is not None:
            print(_proof_line("beyond:", c.beyond_proof))
    elif c.status == NONE:
        print(f"{summary_head}: none")
        if c.first_proof is not None:
            print(f"  LEFT >= RIGHT on the whole range: {c.first_proof.summary()}")
        if c.reason and not c.no_crossing_proved:
            print(f"  ({c.reason})")
    else:
        print(f"{summary_head}: undecided")
        print(f"  {c.reason}")


def run(args) -> int:
    """Compute and print; returns 0 (bad input raises a CertboundsError,
    which ``certbounds.cli.main`` turns into one line and exit status 2)."""
    check_proof_options(args)
    if args.tol is not None and not args.real:
        raise ParameterError("--tol applies only with --real")
    c = crossover(args.left, args.right, args.var, start=args.start, stop=args.stop,
                  real=args.real, bindings=assignments(args.assignments),
                  max_prec=args.max_prec, max_boxes=args.max_boxes, tol=args.tol)
    plot = None
    if args.plot:
        from ..analysis.plots import plot_crossover
        plot = str(plot_crossover(c, args.plot))
    return finish(args, c.to_json, lambda: _print_human(args, c), plot)
