"""Writing a case in any format Zorgkracht exports, the format chosen by the file's suffix.

``.json`` the case file, ``.csv`` the network list, ``.graphml`` GraphML, ``.gexf`` GEXF 1.3
and ``.ged`` GEDCOM (5.5.1 or 7.0). A network list, GraphML, GEXF and GEDCOM show one network:
the current one or a snapshot; a case file holds them all, so ``snapshot`` does not apply to
it. With ``hide_sensitive`` everything marked sensitive is left out
(:func:`zorgkracht.domain.privacy.without_sensitive`). ``docs/interchange.md`` says what each
format keeps.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from zorgkracht.domain import Case, InvalidInput, Problem
from zorgkracht.domain.privacy import without_sensitive

from .detect import FileKind
from .gedcom_write import VERSIONS, GedcomVersion

__all__ = ["EXPORT_SUFFIXES", "export_bytes", "export_kind", "write_export"]

EXPORT_SUFFIXES: dict[str, FileKind] = {
    ".json": FileKind.CASE,
    ".csv": FileKind.NETWORK_LIST,
    ".graphml": FileKind.GRAPHML,
    ".gexf": FileKind.GEXF,
    ".ged": FileKind.GEDCOM,
}


def export_kind(path: Path) -> FileKind:
    """The format ``path``'s suffix names, or :class:`InvalidInput` listing the known ones."""
    kind = EXPORT_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        known = ", ".join(EXPORT_SUFFIXES)
        suffix = path.suffix or "(geen)"
        raise InvalidInput(
            [
                Problem(
                    "output",
                    f"onbekende extensie {suffix}; kies uit {known}",
                    f"unknown suffix {path.suffix or '(none)'}; choose one of {known}",
                    "unknown_suffix",
                )
            ],
            path.name,
        )
    return kind


def _options_problem(kind: FileKind, snapshot: str | None, gedcom_version: str) -> Problem | None:
    if kind is FileKind.CASE and snapshot not in (None, "current"):
        return Problem(
            "snapshot",
            "een casusbestand bevat alle momentopnamen; kies .csv, .graphml, .gexf of .ged "
            "voor één momentopname",
            "a case file holds every snapshot; choose .csv, .graphml, .gexf or .ged for one "
            "snapshot",
            "not_applicable",
        )
    if gedcom_version not in VERSIONS:
        known = " of ".join(VERSIONS)
        return Problem(
            "gedcom_version",
            f"GEDCOM-versie moet {known} zijn, niet '{gedcom_version[:20]}'",
            f"GEDCOM version must be {' or '.join(VERSIONS)}, not '{gedcom_version[:20]}'",
            "unknown_code",
        )
    return None


def export_bytes(
    case: Case,
    kind: FileKind,
    *,
    snapshot: str | None = None,
    hide_sensitive: bool = False,
    gedcom_version: str = "5.5.1",
    lang: str = "nl",
) -> bytes:
    """``case`` (at ``snapshot``) in format ``kind``, as the bytes of the file."""
    found = _options_problem(kind, snapshot, gedcom_version)
    if found is not None:
        raise InvalidInput([found])
    if kind is FileKind.GRAPHML:
        from .graphml import graphml_bytes

        return graphml_bytes(case, snapshot=snapshot, hide_sensitive=hide_sensitive)
    if kind is FileKind.GEXF:
        from .gexf import gexf_bytes

        return gexf_bytes(case, snapshot=snapshot, hide_sensitive=hide_sensitive)
    shown = without_sensitive(case) if hide_sensitive else case
    if kind is FileKind.CASE:
        from .case_json import dumps

        return dumps(shown).encode("utf-8")
    if snapshot is not None and snapshot != "current":
        shown = dataclasses.replace(shown, network=shown.snapshot(snapshot).network, snapshots=[])
    if kind is FileKind.GEDCOM:
        from .gedcom_write import gedcom_bytes

        version: GedcomVersion = "7.0" if gedcom_version == "7.0" else "5.5.1"
        return gedcom_bytes(shown, version=version)
    if kind is FileKind.NETWORK_LIST:
        from .network_list_write import network_list_text

        # with a byte order mark, so that Excel shows accents right (as write_network_list)
        return ("\ufeff" + network_list_text(shown, lang=lang)).encode("utf-8")
    raise InvalidInput(
        [Problem("", f"{kind.nl} kan niet geschreven worden", f"cannot write a {kind.en}")]
    )


def write_export(
    case: Case,
    path: Path,
    *,
    snapshot: str | None = None,
    hide_sensitive: bool = False,
    gedcom_version: str = "5.5.1",
    lang: str = "nl",
) -> FileKind:
    """Write ``case`` to ``path`` in the format of its suffix; the kind written."""
    kind = export_kind(path)
    data = export_bytes(
        case,
        kind,
        snapshot=snapshot,
        hide_sensitive=hide_sensitive,
        gedcom_version=gedcom_version,
        lang=lang,
    )
    path.write_bytes(data)
    return kind
