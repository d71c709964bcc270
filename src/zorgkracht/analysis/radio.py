"""RADIO suggestions per member (Smit & van Gennep 2002, p. 86 ff.; book ch. 4).

RADIO names five ways to strengthen a network: **r**eanimeren, **a**ctiveren,
**d**eblokkeren, **i**ntensiveren, **o**nderhouden. The suggestion follows the status of the
member's tie with the client (``Person.status``):

* ``faded`` (vervaagd) → ``reanimeren``: revive a contact that has faded;
* ``disturbed`` (verstoord) → ``deblokkeren``: name and, where possible, mend what disturbed it;
* ``weak`` (verzwakt) → ``intensiveren``: deepen a weaker relation;
* ``active`` or unknown, giving the client no support, and either in contact at least monthly
  or in the circle of intimacy or friendship → ``activeren``: someone able and willing but
  not (yet) involved. Professionals and service providers are not suggested for activeren:
  the method is about the informal network;
* everyone → ``onderhouden``: every network needs upkeep.

So each member gets ``onderhouden`` and at most one of the other four. Suggestions are
``{person, action, reason: {nl, en}}``, sorted by member id with ``onderhouden`` last.
"""

from __future__ import annotations

from typing import get_args

from zorgkracht.domain.codes import Circle, TieStatus

from .results import RadioAction, RadioSuggestion
from .support import AT_LEAST_MONTHLY, FORMAL_ROLES
from .view import NetworkView

ACTIONS: tuple[RadioAction, ...] = get_args(RadioAction)
CLOSE_CIRCLES = frozenset({Circle.INTIMACY, Circle.FRIENDSHIP})

_REASONS: dict[RadioAction, tuple[str, str]] = {
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
    "activeren": (
        "Er is regelmatig of nauw contact, maar nu geen steun. Misschien wil deze persoon"
        " meer betrokken zijn; vraag het samen.",
        "There is regular or close contact but no support now. This person may want to be"
        " more involved; ask together.",
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


def _suggestion(person: str, action: RadioAction) -> RadioSuggestion:
    nl, en = _REASONS[action]
    return {"person": person, "action": action, "reason": {"nl": nl, "en": en}}


def radio(view: NetworkView) -> list[RadioSuggestion]:
    """RADIO suggestions for every member, sorted by member id, ``onderhouden`` last."""
    out: list[RadioSuggestion] = []
    for person in sorted(view.members, key=lambda p: p.id):
        action: RadioAction | None = None
        if person.status is not None and person.status in _BY_STATUS:
            action = _BY_STATUS[person.status]
        elif (
            person.role not in FORMAL_ROLES
            and not view.provided.get(person.id)
            and (person.frequency in AT_LEAST_MONTHLY or person.circle in CLOSE_CIRCLES)
        ):
            action = "activeren"
        if action is not None:
            out.append(_suggestion(person.id, action))
        out.append(_suggestion(person.id, "onderhouden"))
    return out
