"""``zorgkracht audit``, ``zorgkracht erase`` and ``zorgkracht user role``: the audit log,
erasing a case and roles from the command line.

The command line acts as the local operator, with every right; what it does to a case is
recorded in the audit log as ``cli:<os user>``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import typer

from zorgkracht.cli.options import DbOption, LangOption
from zorgkracht.config import Settings
from zorgkracht.domain import InvalidInput, NotFound, Problem, ZorgkrachtError
from zorgkracht.services import CaseService
from zorgkracht.services.audit import (
    Actor,
    AuditQuery,
    AuditRecord,
    AuditService,
    Event,
    Outcome,
    day_start,
)


def record(
    service: CaseService,
    event: Event,
    case_id: str | None,
    detail: str = "",
    outcome: Outcome = Outcome.OK,
) -> None:
    """Record what the command line did (as ``cli:<os user>``)."""
    AuditService.for_store(service.store).record(
        Actor.cli(), event, case_id=case_id, detail=detail, outcome=outcome
    )


@contextmanager
def audited(
    service: CaseService, event: Event, case_id: str | None, detail: str = ""
) -> Iterator[None]:
    """Record ``event`` when the block ends: ``ok``, ``not_found`` or ``failed``."""
    try:
        yield
    except NotFound:
        record(service, event, case_id, detail, Outcome.NOT_FOUND)
        raise
    except ZorgkrachtError:
        record(service, event, case_id, detail, Outcome.FAILED)
        raise
    record(service, event, case_id, detail)


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


def register(
    app: typer.Typer,
    service: Callable[[str | None], CaseService],
    set_lang: Callable[[str], Any],
    say: Callable[[str, str], str],
) -> None:
    """Add the commands to ``app`` (the callables come from :mod:`zorgkracht.cli.main`)."""

    @app.command("audit")
    def audit_command(
        case_id: Annotated[str | None, typer.Option("--case", help="Casus-id / case id")] = None,
        user: Annotated[
            str | None, typer.Option("--user", help="Gebruikersnaam / username")
        ] = None,
        event: Annotated[
            str | None, typer.Option("--event", help="Gebeurtenis / event code")
        ] = None,
        since: Annotated[
            str | None, typer.Option("--since", help="Vanaf / from (JJJJ-MM-DD)")
        ] = None,
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
        first, last = _day(since, "--since"), _day(until, "--until")
        cases = service(db)
        audit = AuditService.for_store(cases.store)
        if purge:
            days = Settings().audit_retention_days
            count = audit.purge(days, Actor.cli())
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
        audit.record(Actor.cli(), Event.AUDIT_VIEWED, case_id=case_id, detail="search")
        for r in rows:
            if as_json:
                typer.echo(json.dumps(_row(r), ensure_ascii=False))
            else:
                typer.echo(
                    f"{r.at:%Y-%m-%d %H:%M:%S}  {r.user_name:<16} {r.case_id or '-':<20} "
                    f"{r.event:<16} {r.detail or '-':<24} {r.outcome}  {r.address or ''}"
                )

    @app.command("erase")
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
        cases = service(db)
        if not yes:
            typer.confirm(
                say(
                    f"Casus {case_id} en alles wat erbij hoort definitief wissen?",
                    f"Erase case {case_id} and everything attached to it for good?",
                ),
                abort=True,
            )
        with audited(cases, Event.CASE_ERASED, case_id):
            cases.erase(case_id)
        typer.echo(say(f"Gewist: {case_id}", f"Erased: {case_id}"))

    from zorgkracht.cli.users import users

    @users.command("role")
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

        cases = service(db)
        accounts = AccountService.for_cases(cases.store)
        account = accounts.find(username)
        if account is None:
            raise NotFound(
                f"Gebruiker {username!r} bestaat niet", f"User {username!r} does not exist"
            )
        with audited(cases, Event.ACCOUNT_CHANGED, None, f"user:{account.id}:role:{role}"):
            accounts.set_role(account.id, role)
        typer.echo(
            say(f"Rol van {account.username}: {role}", f"Role of {account.username}: {role}")
        )
