"""``python -m threeno``: the ``threeno`` command, for where the console script is not on PATH.

.. versionadded:: 0.1.0
"""

import sys

from threeno.cli import main

sys.exit(main())
