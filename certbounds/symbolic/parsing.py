"""Exact parsing of user numbers and of expressions in one variable.

A user's ``eps=0.1`` means exactly 1/10: numbers are parsed from their
decimal text straight to sympy ``Rational`` and never pass through a Python
float. ``1e5`` is 100000, ``1/3`` is one third, ``10^9`` (or ``10**9``) is
10**9, and ``inf``/``-inf`` are sympy's ``oo``/``-oo`` (accepted only where a
parameter's domain allows them).
"""

from __future__ import annotations

import re

import sympy
from sympy.parsing.sympy_parser import (
    convert_xor,
    parse_expr,
    rationalize,
    standard_transformations,
)

from ..errors import MalformedNumberError

__all__ = ["parse_number", "parse_function", "X"]

#: The variable of user-given functions such as ``h=exp(x)``.
X = sympy.Symbol("x", real=True)

#: Bounds on what a user may type: far beyond any matrix size or accuracy
#: of interest, and inside what exact arithmetic and printing handle quickly.
_MAX_EXPONENT = 1000
_MAX_DIGITS = 1000
_DECIMAL = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
_FRACTION = re.compile(r"^([+-]?\d+)/(\d+)$")
_POWER = re.compile(r"^([+-]?\d+)\s*(\^|\*\*)\s*(\d+)$")
_INFINITY = {"inf": sympy.oo, "+inf": sympy.oo, "oo": sympy.oo, "infinity": sympy.oo,
             "-inf": -sympy.oo, "-oo": -sympy.oo, "-infinity": -sympy.oo}


def parse_number(text: str) -> sympy.Expr:
    """Parse a number written as text into an exact sympy number.

    Accepted forms: integers (``-3``), decimals (``0.1`` is 1/10),
    scientific notation (``1e5``, ``2.5E-3``), fractions (``1/3``), integer
    powers (``10^9``, ``10**9``) and infinities (``inf``, ``-inf``, ``oo``).
    Nothing goes through a Python float.

    Raises MalformedNumberError for anything else.

    >>> parse_number("0.1")
    1/10
    >>> parse_number("1e5")
    100000
    """
    if not isinstance(text, str):
        raise MalformedNumberError(f"expected a number as text, got {text!r}")
    s = text.strip()
    if s.lower() in _INFINITY:
        return _INFINITY[s.lower()]
    if _DECIMAL.match(s):
        mantissa, _, exponent = s.lower().partition("e")
        digits = len(mantissa.strip("+-").replace(".", "").lstrip("0"))
        if abs(int(exponent or 0)) > _MAX_EXPONENT or digits > _MAX_DIGITS:
            raise MalformedNumberError(
                f"number {text!r} is out of range (at most {_MAX_DIGITS} digits and a "
                f"decimal exponent within +-{_MAX_EXPONENT})")
        return sympy.Rational(s)  # sympy parses decimal text exactly
    m = _FRACTION.match(s)
    if m:
        if len(m.group(1)) > _MAX_DIGITS or len(m.group(2)) > _MAX_DIGITS:
            raise MalformedNumberError(f"number {text!r} has more than {_MAX_DIGITS} digits")
        if int(m.group(2)) == 0:
            raise MalformedNumberError(f"malformed number {text!r}: division by zero")
        return sympy.Rational(int(m.group(1)), int(m.group(2)))
    m = _POWER.match(s)
    if m:
        if len(m.group(1)) * int(m.group(3)) > _MAX_EXPONENT * 2:
            raise MalformedNumberError(f"number {text!r} is out of range (too many digits)")
        return sympy.Integer(int(m.group(1))) ** int(m.group(3))
    raise MalformedNumberError(
        f"malformed number {text!r} (expected e.g. 3, 0.1, 1e5, 1/3, 10^9 or inf)")


#: Functions a user may write in an expression such as ``h=exp(-x**2)``.
_ALLOWED_FUNCTIONS = (
    "exp", "log", "sqrt", "sin", "cos", "tan", "sinh", "cosh", "tanh", "atan",
    "asinh", "acosh", "atanh", "asin", "acos", "erf", "gamma", "Abs", "pi", "E",
)
_GLOBALS = {name: getattr(sympy, name) for name in _ALLOWED_FUNCTIONS}
_GLOBALS.update({"Integer": sympy.Integer, "Float": sympy.Float,
                 "Rational": sympy.Rational, "Symbol": sympy.Symbol,
                 "__builtins__": {}})
_TRANSFORMS = standard_transformations + (convert_xor, rationalize)
_SAFE_TEXT = re.compile(r"^[0-9A-Za-z_.+\-*/^() ,]*$")


def parse_function(text: str, variable: sympy.Symbol = X) -> sympy.Expr:
    """Parse an expression in the single variable ``x`` (e.g. ``exp(x)``,
    ``sinh(x)``, ``exp(-2 + 2*x)``) into a sympy expression.

    Decimal literals become exact rationals (``0.5*x`` is ``x/2``). Only
    elementary functions and the constants ``pi`` and ``E`` are allowed.

    Raises MalformedNumberError for text that does not parse, uses another
    name than ``x``, or is not real-valued in form.

    >>> parse_function("exp(0.5*x)")
    exp(x/2)
    """
    if not isinstance(text, str) or not text.strip():
        raise MalformedNumberError("expected an expression in x, got an empty value")
    if not _SAFE_TEXT.match(text) or "__" in text:
        raise MalformedNumberError(f"malformed expression {text!r}")
    try:
        expr = parse_expr(text, local_dict={"x": variable}, global_dict=dict(_GLOBALS),
                          transformations=_TRANSFORMS, evaluate=True)
    except Exception as exc:  # sympy raises many unrelated types on bad text
        raise MalformedNumberError(f"malformed expression {text!r}: {exc.__class__.__name__}") from None
    if not isinstance(expr, sympy.Expr):
        raise MalformedNumberError(f"malformed expression {text!r}: not an expression")
    unknown = expr.free_symbols - {variable}
    if unknown:
        names = ", ".join(sorted(str(s) for s in unknown))
        raise MalformedNumberError(f"expression {text!r} uses unknown name(s) {names}; only x is allowed")
    return expr
