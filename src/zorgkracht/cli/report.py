"""``zorgkracht report``: a document of the process of a case (file or stored case) as an A4 PDF
or a printable HTML page: the invitation to a meeting, the action plan, the client's plan on
one page, the evaluation, or the case report for the professional's file.

Everything goes through :func:`zorgkracht.services.process_documents.process_document`, the
door the web application uses too. Only the case report shows what is marked sensitive. The
file is written atomically (:func:`zorgkracht.cli.render.write_atomically`).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from zorgkracht.cli.common import open_service, operator, record, say, set_lang
from zorgkracht.cli.render import write_atomically
from zorgkracht.domain import InvalidInput, Problem

if TYPE_CHECKING:
    from zorgkracht.services import CaseService

log = logging.getLogger(__name__)

KIND_NAMES = ("invitation", "plan", "client-plan", "evaluation", "case")
"""The kinds of document, as :data:`zorgkracht.services.process_documents.DOCUMENT_KINDS`."""
DOCUMENT_FORMAT_NAMES = ("pdf", "html")


def document_format(output: Path, fmt: str | None) -> str:
    """``pdf`` or ``html``: ``fmt`` when given, else the suffix of ``output`` (``.htm`` too)."""
    chosen = fmt.lower() if fmt is not None else output.suffix.lower().lstrip(".")
    chosen = "html" if chosen == "htm" else chosen
    if chosen in DOCUMENT_FORMAT_NAMES:
        return chosen
    raise InvalidInput(
        [
            Problem(
                "--format",
                f"kies --format pdf of html (niet {chosen or output.name!r})",
                f"choose --format pdf or html (not {chosen or output.name!r})",
                "enum",
            )
        ]
    )


def report(
    input_spec: Annotated[
        str,
        typer.Argument(
            metavar="INPUT",
            help="Casusbestand of casus-id / case file or case id",
        ),
    ],
    kind: Annotated[
        str, typer.Option("--kind", help="Soort document / kind: " + "|".join(KIND_NAMES))
    ],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Doelbestand / output file (.pdf, .html)")
    ],
    fmt: Annotated[
        str | None,
        typer.Option("--format", help="Formaat / format: pdf|html (standaard: uit -o)"),
    ] = None,
    meeting: Annotated[
        str | None,
        typer.Option("--meeting", help="Bijeenkomst / meeting id (uitnodiging / invitation)"),
    ] = None,
    lang: Annotated[str, typer.Option("--lang", help="Taal / language: nl of/or en")] = "nl",
    db: Annotated[
        str | None,
        typer.Option("--db", help="Database-URL / database URL (SQLAlchemy); standaard: SQLite"),
    ] = None,
) -> None:
    """Maak een document van het proces (uitnodiging, plan, evaluatie, verslag). / Make a
    document of the process (invitation, plan, evaluation, report)."""
    language = set_lang(lang)
    from zorgkracht.services.inputs import open_input
    from zorgkracht.services.process_documents import process_document

    chosen = document_format(output, fmt)
    stored: list[CaseService] = []  # the database, when INPUT is a stored case (audited)

    def opened() -> CaseService:
        stored.append(open_service(db))
        return stored[0]

    case = open_input(input_spec, opened, operator())
    data = process_document(case, kind, chosen, meeting=meeting, lang=language)
    write_atomically(output, data)
    if stored:
        from zorgkracht.services.audit import Event  # loads the database only for a stored case

        record(stored[0], Event.CASE_EXPORTED, input_spec, f"{chosen}:report:{kind}")
    log.info("wrote a process document %s as %s (%d bytes)", kind, chosen, len(data))
    typer.echo(
        say(f"Geschreven ({kind}, {chosen}): {output}", f"Written ({kind}, {chosen}): {output}")
    )
