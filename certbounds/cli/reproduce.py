"""The ``reproduce`` verb: regenerate a figure of a paper.

    certbounds reproduce FIGURE [--out DIR] [--quick | --full] [--restart]
                         [--repetitions K] [--seed S] [--no-progress] [--json]

FIGURE is ``budzinskiy2025:fig2``, ``fig3`` or ``fig4`` (approximations by
alternating projections) or ``webb2025:fig1``, ``fig3``, ``fig4``, ``fig5``
(rational interpolants beside certified bounds); the prefix may be left out
where the name is unambiguous (fig1, fig2, fig5). The quick mode (the
default) finishes in a few minutes on two cores; ``--full`` runs
budzinskiy2025's figures at the paper's scale (webb2025's run at it in both
modes). A PNG and one CSV per panel are written into DIR (default
``figures/``), with the records of every run (JSON lines, resumed if the
command is run again) or, for webb2025, a JSON file with the certified ends
of every bound. Everything is computed by
``certbounds.analysis.figures.reproduce``.
"""

from __future__ import annotations

import json
import sys

__all__ = ["add_parser", "run"]


def add_parser(sub) -> None:
    """Register ``reproduce`` on the command line's subparsers."""
    p = sub.add_parser("reproduce", help="regenerate a figure of a paper (PNG + CSV data)",
                       description="Regenerate a figure of a paper: a PNG and the data "
                                   "behind it, one CSV per panel.")
    p.add_argument("figure", help="budzinskiy2025:fig2, fig3, fig4 or webb2025:fig1, fig3, "
                                  "fig4, fig5 (a bare fig1, fig2, fig5 is unambiguous)")
    p.add_argument("--out", default="figures", metavar="DIR",
                   help="output directory (default figures/)")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--quick", dest="quick", action="store_true", default=True,
                      help="small sizes, a few minutes (the default)")
    mode.add_argument("--full", dest="quick", action="store_false",
                      help="the paper's scale (long)")
    p.add_argument("--repetitions", type=int, default=None, metavar="K",
                   help="runs per point, median taken (default 3 quick, 5 full)")
    p.add_argument("--seed", type=int, default=0,
                   help="base seed of the sweep; for webb2025:fig4 the seed of the random "
                        "points (default 0)")
    p.add_argument("--restart", action="store_true",
                   help="discard earlier records in DIR and start over (default: resume)")
    p.add_argument("--no-progress", dest="progress", action="store_false",
                   help="no progress bar on stderr")
    p.add_argument("--json", action="store_true", help="print one JSON document")
    p.set_defaults(func=run)


def run(args) -> int:
    """Reproduce and print where the files are; bad input raises a
    CertboundsError (exit 2)."""
    from ..analysis.figures import reproduce, resolve_figure

    resolve_figure(args.figure)  # an unknown figure fails before any work
    out = reproduce(args.figure, args.out, quick=args.quick, progress=args.progress,
                    repetitions=args.repetitions, base_seed=args.seed, restart=args.restart)
    if args.json:
        json.dump(out.to_json(), sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    print(f"{out.figure} ({'quick' if out.quick else 'full'})")
    for panel, curves in out.medians.items():
        print(f"  {panel}:")
        for label, pts in curves.items():
            values = "  ".join(f"{x}: {v:.3g}" for x, v in pts.items())
            print(f"    {label:<18} {values}")
    print(f"png: {out.png}")
    for path in out.csv:
        print(f"csv: {path}")
    return 0
