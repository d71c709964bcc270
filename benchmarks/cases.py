"""Seeded generated cases for the view benchmarks (``bench_views``).

:func:`network_case` builds a client with a household and ``members`` network members, as a
social worker would enter them: everyone a role, a Lensink circle, a zone, a frequency and a
birth year; most members in one of six domains (work, sports, church, health care,
neighbourhood, school); a tie from every member to the client with a strength, a direction
and a few support letters; ties among members, mostly within a domain or within the family;
and a handful of life events. The same ``members`` and ``seed`` always give the same case.
"""

from __future__ import annotations

import random

from zorgkracht.domain import Case, Domain, Network, Person, Tie
from zorgkracht.domain.codes import (
    Circle,
    Direction,
    DomainKind,
    Frequency,
    Gender,
    Quality,
    Role,
    Support,
    TieStatus,
    Zone,
)
from zorgkracht.domain.model import LifeEvent

SEED = 20261129
DOMAINS = (
    DomainKind.WORK,
    DomainKind.SPORTS,
    DomainKind.CHURCH,
    DomainKind.HEALTH_CARE,
    DomainKind.NEIGHBOURHOOD,
    DomainKind.SCHOOL,
)
_FIRST = [
    "Anna",
    "Bram",
    "Carla",
    "Daan",
    "Els",
    "Fatima",
    "Gerrit",
    "Hanneke",
    "Ibrahim",
    "Joke",
    "Kees",
    "Lotte",
    "Mohamed",
    "Nina",
    "Otto",
    "Petra",
    "Rachid",
    "Sanne",
    "Theo",
    "Ursula",
    "Vincent",
    "Wilma",
    "Yusuf",
    "Zeynep",
]
_LAST = [
    "de Vries",
    "Jansen",
    "van den Berg",
    "Bakker",
    "El Amrani",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Yilmaz",
    "Peters",
    "Hendriks",
    "van Dijk",
]
_FAMILY = (Role.PARENT, Role.CHILD, Role.SIBLING, Role.GRANDPARENT, Role.OTHER_FAMILY)
_DOMAIN_ROLE = {
    DomainKind.WORK: Role.COLLEAGUE,
    DomainKind.SPORTS: Role.FRIEND,
    DomainKind.CHURCH: Role.ACQUAINTANCE,
    DomainKind.HEALTH_CARE: Role.FELLOW_CLIENT,
    DomainKind.NEIGHBOURHOOD: Role.NEIGHBOUR,
    DomainKind.SCHOOL: Role.ACQUAINTANCE,
}


def _name(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def network_case(members: int, seed: int = SEED) -> Case:
    """A client with a household of up to three and ``members`` members in all (household
    included), in six domains, with ties to the client and among each other."""
    rng = random.Random(seed * 1000 + members)
    persons = [Person(id="c", name="Cliënt", gender=Gender.FEMALE, birth_year=1978)]
    household = ["c"]
    ties: list[Tie] = []
    domains = [Domain(id=f"d{j}", name=kind.nl, kind=kind) for j, kind in enumerate(DOMAINS)]
    family: list[str] = []
    for i in range(1, members + 1):
        pid = f"m{i}"
        in_household = i <= min(3, members // 4)
        domain = None if in_household or rng.random() < 0.3 else rng.choice(domains)
        if in_household:
            role = Role.PARTNER if i == 1 else Role.CHILD
        elif domain is not None:
            role = _DOMAIN_ROLE[domain.kind] if rng.random() < 0.7 else rng.choice(list(Role))
        else:
            role = rng.choice(_FAMILY)
        persons.append(
            Person(
                id=pid,
                name=_name(rng),
                gender=rng.choice((Gender.MALE, Gender.FEMALE)),
                role=role,
                circle=rng.choice(list(Circle)),
                zone=rng.choice(list(Zone)),
                frequency=rng.choice(list(Frequency)),
                status=rng.choice(list(TieStatus)),
                birth_year=rng.randint(1935, 2015),
            )
        )
        if in_household:
            household.append(pid)
        if domain is not None:
            domain.members.append(pid)
        elif role in _FAMILY:
            family.append(pid)
        ties.append(
            Tie(
                id=f"tc{i}",
                a="c",
                b=pid,
                strength=rng.randint(1, 3),
                quality=rng.choice(
                    (Quality.POSITIVE, Quality.POSITIVE, Quality.TENSE, Quality.CONFLICT)
                ),
                direction=rng.choice(list(Direction)),
                support=set(rng.sample(list(Support), rng.randint(0, 3))),
                reciprocal=rng.choice((True, False, None)),
            )
        )
    groups = [d.members for d in domains if len(d.members) >= 2]
    if len(family) >= 2:
        groups.append(family)
    everyone = [p.id for p in persons[1:]]
    for k in range(members):  # about as many ties among members as members
        pool = rng.choice(groups) if groups and rng.random() < 0.8 else everyone
        if len(pool) < 2:
            continue
        a, b = rng.sample(pool, 2)
        ties.append(Tie(id=f"tm{k}", a=a, b=b, strength=rng.randint(1, 3)))
    events = [
        LifeEvent(
            id=f"e{k}",
            year=1978 + 4 * k + rng.randint(0, 3),
            title=rng.choice(("Verhuisd", "Nieuwe baan", "Ziek geworden", "Kind geboren")),
            valence=rng.choice((-2, -1, 1, 2)),
            persons=rng.sample(everyone, min(2, len(everyone))),
        )
        for k in range(min(12, 2 + members // 20))
    ]
    return Case(
        id="bench",
        title="Benchmark",
        client="c",
        network=Network(
            persons=persons, household=household, ties=ties, domains=domains, events=events
        ),
    )
