"""INPUT for ``render``, ``analyse`` and ``compare``: a file, or a case in the database.

A path that exists is read as a file (case file, network list or GEDCOM, told from the content);
anything else is looked up as a case id in the database. Nothing is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from zorgkracht.domain import Case, NotFound
from zorgkracht.interchange.detect import FileKind, LoadedFile, kind_of, load_path

from .permissions import Actor

if TYPE_CHECKING:
    from .cases import CaseService

__all__ = ["FileKind", "LoadedFile", "is_gedcom", "open_input", "read_file"]


def read_file(path: Path) -> LoadedFile:
    """A case file, network list or GEDCOM file, read and checked (nothing is stored)."""
    return load_path(path)


def is_gedcom(spec: str) -> bool:
    """Whether ``spec`` names a GEDCOM file (told from its first bytes)."""
    path = Path(spec)
    if not path.is_file():
        return False
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return kind_of(head) is FileKind.GEDCOM


def open_input(
    spec: str,
    service: Callable[[], CaseService],
    actor: Actor,
    *,
    focus: str | None = None,
    generations: int | None = None,
) -> Case:
    """The case that ``spec`` names, as ``actor`` may see it. ``service`` is called only when
    ``spec`` is not a file, so that reading a file never opens (or creates) a database."""
    path = Path(spec)
    if path.is_file() or path.is_dir():  # a directory: a Network Canvas export
        return load_path(path, focus=focus, generations=generations).case
    if path.suffix or "/" in spec or "\\" in spec:
        # Looks like a file name: say the file is missing rather than "no such case".
        return load_path(path).case
    try:
        return service().open(actor, spec).case
    except NotFound:
        raise NotFound(
            f"{spec!r} is geen bestand en geen casus in de database.",
            f"{spec!r} is neither a file nor a case in the database.",
        ) from None
