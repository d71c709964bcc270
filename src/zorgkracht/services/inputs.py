"""INPUT for ``render``, ``analyse`` and ``compare``: a file, or a case in the database.

A path that exists is read as a file (case file, network list or GEDCOM, told from the content);
anything else is looked up as a case id in the database. Nothing is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from zorgkracht.domain import Case, NotFound
from zorgkracht.interchange.detect import load_path

from .cases import CaseService


def open_input(
    spec: str,
    service: Callable[[], CaseService],
    *,
    focus: str | None = None,
    generations: int | None = None,
) -> Case:
    """The case that ``spec`` names. ``service`` is called only when ``spec`` is not a file, so
    that reading a file never opens (or creates) a database."""
    path = Path(spec)
    if path.is_file():
        return load_path(path, focus=focus, generations=generations).case
    if path.suffix or "/" in spec or "\\" in spec:
        # Looks like a file name: say the file is missing rather than "no such case".
        return load_path(path).case
    try:
        return service().get(spec).case
    except NotFound:
        raise NotFound(
            f"{spec!r} is geen bestand en geen casus in de database.",
            f"{spec!r} is neither a file nor a case in the database.",
        ) from None
