"""The analysis for the web application and the command line: the case page's analysis panel,
the short summary that an edit returns, and the analysis and comparison themselves.

The analysis is :mod:`zorgkracht.analysis` (pure); this module picks the parts a page shows and
puts names to the ids. Nothing here logs: the results hold client data.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from zorgkracht.analysis import analyse, compare, format_analysis, format_comparison
from zorgkracht.analysis.labels import (
    STRENGTH,
    TREND,
    intended_label,
    quality_label,
    strength_label,
    trend_label,
)
from zorgkracht.analysis.labels import measure_label as full_label
from zorgkracht.analysis.measures import resolve
from zorgkracht.analysis.report import RADIO_EN
from zorgkracht.analysis.results import Comparison
from zorgkracht.domain import Case
from zorgkracht.domain.codes import CareTask, Quality, Support
from zorgkracht.domain.copies import same_apart_from_positions
from zorgkracht.domain.model import Network
from zorgkracht.i18n import Text, in_language, language

__all__ = [
    "RADIO_EN",
    "analyse",
    "analysis_panel",
    "analysis_summary",
    "compare",
    "comparison_page",
    "figure",
    "format_analysis",
    "format_comparison",
    "measure_label",
    "names",
    "quality_label",
    "strength_label",
]


def names(case: Case, lang: str | None = None) -> dict[str, str]:
    """The name of every person and ecogram domain of the case's network, by id (a domain
    under its name in ``lang``, :func:`~zorgkracht.render.domain_names.domain_label`)."""
    from zorgkracht.render.domain_names import domain_label  # not needed by the command line

    found = {p.id: p.name for p in case.network.persons}
    found.update({d.id: domain_label(d, lang) for d in case.network.domains})
    return found


def _radio_action(action: str, lang: str) -> str:
    """``afstand nemen`` in Dutch, ``afstand nemen (take distance)`` in English."""
    dutch = action.replace("_", " ")
    return in_language(Text(dutch, f"{dutch} ({RADIO_EN.get(action, action)})"), lang)


def analysis_panel(case: Case, lang: str) -> dict[str, Any]:
    """What the analysis panel shows: signals with the names of the persons concerned, RADIO
    suggestions with their reasons (other than ``onderhouden``, which is for everyone), and the
    key measures."""
    result = analyse(case)
    known = names(case, lang)
    chosen = language(lang)

    def who(ids: list[str]) -> list[str]:
        return [known.get(i, i) for i in ids]

    support = [
        {"letter": letter, "label": Support(letter), "who": who(ids)}
        for letter, ids in result["support"].items()
    ]
    return {
        "size": result["size"],
        "signals": [
            {
                "code": s["code"],
                "severity": s["severity"],
                "message": s["message"][chosen],
                "persons": who([*s["persons"], *s.get("domains", [])]),
                "carer": known.get(s["carer"], s["carer"]) if "carer" in s else None,
            }
            for s in result["signals"]
        ],
        "radio": [
            {
                "person": known.get(r["person"], r["person"]),
                "action": _radio_action(r["action"], chosen),
                "reason": r["reason"][chosen],
            }
            for r in result["radio"]
            if r["action"] != "onderhouden"
        ],
        "support": support,
        "density": result["density"],
        "concentration": result["concentration"]["share"],
        "reciprocity": result["reciprocity"]["share"],
        "care_potential": result["care_potential"]["count"],
        "carers": who([c["person"] for c in result["carers"]]),
        "components": result["component_count"],
        "family": len(result["client_system"]) > 1,
        "client_care": [
            {
                "person": known.get(c["person"], c["person"]),
                "hours_per_week": c["hours_per_week"],
                "months": c["months"],
                "tasks": [in_language(CareTask(t), chosen) for t in c["tasks"]],
                "persons": who(c["persons"]),
            }
            for c in result["client_care"]["carers"]
        ],
        "energy": {
            "gives": who(result["energy"]["persons"]["gives"]),
            "costs": who(result["energy"]["persons"]["costs"]),
            "both": who(result["energy"]["persons"]["both"]),
        },
    }


def analysis_summary(panel: dict[str, Any]) -> dict[str, Any]:
    """The short form of :func:`analysis_panel` that the edit API returns: size and signals."""
    return {"size": panel["size"], "signals": panel["signals"]}


_KEEP = 16
"""How many cases' analysis panels :func:`kept_panel` keeps (the cases being edited now)."""
_panels: OrderedDict[tuple[str, str], tuple[dt.date, Case, dict[str, Any]]] = OrderedDict()
_lock = threading.Lock()


def kept_panel(case_id: str, edited: Case, saved: Case, lang: str) -> dict[str, Any]:
    """The analysis panel of the ``edited`` case (``saved`` is its stored copy): the one of the
    case's previous edit (this day, this language) when the case is the same apart from
    position overrides (a person moved on the picture), else analysed anew. The comparison is
    fast: an edit shares the records of its base, the previous edit's saved copy. The panel
    is never changed by its users."""
    key, today = (case_id, lang), dt.date.today()
    with _lock:
        kept = _panels.get(key)
    if kept is not None and kept[0] == today and same_apart_from_positions(kept[1], edited):
        panel = kept[2]
    else:
        panel = analysis_panel(edited, lang)
    with _lock:
        _panels[key] = (today, saved, panel)
        _panels.move_to_end(key)
        while len(_panels) > _KEEP:
            _panels.popitem(last=False)
    return panel


def forget_panels(case_id: str) -> None:
    """Drop what is kept of ``case_id`` (it was erased)."""
    with _lock:
        for key in [k for k in _panels if k[0] == case_id]:
            del _panels[key]


# --- the compare page -----------------------------------------------------------------------

SHARES = frozenset({"density", "concentration.share", "reciprocity.share"})
"""The measures that are shares (0 to 1), shown as percentages."""


def figure(path: str, value: float | None, lang: str | None, *, change: bool = False) -> str:
    """A measure of the comparison as the page shows it: a share as a percentage, any other
    number with at most two decimals, both with the decimal separator of ``lang``; a change
    with its sign; ``—`` when there is no number."""
    from babel.numbers import format_decimal, format_percent  # not needed by the command line

    if value is None:
        return "—"
    locale = language(lang)
    if path in SHARES:
        pattern = "+#,##0.#%;-#,##0.#%" if change else "#,##0.#%"
        return str(format_percent(value, pattern, locale=locale))
    pattern = "+#,##0.##;-#,##0.##" if change else "#,##0.##"
    return str(format_decimal(value, pattern, locale=locale))


@dataclass(frozen=True, slots=True)
class TieFacts:
    """A tie that came or went, as the compare page describes it: the names at its ends, its
    strength (1 to 3), its quality code and its support letters in the usual order. Several
    ties between the same two are taken together, as :mod:`zorgkracht.analysis.change` does."""

    between: tuple[str, str]
    """The names at the ends, the client first."""
    strength: int
    quality: str
    support: tuple[str, ...]
    intended: bool = False
    """Gone as the client wished: the other end was someone the client wanted less of."""


@dataclass(frozen=True, slots=True)
class ComparisonPage:
    """What the compare page shows: the comparison itself, the names by id, who came and who
    left by name, the ties that came and went with what they were, and the measures that moved
    with their label and figures."""

    result: Comparison
    names: dict[str, str]
    came: list[str]
    left: list[str]
    left_intended: list[str]
    """The names of those who left as the client wished (wish ``less`` or ``none`` before)."""
    added: list[TieFacts]
    removed: list[TieFacts]
    measures: list[tuple[str, str, str, str]]
    """(label, before, after, change), figures formatted for the page's language."""
    strength: dict[int, str]
    """Strength 1–3 in the book's words (minder belangrijk, belangrijk, heel belangrijk)."""
    trends: dict[str, str]
    """The label of each trend of a changed relation."""
    intended: str
    """The words for a departure the client wished."""


_WORST = {Quality.POSITIVE: 0, Quality.TENSE: 1, Quality.CONFLICT: 2}


def _tie_facts(
    network: Network,
    pairs: list[list[str]],
    known: dict[str, str],
    client: str,
    intended: frozenset[tuple[str, str]] = frozenset(),
) -> list[TieFacts]:
    wanted = {(p[0], p[1]) for p in pairs}
    found: dict[tuple[str, str], tuple[int, Quality, set[Support]]] = {}
    for tie in network.ties:
        pair = (min(tie.a, tie.b), max(tie.a, tie.b))
        if pair not in wanted:
            continue
        strength, quality, support = found.get(pair, (tie.strength, tie.quality, set()))
        if _WORST[tie.quality] > _WORST[quality]:
            quality = tie.quality
        found[pair] = (max(strength, tie.strength), quality, support | tie.support)
    out: list[TieFacts] = []
    for a, b in (tuple(p) for p in pairs):
        strength, quality, support = found[(a, b)]
        first, second = (b, a) if b == client else (a, b)
        out.append(
            TieFacts(
                between=(known.get(first, first), known.get(second, second)),
                strength=strength,
                quality=quality.value,
                support=tuple(s.value for s in Support if s in support),
                intended=(a, b) in intended,
            )
        )
    return out


KEY_MEASURES = frozenset(
    {
        "size",
        "ties_among_members",
        "density",
        "component_count",
        "bridges.count",
        "isolates.count",
        "care_potential.count",
        "carers.count",
        "concentration.share",
        "reciprocity.share",
        "signals.count",
        "gaps.count",
        "variety.sector.iqv",
        "client_care.hours_per_week",
        "client_care.months",
        "energy.gives",
        "energy.costs",
        "energy.both",
    }
)
"""The measures the compare page shows, besides the counts per sector, circle, zone and
support letter; ``zorgkracht compare`` shows every number."""
_KEY_GROUPS = frozenset({"by_sector", "by_circle", "by_zone", "support_counts"})


def measure_label(path: str, lang: str | None) -> str:
    """A plain label for a measure of :func:`zorgkracht.analysis.compare` (``""`` for the
    technical ones that the page leaves out; :mod:`zorgkracht.analysis.labels` names them
    all)."""
    group, _, code = path.partition(".")
    if path in KEY_MEASURES or (group in _KEY_GROUPS and code != "unknown"):
        return full_label(path, lang)
    return ""


def comparison_page(case: Case, a: str, b: str, lang: str | None) -> ComparisonPage:
    """The compare page of ``case`` from snapshot ``a`` to ``b`` (``current``: now) in
    ``lang``: the measures with a label (:func:`measure_label`) that moved. Raises
    ``NotFound`` for an unknown snapshot."""
    from zorgkracht.render.domain_names import domain_label  # not needed by the command line

    result = compare(case, a, b)
    before, _, _ = resolve(case, a)
    after, _, _ = resolve(case, b)
    known = {pid: p["name"] for pid, p in result["persons"].items()}
    known[result["client"]] = result["client_name"]
    for net in (after, before, *(s.network for s in case.snapshots)):
        for d in net.domains:
            known.setdefault(d.id, domain_label(d, lang))
    measures = []
    for path, moved in result["measures"].items():
        name = measure_label(path, lang)
        if moved["change"] and name:
            measures.append(
                (
                    name,
                    figure(path, moved["from"], lang),
                    figure(path, moved["to"], lang),
                    figure(path, moved["change"], lang, change=True),
                )
            )
    wished = frozenset((p[0], p[1]) for p in result["ties"]["removed_intended"])
    return ComparisonPage(
        result=result,
        names=known,
        came=[known.get(i, i) for i in result["came"]],
        left=[known.get(i, i) for i in result["left"]],
        left_intended=[
            known.get(d["person"], d["person"]) for d in result["departures"] if d["intended"]
        ],
        added=_tie_facts(after, result["ties"]["added"], known, case.client),
        removed=_tie_facts(before, result["ties"]["removed"], known, case.client, wished),
        measures=measures,
        strength={n: strength_label(n, lang) for n in STRENGTH},
        trends={t: trend_label(t, lang) for t in TREND},
        intended=intended_label(lang),
    )
