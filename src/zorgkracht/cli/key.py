"""``zorgkracht key rotate``: a new key for signing session cookies; every session ends.

The key lives outside the database (``ZORGKRACHT_SECRET_KEY_FILE``, default
``<user data dir>/secret.key``, mode 0600). Rotating writes a new key file and deletes every
session from the database, so everybody signs in again; running servers notice the new file at
their next request. A key given as ``ZORGKRACHT_SECRET_KEY`` is changed there instead.
"""

from __future__ import annotations

import typer

from zorgkracht.cli.common import open_service, say, set_lang
from zorgkracht.cli.options import HELP_SETTINGS, Commands, DbOption, LangOption

key = typer.Typer(
    name="key",
    help="De sleutel van de sessies / the session signing key.",
    no_args_is_help=True,
    rich_markup_mode=None,  # plain help: rich costs start-up time (docs/benchmarks.md)
    cls=Commands,
    context_settings=HELP_SETTINGS,
)


@key.command("rotate")
def rotate(
    db: DbOption = None,
    lang: LangOption = "nl",
) -> None:
    """Maak een nieuwe sleutel en beëindig elke sessie. / Make a new key and end every
    session."""
    set_lang(lang)
    from zorgkracht.config import Settings
    from zorgkracht.services.keys import rotate_key
    from zorgkracht.services.sessions import SessionService

    settings = Settings()
    store = open_service(db).store
    path = rotate_key(settings)
    ended = SessionService.for_cases(store, settings).end_all()
    typer.echo(
        say(
            f"Nieuwe sleutel geschreven naar {path}; {ended} sessies beëindigd. Iedereen "
            "logt opnieuw in.",
            f"New key written to {path}; {ended} sessions ended. Everybody signs in again.",
        )
    )
