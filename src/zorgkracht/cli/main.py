"""The ``zorgkracht`` command line (Typer).

Every command that touches the database takes ``--db URL``; without it the
``ZORGKRACHT_DATABASE_URL`` setting or the embedded SQLite file is used. Errors are printed on
stderr, without a traceback, and exit non-zero (the codes are on
:class:`zorgkracht.domain.errors.ZorgkrachtError` and its subclasses).

Commands act as the machine's operator through the use cases of :mod:`zorgkracht.services`
(:mod:`zorgkracht.cli.common`); each imports what it uses when it runs, so that ``--help`` and
``version`` load no database, web or drawing library. The commands of the other modules of
this package are added to :data:`app` at the end of this module.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import os
import socket
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from zorgkracht.cli import admin, analyse, calendar, key, ops, plan, render, report, users
from zorgkracht.cli.common import audited, database_url, open_service, operator, record
from zorgkracht.cli.common import lang as current_lang
from zorgkracht.cli.common import say as _say
from zorgkracht.cli.common import set_lang as _lang
from zorgkracht.cli.options import HELP_SETTINGS, Commands, DbOption, LangOption
from zorgkracht.domain import ZorgkrachtError
from zorgkracht.version import __version__

log = logging.getLogger(__name__)

app = typer.Typer(
    name="zorgkracht",
    help="Zorgkracht: breng samen een sociaal netwerk in beeld / map a social network together.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,  # plain help: rich costs start-up time (docs/benchmarks.md)
    cls=Commands,
    context_settings=HELP_SETTINGS,
)


@app.command("import")
def import_(
    file: Annotated[
        Path, typer.Argument(help="Casusbestand (.json), netwerklijst (.csv), GEDCOM of GraphML")
    ],
    db: DbOption = None,
    case_id: Annotated[str | None, typer.Option("--id", help="Id voor de nieuwe casus")] = None,
    focus: Annotated[str | None, typer.Option(help="GEDCOM: persoon in het midden")] = None,
    generations: Annotated[int | None, typer.Option(help="GEDCOM: aantal generaties")] = None,
    nc_mapping: Annotated[
        Path | None, typer.Option(help="Network Canvas: koppelbestand (.toml) / mapping file")
    ] = None,
    nc_name: Annotated[str | None, typer.Option(help="Network Canvas: variabele naam")] = None,
    nc_role: Annotated[str | None, typer.Option(help="Network Canvas: variabele rol")] = None,
    nc_circle: Annotated[str | None, typer.Option(help="Network Canvas: variabele cirkel")] = None,
    nc_zone: Annotated[str | None, typer.Option(help="Network Canvas: variabele zone")] = None,
    nc_support: Annotated[str | None, typer.Option(help="Network Canvas: variabele steun")] = None,
    lang: LangOption = "nl",
) -> None:
    """Importeer een bestand als nieuwe casus; de laatste regel noemt de id. / Import a file."""
    _lang(lang)
    from zorgkracht.services.audit import Event

    service = open_service(db)
    nc = {"name": nc_name, "role": nc_role, "circle": nc_circle, "zone": nc_zone}
    result = service.import_file(
        operator(),
        file,
        case_id=case_id,
        focus=focus,
        generations=generations,
        nc_mapping=nc_mapping,
        nc_variables=nc | {"support": nc_support},
    )
    case = result.record.case
    record(service, Event.CASE_IMPORTED, case.id, result.kind.value)
    typer.echo(
        _say(
            f"Geïmporteerd ({result.kind.nl}): {case.title}, {len(case.network.persons)} "
            f"personen. Casus-id: {case.id}",
            f"Imported ({result.kind.en}): {case.title}, {len(case.network.persons)} "
            f"persons. Case id: {case.id}",
        )
    )


@app.command()
def export(
    case_id: Annotated[str, typer.Argument(metavar="CASE", help="Id van de casus / case id")],
    output: Annotated[
        Path,
        typer.Option(
            "-o", "--output", help="Doelbestand: .json, .csv, .graphml, .gexf of .ged / file"
        ),
    ],
    db: DbOption = None,
    snapshot: Annotated[
        str | None, typer.Option(help="Momentopname (niet voor .json) / snapshot id")
    ] = None,
    hide_sensitive: Annotated[
        bool, typer.Option("--hide-sensitive", help="Zonder gevoelige gegevens / without sensitive")
    ] = False,
    gedcom_version: Annotated[
        str, typer.Option(help="GEDCOM-versie: 5.5.1 of 7.0 / GEDCOM version")
    ] = "5.5.1",
    lang: LangOption = "nl",
) -> None:
    """Exporteer een casus; het formaat volgt uit de extensie: casusbestand (.json),
    netwerklijst (.csv), GraphML, GEXF of GEDCOM (.ged). / Export a case in the format of the
    file's suffix."""
    _lang(lang)
    from zorgkracht.services.audit import Event
    from zorgkracht.services.cases import FileKind, export_kind

    kind = export_kind(output)
    detail = "case_file" if kind is FileKind.CASE else kind.value
    detail += f":{snapshot}" if snapshot else ""
    detail += ":without_sensitive" if hide_sensitive else ""
    service = open_service(db)
    with audited(service, Event.CASE_EXPORTED, case_id, detail):
        kind = service.export_file(
            operator(),
            case_id,
            output,
            lang=current_lang(),
            snapshot=snapshot,
            hide_sensitive=hide_sensitive,
            gedcom_version=gedcom_version,
        )
    typer.echo(_say(f"Geschreven ({kind.nl}): {output}", f"Written ({kind.en}): {output}"))


@app.command()
def validate(
    file: Annotated[Path, typer.Argument(help="Casusbestand, netwerklijst, GEDCOM of GraphML")],
    lang: LangOption = "nl",
) -> None:
    """Controleer een bestand zonder iets op te slaan. / Check a file without storing anything."""
    _lang(lang)
    from zorgkracht.services.inputs import read_file

    loaded = read_file(file)
    case = loaded.case
    typer.echo(
        _say(
            f"{file}: geldig ({loaded.kind.nl}); {len(case.network.persons)} personen, "
            f"{len(case.network.ties)} relaties, {len(case.snapshots)} momentopnamen.",
            f"{file}: valid ({loaded.kind.en}); {len(case.network.persons)} persons, "
            f"{len(case.network.ties)} ties, {len(case.snapshots)} snapshots.",
        )
    )


@app.command()
def cases(
    db: DbOption = None,
    search: Annotated[str | None, typer.Option(help="Zoek in titel en naam / search")] = None,
    archived: Annotated[bool, typer.Option(help="Ook gearchiveerde / include archived")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Als JSON / as JSON")] = False,
    review: Annotated[
        bool,
        typer.Option(
            "--review",
            help="Gearchiveerd en langer dan ZORGKRACHT_ARCHIVE_REVIEW_DAYS niet gewijzigd / "
            "archived and not changed for longer than the review period",
        ),
    ] = False,
    lang: LangOption = "nl",
) -> None:
    """Toon de casussen in de database. / List the cases in the database."""
    _lang(lang)
    from zorgkracht.config import Settings

    service = open_service(db)
    if review:
        rows = service.due_for_review(operator(), Settings().archive_review_days)
    else:
        rows = service.visible(operator(), search=search, include_archived=archived)
    if as_json:
        typer.echo(
            json.dumps(
                [
                    {
                        "id": r.id,
                        "title": r.title,
                        "client": r.client_name,
                        "status": r.status.value,
                        "version": r.version,
                        "persons": r.persons,
                        "snapshots": r.snapshots,
                        "updated_at": r.updated_at.isoformat(),
                    }
                    for r in rows
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    if not rows:
        typer.echo(_say("Geen casussen gevonden.", "No cases found."))
        return
    width = max(len(r.id) for r in rows)
    for r in rows:
        status = "" if r.status.value == "active" else f" [{_say(r.status.nl, r.status.en)}]"
        typer.echo(
            f"{r.id:<{width}}  {r.title} ({r.client_name}; {r.persons} "
            f"{_say('personen', 'persons')}, v{r.version}){status}"
        )


def _url_host(host: str) -> str:
    """``host`` as it is written in a URL (an IPv6 address between brackets)."""
    try:
        return f"[{host}]" if ipaddress.ip_address(host).version == 6 else host
    except ValueError:
        return host


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Adres / host")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Poort / port")] = 8000,
    demo: Annotated[bool, typer.Option(help="Democasussen laden in een lege database")] = True,
    proxy_headers: Annotated[
        bool,
        typer.Option(
            "--proxy-headers",
            help="Achter een HTTPS-proxy: vertrouw X-Forwarded-Proto/-For van --forwarded-allow-ips"
            " / behind an HTTPS proxy",
        ),
    ] = False,
    forwarded_allow_ips: Annotated[
        str,
        typer.Option(help="Adressen van de proxy / addresses of the trusted proxy"),
    ] = "127.0.0.1",
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            max=64,
            help="Aantal serverprocessen (PostgreSQL aanbevolen) / number of server processes",
        ),
    ] = 1,
    lang: LangOption = "nl",
) -> None:
    """Start de toepassing en toon het adres; inloggen is altijd nodig. / Start the application
    and print its address; signing in is always required.

    With ``--workers N`` uvicorn starts N processes on one socket, each building the application
    with :func:`zorgkracht.web.app.app_from_environment`; the database is migrated, the demo
    cases loaded and the first-run token made here, once, before they start."""
    _lang(lang)
    import secrets

    import uvicorn

    from zorgkracht.config import Settings
    from zorgkracht.services.accounts import AccountService
    from zorgkracht.services.audit import AuditService
    from zorgkracht.web.app import DATABASE_URL_ENV, SETUP_TOKEN_ENV, create_app

    service = open_service(db)
    AuditService.for_store(service.store).purge(Settings().audit_retention_days, None)
    loaded = service.load_demo_cases() if demo else []
    if loaded:
        typer.echo(_say("Democasussen geladen: ", "Demo cases loaded: ") + ", ".join(loaded))
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        # As uvicorn's own socket: the connections of a server that just crashed may hold the
        # port for a minute (TIME_WAIT); only a socket listening on it makes it unavailable.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as err:
            raise ZorgkrachtError(
                f"Poort {port} op {host} is niet beschikbaar ({err.strerror}); kies --port.",
                f"Port {port} on {host} is not available ({err.strerror}); choose --port.",
            ) from None
    accounts = AccountService.for_cases(service.store)
    from zorgkracht.services.keys import load_key

    load_key(accounts.settings)  # a missing key file is made now; an unusable one is said now
    url = f"http://{_url_host(host)}:{port}/"
    setup_token = None
    if not accounts.has_users():
        setup_token = secrets.token_urlsafe(16)
        url = f"{url}setup?token={setup_token}"
        typer.echo(
            _say(
                "Eerste start: open dit adres om het eerste (beheerders)account aan te maken, of "
                "gebruik 'zorgkracht user add NAAM --admin'.",
                "First run: open this address to create the first (administrator) account, or "
                "use 'zorgkracht user add NAME --admin'.",
            )
        )
    typer.echo(_say(f"Zorgkracht draait op {url}", f"Zorgkracht is running at {url}"))
    sys.stdout.flush()
    options: dict[str, Any] = {
        "host": host,
        "port": port,
        "log_level": "warning",
        "proxy_headers": proxy_headers,
        "forwarded_allow_ips": forwarded_allow_ips if proxy_headers else None,
    }
    if workers == 1:
        uvicorn.run(create_app(service, accounts=accounts, setup_token=setup_token), **options)
        return
    # Every worker reads the same database and the same first-run token from its environment.
    os.environ[DATABASE_URL_ENV] = database_url(db)
    if setup_token:
        os.environ[SETUP_TOKEN_ENV] = setup_token
    else:
        os.environ.pop(SETUP_TOKEN_ENV, None)
    service.store.close()
    uvicorn.run("zorgkracht.web.app:app_from_environment", factory=True, workers=workers, **options)


@app.command()
def version() -> None:
    """Toon de versie. / Show the version."""
    typer.echo(__version__)


# The commands of the other modules, in the order of ``zorgkracht --help``.
app.add_typer(users.users)
users.users.command("role")(admin.role_command)
app.add_typer(key.key)
app.command()(ops.backup)
app.command()(ops.restore)
app.command("audit")(admin.audit_command)
app.command("erase")(admin.erase_command)
app.command("render")(render.render)
app.command("analyse")(analyse.analyse_command)
app.command("compare")(analyse.compare_command)
app.command("plan")(plan.plan_command)
app.command("report")(report.report)
app.command("calendar")(calendar.calendar_command)


def main(argv: list[str] | None = None) -> None:
    """Run the command line (``argv`` defaults to ``sys.argv[1:]``); ends in ``SystemExit``.

    Files it makes (the SQLite database and its journal, the key file, exports) are for the
    user only: umask 077."""
    os.umask(0o077)
    if (sys.argv[1:] if argv is None else argv) == ["version"]:
        # Answered before the command line is built: Typer would load pydantic to read no
        # arguments (start-up, docs/benchmarks.md). tests/cli checks it says what Typer says.
        print(__version__)
        return
    logging.basicConfig(level=os.environ.get("ZORGKRACHT_LOG", "WARNING"))
    try:
        app(args=argv, prog_name="zorgkracht")
    except ZorgkrachtError as err:
        typer.echo(err.text(current_lang()), err=True)
        sys.exit(err.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
