"""The two packages' boundary, as index/__init__.py states it: index/ never imports the bot or
telegram, and everything the bot takes from index/ is exported by the package itself."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import index

ROOT = Path(__file__).resolve().parent.parent


def _imports(package: str) -> list[tuple[str, str, list[str]]]:
    """(file, module, names) for each import in ``package``'s files (names empty for ``import x``)."""
    found = []
    for path in sorted((ROOT / package).glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 0:
                found.append((path.name, node.module, [alias.name for alias in node.names]))
            elif isinstance(node, ast.Import):
                found += [(path.name, alias.name, []) for alias in node.names]
    return found


def test_index_never_imports_the_bot_or_telegram() -> None:
    wrong = [(file, module) for file, module, _ in _imports("index")
             if module.split(".")[0] in {"bot", "telegram"}]
    assert wrong == []


def test_everything_the_bot_takes_from_index_is_exported_by_it() -> None:
    used = [(file, module, name) for file, module, names in _imports("bot")
            if module.split(".")[0] == "index" for name in names]
    assert used, "the bot imports from index"
    exported = {id(getattr(index, name)) for name in index.__all__}  # by object: an export may be renamed
    missing = [(file, f"{module}.{name}") for file, module, name in used
               if id(getattr(importlib.import_module(module), name)) not in exported]
    assert missing == []
