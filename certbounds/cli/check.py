"""The ``check`` verb: run claim files and print a verdict table
(DESIGN.md, "Public interface").

    certbounds check [PATH ...] [--only TEXT] [--paper KEY] [--list]
                     [--json | --markdown] [--quiet]

Each PATH is a claim file (a Python module defining ``CLAIMS``) or a
directory of them; without PATH the bundled ``proofs/`` of both papers
run. A progress line per claim goes to stderr; the table (id, source,
verdict, one-line evidence) to stdout, or one JSON document (``--json``),
or a Markdown report (``--markdown``). The exit status is 0 when every
check ran, whatever the verdicts, and 2 when a claim file or a check is
broken (one line on stderr names it).
"""

from __future__ import annotations

import json
import shutil
import sys
import time

from ..analysis.claims import ClaimFileError, bundled_claim_files, load_claims, run_claims
from ..errors import CertboundsError

__all__ = ["add_parser", "run"]

_STATUS_WIDTH = 10


def add_parser(sub) -> None:
    p = sub.add_parser("check", help="run claim files (default: the bundled proofs/) and "
                                     "print verdicts")
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="claim files or directories (default: the bundled proofs/)")
    p.add_argument("--only", metavar="TEXT",
                   help="run only the claims whose id contains TEXT")
    p.add_argument("--paper", metavar="KEY",
                   help="run only the claims of this paper (ids KEY:...)")
    p.add_argument("--list", action="store_true", help="list the claims without running them")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print one JSON document")
    out.add_argument("--markdown", action="store_true", help="print a Markdown report")
    p.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    p.set_defaults(func=run)


def _collect(paths, only, paper=None):
    """[(file, claims)] for the given paths (or the bundled files)."""
    files = paths or [str(p) for p in bundled_claim_files()]
    if not files:
        raise ClaimFileError("no bundled claim files found")
    out = []
    seen = set()
    for path in files:
        claims = load_claims(path)
        if only:
            claims = [c for c in claims if only in c.id]
        if paper:
            claims = [c for c in claims if c.id.startswith(f"{paper.lower()}:")]
        for c in claims:
            if c.id in seen:
                raise ClaimFileError(f"claim id {c.id} appears in more than one file")
            seen.add(c.id)
        out.append((str(path), claims))
    if (only or paper) and not any(claims for _, claims in out):
        raise ClaimFileError("no claim matches " + " and ".join(
            t for t in (only and f"--only {only!r}", paper and f"--paper {paper!r}") if t))
    return out


def run(args) -> int:
    groups = _collect(args.paths, args.only, args.paper)
    total = sum(len(claims) for _, claims in groups)
    if args.list:
        return _print_list(groups, args)
    done = [0]
    t0 = time.perf_counter()

    def progress(claim, result):
        done[0] += 1
        if not args.quiet:
            sys.stderr.write(f"[{done[0]}/{total}] {claim.id}: {result.status} "
                             f"({result.seconds:.1f} s)\n")
            sys.stderr.flush()

    results = []
    for path, claims in groups:
        results.extend(run_claims(claims, progress=progress, file=path))
    seconds = time.perf_counter() - t0
    if args.json:
        _print_json(results, seconds)
    elif args.markdown:
        _print_markdown(results, seconds)
    else:
        _print_table(results, seconds)
    broken = [r for r in results if r.error]
    if broken:
        first = broken[0]
        more = f" (and {len(broken) - 1} more)" if len(broken) > 1 else ""
        raise CertboundsError(f"{first.file}: {first.error}{more}")
    return 0


def _counts(results) -> dict:
    out = {"verified": 0, "refuted": 0, "undecided": 0, "error": 0}
    for r in results:
        out[r.status] += 1
    return out


def _print_json(results, seconds) -> None:
    doc = {"claims": [r.to_json() for r in results], "counts": _counts(results),
           "seconds": round(seconds, 3)}
    json.dump(doc, sys.stdout, indent=2)
    sys.stdout.write("\n")


def _print_table(results, seconds) -> None:
    width = shutil.get_terminal_size((160, 24)).columns
    id_w = max([len(r.claim.id) for r in results] + [5])
    src_w = min(max([len(r.claim.source) for r in results] + [6]), 28)
    head = f"{'claim':<{id_w}}  {'source':<{src_w}}  {'verdict':<{_STATUS_WIDTH}}  evidence"
    print(head)
    print("-" * min(width, max(len(head), 40)))
    room = max(width - id_w - src_w - _STATUS_WIDTH - 6, 30)
    for r in results:
        evidence = r.verdict.evidence if r.verdict else r.error
        if len(evidence) > room:
            evidence = evidence[:room - 3] + "..."
        source = r.claim.source if len(r.claim.source) <= src_w else r.claim.source[:src_w - 1] + "~"
        print(f"{r.claim.id:<{id_w}}  {source:<{src_w}}  {r.status:<{_STATUS_WIDTH}}  {evidence}")
    c = _counts(results)
    print(f"{len(results)} claims: {c['verified']} verified, {c['refuted']} refuted, "
          f"{c['undecided']} undecided" + (f", {c['error']} broken" if c["error"] else "")
          + f" ({seconds:.1f} s; --json for the full evidence)")


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _print_markdown(results, seconds) -> None:
    c = _counts(results)
    print("# certbounds check\n")
    print(f"{len(results)} claims: {c['verified']} verified, {c['refuted']} refuted, "
          f"{c['undecided']} undecided" + (f", {c['error']} broken" if c["error"] else "")
          + f"; {seconds:.1f} s.\n")
    print("| claim | source | verdict | evidence |")
    print("|---|---|---|---|")
    for r in results:
        evidence = r.verdict.evidence if r.verdict else r.error
        print(f"| `{r.claim.id}` | {_md(r.claim.source)} | **{r.status}** | {_md(evidence)} |")
    print()
    for r in results:
        print(f"## `{r.claim.id}` — {r.status}\n")
        print(f"*{_md(r.claim.source)}.* {r.claim.statement}\n")
        if r.claim.comment:
            print(f"How it is checked: {r.claim.comment}\n")
        print(f"Evidence: {r.verdict.evidence if r.verdict else r.error}\n")


def _print_list(groups, args) -> int:
    if args.json:
        doc = [{"id": c.id, "source": c.source, "statement": c.statement, "file": path}
               for path, claims in groups for c in claims]
        json.dump({"claims": doc}, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    for path, claims in groups:
        for c in claims:
            print(f"{c.id:<44} {c.source:<28} {c.statement}")
    return 0
