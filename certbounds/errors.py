"""The one exception hierarchy of certbounds.

Every error a user can cause (an unknown id, a missing or out-of-domain
parameter, a malformed number) is a ``CertboundsError``; the command line
turns it into one line on stderr and exit status 2.
"""

from __future__ import annotations

__all__ = [
    "CertboundsError",
    "UnknownStatementError",
    "ParameterError",
    "MissingParameterError",
    "UnknownParameterError",
    "DomainError",
    "MalformedNumberError",
    "UndecidedError",
]


class CertboundsError(Exception):
    """Base class of every error certbounds raises on bad input or on a
    question it cannot decide."""


class UnknownStatementError(CertboundsError, KeyError):
    """No catalogue statement has this id or alias."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class ParameterError(CertboundsError):
    """A parameter is missing, unknown, or given twice."""


class MissingParameterError(ParameterError):
    """A required parameter was not given and has no rule for a default."""


class UnknownParameterError(ParameterError):
    """A parameter name that the statement does not have."""


class DomainError(CertboundsError, ValueError):
    """A value lies outside its parameter's domain, or the parameters
    violate a constraint without which the quantities are undefined
    (e.g. overlapping intervals)."""


class MalformedNumberError(CertboundsError, ValueError):
    """Text that is not a number (or not an expression) certbounds accepts."""


class UndecidedError(CertboundsError):
    """A decision (a comparison, a ceiling, a default) could not be made
    with the arithmetic available."""
