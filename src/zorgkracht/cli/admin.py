"""``zorgkracht audit``, ``zorgkracht erase`` and ``zorgkracht user role``: the audit log,
erasing a case and roles from the command line.

The command line acts as the machine's operator (an administrator,
:func:`zorgkracht.cli.common.operator`); what it does is recorded in the audit log as
``cli:<os user>``. :mod:`zorgkracht.cli.main` adds the commands to the application.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Annotated, Any

import typer

from zorgkracht.cli.common import audited, open_service, operator, say, set_lang
from zorgkracht.cli.options import DbOption, LangOption
from zorgkracht.domain import InvalidInput, NotFound, Problem

if TYPE_CHECKING:
    from zorgkracht.services.audit import AuditRecord


def _day(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(
            [
                Problem(
                    option,
                    f"{value!r} is geen datum; geef JJJJ-MM-DD",
                    f"{value!r} is not a date; give YYYY-MM-DD",
                    "date",
                )
            ]
        ) from None


def _row(r: AuditRecord) -> dict[str, Any]:
    return {
        "at": r.at.isoformat(),
        "user_id": r.user_id,
        "user": r.user_name,
        "case": r.case_id,
        "address": r.address,
        "event": r.event,
        "detail": r.detail,
        "outcome": r.outcome,
    }


def audit_command(
    case_id: Annotated[str | None, typer.Option("--case", help="Casus-id / case id")] = None,
    user: Annotated[str | None, typer.Option("--user", help="Gebruikersnaam / username")] = None,
    event: Annotated[str | None, typer.Option("--event", help="Gebeurtenis / event code")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Vanaf / from (JJJJ-MM-DD)")] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Tot en met / to (JJJJ-MM-DD)")
    ] = None,
    limit: Annotated[
        int, typer.Option("--limit", min=1, help="Hoogstens / at most (nieuwste / newest)")
    ] = 1000,
    as_json: Annotated[
        bool, typer.Option("--json", help="JSON, één regel per rij / JSON lines")
    ] = False,
    purge: Annotated[
        bool,
        typer.Option(
            "--purge",
            help="Verwijder rijen ouder dan de bewaartermijn / purge rows past the retention",
        ),
    ] = False,
    db: DbOption = None,
    lang: LangOption = "nl",
) -> None:
    """Doorzoek het logboek (oudste eerst), of schoon het op. / Search or purge the audit
    log (oldest first)."""
    set_lang(lang)
    from zorgkracht.config import Settings
    from zorgkracht.services.audit import AuditQuery, AuditService, Event, day_start

    first, last = _day(since, "--since"), _day(until, "--until")
    cases = open_service(db)
    audit = AuditService.for_store(cases.store)
    if purge:
        days = Settings().audit_retention_days
        count = audit.purge(days, operator())
        typer.echo(
            say(
                f"{count} rijen ouder dan {days} dagen verwijderd.",
                f"{count} rows older than {days} days removed.",
            )
        )
        return
    query = AuditQuery(
        case_id=case_id,
        user_name=user,
        event=event,
        since=day_start(first) if first else None,
        until=day_start(last + dt.timedelta(days=1)) if last else None,
    )
    rows = list(reversed(audit.search(query, limit=limit)))
    audit.record(operator(), Event.AUDIT_VIEWED, case_id=case_id, detail="search")
    for r in rows:
        if as_json:
            typer.echo(json.dumps(_row(r), ensure_ascii=False))
        else:
            typer.echo(
                f"{r.at:%Y-%m-%d %H:%M:%S}  {r.user_name:<16} {r.case_id or '-':<20} "
                f"{r.event:<16} {r.detail or '-':<24} {r.outcome}  {r.address or ''}"
            )


def erase_command(
    case_id: Annotated[str, typer.Argument(metavar="CASE", help="Id van de casus / case id")],
    yes: Annotated[
        bool, typer.Option("--yes", help="Niet om bevestiging vragen / do not ask")
    ] = False,
    db: DbOption = None,
    lang: LangOption = "nl",
) -> None:
    """Wis een casus definitief, met alles wat erbij hoort. / Erase a case for good."""
    set_lang(lang)
    from zorgkracht.services.audit import Event

    cases = open_service(db)
    if not yes:
        typer.confirm(
            say(
                f"Casus {case_id} en alles wat erbij hoort definitief wissen?",
                f"Erase case {case_id} and everything attached to it for good?",
            ),
            abort=True,
        )
    with audited(cases, Event.CASE_ERASED, case_id):
        cases.erase(operator(), case_id)
    typer.echo(say(f"Gewist: {case_id}", f"Erased: {case_id}"))


def role_command(
    username: Annotated[str, typer.Argument(help="Gebruikersnaam / username")],
    role: Annotated[
        str,
        typer.Argument(help="admin, coordinator, professional of/or volunteer"),
    ],
    db: DbOption = None,
    lang: LangOption = "nl",
) -> None:
    """Geef een account een rol. / Give an account a role."""
    set_lang(lang)
    from zorgkracht.services.accounts import AccountService
    from zorgkracht.services.audit import Event

    cases = open_service(db)
    accounts = AccountService.for_cases(cases.store)
    account = accounts.find(username)
    if account is None:
        raise NotFound(f"Gebruiker {username!r} bestaat niet", f"User {username!r} does not exist")
    with audited(cases, Event.ACCOUNT_CHANGED, None, f"user:{account.id}:role:{role}"):
        accounts.set_role(account.id, role)
    typer.echo(say(f"Rol van {account.username}: {role}", f"Role of {account.username}: {role}"))
