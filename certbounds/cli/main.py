"""certbounds command line: ``list``, ``show`` and ``eval`` (DESIGN.md,
"Public interface").

Every verb takes ``--json`` (one JSON document on stdout). Any bad input
gives one line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import textwrap

from .. import __version__
from ..errors import CertboundsError, MalformedNumberError
from ..symbolic.catalogue import all_statements, get_statement
from ..certified.evaluate import evaluate
from .common import add_precision_options, interval_text

__all__ = ["main", "build_parser"]

PROG = "certbounds"


class _UsageError(Exception):
    """argparse's complaint, turned into our one-line error."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        raise _UsageError(message)


def _print_json(doc) -> None:
    json.dump(doc, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


# ------------------------------------------------------------------ list
def cmd_list(args) -> int:
    statements = [st for st in all_statements()
                  if args.paper is None or st.paper == args.paper.lower()]
    if args.json:
        _print_json({"count": len(statements), "statements": [{
            "id": st.id, "aliases": list(st.aliases), "paper": st.paper,
            "number": st.source.number, "section": st.source.section, "kind": st.kind,
            "title": st.title, "confidence": st.source.confidence,
            "parameters": [p.to_json() for p in st.parameters],
            "quantities": [q.name for q in st.quantities],
        } for st in statements]})
        return 0
    width = max((len(st.id) for st in statements), default=10)
    for st in statements:
        params = ",".join(p.name for p in st.parameters)
        print(f"{st.id:<{width}}  {st.source.number:<14} {st.title}  [{params}]")
    print(f"{len(statements)} statements")
    return 0


# ------------------------------------------------------------------ show
def cmd_show(args) -> int:
    st = get_statement(args.id)
    if args.json:
        _print_json(st.to_json(latex=args.latex))
        return 0
    wrap = textwrap.TextWrapper(width=88, initial_indent="  ", subsequent_indent="  ")
    print(f"{st.id}  ({st.kind}) {st.title}")
    if st.aliases:
        print(f"aliases: {', '.join(st.aliases)}")
    print(f"source: {st.source.describe()}")
    if st.source.note:
        print(wrap.fill(f"note: {st.source.note}"))
    print(wrap.fill(st.summary))
    print("parameters:")
    for p in st.parameters:
        default = f"  [default: {p.choose_rule or p.choose}]" if p.choose is not None else ""
        print(f"  {p.name:<10} {p.domain.describe():<28} {p.meaning}{default}")
    for title, items in (("constraints", st.constraints), ("hypotheses", st.hypotheses)):
        if items:
            print(f"{title}:")
            for item in items:
                form = st.latex(item.relation) if args.latex else str(item.relation)
                print(f"  {form}    ({item.text})")
    print("quantities:")
    for q in st.quantities:
        form = st.latex(q.expr) if args.latex else str(q.expr)
        print(f"  {q.name} [{q.kind}] = {form}")
        print(f"      {q.meaning}")
    if st.example:
        print(f"example: {PROG} eval {st.id} {st.example}")
    return 0


# ------------------------------------------------------------------ eval
def _assignments(pairs) -> dict:
    values = {}
    for pair in pairs:
        name, sep, text = pair.partition("=")
        name = name.strip()
        if not sep or not name:
            raise MalformedNumberError(f"expected name=value, got {pair!r}")
        if name in values:
            raise MalformedNumberError(f"parameter {name!r} given twice")
        values[name] = text.strip()
    return values


def _quantity_text(q: dict) -> str:
    """A quantity for people: the integer or short exact value when
    certified, else [lower, upper] rounded outward."""
    if "int" in q:
        return str(q["int"])
    if "exact" in q and len(q["exact"]) <= 40:
        return q["exact"]
    flag = "" if q["accurate"] else f"   (not narrowed to the requested accuracy at {q['prec']} bits)"
    return interval_text(q["lower"], q["upper"]) + flag


def cmd_eval(args) -> int:
    st = get_statement(args.id)
    result = evaluate(st, _assignments(args.assignments), accuracy=args.prec,
                      max_prec=args.max_prec)
    doc = result.to_json()
    if args.json:
        _print_json(doc)
        return 0
    print(f"{st.id}  {st.title}")
    given = ", ".join(f"{k}={v}" for k, v in doc["parameters"].items() if k not in doc["chosen"])
    print(f"parameters: {given}")
    for name, chosen in doc["chosen"].items():
        print(f"chosen: {name}={chosen['value']}  ({chosen['rule']})")
    print("quantities (certified enclosures):")
    for name, q in doc["quantities"].items():
        print(f"  {name:<16} {_quantity_text(q)}")
    if doc["hypotheses"]:
        print("hypotheses:")
        for h in doc["hypotheses"]:
            print(f"  {h['status']:<9} {h['text']}")
    print(f"({doc['arithmetic']})")
    return 0


# ------------------------------------------------------------------ main
def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="Certified rank and error bounds of low-rank "
                                            "approximation theory.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    p = sub.add_parser("list", help="list the catalogue of statements")
    p.add_argument("--paper", help="only this paper (e.g. budzinskiy2025)")
    p.add_argument("--json", action="store_true", help="print one JSON document")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", help="show one statement: parameters, hypotheses, quantities")
    p.add_argument("id", help="statement id or alias (e.g. budzinskiy2025:thm3.8, jl)")
    p.add_argument("--latex", action="store_true", help="render formulas as LaTeX")
    p.add_argument("--json", action="store_true", help="print one JSON document")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("eval", help="evaluate a statement's quantities for given parameters")
    p.add_argument("id", help="statement id or alias")
    p.add_argument("assignments", nargs="*", metavar="name=value",
                   help="parameter values, parsed exactly (0.1 is 1/10, 1e5 is 100000)")
    add_precision_options(p)
    p.add_argument("--json", action="store_true", help="print one JSON document")
    p.set_defaults(func=cmd_eval)

    from . import zolotarev as _zolotarev  # the verb lives in its own module
    _zolotarev.add_parser(sub)
    from . import crossover as _crossover
    _crossover.add_parser(sub)
    from . import stages as _stages
    _stages.add_parser(sub)
    from . import check as _check
    _check.add_parser(sub)
    from . import approximate as _approximate
    _approximate.add_parser(sub)
    from . import reproduce as _reproduce
    _reproduce.add_parser(sub)
    from . import interpolate as _interpolate
    _interpolate.add_parser(sub)
    return parser


#: Options whose value may start with "-" (an interval such as -inf,-1).
_SIGNED_VALUE_OPTIONS = ("--E", "--F", "--x", "--y", "--w")


def _join_signed_values(argv):
    """``--E -inf,-1`` as ``--E=-inf,-1``: argparse would read -inf,-1 as an
    option."""
    out, i = [], 0
    while i < len(argv):
        word = argv[i]
        if word in _SIGNED_VALUE_OPTIONS and i + 1 < len(argv):
            out.append(f"{word}={argv[i + 1]}")
            i += 2
            continue
        out.append(word)
        i += 1
    return out


#: Verbs with a trailing list of name=value words.
_TAKES_ASSIGNMENTS = ("eval", "crossover", "stages")


def _is_assignment(word: str) -> bool:
    """A ``name=value`` word of ``eval`` (not an option such as --digits=5)."""
    return "=" in word and not word.startswith("-")


def _check_precision(args) -> None:
    prec, cap = getattr(args, "prec", None), getattr(args, "max_prec", None)
    if prec is not None and not 1 <= prec <= 100_000:
        raise _UsageError("--prec must be between 1 and 100000 bits")
    if cap is not None and not (prec or 1) <= cap <= 1_000_000:
        raise _UsageError("--max-prec must be at least --prec and at most 1000000 bits")


def _one_line(message: str) -> str:
    return " ".join(str(message).split())


def main(argv=None) -> int:
    """Run the command line; returns the exit status (0 ok, 2 bad input)."""
    parser = build_parser()
    try:
        argv = _join_signed_values(list(sys.argv[1:] if argv is None else argv))
        args, extra = parser.parse_known_args(argv)
        # argparse will not intermix options with a trailing list: collect the
        # name=value words that came after an option ourselves
        if getattr(args, "command", None) in _TAKES_ASSIGNMENTS:
            args.assignments += [w for w in extra if _is_assignment(w)]
            extra = [w for w in extra if not _is_assignment(w)]
        if extra:
            raise _UsageError(f"unrecognized arguments: {' '.join(extra)}")
        _check_precision(args)
        return args.func(args)
    except (_UsageError, CertboundsError) as exc:
        sys.stderr.write(f"{PROG}: error: {_one_line(exc)}\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write(f"{PROG}: interrupted\n")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # an internal bug: still one line, unless debugging
        if os.environ.get("CERTBOUNDS_DEBUG"):
            raise
        sys.stderr.write(f"{PROG}: internal error: {exc.__class__.__name__}: {_one_line(exc)} "
                         f"(set CERTBOUNDS_DEBUG=1 for a traceback)\n")
        return 1
