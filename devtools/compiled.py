"""Which modules the build compiles with mypyc (``setup.py``), and which of them this process
runs compiled: the development environment runs the sources, an installed wheel the compiled
modules (``docs/compiled.md``)."""

from __future__ import annotations

import ast
import importlib
import importlib.machinery
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def compiled_paths(setup_py: Path = ROOT / "setup.py") -> tuple[str, ...]:
    """``MODULES`` of ``setup.py``: the compiled modules as paths below ``src/``. Read from the
    file, since running ``setup.py`` would build."""
    tree = ast.parse(setup_py.read_text(encoding="utf-8"))
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if any(isinstance(t, ast.Name) and t.id == "MODULES" for t in targets):
            value = ast.literal_eval(node.value)  # type: ignore[attr-defined]
            return tuple(str(path) for path in value)
    raise LookupError(f"no MODULES in {setup_py}")


def module_name(path: str) -> str:
    """``zorgkracht/layout/rows.py`` → ``zorgkracht.layout.rows``."""
    return path.removesuffix(".py").replace("/", ".")


def compiled_names() -> list[str]:
    """The module names of :func:`compiled_paths`."""
    return [module_name(path) for path in compiled_paths()]


def running_compiled() -> list[str]:
    """Those of the compiled modules that this process imports as extension modules."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    names = []
    for name in compiled_names():
        file = getattr(importlib.import_module(name), "__file__", None) or ""
        if file.endswith(suffixes):
            names.append(name)
    return names


def modules_line() -> str:
    """One line for a benchmark's output: what it measured, compiled or plain Python."""
    compiled = running_compiled()
    if not compiled:
        return "Modules: plain Python (the sources)"
    return f"Modules: compiled with mypyc ({len(compiled)} modules of an installed wheel)"
