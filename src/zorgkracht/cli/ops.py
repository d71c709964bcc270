"""``zorgkracht backup`` and ``zorgkracht restore``: a whole database to a file and back.

``backup -o FILE`` writes the portable archive (a zip, from SQLite or PostgreSQL), or, when
FILE ends in ``.sqlite``/``.sqlite3``/``.db``, a copy of a SQLite database through SQLite's
online backup. ``restore FILE`` reads either into an empty database of either backend, all or
nothing (``--replace`` empties a database that holds data first, in the same transaction).
See ``docs/security-operations.md``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from zorgkracht.cli.common import database_url, say, set_lang
from zorgkracht.cli.options import DbOption, LangOption

if TYPE_CHECKING:
    from zorgkracht.services.backup import BackupSummary


def _counts(summary: BackupSummary) -> str:
    rows = sum(summary.rows.values())
    return say(
        f"{summary.cases} casussen, {summary.users} accounts, {rows} rijen in "
        f"{len(summary.rows)} tabellen (schema {summary.revision})",
        f"{summary.cases} cases, {summary.users} accounts, {rows} rows in "
        f"{len(summary.rows)} tables (schema {summary.revision})",
    )


def backup(
    output: Annotated[Path, typer.Option("-o", "--output", help="Doelbestand (.zip, of .sqlite)")],
    db: DbOption = None,
    lang: LangOption = "nl",
) -> None:
    """Maak een back-up van de hele database. / Back up the whole database."""
    set_lang(lang)
    from zorgkracht.services.backup import make_backup

    summary = make_backup(database_url(db), output)
    typer.echo(
        say(
            f"Back-up geschreven: {output} (alleen voor u leesbaar); ",
            f"Backup written: {output} (readable by you only); ",
        )
        + _counts(summary)
    )


def restore(
    file: Annotated[Path, typer.Argument(help="Back-upbestand / backup file")],
    db: DbOption = None,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            help="Alles in de database vervangen / replace everything in the database",
        ),
    ] = False,
    yes: Annotated[
        bool, typer.Option("--yes", help="Niet om bevestiging vragen / do not ask")
    ] = False,
    lang: LangOption = "nl",
) -> None:
    """Zet een back-up terug, alles of niets. / Restore a backup, all or nothing."""
    set_lang(lang)
    from zorgkracht.services.backup import restore_backup, shown_url

    url = database_url(db)
    if not yes:
        question = (
            say(
                f"ALLES in {shown_url(url)} vervangen door {file}?",
                f"Replace EVERYTHING in {shown_url(url)} with {file}?",
            )
            if replace
            else say(
                f"{file} terugzetten in {shown_url(url)}?",
                f"Restore {file} into {shown_url(url)}?",
            )
        )
        if not typer.confirm(question, default=False):
            typer.echo(say("Niets gedaan.", "Nothing done."))
            raise typer.Exit(1)
    summary = restore_backup(url, file, replace=replace)
    typer.echo(say("Teruggezet: ", "Restored: ") + _counts(summary))
