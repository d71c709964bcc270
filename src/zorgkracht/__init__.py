"""Zorgkracht: map a client's social network together, see what it can carry, organise help.

As a library (:mod:`zorgkracht.library`, ``docs/library.md``): :func:`load` a case from any file
Zorgkracht reads, :func:`analyse` and :func:`compare` it, :func:`draw` its pictures,
:func:`export` it in any format, :func:`edit` it with undo, and make the :func:`report` papers
and the :func:`calendar` of its process. The names are imported when first used, so that
``import zorgkracht`` (and the command line's start) stays light.
"""

from __future__ import annotations

from typing import Any

from zorgkracht.version import __version__

__all__ = [
    "VIEWS",
    "__version__",
    "analyse",
    "calendar",
    "compare",
    "demo_file",
    "draw",
    "edit",
    "export",
    "load",
    "report",
]

_LIBRARY = frozenset(__all__) - {"__version__"}


def __getattr__(name: str) -> Any:
    if name in _LIBRARY:
        from zorgkracht import library

        return getattr(library, name)
    raise AttributeError(f"module 'zorgkracht' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
