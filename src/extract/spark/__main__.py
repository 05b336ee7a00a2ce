"""``python -m extract.spark INPUT... OUTPUT [--format parquet|json]``; see :mod:`extract.spark.cli`."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
