"""``zorgkracht calendar``: the meetings and actions of a case as an iCalendar file (.ics).

Per case, or with ``--person ID`` for one person: the meetings they are invited to and the
actions they do or think along in, for their own phone's calendar. What is marked sensitive and
every note are left out (:mod:`zorgkracht.services.calendars`, ``docs/calendar.md``). The file
is written atomically, as ``render`` writes a picture; reading a stored case is audited as an
export. Nothing is logged: the file holds client data.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from zorgkracht.cli.analyse import InputArg, _open
from zorgkracht.cli.common import record, say, set_lang
from zorgkracht.cli.options import DbOption, LangOption
from zorgkracht.cli.render import write_atomically
from zorgkracht.domain import NotFound


def calendar_command(
    source: InputArg,
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Doelbestand / output file (.ics)")
    ],
    person: Annotated[
        str | None,
        typer.Option(
            "--person",
            help="Alleen wat deze persoon (id) aangaat / only what concerns this person (id)",
        ),
    ] = None,
    lang: LangOption = "nl",
    db: DbOption = None,
) -> None:
    """Schrijf de bijeenkomsten en acties als agenda (iCalendar). / Write the meetings and
    actions as a calendar (iCalendar)."""
    chosen = set_lang(lang)
    from zorgkracht.services.calendars import calendar_file

    case, stored = _open(source, db)
    if person is not None and person not in {p.id for p in case.network.persons}:
        known = ", ".join(p.id for p in case.network.persons)
        raise NotFound(
            f"--person: persoon {person!r} staat niet in het netwerk van de casus (wel: {known})",
            f"--person: person {person!r} is not in the case's network (known: {known})",
        )
    data = calendar_file(case, person=person, lang=chosen)
    write_atomically(output, data)
    if stored is not None:
        from zorgkracht.services.audit import Event

        detail = "ics:person" if person else "ics"  # no person id in the audit log
        record(stored, Event.CASE_EXPORTED, source, detail)
    typer.echo(say(f"Geschreven (iCalendar): {output}", f"Written (iCalendar): {output}"))
