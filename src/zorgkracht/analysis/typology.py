"""The typology of Machielse & Hortulanus: network size crossed with the client's perception.

Book ch. 3 and 5 (Machielse 2003; Hortulanus et al. 2003; Machielse & Hortulanus 2011):

==================  =============================  ============================
\\                   meaningful perception          burdensome perception
==================  =============================  ============================
rich network        sociaal weerbaar (resilient)   eenzaam (lonely)
poor network        contactarm (few contacts)      sociaal geïsoleerd (isolated)
==================  =============================  ============================

* **Rich** when the network has at least
  :attr:`~zorgkracht.analysis.settings.AnalysisSettings.typology_rich_size` members (size as
  in :mod:`.size`), else **poor**. The book gives no number; the setting is a convention of
  this tool, to be set by the team that uses it.
* **Perception** comes from the client, never from the map (domain §6). In this order, the
  last scored response of a snapshot counts: the client's own answer to the perception
  question (``perception``); else the 11-item De Jong Gierveld scale, burdensome from a total
  of 3 (moderately lonely, the manual's first cut-off); else the 6-item scale, burdensome from
  2. A score that is ``None`` (too many unanswered items) gives no perception.
* Without a perception the type is ``None`` with ``reason`` ``no_perception``.

The result describes a starting point for the conversation (book ch. 5 names chances and risks
per type); it is never a label for the person.
"""

from __future__ import annotations

from .loneliness import LONELY_THRESHOLD
from .results import Perception, PerceptionSource, ScoredInstrument, Typology, TypologyType

TYPES: dict[tuple[bool, Perception], tuple[TypologyType, str, str]] = {
    (True, "meaningful"): ("socially_resilient", "sociaal weerbaar", "socially resilient"),
    (True, "burdensome"): ("lonely", "eenzaam", "lonely"),
    (False, "meaningful"): ("few_contacts", "contactarm", "few contacts"),
    (False, "burdensome"): ("socially_isolated", "sociaal geïsoleerd", "socially isolated"),
}

_SOURCE_ORDER: tuple[PerceptionSource, ...] = ("perception", "djg11", "djg6")
_SOURCE_NAMES: dict[PerceptionSource, tuple[str, str]] = {
    "perception": ("eigen antwoord van de cliënt", "the client's own answer"),
    "djg11": ("eenzaamheidsschaal, 11 items", "loneliness scale, 11 items"),
    "djg6": ("eenzaamheidsschaal, 6 items", "loneliness scale, 6 items"),
}


def perception_of(
    scored: list[ScoredInstrument],
) -> tuple[Perception | None, PerceptionSource | None]:
    """(perception, source instrument) from the scored responses, or ``(None, None)``."""
    for code in _SOURCE_ORDER:
        for entry in reversed(scored):
            if entry["instrument"] != code or not entry.get("scored"):
                continue
            if code == "perception":
                perception = entry.get("perception")
                if perception is not None:
                    return perception, code
            else:
                total = entry.get("total")
                if total is None:
                    continue
                lonely = total >= LONELY_THRESHOLD[code]
                return ("burdensome" if lonely else "meaningful"), code
    return None, None


def typology(size: int, scored: list[ScoredInstrument], rich_size: int) -> Typology:
    """The type, with how it was found; ``type`` is ``None`` with a reason without perception."""
    rich = size >= rich_size
    perception, source = perception_of(scored)
    result: Typology = {
        "type": None,
        "label": None,
        "network": "rich" if rich else "poor",
        "size": size,
        "rich_from": rich_size,
        "perception": perception,
        "perception_source": source,
        "reason": None,
        "message": None,
        "source": "Machielse 2003; Machielse & Hortulanus 2011 (book ch. 3 and 5)",
    }
    net_nl = f"{'rijk' if rich else 'schraal'} netwerk van {size} (rijk vanaf {rich_size})"
    net_en = f"{'rich' if rich else 'poor'} network of {size} (rich from {rich_size})"
    if perception is None or source is None:
        result["reason"] = {
            "code": "no_perception",
            "nl": "Geen type: hoe de cliënt het netwerk ervaart is niet bekend. Het is een"
            f" {net_nl}. Vraag hoe de cliënt het netwerk ervaart, of neem de"
            " eenzaamheidsschaal af; de kaart alleen zegt dat niet.",
            "en": f"No type: how the client experiences the network is not known. It is a"
            f" {net_en}. Ask how the client experiences it, or use the loneliness scale; the map"
            " alone cannot tell.",
        }
        return result
    code, nl, en = TYPES[(rich, perception)]
    how_nl = "betekenisvol" if perception == "meaningful" else "belastend"
    how_en = perception
    src_nl, src_en = _SOURCE_NAMES[source]
    result["type"] = code
    result["label"] = {"nl": nl, "en": en}
    result["message"] = {
        "nl": f"Een {net_nl} dat als {how_nl} wordt ervaren ({src_nl}): in de typologie van"
        f" Machielse & Hortulanus het type '{nl}'. Een vertrekpunt voor het gesprek, geen"
        " oordeel.",
        "en": f"A {net_en} experienced as {how_en} ({src_en}): in the typology of Machielse"
        f" & Hortulanus the type '{en}'. A starting point for the conversation, not a"
        " verdict.",
    }
    return result
