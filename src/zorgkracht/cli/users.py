"""``zorgkracht user add USERNAME [--admin]``: make an account from the command line.

The password is asked twice without echo, or read from the first line of standard input with
``--password-stdin`` (for scripts; never put a password on the command line itself).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Annotated, Any

import typer

from zorgkracht.services import CaseService

users = typer.Typer(
    name="user",
    help="Accounts van professionals / professionals' accounts.",
    no_args_is_help=True,
)


def register(
    app: typer.Typer,
    service: Callable[[str | None], CaseService],
    set_lang: Callable[[str], Any],
    say: Callable[[str, str], str],
) -> None:
    """Add the ``user`` commands to ``app`` (the callables come from :mod:`zorgkracht.cli.main`)."""

    @users.command("add")
    def add(
        username: Annotated[str, typer.Argument(help="Gebruikersnaam / username")],
        admin: Annotated[
            bool, typer.Option("--admin", help="Beheerder: ziet elke casus / administrator")
        ] = False,
        name: Annotated[
            str | None, typer.Option("--name", help="Weergavenaam / display name")
        ] = None,
        password_stdin: Annotated[
            bool,
            typer.Option(
                "--password-stdin", help="Wachtwoord van stdin lezen / read password from stdin"
            ),
        ] = False,
        db: Annotated[
            str | None, typer.Option("--db", help="Database-URL / database URL (SQLAlchemy)")
        ] = None,
        lang: Annotated[str, typer.Option("--lang", help="Taal / language: nl of/or en")] = "nl",
    ) -> None:
        """Maak een account aan. / Create an account."""
        set_lang(lang)
        if password_stdin:
            password = sys.stdin.readline().rstrip("\r\n")
        else:
            password = typer.prompt(
                say("Wachtwoord", "Password"),
                hide_input=True,
                confirmation_prompt=say("Nogmaals", "Repeat"),
            )
        from zorgkracht.cli.admin import record
        from zorgkracht.services.accounts import AccountService
        from zorgkracht.services.audit import Event

        accounts = AccountService.for_cases(service(db).store)
        account = accounts.create_user(username, name or username, password, is_admin=admin)
        record(service(db), Event.ACCOUNT_CREATED, None, f"user:{account.id}:{account.role}")
        role = say("beheerder", "administrator") if account.is_admin else ""
        typer.echo(
            say(
                f"Account aangemaakt: {account.username}" + (f" ({role})" if role else ""),
                f"Account created: {account.username}" + (f" ({role})" if role else ""),
            )
        )

    app.add_typer(users)
