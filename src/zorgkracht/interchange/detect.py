"""Read any file Zorgkracht understands: a case file, a network list, a GEDCOM file, a GraphML
file, an easyNWK record or a Network Canvas export.

The kind is told from the content, not the file name: a file that starts with a GEDCOM header is
GEDCOM, an XML document whose root is ``graphml`` is GraphML (a ``gexf`` root is refused with a
message: GEXF is only written), a JSON object with easyNWK's keys an easyNWK record, any other
JSON object a case file, a zip naming Network Canvas files, a directory or a CSV whose header
starts with Network Canvas's ``nodeID`` columns a Network Canvas export, and anything else is
read as a network list.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from zorgkracht.domain import Case, InvalidInput, Problem

from .sniff import (
    looks_like_easynwk,
    looks_like_gedcom,
    looks_like_network_canvas_csv,
    looks_like_network_canvas_zip,
    xml_root,
)

if TYPE_CHECKING:
    from .network_canvas import Mapping


class FileKind(StrEnum):
    """The kind of a file; ``nl`` and ``en`` name it in words for messages (the value is a
    code, kept in the audit log)."""

    CASE = "case"
    NETWORK_LIST = "network_list"
    GEDCOM = "gedcom"
    EASYNWK = "easynwk"
    NETWORK_CANVAS = "network_canvas"
    GRAPHML = "graphml"
    GEXF = "gexf"

    @property
    def nl(self) -> str:
        return _NAMES[self.value][0]

    @property
    def en(self) -> str:
        return _NAMES[self.value][1]


_NAMES: dict[str, tuple[str, str]] = {
    "case": ("casusbestand", "case file"),
    "network_list": ("netwerklijst", "network list"),
    "gedcom": ("GEDCOM-bestand", "GEDCOM file"),
    "easynwk": ("easyNWK-bestand", "easyNWK file"),
    "network_canvas": ("Network Canvas-export", "Network Canvas export"),
    "graphml": ("GraphML-bestand", "GraphML file"),
    "gexf": ("GEXF-bestand", "GEXF file"),
}


@dataclass(frozen=True, slots=True)
class LoadedFile:
    kind: FileKind
    case: Case


def kind_of(data: bytes) -> FileKind:
    if looks_like_gedcom(data):
        return FileKind.GEDCOM
    root = xml_root(data)
    if root in ("graphml", "gexf"):
        return FileKind(root)
    if looks_like_easynwk(data):
        return FileKind.EASYNWK
    if looks_like_network_canvas_zip(data) or looks_like_network_canvas_csv(data):
        return FileKind.NETWORK_CANVAS
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{"):
        return FileKind.CASE
    return FileKind.NETWORK_LIST


def load_bytes(
    data: bytes,
    source: str,
    *,
    case_id: str | None = None,
    focus: str | None = None,
    generations: int | None = None,
    nc_mapping: Mapping | None = None,
) -> LoadedFile:
    """Parse ``data`` (named ``source`` in messages) into a checked case, or raise with why; the
    first line of the error says what the file was read as (``fout.csv (netwerklijst): 2 fouten
    gevonden, niets opgeslagen``)."""
    kind = kind_of(data)
    try:
        return LoadedFile(
            kind,
            _read(
                kind,
                data,
                source,
                case_id=case_id,
                focus=focus,
                generations=generations,
                nc_mapping=nc_mapping,
            ),
        )
    except InvalidInput as err:
        raise read_as(kind, err) from None


def read_as(kind: FileKind, err: InvalidInput) -> InvalidInput:
    """``err`` with the kind of file in words after the file's name in its first line."""
    named = InvalidInput(err.problems, err.source)
    if err.source:
        named.nl = named.nl.replace(f"{err.source}: ", f"{err.source} ({kind.nl}): ", 1)
        named.en = named.en.replace(f"{err.source}: ", f"{err.source} ({kind.en}): ", 1)
    return named


def _read(
    kind: FileKind,
    data: bytes,
    source: str,
    *,
    case_id: str | None,
    focus: str | None,
    generations: int | None,
    nc_mapping: Mapping | None = None,
) -> Case:
    if kind is FileKind.EASYNWK:
        from . import easynwk

        return easynwk.parse_easynwk(data, source, case_id=case_id)
    if kind is FileKind.NETWORK_CANVAS:
        from . import network_canvas

        return network_canvas.parse_network_canvas(
            data, source, mapping=nc_mapping, case_id=case_id
        )
    if kind is FileKind.CASE:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InvalidInput(
                [Problem("", "bestand is geen UTF-8-tekst", "file is not UTF-8 text", "encoding")],
                source,
            ) from None
        from . import case_json  # each reader loaded only for its own kind

        case = case_json.loads(text, source)
        if case_id:
            case.id = case_id
        return case
    if kind is FileKind.GEDCOM:
        from . import gedcom

        return gedcom.parse_gedcom(
            data, source, case_id=case_id, focus=focus, generations=generations
        )
    if kind is FileKind.GRAPHML:
        from . import graphml

        return graphml.parse_graphml(data, source, case_id=case_id)
    if kind is FileKind.GEXF:
        raise InvalidInput(
            [
                Problem(
                    "",
                    "GEXF-bestanden worden alleen geschreven, niet gelezen; gebruik GraphML",
                    "GEXF files are only written, not read; use GraphML",
                    "unsupported",
                )
            ],
            source,
        )
    from . import network_list

    return network_list.parse_network_list(data, source, case_id=case_id)


def load_path(
    path: Path,
    *,
    case_id: str | None = None,
    focus: str | None = None,
    generations: int | None = None,
    nc_mapping: Mapping | None = None,
) -> LoadedFile:
    if path.is_dir():  # a Network Canvas export, unpacked
        from . import network_canvas

        try:
            case = network_canvas.parse_network_canvas(
                path, path.name, mapping=nc_mapping, case_id=case_id
            )
        except InvalidInput as err:
            raise read_as(FileKind.NETWORK_CANVAS, err) from None
        return LoadedFile(FileKind.NETWORK_CANVAS, case)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(
            [Problem("", "bestand bestaat niet", "file does not exist", "not_found")], str(path)
        ) from None
    except OSError as err:
        raise InvalidInput(
            [
                Problem(
                    "",
                    f"bestand kan niet gelezen worden ({err.strerror})",
                    f"file cannot be read ({err.strerror})",
                    "io",
                )
            ],
            str(path),
        ) from None
    return load_bytes(
        data,
        path.name,
        case_id=case_id,
        focus=focus,
        generations=generations,
        nc_mapping=nc_mapping,
    )
