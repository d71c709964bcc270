"""Interview mode: collect a client's network by asking (``shared/domain.md`` §8).

The interview has three parts, each a series of steps that can be left and resumed:

1. **name generators**, one question per step (:data:`NAME_STEPS`): who lives with you, family,
   friends, neighbours, work or school, clubs and church, professionals, and the book's four
   questions for the weak ties nobody draws (ch. 4: birthday wishes, season's greetings, five
   tickets, help when moving house). Every name becomes a person with a tie from the client;
   the step gives the person a provisional role, circle and zone, and puts them in an ecogram
   domain where the step names one;
2. **interpreters** per person (:func:`set_interpreters`): role, circle, the support letters
   the person gives, frequency, zone, quality of the tie and whether the client gives back;
3. **who knows whom** (:func:`set_acquaintances`): ties between network members.

Every function here is pure: it takes a case, returns a changed copy and never changes its
argument, so bad input (raised as :class:`InvalidInput` naming the field) changes nothing.
Saving is the caller's business (``CaseService.update`` with the version the user saw).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TypeVar

from zorgkracht.domain import (
    Case,
    Circle,
    Direction,
    Domain,
    DomainKind,
    Frequency,
    Gender,
    InvalidInput,
    NotFound,
    Person,
    Problem,
    Quality,
    Role,
    Support,
    Tie,
    Zone,
)
from zorgkracht.domain.copies import copy_case
from zorgkracht.domain.ids import new_id, next_id, used_ids
from zorgkracht.i18n import Text, in_language

MAX_NAME = 120

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
    domain_nl: str = ""
    domain_en: str = ""
    weak_tie: bool = False

    def title(self, lang: str) -> str:
        return in_language(Text(self.title_nl, self.title_en), lang)

    def question(self, lang: str) -> str:
        return in_language(Text(self.question_nl, self.question_en), lang)


NAME_STEPS: tuple[NameStep, ...] = (
    NameStep(
        "household",
        "Huisgenoten",
        "Household",
        "Wie wonen er bij je in huis?",
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
        "Wie horen er bij je familie? Denk aan ouders, kinderen, broers en zussen, opa's en "
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
        "Wie zijn je vrienden en vriendinnen?",
        "Who are your friends?",
        (Role.FRIEND,),
        Circle.FRIENDSHIP,
    ),
    NameStep(
        "neighbours",
        "Buren",
        "Neighbours",
        "Welke buren of buurtgenoten ken je?",
        "Which neighbours or people in your neighbourhood do you know?",
        (Role.NEIGHBOUR,),
        Circle.ACQUAINTANCE,
        zone=Zone.NEIGHBOURHOOD,
        domain=DomainKind.NEIGHBOURHOOD,
        domain_nl="Buurt",
        domain_en="Neighbourhood",
    ),
    NameStep(
        "work",
        "Werk of school",
        "Work or school",
        "Wie ken je van je werk, je school of je opleiding?",
        "Whom do you know from work, school or your course?",
        (Role.COLLEAGUE, Role.ACQUAINTANCE, Role.FRIEND, Role.PROFESSIONAL),
        Circle.ACQUAINTANCE,
        domain=DomainKind.WORK,
        domain_nl="Werk of school",
        domain_en="Work or school",
    ),
    NameStep(
        "clubs",
        "Clubs, vereniging en kerk",
        "Clubs and church",
        "Wie ken je van een club, vereniging, sport, vrijwilligerswerk, kerk of moskee?",
        "Whom do you know from a club, society, sport, volunteer work, church or mosque?",
        (Role.ACQUAINTANCE, Role.FRIEND, Role.VOLUNTEER, Role.FELLOW_CLIENT),
        Circle.ACQUAINTANCE,
        domain=DomainKind.CLUB,
        domain_nl="Club, vereniging en kerk",
        domain_en="Clubs and church",
    ),
    NameStep(
        "professionals",
        "Hulpverleners",
        "Professionals",
        "Welke hulpverleners en dienstverleners zie je? Denk aan de huisarts, de wijkteamer, "
        "de thuiszorg, de kapper of de winkelier.",
        "Which professionals and service providers do you see? Think of the family doctor, "
        "the neighbourhood team, home care, the hairdresser or the shopkeeper.",
        (Role.PROFESSIONAL, Role.SERVICE, Role.VOLUNTEER),
        Circle.SERVICES,
        domain=DomainKind.SOCIAL_WORK,
        domain_nl="Hulp en diensten",
        domain_en="Care and services",
    ),
    NameStep(
        "birthday",
        "Verjaardagen",
        "Birthdays",
        "Wie stuur je verjaardagswensen als hij of zij jarig is?",
        "Whom do you send birthday wishes on their birthday?",
        _WEAK,
        Circle.ACQUAINTANCE,
        weak_tie=True,
    ),
    NameStep(
        "season",
        "Kerst en nieuwjaar",
        "Christmas and New Year",
        "Wie stuur je met kerst of nieuwjaar de beste wensen?",
        "Whom do you send season's greetings at Christmas or New Year?",
        _WEAK,
        Circle.ACQUAINTANCE,
        weak_tie=True,
    ),
    NameStep(
        "tickets",
        "Vijf kaartjes",
        "Five tickets",
        "Stel dat je plots vijf kaartjes krijgt voor een optreden of voetbalwedstrijd "
        "volgende week: wie zou je meevragen?",
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
        "Stel dat je gaat verhuizen: wie anders dan je directe familie kun je vragen om een "
        "handje te helpen? Bijvoorbeeld op de verhuisdag op je hond letten, of een uurtje "
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


# --- reading --------------------------------------------------------------------------------
def client_tie(case: Case, person_id: str) -> Tie | None:
    """The tie between the client and ``person_id`` (the first, if there are several)."""
    for tie in case.network.ties:
        if {tie.a, tie.b} == {case.client, person_id}:
            return tie
    return None


def member(case: Case, person_id: str) -> Person:
    """A network member (anyone but the client); ``NotFound`` otherwise."""
    for person in case.members():
        if person.id == person_id:
            return person
    raise NotFound(
        f"Persoon {person_id!r} staat niet in dit netwerk.",
        f"Person {person_id!r} is not in this network.",
    )


def find_by_name(case: Case, name: str) -> Person | None:
    """The person whose name is ``name``, ignoring case and surrounding or repeated spaces."""
    wanted = _norm(name)
    for person in case.network.persons:
        if _norm(person.name) == wanted:
            return person
    return None


def known_pairs(case: Case) -> set[tuple[str, str]]:
    """Pairs (in member order) of members joined by a tie: who knows whom."""
    order = {p.id: i for i, p in enumerate(case.members())}
    pairs: set[tuple[str, str]] = set()
    for tie in case.network.ties:
        if tie.a in order and tie.b in order and tie.a != tie.b:
            pairs.add(pair_key(order, tie.a, tie.b))
    return pairs


def pair_key(order: Mapping[str, int], a: str, b: str) -> tuple[str, str]:
    return (a, b) if order[a] <= order[b] else (b, a)


# --- the answers ----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Added:
    """The outcome of naming someone: the changed case and the person the name stands for."""

    case: Case
    person: Person
    created: bool
    """False when the name was already in the network and the person was not added again."""


def add_name(
    case: Case,
    step_key: str,
    name: str,
    *,
    role: str = "",
    gender: str = "",
    another_person: bool = False,
) -> Added:
    """Add the person named at step ``step_key``.

    A name already in the network (ignoring letter case and spaces) is not added twice: the
    result has ``created=False`` and the existing person, so the interface can say so. When
    the client means another person with the same name, ``another_person=True`` adds them.
    """
    step = name_step(step_key)
    clean = " ".join(name.split())
    problems: list[Problem] = []
    if not clean:
        problems.append(Problem("name", "vul een naam in", "enter a name", "required"))
    elif len(clean) > MAX_NAME:
        problems.append(
            Problem(
                "name",
                f"een naam is hoogstens {MAX_NAME} tekens",
                f"a name is at most {MAX_NAME} characters",
                "too_long",
            )
        )
    chosen_role = _choice(Role, role, "role", problems, allowed=step.roles) or step.roles[0]
    chosen_gender = _choice(Gender, gender, "gender", problems) or Gender.UNKNOWN
    if problems:
        raise InvalidInput(problems)
    existing = find_by_name(case, clean)
    if existing is not None and not another_person:
        return Added(case=case, person=existing, created=False)

    changed = copy_case(case)
    net = changed.network
    taken = used_ids(changed)
    person = Person(
        id=new_id(taken, "p"),
        name=clean,
        gender=chosen_gender,
        role=chosen_role,
        circle=step.circle,
        zone=step.zone,
        frequency=step.frequency,
    )
    net.persons.append(person)
    taken.add(person.id)
    net.ties.append(Tie(id=new_id(taken, "t"), a=changed.client, b=person.id))
    if step.household:
        if changed.client not in net.household:
            net.household.insert(0, changed.client)
        net.household.append(person.id)
    if step.domain is not None:
        domain = next((d for d in net.domains if d.kind is step.domain), None)
        if domain is None:
            domain = Domain(id=new_id(taken, "d"), name=step.domain_nl, kind=step.domain)
            net.domains.append(domain)
        domain.members.append(person.id)
    return Added(case=changed, person=person, created=True)


def remove_person(case: Case, person_id: str) -> Case:
    """The case without member ``person_id`` (named by mistake): their ties, place in the
    household, domains and life events go too. The client cannot be removed."""
    member(case, person_id)
    changed = copy_case(case)
    net = changed.network
    net.persons = [p for p in net.persons if p.id != person_id]
    net.ties = [t for t in net.ties if person_id not in (t.a, t.b)]
    net.household = [h for h in net.household if h != person_id]
    net.couples = [c for c in net.couples if person_id not in (c.a, c.b)]
    net.emotions = [e for e in net.emotions if person_id not in (e.a, e.b)]
    net.children = [c for c in net.children if c.child != person_id and person_id not in c.parents]
    for domain in net.domains:
        domain.members = [m for m in domain.members if m != person_id]
    for event in net.events:
        event.persons = [p for p in event.persons if p != person_id]
    for overrides in changed.positions.values():
        overrides.pop(person_id, None)
    return changed


INTERPRETER_FIELDS = ("role", "circle", "support", "frequency", "zone", "quality", "reciprocal")


def set_interpreters(case: Case, person_id: str, answers: Mapping[str, Sequence[str]]) -> Case:
    """Record what the client says about ``person_id``.

    ``answers`` maps a field of :data:`INTERPRETER_FIELDS` to its submitted values (a form:
    ``support`` may hold several letters, the others one value; an empty value clears the
    field, a missing field is left as it is). Role, circle, frequency and zone belong to the
    person; support, quality and reciprocity to the tie with the client, which is created when
    missing. The tie's direction follows: support given and something given back is ``both``,
    only support ``to_client``, only giving back ``from_client``.
    """
    member(case, person_id)
    problems: list[Problem] = []
    unknown = sorted(set(answers) - set(INTERPRETER_FIELDS))
    for field in unknown:
        problems.append(Problem(field, "onbekend veld", "unknown field", "unknown_field"))

    def one(field: str) -> str | None:
        values = answers.get(field)
        if values is None:
            return None
        if len(values) > 1:
            problems.append(
                Problem(field, "kies één waarde", "choose one value", "multiple_values")
            )
            return None
        return values[0].strip() if values else ""

    role = one("role")
    circle = one("circle")
    frequency = one("frequency")
    zone = one("zone")
    quality = one("quality")
    reciprocal = one("reciprocal")
    new_role = _choice(Role, role or "", "role", problems)
    new_circle = _circle(circle or "", problems)
    new_frequency = _choice(Frequency, frequency or "", "frequency", problems)
    new_zone = _choice(Zone, zone or "", "zone", problems)
    new_quality = _choice(Quality, quality or "", "quality", problems)
    new_reciprocal = _yes_no(reciprocal or "", problems)
    support: set[Support] | None = None
    if "support" in answers:
        support = set()
        for letter in answers["support"]:
            value = letter.strip().upper()
            if not value:
                continue
            try:
                support.add(Support(value))
            except ValueError:
                problems.append(
                    Problem(
                        "support",
                        f"{letter!r} is geen steunsoort; kies uit P, G, A, E, W",
                        f"{letter!r} is not a kind of support; choose from P, G, A, E, W",
                        "enum",
                    )
                )
    if problems:
        raise InvalidInput(problems)

    changed = copy_case(case)
    person = changed.network.person(person_id)
    if role is not None:
        person.role = new_role
    if circle is not None:
        person.circle = new_circle
    if frequency is not None:
        person.frequency = new_frequency
    if zone is not None:
        person.zone = new_zone
    tie = client_tie(changed, person_id)
    if tie is None:
        tie = Tie(id=next_id(changed, "ties"), a=changed.client, b=person_id)
        changed.network.ties.append(tie)
    if quality is not None:
        tie.quality = new_quality or Quality.POSITIVE
    if reciprocal is not None:
        tie.reciprocal = new_reciprocal
    if support is not None:
        tie.support = support
    if support is not None or reciprocal is not None:
        tie.direction = _direction(tie.a == changed.client, bool(tie.support), tie.reciprocal)
    return changed


def set_acquaintances(case: Case, pairs: Iterable[str]) -> Case:
    """Make the ties among members exactly ``pairs``: who knows whom.

    Each pair is ``"id1 id2"`` (a space between two member ids). A pair already joined keeps
    its tie as it is; a new pair gets a plain tie; a tie between two members that is not in
    ``pairs`` is removed. Ties with the client or with domains are never touched.
    """
    members = case.members()
    order = {p.id: i for i, p in enumerate(members)}
    wanted: set[tuple[str, str]] = set()
    problems: list[Problem] = []
    for raw in pairs:
        parts = raw.split()
        if len(parts) != 2 or parts[0] == parts[1] or not all(p in order for p in parts):
            problems.append(
                Problem(
                    "knows",
                    f"{raw!r} zijn niet twee verschillende netwerkleden",
                    f"{raw!r} are not two different network members",
                    "unknown_reference",
                )
            )
            continue
        wanted.add(pair_key(order, parts[0], parts[1]))
    if problems:
        raise InvalidInput(problems)

    changed = copy_case(case)
    net = changed.network
    kept: list[Tie] = []
    present: set[tuple[str, str]] = set()
    for tie in net.ties:
        if tie.a in order and tie.b in order and tie.a != tie.b:
            key = pair_key(order, tie.a, tie.b)
            if key not in wanted or key in present:
                continue
            present.add(key)
        kept.append(tie)
    taken = used_ids(changed)
    for a, b in sorted(wanted - present, key=lambda k: (order[k[0]], order[k[1]])):
        tie = Tie(id=new_id(taken, "t"), a=a, b=b)
        taken.add(tie.id)
        kept.append(tie)
    net.ties = kept
    return changed


def all_pairs(case: Case) -> list[tuple[Person, Person]]:
    """Every pair of members, in member order (the upper half of the who-knows-whom matrix)."""
    return list(itertools.combinations(case.members(), 2))


# --- helpers --------------------------------------------------------------------------------
E = TypeVar("E", bound=Enum)


def _choice(
    kind: type[E],
    raw: str,
    field: str,
    problems: list[Problem],
    *,
    allowed: Sequence[E] | None = None,
) -> E | None:
    value = raw.strip()
    if not value:
        return None
    options = list(allowed) if allowed is not None else list(kind)
    for option in options:
        if option.value == value:
            return option
    codes = ", ".join(str(o.value) for o in options)
    problems.append(
        Problem(
            field,
            f"{value!r} is geen keuze hier; kies uit {codes}",
            f"{value!r} is not a choice here; choose from {codes}",
            "enum",
        )
    )
    return None


def _circle(raw: str, problems: list[Problem]) -> Circle | None:
    value = raw.strip()
    if value.isdigit() and len(value) == 1 and 1 <= int(value) <= 4:
        return Circle.from_number(int(value))
    return _choice(Circle, value, "circle", problems)


def _yes_no(raw: str, problems: list[Problem]) -> bool | None:
    value = raw.strip().lower()
    if value in ("", "unknown"):
        return None
    if value in ("yes", "true", "1"):
        return True
    if value in ("no", "false", "0"):
        return False
    problems.append(
        Problem(
            "reciprocal",
            f"{raw!r} is geen antwoord; kies ja, nee of weet niet",
            f"{raw!r} is not an answer; choose yes, no or don't know",
            "enum",
        )
    )
    return None


def _direction(client_is_a: bool, gives: bool, gets_back: bool | None) -> Direction:
    if gives and gets_back:
        return Direction.BOTH
    if gives:
        return Direction.TO_CLIENT if client_is_a else Direction.FROM_CLIENT
    if gets_back:
        return Direction.FROM_CLIENT if client_is_a else Direction.TO_CLIENT
    return Direction.NONE


def _norm(name: str) -> str:
    return " ".join(name.split()).casefold()
