"""``python -m certbounds``: the same as the ``certbounds`` command."""

import sys

from .cli import main

sys.exit(main())
