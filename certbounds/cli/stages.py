"""The ``stages`` verb: the three stages of a growing dataset
(budzinskiy2025 Section 1.3, Figure 1).

    certbounds stages --eps E [--analytical EXPR] [--embedding EXPR]
                      [name=value ...] [--at n,...] [--plot FILE] [--json]
                      [--max-prec BITS]

r_n = min(n, JL(n), analytical): stage 1 while n is the least bound, stage
2 from the first n with JL(n) < n, stage 3 from the first n with
analytical < JL(n), each boundary a certified crossover; ``--at`` lists
certified values of r_n (default 10^3, 10^5, 10^7, 10^9). The embedding
bound is ``budzinskiy2025:thm1.3.rank`` with n1 = n2 = n unless
``--embedding`` says otherwise; ``--analytical`` may name a catalogue
quantity (``budzinskiy2025:eq1.1.rank m=10 C=1 M=1``) or be a number.
Everything is computed by ``certbounds.analysis.stages``.
"""

from __future__ import annotations

from ..analysis.stages import DEFAULT_EMBEDDING, stages
from ..errors import DomainError, MalformedNumberError
from ..symbolic.parsing import parse_number
from .crossover import (add_proof_options, assignments, ball_text, check_proof_options,
                        finish)

__all__ = ["add_parser", "run", "parse_sizes"]

#: Default sizes n at which r_n is printed (the paper quotes 10^5, 10^7, 10^9).
DEFAULT_AT = "1e3,1e5,1e7,1e9"
#: At most this many sizes per call.
MAX_SIZES = 1000


def parse_sizes(text: str) -> list:
    """``"1e5,10^7"`` -> ``[100000, 10000000]``: integers >= 1, exact.

    Raises MalformedNumberError for malformed text, DomainError for a
    size that is not an integer >= 1 or too many sizes.

    >>> parse_sizes("10, 1e5,10^7")
    [10, 100000, 10000000]
    """
    parts = [p for p in text.split(",")]
    if len(parts) > MAX_SIZES:
        raise DomainError(f"--at lists {len(parts)} sizes; at most {MAX_SIZES}")
    sizes = []
    for part in parts:
        if not part.strip():
            raise MalformedNumberError(f"--at {text!r}: an empty entry")
        value = parse_number(part)
        if not value.is_Integer or value < 1:
            raise DomainError(f"--at: n must be an integer >= 1, got {part.strip()!r}")
        sizes.append(int(value))
    return sizes


def add_parser(sub) -> None:
    """Register ``stages`` on the command line's subparsers."""
    p = sub.add_parser("stages", help="the three stages of a growing dataset (budzinskiy2025 "
                                      "Sec. 1.3)",
                       description="Stages of r_n = min(n, JL(n), analytical) for n x n "
                                   "datasets at accuracy eps (budzinskiy2025 Section 1.3, "
                                   "Figure 1), with certified boundaries.")
    p.add_argument("assignments", nargs="*", metavar="name=value",
                   help="parameters of the bounds (m=10 C=1 M=1), parsed exactly")
    p.add_argument("--eps", required=True, help="the accuracy eps in (0, 1), exact (0.1)")
    p.add_argument("--analytical", metavar="EXPR",
                   help="the n-independent analytical bound (a number, or e.g. "
                        "budzinskiy2025:eq1.1.rank)")
    p.add_argument("--embedding", metavar="EXPR", default=DEFAULT_EMBEDDING,
                   help=f"the random-embedding bound in n (default {DEFAULT_EMBEDDING} "
                        "with n1 = n2 = n)")
    p.add_argument("--at", default=DEFAULT_AT, metavar="n,...",
                   help=f"sizes at which to print r_n (default {DEFAULT_AT})")
    p.add_argument("--plot", metavar="FILE", help="draw r_n with the stages (PNG)")
    add_proof_options(p)
    p.set_defaults(func=run)


def _boundary_line(label: str, c) -> str:
    if c.found:
        first = "proved first" if c.first_certified else f"NOT certified first ({c.reason})"
        beyond = "" if c.beyond_proof is None else f"; holds from there on: " \
                                                   f"{c.beyond_proof.status}"
        before = "" if c.left_before is None else \
            f"{ball_text(c.left_before)} >= {ball_text(c.right_before)} at n = {c.x - 1}, "
        return (f"{label} n = {c.x}  ({before}{ball_text(c.left_at_x)} < "
                f"{ball_text(c.right_at_x)} at n = {c.x}; {first}{beyond})")
    return f"{label} {c.summary()}"


def _print_human(s, sizes) -> None:
    print(f"eps = {s.eps}")
    print(f"embedding bound  JL(n) = {s.embedding}")
    print(f"analytical bound       = {s.analytical if s.analytical is not None else 'none'}")
    print(_boundary_line("JL(n) < n first at", s.stage2))
    if s.stage3 is not None:
        print(_boundary_line("analytical < JL(n) first at", s.stage3))
    if s.direct is not None:
        print(_boundary_line("analytical < n first at", s.direct))
    b = s.boundaries
    print("stages: " + "; ".join(
        ["1 (r_n = n) from n = 1"]
        + ([f"2 (r_n = JL(n)) from n = {b[2]}"] if b[2] is not None else
           ["2 absent" if s.logarithmic_stage is False else "2 not certified"])
        + ([f"3 (r_n = analytical) from n = {b[3]}"] if b[3] is not None else [])))
    rows = [(str(r.n), ball_text(r.value), "?" if r.stage is None else str(r.stage))
            for r in (s.bound(n) for n in sizes)]
    header = ("n", "r_n", "stage")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(3)]
    for row in [header, *rows]:
        print(f"  {row[0]:>{widths[0]}}  {row[1]:>{widths[1]}}  {row[2]}")


def run(args) -> int:
    """Compute and print; returns 0 (bad input raises a CertboundsError,
    which ``certbounds.cli.main`` turns into one line and exit status 2)."""
    check_proof_options(args)
    sizes = parse_sizes(args.at)
    s = stages(args.eps, analytical=args.analytical, embedding=args.embedding,
               bindings=assignments(args.assignments), max_prec=args.max_prec,
               max_boxes=args.max_boxes)
    plot = None
    if args.plot:
        from ..analysis.plots import plot_stages
        plot = str(plot_stages(s, args.plot))
    return finish(args, lambda: s.to_json(at=sizes), lambda: _print_human(s, sizes), plot)
