"""The analysis for the web application and the command line: the case page's analysis panel,
the short summary that an edit returns, and the analysis and comparison themselves.

The analysis is :mod:`zorgkracht.analysis` (pure); this module picks the parts a page shows and
puts names to the ids. Nothing here logs: the results hold client data.
"""

from __future__ import annotations

from typing import Any

from zorgkracht.analysis import analyse, compare, format_analysis, format_comparison
from zorgkracht.domain import Case
from zorgkracht.domain.codes import Support
from zorgkracht.i18n import Text, in_language, language

__all__ = [
    "RADIO_EN",
    "analyse",
    "analysis_panel",
    "analysis_summary",
    "compare",
    "format_analysis",
    "format_comparison",
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


def names(case: Case) -> dict[str, str]:
    """The name of every person and ecogram domain of the case's network, by id."""
    found = {p.id: p.name for p in case.network.persons}
    found.update({d.id: d.name for d in case.network.domains})
    return found


def analysis_panel(case: Case, lang: str) -> dict[str, Any]:
    """What the analysis panel shows: signals with the names of the persons concerned, RADIO
    suggestions with their reasons (other than ``onderhouden``, which is for everyone), and the
    key measures."""
    result = analyse(case)
    known = names(case)
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
