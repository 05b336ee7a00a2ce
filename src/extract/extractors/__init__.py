"""Extractors: pure functions of a :class:`~extract.document.Doc` to records.

They never read files, print, or know about the CLI. Each module has a table
of real sentences as its tests (``tests/test_<module>.py``).
"""
