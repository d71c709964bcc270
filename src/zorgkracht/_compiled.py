"""Use the compiled (mypyc) layout and drawing modules when, and only when, they are current.

``scripts/compile.py`` (run by ``scripts/setup.sh``) compiles the modules that lay out and draw
the pictures with mypyc into ``<environment>/zorgkracht-compiled/``, next to a manifest with a
digest of every Python source of the package at that moment. At the first import of
``zorgkracht`` this module reads the manifest and, if the digest still matches the sources and
the build is for this Python, puts a finder in front of the import system that serves exactly
the compiled modules. After any edit of any source the digest no longer matches and the plain
Python modules are used, so a compiled module never hides a change to its source; the next
``scripts/setup.sh`` compiles again.

The compiled modules draw the same pictures byte for byte (``tests/test_compiled.py``); they
are only faster. ``ZORGKRACHT_PURE_PYTHON=1`` turns them off.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import json
import logging
import os
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType

logger = logging.getLogger(__name__)

PACKAGE_DIR = Path(__file__).resolve().parent
MANIFEST = "manifest.json"
OFF = "ZORGKRACHT_PURE_PYTHON"


def build_dir() -> Path:
    """Where ``scripts/compile.py`` puts the compiled modules of this environment."""
    return Path(sys.prefix) / "zorgkracht-compiled"


def source_digest(package_dir: Path = PACKAGE_DIR) -> str:
    """SHA-256 over the relative path and the bytes of every ``.py`` file of the package."""
    digest = hashlib.sha256()
    for path in sorted(package_dir.rglob("*.py")):
        digest.update(path.relative_to(package_dir).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def python_tag() -> str:
    """The interpreter a build is for (compiled modules fit only the Python they were made for)."""
    return f"{sys.implementation.cache_tag}{importlib.machinery.EXTENSION_SUFFIXES[0]}"


class CompiledFinder:
    """A meta path finder for the compiled modules listed in a build's manifest, by full
    module name (and the shared library they load)."""

    def __init__(self, files: dict[str, Path]) -> None:
        self.files = files

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        file = self.files.get(fullname)
        if file is None:
            return None
        loader = importlib.machinery.ExtensionFileLoader(fullname, str(file))
        return importlib.util.spec_from_file_location(fullname, file, loader=loader)


def current_build(
    directory: Path | None = None, package_dir: Path = PACKAGE_DIR
) -> dict[str, Path] | None:
    """The compiled modules of ``directory`` by module name if the build there is current (for
    this Python and these exact sources, every file present), else ``None``."""
    directory = directory or build_dir()
    try:
        manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(manifest, dict) or manifest.get("python") != python_tag():
        return None
    modules = manifest.get("files")
    if not isinstance(modules, dict) or not modules:
        return None
    files = {str(name): directory / str(rel) for name, rel in modules.items()}
    if not all(f.is_file() for f in files.values()):
        return None
    if manifest.get("sources") != source_digest(package_dir):
        logger.info("compiled modules are out of date with the sources; using plain Python")
        return None
    return files


def active() -> list[str]:
    """Names of the modules now loaded from the compiled build (empty when it is not used)."""
    finder = next((f for f in sys.meta_path if isinstance(f, CompiledFinder)), None)
    if finder is None:
        return []
    return sorted(
        name
        for name in finder.files
        if getattr(sys.modules.get(name), "__file__", None) == str(finder.files[name])
    )


def install() -> bool:
    """Serve the compiled modules from now on if the build is current; tells whether it is."""
    if os.environ.get(OFF, "") not in ("", "0"):
        return False
    if any(isinstance(f, CompiledFinder) for f in sys.meta_path):
        return True
    files = current_build()
    if files is None:
        return False
    sys.meta_path.insert(0, CompiledFinder(files))
    return True
