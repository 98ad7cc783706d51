"""The ``zolotarev`` verb: certified Zolotarev numbers of two real intervals
(DESIGN.md, "Public interface").

    certbounds zolotarev --E a,b --F c,d --n SPEC [--nodes] [--json]
                         [--prec BITS] [--max-prec BITS]

For each n of SPEC (``k``, ``a:b`` inclusive, or a comma list ``1,5,10``)
it prints the certified enclosure of Z_n(E, F), the Beckermann-Townsend
bound beside it and the exact cross ratio; with ``--nodes`` also the zeros
(in E) and poles (in F) of the extremal rational function. Endpoints are
exact (``0.1`` is 1/10) and may be ``inf``/``-inf``. Everything is computed
by ``certbounds.certified.zolotarev``.
"""

from __future__ import annotations

import decimal
import json
import sys

from ..certified.ball import Ball
from ..certified.exact import Infinity
from ..certified.zolotarev import (
    beckermann_townsend_bound,
    cross_ratio,
    parse_interval,
    zolotarev_nodes_poles,
    zolotarev_numbers,
)
from ..errors import DomainError, MalformedNumberError
from ..symbolic.parsing import parse_number
from .common import HUMAN_DIGITS, add_precision_options, interval_text

__all__ = ["add_parser", "run", "parse_spec"]

#: At most this many values of n per call, and n at most MAX_ORDER (Z_n is
#: about 10^(-0.8 n / log M) there: printable, but no one needs more).
MAX_VALUES = 10_000
MAX_ORDER = 1_000_000_000
#: Significant digits of the human-readable output (--json has them all).
DIGITS = HUMAN_DIGITS
#: --nodes prints 2n balls per n: at most this many zeros in total.
MAX_NODES = 100_000


def _integer(text: str, spec: str, option: str = "--n") -> int:
    value = parse_number(text)
    if not value.is_Integer:
        raise DomainError(f"n must be an integer >= 0, got {text.strip()!r} in "
                          f"{option} {spec!r}")
    if value < 0:
        raise DomainError(f"n must be an integer >= 0, got {value} in {option} {spec!r}")
    if value > MAX_ORDER:
        raise DomainError(f"n = {value} is too large for the command line (at most "
                          f"{MAX_ORDER:.0e}); use certbounds.certified.zolotarev from Python")
    return int(value)


def parse_spec(spec: str, option: str = "--n") -> list:
    """The orders n of ``--n SPEC``: ``k``, ``a:b`` (inclusive) or a comma
    list ``k1,k2,...``, each an integer >= 0 (``1e3`` is 1000).

    Raises MalformedNumberError for malformed text and DomainError for
    negative, non-integer or too many values (more than 10**4).

    >>> parse_spec("3:5"), parse_spec("1,10,1e2")
    ([3, 4, 5], [1, 10, 100])
    """
    text = spec.strip()
    if not text:
        raise MalformedNumberError(f"{option} needs a value: k, a:b or a comma list")
    if ":" in text:
        first, _, last = text.partition(":")
        if ":" in last:
            raise MalformedNumberError(f"{option} range must be a:b, got {spec!r}")
        lo, hi = _integer(first, spec, option), _integer(last, spec, option)
        if lo > hi:
            raise DomainError(f"{option} range {spec!r} is empty (need a <= b)")
        if hi - lo + 1 > MAX_VALUES:
            raise DomainError(f"{option} range {spec!r} has {hi - lo + 1} values; at most "
                              f"{MAX_VALUES} per call")
        return list(range(lo, hi + 1))
    parts = text.split(",")
    if len(parts) > MAX_VALUES:
        raise DomainError(f"{option} lists {len(parts)} values; at most {MAX_VALUES} per call")
    return [_integer(part, spec, option) for part in parts]


def add_parser(sub) -> None:
    """Register ``zolotarev`` on the command line's subparsers."""
    p = sub.add_parser("zolotarev", help="certified Zolotarev numbers of two real intervals",
                       description="Certified Zolotarev numbers Z_n(E, F) of two disjoint real "
                                   "intervals, the Beckermann-Townsend bound and the cross "
                                   "ratio; with --nodes the zeros (in E) and poles (in F) of "
                                   "the extremal rational function (webb2025 Thm 3.3, 5.2).")
    p.add_argument("--E", required=True, metavar="a,b",
                   help="the interval E (endpoints exact, may be inf/-inf)")
    p.add_argument("--F", required=True, metavar="c,d", help="the interval F, disjoint from E")
    p.add_argument("--n", required=True, metavar="SPEC",
                   help="degrees: k, a:b (inclusive) or a comma list")
    p.add_argument("--nodes", action="store_true",
                   help="also print the zeros and poles of the extremal function")
    add_precision_options(p)
    p.add_argument("--json", action="store_true", help="print one JSON document")
    p.set_defaults(func=run)


def _cross_ratio_json(M) -> dict:
    if isinstance(M, Infinity):
        return {"exact": "inf", "lower": "inf", "upper": "inf"}
    return Ball.from_exact(M).to_json()


def _interval_text(interval) -> str:
    return f"[{interval[0]}, {interval[1]}]"


def _compute(args) -> dict:
    """Everything the verb reports, as plain data (Balls kept as Balls)."""
    E, F = parse_interval(args.E), parse_interval(args.F)
    accuracy, max_prec = args.prec, args.max_prec  # ranges checked by cli.main
    orders = parse_spec(args.n)
    M = cross_ratio(E, F)
    if args.nodes and sum(orders) > MAX_NODES:
        raise DomainError(f"--nodes would print {sum(orders)} zeros and as many poles; at "
                          f"most {MAX_NODES} per call")
    options = {"accuracy": accuracy, "max_prec": max_prec}
    numbers = zolotarev_numbers(E, F, orders, **options)
    rows = []
    for n, number in zip(orders, numbers):
        row = {"n": n, "zolotarev": number,
               "beckermann_townsend": beckermann_townsend_bound(E, F, n, **options)}
        if args.nodes:
            function = zolotarev_nodes_poles(E, F, n, **options)
            row.update(zeros=function.zeros, poles=function.poles)
        rows.append(row)
    return {"E": E, "F": F, "cross_ratio": M, "rows": rows, **options}


def _to_json(result: dict) -> dict:
    rows = []
    for row in result["rows"]:
        out = {"n": row["n"], "zolotarev": row["zolotarev"].to_json(),
               "beckermann_townsend": row["beckermann_townsend"].to_json()}
        if "zeros" in row:
            out["zeros"] = [z.to_json() for z in row["zeros"]]
            out["poles"] = [p.to_json() for p in row["poles"]]
        rows.append(out)
    return {"E": [str(v) for v in result["E"]], "F": [str(v) for v in result["F"]],
            "cross_ratio": _cross_ratio_json(result["cross_ratio"]),
            "accuracy": result["accuracy"], "max_prec": result["max_prec"], "results": rows}


def _ball_text(ball: Ball) -> str:
    mark = "" if ball.accurate else " *"
    return interval_text(ball.lower, ball.upper) + mark  # each end costs a conversion


def _approximation(M) -> str:
    """" = 14.2588...": M in decimal, unless M is an integer or infinite."""
    if isinstance(M, Infinity) or M.q == 1:
        return ""
    context = decimal.Context(prec=DIGITS, Emin=decimal.MIN_EMIN, Emax=decimal.MAX_EMAX)
    value = context.divide(int(M.p), int(M.q))
    dots = "..." if context.flags[decimal.Inexact] else ""
    return f" = {str(value).replace('E', 'e').replace('e+', 'e')}{dots}"


def _print_human(result: dict) -> None:
    M = result["cross_ratio"]
    print(f"E = {_interval_text(result['E'])}, F = {_interval_text(result['F'])}, "
          f"cross ratio M = {M}{_approximation(M)}")
    rows = [(str(row["n"]), _ball_text(row["zolotarev"]), _ball_text(row["beckermann_townsend"]))
            for row in result["rows"]]
    header = ("n", "Z_n(E, F)", "Beckermann-Townsend bound")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(3)]
    for n, z, bt in [header, *rows]:
        print(f"{n:>{widths[0]}}  {z:<{widths[1]}}  {bt}")
    for row in result["rows"]:
        if row.get("zeros"):
            _print_nodes(row)
    if not all(b.accurate for row in result["rows"] for b in _row_balls(row)):
        print(f"* did not reach {result['accuracy']} bits at --max-prec "
              f"{result['max_prec']} (the enclosure is still certified)")


def _row_balls(row: dict) -> list:
    return [row["zolotarev"], row["beckermann_townsend"], *row.get("zeros", ()),
            *row.get("poles", ())]


def _print_nodes(row: dict) -> None:
    zeros = [_ball_text(z) for z in row["zeros"]]
    poles = [_ball_text(p) for p in row["poles"]]
    width = max(len("zeros (in E)"), *(len(z) for z in zeros))
    print(f"n = {row['n']}:")
    print(f"  {'j':>{len(str(len(zeros)))}}  {'zeros (in E)':<{width}}  poles (in F)")
    for j, (z, p) in enumerate(zip(zeros, poles), start=1):
        print(f"  {j:>{len(str(len(zeros)))}}  {z:<{width}}  {p}")


def run(args) -> int:
    """Compute and print; returns 0 (bad input raises a CertboundsError,
    which ``certbounds.cli.main`` turns into one line and exit status 2)."""
    result = _compute(args)
    if args.json:
        json.dump(_to_json(result), sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    _print_human(result)
    return 0
