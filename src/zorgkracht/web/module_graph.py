"""The ES modules a page's script imports, for ``<link rel="modulepreload">``.

A module script's imports are found only once it has been fetched and read, and theirs only
after that: the case page's script is four levels deep, so without preloading its last modules
arrived after the page's HTML was parsed and the page waited for them before it could be used.
:func:`module_graph` reads the static files once and names every module reached by a relative
``import`` so that the page can ask for all of them at once.
"""

from __future__ import annotations

import functools
import posixpath
import re
from pathlib import Path

STATIC = Path(__file__).resolve().parent / "static"

_IMPORT = re.compile(r"""(?:\bfrom|^\s*import)\s*["'](\.{1,2}/[^"']+)["']""", re.MULTILINE)


@functools.cache
def module_graph(entry: str, root: Path = STATIC) -> tuple[str, ...]:
    """The paths (under ``root``, with ``/``) of the modules ``entry`` imports, directly or not,
    in the order found (``entry`` itself not included)."""
    found: list[str] = []
    todo = [entry]
    seen = {entry}
    while todo:
        path = todo.pop(0)
        text = (root / path).read_text(encoding="utf-8")
        for spec in _IMPORT.findall(text):
            target = posixpath.normpath(posixpath.join(posixpath.dirname(path), spec))
            if target not in seen and not target.startswith(".."):
                seen.add(target)
                found.append(target)
                todo.append(target)
    return tuple(found)
