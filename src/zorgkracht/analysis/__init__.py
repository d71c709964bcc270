"""Analysis of a client's network: measures, signals, RADIO suggestions and change.

Public API::

    analyse(case, snapshot=None, *, settings=None, year=None) -> AnalysisResult
    compare(case, from_snapshot, to_snapshot) -> Comparison
    format_analysis(result, lang="nl") -> str
    format_comparison(result, lang="nl") -> str

Every measure, its formula and its source are documented in the module that computes it and in
``docs/analysis.md``. Signals are points of attention, never verdicts (book ch. 5). Nothing
here logs: the results hold client data.
"""

from __future__ import annotations

import datetime as dt

from zorgkracht.domain.model import Case

from .change import departures, measure_changes, tie_changes
from .instruments import score_instruments
from .measures import CURRENT, analyse_network, resolve
from .report import format_analysis, format_comparison
from .results import AnalysisResult, Comparison, RadioSuggestion, Signal
from .settings import DEFAULT_SETTINGS, AnalysisSettings
from .signals import SIGNAL_CODES
from .typology import typology
from .view import build_view

__all__ = [
    "CURRENT",
    "SIGNAL_CODES",
    "AnalysisResult",
    "AnalysisSettings",
    "Comparison",
    "RadioSuggestion",
    "Signal",
    "analyse",
    "compare",
    "format_analysis",
    "format_comparison",
]


def analyse(
    case: Case,
    snapshot: str | None = None,
    *,
    settings: AnalysisSettings | None = None,
    year: int | None = None,
    reference_date: dt.date | None = None,
) -> AnalysisResult:
    """Analyse the case's current network, or snapshot ``snapshot`` (``"current"``: now).

    ``reference_date`` is the day care durations are counted to (``care_since``); it defaults to
    the snapshot's date, else today. ``year`` (for ages and age groups) defaults to the year of
    the reference date. Raises :class:`~zorgkracht.domain.errors.NotFound` for an unknown
    snapshot id.
    """
    network, taken_on, instruments = resolve(case, snapshot)
    reference = reference_date or taken_on or dt.date.today()
    chosen = settings or DEFAULT_SETTINGS
    result = analyse_network(
        network,
        case.client,
        settings=chosen,
        year=year if year is not None else reference.year,
        reference=reference,
        plan_hours=case.process.plan_hours() if snapshot in (None, CURRENT) else None,
    )
    scored = score_instruments(instruments)
    return {
        "snapshot": snapshot or CURRENT,
        **result,
        "instruments": scored,
        "typology": typology(result["size"], scored, chosen.typology_rich_size),
    }


def compare(case: Case, from_snapshot: str, to_snapshot: str) -> Comparison:
    """What changed from one snapshot to another (``"current"`` is the case's network now)."""
    before_net, before_date, _ = resolve(case, from_snapshot)
    after_net, after_date, _ = resolve(case, to_snapshot)
    before = analyse(case, from_snapshot)
    after = analyse(case, to_snapshot)
    old = build_view(before_net, case.client)
    new = build_view(after_net, case.client)
    persons = {**before["persons"], **after["persons"]}
    left = sorted(old.member_ids - new.member_ids)
    return {
        "from": from_snapshot,
        "to": to_snapshot,
        "from_date": before_date.isoformat() if before_date else None,
        "to_date": after_date.isoformat() if after_date else None,
        "client": case.client,
        "client_name": after["client_name"],
        "persons": persons,
        "came": sorted(new.member_ids - old.member_ids),
        "left": left,
        "departures": departures(before_net, left),
        "ties": tie_changes(before_net, after_net),
        "measures": measure_changes(before, after),
    }
