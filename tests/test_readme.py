"""The README's promises: its set-up commands are what CI runs, the first one
works in a fresh copy of the repository, and its tour and Python example
run as printed."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from certbounds.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
CI_RUN = ROOT / ".ci" / "run"

#: seconds for a fresh venv plus ``pip install .`` from PyPI
INSTALL_TIMEOUT = 600


def _section(heading: str) -> str:
    """The README text under ``## heading``, up to the next ``## `` heading."""
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", README, re.M | re.S)
    assert match, f"README has no '## {heading}' section"
    return match.group(1)


def _fenced(text: str, language: str) -> list:
    """The bodies of the ```language fenced blocks in ``text``."""
    return re.findall(rf"^```{language}\n(.*?)^```$", text, re.M | re.S)


def _setup_commands() -> list:
    blocks = _fenced(_section("Set up"), "sh")
    assert len(blocks) == 2, blocks
    commands = []
    for block in blocks:
        lines = block.strip().splitlines()
        assert len(lines) == 1 and lines[0].strip(), f"not a single command line: {block!r}"
        assert not lines[0].rstrip().endswith("\\")
        commands.append(lines[0])
    return commands


def test_setup_has_two_single_line_commands():
    install, test = _setup_commands()
    assert "pip install" in install and "certbounds" in install
    assert "pytest" in test


def test_ci_runs_the_readme_test_command_and_nothing_else():
    _, test_command = _setup_commands()
    lines = CI_RUN.read_text(encoding="utf-8").splitlines()
    assert lines.count(test_command) == 1, "the README's test command is not a line of .ci/run"
    others = [line.strip() for line in lines if line != test_command]
    for line in others:
        assert (not line or line.startswith("#") or line == "set -euo pipefail"
                or line.startswith("cd ")), f".ci/run runs something else: {line!r}"


def _fresh_copy(destination: Path) -> None:
    """The tracked source files, without environments and build debris."""
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, destination / name)
    for package in ("certbounds", "proofs"):
        shutil.copytree(ROOT / package, destination / package,
                        ignore=shutil.ignore_patterns(".venv*", "__pycache__", "*.egg-info"))


def test_first_setup_command_works_in_a_fresh_copy(tmp_path):
    install_command, _ = _setup_commands()
    _fresh_copy(tmp_path)
    env = {k: v for k, v in os.environ.items()
           if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "CERTBOUNDS_DEBUG")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    done = subprocess.run(["bash", "-c", install_command], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=INSTALL_TIMEOUT, check=False)
    assert done.returncode == 0, done.stderr[-4000:]
    out = done.stdout
    # `certbounds check`: the bundled claims of both papers, one row each, then the counts
    summary = re.search(r"^(\d+) claims: (\d+) verified, (\d+) refuted, (\d+) undecided",
                        out, re.M)
    assert summary, out[-3000:]
    total, verified, refuted, undecided = map(int, summary.groups())
    assert total == verified + refuted + undecided and total >= 20
    # budzinskiy2025 §1.3 prints "the second stage begins at n = 18964"; by (1.2)
    # r(18694) = 18694 and r(18695) = 18694 < 18695, so the row is refuted with 18695
    row = [line for line in out.splitlines() if "second-stage" in line.split()[0]]
    assert row and " refuted " in row[0] and "18695" in row[0], out[-3000:]
    # one row per claim (id, source, status, evidence in columns); none broken
    rows = [re.split(r"\s{2,}", line) for line in out.splitlines()
            if re.match(r"^[\w.-]+:[\w.-]+\s{2,}", line)]
    assert len(rows) == total and {r[2] for r in rows} <= {"verified", "refuted", "undecided"}
    assert (tmp_path / ".venv" / "bin" / "certbounds").is_file()


def _tour_commands() -> list:
    (block,) = _fenced(_section("A short tour"), "sh")
    commands = [shlex.split(line, comments=True)
                for line in block.replace("\\\n", " ").splitlines()]
    return [c for c in commands if c]


@pytest.mark.parametrize("command", _tour_commands(), ids=" ".join)
def test_tour_command_runs(command, capsys):
    assert command[0] == "certbounds"
    assert main(command[1:]) == 0, capsys.readouterr().err
    assert capsys.readouterr().err == ""


def test_python_example_gives_what_its_comments_say():
    # each commented line states its value: an integer, a quoted string, or
    # "a Ball around X" (the ball's midpoint within 1e-4 of X)
    (block,) = _fenced(README, "python")
    namespace, checked = {}, 0
    for line in block.strip().splitlines():
        code, _, comment = line.partition("#")
        if not comment.strip():
            exec(code, namespace)  # noqa: S102 - the README's own example
            continue
        value = eval(code, namespace)  # noqa: S307
        comment = comment.strip()
        if m := re.match(r"(-?\d+)\b", comment):
            assert value == int(m.group(1)), line
        elif m := re.match(r"'([^']*)'", comment):
            assert value == m.group(1), line
        elif m := re.match(r"a Ball around ([\d.e+-]+)", comment):
            assert abs(value.mid - float(m.group(1))) <= 1e-4 * float(m.group(1)), line
        else:
            pytest.fail(f"README comment states no checkable value: {line}")
        checked += 1
    assert checked >= 4
