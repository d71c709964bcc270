"""``zorgkracht analyse`` and ``zorgkracht compare``: the network analysis on the command line.

INPUT is a case file, network list, GEDCOM file or the id of a stored case
(:func:`zorgkracht.services.inputs.open_input`); a file is read without opening the database.
The text report is :func:`zorgkracht.services.analysing.format_analysis`; ``--json`` prints the
analysis itself (keys in ``docs/analysis.md``). Nothing is logged: the output holds client data.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated

import typer

from zorgkracht.cli.common import open_service, operator, record, set_lang
from zorgkracht.cli.options import DbOption, LangOption

if TYPE_CHECKING:
    from zorgkracht.domain import Case
    from zorgkracht.services import CaseService

InputArg = Annotated[
    str,
    typer.Argument(
        metavar="INPUT",
        help="Casusbestand, netwerklijst, GEDCOM of casus-id / case file, network list, GEDCOM"
        " or case id",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Als JSON / as JSON")]


def _dump(result: object) -> str:
    return json.dumps(result, ensure_ascii=False, indent=2, sort_keys=False)


def _open(source: str, db: str | None) -> tuple[Case, CaseService | None]:
    """The case INPUT names, and the database when it is a stored case (reading one is
    audited)."""
    from zorgkracht.services.inputs import open_input

    stored: list[CaseService] = []

    def opened() -> CaseService:
        stored.append(open_service(db))
        return stored[0]

    case = open_input(source, opened, operator())
    return case, (stored[0] if stored else None)


def _audit_view(stored: CaseService | None, case_id: str, command: str) -> None:
    """Record that the command line read the stored case ``case_id`` (NEN 7513)."""
    if stored is None:
        return  # a file, not a stored case
    from zorgkracht.services.audit import Event

    record(stored, Event.CASE_VIEWED, case_id, f"cli:{command}")


def analyse_command(
    source: InputArg,
    snapshot: Annotated[
        str | None,
        typer.Option("--snapshot", help="Momentopname (standaard: nu) / snapshot (default: now)"),
    ] = None,
    as_json: JsonOption = False,
    lang: LangOption = "nl",
    db: DbOption = None,
) -> None:
    """Analyseer het netwerk: maten, signalen, RADIO. / Analyse the network."""
    chosen = set_lang(lang)
    from zorgkracht.services.analysing import analyse, format_analysis

    case, stored = _open(source, db)
    result = analyse(case, snapshot)
    _audit_view(stored, source, "analyse")
    typer.echo(_dump(result) if as_json else format_analysis(result, chosen), nl=as_json)


def compare_command(
    source: InputArg,
    from_snapshot: Annotated[
        str, typer.Option("--from", help="Eerdere momentopname / earlier snapshot")
    ],
    to_snapshot: Annotated[
        str,
        typer.Option("--to", help="Latere momentopname of 'current' / later snapshot"),
    ],
    as_json: JsonOption = False,
    lang: LangOption = "nl",
    db: DbOption = None,
) -> None:
    """Vergelijk twee momentopnamen. / Compare two snapshots."""
    chosen = set_lang(lang)
    from zorgkracht.services.analysing import compare, format_comparison

    case, stored = _open(source, db)
    result = compare(case, from_snapshot, to_snapshot)
    _audit_view(stored, source, "compare")
    typer.echo(_dump(result) if as_json else format_comparison(result, chosen), nl=as_json)
