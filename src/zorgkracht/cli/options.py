"""Options that several ``zorgkracht`` commands share, written once (Typer ``Annotated`` types),
and the names the help texts list (kept equal to the services' by ``tests/cli``, without
importing the drawing modules to print ``--help``)."""

from __future__ import annotations

from typing import Annotated

import typer

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
