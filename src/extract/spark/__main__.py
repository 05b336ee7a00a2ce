"""``python -m extract.spark INPUT... OUTPUT [--format parquet|json]``; see :mod:`extract.spark.cli`.

An absolute import, so that ``spark-submit`` can run this file as its script.
"""

import sys

from extract.spark.cli import main

if __name__ == "__main__":
    sys.exit(main())
