"""The analysis for the web application and the command line: the case page's analysis panel,
the short summary that an edit returns, and the analysis and comparison themselves.

The analysis is :mod:`zorgkracht.analysis` (pure); this module picks the parts a page shows and
puts names to the ids. Nothing here logs: the results hold client data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from zorgkracht.analysis import analyse, compare, format_analysis, format_comparison
from zorgkracht.analysis.measures import resolve
from zorgkracht.analysis.results import Comparison
from zorgkracht.domain import Case
from zorgkracht.domain.codes import Circle, Quality, Sector, Support, Zone
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
]

RADIO_EN = {
    "reanimeren": "revive",
    "activeren": "activate",
    "deblokkeren": "unblock",
    "intensiveren": "intensify",
    "onderhouden": "maintain",
}
"""The Dutch RADIO verbs (Smit & van Gennep) with their English sense, for English pages."""


def names(case: Case, lang: str | None = None) -> dict[str, str]:
    """The name of every person and ecogram domain of the case's network, by id (a domain
    under its name in ``lang``, :func:`~zorgkracht.render.domain_names.domain_label`)."""
    from zorgkracht.render.domain_names import domain_label  # not needed by the command line

    found = {p.id: p.name for p in case.network.persons}
    found.update({d.id: domain_label(d, lang) for d in case.network.domains})
    return found


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
                "persons": who(s["persons"]),
            }
            for s in result["signals"]
        ],
        "radio": [
            {
                "person": known.get(r["person"], r["person"]),
                "action": in_language(
                    Text(r["action"], f"{r['action']} ({RADIO_EN.get(r['action'], r['action'])})"),
                    chosen,
                ),
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
    }


def analysis_summary(panel: dict[str, Any]) -> dict[str, Any]:
    """The short form of :func:`analysis_panel` that the edit API returns: size and signals."""
    return {"size": panel["size"], "signals": panel["signals"]}


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


@dataclass(frozen=True, slots=True)
class ComparisonPage:
    """What the compare page shows: the comparison itself, the names by id, who came and who
    left by name, the ties that came and went with what they were, and the measures that moved
    with their label and figures."""

    result: Comparison
    names: dict[str, str]
    came: list[str]
    left: list[str]
    added: list[TieFacts]
    removed: list[TieFacts]
    measures: list[tuple[str, str, str, str]]
    """(label, before, after, change), figures formatted for the page's language."""


_WORST = {Quality.POSITIVE: 0, Quality.TENSE: 1, Quality.CONFLICT: 2}


def _tie_facts(
    network: Network, pairs: list[list[str]], known: dict[str, str], client: str
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
            )
        )
    return out


_MEASURES: dict[str, tuple[str, str]] = {
    "size": ("netwerkleden", "network members"),
    "ties_among_members": ("banden tussen netwerkleden", "ties between members"),
    "density": ("dichtheid (wie kent wie)", "density (who knows whom)"),
    "component_count": ("losse groepjes", "separate groups"),
    "bridges.count": ("bruggen", "bridges"),
    "isolates.count": ("leden die niemand anders kennen", "members who know nobody else"),
    "care_potential.count": ("zorgpotentieel", "care potential"),
    "carers.count": ("mantelzorgers", "informal carers"),
    "concentration.share": ("concentratie van de steun", "concentration of support"),
    "reciprocity.share": ("wederkerigheid", "reciprocity"),
    "signals.count": ("aandachtspunten", "points of attention"),
    "gaps.count": ("soorten steun die niemand geeft", "kinds of support nobody gives"),
    "variety.sector.iqv": ("gevarieerdheid over sectoren (IQV)", "variety over sectors (IQV)"),
}
_GROUPS: dict[str, tuple[str, str, type[Any]]] = {
    "by_sector": ("sector", "sector", Sector),
    "by_circle": ("cirkel", "circle", Circle),
    "by_zone": ("zone", "zone", Zone),
    "support_counts": ("steun", "support", Support),
}


def measure_label(path: str, lang: str | None) -> str:
    """A plain label for a measure of :func:`zorgkracht.analysis.compare` (``""`` for the
    technical ones that the page leaves out)."""
    if path in _MEASURES:
        return in_language(Text(*_MEASURES[path]), lang)
    group, _, code = path.partition(".")
    if group in _GROUPS and code != "unknown":
        nl_text, en_text, enum = _GROUPS[group]
        member = enum(code)
        return f"{in_language(Text(nl_text, en_text), lang)}: {in_language(member, lang)}"
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
    return ComparisonPage(
        result=result,
        names=known,
        came=[known.get(i, i) for i in result["came"]],
        left=[known.get(i, i) for i in result["left"]],
        added=_tie_facts(after, result["ties"]["added"], known, case.client),
        removed=_tie_facts(before, result["ties"]["removed"], known, case.client),
        measures=measures,
    )
