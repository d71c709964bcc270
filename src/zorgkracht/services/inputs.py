"""INPUT for ``render``, ``analyse`` and ``compare``: a file, or a case in the database.

A path that exists is read as a file (case file, network list or GEDCOM, told from the content);
anything else is looked up as a case id in the database. Nothing is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from zorgkracht.domain import Case, NotFound
from zorgkracht.interchange.detect import FileKind, LoadedFile, kind_of, load_bytes, load_path

from .permissions import Actor

if TYPE_CHECKING:
    from .cases import CaseService

__all__ = [
    "FileKind",
    "LoadedFile",
    "demo_file",
    "is_gedcom",
    "open_input",
    "read_bytes",
    "read_file",
    "write_file",
]


def read_file(path: Path) -> LoadedFile:
    """A case file, network list or GEDCOM file, read and checked (nothing is stored)."""
    return load_path(path)


def read_bytes(data: bytes, source: str) -> LoadedFile:
    """A file's bytes read as any format Zorgkracht reads, told from the content (``source``
    names it in messages); nothing is stored."""
    return load_bytes(data, source)


def write_file(
    case: Case,
    path: Path,
    *,
    snapshot: str | None = None,
    hide_sensitive: bool = False,
    gedcom_version: str = "5.5.1",
    lang: str = "nl",
) -> FileKind:
    """Write ``case`` in the format of ``path``'s suffix (``zorgkracht.interchange.exports``)."""
    from zorgkracht.interchange.exports import write_export

    return write_export(
        case,
        path,
        snapshot=snapshot,
        hide_sensitive=hide_sensitive,
        gedcom_version=gedcom_version,
        lang=lang,
    )


def demo_file(name: str) -> Path:
    """The case file of the demo case ``name`` (``zorgkracht.demo.DEMO_IDS``); ``NotFound``
    naming the demo cases there are."""
    from zorgkracht.demo import DEMO_IDS, demo_path

    if name not in DEMO_IDS:
        raise NotFound(
            f"geen democasus {name!r}; kies uit {', '.join(DEMO_IDS)}",
            f"no demo case {name!r}; choose one of {', '.join(DEMO_IDS)}",
        )
    return demo_path(name)


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
