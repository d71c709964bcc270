"""Options that several ``zorgkracht`` commands share, written once (Typer ``Annotated`` types)."""

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
