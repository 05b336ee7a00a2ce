"""One fact, many sources: the consolidated daily series of one or more runs (``python -m extract series``).

Works on output records only (``case_counts.jsonl``, ``articles.jsonl``, ``meetings.jsonl``), never
re-reads articles. The grouping is DuckDB SQL (the ``extract[series]`` extra); the plot is matplotlib
(``extract[plot]``). The module itself is callable, so ``extract.series(...)`` works whether
``extract.series`` was first reached as the function or imported as this package.
"""

from __future__ import annotations

import sys
import types
from typing import Any

__all__ = ["series"]


def series(*args: Any, **kwargs: Any) -> Any:
    """See :func:`extract.series.api.series`."""
    from .api import series as run

    return run(*args, **kwargs)


class _CallableModule(types.ModuleType):
    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return series(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
