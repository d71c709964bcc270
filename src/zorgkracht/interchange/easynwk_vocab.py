"""The words of easyNWK and what they become here: roles, genders, pets, sectors, horizons, support.

Followed (fhstp/easynwk-web, commit 179b80b of 2025-09-19):

- ``src/data/roles_de.json`` and ``roles_en.json``: the role names easyNWK offers, German (what
  it stores) and their English labels; a role is free text, so any other word may stand there
  (its sample file has ``Großtante`` and ``Hund``).
- ``src/data/Sectors.ts``: the four sectors (Familie, Freund*innen / Bekannte, Kolleg*innen,
  prof. Helfer*innen) and the role a new contact gets in each (``SectorDefaultRoles``).
- ``src/data/AlterCategories.ts`` ``sectorIndex``: the sector from the angle (degrees from the
  x-axis, -180 to 180): ``angle < -90`` colleagues (2), ``< 0`` professional helpers (3),
  ``< 90`` family (0), else friends (1); none when the distance is 0 or less.
- ``src/data/Horizon.ts`` ``horizonKey``: the horizon from the distance (100 = the outer
  horizon): ``< 33.33`` close, ``< 66.67`` middle, else far.
- ``src/data/Gender.ts``: ``weiblich``, ``männlich``, ``divers``, ``nicht festgelegt``.
- ``src/components/AlteriEditForm.vue``: the five support kinds, each 0 no support,
  1 "Ich unterstütze ..." (the person at the centre supports the contact), 2 "... unterstützt
  mich" (the contact supports them), 3 "Wir unterstützen uns gegenseitig".
"""

from __future__ import annotations

from zorgkracht.domain.codes import Circle, Gender, Role, Support

from .network_list_vocab import ROLE_WORDS, norm

SECTOR_ROLE: tuple[Role, Role, Role, Role] = (
    Role.OTHER_FAMILY,
    Role.FRIEND,
    Role.COLLEAGUE,
    Role.PROFESSIONAL,
)
"""easyNWK sector index (0 family, 1 friends and acquaintances, 2 colleagues, 3 professional
helpers) → the role of a contact whose role name says nothing more (``SectorDefaultRoles``)."""

SECTOR_NAMES: tuple[str, str, str, str] = (
    "Familie",
    "Freund*innen / Bekannte",
    "Kolleg*innen",
    "prof. Helfer*innen",
)


def sector_index(angle: float, distance: float) -> int | None:
    """easyNWK's ``sectorIndex``: 0 family (0° to 90°, top right), 1 friends (90° to 180°),
    2 colleagues (-180° to -90°), 3 professional helpers (-90° to 0°)."""
    if distance <= 0:
        return None
    if angle < -90:
        return 2
    if angle < 0:
        return 3
    if angle < 90:
        return 0
    return 1


OUTER_HORIZON = 100.0
"""Distance of easyNWK's outer horizon; a contact beyond it cannot be connected
(``isConnectable`` in ``Alter.ts``)."""


def circle_of(distance: float) -> Circle:
    """easyNWK's ``horizonKey`` as a Lensink circle: close → intimacy, middle → friendship,
    far (and beyond the outer horizon) → acquaintance. The fourth circle (services) is never
    given: easyNWK has three horizons, and its professional helpers have a sector instead."""
    if distance < 33.33:
        return Circle.INTIMACY
    if distance < 66.67:
        return Circle.FRIENDSHIP
    return Circle.ACQUAINTANCE


GENDERS: dict[str, Gender] = {
    norm(word): gender
    for words, gender in (
        (("weiblich", "female", "w", "f"), Gender.FEMALE),
        (("männlich", "male", "m"), Gender.MALE),
        (("divers", "diverse", "other"), Gender.OTHER),
        (("nicht festgelegt", "not specified", "unknown", ""), Gender.UNKNOWN),
    )
    for word in words
}

SUPPORT_FIELDS: tuple[tuple[str, Support | None], ...] = (
    ("supportEmotional", Support.EMOTIONAL),
    ("supportInstrumental", Support.PRACTICAL),
    ("supportInformational", Support.ADVICE),
    ("supportSocial", Support.COMPANIONSHIP),
    ("supportLinking", None),
)
"""easyNWK's five support kinds → our letters: emotional E, instrumental (practical help) P,
informational (advice and information) A, social (company, belonging) G. Linking (putting the
person in touch with others and with services) has no letter; it still counts for the
direction. Our W (appreciation) has no easyNWK kind."""

TO_CLIENT = frozenset({2, 3})
"""Support values in which the contact supports the person at the centre."""
FROM_CLIENT = frozenset({1, 3})
"""Support values in which the person at the centre supports the contact."""

_R = Role
_ROLES: dict[Role, tuple[str, ...]] = {
    _R.PARTNER: (
        "Ehefrau", "Ehemann", "Lebensgefährt*in", "Partner*in",
        "wife", "husband", "life partner", "partner",
    ),
    _R.PARENT: (
        "Mutter", "Vater", "Stiefmutter", "Stiefvater", "Pflegemutter", "Pflegevater",
        "Adoptivmutter", "Adoptivvater", "mother", "father", "stepmother", "step father",
        "foster mother", "foster father", "adoptive mother", "adoptive father",
    ),
    _R.SIBLING: (
        "Schwester", "Bruder", "Adoptivschwester", "Adoptivbruder", "Stiefschwester",
        "Stiefbruder", "Halbschwester", "Halbbruder", "Pflegeschwester", "Pflegebruder",
        "sister", "brother", "adoptive sister", "adoptive brother", "stepsister",
        "stepbrother", "half sister", "half brother", "foster sister", "foster brother",
    ),
    _R.CHILD: (
        "Tochter", "Sohn", "Adoptivtochter", "Adoptivsohn", "Pflegetochter", "Pflegesohn",
        "Stieftochter", "Stiefsohn", "daughter", "son", "adopted daughter", "adopted son",
        "foster daughter", "foster son", "stepdaughter", "stepson",
    ),
    _R.GRANDPARENT: (
        "Großmutter", "Großvater", "Urgroßmutter", "Urgroßvater",
        "grandmother", "grandfather", "great-grandmother", "great-grandfather",
    ),
    _R.GRANDCHILD: ("Enkelkind", "Urenkelkind", "grandchild", "great-grandchild"),
    _R.OTHER_FAMILY: (
        "Familienangehörige*r", "Schwager/Schwägerin", "Schwiegermutter", "Schwiegervater",
        "Schwiegertochter", "Schwiegersohn", "Tante", "Onkel", "Cousin*e",
        "Angeheiratete Tante", "Angeheirateter Onkel", "Nichte", "Neffe",
        "Angeheiratete Nichte", "Angeheirater Neffe", "Ex-Partner*in",
        "family member", "sister/brother-in-law", "mother-in-law", "father-in-law",
        "daughter-in-law", "son-in-law", "aunt", "uncle", "cousin", "niece", "nephew",
        "ex-partner",
    ),
    _R.FRIEND: ("Freund*in", "friend"),
    _R.NEIGHBOUR: ("Nachbar*in", "neighbor"),
    _R.ACQUAINTANCE: ("Bekannte*r", "acquaintance"),
    _R.COLLEAGUE: (
        "Kolleg*in", "Arbeitskolleg*in", "Vereinskolleg*in", "Ausbildungskolleg*in",
        "Schulkolleg*in", "Studienkolleg*in", "colleague",
    ),
    _R.FELLOW_CLIENT: ("Mitbewohner*in", "roommate"),
    _R.PROFESSIONAL: (
        "prof. Helfer*in", "Ärzt*in", "Psychotherapeut*in", "Pflegefachkraft",
        "Gesetz. Erwachsenenvertretung", "Psycholog*in", "Sozialarbeiter*in",
        "Berater*in / Betreuer*in", "Pfarrer*in", "Physiotherapeut*in", "Ergotherapeut*in",
        "prof. helper", "prof. Help", "doctor", "psychotherapist", "nurse practitioner",
        "legal adult representation", "psychologist", "social worker",
        "consultant/supervisor", "pastor", "physiotherapist", "ergotherapist",
    ),
}  # fmt: skip

ROLES: dict[str, Role] = {norm(word): role for role, words in _ROLES.items() for word in words}
"""Every role name of ``roles_de.json`` and ``roles_en.json`` (and the sector defaults) → role.
``Ex-Partner*in`` becomes other family (there is no role for a former partner; the book's
genogram draws them as a divorced couple) and ``Mitbewohner*in`` a fellow client (a
housemate, as ``medebewoner`` is in the network list)."""

_FAMILY_STEMS = ("tante", "onkel", "cousin", "neffe", "nichte", "schwager", "schwieger")
"""Parts of German family words that easyNWK's list lacks (its sample has ``Großtante``)."""

PETS: dict[str, str] = {
    norm(word): dutch
    for dutch, words in (
        ("hond", ("Hund", "Hündin", "dog")),
        ("kat", ("Katze", "Kater", "cat")),
        ("paard", ("Pferd", "horse")),
        ("vogel", ("Vogel", "Wellensittich", "bird")),
        ("konijn", ("Hase", "Kaninchen", "rabbit")),
        ("cavia", ("Meerschweinchen", "guinea pig")),
        ("huisdier", ("Haustier", "Tier", "pet", "animal")),
    )
    for word in words
}
"""A non-human contact whose role (or name) is an animal is a pet of that kind (in Dutch, as
the case file keeps it); any other non-human contact is an organisation."""


def role_of(text: str) -> Role | None:
    """The role an easyNWK role name stands for: its own lists, then the Dutch and English words
    of the network list, then German family words; ``None`` when unknown."""
    key = norm(text)
    if not key:
        return None
    if key in ROLES:
        return ROLES[key]
    if key in ROLE_WORDS:
        return ROLE_WORDS[key][0]
    if any(stem in key for stem in _FAMILY_STEMS):
        return Role.OTHER_FAMILY
    return None
