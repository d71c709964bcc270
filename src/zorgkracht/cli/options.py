"""Options that several ``zorgkracht`` commands share, written once (Typer ``Annotated`` types),
and the names the help texts list (kept equal to the services' by ``tests/cli``, without
importing the drawing modules to print ``--help``)."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from typer.core import TyperGroup

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help="Database-URL / database URL (SQLAlchemy); standaard: SQLite-bestand"
    ),
]
LangOption = Annotated[str, typer.Option("--lang", help="Taal / language: nl of/or en")]
PasswordStdinOption = Annotated[
    bool,
    typer.Option("--password-stdin", help="Wachtwoord van stdin lezen / read password from stdin"),
]

VIEW_NAMES = ("genogram", "ecogram", "netwerkkaart", "netwerkschema", "levenslijn", "sociogram")
"""The views, as :data:`zorgkracht.services.pictures.VIEWS`."""
FORMAT_NAMES = ("svg", "png", "pdf")
"""The picture formats, as :data:`zorgkracht.services.pictures.FORMATS`."""


def whole_first_paragraph(help_text: str | None) -> str:
    """The first paragraph of a command's help on one line: its Dutch and its English sentence."""
    first = (help_text or "").strip().split("\n\n", 1)[0]
    return " ".join(first.split())


class Commands(TyperGroup):
    """A command group whose list of commands shows each command's whole first paragraph (the
    Dutch and the English sentence, wrapped), where click would cut it after the Dutch one.
    The help is plain text (``rich_markup_mode=None``): loading rich would cost start-up time."""

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, whole_first_paragraph(command.help)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


HELP_SETTINGS: dict[str, Any] = {"max_content_width": 100, "terminal_width": 100}
"""Help lines of 100 characters wherever it is printed (terminal, file, test), so that the
generated reference (docs/cli.md) is the same everywhere."""
