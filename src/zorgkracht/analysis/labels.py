"""Plain Dutch and English labels for the numbers of a comparison (``compare()["measures"]``).

Every dotted path that :func:`~zorgkracht.analysis.change.numbers` yields gets a label a social
worker reads without knowing the JSON: ``by_circle.acquaintance`` is "per cirkel (Lensink):
bekenden", ``variety.gender.iqv`` is "gevarieerdheid naar geslacht (IQV)". Code values are
named by their own labels (:mod:`zorgkracht.domain.codes`). Used by the text report
(``zorgkracht compare``) and the compare page.
"""

from __future__ import annotations

from zorgkracht.domain.codes import (
    Circle,
    Coded,
    Frequency,
    NetworkZone,
    Quality,
    Sector,
    Segment,
    Support,
    Zone,
)
from zorgkracht.i18n import Text, in_language

_PLAIN: dict[str, tuple[str, str]] = {
    "size": ("netwerkleden", "network members"),
    "density": ("dichtheid (wie kent wie)", "density (who knows whom)"),
    "ties_among_members": ("relaties tussen netwerkleden", "relations between members"),
    "component_count": ("losse groepjes", "separate groups"),
    "bridges.count": ("bruggen", "bridges"),
    "isolates.count": ("leden die niemand anders kennen", "members who know nobody else"),
    "gaps.count": ("soorten steun die niemand geeft", "kinds of support nobody gives"),
    "carers.count": ("mantelzorgers", "informal carers"),
    "signals.count": ("aandachtspunten", "points of attention"),
    "care_potential.count": ("zorgpotentieel", "care potential"),
    "concentration.share": (
        "hoeveel rust op één persoon (deel van de informele steun)",
        "how much rests on one person (share of informal support)",
    ),
    "concentration.pairs": (
        "hoeveel rust op één persoon: soorten steun van de grootste gever",
        "how much rests on one person: kinds of support of the largest provider",
    ),
    "concentration.total_pairs": (
        "informele steun: gever en soort samen geteld",
        "informal support: provider and kind counted together",
    ),
    "concentration.formal_pairs": (
        "betaalde hulp: gever en soort samen geteld",
        "paid help: provider and kind counted together",
    ),
    "reciprocity.share": ("wederkerigheid", "reciprocity"),
    "reciprocity.reciprocal": ("wederkerige steunende relaties", "reciprocal supporting relations"),
    "reciprocity.not_reciprocal": ("eenzijdige steunende relaties", "one-way supporting relations"),
    "reciprocity.unknown": (
        "steunende relaties, wederkerigheid onbekend",
        "supporting relations, reciprocity unknown",
    ),
    "reciprocity.formal": (
        "steunende relaties met betaalde hulp",
        "supporting relations, paid help",
    ),
    "reciprocity.supporting_ties": ("steunende relaties", "supporting relations"),
    "client_care.hours_per_week": (
        "zorg die de cliënt of het gezin geeft (uur per week)",
        "care the client or the family gives (hours a week)",
    ),
    "client_care.months": (
        "zorg die de cliënt of het gezin geeft (maanden)",
        "care the client or the family gives (months)",
    ),
    "client_care.carers.count": (
        "wie van cliënt of gezin zorg geeft (aantal)",
        "who of the client or the family gives care (number)",
    ),
    "energy.gives": ("contacten die energie geven", "contacts who give energy"),
    "energy.costs": ("contacten die energie kosten", "contacts who cost energy"),
    "energy.both": ("contacten die energie geven én kosten", "contacts who give and cost energy"),
    "energy.unknown": ("contacten, energie onbekend", "contacts, energy unknown"),
    "typology.size": ("omvang voor de typologie", "size for the typology"),
    "typology.rich_from": ("typologie: rijk netwerk vanaf", "typology: rich network from"),
}
_GROUPS: dict[str, tuple[str, str, type[Coded]]] = {
    "by_sector": ("per sector (MSNA)", "by sector (MSNA)", Sector),
    "by_segment": ("per segment (Lensink)", "by segment (Lensink)", Segment),
    "by_circle": ("per cirkel (Lensink)", "by circle (Lensink)", Circle),
    "by_zone": ("per zone (MSNA)", "by zone (MSNA)", Zone),
    "by_frequency": ("per contactfrequentie", "by contact frequency", Frequency),
    "by_network_zone": ("per netwerkzone (MSNA)", "by network zone (MSNA)", NetworkZone),
    "reachability": ("bereikbaarheid, aandeel in zone", "reachability, share in zone", Zone),
    "support_counts": ("gevers van", "providers of", Support),
}
_VARIETY: dict[str, tuple[str, str]] = {
    "sector": ("sector", "sector"),
    "role": ("rol", "role"),
    "gender": ("geslacht", "gender"),
    "age_group": ("leeftijdsgroep", "age group"),
    "education": ("opleiding", "education"),
}
_STATS: dict[str, tuple[str, str]] = {
    "iqv": ("IQV", "IQV"),
    "blau": ("Blau", "Blau"),
    "k": ("aantal mogelijke waarden", "number of possible values"),
    "n": ("aantal bekend", "number known"),
    "unknown": ("aantal onbekend", "number unknown"),
}
STRENGTH: dict[int, tuple[str, str]] = {
    1: ("minder belangrijk", "less important"),
    2: ("belangrijk", "important"),
    3: ("heel belangrijk", "very important"),
}
"""Tie strength 1–3 in the book's words: "dikker = belangrijker" (book 1793)."""
TREND: dict[str, tuple[str, str]] = {
    "strengthened": ("Sterker geworden", "Strengthened"),
    "weakened": ("Zwakker geworden", "Weakened"),
    "mixed": ("Deels sterker, deels zwakker", "Partly stronger, partly weaker"),
}
"""The trend of a changed relation; one term for a change both ways."""
INTENDED: tuple[str, str] = (
    "zoals de cliënt wilde: afstand genomen, een winst",
    "as the client wished: distance taken, a gain",
)
"""A departure or a weaker relation the client wished (book 3078–3079)."""


def _t(pair: tuple[str, str], lang: str | None) -> str:
    return in_language(Text(*pair), lang)


def trend_label(trend: str, lang: str | None) -> str:
    return _t(TREND[trend], lang)


def intended_label(lang: str | None) -> str:
    return _t(INTENDED, lang)


def strength_label(strength: int, lang: str | None) -> str:
    """ "minder belangrijk", "belangrijk" or "heel belangrijk" (the strength as is otherwise)."""
    return _t(STRENGTH[strength], lang) if strength in STRENGTH else str(strength)


def quality_label(code: str, lang: str | None) -> str:
    """The label of a ``Quality`` code: positief, gespannen, conflictvol."""
    return in_language(Quality(code), lang)


def measure_label(path: str, lang: str | None) -> str:
    """A plain label for a number of the comparison (the path itself only for a path this
    module does not know)."""
    if path in _PLAIN:
        return _t(_PLAIN[path], lang)
    group, _, rest = path.partition(".")
    if group in _GROUPS:
        nl_text, en_text, enum = _GROUPS[group]
        code = _t(("onbekend", "unknown"), lang) if rest == "unknown" else None
        if code is None:
            try:
                code = in_language(enum(rest), lang)
            except ValueError:
                code = rest
        return f"{_t((nl_text, en_text), lang)}: {code}"
    if group == "variety":
        var, _, stat = rest.partition(".")
        if var in _VARIETY and stat in _STATS:
            name = _t(("gevarieerdheid naar", "variety by"), lang)
            return f"{name} {_t(_VARIETY[var], lang)} ({_t(_STATS[stat], lang)})"
    return path  # a number without a label yet (a test keeps every real path labelled)
