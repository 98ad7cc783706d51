"""Every subpackage is installed: pyproject.toml lists packages explicitly
(proofs/ is mapped to certbounds.proofs), so a new subpackage must be added
there or a plain `pip install .` would leave it out."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_subpackage_is_listed_in_pyproject():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(config["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts)
             for p in (ROOT / "certbounds").rglob("__init__.py")}
    assert found <= listed, sorted(found - listed)
    assert config["package-dir"]["certbounds.proofs"] == "proofs"
    assert (ROOT / "proofs" / "__init__.py").is_file()
