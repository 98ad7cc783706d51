"""A statement of a paper as data.

A ``Statement`` is one theorem, lemma, corollary, example or numbered
equation: its id and aliases, its source, its parameters (sympy symbols with
domains and a one-line meaning), its hypotheses (sympy relations whose truth
is *reported*), its constraints (relations without which the quantities are
undefined; violating one is a DomainError), and its named quantities
(``rank``, ``error``, ...) as sympy expressions. Catalogue modules build
statements with the small helpers ``parameter``, ``quantity``,
``hypothesis`` and ``constraint``; they contain no evaluation logic.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import sympy
from sympy.printing.latex import LatexPrinter
from sympy.printing.precedence import PRECEDENCE

from .domains import Domain

__all__ = ["Paper", "Source", "Parameter", "Quantity", "Hypothesis", "Constraint",
           "Statement", "parameter", "quantity", "hypothesis", "constraint",
           "CONFIDENCE_TAGS", "RECONSTRUCTED_TAGS"]

#: The confidence tags of the webb2025 formula sheet (its section 0.2).
CONFIDENCE_TAGS = {
    "V-HTML": "verbatim from an arXiv HTML excerpt",
    "CODE": "read off the author's MATLAB code",
    "TEXT": "a non-formula fact the stripped prose still states",
    "R-high": "reconstructed; code, prose and derivation agree",
    "R-med": "reconstructed; mathematics certain, the paper's exact form a best guess",
    "R-low": "reconstructed guess; the prose leaves the exact formula open",
    "STD": "standard result from the cited literature",
}
#: Tags that mark a formula as reconstructed rather than read off the paper.
RECONSTRUCTED_TAGS = frozenset({"R-high", "R-med", "R-low"})


class _LatexPrinter(LatexPrinter):
    """sympy's LaTeX printer, robust to a sympy quirk: printing a product
    calls ``fraction``, which substitutes random values into the factors and
    fails on e.g. exp(-ceiling(Max(log(C/eps), ...))) (a NaN inside Max).
    Such products are printed factor by factor instead."""

    def _print_Mul(self, expr):
        try:
            return super()._print_Mul(expr)
        except (ValueError, RecursionError):
            return r" \cdot ".join(self.parenthesize(a, PRECEDENCE["Mul"]) for a in expr.args)


@dataclass(frozen=True)
class Paper:
    """A paper the catalogue draws from."""

    key: str
    authors: str
    title: str
    reference: str

    def to_json(self) -> dict:
        return {"key": self.key, "authors": self.authors, "title": self.title,
                "reference": self.reference}


@dataclass(frozen=True)
class Source:
    """Where a statement comes from: paper, number, section, and for
    reconstructed formulas (webb2025) the formula sheet's confidence tag."""

    paper: Paper
    number: str
    section: str
    confidence: Optional[str] = None
    note: str = ""

    def __post_init__(self):
        if self.confidence is not None and self.confidence not in CONFIDENCE_TAGS:
            raise ValueError(f"unknown confidence tag {self.confidence!r}")

    @property
    def reconstructed(self) -> bool:
        return self.confidence in RECONSTRUCTED_TAGS

    def describe(self) -> str:
        text = f"{self.paper.authors} ({self.paper.key}), {self.number}, {self.section}"
        if self.confidence:
            text += f" [{self.confidence}: {CONFIDENCE_TAGS[self.confidence]}]"
        return text

    def to_json(self) -> dict:
        return {"paper": self.paper.key, "number": self.number, "section": self.section,
                "confidence": self.confidence, "reconstructed": self.reconstructed,
                "note": self.note}


@dataclass(frozen=True)
class Parameter:
    """A named parameter. ``choose`` is an optional sympy expression in the
    other parameters giving the value used when the user leaves this one out
    (e.g. the smallest admissible integer t); ``choose_rule`` says so in
    words."""

    name: str
    symbol: sympy.Symbol
    domain: Domain
    meaning: str
    latex: str
    choose: Optional[sympy.Expr] = None
    choose_rule: str = ""

    def to_json(self) -> dict:
        out = {"name": self.name, "domain": self.domain.describe(), "meaning": self.meaning}
        if self.choose is not None:
            out["default"] = self.choose_rule or str(self.choose)
        return out


@dataclass(frozen=True)
class Quantity:
    """A named quantity of a statement. ``kind`` is ``rank`` (an integer
    upper bound on a rank), ``error`` (an upper bound on an error), or
    ``value`` (anything else the statement defines)."""

    name: str
    expr: sympy.Expr
    meaning: str
    kind: str = "value"

    def __post_init__(self):
        if self.kind not in ("rank", "error", "value"):
            raise ValueError(f"unknown quantity kind {self.kind!r}")


@dataclass(frozen=True)
class Hypothesis:
    """A hypothesis of the statement; ``eval`` reports it holds/fails/undecided."""

    relation: sympy.Basic
    text: str


@dataclass(frozen=True)
class Constraint:
    """A relation without which the quantities are undefined (a < b < c < d
    for intervals, j <= n for an index). Violating it is a DomainError."""

    relation: sympy.Basic
    text: str


@dataclass(frozen=True)
class Statement:
    """One statement of a paper, as data (see the module docstring)."""

    id: str
    kind: str
    title: str
    source: Source
    summary: str
    parameters: tuple
    quantities: tuple
    hypotheses: tuple = ()
    constraints: tuple = ()
    aliases: tuple = ()
    notes: str = ""
    #: parameter values for a typical use, as ``certbounds eval`` takes them
    example: str = ""
    _by_name: dict = field(default=None, init=False, repr=False, compare=False)

    KINDS = ("theorem", "lemma", "corollary", "proposition", "example", "equation",
             "remark", "assumption", "definition")

    def __post_init__(self):
        if self.kind not in self.KINDS:
            raise ValueError(f"{self.id}: unknown kind {self.kind!r}")
        if self.id != self.id.lower() or ":" not in self.id:
            raise ValueError(f"statement id {self.id!r} must be lower case 'paper:kindNUMBER'")
        names = [p.name for p in self.parameters]
        if len(set(names)) != len(names):
            raise ValueError(f"{self.id}: duplicate parameter names")
        qnames = [q.name for q in self.quantities]
        if len(set(qnames)) != len(qnames) or not qnames:
            raise ValueError(f"{self.id}: quantities must be non-empty with unique names")
        symbols = {p.symbol for p in self.parameters}
        for item in (*self.quantities, *self.hypotheses, *self.constraints):
            expr = item.expr if isinstance(item, Quantity) else item.relation
            stray = {s for s in expr.free_symbols if s not in symbols}
            if stray:
                raise ValueError(f"{self.id}: {sorted(map(str, stray))} are not parameters")
        object.__setattr__(self, "_by_name", {p.name: p for p in self.parameters})

    @property
    def paper(self) -> str:
        return self.source.paper.key

    def parameter(self, name: str) -> Parameter:
        return self._by_name[name]

    def quantity(self, name: str) -> Quantity:
        for q in self.quantities:
            if q.name == name:
                return q
        raise KeyError(name)

    def symbol_names(self) -> dict:
        """Mapping symbol -> LaTeX name, for ``sympy.latex(..., symbol_names=...)``."""
        return {p.symbol: p.latex for p in self.parameters}

    def __repr__(self) -> str:
        params = ", ".join(p.name for p in self.parameters)
        qs = ", ".join(q.name for q in self.quantities)
        return f"<Statement {self.id} ({self.source.number}): {self.title}; ({params}) -> {qs}>"

    def _repr_latex_(self) -> str:
        rows = [rf"\text{{{q.name}}} &= {self.latex(q.expr)}" for q in self.quantities]
        return r"$\begin{aligned}" + r" \\ ".join(rows) + r"\end{aligned}$"

    def example_values(self) -> dict:
        """The ``example`` as a mapping name -> text (for ``evaluate``)."""
        return dict(pair.split("=", 1) for pair in self.example.split())

    def latex(self, expr) -> str:
        """LaTeX of an expression of this statement, in the paper's symbols."""
        return _LatexPrinter({"symbol_names": self.symbol_names()}).doprint(expr)

    def to_json(self, *, latex: bool = False) -> dict:
        """The statement as a JSON-ready dict (what ``certbounds show --json``
        prints); with ``latex`` every relation and quantity carries its LaTeX."""
        def rel(item):
            out = {"text": item.text, "relation": str(item.relation)}
            if latex:
                out["latex"] = self.latex(item.relation)
            return out

        def qty(q):
            out = {"name": q.name, "kind": q.kind, "meaning": q.meaning, "expr": str(q.expr)}
            if latex:
                out["latex"] = self.latex(q.expr)
            return out

        return {
            "id": self.id, "aliases": list(self.aliases), "kind": self.kind,
            "title": self.title, "summary": self.summary, "source": self.source.to_json(),
            "parameters": [p.to_json() for p in self.parameters],
            "constraints": [rel(c) for c in self.constraints],
            "hypotheses": [rel(h) for h in self.hypotheses],
            "quantities": [qty(q) for q in self.quantities],
            "notes": self.notes,
            "example": self.example,
        }


def parameter(name: str, domain: Domain, meaning: str, *, latex: Optional[str] = None,
              choose=None, choose_rule: str = "") -> Parameter:
    """Declare a parameter; its sympy symbol carries the domain's assumptions."""
    symbol = sympy.Symbol(name, **domain.assumptions())
    if choose is not None:
        choose = sympy.sympify(choose)
    return Parameter(name, symbol, domain, meaning, latex or sympy.latex(sympy.Symbol(name)),
                     choose, choose_rule)


def quantity(name: str, expr, meaning: str, kind: str = "value") -> Quantity:
    return Quantity(name, sympy.sympify(expr), meaning, kind)


def hypothesis(relation, text: str) -> Hypothesis:
    return Hypothesis(relation, text)


def constraint(relation, text: str) -> Constraint:
    return Constraint(relation, text)
