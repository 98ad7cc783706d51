"""certbounds: certified rank and error bounds of low-rank approximation theory.

Layers (DESIGN.md): ``symbolic`` (sympy: the catalogue of statements),
``certified`` (Arb balls), ``numeric`` (numpy/scipy approximations),
``analysis`` and ``cli``. The names below are the Python entry points of the
command line's verbs.
"""

__version__ = "0.1.0"

from .errors import (CertboundsError, DomainError, MalformedNumberError,  # noqa: E402
                     MissingParameterError, UndecidedError, UnknownParameterError,
                     UnknownStatementError)
from .symbolic.catalogue import all_statements, get_statement  # noqa: E402
from .symbolic.evaluate import bind  # noqa: E402
from .certified.evaluate import evaluate  # noqa: E402

__all__ = [
    "__version__", "all_statements", "get_statement", "bind", "evaluate",
    "CertboundsError", "DomainError", "MalformedNumberError", "MissingParameterError",
    "UndecidedError", "UnknownParameterError", "UnknownStatementError",
]
