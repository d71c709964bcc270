"""The words of the network list (``shared/domain.md`` §10): column names and cell values.

Everything is matched after :func:`norm`: accents removed (NFKD, combining marks dropped), lower
case, trimmed, and spaces, underscores and hyphens treated alike. Each table accepts the words
of §10, the code itself (``other_family``), the Dutch and English labels of the code, and a few
natural extras (``echtgenote``, ``buitenland``, ``x`` for yes). The tables are built once at
import and refuse two meanings for one word.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import TypeVar

from zorgkracht.domain.codes import (
    CareTask,
    Circle,
    Coded,
    Direction,
    DomainKind,
    Energy,
    Frequency,
    Gender,
    NetworkZone,
    Quality,
    Role,
    Support,
    TieStatus,
    Wish,
    Zone,
)

_SEPARATORS = re.compile(r"[\s_\-]+")


def norm(text: str) -> str:
    """``" Cliënt_Naam "`` → ``"client naam"``: the form every word is compared in."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SEPARATORS.sub(" ", bare.casefold()).strip()


def slug(text: str, fallback: str) -> str:
    """An id from a name: lower-case ASCII letters, digits and hyphens (``José`` → ``jose``)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or fallback


class Column(StrEnum):
    NAME = "name"
    ROLE = "role"
    GENDER = "gender"
    BIRTH_YEAR = "birth_year"
    CIRCLE = "circle"
    ZONE = "zone"
    FREQUENCY = "frequency"
    NETWORK = "network"
    STATUS = "status"
    WEIGHT = "weight"
    SENSITIVE = "sensitive"
    ORGANISATION = "organisation"
    WISH = "wish"
    ENERGY = "energy"
    MAY_ASK = "may_ask"
    RECEIVES_CARE = "receives_care"
    OWN_NEEDS = "own_needs"
    DOMAIN = "domain"
    SUPPORT = "support"
    RECIPROCAL = "reciprocal"
    QUALITY = "quality"
    CARE_HOURS = "care_hours_per_week"
    CARE_MONTHS = "care_months"
    CARE_TASKS = "care_tasks"
    CLIENT_CARE_HOURS = "client_care_hours"
    CLIENT_CARE_MONTHS = "client_care_months"
    CLIENT_CARE_TASKS = "client_care_tasks"
    STRENGTH = "strength"
    DIRECTION = "direction"
    KNOWS = "knows"


HEADERS: dict[Column, tuple[str, str]] = {
    Column.NAME: ("naam", "name"),
    Column.ROLE: ("rol", "role"),
    Column.GENDER: ("geslacht", "gender"),
    Column.BIRTH_YEAR: ("geboortejaar", "birth_year"),
    Column.CIRCLE: ("cirkel", "circle"),
    Column.ZONE: ("zone", "zone"),
    Column.FREQUENCY: ("frequentie", "frequency"),
    Column.NETWORK: ("netwerk", "network"),
    Column.STATUS: ("status", "status"),
    Column.WEIGHT: ("gewicht", "weight"),
    Column.SENSITIVE: ("gevoelig", "sensitive"),
    Column.ORGANISATION: ("organisatie", "organisation"),
    Column.WISH: ("wens", "wish"),
    Column.ENERGY: ("energie", "energy"),
    Column.MAY_ASK: ("vragen", "may_ask"),
    Column.RECEIVES_CARE: ("krijgt_zorg", "receives_care"),
    Column.OWN_NEEDS: ("eigen_zorgen", "own_needs"),
    Column.DOMAIN: ("domein", "domain"),
    Column.SUPPORT: ("steun", "support"),
    Column.RECIPROCAL: ("wederkerig", "reciprocal"),
    Column.QUALITY: ("kwaliteit", "quality"),
    Column.CARE_HOURS: ("zorguren", "care_hours_per_week"),
    Column.CARE_MONTHS: ("zorgmaanden", "care_months"),
    Column.CARE_TASKS: ("zorgtaken", "care_tasks"),
    Column.CLIENT_CARE_HOURS: ("zorguren_client", "client_care_hours"),
    Column.CLIENT_CARE_MONTHS: ("zorgmaanden_client", "client_care_months"),
    Column.CLIENT_CARE_TASKS: ("zorgtaken_client", "client_care_tasks"),
    Column.STRENGTH: ("sterkte", "strength"),
    Column.DIRECTION: ("richting", "direction"),
    Column.KNOWS: ("kent", "knows"),
}
"""The name each column is written with (Dutch, English), in the order of an export."""

TIE_COLUMNS = frozenset(
    {
        Column.SUPPORT,
        Column.RECIPROCAL,
        Column.QUALITY,
        Column.CARE_HOURS,
        Column.CARE_MONTHS,
        Column.CARE_TASKS,
        Column.CLIENT_CARE_HOURS,
        Column.CLIENT_CARE_MONTHS,
        Column.CLIENT_CARE_TASKS,
        Column.STRENGTH,
        Column.DIRECTION,
        Column.KNOWS,
        Column.WISH,
        Column.ENERGY,
        Column.MAY_ASK,
    }
)
"""Columns that describe the contact with the client (the tie, the client's wish for it, the
energy it gives or costs, whether the person may be asked), so they mean nothing on the
client's row."""

K = TypeVar("K")


def _table(entries: Iterable[tuple[str, K]], what: str) -> dict[str, K]:
    table: dict[str, K] = {}
    for word, value in entries:
        key = norm(word)
        if table.get(key, value) != value:
            raise ValueError(f"{what}: {word!r} has two meanings")
        table[key] = value
    return table


_HEADER_EXTRAS: dict[Column, tuple[str, ...]] = {
    Column.ROLE: ("relatie", "relation"),
    Column.GENDER: ("sex",),
    Column.BIRTH_YEAR: ("year of birth", "geboren", "born"),
    Column.FREQUENCY: ("contactfrequentie", "contact frequency"),
    Column.NETWORK: ("netwerkzone", "network zone"),
    Column.WEIGHT: ("belang", "importance"),
    Column.SENSITIVE: ("prive", "private"),
    Column.RECIPROCAL: ("wederkerigheid", "reciprocity"),
    Column.CARE_HOURS: ("zorguren per week", "care hours"),
    Column.ORGANISATION: ("organization",),
    Column.WISH: ("wens van de cliënt", "client's wish"),
    Column.MAY_ASK: ("mag gevraagd worden", "may be asked"),
    Column.CLIENT_CARE_HOURS: ("client_care_hours_per_week", "zorguren cliënt"),
    Column.CLIENT_CARE_MONTHS: ("zorgmaanden cliënt",),
    Column.CLIENT_CARE_TASKS: ("zorgtaken cliënt",),
}

HEADER_WORDS: dict[str, Column] = _table(
    [
        *((word, column) for column, pair in HEADERS.items() for word in pair),
        *((word, column) for column, extra in _HEADER_EXTRAS.items() for word in extra),
    ],
    "headers",
)

E = TypeVar("E", bound=Coded)


def _coded(members: Iterable[E], extras: Mapping[str, E], what: str) -> dict[str, E]:
    """Each code, its Dutch and English label, and the extras."""
    pairs = [(word, m) for m in members for word in (m.value, m.nl, m.en)]
    return _table([*pairs, *extras.items()], what)


CLIENT_WORDS = frozenset(norm(w) for w in ("cliënt", "client", "hulpvrager", "zorgvrager"))

M, F = Gender.MALE, Gender.FEMALE
_ROLE_EXTRAS: dict[str, tuple[Role, Gender | None]] = {
    "echtgenoot": (Role.PARTNER, M),
    "echtgenote": (Role.PARTNER, F),
    "husband": (Role.PARTNER, M),
    "wife": (Role.PARTNER, F),
    "spouse": (Role.PARTNER, None),
    "vader": (Role.PARENT, M),
    "moeder": (Role.PARENT, F),
    "stiefvader": (Role.PARENT, M),
    "stiefmoeder": (Role.PARENT, F),
    "pleegvader": (Role.PARENT, M),
    "pleegmoeder": (Role.PARENT, F),
    "pleegouder": (Role.PARENT, None),
    "father": (Role.PARENT, M),
    "mother": (Role.PARENT, F),
    "zoon": (Role.CHILD, M),
    "dochter": (Role.CHILD, F),
    "pleegkind": (Role.CHILD, None),
    "son": (Role.CHILD, M),
    "daughter": (Role.CHILD, F),
    "broer": (Role.SIBLING, M),
    "zus": (Role.SIBLING, F),
    "zuster": (Role.SIBLING, F),
    "halfbroer": (Role.SIBLING, M),
    "halfzus": (Role.SIBLING, F),
    "brother": (Role.SIBLING, M),
    "sister": (Role.SIBLING, F),
    "opa": (Role.GRANDPARENT, M),
    "oma": (Role.GRANDPARENT, F),
    "grootvader": (Role.GRANDPARENT, M),
    "grootmoeder": (Role.GRANDPARENT, F),
    "grandfather": (Role.GRANDPARENT, M),
    "grandmother": (Role.GRANDPARENT, F),
    "grandpa": (Role.GRANDPARENT, M),
    "grandma": (Role.GRANDPARENT, F),
    "kleinzoon": (Role.GRANDCHILD, M),
    "kleindochter": (Role.GRANDCHILD, F),
    "grandson": (Role.GRANDCHILD, M),
    "granddaughter": (Role.GRANDCHILD, F),
    "familie": (Role.OTHER_FAMILY, None),
    "familielid": (Role.OTHER_FAMILY, None),
    "oom": (Role.OTHER_FAMILY, M),
    "tante": (Role.OTHER_FAMILY, F),
    "neef": (Role.OTHER_FAMILY, M),
    "nicht": (Role.OTHER_FAMILY, F),
    "zwager": (Role.OTHER_FAMILY, M),
    "schoonzus": (Role.OTHER_FAMILY, F),
    "schoonvader": (Role.OTHER_FAMILY, M),
    "schoonmoeder": (Role.OTHER_FAMILY, F),
    "family": (Role.OTHER_FAMILY, None),
    "relative": (Role.OTHER_FAMILY, None),
    "uncle": (Role.OTHER_FAMILY, M),
    "aunt": (Role.OTHER_FAMILY, F),
    "nephew": (Role.OTHER_FAMILY, M),
    "niece": (Role.OTHER_FAMILY, F),
    "cousin": (Role.OTHER_FAMILY, None),
    "vriend": (Role.FRIEND, M),
    "vriendin": (Role.FRIEND, F),
    "buurman": (Role.NEIGHBOUR, M),
    "buurvrouw": (Role.NEIGHBOUR, F),
    "buren": (Role.NEIGHBOUR, None),
    "neighbor": (Role.NEIGHBOUR, None),
    "medebewoner": (Role.FELLOW_CLIENT, None),
    "medecliënt": (Role.FELLOW_CLIENT, None),
    "winkelier": (Role.SERVICE, None),
}

ROLE_WORDS: dict[str, tuple[Role, Gender | None]] = _table(
    [
        *((word, (r, None)) for r in Role for word in (r.value, r.nl, r.en)),
        *_ROLE_EXTRAS.items(),
    ],
    "roles",
)
"""Role word → role, and the gender the word implies (used only when the gender cell is empty)."""

GENDER_WORDS = _coded(
    Gender,
    {
        "m": M,
        "mannelijk": M,
        "v": F,
        "f": F,
        "vrouwelijk": F,
        "x": Gender.OTHER,
        "non binair": Gender.OTHER,
        "non binary": Gender.OTHER,
        "?": Gender.UNKNOWN,
    },
    "gender",
)
CIRCLE_WORDS = _coded(
    Circle, {str(c.number): c for c in Circle} | {"kennissen": Circle.ACQUAINTANCE}, "circle"
)
ZONE_WORDS = _coded(
    Zone,
    {
        "buurt": Zone.NEIGHBOURHOOD,
        "neighborhood": Zone.NEIGHBOURHOOD,
        "buiten regio": Zone.OUTSIDE_REGION,
        "buitenland": Zone.OUTSIDE_REGION,
        "abroad": Zone.OUTSIDE_REGION,
    },
    "zone",
)
FREQUENCY_WORDS = _coded(Frequency, {}, "frequency")
QUALITY_WORDS = _coded(Quality, {}, "quality")
STATUS_WORDS = _coded(TieStatus, {}, "status")
NETWORK_WORDS = _coded(
    NetworkZone,
    {
        "persoonlijk": NetworkZone.PERSONAL,
        "nominaal": NetworkZone.NOMINAL,
        "extensief": NetworkZone.EXTENSIVE,
    },
    "network",
)
DIRECTION_WORDS = _coded(
    Direction,
    {
        "naar cliënt": Direction.TO_CLIENT,
        "van cliënt": Direction.FROM_CLIENT,
        "beide": Direction.BOTH,
    },
    "direction",
)
DOMAIN_KIND_WORDS = _coded(
    DomainKind,
    {
        "kerk": DomainKind.CHURCH,
        "moskee": DomainKind.CHURCH,
        "synagoge": DomainKind.CHURCH,
        "church": DomainKind.CHURCH,
        "mosque": DomainKind.CHURCH,
        "sportclub": DomainKind.SPORTS,
        "sportvereniging": DomainKind.SPORTS,
        "zorg": DomainKind.HEALTH_CARE,
        "wijk": DomainKind.NEIGHBOURHOOD,
        "neighborhood": DomainKind.NEIGHBOURHOOD,
        "woningcorporatie": DomainKind.HOUSING,
        "housing corporation": DomainKind.HOUSING,
    },
    "domain kind",
)
WISH_WORDS = _coded(
    Wish,
    {
        "meer": Wish.MORE,
        "zo": Wish.SAME,
        "zo laten": Wish.SAME,
        "hetzelfde": Wish.SAME,
        "minder": Wish.LESS,
        "geen": Wish.NONE,
        "no contact": Wish.NONE,
    },
    "wish",
)
ENERGY_WORDS = _coded(
    Energy,
    {"geeft": Energy.GIVES, "kost": Energy.COSTS, "beide": Energy.BOTH, "allebei": Energy.BOTH},
    "energy",
)
CARE_TASK_WORDS = _coded(
    CareTask,
    {
        "vervoer": CareTask.TRANSPORT,
        "begeleiding": CareTask.TRANSPORT,
        "verzorging": CareTask.PERSONAL_CARE,
    },
    "care task",
)
BOOLEAN_WORDS = _table(
    [
        *((w, True) for w in ("ja", "j", "yes", "y", "1", "true", "waar", "x")),
        *((w, False) for w in ("nee", "n", "no", "0", "false", "onwaar")),
    ],
    "booleans",
)

SUPPORT_ORDER = tuple(Support)
"""P G A E W: the order letters are written in."""
_SUPPORT_SEPARATORS = frozenset(" \t,;/+.&")


def parse_support(text: str) -> tuple[set[Support], list[str]]:
    """``"P, e"`` → ({P, E}, []); the characters that are not support letters come second."""
    letters: set[Support] = set()
    bad: list[str] = []
    for char in text:
        if char in _SUPPORT_SEPARATORS:
            continue
        try:
            letters.add(Support(char.upper()))
        except ValueError:
            if char not in bad:
                bad.append(char)
    return letters, bad


def parse_care_tasks(text: str) -> tuple[set[CareTask], list[str]]:
    """``"huishouden; Persoonlijke verzorging"`` → ({household, personal_care}, []); the parts
    that are no care task come second. Parts are separated by ``;`` or ``,``."""
    tasks: set[CareTask] = set()
    bad: list[str] = []
    for part in split_names(text):
        found = CARE_TASK_WORDS.get(norm(part))
        if found is None:
            bad.append(part)
        else:
            tasks.add(found)
    return tasks, bad


def split_names(text: str) -> list[str]:
    """The names in a ``kent`` (or ``domein``) cell: separated by ``;`` or ``,``."""
    return [part.strip() for part in re.split(r"[;,]", text) if part.strip()]


# --- what is written on export -----------------------------------------------------------

ROLE_OUT: dict[Role, tuple[str, str]] = {
    Role.PARTNER: ("partner", "partner"),
    Role.PARENT: ("ouder", "parent"),
    Role.CHILD: ("kind", "child"),
    Role.SIBLING: ("broer of zus", "sibling"),
    Role.GRANDPARENT: ("grootouder", "grandparent"),
    Role.GRANDCHILD: ("kleinkind", "grandchild"),
    Role.OTHER_FAMILY: ("familie", "other_family"),
    Role.FRIEND: ("vriend(in)", "friend"),
    Role.NEIGHBOUR: ("buur", "neighbour"),
    Role.COLLEAGUE: ("collega", "colleague"),
    Role.FELLOW_CLIENT: ("lotgenoot", "fellow_client"),
    Role.ACQUAINTANCE: ("kennis", "acquaintance"),
    Role.VOLUNTEER: ("vrijwilliger", "volunteer"),
    Role.PROFESSIONAL: ("hulpverlener", "professional"),
    Role.SERVICE: ("dienstverlener", "service"),
}
"""Gender-neutral words, so that reading an export back never infers a gender."""
CLIENT_OUT = ("cliënt", "client")
GENDER_OUT: dict[Gender, tuple[str, str]] = {
    Gender.MALE: ("m", "male"),
    Gender.FEMALE: ("v", "female"),
    Gender.OTHER: ("x", "other"),
    Gender.UNKNOWN: ("", ""),
}
CIRCLE_OUT: dict[Circle, tuple[str, str]] = {
    Circle.INTIMACY: ("intimiteit", "intimacy"),
    Circle.FRIENDSHIP: ("vriendschap", "friendship"),
    Circle.ACQUAINTANCE: ("bekenden", "acquaintance"),
    Circle.SERVICES: ("diensten", "services"),
}
ZONE_OUT: dict[Zone, tuple[str, str]] = {
    Zone.NEIGHBOURHOOD: ("wijk", "neighbourhood"),
    Zone.TOWN: ("woonplaats", "town"),
    Zone.REGION: ("regio", "region"),
    Zone.OUTSIDE_REGION: ("buiten regio", "outside_region"),
    Zone.ONLINE: ("online", "online"),
}
NETWORK_OUT: dict[NetworkZone, tuple[str, str]] = {
    NetworkZone.PERSONAL: ("persoonlijk", "personal"),
    NetworkZone.NOMINAL: ("nominaal", "nominal"),
    NetworkZone.EXTENSIVE: ("extensief", "extensive"),
}
DIRECTION_OUT: dict[Direction, tuple[str, str]] = {
    Direction.TO_CLIENT: ("naar cliënt", "to client"),
    Direction.FROM_CLIENT: ("van cliënt", "from client"),
    Direction.BOTH: ("beide", "both"),
    Direction.NONE: ("geen", "none"),
}
BOOLEAN_OUT: dict[bool, tuple[str, str]] = {True: ("ja", "yes"), False: ("nee", "no")}
WISH_OUT: dict[Wish, tuple[str, str]] = {
    Wish.MORE: ("meer", "more"),
    Wish.SAME: ("zo houden", "same"),
    Wish.LESS: ("minder", "less"),
    Wish.NONE: ("geen", "none"),
}
ENERGY_OUT: dict[Energy, tuple[str, str]] = {
    Energy.GIVES: ("geeft", "gives"),
    Energy.COSTS: ("kost", "costs"),
    Energy.BOTH: ("beide", "both"),
}
CARE_TASK_OUT: dict[CareTask, tuple[str, str]] = {
    CareTask.HOUSEHOLD: ("huishouden", "household"),
    CareTask.TRANSPORT: ("vervoer", "transport"),
    CareTask.ADMINISTRATION: ("administratie", "administration"),
    CareTask.PERSONAL_CARE: ("persoonlijke verzorging", "personal_care"),
    CareTask.SUPERVISION: ("toezicht", "supervision"),
}
"""The words of domain.md §10, so a list written in either language reads back."""

CHOICES: dict[Column, tuple[str, str]] = {
    Column.ROLE: (
        "cliënt, partner, ouder/vader/moeder, kind/zoon/dochter, broer/zus, grootouder/opa/oma, "
        "kleinkind, familie/oom/tante/neef/nicht, vriend/vriendin, buur/buurman/buurvrouw, "
        "collega, lotgenoot/medebewoner, kennis, vrijwilliger, hulpverlener, "
        "dienstverlener/winkelier",
        "client, partner, parent, child, sibling, grandparent, grandchild, other_family, friend, "
        "neighbour, colleague, fellow_client, acquaintance, volunteer, professional, service",
    ),
    Column.GENDER: ("m, v, x (of man, vrouw, anders)", "m, f, x (or male, female, other)"),
    Column.CIRCLE: (
        "1-4, intimiteit, vriendschap, bekenden, diensten",
        "1-4, intimacy, friendship, acquaintance, services",
    ),
    Column.ZONE: (
        "wijk, woonplaats, regio, buiten regio, online",
        "neighbourhood, town, region, outside_region, online",
    ),
    Column.FREQUENCY: (
        "dagelijks, wekelijks, maandelijks, jaarlijks, zelden",
        "daily, weekly, monthly, yearly, rarely",
    ),
    Column.NETWORK: ("persoonlijk, nominaal, extensief", "personal, nominal, extensive"),
    Column.STATUS: (
        "actief, vervaagd, verstoord, verzwakt",
        "active, faded, disturbed, weak",
    ),
    Column.QUALITY: ("positief, gespannen, conflict", "positive, tense, conflict"),
    Column.DIRECTION: (
        "naar cliënt, van cliënt, beide, geen",
        "to client, from client, both, none",
    ),
    Column.SENSITIVE: ("ja, nee", "yes, no"),
    Column.RECIPROCAL: ("ja, nee", "yes, no"),
    Column.ORGANISATION: ("ja, nee", "yes, no"),
    Column.MAY_ASK: ("ja, nee", "yes, no"),
    Column.RECEIVES_CARE: ("ja, nee", "yes, no"),
    Column.OWN_NEEDS: ("ja, nee", "yes, no"),
    Column.WISH: ("meer, zo houden, minder, geen", "more, same, less, none"),
    Column.ENERGY: ("geeft, kost, beide", "gives, costs, both"),
    Column.CARE_TASKS: (
        "huishouden, vervoer, administratie, persoonlijke verzorging, toezicht",
        "household, transport, administration, personal_care, supervision",
    ),
    Column.CLIENT_CARE_TASKS: (
        "huishouden, vervoer, administratie, persoonlijke verzorging, toezicht",
        "household, transport, administration, personal_care, supervision",
    ),
}
"""The accepted values, as named in error messages."""


# --- defaults ----------------------------------------------------------------------------

STRENGTH_BY_CIRCLE: dict[Circle | None, int] = {
    Circle.INTIMACY: 3,
    Circle.FRIENDSHIP: 2,
    Circle.ACQUAINTANCE: 1,
    Circle.SERVICES: 1,
    None: 2,
}
"""Strength of the tie with the client when the ``sterkte`` cell is empty."""
KNOWS_STRENGTH = 1
"""Strength of a tie between two members made by ``kent``."""


def default_direction(support: set[Support], reciprocal: bool | None) -> Direction:
    """Support given → to the client; and the client gives back → both ways; else none."""
    if not support:
        return Direction.NONE
    return Direction.BOTH if reciprocal else Direction.TO_CLIENT
