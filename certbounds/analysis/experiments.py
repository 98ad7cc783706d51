"""Parameter sweeps that survive being killed, and their medians.

The numerical experiments of budzinskiy2025 (Section 7: "we repeat every
experiment 5 times and report the median") are *sweeps*: a grid of
parameter values, the cartesian product of named value lists such as

    {"function": ["f1"], "sampling": ["independent", "symmetric"],
     "n": [200], "m": [1, 2, 4], "r": [10]},

each combination run ``repetitions`` times with different seeds. A *task*
is a plain module-level function ``task(params: dict, seed: int) -> dict``
that returns JSON-ready results (numbers, strings, lists; numpy scalars and
arrays are converted). It runs in-process, one run after another.

Seeds. The seed of repetition k of the combination ``params`` is

    derive_seed(base_seed, params, k)
      = SeedSequence(base_seed, spawn_key=(h, k)).generate_state(1, uint64)[0] >> 1,

where h = int.from_bytes(sha256(canonical_json(params)), "big") and
canonical_json is the JSON text with sorted keys and no spaces (numpy's
``SeedSequence``). A seed is a non-negative 63-bit integer that depends on
nothing but (base_seed, params, k): not on the sweep's name, the order of
the grid or the values beside it, so every record can be rerun on its own,
two sweeps share seeds where their combinations meet, and a resumed run
uses the seeds the first run would have used. Note that 1 and 1.0 are
different parameter values (their JSON differs).

Results file (JSON lines, UTF-8). Line 1 is the header::

    {"kind": "header", "format": "certbounds.sweep/1",
     "sweep": {"name", "task", "grid": {name: [values], ...} (in grid order),
               "repetitions", "base_seed"},
     "seeds": <the rule above, as text>, "started": ISO 8601 UTC time,
     "hostname", "versions": {"certbounds", "numpy", "scipy", "python"}}

then one line per finished run, appended, flushed and fsync'ed as the run
finishes::

    {"kind": "record", "sweep": name, "task": "module:function",
     "params": {...}, "repetition": k, "seed": s, "result": {...},
     "wall_time": seconds, "cpu_time": seconds (the process, all threads),
     "timestamp": ISO 8601 UTC time at the end of the run, "hostname",
     "versions": {...}}

Resuming. ``run_sweep`` reads the file first and runs only the (params,
repetition) pairs that have no record yet, so a run killed at any point
(SIGKILL included) and started again loses and repeats nothing. A torn last
line (no final newline: the kill came in the middle of a write) is cut
away before appending. A file whose header describes another sweep
(another name, task, repetitions, base seed or set of combinations) is
refused unless ``resume=False``, which starts the file over. The file is
locked (``flock``) while a run writes to it.

>>> import os, tempfile
>>> def mean_of_normals(params, seed):
...     x = np.random.default_rng(seed).standard_normal(params["n"])
...     return {"mean": float(x.mean())}
>>> sweep = Sweep("demo", {"n": [10, 10000]}, task=mean_of_normals, repetitions=3)
>>> with tempfile.TemporaryDirectory() as tmp:
...     path = os.path.join(tmp, "demo.jsonl")
...     result = run_sweep(sweep, path, progress=False)
...     again = run_sweep(sweep, path, progress=False)   # resumes: nothing to run
>>> [(r["params"]["n"], r["repetition"]) for r in result.records]
[(10, 0), (10, 1), (10, 2), (10000, 0), (10000, 1), (10000, 2)]
>>> result.records[0]["seed"], derive_seed(0, {"n": 10}, 0)
(4940544492411322132, 4940544492411322132)
>>> again.records == result.records
True
>>> medians = result.median("mean")      # over the 3 repetitions
>>> list(medians), abs(medians[(10000,)]) < 0.03
([(10,), (10000,)], True)
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import importlib
import itertools
import json
import math
import numbers
import os
import platform
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Mapping, Optional, Sequence, TextIO, Union

import numpy as np
import scipy

from .. import __version__
from ..errors import DomainError

try:  # POSIX; elsewhere runs are not protected against a second writer
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None

__all__ = ["Sweep", "SweepResult", "run_sweep", "load_records", "derive_seed",
           "canonical_json", "FORMAT"]

#: The ``format`` field of the header line.
FORMAT = "certbounds.sweep/1"
SEED_RULE = ("SeedSequence(base_seed, spawn_key=(int.from_bytes(sha256(canonical_json(params))"
             ", 'big'), repetition)).generate_state(1, uint64)[0] >> 1; canonical_json = "
             "json.dumps(params, sort_keys=True, separators=(',', ':'))")
_HEADER_PREFIX = b'{"kind": "header"'
_TASK_REFERENCE = re.compile(r"^[A-Za-z_][\w.]*:[A-Za-z_][\w.]*$")


# --------------------------------------------------------------------------
# seeds and JSON


def canonical_json(params: Mapping) -> str:
    """The canonical JSON text of a parameter dict: sorted keys, no spaces,
    ASCII only, no NaN. Two dicts with the same items give the same text.

    >>> canonical_json({"n": 200, "m": 4, "function": "f1"})
    '{"function":"f1","m":4,"n":200}'
    """
    try:
        return json.dumps(params, sort_keys=True, separators=(",", ":"), ensure_ascii=True,
                          allow_nan=False, default=_jsonable)
    except (TypeError, ValueError) as error:
        raise DomainError(f"parameters are not JSON-ready: {error}") from None


def derive_seed(base_seed: int, params: Mapping, repetition: int) -> int:
    """The seed of repetition ``repetition`` of the combination ``params``:
    SeedSequence(base_seed, spawn_key=(h, repetition)).generate_state(1,
    uint64)[0] >> 1 with h the SHA-256 of ``canonical_json(params)`` read as
    a big-endian integer. A non-negative 63-bit integer.

    Raises DomainError for a negative base seed or repetition.

    >>> derive_seed(0, {"n": 10}, 0) == derive_seed(0, {"n": 10}, 1)
    False
    >>> derive_seed(0, {"a": 1, "b": 2}, 0) == derive_seed(0, {"b": 2, "a": 1}, 0)
    True
    """
    for name, value in (("base_seed", base_seed), ("repetition", repetition)):
        if not _is_int(value) or value < 0:
            raise DomainError(f"{name} must be a non-negative integer (got {value!r})")
    digest = hashlib.sha256(canonical_json(params).encode("ascii")).digest()
    sequence = np.random.SeedSequence(int(base_seed), spawn_key=(int.from_bytes(digest, "big"),
                                                                 int(repetition)))
    return int(sequence.generate_state(1, np.uint64)[0] >> np.uint64(1))


def _jsonable(value):
    """json's fallback: numpy scalars and arrays become Python numbers and lists."""
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return value.tolist()
    raise TypeError(f"{type(value).__name__} {value!r} is not JSON-ready")


def _is_int(value) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, (bool, np.bool_))


def _key(params: Mapping, repetition: int) -> tuple:
    return canonical_json(params), repetition


# --------------------------------------------------------------------------
# the sweep


@dataclass(frozen=True)
class Sweep:
    """A grid of parameter combinations, each run ``repetitions`` times.

    ``name``         a label, recorded in every record;
    ``grid``         name -> list of values (a dict, or a sequence of pairs),
                     in order: combinations are enumerated as by
                     ``itertools.product``, the last name varying fastest;
                     stored as a tuple of (name, tuple of values) pairs;
    ``task``         a module-level function ``task(params, seed) -> dict``,
                     or its reference ``"module:function"`` (imported now);
    ``repetitions``  runs per combination (default 5, as in budzinskiy2025 §7);
    ``base_seed``    a non-negative integer (default 0), see ``derive_seed``.

    Raises DomainError for an empty value list, a value that is not a list
    (or tuple, range, 1-d array), a repeated value, a value that is not
    JSON-ready, repetitions < 1, a negative base seed, or a task that cannot
    be imported or has no module-level name.

    >>> def task(params, seed):
    ...     return {"sum": params["m"] + params["r"]}
    >>> s = Sweep("demo", {"m": [1, 2], "r": range(3)}, task=task, repetitions=2)
    >>> len(s.combinations()), len(s.runs()), s.combinations()[1]
    (6, 12, {'m': 1, 'r': 1})
    >>> s.runs()[1][:2]                     # (params, repetition, seed)
    ({'m': 1, 'r': 0}, 1)
    """

    name: str
    grid: Union[Mapping, Sequence]
    task: Union[str, Callable]
    repetitions: int = 5
    base_seed: int = 0
    _function: Callable = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        if not isinstance(self.name, str) or not self.name:
            raise DomainError(f"a sweep needs a non-empty name (got {self.name!r})")
        object.__setattr__(self, "grid", _normalise_grid(self.grid))
        if not _is_int(self.repetitions) or self.repetitions < 1:
            raise DomainError(f"repetitions must be an integer >= 1 (got {self.repetitions!r})")
        if not _is_int(self.base_seed) or self.base_seed < 0:
            raise DomainError(f"base_seed must be a non-negative integer (got {self.base_seed!r})")
        object.__setattr__(self, "repetitions", int(self.repetitions))
        object.__setattr__(self, "base_seed", int(self.base_seed))
        object.__setattr__(self, "_function", _resolve_task(self.task))

    @property
    def parameters(self) -> tuple:
        """The parameter names, in grid order."""
        return tuple(name for name, _ in self.grid)

    @property
    def task_name(self) -> str:
        """The task's reference, ``"module:function"``."""
        return _task_name(self.task)

    def combinations(self) -> list:
        """The parameter dicts of the grid, in canonical order."""
        return _combinations(self.grid)

    def runs(self) -> list:
        """(params, repetition, seed) of every run, in canonical order:
        combination by combination, repetitions 0, 1, ... within each."""
        return [(params, k, derive_seed(self.base_seed, params, k))
                for params in self.combinations() for k in range(self.repetitions)]

    def definition(self) -> dict:
        """The sweep as the header of its results file records it."""
        return {"name": self.name, "task": self.task_name,
                "grid": {name: list(values) for name, values in self.grid},
                "repetitions": self.repetitions, "base_seed": self.base_seed}


def _normalise_grid(grid) -> tuple:
    items = grid.items() if isinstance(grid, Mapping) else grid
    try:
        items = [(name, values) for name, values in items]
    except (TypeError, ValueError):
        raise DomainError("the grid must map parameter names to lists of values") from None
    pairs = []
    for name, values in items:
        if not isinstance(name, str) or not name:
            raise DomainError(f"parameter names must be non-empty strings (got {name!r})")
        if isinstance(values, np.ndarray) and values.ndim == 1:
            values = values.tolist()
        if not isinstance(values, (list, tuple, range)):
            raise DomainError(f"grid values of {name!r} must be a list "
                              f"(got {type(values).__name__} {values!r})")
        if len(values) == 0:
            raise DomainError(f"grid values of {name!r} are empty")
        texts = [canonical_json(v) for v in values]
        if len(set(texts)) < len(texts):
            raise DomainError(f"grid values of {name!r} repeat a value: {list(values)!r}")
        pairs.append((name, tuple(json.loads(t) for t in texts)))
    names = [name for name, _ in pairs]
    if len(set(names)) < len(names):
        raise DomainError(f"a parameter is named twice in the grid: {names}")
    return tuple(pairs)


def _combinations(grid: Iterable) -> list:
    grid = list(grid)
    names = [name for name, _ in grid]
    return [dict(zip(names, values)) for values in itertools.product(*(v for _, v in grid))]


def _task_name(task) -> str:
    return task if isinstance(task, str) else f"{task.__module__}:{task.__qualname__}"


def _resolve_task(task) -> Callable:
    if isinstance(task, str):
        if not _TASK_REFERENCE.match(task):
            raise DomainError(f"a task reference is 'module:function' (got {task!r})")
        module_name, attributes = task.split(":")
        try:
            target = importlib.import_module(module_name)
        except ImportError as error:
            raise DomainError(f"cannot import the module of task {task!r}: {error}") from None
        for attribute in attributes.split("."):
            if not hasattr(target, attribute):
                raise DomainError(f"unknown task {task!r}: {module_name} has no {attributes}")
            target = getattr(target, attribute)
        task = target
    name = getattr(task, "__qualname__", None)
    if not callable(task) or not isinstance(name, str) or not getattr(task, "__module__", None):
        raise DomainError(f"a task is a function or 'module:function' (got {task!r})")
    if "<" in name:
        raise DomainError(f"a task must be a module-level function, so that records can "
                          f"name it (got {task.__module__}:{name})")
    return task


# --------------------------------------------------------------------------
# the results file


def _environment() -> dict:
    return {"hostname": platform.node(),
            "versions": {"certbounds": __version__, "numpy": np.__version__,
                         "scipy": scipy.__version__, "python": platform.python_version()}}


def _now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds")


def _split(data: bytes, path) -> tuple:
    """(header or None, records, length of the complete lines) of a file's
    bytes. Raises DomainError for a file that is not a sweep results file or
    has a corrupt complete line."""
    end = data.rfind(b"\n") + 1
    tail = data[end:]
    if end == 0:
        if tail and not (tail.startswith(_HEADER_PREFIX) or _HEADER_PREFIX.startswith(tail)):
            raise DomainError(f"{path} is not a sweep results file")
        return None, [], 0
    lines = data[:end].splitlines()
    header = _json_object(lines[0])
    if header is None or header.get("kind") != "header" or header.get("format") != FORMAT:
        raise DomainError(f"{path} is not a sweep results file (no {FORMAT} header)")
    records = []
    for number, line in enumerate(lines[1:], start=2):
        record = _json_object(line)
        if record is None:
            raise DomainError(f"{path}, line {number}: not a JSON record (a corrupt file?)")
        if record.get("kind") == "record":
            records.append(record)
    return header, records, end


def _json_object(line: bytes) -> Optional[dict]:
    try:
        obj = json.loads(line)
    except ValueError:
        return None
    return obj if isinstance(obj, dict) else None


def load_records(path) -> list:
    """The records of a results file, in file order, without the header and
    without a torn last line.

    Raises DomainError if the file is missing or not a sweep results file.
    """
    return _read(path)[1]


def _read(path) -> tuple:
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise DomainError(f"cannot read {path}: {error.strerror}") from None
    header, records, _ = _split(data, path)
    if header is None:
        raise DomainError(f"{path} has no complete header line")
    return header, records


def _sweep_differences(sweep: Sweep, recorded: Mapping) -> list:
    mine = sweep.definition()
    differences = [name for name in ("name", "task", "repetitions", "base_seed")
                   if recorded.get(name) != mine[name]]
    grid = recorded.get("grid")
    theirs = (_combinations(grid.items()) if isinstance(grid, dict) else [])
    if ({canonical_json(p) for p in theirs}
            != {canonical_json(p) for p in sweep.combinations()}):
        differences.append("grid")
    return differences


class _LockedFile:
    """The results file, opened for appending and locked against a second run."""

    def __init__(self, path: Path):
        self.path = path
        try:
            self.file = open(path, "a+b")
        except OSError as error:
            raise DomainError(f"cannot open {path}: {error.strerror}") from None
        if fcntl is not None:
            try:
                fcntl.flock(self.file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                self.file.close()
                raise DomainError(f"another run is writing to {path}") from None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.file.close()  # releases the lock

    def read(self) -> bytes:
        self.file.seek(0)
        return self.file.read()

    def truncate(self, length: int):
        self.file.truncate(length)
        self._sync()

    def append(self, line: str):
        self.file.write(line.encode("utf-8") + b"\n")
        self._sync()

    def _sync(self):
        self.file.flush()
        os.fsync(self.file.fileno())


def _open_results(results: _LockedFile, sweep: Sweep, resume: bool) -> tuple:
    """The header and records to continue from, after cutting a torn last
    line away (or everything, when not resuming); writes the header of a
    new file."""
    if resume:
        header, records, complete = _split(results.read(), results.path)
        if header is not None:
            differences = _sweep_differences(sweep, header.get("sweep", {}))
            if differences:
                raise DomainError(
                    f"{results.path} holds another sweep (differs in {', '.join(differences)}:"
                    f" {header.get('sweep', {}).get('name')!r}); start it over with resume=False (reproduce --restart)")
        results.truncate(complete)
    else:
        header, records = None, []
        results.truncate(0)
    if header is None:
        header = {"kind": "header", "format": FORMAT, "sweep": sweep.definition(),
                  "seeds": SEED_RULE, "started": _now(), **_environment()}
        results.append(json.dumps(header))
    return header, records


def _run_one(sweep: Sweep, params: dict, repetition: int, seed: int) -> tuple:
    """Run the task once; the record and its line."""
    arguments = json.loads(canonical_json(params))  # a fresh copy the task may change
    wall, cpu = time.perf_counter(), time.process_time()
    result = sweep._function(arguments, seed)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    if not isinstance(result, Mapping):
        raise DomainError(f"task {sweep.task_name} returned {type(result).__name__}, not a dict")
    record = {"kind": "record", "sweep": sweep.name, "task": sweep.task_name, "params": params,
              "repetition": repetition, "seed": seed, "result": dict(result),
              "wall_time": wall, "cpu_time": cpu, "timestamp": _now(), **_environment()}
    try:
        line = json.dumps(record, default=_jsonable)
    except (TypeError, ValueError) as error:
        raise DomainError(f"task {sweep.task_name} returned a result that is not "
                          f"JSON-ready: {error}") from None
    return json.loads(line), line


def run_sweep(sweep: Sweep, path, *, progress: Union[bool, TextIO] = True,
              bar: Optional[bool] = None, resume: bool = True) -> "SweepResult":
    """Run every (params, repetition) of ``sweep`` that ``path`` has no
    record of yet, appending one JSON line per finished run (see the module
    docstring for the format and the seeds), and return all the records.

    ``progress``  True (default): report on stderr; a stream: report there;
                  False: silent.
    ``bar``       None (default): a one-line progress bar with an ETA when
                  the stream is a terminal, one line per finished run
                  otherwise; True/False forces the bar/the lines.
    ``resume``    True (default): continue the file at ``path``; False:
                  discard its contents and start over.

    Exceptions raised by the task propagate unchanged; the records written
    before stay in the file, and the next call continues from them.

    Raises DomainError if ``path`` holds another sweep or is not a results
    file (when resuming), cannot be opened, is being written by another run,
    or the task returns something that is not a dict of JSON-ready values.
    """
    if not isinstance(sweep, Sweep):
        raise DomainError(f"run_sweep needs a Sweep (got {type(sweep).__name__})")
    path = Path(path)
    runs = sweep.runs()
    with _LockedFile(path) as results:
        header, records = _open_results(results, sweep, resume)
        done = {_key(r["params"], r["repetition"]) for r in records}
        report = _Progress(progress, bar, sweep, total=len(runs),
                           done=sum(_key(p, k) in done for p, k, _ in runs))
        try:
            for params, repetition, seed in runs:
                if _key(params, repetition) in done:
                    continue
                report.start(params, repetition)
                record, line = _run_one(sweep, params, repetition, seed)
                results.append(line)
                records.append(record)
                report.finish(record)
        finally:
            report.close()
    return SweepResult(header, _in_grid_order(records, sweep.grid), path)


def _in_grid_order(records: Iterable, grid: Iterable) -> tuple:
    """The records in canonical order (first copy of each key; records of
    combinations not in the grid at the end)."""
    position = {canonical_json(p): i for i, p in enumerate(_combinations(grid))}
    unique = {}
    for record in records:
        unique.setdefault(_key(record["params"], record["repetition"]), record)
    return tuple(sorted(unique.values(), key=lambda r: (
        position.get(canonical_json(r["params"]), len(position)), r["repetition"])))


# --------------------------------------------------------------------------
# progress


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}h{minutes:02d}m"
    return f"{minutes}m{seconds:02d}s" if minutes else f"{seconds}s"


class _Progress:
    """A progress bar with an ETA on a terminal, a line per run elsewhere."""

    WIDTH = 20

    def __init__(self, progress, bar, sweep: Sweep, total: int, done: int):
        self.stream = sys.stderr if progress is True else (progress or None)
        if self.stream is not None and bar is None:
            isatty = getattr(self.stream, "isatty", None)
            bar = bool(isatty and isatty())
        self.bar = bar
        self.varying = [name for name, values in sweep.grid if len(values) > 1]
        self.total, self.done, self.ran, self.elapsed = total, done, 0, 0.0
        self.width = 0

    def _label(self, params: Mapping, repetition: int) -> str:
        return " ".join([f"{name}={params[name]}" for name in self.varying]
                        + [f"rep {repetition}"])

    def _draw(self, text: str):
        self.stream.write("\r" + text.ljust(self.width))
        self.width = max(self.width, len(text))
        self.stream.flush()

    def start(self, params: Mapping, repetition: int):
        if self.stream is None or not self.bar:
            return
        filled = self.WIDTH * self.done // max(self.total, 1)
        text = (f"[{'#' * filled}{'.' * (self.WIDTH - filled)}] {self.done}/{self.total} "
                f"{self._label(params, repetition)}")
        if self.ran:
            text += f"  eta {_duration(self.elapsed / self.ran * (self.total - self.done))}"
        self._draw(text)

    def finish(self, record: Mapping):
        self.done, self.ran = self.done + 1, self.ran + 1
        self.elapsed += record["wall_time"]
        if self.stream is not None and not self.bar:
            self.stream.write(f"[{self.done}/{self.total}] "
                              f"{self._label(record['params'], record['repetition'])}  "
                              f"{record['wall_time']:.2f}s\n")
            self.stream.flush()

    def close(self):
        if self.stream is None or not self.bar:
            return
        if self.done == self.total:
            self._draw(f"[{'#' * self.WIDTH}] {self.done}/{self.total} done, "
                       f"{self.ran} run in {_duration(self.elapsed)}")
        self.stream.write("\n")  # also when a task failed: the error starts a line
        self.stream.flush()


# --------------------------------------------------------------------------
# results and their medians


def _median(values: list, what: str):
    """The median of numbers (a float), or the entrywise median of lists of
    numbers of one length (a list); numpy's convention (the mean of the two
    middle values for an even count; NaN if any value is NaN)."""
    try:
        array = np.asarray(values)
    except ValueError:
        array = None
    if array is None or array.dtype.kind not in "biuf":
        raise DomainError(f"{what} is not a number or a list of numbers of one length")
    median = np.median(array.astype(float), axis=0)
    return median.tolist() if median.ndim else float(median)


@dataclass(frozen=True, repr=False)
class SweepResult:
    """The records of a sweep, and their medians over repetitions.

    ``header``   the results file's header (see the module docstring);
    ``records``  the record dicts in canonical order (combination by
                 combination in grid order, repetitions in order);
    ``path``     the results file.

    Build it with ``run_sweep`` or ``SweepResult.from_file``.
    """

    header: dict
    records: tuple
    path: Optional[Path] = None

    @classmethod
    def from_file(cls, path) -> "SweepResult":
        """The records of a results file (complete or not) without running
        anything. Raises DomainError if it is not a results file."""
        header, records = _read(path)
        return cls(header, _in_grid_order(records, header["sweep"]["grid"].items()), Path(path))

    @property
    def parameters(self) -> tuple:
        """The parameter names, in grid order."""
        return tuple(self.header["sweep"]["grid"])

    def __repr__(self) -> str:
        sweep = self.header["sweep"]
        expected = (math.prod(len(v) for v in sweep["grid"].values()) * sweep["repetitions"])
        return (f"SweepResult({sweep['name']!r}, {len(self.records)} of {expected} records, "
                f"path={str(self.path) if self.path else None!r})")

    def _names(self, names, what: str) -> tuple:
        names = (names,) if isinstance(names, str) else tuple(names)
        unknown = [n for n in names if n not in self.parameters]
        if unknown:
            raise DomainError(f"{what}: unknown parameter {unknown[0]!r} "
                              f"(the parameters are {', '.join(self.parameters)})")
        return names

    def _values(self, records: Iterable, key: str) -> list:
        values = []
        for record in records:
            if key not in record["result"]:
                raise DomainError(f"no result {key!r} (the results are "
                                  f"{', '.join(record['result'])})")
            values.append(record["result"][key])
        return values

    def _select(self, where: Optional[Mapping]) -> list:
        if not where:
            return list(self.records)
        names = self._names(list(where), "where")
        wanted = {name: canonical_json(where[name]) for name in names}
        return [r for r in self.records
                if all(canonical_json(r["params"][n]) == v for n, v in wanted.items())]

    def _groups(self, records: Iterable, by: tuple) -> dict:
        groups = {}
        for record in records:
            groups.setdefault(tuple(record["params"][name] for name in by), []).append(record)
        return groups

    def median(self, key: str, by=None, *, where: Optional[Mapping] = None) -> dict:
        """Medians of the result ``key``: a dict mapping each tuple of values
        of the parameters ``by`` (default: all, so each combination) to the
        median over its records, in canonical order. With fewer names in
        ``by``, the records of the other parameters are pooled. ``where``
        (name -> value) keeps only matching records. A list-valued result
        (say, errors at several ranks) has the entrywise median.

        Raises DomainError for an unknown parameter or result, or a result
        that is not numeric.
        """
        by = self.parameters if by is None else self._names(by, "by")
        return {values: _median(self._values(group, key), f"result {key!r}")
                for values, group in self._groups(self._select(where), by).items()}

    def table(self, keys: Optional[Sequence[str]] = None) -> list:
        """One row per combination (canonical order): its parameters and the
        median over repetitions of each result in ``keys`` (default: every
        numeric or list-of-numbers result of the first record)."""
        if not self.records:
            return []
        if keys is None:
            keys = [k for k, v in self.records[0]["result"].items() if _numeric(v)]
        clash = [k for k in keys if k in self.parameters]
        if clash:
            raise DomainError(f"result {clash[0]!r} has the name of a parameter")
        medians = {key: self.median(key) for key in keys}
        return [{**dict(zip(self.parameters, values)), **{k: medians[k][values] for k in keys}}
                for values in self._groups(self.records, self.parameters)]

    def curve(self, key: str, x: str, where: Optional[Mapping] = None) -> tuple:
        """(xs, ys): the median of result ``key`` as a function of ``x``, over
        the records that match ``where``. ``x`` is a parameter (one point per
        value, the median over repetitions) or a list-valued result such as
        ranks (the points of its list, the entrywise median of the list-valued
        ``key``). ``where`` must fix every other parameter that varies.

        Raises DomainError when the records at one x belong to more than one
        combination (a curve mixing, say, n=100 and n=200), or for an
        unknown name.
        """
        records = self._select(where)
        if x in self.parameters:
            points = []
            for (value,), group in self._groups(records, (x,)).items():
                self._single_combination(group, f"the curve of {key!r} at {x}={value}")
                points.append((value, _median(self._values(group, key), f"result {key!r}")))
            return [p[0] for p in points], [p[1] for p in points]
        if not records:
            return [], []
        self._single_combination(records, f"the curve of {key!r} over {x!r}")
        xs = self._values(records, x)
        if any(canonical_json(v) != canonical_json(xs[0]) for v in xs) or not isinstance(xs[0], list):
            raise DomainError(f"{x!r} is neither a parameter nor a list result common to "
                              "the repetitions")
        ys = _median(self._values(records, key), f"result {key!r}")
        if not isinstance(ys, list) or len(ys) != len(xs[0]):
            raise DomainError(f"result {key!r} is not a list as long as {x!r}")
        return list(xs[0]), ys

    def _single_combination(self, records: list, what: str):
        combos = {canonical_json(r["params"]) for r in records}
        if len(combos) > 1:
            varying = [n for n in self.parameters
                       if len({canonical_json(r["params"][n]) for r in records}) > 1]
            raise DomainError(f"{what} mixes several values of {', '.join(varying)}; "
                              "fix them with where={...}")

    def to_csv(self, path, x: str, columns, where: Optional[Mapping] = None) -> Path:
        """Write curves as CSV: a first column ``x`` (a parameter or a
        list-valued result, see ``curve``) and one column per curve,
        headed with its label. ``columns`` maps a label to a result key, or
        to (result key, where) to pick the curve's parameters; a list of
        result keys labels each column by its key. ``where`` applies to
        every column. A point a curve lacks is an empty cell. For example,
        the median error against m for each sampling::

            result.to_csv("fig.csv", x="m", columns={
                "independent": ("error", {"sampling": "independent"}),
                "symmetric": ("error", {"sampling": "symmetric"})})

        Raises DomainError as ``curve`` does.
        """
        if not isinstance(columns, Mapping):
            columns = {key: key for key in columns}
        xs, curves = {}, {}
        for label, spec in columns.items():
            key, filters = (spec, {}) if isinstance(spec, str) else spec
            points, values = self.curve(key, x, {**(where or {}), **filters})
            xs.update((canonical_json(p), p) for p in points)
            curves[label] = {canonical_json(p): v for p, v in zip(points, values)}
        path = Path(path)
        with open(path, "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow([x, *curves])
            for text, point in xs.items():
                writer.writerow([point, *(_cell(c.get(text)) for c in curves.values())])
        return path


def _numeric(value) -> bool:
    if isinstance(value, list):
        return bool(value) and all(_numeric(v) and not isinstance(v, list) for v in value)
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _cell(value) -> str:
    return "" if value is None else repr(value)
