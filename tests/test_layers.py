"""The core never imports the layers above it (STYLE §1: a core that a tool checks)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "src" / "extract"

#: module → packages/modules of ``extract`` it must not import.
FORBIDDEN = {
    "models.py": {"extractors", "pipeline", "io", "cli", "article", "normalize", "write"},
    "normalize.py": {"extractors", "pipeline", "io", "cli", "article", "write"},
    "document.py": {"extractors", "pipeline", "io", "cli", "write"},
    "gazetteer.py": {"extractors", "pipeline", "io", "cli", "write"},
    "article.py": {"extractors", "pipeline", "io", "cli", "write"},
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level >= 1:
            names.add((node.module or "").split(".")[0])
            names.update(a.name for a in node.names if node.module is None)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("extract."):
            names.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            names.update(a.name.split(".")[1] for a in node.names if a.name.startswith("extract."))
    return names


@pytest.mark.parametrize("module", sorted(FORBIDDEN))
def test_core_does_not_import_upper_layers(module: str) -> None:
    assert not imported_modules(PKG / module) & FORBIDDEN[module]


def test_extractors_do_not_do_io() -> None:
    for path in (PKG / "extractors").glob("*.py"):
        names = imported_modules(path)
        assert not names & {"io", "cli", "write", "pipeline"}, path.name
        source = path.read_text(encoding="utf-8")
        assert "print(" not in source and "open(" not in source, path.name
