"""The interview's name generators: one question per step, and what a name given to it means
at first (``shared/domain.md`` §8; see :mod:`zorgkracht.services.interview`)."""

from __future__ import annotations

from dataclasses import dataclass

from zorgkracht.domain import (
    Circle,
    CoupleType,
    DomainKind,
    Frequency,
    Gender,
    NotFound,
    Role,
    Zone,
)
from zorgkracht.i18n import Text, in_language

_FAMILY = (
    Role.PARTNER,
    Role.PARENT,
    Role.CHILD,
    Role.SIBLING,
    Role.GRANDPARENT,
    Role.GRANDCHILD,
    Role.OTHER_FAMILY,
)
_WEAK = (
    Role.ACQUAINTANCE,
    Role.FRIEND,
    Role.NEIGHBOUR,
    Role.COLLEAGUE,
    Role.FELLOW_CLIENT,
    Role.VOLUNTEER,
    Role.OTHER_FAMILY,
    Role.SERVICE,
)


@dataclass(frozen=True, slots=True)
class NameStep:
    """One name generator: a question, and what a name given to it means at first."""

    key: str
    title_nl: str
    title_en: str
    question_nl: str
    question_en: str
    roles: tuple[Role, ...]
    """The roles to choose from; the first is the default."""
    circle: Circle
    """Provisional circle, until the client places the person (interpreters)."""
    zone: Zone | None = None
    frequency: Frequency | None = None
    household: bool = False
    domain: DomainKind | None = None
    """The kind of domain a person named here joins (made when the case has none of that
    kind, stored by its code: :func:`zorgkracht.render.domain_names.unnamed`). Without one,
    the person's role says it (:data:`ROLE_DOMAINS`); the household has none."""
    weak_tie: bool = False
    organisations: bool = False
    """Whether the step asks if a name is an organisation (a club, a nursing home, a
    service) rather than one person."""

    def domain_for(self, role: Role) -> DomainKind | None:
        """The kind of domain a person named here with ``role`` joins (``None``: no domain;
        the household belongs to the client system)."""
        if self.household:
            return None
        return self.domain if self.domain is not None else ROLE_DOMAINS.get(role)

    def title(self, lang: str) -> str:
        return in_language(Text(self.title_nl, self.title_en), lang)

    def question(self, lang: str) -> str:
        return in_language(Text(self.question_nl, self.question_en), lang)


NAME_STEPS: tuple[NameStep, ...] = (
    NameStep(
        "household",
        "Huisgenoten",
        "Household",
        "Wie wonen er bij u in huis?",
        "Who lives with you?",
        (*_FAMILY, Role.FRIEND, Role.FELLOW_CLIENT),
        Circle.INTIMACY,
        zone=Zone.NEIGHBOURHOOD,
        frequency=Frequency.DAILY,
        household=True,
    ),
    NameStep(
        "family",
        "Familie",
        "Family",
        "Wie horen er bij uw familie? Denk aan ouders, kinderen, broers en zussen, opa's en "
        "oma's, ooms, tantes, neven en nichten.",
        "Who belongs to your family? Think of parents, children, brothers and sisters, "
        "grandparents, uncles, aunts and cousins.",
        (Role.OTHER_FAMILY, *_FAMILY[:-1]),
        Circle.FRIENDSHIP,
        domain=DomainKind.FAMILY,
    ),
    NameStep(
        "friends",
        "Vrienden",
        "Friends",
        "Wie zijn uw vrienden en vriendinnen?",
        "Who are your friends?",
        (Role.FRIEND,),
        Circle.FRIENDSHIP,
        domain=DomainKind.FRIENDS,
    ),
    NameStep(
        "neighbours",
        "Buren",
        "Neighbours",
        "Welke buren of buurtgenoten kent u?",
        "Which neighbours or people in your neighbourhood do you know?",
        (Role.NEIGHBOUR,),
        Circle.ACQUAINTANCE,
        zone=Zone.NEIGHBOURHOOD,
        domain=DomainKind.NEIGHBOURHOOD,
    ),
    NameStep(
        "work",
        "Werk of school",
        "Work or school",
        "Wie kent u van uw werk, uw school of uw opleiding?",
        "Whom do you know from work, school or your course?",
        (Role.COLLEAGUE, Role.ACQUAINTANCE, Role.FRIEND, Role.PROFESSIONAL),
        Circle.ACQUAINTANCE,
        domain=DomainKind.WORK,
        organisations=True,
    ),
    NameStep(
        "clubs",
        "Clubs, vereniging en kerk",
        "Clubs and church",
        "Wie kent u van een club, vereniging, sport, vrijwilligerswerk, kerk of moskee?",
        "Whom do you know from a club, society, sport, volunteer work, church or mosque?",
        (Role.ACQUAINTANCE, Role.FRIEND, Role.VOLUNTEER, Role.FELLOW_CLIENT),
        Circle.ACQUAINTANCE,
        domain=DomainKind.CLUB,
        organisations=True,
    ),
    NameStep(
        "professionals",
        "Hulpverleners",
        "Professionals",
        "Welke hulpverleners en dienstverleners ziet u? Denk aan de huisarts, de wijkteamer, "
        "de thuiszorg, de kapper of de winkelier.",
        "Which professionals and service providers do you see? Think of the family doctor, "
        "the neighbourhood team, home care, the hairdresser or the shopkeeper.",
        (Role.PROFESSIONAL, Role.SERVICE, Role.VOLUNTEER),
        Circle.SERVICES,
        domain=DomainKind.SOCIAL_WORK,
        organisations=True,
    ),
    NameStep(
        "birthday",
        "Verjaardagen",
        "Birthdays",
        "Wie stuurt u verjaardagswensen als hij of zij jarig is?",
        "Whom do you send birthday wishes on their birthday?",
        _WEAK,
        Circle.ACQUAINTANCE,
        weak_tie=True,
    ),
    NameStep(
        "season",
        "Kerst en nieuwjaar",
        "Christmas and New Year",
        "Wie stuurt u met kerst of nieuwjaar de beste wensen?",
        "Whom do you send season's greetings at Christmas or New Year?",
        _WEAK,
        Circle.ACQUAINTANCE,
        weak_tie=True,
    ),
    NameStep(
        "tickets",
        "Vijf kaartjes",
        "Five tickets",
        "Stel dat u plots vijf kaartjes krijgt voor een optreden of voetbalwedstrijd "
        "volgende week: wie zou u meevragen?",
        "Suppose you suddenly had five tickets for a concert or a match next week: whom "
        "would you take along?",
        _WEAK,
        Circle.ACQUAINTANCE,
        weak_tie=True,
    ),
    NameStep(
        "moving",
        "Verhuizen",
        "Moving house",
        "Stel dat u gaat verhuizen: wie anders dan uw directe familie kunt u vragen om een "
        "handje te helpen? Bijvoorbeeld op de verhuisdag op uw hond letten, of een uurtje "
        "poetsen in het oude huis.",
        "Suppose you were moving house: who, besides your close family, could you ask to "
        "lend a hand? For small things, like watching the dog on moving day or cleaning the "
        "old house for an hour.",
        _WEAK,
        Circle.ACQUAINTANCE,
        weak_tie=True,
    ),
)
STEP_KEYS: tuple[str, ...] = tuple(s.key for s in NAME_STEPS)
GENDERS: tuple[Gender, ...] = (Gender.FEMALE, Gender.MALE, Gender.OTHER, Gender.UNKNOWN)

ROLE_DOMAINS: dict[Role, DomainKind] = {
    **{role: DomainKind.FAMILY for role in _FAMILY},
    Role.FRIEND: DomainKind.FRIENDS,
    Role.NEIGHBOUR: DomainKind.NEIGHBOURHOOD,
    Role.COLLEAGUE: DomainKind.WORK,
    Role.PROFESSIONAL: DomainKind.SOCIAL_WORK,
    Role.SERVICE: DomainKind.SOCIAL_WORK,
}
"""The domain a person named at a step without a domain of its own joins, by role (an
acquaintance, a fellow client or a volunteer joins none: there is no catch-all domain)."""

COUPLE_TYPES: tuple[CoupleType, ...] = (
    CoupleType.MARRIED,
    CoupleType.COHABITING,
    CoupleType.COMMITTED,
    CoupleType.ENGAGED,
    CoupleType.MARRIED_SEPARATED,
    CoupleType.DIVORCED,
    CoupleType.WIDOWED,
)
"""The couple types the interview asks about for a partner (the first is the default)."""


@dataclass(frozen=True, slots=True)
class Kin:
    """A word for a relation that also says the gender (moeder, zoon, broer): the interview
    offers it next to the role, so one choice gives both."""

    key: str
    role: Role
    gender: Gender
    nl: str
    en: str

    def label(self, lang: str) -> str:
        return in_language(Text(self.nl, self.en), lang)


KIN: tuple[Kin, ...] = (
    Kin("mother", Role.PARENT, Gender.FEMALE, "moeder", "mother"),
    Kin("father", Role.PARENT, Gender.MALE, "vader", "father"),
    Kin("daughter", Role.CHILD, Gender.FEMALE, "dochter", "daughter"),
    Kin("son", Role.CHILD, Gender.MALE, "zoon", "son"),
    Kin("sister", Role.SIBLING, Gender.FEMALE, "zus", "sister"),
    Kin("brother", Role.SIBLING, Gender.MALE, "broer", "brother"),
    Kin("grandmother", Role.GRANDPARENT, Gender.FEMALE, "oma", "grandmother"),
    Kin("grandfather", Role.GRANDPARENT, Gender.MALE, "opa", "grandfather"),
    Kin("granddaughter", Role.GRANDCHILD, Gender.FEMALE, "kleindochter", "granddaughter"),
    Kin("grandson", Role.GRANDCHILD, Gender.MALE, "kleinzoon", "grandson"),
)
KIN_BY_KEY: dict[str, Kin] = {k.key: k for k in KIN}


def relation_choices(step: NameStep) -> list[tuple[str, Role, Kin | None]]:
    """The relations to choose from at ``step``, as (form value, role, word): each role of the
    step followed by its gendered words (moeder and vader after ouder); the first is the
    default."""
    out: list[tuple[str, Role, Kin | None]] = []
    for role in step.roles:
        out.append((role.value, role, None))
        out.extend((k.key, role, k) for k in KIN if k.role is role)
    return out


def name_step(key: str) -> NameStep:
    for step in NAME_STEPS:
        if step.key == key:
            return step
    raise NotFound(f"Het gesprek heeft geen stap {key!r}.", f"The interview has no step {key!r}.")


def next_step(key: str) -> NameStep | None:
    """The name generator after ``key``; ``None`` after the last."""
    index = STEP_KEYS.index(name_step(key).key)
    return NAME_STEPS[index + 1] if index + 1 < len(NAME_STEPS) else None


def previous_step(key: str) -> NameStep | None:
    index = STEP_KEYS.index(name_step(key).key)
    return NAME_STEPS[index - 1] if index > 0 else None
