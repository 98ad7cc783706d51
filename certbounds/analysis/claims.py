"""Claims of a paper as checks with computed verdicts.

A ``Claim`` restates one numerical or inequality claim of a paper: an id,
its source (paper, section, equation), the claim as the paper states it
(paraphrased), and a *check*: a function of no arguments that computes a
``Verdict`` from certified primitives (enclosures, ``prove`` over ranges,
crossovers). A verdict is "verified", "refuted" or "undecided", with a
one-line evidence and JSON-ready details (the enclosures, the counterexample,
the crossing). The verdict is always computed: a claim file states what the
paper says, never what the answer is.

Claim files are Python modules that define ``CLAIMS``, a list of ``Claim``
(see ``proofs/budzinskiy2025.py``). The check builders here cover the usual
shapes of a claim:

- ``value_check``: "this quantity equals 21713" or "... is about 1.597";
- ``inequality_check``: "for all M > 1.597, e^{M^2} > 1 + e^2 M";
- ``implication_check``: "this would follow from a stronger inequality";
- ``crossover_check``: "the second stage begins at n = 18964";
- ``identity_check``, ``comparison_check``: an exact identity; a
  comparison at exact values;
- ``all_of``: several checks that must all be verified;
- ``measured_check``: an experimental claim ("errors 5-10 times smaller"),
  judged from a measured statistic against the stated range, with a
  tolerance band, fixed in advance, in which the verdict is undecided.
  Such verdicts are statistical, not certified, and say so.

``run_claims`` runs a list of claims; ``load_claims`` reads claim files.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Mapping, Optional, Sequence

import sympy

from ..errors import CertboundsError, DomainError, MalformedNumberError, UndecidedError

__all__ = ["Claim", "Verdict", "ClaimResult", "ClaimFileError", "VERIFIED", "REFUTED",
           "UNDECIDED", "value_check", "inequality_check", "implication_check",
           "crossover_check", "identity_check", "comparison_check", "all_of", "measured_check",
           "run_claims", "load_claims", "bundled_claim_files"]

VERIFIED, REFUTED, UNDECIDED = "verified", "refuted", "undecided"
_STATUSES = (VERIFIED, REFUTED, UNDECIDED)


class ClaimFileError(CertboundsError):
    """A claim file that cannot be loaded, defines no valid ``CLAIMS``, or
    whose check is broken (raises an error that is not a verdict)."""


@dataclass(frozen=True)
class Verdict:
    """The computed answer to a claim: ``status`` (verified, refuted,
    undecided), a one-line ``evidence`` and JSON-ready ``details``."""

    status: str
    evidence: str
    details: dict = field(default_factory=dict)

    def __post_init__(self):
        if self.status not in _STATUSES:
            raise ValueError(f"unknown verdict {self.status!r}")
        if "\n" in self.evidence:
            object.__setattr__(self, "evidence", " ".join(self.evidence.split()))

    def to_json(self) -> dict:
        return {"status": self.status, "evidence": self.evidence, "details": self.details}


@dataclass(frozen=True)
class Claim:
    """One claim of a paper: ``id`` (``paper:short-name``), ``source``
    (paper, section or equation), ``statement`` (what the paper says,
    paraphrased), ``check`` (computes the Verdict) and an optional
    ``comment`` (how the claim was turned into a check)."""

    id: str
    source: str
    statement: str
    check: Callable[[], Verdict]
    comment: str = ""

    def __post_init__(self):
        for name in ("id", "source", "statement"):
            if not isinstance(getattr(self, name), str) or not getattr(self, name).strip():
                raise ClaimFileError(f"claim {self.id!r}: {name} must be non-empty text")
        if not callable(self.check):
            raise ClaimFileError(f"claim {self.id!r}: check must be callable")

    def run(self) -> Verdict:
        """Run the check. An UndecidedError becomes an undecided verdict;
        any other error means the claim is broken (ClaimFileError)."""
        try:
            verdict = self.check()
        except UndecidedError as exc:
            return Verdict(UNDECIDED, f"undecided: {exc}")
        except Exception as exc:
            raise ClaimFileError(f"claim {self.id}: check failed: "
                                 f"{exc.__class__.__name__}: {exc}") from exc
        if not isinstance(verdict, Verdict):
            raise ClaimFileError(f"claim {self.id}: check returned {type(verdict).__name__}, "
                                 "not a Verdict")
        return verdict


@dataclass(frozen=True)
class ClaimResult:
    """A claim with its verdict (or the error that broke it) and the time
    its check took."""

    claim: Claim
    verdict: Optional[Verdict]
    seconds: float
    error: str = ""
    file: str = ""

    @property
    def status(self) -> str:
        return self.verdict.status if self.verdict else "error"

    def to_json(self) -> dict:
        out = {"id": self.claim.id, "source": self.claim.source,
               "statement": self.claim.statement, "status": self.status,
               "seconds": round(self.seconds, 3), "file": self.file}
        if self.verdict:
            out["evidence"] = self.verdict.evidence
            out["details"] = self.verdict.details
        if self.error:
            out["error"] = self.error
        return out


# ------------------------------------------------------------ check builders
def _expression(x, variables=()) -> sympy.Expr:
    if isinstance(x, str):
        from ..symbolic.references import parse_expression
        return parse_expression(x, variables=variables)
    if isinstance(x, float):
        raise MalformedNumberError(f"pass {x!r} as text or a Rational, not a float")
    return sympy.sympify(x)


def _stated_decimal(stated: str):
    """Exact value and the unit in the last place of a decimal as written."""
    from fractions import Fraction

    text = stated.strip().lower()
    mantissa, _, exponent = text.partition("e")
    places = len(mantissa.partition(".")[2])
    ulp = Fraction(1, 10 ** places) * Fraction(10) ** int(exponent or 0)
    return Fraction(text), ulp


def value_check(expr, stated, *, values: Optional[Mapping] = None,
                max_prec: int = 1024) -> Callable[[], Verdict]:
    """Check "EXPR = STATED" for a number the paper prints.

    An integer ``stated`` (int, or text without a point) asks for the
    certified integer value of EXPR (a rank): verified when equal, refuted
    (with the right value) when the certified value differs. A decimal
    ``stated`` ("1.597", "4.52e-8") is taken as printed to its last digit:
    verified when it is the true value rounded to that digit, to nearest or
    truncated (the evidence says which), refuted otherwise.
    """
    from ..certified.ball import enclose
    from ..certified.decide import _run_values
    from ..certified.expression import Env, compile_expression

    def check() -> Verdict:
        e = _expression(expr)
        compiled = compile_expression(e)
        run, rationals = _run_values(_by_name(e, values))
        integer = isinstance(stated, int) or (isinstance(stated, str) and "." not in stated
                                               and "e" not in stated.lower())
        ball = enclose(lambda prec: compiled(Env(run, prec, rationals)), accuracy=60,
                       max_prec=max_prec)
        details = {"value": ball.to_json(), "stated": str(stated)}
        if integer:
            want = int(stated)
            if ball.integer is not None:
                if ball.integer == want:
                    return Verdict(VERIFIED, f"certified value {ball.integer} = {want}", details)
                return Verdict(REFUTED, f"certified value is {ball.integer}, not {want}", details)
            if not ball.contains(want):
                return Verdict(REFUTED, f"value in [{ball.lower}, {ball.upper}] is not {want}",
                               details)
            return Verdict(UNDECIDED, f"value in [{ball.lower}, {ball.upper}] not certified "
                                      f"as an integer", details)
        return _decimal_verdict(ball, str(stated), details)

    return check


def _decimal_verdict(ball, stated: str, details: dict) -> Verdict:
    from fractions import Fraction

    value, ulp = _stated_decimal(stated)
    lo, hi = Fraction(ball.lower), Fraction(ball.upper)
    # rounded to nearest: |true - stated| <= ulp/2; truncated: true in [stated, stated + ulp)
    near_in = value - ulp / 2 <= lo and hi <= value + ulp / 2
    near_out = hi < value - ulp / 2 or lo > value + ulp / 2
    trunc_in = value <= lo and hi < value + ulp if value >= 0 else value - ulp < lo and hi <= value
    trunc_out = (hi < value or lo >= value + ulp) if value >= 0 else (lo > value or hi <= value - ulp)
    where = f"true value in [{ball.lower}, {ball.upper}]"
    if near_in:
        return Verdict(VERIFIED, f"{stated} is the true value rounded to nearest; {where}", details)
    if trunc_in:
        return Verdict(VERIFIED, f"{stated} is the true value truncated; {where}", details)
    if near_out and trunc_out:
        return Verdict(REFUTED, f"{stated} is neither the rounded nor the truncated value; "
                                f"{where}", details)
    return Verdict(UNDECIDED, f"cannot tell whether {stated} is correctly rounded; {where}",
                   details)


def _by_name(expr, values: Optional[Mapping]) -> dict:
    """``values`` keyed by the expression's own symbols (matching names, so
    that symbols with assumptions such as integer=True are found)."""
    if not values:
        return {}
    symbols = {s.name: s for s in expr.free_symbols}
    out = {}
    for name, value in values.items():
        key = name.name if isinstance(name, sympy.Symbol) else str(name)
        out[symbols.get(key, sympy.Symbol(key))] = value
    return out


def inequality_check(relation, ranges: Mapping, *, values: Optional[Mapping] = None,
                     **prove_options) -> Callable[[], Verdict]:
    """Check "RELATION holds for all variables in RANGES" with the certified
    prover (``certbounds.certified.prove.prove``): verified, refuted with a
    certified counterexample, or undecided with the reason. ``ranges`` maps
    names to ``Range`` objects or their text ("[1, inf)", "(1.597, inf)")."""
    from ..certified.prove import prove

    def check() -> Verdict:
        result = prove(relation, ranges, values=values, **prove_options)
        return Verdict(result.status, result.summary(), result.to_json())

    return check


def implication_check(stronger, weaker, ranges: Mapping, *, via: str = "sides",
                      values: Optional[Mapping] = None,
                      **prove_options) -> Callable[[], Verdict]:
    """Check "WEAKER would follow from STRONGER" (both relations ``L > R``,
    ``L >= R``, ``L < R`` or ``L <= R`` in the same direction) for every
    point of RANGES, by proving one of the sufficient pointwise facts:

    - ``via="sides"``: the weaker relation's sides are each at least as far
      apart in the right direction (for ``>``: L_w >= L_s and R_w <= R_s);
    - ``via="difference"``: L_w - R_w >= L_s - R_s (for ``>``);
    - ``via="ratio"``: L_w / R_w >= L_s / R_s with R_s, R_w > 0 (for ``>``).

    Verified when every needed fact is proved; refuted when one is refuted
    (the implication *step* of the paper is then not justified that way,
    although the weaker relation may still hold); undecided otherwise.
    """
    from ..certified.prove import prove

    if via not in ("sides", "difference", "ratio"):
        raise DomainError(f"unknown route {via!r}: use sides, difference or ratio")

    def check() -> Verdict:
        s, w = _relation(stronger), _relation(weaker)
        up_s, up_w = _greater_side(s), _greater_side(w)
        (gs, ls), (gw, lw) = up_s, up_w
        ge = lambda a, b: sympy.Ge(a, b, evaluate=False)  # noqa: E731  (x >= x stays a fact)
        if via == "sides":
            facts = [ge(gw, gs), ge(ls, lw)]
        elif via == "difference":
            facts = [ge(gw - lw, gs - ls)]
        else:
            facts = [sympy.Gt(ls, 0, evaluate=False), sympy.Gt(lw, 0, evaluate=False),
                     ge(gw * ls, gs * lw)]
        results = [prove(f, ranges, values=values, **prove_options) for f in facts]
        details = {"via": via, "facts": [r.to_json() for r in results]}
        texts = "; ".join(f"{_short(f)}: {r.summary()}" for f, r in zip(facts, results))
        return Verdict(_combine([r.status for r in results]), texts, details)

    return check


def _short(rel) -> str:
    text = str(rel)
    return text if len(text) <= 60 else text[:57] + "..."


def _relation(x):
    from ..symbolic.references import parse_relation
    rel = sympy.sympify(x) if not isinstance(x, str) else parse_relation(x)
    if not isinstance(rel, (sympy.StrictGreaterThan, sympy.GreaterThan,
                            sympy.StrictLessThan, sympy.LessThan)):
        raise DomainError(f"expected an inequality, got {x}")
    return rel


def _greater_side(rel) -> tuple:
    """(the side claimed larger, the side claimed smaller)."""
    if isinstance(rel, (sympy.StrictGreaterThan, sympy.GreaterThan)):
        return rel.lhs, rel.rhs
    return rel.rhs, rel.lhs


def _combine(statuses: Sequence[str]) -> str:
    if any(s == REFUTED for s in statuses):
        return REFUTED
    if all(s == VERIFIED for s in statuses):
        return VERIFIED
    return UNDECIDED


def crossover_check(left, right, var: str, stated, *, start=1, stop=None,
                    bindings: Optional[Mapping] = None, values: Optional[Mapping] = None,
                    **options) -> Callable[[], Verdict]:
    """Check "the first integer VAR in [start, stop] with LEFT < RIGHT is
    STATED" with a certified crossover (``analysis.crossover``): verified
    when the certified first crossing equals STATED, refuted (with the right
    crossing and both sides enclosed there) when it differs, undecided when
    the crossing or its being the first cannot be certified."""
    from .crossover import crossover

    def check() -> Verdict:
        c = crossover(left, right, var, start=start, stop=stop, bindings=bindings,
                      values=values, **options)
        details = c.to_json()
        if not c.found:
            if c.no_crossing_proved:
                return Verdict(REFUTED, f"proved: no crossing at all in the range; "
                                        f"{c.summary()}", details)
            return Verdict(UNDECIDED, f"no certified crossing in the range; {c.summary()}",
                           details)
        if not c.first_certified:
            return Verdict(UNDECIDED, f"a crossing at {c.x} but not certified first; "
                                      f"{c.summary()}", details)
        if c.x == int(stated):
            return Verdict(VERIFIED, f"first crossing at {var} = {c.x}; {c.summary()}", details)
        return Verdict(REFUTED, f"first crossing at {var} = {c.x}, not {stated}; {c.summary()}",
                       details)

    return check


def identity_check(lhs, rhs, what: str) -> Callable[[], Verdict]:
    """Check "LHS = RHS identically" as an exact symbolic identity: verified
    when sympy reduces LHS - RHS (logarithms expanded) to 0 under the
    symbols' assumptions, undecided otherwise (never refuted: a failed
    simplification proves nothing)."""
    def check() -> Verdict:
        difference = sympy.simplify(sympy.expand_log(sympy.sympify(lhs) - sympy.sympify(rhs),
                                                     force=True))
        details = {"lhs": str(lhs), "rhs": str(rhs), "difference": str(difference)}
        if difference == 0:
            return Verdict(VERIFIED, f"{what}: exact symbolic identity", details)
        return Verdict(UNDECIDED, f"{what}: sympy does not reduce the difference to 0 "
                                  f"({difference})", details)
    return check


def comparison_check(lhs, rhs, relation: str, what: str, *,
                     values: Optional[Mapping] = None) -> Callable[[], Verdict]:
    """Check "LHS RELATION RHS" at exact values with a certified
    ``decide.compare`` ("==" is proved by sympy when the balls cannot
    separate the sides)."""
    from ..certified.decide import compare

    def check() -> Verdict:
        d = compare(lhs, rhs, relation, values=values)
        status = {"true": VERIFIED, "false": REFUTED}.get(d.status, UNDECIDED)
        text = (f"{what}: {d.status} (left in [{d.left.lower}, {d.left.upper}], "
                f"right in [{d.right.lower}, {d.right.upper}], {d.prec} bits)")
        return Verdict(status, text, d.to_json())
    return check


def all_of(*checks: Callable[[], Verdict], labels: Sequence[str] = ()) -> Callable[[], Verdict]:
    """A check that is verified when every check is, refuted when one is
    refuted, and undecided otherwise; the evidence lists each part."""
    labels = list(labels) or [f"part {i + 1}" for i in range(len(checks))]
    if len(labels) != len(checks):
        raise DomainError("all_of: one label per check")

    def check() -> Verdict:
        verdicts = [c() for c in checks]
        text = "; ".join(f"{label}: {v.status} ({v.evidence})" for label, v in zip(labels, verdicts))
        details = {label: v.to_json() for label, v in zip(labels, verdicts)}
        return Verdict(_combine([v.status for v in verdicts]), text, details)

    return check


def measured_check(measure: Callable[[], tuple], stated: tuple, band: tuple,
                   what: str) -> Callable[[], Verdict]:
    """A check of an experimental claim: ``measure()`` returns (value,
    details) of a measured statistic (floats from experiments, e.g. a median
    ratio of errors or a fitted slope). Verified when ``stated[0] <= value <=
    stated[1]``, refuted when the value lies outside ``band`` (a wider
    range, fixed before measuring: how far "about" may stretch), undecided
    in between. The evidence says the verdict is statistical.

    >>> ok = measured_check(lambda: (7.0, {}), (5, 10), (4, 12.5), "ratio")
    >>> ok().status, measured_check(lambda: (3.0, {}), (5, 10), (4, 12.5), "ratio")().status
    ('verified', 'refuted')
    """
    lo, hi = stated
    band_lo, band_hi = band
    if not band_lo <= lo <= hi <= band_hi:
        raise DomainError("measured_check: need band[0] <= stated[0] <= stated[1] <= band[1]")

    def check() -> Verdict:
        value, details = measure()
        if lo <= value <= hi:
            status, where = VERIFIED, "inside the stated range"
        elif band_lo <= value <= band_hi:
            status, where = UNDECIDED, "outside the stated range but inside the tolerance band"
        else:
            status, where = REFUTED, "outside the tolerance band"
        evidence = (f"statistical (measured in floating point, not certified): {what} = "
                    f"{value:.3g}, {where} (stated [{lo:g}, {hi:g}], tolerance band "
                    f"[{band_lo:g}, {band_hi:g}])")
        return Verdict(status, evidence, {"value": value, "stated": [lo, hi],
                                          "band": [band_lo, band_hi], **details})

    return check


# ------------------------------------------------------------ running, loading
def run_claims(claims: Iterable[Claim], *, progress: Optional[Callable] = None,
               file: str = "") -> list:
    """Run each claim; ``progress(claim, result)`` is called after each.
    A broken check is recorded as a ClaimResult with ``error`` set (the run
    goes on)."""
    results = []
    for claim in claims:
        t0 = time.perf_counter()
        try:
            verdict, error = claim.run(), ""
        except ClaimFileError as exc:
            verdict, error = None, str(exc)
        result = ClaimResult(claim, verdict, time.perf_counter() - t0, error, file)
        results.append(result)
        if progress:
            progress(claim, result)
    return results


def bundled_claim_files() -> list:
    """The claim files shipped with certbounds (the repository's
    ``proofs/``, installed as the package ``certbounds.proofs``)."""
    from importlib import resources

    try:
        root = Path(str(resources.files("certbounds.proofs")))
    except ModuleNotFoundError:
        # certbounds imported from a source tree (not installed): proofs/
        # sits beside the package directory
        root = Path(__file__).resolve().parents[2] / "proofs"
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir()
                  if p.name.endswith(".py") and not p.name.startswith("_"))


def load_claims(path) -> list:
    """Import a claim file (a Python module defining ``CLAIMS``, a list of
    Claim) and return its claims. A directory loads every ``*.py`` in it.

    Raises ClaimFileError when the file is missing, does not import, or
    does not define a list of Claim with unique ids.
    """
    path = Path(path)
    if path.is_dir():
        out = []
        for p in sorted(path.glob("*.py")):
            if not p.name.startswith("_"):
                out.extend(load_claims(p))
        return out
    if not path.is_file():
        raise ClaimFileError(f"no claim file {path}")
    name = f"certbounds_claims_{abs(hash(str(path.resolve())))}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ClaimFileError(f"{path}: not a Python file")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except ClaimFileError:
        raise
    except BaseException as exc:  # a broken file: any error, even SystemExit
        raise ClaimFileError(f"{path}: cannot load: {exc.__class__.__name__}: "
                             f"{' '.join(str(exc).split())}") from None
    finally:
        sys.modules.pop(name, None)
    claims = getattr(module, "CLAIMS", None)
    if not isinstance(claims, (list, tuple)) or not claims:
        raise ClaimFileError(f"{path}: defines no CLAIMS (a non-empty list of Claim)")
    bad = [c for c in claims if not isinstance(c, Claim)]
    if bad:
        raise ClaimFileError(f"{path}: CLAIMS holds {type(bad[0]).__name__}, not Claim")
    ids = [c.id for c in claims]
    dup = sorted({i for i in ids if ids.count(i) > 1})
    if dup:
        raise ClaimFileError(f"{path}: duplicate claim id(s) {', '.join(dup)}")
    return list(claims)
