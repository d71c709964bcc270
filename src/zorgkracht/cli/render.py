"""``zorgkracht render``: draw one view of a case (file or stored case) as SVG, PNG or PDF.

Everything is drawn through :mod:`zorgkracht.services.pictures`, the same door the web
application uses. The output file is written atomically (a temporary file in the same folder,
then renamed), so a failed run never leaves a half-written or stale-looking picture behind.
Errors are raised as :class:`~zorgkracht.domain.errors.ZorgkrachtError` and printed by
``zorgkracht.cli.main.main``.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from zorgkracht.cli.common import open_service, operator, record, say, set_lang
from zorgkracht.cli.options import FORMAT_NAMES, VIEW_NAMES
from zorgkracht.domain import InvalidInput, Problem, ZorgkrachtError

if TYPE_CHECKING:
    from zorgkracht.domain import Case
    from zorgkracht.services import CaseService

log = logging.getLogger(__name__)

_VIEWS = "|".join(VIEW_NAMES)
_FORMATS = "|".join(FORMAT_NAMES)


def _problem(where: str, nl: str, en: str, code: str = "invalid") -> InvalidInput:
    return InvalidInput([Problem(where, nl, en, code)])


def output_format(output: Path, fmt: str | None) -> str:
    """The picture format: ``fmt`` when given, else the suffix of ``output``."""
    if fmt is None:
        suffix = output.suffix.lower().lstrip(".")
        if suffix in FORMAT_NAMES:
            return suffix
        raise _problem(
            "--format",
            f"kan het formaat niet afleiden uit {output.name!r}; geef --format svg, png of pdf "
            "of een bestandsnaam op .svg, .png of .pdf",
            f"cannot tell the format from {output.name!r}; give --format svg, png or pdf or a "
            "file name ending in .svg, .png or .pdf",
            "enum",
        )
    if fmt.lower() not in FORMAT_NAMES:
        raise _problem(
            "--format",
            f"onbekend formaat {fmt!r}; kies svg, png of pdf",
            f"unknown format {fmt!r}; choose svg, png or pdf",
            "enum",
        )
    return fmt.lower()


def resolve_focus(case: Case, focus: str) -> str:
    """The id of the person ``focus`` names in ``case`` (a GEDCOM ``@I1@`` names ``I1``)."""
    ids = [p.id for p in case.network.persons]
    if focus in ids:
        return focus
    wanted = focus.strip().strip("@").upper()
    for pid in ids:
        if pid.upper() == wanted:
            return pid
    raise _problem(
        "--focus",
        f"persoon {focus!r} staat niet in de casus",
        f"person {focus!r} is not in the case",
        "unknown_reference",
    )


def write_atomically(output: Path, data: bytes) -> None:
    """Write ``data`` to ``output`` through a temporary file in the same folder."""
    folder = output.parent if str(output.parent) else Path(".")
    if not folder.is_dir():
        raise _problem(
            "-o",
            f"map {str(folder)!r} bestaat niet",
            f"folder {str(folder)!r} does not exist",
            "not_found",
        )
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{output.name}.", suffix=".tmp")
    except OSError as err:
        raise ZorgkrachtError(
            f"Kan niet schrijven in {str(folder)!r} ({err.strerror}).",
            f"Cannot write in {str(folder)!r} ({err.strerror}).",
        ) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644 & ~_umask())
        os.replace(tmp, output)
    except OSError as err:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise ZorgkrachtError(
            f"Kan {str(output)!r} niet schrijven ({err.strerror}).",
            f"Cannot write {str(output)!r} ({err.strerror}).",
        ) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def render(
    input_spec: Annotated[
        str,
        typer.Argument(
            metavar="INPUT",
            help="Casusbestand, netwerklijst, GEDCOM of casus-id / case file, list, GEDCOM or id",
        ),
    ],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Doelbestand / output file (.svg, .png, .pdf)")
    ],
    view: Annotated[str, typer.Option("--view", help=f"Weergave / view: {_VIEWS}")] = "genogram",
    fmt: Annotated[
        str | None,
        typer.Option("--format", help=f"Formaat / format: {_FORMATS} (standaard: uit -o)"),
    ] = None,
    lang: Annotated[str, typer.Option("--lang", help="Taal / language: nl of/or en")] = "nl",
    focus: Annotated[
        str | None, typer.Option("--focus", help="Persoon in het midden / person in the centre")
    ] = None,
    generations: Annotated[
        int | None,
        typer.Option("--generations", help="Aantal stappen rond --focus / steps around --focus"),
    ] = None,
    snapshot: Annotated[
        str | None, typer.Option("--snapshot", help="Momentopname / snapshot id (of current)")
    ] = None,
    table: Annotated[
        bool, typer.Option("--table", help="Tekst in plaats van tekening / text, not a picture")
    ] = False,
    hide_sensitive: Annotated[
        bool,
        typer.Option(
            "--hide-sensitive",
            help="Laat weg wat als gevoelig is gemarkeerd / leave out what is marked sensitive",
        ),
    ] = False,
    db: Annotated[
        str | None,
        typer.Option("--db", help="Database-URL / database URL (SQLAlchemy); standaard: SQLite"),
    ] = None,
) -> None:
    """Teken een weergave van een casus als SVG, PNG of PDF. / Draw a view of a case."""
    language = set_lang(lang)
    from zorgkracht.services.inputs import is_gedcom, open_input
    from zorgkracht.services.pictures import case_at, check_view, draw_file

    checked = check_view(view)
    if table and fmt is not None:
        raise _problem(
            "--format",
            "--table schrijft tekst; laat --format weg",
            "--table writes text; leave out --format",
        )
    picture = None if table else output_format(output, fmt)
    if generations is not None and generations < 0:
        raise _problem(
            "--generations",
            f"{generations} is negatief; geef 0 of meer",
            f"{generations} is negative; give 0 or more",
            "out_of_range",
        )
    gedcom = is_gedcom(input_spec)
    if checked != "genogram" and not gedcom and (focus is not None or generations is not None):
        raise _problem(
            "--focus",
            "--focus en --generations werken voor het genogram en voor GEDCOM-bestanden",
            "--focus and --generations work for the genogram and for GEDCOM files",
        )
    stored: list[CaseService] = []  # the database, when INPUT is a stored case (audited)

    def opened() -> CaseService:
        stored.append(open_service(db))
        return stored[0]

    case = open_input(
        input_spec,
        opened,
        operator(),
        focus=focus,
        generations=generations if gedcom else None,
    )
    case = case_at(case, snapshot)
    centre = resolve_focus(case, focus) if focus is not None else None
    layout_focus, layout_steps = (centre, generations) if checked == "genogram" else (None, None)
    data = draw_file(
        case,
        checked,
        picture,
        table=table,
        lang=language,
        focus=layout_focus,
        generations=layout_steps,
        hide_sensitive=hide_sensitive,
        snapshot=snapshot,
    )
    write_atomically(output, data)
    if stored:
        detail = f"{picture or 'table'}:{checked}" + (
            ":without_sensitive" if hide_sensitive else ""
        )
        from zorgkracht.services.audit import Event  # loads the database only for a stored case

        record(stored[0], Event.CASE_EXPORTED, input_spec, detail)
    log.info("rendered view %s as %s (%d bytes)", checked, picture or "table", len(data))
    kind = picture or say("tekst", "text")
    typer.echo(
        say(f"Geschreven ({checked}, {kind}): {output}", f"Written ({checked}, {kind}): {output}")
    )
