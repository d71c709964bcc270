"""Use cases shared by the web application and the command line: the one door to storage,
drawing, analysis and file formats, and the place where every permission is checked.

Importing this package imports nothing else: ``CaseService`` and ``ImportResult`` are loaded
from :mod:`zorgkracht.services.cases` when first asked for, so that a command that does not
open a database does not load the database libraries.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .cases import CaseService, ImportResult

__all__ = ["CaseService", "ImportResult"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import cases

        return getattr(cases, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
