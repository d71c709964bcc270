"""One analysis of one network: every measure, the signals and the RADIO suggestions.

This module only assembles; each measure is defined, with its formula and source, in its own
module: :mod:`~zorgkracht.analysis.size`, :mod:`~zorgkracht.analysis.variety`,
:mod:`~zorgkracht.analysis.structure`, :mod:`~zorgkracht.analysis.support`,
:mod:`~zorgkracht.analysis.carers`, :mod:`~zorgkracht.analysis.signals` and
:mod:`~zorgkracht.analysis.radio`. The result is JSON-ready: only dicts with string keys,
lists, strings, numbers, booleans and ``None``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from zorgkracht.domain.model import CURRENT as CURRENT  # re-exported by zorgkracht.analysis
from zorgkracht.domain.model import Case, InstrumentResponse, Network

from .carers import carers, client_care
from .radio import radio
from .results import Measures, NetworkAnalysis
from .settings import DEFAULT_SETTINGS, AnalysisSettings
from .signals import signals
from .size import size_measures
from .structure import structure_measures
from .support import care_potential, concentration, coverage, energy, gaps, reciprocity
from .variety import variety_measures
from .view import build_view


def resolve(
    case: Case, snapshot: str | None
) -> tuple[Network, dt.date | None, list[InstrumentResponse]]:
    """The network, date and instrument answers of ``snapshot`` (``None``/``current``: now)."""
    if snapshot is None or snapshot == CURRENT:
        return case.network, None, list(case.instruments)
    found = case.snapshot(snapshot)  # NotFound naming the snapshots there are
    return found.network, found.taken_on, list(found.instruments)


def analyse_network(
    network: Network,
    client: str,
    *,
    settings: AnalysisSettings = DEFAULT_SETTINGS,
    year: int,
    reference: dt.date,
    plan_hours: Mapping[str, float] | None = None,
) -> NetworkAnalysis:
    """Every measure, signal and suggestion of one network; see ``docs/analysis.md``."""
    view = build_view(network, client)
    support = coverage(view)
    client_name = next((p.name for p in network.persons if p.id == client), client)
    measures: Measures = {
        "client": client,
        "client_name": client_name,
        "year": year,
        "reference_date": reference.isoformat(),
        "persons": {
            p.id: {
                "name": p.name,
                "role": p.role.value if p.role is not None else None,
                "sensitive": p.sensitive,
            }
            for p in view.members
        },
        "excluded": {"pets": view.pets, "deceased": view.deceased},
        **size_measures(view),
        "variety": variety_measures(view.members, year),
        **structure_measures(view.graph),
        "support": support,
        "support_counts": {letter: len(ids) for letter, ids in support.items()},
        "gaps": gaps(support),
        "concentration": concentration(view),
        "reciprocity": reciprocity(view),
        "care_potential": care_potential(view),
        "carers": carers(view, settings, year, reference, plan_hours),
        "client_system": list(view.system),
        "client_care": client_care(view, network, settings),
        "energy": energy(view),
    }
    return {
        **measures,
        "signals": signals(view, network, measures, settings),
        "radio": radio(view, settings, year),
    }
