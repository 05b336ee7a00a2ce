"""Shared fixtures: paths of the repository, the sample and the shared seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
OUT = ROOT / "data" / "out"


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    return RAW


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(RAW.glob("*.txt"))}


@pytest.fixture(scope="session")
def real_texts() -> list[str]:
    """Up to 40 texts each of the sample and the real dev set (for tests that compare a fast path with
    the pattern it replaces on real text)."""
    out = []
    for folder in (RAW, ROOT / "tests" / "realdev" / "articles"):
        for path in sorted(folder.glob("*"))[:40]:
            try:
                out.append(path.read_text(encoding="utf-8"))
            except (UnicodeDecodeError, IsADirectoryError):
                continue
    return out


@pytest.fixture(scope="session")
def gated_texts() -> list[str]:
    """The articles of the real dev, invented dev and first held-out sets."""
    out = []
    for d in ("realdev", "dev", "heldout"):
        out += [f.read_text(encoding="utf-8") for f in sorted((ROOT / "tests" / d / "articles").glob("*.txt"))]
    return out
