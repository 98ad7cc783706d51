"""The ``approximate`` verb: a max-norm low-rank approximation of a user's
matrix or tensor, or of generated data, with the certified bound beside it.

    certbounds approximate SOURCE --rank r [--method ap|svd] [--start svd|random]
                           [--seed S] [--save FILE.npz] [--json]
    certbounds approximate --function f1 --n 500 --m 10 --rank r
                           [--sampling independent|symmetric] [--domain ball|sphere] ...

SOURCE is a ``.npy`` file (a matrix, or a tensor of order >= 3 approximated
in the tensor-train format with TT ranks (r, ..., r) or ``--rank r1,r2``)
or a ``.csv`` file of a matrix (comma-separated numbers). ``--method ap``
(default) runs alternating projections with a binary search on eps
(budzinskiy2025 §7.1); ``--method svd`` the truncated SVD (TT-SVD for
tensors). For generated data (``--function``, budzinskiy2025 §7.2) the
certified error bound of the theorem that covers the function is printed
beside the measured error, at the same rank (``analysis.error_at_rank``).
The measured error is a floating-point number, not certified.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DomainError, MalformedNumberError
from .common import interval_text

# numpy, scipy and the numeric layer are imported when the verb runs, so that
# the other verbs start without them.
if TYPE_CHECKING:
    import numpy as np

__all__ = ["add_parser", "run", "load_source", "parse_rank"]

#: Sizes a generated matrix or tensor may have (entries), to fail early.
MAX_ENTRIES = 10 ** 8


def load_source(path: str) -> np.ndarray:
    """A float array from ``.npy`` (any order >= 2) or ``.csv`` (a matrix).

    Raises DomainError for a missing file, another extension, data that is
    not a finite real array of order >= 2; MalformedNumberError for a CSV
    that does not parse."""
    import numpy as np

    p = Path(path)
    if not p.is_file():
        raise DomainError(f"no such file: {path}")
    suffix = p.suffix.lower()
    if suffix == ".npy":
        try:
            data = np.load(p, allow_pickle=False)
        except (ValueError, OSError) as exc:
            raise DomainError(f"{path}: not a readable .npy array ({exc})") from None
    elif suffix == ".csv":
        try:
            data = np.loadtxt(p, delimiter=",", ndmin=2)
        except ValueError as exc:
            raise MalformedNumberError(f"{path}: not a CSV of numbers ({exc})") from None
    else:
        raise DomainError(f"{path}: expected a .npy or .csv file")
    if data.dtype.kind not in "biuf":
        raise DomainError(f"{path}: expected real numbers, got dtype {data.dtype}")
    data = np.asarray(data, dtype=float)
    if data.ndim < 2:
        raise DomainError(f"{path}: expected a matrix or tensor, got {data.ndim} dimension(s)")
    if not np.all(np.isfinite(data)):
        raise DomainError(f"{path}: the data contain NaN or infinite entries")
    return data


def parse_rank(text: str):
    """``"10"`` -> 10, ``"4,6"`` -> (4, 6) (TT ranks). Raises
    MalformedNumberError / DomainError."""
    parts = [p.strip() for p in str(text).split(",")]
    try:
        values = [int(p) for p in parts]
    except ValueError:
        raise MalformedNumberError(f"--rank {text!r}: expected an integer or a comma list") \
            from None
    if any(v < 1 for v in values):
        raise DomainError(f"--rank must be >= 1, got {text!r}")
    return values[0] if len(values) == 1 else tuple(values)


def add_parser(sub) -> None:
    """Register ``approximate`` on the command line's subparsers."""
    p = sub.add_parser("approximate", help="max-norm low-rank approximation of a matrix or "
                                           "tensor, or of generated data",
                       description="Approximate a matrix (.npy, .csv), a tensor (.npy) or "
                                   "generated data at a given rank in the maximum norm "
                                   "(budzinskiy2025 Sec. 7), with the certified bound beside "
                                   "it for generated data.")
    p.add_argument("source", nargs="?", help="a .npy or .csv file (omit with --function)")
    p.add_argument("--rank", required=True, help="the rank r (TT ranks: r or r1,r2,...)")
    p.add_argument("--method", choices=("ap", "svd"), default="ap",
                   help="alternating projections (default) or truncated SVD / TT-SVD")
    p.add_argument("--start", choices=("svd", "random"), default=None,
                   help="AP start: truncated SVD (the default) or random Gaussian factors "
                        "(the reference code's)")
    p.add_argument("--norm", choices=("max",), default="max",
                   help="the norm of the error (only the maximum norm)")
    p.add_argument("--seed", type=int, default=0, help="seed of the data and the start "
                                                       "(default 0)")
    g = p.add_argument_group("generated data (budzinskiy2025 Sec. 7.2)")
    g.add_argument("--function", help="generating function: f1, f2, f3, gaussian, cauchy, "
                                      "exp-inner, inner (numeric.function_data.FUNCTIONS)")
    g.add_argument("--n", type=int, help="size n (n x n matrix, n x n x n tensor)")
    g.add_argument("--m", type=int, help="dimension m of the points")
    g.add_argument("--sampling", choices=("independent", "symmetric"), default="independent")
    g.add_argument("--domain", choices=("ball", "sphere"), default="ball")
    p.add_argument("--save", metavar="FILE.npz", help="save the approximant's factors (or TT "
                                                      "cores)")
    p.add_argument("--json", action="store_true", help="print one JSON document")
    p.set_defaults(func=run)


def _data(args):
    from ..numeric.function_data import FUNCTIONS, generate

    if args.function is None:
        if args.source is None:
            raise DomainError("give a SOURCE file or generated data (--function, --n, --m)")
        if args.n is not None or args.m is not None:
            raise DomainError("--n and --m describe generated data; they need --function")
        return load_source(args.source), None
    if args.source is not None:
        raise DomainError("give either a SOURCE file or --function, not both")
    if args.n is None or args.m is None:
        raise DomainError("generated data need --n and --m")
    if args.n < 1 or args.m < 1:
        raise DomainError(f"--n and --m must be >= 1, got n={args.n}, m={args.m}")
    order = FUNCTIONS[args.function].order if args.function in FUNCTIONS else 2
    if args.n ** order > MAX_ENTRIES:
        raise DomainError(f"--n {args.n} gives {args.n ** order} entries; at most "
                          f"{MAX_ENTRIES}")
    data = generate(args.function, args.n, args.m, sampling=args.sampling,
                    domain=args.domain, seed=args.seed)
    return data.F, data


def _save(result, path) -> str:
    import numpy as np

    if result.factors is not None:
        np.savez(path, U=result.factors[0], V=result.factors[1])
    else:
        np.savez(path, **{f"core{k}": c for k, c in enumerate(result.cores)})
    return str(path)


def run(args) -> int:
    """Approximate and print; bad input raises a CertboundsError (exit 2)."""
    import numpy as np

    from ..analysis.error_at_rank import generated_data_bound
    from ..numeric.alternating_projections import max_norm_approximation

    rank = parse_rank(args.rank)
    F, data = _data(args)
    if isinstance(rank, tuple) and F.ndim == 2:
        raise DomainError("a matrix takes one rank, not a list")
    options = {} if args.start is None else {"start": args.start}
    if args.method == "svd" and args.start is not None:
        raise DomainError("--start applies to --method ap only")
    result = max_norm_approximation(F, rank, method=args.method, seed=args.seed, **options)
    baseline = (max_norm_approximation(F, rank, method="svd") if args.method == "ap" else None)
    bound, note = (None, None)
    if data is not None and F.ndim == 2:
        bound, note = generated_data_bound(data.function.name, F.shape,
                                           int(np.max(np.atleast_1d(rank))))
    elif data is not None:
        bound, note = generated_data_bound(data.function.name, F.shape[:2], 1)
    saved = _save(result, args.save) if args.save else None
    doc = {"data": data.provenance() if data is not None else {"source": args.source,
                                                                 "shape": list(F.shape)},
           "result": result.to_json(),
           "baseline": baseline.to_json() if baseline is not None else None,
           "bound": bound.to_json() if bound is not None else None,
           "bound_note": note, "saved": saved}
    if args.json:
        json.dump(doc, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    _print_human(doc, result, baseline, bound, note)
    return 0


def _print_human(doc, result, baseline, bound, note) -> None:
    d = doc["data"]
    if "function" in d:
        print(f"data: {d['function']} = {d['formula']}, shape {tuple(d['shape'])}, m = {d['m']}, "
              f"{d['sampling']} sampling in the {d['domain']}, seed {d['seed']}")
    else:
        print(f"data: {d['source']}, shape {tuple(d['shape'])}")
    print(f"{result!r}")
    print(f"max-norm error: {result.error:.6g} (relative {result.relative_error:.6g}; "
          f"||F||_max = {result.norm:.6g}; floating point, not certified)")
    if result.bracket is not None:
        lo, hi = result.bracket
        print(f"search bracket: [{lo:.6g}, {hi:.6g}] (the lower end is heuristic, not a "
              f"lower bound on the optimal error)")
    if baseline is not None:
        print(f"truncated SVD error: {baseline.error:.6g} (relative {baseline.relative_error:.6g}"
              f"; AP is {baseline.error / result.error:.3g}x smaller)" if result.error > 0 else
              f"truncated SVD error: {baseline.error:.6g}")
    timings = ", ".join(f"{k} {v:.3g} s" for k, v in result.timings.items())
    print(f"time: {timings}")
    if bound is not None:
        e = bound.error.to_json()
        print(f"certified bound: error <= {interval_text(e['lower'], e['upper'], 8)}, "
              f"{note}; eps = {float(bound.eps):.6g}" +
              (f", t = {bound.values['t']}" if "t" in bound.values else "") +
              f", certified rank bound {bound.rank}")
    elif note is not None:
        print(f"certified bound: none ({note})")
    if doc["saved"]:
        print(f"saved: {doc['saved']}")
