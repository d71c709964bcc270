"""Plain-text reports of an analysis and a comparison, in Dutch or English, for the CLI.

Every figure is printed with a short explanation and its source, as the domain asks
(``shared/domain.md`` §6). The report names members by the name entered in the case: it is
meant for the professional and the client at the table, never for a log.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from zorgkracht.domain.codes import (
    CareTask,
    Circle,
    Coded,
    Frequency,
    NetworkZone,
    Sector,
    Segment,
    Support,
    Zone,
)
from zorgkracht.i18n import Text, in_language, language

from .labels import INTENDED, TREND, measure_label, quality_label, strength_label
from .results import (
    AnalysisResult,
    Comparison,
    PersonInfo,
    ScoredInstrument,
    Typology,
    VarietyMeasure,
)

_T: dict[str, tuple[str, str]] = {
    "title": ("Netwerkanalyse", "Network analysis"),
    "compare_title": ("Verandering in het netwerk", "Change in the network"),
    "size": ("Omvang", "Size"),
    "members": ("netwerkleden", "network members"),
    "excluded": (
        "niet meegeteld (huisdieren, overleden personen)",
        "not counted (pets, deceased persons)",
    ),
    "size_note": (
        "Ter vergelijking, geen norm: Lensink noemt ongeveer 6-10 mensen in de cirkel van"
        " intimiteit en 6-10 in die van vriendschap; Mueller 35-55 mensen in het hele netwerk."
        " Veel mensen hebben er minder of meer; het gaat erom wat de contacten voor u betekenen.",
        "For comparison, not a norm: Lensink names about 6-10 people in the circle of intimacy"
        " and 6-10 in that of friendship; Mueller 35-55 people in the whole network. Many people"
        " have fewer or more; what matters is what the contacts mean to you.",
    ),
    "by_sector": ("per sector (MSNA)", "by sector (MSNA)"),
    "by_segment": ("per segment (Lensink)", "by segment (Lensink)"),
    "by_circle": ("per cirkel (Lensink)", "by circle (Lensink)"),
    "by_zone": ("per zone (MSNA)", "by zone (MSNA)"),
    "by_frequency": ("per contactfrequentie", "by contact frequency"),
    "by_network_zone": ("per netwerkzone (MSNA)", "by network zone (MSNA)"),
    "unknown": ("onbekend", "unknown"),
    "variety": (
        "Gevarieerdheid (Blau 1 − Σp², IQV = Blau × k/(k−1); 0 = iedereen gelijk, 1 = zo"
        " gevarieerd als kan)",
        "Variety (Blau 1 − Σp², IQV = Blau × k/(k−1); 0 = all alike, 1 = as varied as can be)",
    ),
    "sector": ("sector", "sector"),
    "role": ("rol", "role"),
    "gender": ("geslacht", "gender"),
    "age_group": ("leeftijdsgroep", "age group"),
    "education": ("opleiding", "education"),
    "structure": (
        "Wie kent wie (sociogram, zonder de cliënt)",
        "Who knows whom (sociogram, without the client)",
    ),
    "density": (
        "dichtheid (relaties ÷ mogelijke relaties)",
        "density (relations ÷ possible relations)",
    ),
    "ties": ("relaties tussen netwerkleden", "relations between members"),
    "household_note": (
        "wie samenwoont, kent elkaar: leden van het huishouden tellen als verbonden",
        "people who live together know each other: household members count as tied",
    ),
    "components": ("groepjes (componenten)", "groups (components)"),
    "bridges": ("bruggen", "bridges"),
    "isolates": (
        "kennen niemand anders in het netwerk",
        "know nobody else in the network",
    ),
    "support": ("Steun aan de cliënt", "Support to the client"),
    "support_family": ("Steun aan cliënt/gezin", "Support to the client/family"),
    "nobody": ("niemand", "nobody"),
    "concentration": (
        "Hoeveel rust op één persoon: deel van alle steun van familie, vrienden en buren dat de"
        " grootste gever geeft (betaalde hulp telt niet mee)",
        "How much rests on one person: share of all support from family, friends and neighbours"
        " given by the largest provider (paid help not counted)",
    ),
    "reciprocity": (
        "Wederkerigheid: steunende relaties waarop de cliënt iets teruggeeft",
        "Reciprocity: supporting relations on which the client gives something back",
    ),
    "reciprocity_family": (
        "Wederkerigheid: steunende relaties waarop de cliënt/het gezin iets teruggeeft",
        "Reciprocity: supporting relations on which the client/family gives something back",
    ),
    "care_potential": (
        "Zorgpotentieel (Broese van Groenou & van Tilburg): familie, vrienden en buren met"
        " minstens maandelijks contact die praktische steun geven en zelf geen zorg krijgen",
        "Care potential (Broese van Groenou & van Tilburg): family, friends and neighbours in"
        " contact at least monthly who give practical support and receive no care themselves",
    ),
    "care_potential_note": (
        "ouderen hebben er gemiddeld 3-4 (ter vergelijking, geen norm)",
        "older people have 3-4 on average (for comparison, not a norm)",
    ),
    "client_care": (
        "Zorg die de cliënt zelf geeft (SCP: meer dan 8 uur per week en/of langer dan 3"
        " maanden is mantelzorg)",
        "Care the client gives (SCP: more than 8 hours a week and/or longer than 3 months is"
        " informal care)",
    ),
    "client_care_family": (
        "Zorg die de cliënt of het gezin zelf geeft (SCP: meer dan 8 uur per week en/of langer"
        " dan 3 maanden is mantelzorg)",
        "Care the client or the family gives (SCP: more than 8 hours a week and/or longer than"
        " 3 months is informal care)",
    ),
    "cares_for": ("zorgt voor", "cares for"),
    "energy": ("Energie (netwerkcirkel)", "Energy (network circle)"),
    "energy_gives": ("geven energie", "give energy"),
    "energy_costs": ("kosten energie", "cost energy"),
    "energy_both": ("geven en kosten energie", "give and cost energy"),
    "carers": (
        "Mantelzorgers (SCP: meer dan 8 uur per week en/of langer dan 3 maanden)",
        "Carers (SCP: more than 8 hours a week and/or longer than 3 months)",
    ),
    "hours": ("uur per week", "hours a week"),
    "months": ("maanden", "months"),
    "signals": ("Aandachtspunten (signalen, geen oordeel)", "Points of attention (not verdicts)"),
    "no_signals": ("geen", "none"),
    "info": ("info", "info"),
    "attention": ("aandacht", "attention"),
    "radio": ("RADIO (Smit & van Gennep)", "RADIO (Smit & van Gennep)"),
    "maintain_all": (
        "onderhouden: iedereen (elk contact vraagt onderhoud)",
        "onderhouden (maintain): everyone (every contact needs upkeep)",
    ),
    "undefined": ("n.v.t.", "n/a"),
    "instruments": (
        "Onderzoeksinstrumenten (een getal voor het gesprek, geen diagnose)",
        "Research instruments (a number for the conversation, not a diagnosis)",
    ),
    "of": ("van", "of"),
    "category": ("categorie volgens de bron", "category per the source"),
    "not_scored": ("niet gescoord", "not scored"),
    "perception": ("beleving van het netwerk", "perception of the network"),
    "meaningful": ("betekenisvol", "meaningful"),
    "burdensome": ("belastend", "burdensome"),
    "typology": ("Typologie (Machielse & Hortulanus)", "Typology (Machielse & Hortulanus)"),
    "not_lonely": ("niet eenzaam", "not lonely"),
    "moderately_lonely": ("matig eenzaam", "moderately lonely"),
    "severely_lonely": ("ernstig eenzaam", "severely lonely"),
    "very_severely_lonely": ("zeer ernstig eenzaam", "very severely lonely"),
    "lonely": ("eenzaam", "lonely"),
    "at_risk_of_isolation": ("risico op sociaal isolement", "at risk of social isolation"),
    "not_at_risk": ("geen verhoogd risico op isolement", "not at raised risk of isolation"),
    "high_strain": ("hoge belasting", "high strain"),
    "lower_strain": ("lagere belasting", "lower strain"),
    "emotional": ("emotioneel", "emotional"),
    "social": ("sociaal", "social"),
    "family": ("familie", "family"),
    "friends": ("vrienden", "friends"),
    "came": ("Erbij gekomen", "Came"),
    "left": ("Weggegaan", "Left"),
    "intended": INTENDED,
    "ties_added": ("Nieuwe relaties", "New relations"),
    "ties_removed": ("Verdwenen relaties", "Relations gone"),
    **TREND,
    "measures": ("Maten die veranderden", "Measures that changed"),
}

RADIO_EN = {
    "afstand_nemen": "take distance",
    "reanimeren": "revive",
    "activeren": "activate",
    "deblokkeren": "unblock",
    "intensiveren": "intensify",
    "onderhouden": "maintain",
}


def _counts(result: AnalysisResult) -> list[tuple[str, type[Coded], dict[str, int]]]:
    """(key, code enumeration, counts) of every classification, in the report's order."""
    return [
        ("by_sector", Sector, result["by_sector"]),
        ("by_segment", Segment, result["by_segment"]),
        ("by_circle", Circle, result["by_circle"]),
        ("by_zone", Zone, result["by_zone"]),
        ("by_frequency", Frequency, result["by_frequency"]),
        ("by_network_zone", NetworkZone, result["by_network_zone"]),
    ]


def _varieties(result: AnalysisResult) -> list[tuple[str, VarietyMeasure]]:
    variety = result["variety"]
    return [
        ("sector", variety["sector"]),
        ("role", variety["role"]),
        ("gender", variety["gender"]),
        ("age_group", variety["age_group"]),
        ("education", variety["education"]),
    ]


def _t(key: str, lang: str) -> str:
    return in_language(Text(*_T[key]), lang)


def _label(enum: type[Coded], code: str, lang: str) -> str:
    if code == "unknown":
        return _t("unknown", lang)
    return in_language(enum(code), lang)


def _num(value: float | None, lang: str, digits: int = 2) -> str:
    if value is None:
        return _t("undefined", lang)
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "nl" else text


def _pct(value: float | None, lang: str) -> str:
    return _t("undefined", lang) if value is None else f"{round(value * 100)}%"


def _names(ids: Iterable[str], persons: Mapping[str, str]) -> str:
    return ", ".join(persons.get(i, i) for i in ids)


def _name_map(persons: dict[str, PersonInfo], client: str, client_name: str) -> dict[str, str]:
    """Member id → name, and the client's."""
    return {**{pid: p["name"] for pid, p in persons.items()}, client: client_name}


def format_analysis(result: AnalysisResult, lang: str = "nl") -> str:
    """A readable plain-text report of :func:`~zorgkracht.analysis.analyse`."""
    persons = _name_map(result["persons"], result["client"], result["client_name"])
    picked = language(lang)
    lines: list[str] = [_t("title", lang), ""]
    excluded = len(result["excluded"]["pets"]) + len(result["excluded"]["deceased"])
    head = f"{_t('size', lang)}: {result['size']} {_t('members', lang)}"
    if excluded:
        head += f" ({excluded} {_t('excluded', lang)})"
    lines += [head, f"  {_t('size_note', lang)}"]
    for key, enum, counts in _counts(result):
        parts = [f"{_label(enum, code, lang)} {n}" for code, n in counts.items() if n]
        lines.append(f"  {_t(key, lang)}: {', '.join(parts) or '-'}")

    lines += ["", _t("variety", lang)]
    for var, v in _varieties(result):
        lines.append(
            f"  {_t(var, lang)}: Blau {_num(v['blau'], lang)}, IQV {_num(v['iqv'], lang)}"
            f" (n = {v['n']}, {_t('unknown', lang)}: {v['unknown']})"
        )

    lines += ["", _t("structure", lang)]
    lines.append(
        f"  {_t('density', lang)}: {_num(result['density'], lang)}"
        f" ({result['ties_among_members']} {_t('ties', lang)})"
    )
    lines.append(f"  {_t('components', lang)}: {result['component_count']}")
    bridges = [f"{_names(b[:1], persons)} - {_names(b[1:], persons)}" for b in result["bridges"]]
    lines.append(f"  {_t('bridges', lang)}: {'; '.join(bridges) or '-'}")
    lines.append(f"  {_t('isolates', lang)}: {_names(result['isolates'], persons) or '-'}")
    family = len(result["client_system"]) > 1
    if family:
        lines.append(f"  ({_t('household_note', lang)})")

    lines += ["", _t("support_family" if family else "support", lang)]
    for letter, ids in result["support"].items():
        s = Support(letter)
        who = _names(ids, persons) or f"- ({_t('nobody', lang)})"
        lines.append(f"  {letter} {in_language(s, lang)}: {who}")
    conc = result["concentration"]
    who = f" ({_names(conc['tied'], persons)})" if conc["tied"] else ""
    lines.append(f"  {_t('concentration', lang)}: {_pct(conc['share'], lang)}{who}")
    rec = result["reciprocity"]
    lines.append(
        f"  {_t('reciprocity_family' if family else 'reciprocity', lang)}:"
        f" {_pct(rec['share'], lang)}"
        f" ({_t('unknown', lang)}: {rec['unknown']})"
    )
    cp = result["care_potential"]
    lines.append(
        f"  {_t('care_potential', lang)}: {cp['count']}"
        + (f" ({_names(cp['persons'], persons)})" if cp["persons"] else "")
        + f"; {_t('care_potential_note', lang)}"
    )
    lines.append(f"  {_t('carers', lang)}: {len(result['carers'])}")
    for carer in result["carers"]:
        bits = []
        if carer["hours_per_week"] is not None:
            bits.append(f"{carer['hours_per_week']:g} {_t('hours', lang)}")
        if carer["months"] is not None:
            bits.append(f"{carer['months']} {_t('months', lang)}")
        lines.append(f"    {_names([carer['person']], persons)}: {', '.join(bits)}")
    lines += _client_care_lines(result, persons, lang, family)
    lines += _energy_lines(result, persons, lang)

    lines += ["", _t("signals", lang)]
    if not result["signals"]:
        lines.append(f"  {_t('no_signals', lang)}")
    for sig in result["signals"]:
        who = f" ({_names(sig['persons'], persons)})" if sig["persons"] else ""
        if "carer" in sig:
            who = f" ({_names([sig['carer']], persons)} → {_names(sig['persons'], persons)})"
        lines.append(f"  [{_t(sig['severity'], lang)}] {sig['message'][picked]}{who}")

    lines += _instrument_lines(result.get("instruments", []), result.get("typology"), lang)

    lines += ["", _t("radio", lang)]
    for sug in result["radio"]:
        if sug["action"] == "onderhouden":
            continue
        dutch = sug["action"].replace("_", " ")
        action = in_language(Text(dutch, f"{dutch} ({RADIO_EN[sug['action']]})"), lang)
        lines.append(f"  {_names([sug['person']], persons)}: {action}. {sug['reason'][picked]}")
    if result["radio"]:
        lines.append(f"  {_t('maintain_all', lang)}")
    return "\n".join(lines) + "\n"


def _client_care_lines(
    result: AnalysisResult, persons: Mapping[str, str], lang: str, family: bool
) -> list[str]:
    """The care the client (or the family) gives, when any is recorded."""
    care = result["client_care"]
    if not care["carers"]:
        return []
    lines = [f"  {_t('client_care_family' if family else 'client_care', lang)}:"]
    for giver in care["carers"]:
        bits = []
        if giver["hours_per_week"] is not None:
            bits.append(f"{giver['hours_per_week']:g} {_t('hours', lang)}")
        if giver["months"] is not None:
            bits.append(f"{giver['months']} {_t('months', lang)}")
        bits += [in_language(CareTask(task), lang) for task in giver["tasks"]]
        cared = _names(giver["persons"], persons)
        lines.append(
            f"    {_names([giver['person']], persons)} {_t('cares_for', lang)} {cared}:"
            f" {', '.join(bits)}"
        )
    return lines


def _energy_lines(result: AnalysisResult, persons: Mapping[str, str], lang: str) -> list[str]:
    """How many contacts give and cost energy, when the client said so for anyone."""
    en = result["energy"]
    if not (en["gives"] or en["costs"] or en["both"]):
        return []
    lines = [f"  {_t('energy', lang)}:"]
    who = en["persons"]
    for key, ids in (("gives", who["gives"]), ("costs", who["costs"]), ("both", who["both"])):
        if ids:
            lines.append(f"    {_t('energy_' + key, lang)}: {len(ids)} ({_names(ids, persons)})")
    return lines


def _subscales(entry: ScoredInstrument) -> list[tuple[str, int | None]]:
    """(key, score) of each subscale; ``None`` where the instrument has none or no score."""
    return [
        ("emotional", entry.get("emotional")),
        ("social", entry.get("social")),
        ("family", entry.get("family")),
        ("friends", entry.get("friends")),
    ]


def _instrument_lines(
    scored: list[ScoredInstrument], typology: Typology | None, lang: str
) -> list[str]:
    """The instruments of a snapshot and the typology, when there is anything to say."""
    picked = language(lang)
    lines: list[str] = []
    if scored:
        lines += ["", _t("instruments", lang)]
    for entry in scored:
        name = entry["name"][picked] if "name" in entry else entry["instrument"]
        if not entry["scored"]:
            why = "; ".join(r[picked] for r in entry["reasons"])
            lines.append(f"  {name}: {_t('not_scored', lang)} ({why})")
            continue
        if entry["instrument"] == "perception":
            value = entry.get("perception")
            shown = _t(value, lang) if value else _t("undefined", lang)
            lines.append(f"  {_t('perception', lang)}: {shown}")
        else:
            total = entry["total"]
            text = f"{total} {_t('of', lang)} {entry['max']}" if total is not None else "-"
            subs = [
                f"{_t(key, lang)} {score}" for key, score in _subscales(entry) if score is not None
            ]
            if subs:
                text += f" ({', '.join(subs)})"
            category = entry.get("category")
            if category:
                text += f"; {_t('category', lang)}: {_t(category, lang)}"
            lines.append(f"  {name}: {text}")
        for reason in entry["reasons"]:
            lines.append(f"    {reason[picked]}")
    if typology is not None and (scored or typology["type"]):
        note = typology["message"] if typology["type"] else typology["reason"]
        if note is not None:  # a type has a message, no type a reason
            lines += ["", _t("typology", lang), f"  {note[picked]}"]
    return lines


def format_comparison(result: Comparison, lang: str = "nl") -> str:
    """A readable plain-text report of :func:`~zorgkracht.analysis.compare`: labels, not keys;
    a departure the client wished is marked as intended (progress, not loss)."""
    persons = _name_map(result["persons"], result["client"], result["client_name"])
    lines = [f"{_t('compare_title', lang)}: {result['from']} → {result['to']}", ""]
    lines.append(f"{_t('came', lang)}: {_names(result['came'], persons) or '-'}")
    gone = [
        _names([d["person"]], persons) + (f" ({_t('intended', lang)})" if d["intended"] else "")
        for d in result["departures"]
    ]
    lines.append(f"{_t('left', lang)}: {'; '.join(gone) or '-'}")
    ties = result["ties"]
    intended = {tuple(p) for p in ties["removed_intended"]}

    def pair(p: list[str]) -> str:
        return f"{_names(p[:1], persons)} - {_names(p[1:], persons)}"

    def pairs(items: list[list[str]]) -> str:
        return "; ".join(
            pair(p) + (f" ({_t('intended', lang)})" if tuple(p) in intended else "") for p in items
        )

    lines.append(f"{_t('ties_added', lang)}: {pairs(ties['added']) or '-'}")
    lines.append(f"{_t('ties_removed', lang)}: {pairs(ties['removed']) or '-'}")
    for trend in ("strengthened", "weakened", "mixed"):
        items = [c for c in ties["changed"] if c["trend"] == trend]
        if not items:
            continue
        lines.append(f"{_t(trend, lang)}:")
        for c in items:
            bits = []
            if c["strength"]["change"]:
                bits.append(
                    f"{strength_label(c['strength']['from'], lang)}"
                    f" → {strength_label(c['strength']['to'], lang)}"
                )
            if c["quality"]["from"] != c["quality"]["to"]:
                bits.append(
                    f"{quality_label(c['quality']['from'], lang)}"
                    f" → {quality_label(c['quality']['to'], lang)}"
                )
            if c["support_gained"]:
                bits.append("+" + "".join(c["support_gained"]))
            if c["support_lost"]:
                bits.append("-" + "".join(c["support_lost"]))
            if c["intended"]:
                bits.append(_t("intended", lang))
            lines.append(f"  {pair(c['pair'])}: {', '.join(bits)}")
    lines += ["", _t("measures", lang)]
    moved = {k: v for k, v in result["measures"].items() if v["change"] != 0}
    if not moved:
        lines.append("  -")
    for path, v in moved.items():
        a = "-" if v["from"] is None else _num4(v["from"], lang)
        b = "-" if v["to"] is None else _num4(v["to"], lang)
        lines.append(f"  {measure_label(path, lang)}: {a} → {b}")
    return "\n".join(lines) + "\n"


def _num4(value: float, lang: str) -> str:
    text = f"{value:.4g}"
    return text.replace(".", ",") if lang == "nl" else text
