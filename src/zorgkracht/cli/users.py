"""``zorgkracht user add|passwd|remove USERNAME``: accounts from the command line.

The password is asked twice without echo, or read from the first line of standard input with
``--password-stdin`` (for scripts; never put a password on the command line itself). A new
password ends every session of the account; removing an account removes its sessions and case
assignments (the last administrator cannot be removed).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from zorgkracht.cli.common import open_service, record, say, set_lang
from zorgkracht.cli.options import (
    HELP_SETTINGS,
    Commands,
    DbOption,
    LangOption,
    PasswordStdinOption,
)
from zorgkracht.domain import NotFound

if TYPE_CHECKING:
    from zorgkracht.services import CaseService
    from zorgkracht.services.accounts import Account, AccountService

users = typer.Typer(
    name="user",
    help="Accounts van professionals / professionals' accounts.",
    no_args_is_help=True,
    rich_markup_mode=None,  # plain help: rich costs start-up time (docs/benchmarks.md)
    cls=Commands,
    context_settings=HELP_SETTINGS,
)


def read_password(password_stdin: bool) -> str:
    if password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    password: str = typer.prompt(
        say("Wachtwoord", "Password"),
        hide_input=True,
        confirmation_prompt=say("Nogmaals", "Repeat"),
    )
    return password


def accounts_of(cases: CaseService) -> AccountService:
    from zorgkracht.services.accounts import AccountService

    return AccountService.for_cases(cases.store)


def found(accounts: AccountService, username: str) -> Account:
    account = accounts.find(username)
    if account is None:
        raise NotFound(f"Er is geen account '{username}'.", f"There is no account '{username}'.")
    return account


@users.command("add")
def add(
    username: Annotated[str, typer.Argument(help="Gebruikersnaam / username")],
    admin: Annotated[
        bool, typer.Option("--admin", help="Beheerder: ziet elke casus / administrator")
    ] = False,
    name: Annotated[str | None, typer.Option("--name", help="Weergavenaam / display name")] = None,
    password_stdin: PasswordStdinOption = False,
    db: DbOption = None,
    lang: LangOption = "nl",
) -> None:
    """Maak een account aan. / Create an account."""
    set_lang(lang)
    password = read_password(password_stdin)
    from zorgkracht.services.audit import Event

    cases = open_service(db)
    accounts = accounts_of(cases)
    account = accounts.create_user(username, name or username, password, is_admin=admin)
    record(cases, Event.ACCOUNT_CREATED, None, f"user:{account.id}:{account.role}")
    role = say("beheerder", "administrator") if account.is_admin else ""
    typer.echo(
        say(
            f"Account aangemaakt: {account.username}" + (f" ({role})" if role else ""),
            f"Account created: {account.username}" + (f" ({role})" if role else ""),
        )
    )


@users.command("passwd")
def passwd(
    username: Annotated[str, typer.Argument(help="Gebruikersnaam / username")],
    password_stdin: PasswordStdinOption = False,
    db: DbOption = None,
    lang: LangOption = "nl",
) -> None:
    """Geef een account een nieuw wachtwoord; zijn sessies eindigen. / Set a new password;
    the account's sessions end."""
    set_lang(lang)
    cases = open_service(db)
    accounts = accounts_of(cases)
    account = found(accounts, username)
    accounts.set_password(account.id, read_password(password_stdin))
    _record(cases, "changed", f"user:{account.id}:password_reset")
    typer.echo(
        say(
            f"Nieuw wachtwoord ingesteld voor {account.username}; de sessies van het account "
            "zijn beëindigd.",
            f"New password set for {account.username}; the account's sessions have ended.",
        )
    )


@users.command("remove")
def remove(
    username: Annotated[str, typer.Argument(help="Gebruikersnaam / username")],
    db: DbOption = None,
    lang: LangOption = "nl",
) -> None:
    """Verwijder een account met zijn toegang en sessies. / Remove an account with its
    access and sessions."""
    set_lang(lang)
    cases = open_service(db)
    accounts = accounts_of(cases)
    account = found(accounts, username)
    accounts.remove(account.id)
    _record(cases, "removed", f"user:{account.id}")
    typer.echo(
        say(f"Account verwijderd: {account.username}", f"Account removed: {account.username}")
    )


def _record(service: CaseService, what: str, detail: str) -> None:
    from zorgkracht.services.audit import Event

    event = Event.ACCOUNT_REMOVED if what == "removed" else Event.ACCOUNT_CHANGED
    record(service, event, None, detail)
