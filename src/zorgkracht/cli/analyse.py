"""``zorgkracht analyse`` and ``zorgkracht compare``: the network analysis on the command line.

INPUT is a case file, network list, GEDCOM file or the id of a stored case
(:func:`zorgkracht.services.inputs.open_input`); a file is read without opening the database.
The text report is :func:`zorgkracht.analysis.format_analysis`; ``--json`` prints the analysis
itself (keys in ``docs/analysis.md``). Nothing is logged: the output holds client data.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Annotated, Any

import typer

from zorgkracht.analysis import analyse, compare, format_analysis, format_comparison
from zorgkracht.cli.options import DbOption, LangOption
from zorgkracht.services import CaseService
from zorgkracht.services.inputs import open_input

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


def _opened(
    stored: list[CaseService], service: Callable[[str | None], CaseService], db: str | None
) -> CaseService:
    """Open the database and keep it in ``stored``: reading a stored case is audited."""
    stored.append(service(db))
    return stored[0]


def _audit_view(stored: list[CaseService], case_id: str, command: str) -> None:
    """Record that the command line read the stored case ``case_id`` (NEN 7513)."""
    if not stored:
        return  # a file, not a stored case
    from zorgkracht.cli.admin import record
    from zorgkracht.services.audit import Event

    record(stored[0], Event.CASE_VIEWED, case_id, f"cli:{command}")


def register(
    app: typer.Typer,
    service: Callable[[str | None], CaseService],
    set_lang: Callable[[str], Any],
) -> None:
    """Add ``analyse`` and ``compare`` to ``app`` (the callables come from the main CLI)."""

    @app.command("analyse")
    def analyse_command(
        source: InputArg,
        snapshot: Annotated[
            str | None,
            typer.Option(
                "--snapshot", help="Momentopname (standaard: nu) / snapshot (default: now)"
            ),
        ] = None,
        as_json: JsonOption = False,
        lang: LangOption = "nl",
        db: DbOption = None,
    ) -> None:
        """Analyseer het netwerk: maten, signalen, RADIO. / Analyse the network."""
        chosen = set_lang(lang)
        stored: list[CaseService] = []
        case = open_input(source, lambda: _opened(stored, service, db))
        result = analyse(case, snapshot)
        _audit_view(stored, source, "analyse")
        typer.echo(_dump(result) if as_json else format_analysis(result, chosen), nl=as_json)

    @app.command("compare")
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
        stored: list[CaseService] = []
        case = open_input(source, lambda: _opened(stored, service, db))
        result = compare(case, from_snapshot, to_snapshot)
        _audit_view(stored, source, "compare")
        typer.echo(_dump(result) if as_json else format_comparison(result, chosen), nl=as_json)
