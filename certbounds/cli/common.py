"""Pieces the command line's verbs share: the precision options and the
outward rounding of certified endpoints for people to read."""

from __future__ import annotations

import decimal

from ..certified.ball import DEFAULT_ACCURACY, DEFAULT_MAX_PREC

__all__ = ["add_precision_options", "rounded", "interval_text", "HUMAN_DIGITS"]

#: Significant digits of the human-readable output (JSON keeps every digit).
HUMAN_DIGITS = 16


def add_precision_options(parser) -> None:
    """``--prec BITS`` (requested relative accuracy 2^-BITS) and
    ``--max-prec BITS`` (cap on the working precision); cli.main checks
    their ranges."""
    parser.add_argument("--prec", type=int, default=DEFAULT_ACCURACY, metavar="BITS",
                        help="requested relative accuracy 2^-BITS of each enclosure "
                             f"(default {DEFAULT_ACCURACY})")
    parser.add_argument("--max-prec", type=int, default=DEFAULT_MAX_PREC, metavar="BITS",
                        help=f"cap on the working precision (default {DEFAULT_MAX_PREC} bits)")


def rounded(text: str, rounding: str, digits: int = HUMAN_DIGITS) -> str:
    """Decimal text rounded toward -oo (``decimal.ROUND_FLOOR``) or +oo
    (``decimal.ROUND_CEILING``) to ``digits`` significant digits: a lower
    end stays a lower bound and an upper end an upper bound."""
    if text in ("inf", "-inf", "nan"):
        return text
    context = decimal.Context(prec=digits, rounding=rounding, Emin=decimal.MIN_EMIN,
                              Emax=decimal.MAX_EMAX)
    return str(context.plus(decimal.Decimal(text))).replace("E", "e").replace("e+", "e")


def interval_text(lower: str, upper: str, digits: int = HUMAN_DIGITS) -> str:
    """"[lower, upper]" rounded outward, or the single value of a point."""
    if lower == upper:
        return lower
    return (f"[{rounded(lower, decimal.ROUND_FLOOR, digits)}, "
            f"{rounded(upper, decimal.ROUND_CEILING, digits)}]")
