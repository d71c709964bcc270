"""The instruments as forms on the case page: per instrument its name, its items and its answer
scale, in Dutch and English, as ``docs/instruments.md`` gives them (the scoring is in
:mod:`zorgkracht.analysis.instruments`; the ranges are checked by the case's invariants).

The Dutch texts of the LSNS-6 and the CSI are working translations, not validated ones
(``docs/instruments.md``)."""

from __future__ import annotations

from dataclasses import dataclass

from zorgkracht.i18n import Text

__all__ = ["INSTRUMENT_FORMS", "InstrumentForm"]


@dataclass(frozen=True, slots=True)
class InstrumentForm:
    code: str
    name: Text
    items: tuple[Text, ...]
    answers: tuple[tuple[int, Text], ...]
    intro: Text | None = None
    by_carer: bool = False
    """Answered by a carer (the carer-burden scale), not by the client."""


def _t(nl: str, en: str) -> Text:
    return Text(nl, en)


_DJG11_ITEMS = (
    _t(
        "Er is altijd wel iemand in mijn omgeving bij wie ik met mijn dagelijkse problemen"
        " terecht kan.",
        "There is always someone I can talk to about my day-to-day problems.",
    ),
    _t("Ik mis een echt goede vriend of vriendin.", "I miss having a really close friend."),
    _t("Ik ervaar een leegte om me heen.", "I experience a general sense of emptiness."),
    _t(
        "Er zijn genoeg mensen op wie ik in geval van narigheid kan terugvallen.",
        "There are plenty of people I can lean on when I have problems.",
    ),
    _t("Ik mis gezelligheid om me heen.", "I miss the pleasure of the company of others."),
    _t(
        "Ik vind mijn kring van kennissen te beperkt.",
        "I find my circle of friends and acquaintances too limited.",
    ),
    _t(
        "Ik heb veel mensen op wie ik volledig kan vertrouwen.",
        "There are many people I can trust completely.",
    ),
    _t(
        "Er zijn voldoende mensen met wie ik me nauw verbonden voel.",
        "There are enough people I feel close to.",
    ),
    _t("Ik mis mensen om me heen.", "I miss having people around me."),
    _t("Vaak voel ik me in de steek gelaten.", "I often feel rejected."),
    _t(
        "Wanneer ik daar behoefte aan heb, kan ik altijd bij mijn vrienden terecht.",
        "I can call on my friends whenever I need them.",
    ),
)

_LSNS_FAMILY = _t(
    "Familie: denk aan de mensen met wie u verwant bent door geboorte, huwelijk, adoptie enz.",
    "Family: considering the people to whom you are related by birth, marriage, adoption, etc.",
)
_LSNS_QUESTIONS = (
    (
        "Hoeveel {w} ziet of spreekt u minstens één keer per maand?",
        "How many {w} do you see or hear from at least once a month?",
    ),
    (
        "Met hoeveel {w} voelt u zich op uw gemak om over persoonlijke zaken te praten?",
        "How many {w} do you feel at ease with that you can talk about private matters?",
    ),
    (
        "Met hoeveel {w} voelt u zich zo verbonden dat u hen om hulp zou kunnen vragen?",
        "How many {w} do you feel close to such that you could call on them for help?",
    ),
)
_LSNS_ITEMS = tuple(
    _t(nl.format(w=w_nl), en.format(w=w_en))
    for w_nl, w_en in (("familieleden", "relatives"), ("vrienden", "friends"))
    for nl, en in _LSNS_QUESTIONS
)

_CSI_ITEMS = (
    _t(
        "Mijn slaap wordt verstoord (bijv. doordat hij/zij 's nachts opstaat of rondloopt)",
        "Sleep is disturbed",
    ),
    _t(
        "Het komt slecht uit (het helpen kost veel tijd of het is ver rijden)",
        "It is inconvenient",
    ),
    _t(
        "Het is lichamelijk zwaar (bijv. tillen, inspanning of concentratie)",
        "It is a physical strain",
    ),
    _t("Het legt beperkingen op (minder vrije tijd, niet op bezoek kunnen)", "It is confining"),
    _t(
        "Het gezin heeft zich moeten aanpassen (verstoorde routine, geen privacy)",
        "There have been family adjustments",
    ),
    _t(
        "Mijn persoonlijke plannen zijn veranderd (werk afgewezen, geen vakantie)",
        "There have been changes in personal plans",
    ),
    _t(
        "Er zijn andere eisen aan mijn tijd (bijv. van andere gezinsleden)",
        "There have been other demands on my time",
    ),
    _t(
        "Ik heb me emotioneel moeten aanpassen (bijv. door heftige ruzies)",
        "There have been emotional adjustments",
    ),
    _t(
        "Sommig gedrag is verontrustend (bijv. incontinentie, vergeetachtigheid, beschuldigingen)",
        "Some behavior is upsetting",
    ),
    _t(
        "Het is verdrietig dat hij/zij zo veranderd is",
        "It is upsetting to find he/she has changed so much from his/her former self",
    ),
    _t("Ik heb mijn werk moeten aanpassen (bijv. vrij nemen)", "There have been work adjustments"),
    _t("Het is financieel zwaar", "It is a financial strain"),
    _t(
        "Ik voel me volledig overweldigd (zorgen, hoe het verder moet)",
        "Feeling completely overwhelmed",
    ),
)

INSTRUMENT_FORMS: dict[str, InstrumentForm] = {
    f.code: f
    for f in (
        InstrumentForm(
            "perception",
            _t(
                "Beleving van het netwerk (vraag aan de cliënt, geen schaal)",
                "Perception of the network (question to the client, not a scale)",
            ),
            (
                _t(
                    "Als u kijkt naar de mensen om u heen zoals het nu is: geeft dat u vooral"
                    " iets, of mist u iets of drukt het op u?",
                    "Looking at the people around you as things are now: does it mostly give"
                    " you something, or do you miss something or does it weigh on you?",
                ),
            ),
            (
                (
                    1,
                    _t("vooral iets dat het mij geeft (betekenisvol)", "mostly gives (meaningful)"),
                ),
                (2, _t("ik mis iets of het drukt op mij (belastend)", "weighs on me (burdensome)")),
            ),
        ),
        InstrumentForm(
            "djg11",
            _t(
                "Eenzaamheidsschaal van De Jong Gierveld (11 items)",
                "De Jong Gierveld Loneliness Scale (11 items)",
            ),
            _DJG11_ITEMS,
            (
                (1, _t("ja!", "yes!")),
                (2, _t("ja", "yes")),
                (3, _t("min of meer", "more or less")),
                (4, _t("nee", "no")),
                (5, _t("nee!", "no!")),
            ),
        ),
        InstrumentForm(
            "djg6",
            _t(
                "Eenzaamheidsschaal van De Jong Gierveld (6 items)",
                "De Jong Gierveld Loneliness Scale (6 items)",
            ),
            tuple(_DJG11_ITEMS[n - 1] for n in (3, 4, 7, 9, 8, 10)),
            ((1, _t("ja", "yes")), (2, _t("min of meer", "more or less")), (3, _t("nee", "no"))),
        ),
        InstrumentForm(
            "lsns6",
            _t("Lubben Social Network Scale (6 items)", "Lubben Social Network Scale (6 items)"),
            _LSNS_ITEMS,
            (
                (0, _t("geen", "none")),
                (1, _t("één", "one")),
                (2, _t("twee", "two")),
                (3, _t("drie of vier", "three or four")),
                (4, _t("vijf tot en met acht", "five to eight")),
                (5, _t("negen of meer", "nine or more")),
            ),
            intro=_LSNS_FAMILY,
        ),
        InstrumentForm(
            "csi",
            _t(
                "Caregiver Strain Index (belasting van de mantelzorger)",
                "Caregiver Strain Index (strain of the carer)",
            ),
            _CSI_ITEMS,
            ((1, _t("ja", "yes")), (0, _t("nee", "no"))),
            by_carer=True,
        ),
    )
}
"""The instruments the case page can fill in, in the order it shows them."""
