"""The catalogue: every statement of every paper, looked up by id or alias.

Each module in this package is one paper. It defines ``PAPER`` (a
``Paper``) and ``STATEMENTS`` (a tuple of ``Statement``), and nothing else
of consequence: adding a paper is adding one file here.
"""

from __future__ import annotations

import difflib
import importlib
import pkgutil
from functools import lru_cache

from ...errors import UnknownStatementError
from ..statement import Statement

__all__ = ["all_statements", "get_statement", "resolve_id", "papers"]


@lru_cache(maxsize=1)
def _load() -> tuple:
    modules = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if not info.name.startswith("_"):
            modules.append(importlib.import_module(f"{__name__}.{info.name}"))
    statements, index = [], {}
    for module in modules:
        for st in module.STATEMENTS:
            for key in (st.id, *st.aliases):
                key = key.lower()
                if key in index:
                    raise RuntimeError(f"catalogue key {key!r} used twice "
                                       f"({index[key].id} and {st.id})")
                index[key] = st
            statements.append(st)
    return tuple(modules), tuple(statements), index


def papers() -> tuple:
    """The papers in the catalogue (their ``Paper`` records)."""
    return tuple(m.PAPER for m in _load()[0])


def all_statements() -> tuple:
    """Every statement, grouped by paper in the papers' order."""
    return _load()[1]


def resolve_id(key: str) -> str:
    """The canonical id of a statement id or alias (case-insensitive).

    Raises UnknownStatementError, with the closest ids as suggestions.
    """
    return get_statement(key).id


def get_statement(key: str) -> Statement:
    """The statement with this id or alias (case-insensitive), e.g.
    ``get_statement("jl")`` is budzinskiy2025 Theorem 1.3.

    Raises UnknownStatementError with a "did you mean" list.

    >>> get_statement("jl").id
    'budzinskiy2025:thm1.3'
    >>> get_statement("webb2025:LEM3.5").source.confidence
    'R-high'
    """
    index = _load()[2]
    k = key.strip().lower()
    if k in index:
        return index[k]
    guesses = difflib.get_close_matches(k, list(index), n=3, cutoff=0.6)
    if not guesses and ":" not in k:  # a bare number such as "thm3.8"
        guesses = [key_ for key_ in index if key_.endswith(":" + k)][:3]
    hint = f"; did you mean {', '.join(guesses)}?" if guesses else "; see 'certbounds list'"
    raise UnknownStatementError(f"unknown statement id {key!r}{hint}")
