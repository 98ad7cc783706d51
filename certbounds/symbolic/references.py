"""User expressions that may name catalogue quantities.

``parse_expression("budzinskiy2025:thm1.3.rank - n", variables=["n"],
bindings={"n1": "n", "n2": "n", "eps": "0.1"})`` is the sympy expression
ceiling(900 log(3 n^2)) - n: a *catalogue reference* ``ID.QUANTITY`` (the
id may be an alias such as ``jl``, and contains dots itself, so the
quantity is what follows the last dot) stands for that quantity of that
statement, with each of the statement's parameters replaced by

1. its binding, when ``bindings`` names it (a number, parsed exactly, or an
   expression in the variables and other names: ``n1=n``);
2. else the variable of that name, when it is one of ``variables``;
3. else its default rule (``Parameter.choose``, e.g. the smallest
   admissible t), itself resolved the same way;
4. else a plain real symbol of its name, which stays free (``free_names``
   lists it, so that a caller can report the missing parameter).

Bindings also apply to plain names of the expression (``m`` in
``jl.rank - m`` with ``m=10``). Numbers are exact (``0.1`` is 1/10,
``1e5``, ``10^9``); ``^`` is a power. Every name is a real sympy symbol;
catalogue parameters are matched by their own (assumption-carrying)
symbols, never by a differently-assumed symbol of the same name.
"""

from __future__ import annotations

import functools
import re
from typing import Iterable, Mapping, Optional

import sympy
from sympy.parsing.sympy_parser import parse_expr

from ..errors import MalformedNumberError, ParameterError, UnknownStatementError
from .catalogue import get_statement
from .domains import FunctionOfX
from .parsing import _DECIMAL, _GLOBALS, _TRANSFORMS, parse_number

__all__ = ["parse_expression", "parse_expressions", "parse_relation", "free_names", "split_reference", "FUNCTIONS"]

#: Functions and constants a user expression may use, beyond plain names.
FUNCTIONS = {**{k: v for k, v in _GLOBALS.items() if k != "__builtins__"},
             "ceiling": sympy.ceiling, "ceil": sympy.ceiling, "floor": sympy.floor,
             "Max": sympy.Max, "Min": sympy.Min, "max": sympy.Max, "min": sympy.Min,
             "binomial": sympy.binomial, "factorial": sympy.factorial,
             "__builtins__": {}}
#: Names of the parser's own helpers: never a user's symbol.
_RESERVED = {"Integer", "Float", "Rational", "Symbol", "Add", "Mul", "Pow"}
#: What the parser's unevaluated (evaluate=False) code calls.
#: Calls are built unevaluated too: ``_build`` evaluates them afterwards,
#: except decisions on inexact numbers (ceiling(log(8)/log(2)) is left to
#: the certified layer, not to sympy's evalf).
_PARSER_GLOBALS = {**{k: (functools.partial(v, evaluate=False) if callable(v) and
                          k not in _RESERVED and k != "__builtins__" else v)
                      for k, v in FUNCTIONS.items()},
                   "Add": sympy.Add, "Mul": sympy.Mul, "Pow": sympy.Pow}

#: A run of characters that may form a reference: letters, digits, _ : . -
_RUN = re.compile(r"[A-Za-z0-9_:.\-]+")
_REFERENCE_HINT = re.compile(r"\.[A-Za-z_]")
#: A name followed by ``.name``: ``jl.rank`` (but not the decimal ``1.e5``).
_NAME_DOT_NAME = re.compile(r"(?<![0-9A-Za-z_.])[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_]")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_SAFE_TEXT = re.compile(r"^[0-9A-Za-z_.+\-*/^() ,]*$")
#: Exact integer powers beyond this many bits are refused before sympy
#: would compute them (10^10^10 must not hang the parser).
_MAX_POWER_BITS = 1 << 20
#: factorial and binomial of larger exact integers stay unevaluated (the
#: certified layer encloses them with the gamma function).
_MAX_EXACT_FACTORIAL = 10_000


def split_reference(text: str) -> tuple[str, str]:
    """``"budzinskiy2025:thm1.3.rank"`` -> ``("budzinskiy2025:thm1.3",
    "rank")``: the quantity follows the last dot (ids contain dots)."""
    ident, dot, name = text.rpartition(".")
    if not dot or not ident or not name:
        raise MalformedNumberError(f"{text!r} is not a reference ID.QUANTITY")
    return ident, name


def _statement_of(ident: str):
    return get_statement(ident)  # UnknownStatementError with suggestions


def _looks_like_reference(text: str) -> bool:
    return (":" in text or bool(_NAME_DOT_NAME.search(text))) and not _DECIMAL.match(text)


def _reference_in(run: str) -> Optional[tuple[int, str]]:
    """The reference inside a run of reference characters, as (offset,
    text), or None when the run is plain arithmetic. The run may start
    with arithmetic (``n-jl.rank``: ids and aliases may contain hyphens,
    ``cauchy-zolotarev.rank``, so every suffix after a hyphen is tried,
    longest first) and go on after the quantity's name (``jl.rank-1``)."""
    starts = [0] + [i + 1 for i, ch in enumerate(run) if ch == "-"]
    candidates = [(start, run[start:]) for start in starts
                  if _looks_like_reference(run[start:])]
    if not candidates:
        return None
    for start, text in candidates:
        for dot in reversed([m.start() for m in _REFERENCE_HINT.finditer(text)]):
            ident = text[:dot]
            name = _IDENTIFIER.match(text, dot + 1).group()
            if ident and _resolves(ident):
                return start, f"{ident}.{name}"
        for end in [len(text)] + [i for i, ch in enumerate(text) if ch == "-"][::-1]:
            if _resolves(text[:end]):  # a whole id with no quantity
                return start, text[:end]
    # nothing resolves: the shortest candidate names the unknown id
    text = candidates[-1][1]
    dots = [m.start() for m in _REFERENCE_HINT.finditer(text)]
    _statement_of(text[:dots[-1]] if dots and dots[-1] > 0 else text)
    raise MalformedNumberError(f"malformed reference {run!r}")  # pragma: no cover


def _resolves(ident: str) -> bool:
    try:
        _statement_of(ident)
    except UnknownStatementError:
        return False
    return True


class _Resolver:
    """Turns references into expressions, with bindings and variables."""

    def __init__(self, variables: Iterable[str], bindings: Optional[Mapping]):
        self.variables = {str(v): sympy.Symbol(str(v), real=True) for v in variables}
        self.raw = dict(bindings or {})
        for name in self.raw:
            if name in self.variables:
                raise ParameterError(f"{name} is the variable; it cannot also be given a value")
        self.parsed: dict = {}
        self.active: list = []
        self.used: set = set()

    # -------------------------------------------------------- bindings
    def binding(self, name: str, domain=None):
        """The exact value or expression bound to ``name`` (parsed once)."""
        key = (name, isinstance(domain, FunctionOfX))
        self.used.add(name)
        if key in self.parsed:
            return self.parsed[key]
        if name in self.active:
            cycle = " -> ".join([*self.active[self.active.index(name):], name])
            raise ParameterError(f"the bindings refer to each other in a cycle: {cycle}")
        raw = self.raw[name]
        self.active.append(name)
        try:
            value = self._parse_binding(name, raw, domain)
        finally:
            self.active.pop()
        self.parsed[key] = value
        return value

    def _parse_binding(self, name: str, raw, domain):
        if isinstance(domain, FunctionOfX):
            if isinstance(raw, sympy.Lambda):
                return raw
            try:
                return domain.parse(str(raw))
            except MalformedNumberError as exc:
                raise MalformedNumberError(f"{name}: {exc}") from None
        if isinstance(raw, float):
            raise MalformedNumberError(f"{name}: pass {raw!r} as text, not a float: "
                                       "values are exact")
        if isinstance(raw, sympy.Basic):
            return self._bind_names(raw)
        if isinstance(raw, int):
            return sympy.Integer(raw)
        text = str(raw)
        try:
            return parse_number(text)
        except MalformedNumberError:
            pass
        try:
            return self.expression(text)
        except MalformedNumberError as exc:
            raise MalformedNumberError(f"{name}={text}: {exc}") from None

    def _bind_names(self, expr):
        """Replace every plain name that has a binding by its value."""
        subs = {}
        for s in expr.free_symbols:
            if s.name in self.raw and s.name not in self.variables:
                subs[s] = self.binding(s.name)
        return _substitute(expr, subs) if subs else expr

    # -------------------------------------------------------- references
    def reference(self, text: str) -> sympy.Expr:
        ident, _, name = text.rpartition(".")
        if _resolves(text):  # a whole id: the quantity is missing
            statement = _statement_of(text)
            raise ParameterError(f"reference {text!r} names no quantity; write "
                                 f"{text}.QUANTITY with one of: {_quantity_names(statement)}")
        statement = _statement_of(ident)
        try:
            quantity = statement.quantity(name)
        except KeyError:
            raise ParameterError(f"{statement.id} has no quantity {name!r} (quantities: "
                                 f"{_quantity_names(statement)})") from None
        resolved: dict = {}
        subs = {p.symbol: self._parameter(statement, p, resolved, ())
                for p in statement.parameters if p.symbol in quantity.expr.free_symbols}
        return _substitute(quantity.expr, subs)

    def _parameter(self, statement, p, resolved: dict, chain: tuple):
        if p.name in resolved:
            return resolved[p.name]
        if p.name in self.raw:
            value = self.binding(p.name, p.domain)
            if isinstance(value, sympy.Basic) and value.is_number and not \
                    isinstance(value, sympy.Lambda):
                p.domain.check(p.name, value)
        elif p.name in self.variables:
            value = self.variables[p.name]
        elif p.choose is not None:
            if p.name in chain:
                raise ParameterError(f"{statement.id}: the defaults of "
                                     f"{', '.join(chain)} refer to each other")
            inner = {q.symbol: self._parameter(statement, q, resolved, chain + (p.name,))
                     for q in statement.parameters if q.symbol in p.choose.free_symbols}
            value = _substitute(p.choose, inner)
        else:
            value = sympy.Symbol(p.name, real=True)
        resolved[p.name] = value
        return value

    # -------------------------------------------------------- text
    def expression(self, text: str) -> sympy.Expr:
        if not isinstance(text, str) or not text.strip():
            raise MalformedNumberError("expected an expression, got an empty value")
        pieces, references, k = [], {}, 0
        position = 0
        for match in _RUN.finditer(text):
            found = _reference_in(match.group())
            if found is None:
                continue
            offset, ref = found
            placeholder = _placeholder(text, k)
            k += 1
            start = match.start() + offset
            pieces.append(text[position:start])
            pieces.append(placeholder)
            position = start + len(ref)
            references[placeholder] = ref
        pieces.append(text[position:])
        plain = "".join(pieces)
        if not _SAFE_TEXT.match(plain) or "__" in plain:
            raise MalformedNumberError(f"malformed expression {text!r}")
        local = {}
        for name in set(_IDENTIFIER.findall(plain)):
            if name in references:
                local[name] = self.reference(references[name])
            elif name in FUNCTIONS or name in _RESERVED:
                continue
            else:
                local[name] = self.variables.get(name, sympy.Symbol(name, real=True))
        expr = _parse(text, plain, local)
        return self._bind_names(expr)


def _quantity_names(statement) -> str:
    return ", ".join(q.name for q in statement.quantities)


def _placeholder(text: str, k: int) -> str:
    name = f"cbref{k}"
    while name in text:
        name += "x"
    return name


def _parse(original: str, plain: str, local: dict) -> sympy.Expr:
    placeholders = {n: sympy.Dummy(n) for n in local}
    try:
        tree = parse_expr(plain, local_dict=placeholders, global_dict=dict(_PARSER_GLOBALS),
                          transformations=_TRANSFORMS, evaluate=False)
    except Exception as exc:  # sympy raises many unrelated types on bad text
        raise MalformedNumberError(f"malformed expression {original!r}: "
                                   f"{exc.__class__.__name__}") from None
    if not isinstance(tree, sympy.Expr):
        raise MalformedNumberError(f"malformed expression {original!r}: not an expression")
    try:
        expr = _substitute(tree, {placeholders[n]: v for n, v in local.items()})
    except MalformedNumberError:
        raise
    except (TypeError, ValueError, AttributeError) as exc:
        raise MalformedNumberError(f"malformed expression {original!r}: "
                                   f"{exc.__class__.__name__}") from None
    return expr


#: Heads whose evaluation by sympy on a number decides an inequality or an
#: integer part with floating-point evalf (not certified): with such
#: arguments they are built unevaluated and left to the certified layer.
_DECISION_HEADS = (sympy.ceiling, sympy.floor, sympy.Max, sympy.Min, sympy.Abs, sympy.sign,
                   sympy.Piecewise, sympy.binomial, sympy.factorial, sympy.RisingFactorial)


def _inexact_number(a) -> bool:
    """True for a number that is not an exact rational (log(3), e^2), or a
    sum holding one (n + log(2)): sympy would decide things about it with
    evalf."""
    if a.is_number:
        return not a.is_Rational
    return a.is_Add and any(t.is_number and not t.is_Rational for t in a.args)


def _build(expr, args):
    if isinstance(expr, sympy.Pow):
        base, exponent = args
        if base.is_Rational and exponent.is_Integer and base not in (0, 1, -1):
            bits = max(int(abs(base.p)).bit_length(), int(base.q).bit_length())
            if abs(int(exponent)) * bits > _MAX_POWER_BITS:
                raise MalformedNumberError(f"the number {base}^{exponent} is too large")
    if isinstance(expr, _DECISION_HEADS) and any(_inexact_number(a) for a in args):
        return expr.func(*args, evaluate=False)
    if isinstance(expr, (sympy.factorial, sympy.binomial)) and \
            any(a.is_Integer and abs(a) > _MAX_EXACT_FACTORIAL for a in args):
        return expr.func(*args, evaluate=False)
    return expr.func(*args)


def _substitute(expr, subs: Mapping, memo: Optional[dict] = None):
    """``expr.xreplace(subs)`` rebuilt bottom-up with ``_build``: exact
    arithmetic is carried out, decisions on inexact numbers are not."""
    memo = {} if memo is None else memo
    if expr in subs:
        return subs[expr]
    if not expr.args or isinstance(expr, (sympy.Symbol, sympy.Lambda)):
        return expr
    if expr in memo:
        return memo[expr]
    out = _build(expr, [_substitute(a, subs, memo) for a in expr.args])
    memo[expr] = out
    return out


def parse_expression(text, *, variables: Iterable[str] = (), bindings: Optional[Mapping] = None
                     ) -> sympy.Expr:
    """Parse a user expression that may name catalogue quantities
    (``budzinskiy2025:thm1.3.rank``, ``jl.rank``) into an exact sympy
    expression; see the module docstring for how references, bindings,
    variables and defaults combine. A sympy expression is accepted as well
    (its plain names are bound the same way).

    Raises UnknownStatementError (unknown id), ParameterError (unknown
    quantity, a binding of a variable, cyclic bindings), DomainError (a
    bound number outside its parameter's domain) and MalformedNumberError
    (text that does not parse).

    >>> parse_expression("jl.rank", variables=["n"], bindings={"n1": "n", "n2": "n", "eps": "0.1"})
    ceiling(900*log(3*n**2))
    >>> parse_expression("x^2 - 0.5")
    x**2 - 1/2
    """
    return parse_expressions([text], variables=variables, bindings=bindings)[0][0]


#: Inequality operators, two-character ones first so that "<=" is not read as "<".
_RELATIONS = (("<=", sympy.LessThan), (">=", sympy.GreaterThan), ("<", sympy.StrictLessThan),
              (">", sympy.StrictGreaterThan))


def parse_relation(text: str, *, variables: Iterable[str] = (),
                   bindings: Optional[Mapping] = None) -> sympy.Rel:
    """Parse an inequality ``LEFT OP RIGHT`` (OP one of < <= > >=) whose
    sides are parsed as ``parse_expression`` parses them (exact numbers,
    catalogue references such as ``jl.rank``). The relation is left
    unevaluated, so ``x >= x`` stays a relation.

    Raises MalformedNumberError when the text has no such operator or a
    side does not parse.

    >>> parse_relation("exp(M**2) > 1 + exp(2)*M")
    exp(M**2) > M*exp(2) + 1
    """
    if not isinstance(text, str):
        raise MalformedNumberError(f"expected an inequality as text, got {text!r}")
    for op, cls in _RELATIONS:
        if op in text:
            left, right = text.split(op, 1)
            sides = parse_expressions([left, right], variables=variables, bindings=bindings)[0]
            return cls(*sides, evaluate=False)
    raise MalformedNumberError(f"expected an inequality such as 'a < b', got {text!r}")


def parse_expressions(texts, *, variables: Iterable[str] = (),
                      bindings: Optional[Mapping] = None) -> tuple[list, set]:
    """Parse several expressions with the same variables and bindings (each
    binding parsed once), as ``parse_expression`` does; returns the
    expressions and the set of binding names that some expression used
    (the others are likely typos: a caller may refuse them).

    >>> exprs, used = parse_expressions(["jl.rank", "n"], variables=["n"],
    ...                                 bindings={"n1": "n", "n2": "n", "eps": "0.1", "m": "3"})
    >>> sorted(used)
    ['eps', 'n1', 'n2']
    """
    resolver = _Resolver(variables, bindings)
    exprs = []
    for text in texts:
        if isinstance(text, sympy.Basic):
            exprs.append(resolver._bind_names(text))
        elif isinstance(text, (int, float)) and not isinstance(text, bool):
            exprs.append(resolver._parse_binding("expression", text, None))
        else:
            exprs.append(resolver.expression(text))
    return exprs, set(resolver.used)


def free_names(expr, ignore: Iterable[str] = ()) -> list:
    """The names of the free symbols of ``expr`` (sorted), except those in
    ``ignore``: the parameters a caller still has to give.

    >>> free_names(parse_expression("jl.rank", bindings={"eps": "0.1"}))
    ['n1', 'n2']
    """
    skip = {str(n) for n in ignore}
    return sorted({s.name for s in expr.free_symbols} - skip)
