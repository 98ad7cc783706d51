"""Shared fixtures: the installed ``certbounds`` console script, a runner
for it (a real subprocess, as a user runs it), and an in-process runner of
``certbounds.cli.main`` for the many per-statement cases."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

# One BLAS thread before numpy is first imported: the numeric tests run many
# small SVDs, which threads on this 2-core machine only slow down (and make
# erratic when another process is busy). Subprocesses inherit it.
for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

import pytest  # noqa: E402

from certbounds.cli import main  # noqa: E402

#: seconds one command-line call may take (a call takes about a second)
CLI_TIMEOUT = 120


@dataclass(frozen=True)
class Run:
    """What one command-line call did."""

    returncode: int
    stdout: str
    stderr: str

    def expect_one_line_error(self, *words: str) -> None:
        """The contract for bad input: exit status 2, nothing on stdout, one
        line ``certbounds: error: ...`` on stderr containing every word."""
        assert self.returncode == 2, (self.returncode, self.stdout, self.stderr)
        assert self.stdout == ""
        lines = self.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("certbounds: error: "), self.stderr
        for word in words:
            assert word in lines[0], (word, lines[0])


def _user_environment() -> dict:
    """The environment a user's shell would give the script: no debugging
    switch (which turns the one-line internal error into a traceback) and no
    PYTHONPATH pointing into a source tree."""
    env = dict(os.environ)
    for name in ("CERTBOUNDS_DEBUG", "PYTHONPATH"):
        env.pop(name, None)
    return env


@pytest.fixture(scope="session")
def certbounds_script() -> Path:
    """The console script that ``pip install`` put beside the interpreter."""
    script = Path(sys.executable).parent / "certbounds"
    assert script.is_file(), (f"no console script {script}: install the package into the "
                              f"environment of {sys.executable} (pip install -e '.[test]')")
    return script


@pytest.fixture(scope="session")
def run_certbounds(certbounds_script, tmp_path_factory):
    """``run_certbounds(*args, module=False)`` runs the real console script
    (or ``python -m certbounds`` with ``module=True``) in a neutral directory,
    so the installed package is what runs, not the source tree by accident."""
    cwd = tmp_path_factory.mktemp("cli-cwd")
    env = _user_environment()

    def run(*args: str, module: bool = False) -> Run:
        command = [sys.executable, "-m", "certbounds"] if module else [str(certbounds_script)]
        done = subprocess.run([*command, *args], capture_output=True, text=True, cwd=cwd,
                              env=env, timeout=CLI_TIMEOUT, check=False)
        return Run(done.returncode, done.stdout, done.stderr)

    return run


@pytest.fixture
def cli(capsys, monkeypatch):
    """``cli(*args)`` calls ``certbounds.cli.main`` in this process and
    returns its exit status and captured output."""
    monkeypatch.delenv("CERTBOUNDS_DEBUG", raising=False)

    def run(*args: str) -> Run:
        capsys.readouterr()
        code = main(list(args))
        out, err = capsys.readouterr()
        return Run(code, out, err)

    return run


# Hypothesis profiles: the default run, and a thorough one (ten times the
# examples) for the enclosure property tests before an issue is resolved:
#     pytest -m enclosure --hypothesis-profile=thorough
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile("thorough", max_examples=1000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
