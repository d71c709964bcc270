"""The interview's name generators: one question per step, and what a name given to it means
at first (``shared/domain.md`` §8; see :mod:`zorgkracht.services.interview`)."""

from __future__ import annotations

from dataclasses import dataclass

from zorgkracht.domain import Circle, DomainKind, Frequency, Gender, NotFound, Role, Zone
from zorgkracht.i18n import Text, in_language
from zorgkracht.render.domain_names import standard_name

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
    """The kind of domain a person named here joins; the interview makes it, under its
    standard name (:data:`zorgkracht.render.domain_names.STANDARD_NAMES`), when the case has
    none of that kind."""
    weak_tie: bool = False

    @property
    def domain_name(self) -> Text:
        """The standard name of the step's domain in both languages (empty without one)."""
        name = standard_name(self.domain) if self.domain is not None else None
        return Text("", "") if name is None else name

    @property
    def domain_nl(self) -> str:
        """The Dutch standard name of the step's domain (what the case file stores)."""
        return self.domain_name.nl

    @property
    def domain_en(self) -> str:
        """The English standard name of the step's domain."""
        return self.domain_name.en

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
    ),
    NameStep(
        "friends",
        "Vrienden",
        "Friends",
        "Wie zijn uw vrienden en vriendinnen?",
        "Who are your friends?",
        (Role.FRIEND,),
        Circle.FRIENDSHIP,
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
