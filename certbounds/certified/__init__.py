"""The certified layer: Arb ball enclosures (python-flint) of every
catalogue quantity, certified decisions, Zolotarev numbers and the
elliptic node/pole formulas.

Nothing here imports numpy; numbers enter as exact rationals (``fmpq``)
and leave as ``Ball`` enclosures with exact decimal endpoints.

=================================  =========================================
``Ball``, ``enclose``              a certified enclosure; the precision loop
``evaluate``                       certified values of a catalogue statement
``compare``, ``ceil``, ``floor``   certified decisions (true/false/undecided)
``cross_ratio``                    exact cross ratio of two real intervals
``zolotarev_number(s)``            Z_n(E, F), one n or many
``beckermann_townsend_bound``      4 exp(-n pi^2 / log(16 M))
``zolotarev_nodes_poles``          zeros (in E) and poles (in F) of the
                                   Zolotarev function
=================================  =========================================
"""

from .ball import DEFAULT_ACCURACY, DEFAULT_MAX_PREC, Ball, enclose  # noqa: F401
from .decide import ceil, compare, floor  # noqa: F401
from .evaluate import evaluate  # noqa: F401
from .exact import INF, NEG_INF  # noqa: F401
from .zolotarev import (beckermann_townsend_bound, cross_ratio, zolotarev_nodes_poles,  # noqa: F401
                        zolotarev_number, zolotarev_numbers)

__all__ = ["Ball", "enclose", "evaluate", "compare", "ceil", "floor", "cross_ratio",
           "zolotarev_number", "zolotarev_numbers", "beckermann_townsend_bound",
           "zolotarev_nodes_poles", "INF", "NEG_INF", "DEFAULT_ACCURACY", "DEFAULT_MAX_PREC"]
