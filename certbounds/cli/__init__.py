"""The command line front end (``certbounds``, ``python -m certbounds``)."""

from .main import main

__all__ = ["main"]
