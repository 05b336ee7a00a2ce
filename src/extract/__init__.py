"""extract: typed, source-grounded records from Chinese news about the 2022 COVID-19 outbreak in Chongqing.

The notebook API::

    import extract
    result = extract.extract_text(text, published="2022-12-01")
    for count in result.case_counts: ...
    for result in extract.extract_path("data/raw"): ...
    extract.series("data/out")        # consolidated daily series (extract[series])
    extract.read_frame("data/out", "case_counts")  # a DataFrame, codes as strings (extract[pandas])

Heavy modules load on first use, so ``python -m extract --help`` starts fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "extract_path", "extract_text", "read_frame", "series"]

if TYPE_CHECKING:  # pragma: no cover
    from .io import extract_path
    from .frames import read_frame
    from .pipeline import extract_text


def __getattr__(name: str) -> Any:
    if name == "extract_text":
        from .pipeline import extract_text

        return extract_text
    if name == "extract_path":
        from .io import extract_path

        return extract_path
    if name == "read_frame":  # one output file as a pandas DataFrame (extract[pandas])
        from .frames import read_frame

        return read_frame
    if name == "series":  # the package is callable: extract.series(OUT_DIR, ...)
        import importlib

        return importlib.import_module(".series", __name__)
    raise AttributeError(f"module 'extract' has no attribute {name!r}")
