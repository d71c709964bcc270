"""Signals: points of attention in a network, with stable codes and a sentence in nl and en.

Signals, not verdicts (domain §1): there is no norm for a good network (book ch. 5), so every
signal describes a pattern in the map and invites a conversation; it never labels a person.
Each signal is ``{code, severity, persons, message: {nl, en}}`` with severity ``info`` or
``attention``; ``persons`` are the member ids it concerns (empty for a pattern of the whole
network). Some carry an extra key (``letter``, ``reasons``, ``ties``, ``domains``, ``carer``).

The rules, with the thresholds of :class:`~zorgkracht.analysis.settings.AnalysisSettings`
and the book's lines they follow:

``EMPTY_NETWORK`` (info)
    No members yet. The only signal of an empty network.
``ONLY_PROFESSIONALS`` (attention)
    Every member has a role and all are in sector ``services``. Not a vital network
    (Scheffers, book 2127–2128).
``ONLY_FAMILY`` (attention)
    Every member has a role and all are in sector ``kin``. A vulnerable network (Scheffers,
    book 2128).
``NO_WEAK_TIES`` (info)
    No member has role ``neighbour``, ``acquaintance`` or ``colleague``, and no member outside
    the family (sector not ``kin``) is in circle ``acquaintance``. Weak ties bring new
    information and help from outside one's own circle (Granovetter 1973, book 1272–1280); a
    relative the client sees rarely (Karel's father) is a faded family tie, not such a bridge.
``NO_FRIENDS`` (attention)
    Nobody of the friendly sector (friend, neighbour, colleague, acquaintance, volunteer,
    fellow client) in the circle of intimacy or friendship (Lensink's first two circles,
    1967–1971); a member with role ``friend`` whose circle is unknown counts as a friend;
    someone who lives in the household does not (friends are made outside the family home).
    The Taveniers' help question "Hoe kunnen Pieter en Lina vriendschappen aangaan en
    onderhouden?" (3647). Not shown with ONLY_FAMILY or ONLY_PROFESSIONALS, which say it.
``SUPPORT_GAP`` (attention)
    One per support letter that nobody provides (key ``letter``; the letters, book 1796–1799).
``SUPPORT_CONCENTRATED`` (attention) — "Hoeveel rust op één persoon"
    At least ``concentration_min_pairs`` informal (provider, letter) pairs and the largest
    informal provider gives more than ``concentration_share`` of them: the *mantelval* risk
    (1111–1114, 4681). Paid help is left out (see :mod:`~zorgkracht.analysis.support`).
``CARER_LOAD`` (attention)
    One per carer (see :mod:`~zorgkracht.analysis.carers`) with any of these ``reasons``:
    ``high_hours`` — more than ``carer_high_hours`` hours a week and nobody sharing: for some
    letter the carer gives, nobody else gives it (or, when the carer's letters are not
    recorded, there is no other carer); ``plan_load`` — the action plan's hours bring them
    above ``carer_high_hours`` (said while the plan is made, so that the plan does not
    overload the network: the mantelval, 1111–1114, 4681); ``young`` — younger than
    ``young_age`` (25: Fatima's son, 2492–2500); ``own_needs`` — ``own_needs`` or a present
    condition (4822).
``CLIENT_CARER_LOAD`` (attention)
    One per member of the client system — the client, or where the client is a family a
    household member — who gives care above the carer thresholds (more than
    ``carer_min_hours`` hours a week and/or more than ``carer_min_months`` months; the
    Taveniers "zwaar belast met de zorg voor hun kinderen", 3579–3581). Key ``carer``: the
    giver; ``persons``: those cared for.
``LOW_RECIPROCITY`` (attention)
    Reciprocity known for at least ``reciprocity_min_ties`` informal supporting ties (paid
    help left out, see :mod:`~zorgkracht.analysis.support`) and the share of reciprocal ones
    below ``reciprocity_share``. Persons: providers on one-way ties. "Mensen haken af als je
    alleen maar vraagt en nooit iets teruggeeft" (Scheffers, book 2136–2138).
``FAR_PRACTICAL_SUPPORT`` (attention)
    One per letter P and G that has providers, all of them in zone ``region`` or
    ``outside_region``: support that needs presence comes only from far away (MSNA,
    1920–1926). Emotional support from far away is no signal.
``CONFLICT_TIES`` (attention when a tie is ``conflict``, info when only ``tense``)
    Ties with quality ``tense`` (gespannen, drawn dotted, 1795) or ``conflict`` (conflictvol,
    2324) between persons (client or members), or between a person and an ecogram domain —
    the Flodders and the tennis club (1868–1869). Persons: the members at their ends;
    ``ties``: the tie ids; ``domains``: the domains at their ends.
``LOW_VARIETY`` (info)
    At least ``variety_min_members`` members with a known sector and the IQV over sectors
    below ``variety_iqv``. "Een vitaal netwerk kenmerkt zich door heterogeniteit" (book
    2128–2130). Not shown together with ONLY_FAMILY or ONLY_PROFESSIONALS, which already say
    it.

Where the client is a family (a client system of more than the client), the texts say "de
cliënt/het gezin" (book 3600).
"""

from __future__ import annotations

from typing import Final, get_args

from zorgkracht.domain.codes import Circle, Quality, Role, Sector, Support, Wish, Zone
from zorgkracht.domain.model import Network, Person

from .results import LETTER, CarerReason, ClientCarer, Measures, Severity, Signal, SignalCode
from .settings import AnalysisSettings
from .view import NetworkView

INFO: Final = "info"
ATTENTION: Final = "attention"

WEAK_TIE_ROLES = frozenset({Role.NEIGHBOUR, Role.ACQUAINTANCE, Role.COLLEAGUE})
CLOSE_CIRCLES = frozenset({Circle.INTIMACY, Circle.FRIENDSHIP})
FAR_ZONES = frozenset({Zone.REGION, Zone.OUTSIDE_REGION})
PRESENCE_LETTERS = (Support.PRACTICAL, Support.COMPANIONSHIP)

SIGNAL_CODES: tuple[SignalCode, ...] = get_args(SignalCode)
"""Every signal code, in the order signals are given."""


def _signal(code: SignalCode, severity: Severity, persons: list[str], nl: str, en: str) -> Signal:
    return {"code": code, "severity": severity, "persons": persons, "message": {"nl": nl, "en": en}}


def _pct(share: float) -> str:
    return f"{round(share * 100)}%"


def signals(
    view: NetworkView,
    network: Network,
    measures: Measures,
    settings: AnalysisSettings,
) -> list[Signal]:
    """All signals of one network, in the order of :data:`SIGNAL_CODES`."""
    found: list[Signal] = []
    add = found.append
    members = view.members
    if not members:
        add(
            _signal(
                "EMPTY_NETWORK",
                INFO,
                [],
                "Er staan nog geen netwerkleden op de kaart. Samen verder invullen kan met vragen"
                " als: wie woont er bij u, wie ziet u vaak, wie stuurt u een verjaardagskaart?",
                "There are no network members on the map yet. You can fill it in together with"
                " questions such as: who lives with you, whom do you see often, who sends you"
                " a birthday card?",
            )
        )
        return found

    sectors = [p.sector for p in members]
    all_known = all(s is not None for s in sectors)
    only_prof = all_known and all(s is Sector.SERVICES for s in sectors)
    only_family = all_known and all(s is Sector.KIN for s in sectors)
    if only_prof:
        add(
            _signal(
                "ONLY_PROFESSIONALS",
                ATTENTION,
                [],
                "Op deze kaart staan alleen hulp- en dienstverleners. Een netwerk met ook familie,"
                " vrienden of buren is vitaler (Scheffers). Wie zou er nog bij kunnen horen?",
                "This map shows only professionals and service providers. A network that also"
                " has family, friends or neighbours is more vital (Scheffers). Who else could"
                " belong here?",
            )
        )
    if only_family:
        add(
            _signal(
                "ONLY_FAMILY",
                ATTENTION,
                [],
                "Op deze kaart staat alleen familie. Een netwerk van alleen familie is kwetsbaar"
                " (Scheffers); vrienden, buren of kennissen maken het sterker.",
                "This map shows only family. A network of family alone is vulnerable"
                " (Scheffers); friends, neighbours or acquaintances make it stronger.",
            )
        )
    if not any(_weak_tie(p) for p in members):
        add(
            _signal(
                "NO_WEAK_TIES",
                INFO,
                [],
                "Er staan geen buren, kennissen of collega's op de kaart. Zulke losse contacten"
                " brengen vaak nieuwe informatie en hulp (Granovetter). Aan wie stuurt u een"
                " kerstkaart, wie zou de hond uitlaten?",
                "There are no neighbours, acquaintances or colleagues on the map. Such loose"
                " contacts often bring new information and help (Granovetter). Whom do you send"
                " a Christmas card, who would walk the dog?",
            )
        )
    household = set(view.system)
    if not (only_family or only_prof) and not any(
        _friend(p) and p.id not in household for p in members
    ):
        add(
            _signal(
                "NO_FRIENDS",
                ATTENTION,
                [],
                "Er staan geen vrienden, buren of kennissen dichtbij: niemand buiten de familie"
                " en de hulpverlening in de cirkel van intimiteit of vriendschap. Wilt u"
                " vriendschappen aangaan, en waar zou u mensen kunnen ontmoeten?",
                "There are no friends, neighbours or acquaintances close by: nobody outside the"
                " family and the professionals in the circle of intimacy or friendship. Would"
                " you like to make friends, and where could you meet people?",
            )
        )

    support = measures["support"]
    for letter in measures["gaps"]:
        label = Support(letter)
        gap = _signal(
            "SUPPORT_GAP",
            ATTENTION,
            [],
            f"Niemand op de kaart geeft nu {label.nl} ({letter}). Is dat een wens, en wie"
            " zou het kunnen geven?",
            f"Nobody on the map gives {label.en} ({letter}) now. Is it wanted, and who could"
            " give it?",
        )
        gap["letter"] = letter
        add(gap)

    conc = measures["concentration"]
    if (
        conc["share"] is not None
        and conc["total_pairs"] >= settings.concentration_min_pairs
        and conc["share"] > settings.concentration_share
    ):
        pct = _pct(conc["share"])
        add(
            _signal(
                "SUPPORT_CONCENTRATED",
                ATTENTION,
                list(conc["tied"]),
                f"Hoeveel rust op één persoon: één persoon uit het eigen netwerk geeft {pct} van"
                " alle steun van familie, vrienden en buren. Als veel op één persoon rust, kan"
                " die overbelast raken; kunnen anderen een deel overnemen?",
                f"How much rests on one person: one person of the client's own network gives"
                f" {pct} of all support from family, friends and neighbours. When much rests on"
                " one person, they can become overloaded; could others take on part of it?",
            )
        )

    for carer in measures["carers"]:
        pid = carer["person"]
        reasons: list[CarerReason] = []
        hours = carer["hours_per_week"]
        if hours is not None and hours > settings.carer_high_hours:
            letters = carer["support"]
            if letters:
                unshared = any(support[x] == [pid] for x in letters)
            else:
                unshared = len(measures["carers"]) == 1
            if unshared:
                reasons.append("high_hours")
            planned = carer["plan_hours_per_week"] or 0.0
            if planned and hours - planned <= settings.carer_high_hours:
                reasons.append("plan_load")
        if carer["young"]:
            reasons.append("young")
        if carer["own_needs"]:
            reasons.append("own_needs")
        if reasons:
            add(_carer_signal(pid, reasons, hours, settings))

    for giver in measures["client_care"]["carers"]:
        if giver["carer"]:
            add(_client_carer_signal(giver, view))

    nl_client, en_client = client_words(view)
    rec = measures["reciprocity"]
    known = rec["reciprocal"] + rec["not_reciprocal"]
    if (
        rec["share"] is not None
        and known >= settings.reciprocity_min_ties
        and rec["share"] < settings.reciprocity_share
    ):
        pct = _pct(rec["share"])
        add(
            _signal(
                "LOW_RECIPROCITY",
                ATTENTION,
                list(rec["one_way_persons"]),
                f"Bij {pct} van de steunende relaties geeft {nl_client} iets terug. Mensen haken"
                f" eerder af als hen alleen iets gevraagd wordt (Scheffers); wat kan {nl_client}"
                " teruggeven?",
                f"On {pct} of the supporting relations {en_client} gives something back. People"
                f" drop out sooner when they are only asked (Scheffers); what could {en_client}"
                " give back?",
            )
        )

    zone_of = {p.id: p.zone for p in members}
    for letter_code in PRESENCE_LETTERS:
        providers = support[LETTER[letter_code]]
        if providers and all(zone_of[pid] in FAR_ZONES for pid in providers):
            far = _signal(
                "FAR_PRACTICAL_SUPPORT",
                ATTENTION,
                list(providers),
                f"{letter_code.nl.capitalize()} ({letter_code.value}) komt alleen van mensen"
                " buiten de woonplaats. Voor steun waarbij iemand aanwezig moet zijn, is"
                " iemand dichtbij soms nodig.",
                f"{letter_code.en.capitalize()} ({letter_code.value}) comes only from people"
                " outside the town. Support that needs someone present sometimes needs"
                " someone close by.",
            )
            far["letter"] = LETTER[letter_code]
            add(far)

    found_conflict = _conflict_signal(view, network)
    if found_conflict is not None:
        add(found_conflict)

    sector_variety = measures["variety"]["sector"]
    if (
        not (only_family or only_prof)
        and sector_variety["iqv"] is not None
        and sector_variety["n"] >= settings.variety_min_members
        and sector_variety["iqv"] < settings.variety_iqv
    ):
        add(
            _signal(
                "LOW_VARIETY",
                INFO,
                [],
                "De netwerkleden komen vooral uit één deel van het leven (familie, vrienden en"
                " buren, of diensten). Mensen met verschillende kwaliteiten maken een netwerk"
                " vitaal (Scheffers).",
                "The members come mostly from one part of life (family, friends and neighbours,"
                " or services). People with different qualities make a network vital"
                " (Scheffers).",
            )
        )
    return found


def _weak_tie(person: Person) -> bool:
    """A neighbour, acquaintance or colleague, or someone outside the family placed among
    the acquaintances."""
    if person.role in WEAK_TIE_ROLES:
        return True
    return person.circle is Circle.ACQUAINTANCE and person.sector is not Sector.KIN


def _friend(person: Person) -> bool:
    """Someone of the friendly sector close to the client (circle 1 or 2), or a friend whose
    circle is not known."""
    if person.sector is not Sector.FRIENDLY:
        return False
    if person.circle is None:
        return person.role is Role.FRIEND
    return person.circle in CLOSE_CIRCLES


def client_words(view: NetworkView) -> tuple[str, str]:
    """ "de cliënt" / "the client", or where the client is a family "de cliënt/het gezin"
    (book 3600)."""
    if len(view.system) > 1:
        return "de cliënt/het gezin", "the client/the family"
    return "de cliënt", "the client"


def _join(parts: list[str], word: str) -> str:
    """``a``, ``a en b``, ``a, b en c``."""
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} {word} {parts[-1]}"


def _carer_signal(
    pid: str, reasons: list[CarerReason], hours: float | None, settings: AnalysisSettings
) -> Signal:
    nl: list[str] = []
    en: list[str] = []
    if "high_hours" in reasons:
        h = f"{hours:g}"
        nl.append(f"zorgt {h} uur per week en niemand anders geeft dezelfde steun")
        en.append(f"gives {h} hours of care a week and nobody else gives the same support")
    if "plan_load" in reasons:
        h = f"{hours:g}"
        nl.append(f"komt met de acties van het plan op {h} uur per week")
        en.append(f"comes to {h} hours a week with the actions of the plan")
    if "young" in reasons:
        nl.append(f"is jong (jonger dan {settings.young_age}) en bouwt nog een eigen leven op")
        en.append(f"is young (under {settings.young_age}) and still building their own life")
    if "own_needs" in reasons:
        nl.append("heeft zelf ook zorg of steun nodig")
        en.append("has needs of their own")
    signal = _signal(
        "CARER_LOAD",
        ATTENTION,
        [pid],
        f"Een mantelzorger {_join(nl, 'en')}. Let op de draaglast: wie kan meehelpen of ontlasten?",
        f"A carer {_join(en, 'and')}. Mind the load: who could help or give relief?",
    )
    signal["reasons"] = reasons
    return signal


def _client_carer_signal(giver: ClientCarer, view: NetworkView) -> Signal:
    bits_nl: list[str] = []
    bits_en: list[str] = []
    if giver["hours_per_week"] is not None:
        bits_nl.append(f"{giver['hours_per_week']:g} uur per week")
        bits_en.append(f"{giver['hours_per_week']:g} hours a week")
    if giver["months"] is not None:
        bits_nl.append(f"{giver['months']} maanden")
        bits_en.append(f"{giver['months']} months")
    if giver["person"] == view.client:
        who_nl, who_en = "De cliënt geeft", "The client gives"
    else:
        who_nl, who_en = "Iemand van het gezin geeft", "A member of the family gives"
    signal = _signal(
        "CLIENT_CARER_LOAD",
        ATTENTION,
        list(giver["persons"]),
        f"{who_nl} zelf mantelzorg ({', '.join(bits_nl)}): meer dan 8 uur per week en/of langer"
        " dan 3 maanden. Let op de draaglast: wie kan een deel overnemen, zodat er ook tijd is"
        " voor uzelf?",
        f"{who_en} care themselves ({', '.join(bits_en)}): more than 8 hours a week and/or"
        " longer than 3 months. Mind the load: who could take on part of it, so that there is"
        " time for yourself too?",
    )
    signal["carer"] = giver["person"]
    return signal


def _conflict_signal(view: NetworkView, network: Network) -> Signal | None:
    inside = view.member_ids | {view.client}
    domain_ids = {d.id for d in network.domains}
    persons: set[str] = set()
    domains: set[str] = set()
    ties: list[str] = []
    conflict = False
    for tie in network.ties:
        if tie.quality is Quality.POSITIVE:
            continue
        ends = (tie.a, tie.b)
        if not all(end in inside or end in domain_ids for end in ends):
            continue
        if all(end in domain_ids for end in ends):
            continue  # between two domains: no person in it
        ties.append(tie.id)
        persons.update(end for end in ends if end in view.member_ids)
        domains.update(end for end in ends if end in domain_ids)
        conflict = conflict or tie.quality is Quality.CONFLICT
    if not ties:
        return None
    one = len(ties) == 1
    # The client's wish comes first (book 3078–3079; Karel 2947–2949): where the client wants
    # less or no contact, taking distance is named as a choice beside unblocking.
    wished_away = any(p.id in persons and p.wish in (Wish.LESS, Wish.NONE) for p in view.members)
    nl_more = (
        " Waar u minder of geen contact wilt, is afstand nemen ook een keuze."
        if wished_away
        else ""
    )
    en_more = (
        " Where you want less or no contact, taking distance is a choice too."
        if wished_away
        else ""
    )
    signal = _signal(
        "CONFLICT_TIES",
        ATTENTION if conflict else INFO,
        sorted(persons),
        f"{len(ties)} {'relatie is' if one else 'relaties zijn'} gespannen of conflictvol."
        " Zo'n relatie kan steun blokkeren; deblokkeren kan een eerste stap zijn (RADIO)."
        + nl_more,
        f"{len(ties)} {'relation is' if one else 'relations are'} tense or full of conflict."
        " Such a relation can block support; unblocking it can be a first step (RADIO)." + en_more,
    )
    signal["ties"] = sorted(ties)
    signal["domains"] = sorted(domains)
    return signal
