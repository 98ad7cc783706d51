"""The examples in the docstrings of public functions run and print what
they say (STYLE.md: every public function has a short example)."""

import doctest
import importlib

import pytest

MODULES = [
    "certbounds.symbolic.parsing",
    "certbounds.symbolic.functions",
    "certbounds.symbolic.evaluate",
    "certbounds.symbolic.catalogue",
    "certbounds.certified.ball",
    "certbounds.certified.expression",
    "certbounds.certified.decide",
    "certbounds.certified.evaluate",
    "certbounds.certified.elliptic",
    "certbounds.certified.zolotarev",
    "certbounds.certified.derivatives",
    "certbounds.certified.bessel",
    "certbounds.certified.intervals",
    "certbounds.certified.prove",
    "certbounds.certified.matrix_norm",
    "certbounds.analysis.crossover",
    "certbounds.analysis.stages",
    "certbounds.analysis.claims",
    "certbounds.analysis.experiments",
    "certbounds.analysis.error_at_rank",
    "certbounds.analysis.figures",
    "certbounds.numeric.function_data",
    "certbounds.numeric.constructive",
    "certbounds.numeric.alternating_projections",
    "certbounds.numeric.tensor_train",
    "certbounds.numeric.kernel_families",
    "certbounds.numeric.rational_interpolation",
    "certbounds.numeric.aaa_lawson",
    "certbounds.numeric.blas_threads",
    "certbounds.analysis.webb_figures",
    "certbounds.cli.zolotarev",
    "certbounds.cli.stages",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
    assert result.attempted > 0
