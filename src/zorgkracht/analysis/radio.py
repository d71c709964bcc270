"""RADIO suggestions per member (Smit & van Gennep 2002, p. 86 ff.; book 2048–2080), with the
client's wish first.

RADIO names five ways to strengthen a network: **r**eanimeren, **a**ctiveren,
**d**eblokkeren, **i**ntensiveren, **o**nderhouden (book 2050). Before any of them comes what
the client wants (domain §6): "het kunnen afstand nemen van bestaande, dwingende of eenzijdige
netwerken kan bevrijdend werken" (book 3078–3079; Karel, who wants distance from his café
friends, 2947–2949). The rules, first match wins:

1. ``wish`` ``less`` or ``none`` → ``afstand_nemen`` (taking distance), never R, A, D or I:
   the software never pushes a contact the client wants less of.
2. ``faded`` (vervaagd) → ``reanimeren`` (2053–2060); ``disturbed`` (verstoord) →
   ``deblokkeren`` (2067–2072); ``weak`` (verzwakt) → ``intensiveren`` (2074–2078).
3. ``activeren`` (2062–2065: "de betrokkenheid op de cliënt vergroten") for a member whose
   status is ``active`` or unknown, who gives the client no support now, and who can be asked:
   not paid help (``professional``, ``service``), not an ``organisation``, not someone who
   ``receives_care`` (Opa Flodder, 1733), no child under ``child_age`` (12) in the analysis
   year, and not someone the client does not want asked (``may_ask is False``; the client
   decides whom to involve, ch. 7); and either the client wants ``more`` contact, or there is
   contact at least monthly, or the member is in the circle of intimacy or friendship.
4. ``wish`` ``more`` for a member who already gives support (so not activeren) and may be
   asked → ``intensiveren``: the client wants to deepen this contact.
5. everyone → ``onderhouden`` (2080: "anders onderhevig aan erosie en verval").

So each member gets ``onderhouden`` and at most one other suggestion. **Order**: the
suggestions other than onderhouden come first, the most pressing first:

``afstand_nemen``
    the client's own wish, and a demanding contact costs energy now;
``deblokkeren``
    a disturbed relation hurts now and blocks support (CONFLICT_TIES);
``reanimeren``
    a faded contact drifts further away the longer it waits;
``activeren``
    support that is within reach but not yet used ("zorgkracht ontginnen", 2063–2065);
``intensiveren``
    deepening what already works, at the edges of the network;

within one action the closest first (circle intimacy, friendship, acquaintance, services,
unknown), then by member id. ``onderhouden`` follows for every member, by member id.
Suggestions are ``{person, action, reason: {nl, en}}``.
"""

from __future__ import annotations

from typing import get_args

from zorgkracht.domain.codes import Circle, TieStatus, Wish
from zorgkracht.domain.model import Person

from .carers import is_child_under
from .results import RadioAction, RadioSuggestion
from .settings import AnalysisSettings
from .support import AT_LEAST_MONTHLY, is_informal
from .view import NetworkView

ACTIONS: tuple[RadioAction, ...] = get_args(RadioAction)
CLOSE_CIRCLES = frozenset({Circle.INTIMACY, Circle.FRIENDSHIP})
DISTANCE_WISHES = frozenset({Wish.LESS, Wish.NONE})
PRESSING: tuple[RadioAction, ...] = (
    "afstand_nemen",
    "deblokkeren",
    "reanimeren",
    "activeren",
    "intensiveren",
)
"""The order of the suggestions other than onderhouden, most pressing first."""
_CIRCLE_ORDER = {c: i for i, c in enumerate(Circle)}

_REASONS: dict[str, tuple[str, str]] = {
    "afstand_nemen": (
        "U wilt minder of geen contact met deze persoon. Dat is uw keuze: afstand nemen van"
        " een veeleisend of eenzijdig contact kan bevrijdend werken en ruimte geven voor"
        " nieuwe contacten. Bespreek samen hoe u dat wilt doen.",
        "You want less or no contact with this person. That is your choice: taking distance"
        " from a demanding or one-sided contact can free you and make room for new contacts."
        " Talk together about how you want to go about it.",
    ),
    "reanimeren": (
        "Het contact is vervaagd. Nieuw leven inblazen kan, bijvoorbeeld eerst via telefoon of"
        " sociale media.",
        "The contact has faded. It can be revived, for example first by phone or social media.",
    ),
    "deblokkeren": (
        "Het contact is verstoord. Samen de oorzaak benoemen en waar mogelijk herstellen.",
        "The contact is disturbed. Name the cause together and mend it where possible.",
    ),
    "intensiveren": (
        "Het contact is verzwakt. Het kan verdiept worden, met oog voor evenwicht.",
        "The contact has weakened. It can be deepened, keeping a healthy balance.",
    ),
    "intensiveren_wish": (
        "U wilt meer contact met deze persoon. Het contact kan verdiept worden, met oog voor"
        " evenwicht.",
        "You want more contact with this person. The contact can be deepened, keeping a"
        " healthy balance.",
    ),
    "activeren": (
        "Er is regelmatig of nauw contact, maar nu geen steun. Misschien wil deze persoon"
        " meer betrokken zijn; vraag het samen.",
        "There is regular or close contact but no support now. This person may want to be"
        " more involved; ask together.",
    ),
    "activeren_wish": (
        "U wilt meer contact met deze persoon, en nu geeft deze persoon geen steun. Misschien"
        " wil deze persoon meer betrokken zijn; vraag het samen.",
        "You want more contact with this person, who gives no support now. This person may"
        " want to be more involved; ask together.",
    ),
    "onderhouden": (
        "Elk contact vraagt onderhoud, anders slijt het.",
        "Every contact needs upkeep, or it wears away.",
    ),
}

_BY_STATUS: dict[TieStatus, RadioAction] = {
    TieStatus.FADED: "reanimeren",
    TieStatus.DISTURBED: "deblokkeren",
    TieStatus.WEAK: "intensiveren",
}


def _suggestion(person: str, action: RadioAction, reason: str | None = None) -> RadioSuggestion:
    nl, en = _REASONS[reason or action]
    return {"person": person, "action": action, "reason": {"nl": nl, "en": en}}


def may_activate(person: Person, settings: AnalysisSettings, year: int) -> bool:
    """Someone RADIO may suggest for activeren at all (rule 3 without the contact condition)."""
    return (
        is_informal(person)
        and not person.receives_care
        and person.may_ask is not False
        and person.wish not in DISTANCE_WISHES
        and not is_child_under(person, year, settings.child_age)
    )


def _action(
    person: Person, view: NetworkView, settings: AnalysisSettings, year: int
) -> RadioSuggestion | None:
    pid = person.id
    if person.wish in DISTANCE_WISHES:
        return _suggestion(pid, "afstand_nemen")
    if person.status is not None and person.status in _BY_STATUS:
        return _suggestion(pid, _BY_STATUS[person.status])
    wants_more = person.wish is Wish.MORE
    if not may_activate(person, settings, year):
        return None
    if view.provided.get(pid):
        return _suggestion(pid, "intensiveren", "intensiveren_wish") if wants_more else None
    if wants_more:
        return _suggestion(pid, "activeren", "activeren_wish")
    if person.frequency in AT_LEAST_MONTHLY or person.circle in CLOSE_CIRCLES:
        return _suggestion(pid, "activeren")
    return None


def radio(view: NetworkView, settings: AnalysisSettings, year: int) -> list[RadioSuggestion]:
    """RADIO suggestions: the most pressing first (see the module docstring), then
    ``onderhouden`` for every member by id."""
    by_id = {p.id: p for p in view.members}
    found = [s for p in view.members if (s := _action(p, view, settings, year)) is not None]

    def rank(s: RadioSuggestion) -> tuple[int, int, str]:
        circle = by_id[s["person"]].circle
        closeness = _CIRCLE_ORDER[circle] if circle is not None else len(_CIRCLE_ORDER)
        return (PRESSING.index(s["action"]), closeness, s["person"])

    found.sort(key=rank)
    upkeep = [_suggestion(p.id, "onderhouden") for p in sorted(view.members, key=lambda p: p.id)]
    return found + upkeep
