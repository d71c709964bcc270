"""Seeded generated cases, shared by the tests and the benchmarks (never shipped).

- :func:`family`: a family of exactly ``size`` persons over several generations: founding
  couples, every couple 1-4 children, most children a partner from outside the family, some of
  them a second partner after a divorce, a few adopted children and emotional relations
  (the genogram benchmarks and the picture digests).
- :func:`ecogram_case`: a client with ``members`` members in every sector, each with a tie to
  the client and a few ties among each other.
- :func:`network_case`: a client with a household and ``members`` network members as a social
  worker would enter them: everyone a role, a Lensink circle, a zone, a frequency and a birth
  year; most members in one of six domains (work, sports, church, health care, neighbourhood,
  school); a tie from every member to the client with a strength, a direction and a few
  support letters; ties among members, mostly within a domain or within the family; and a
  handful of life events (the view benchmarks and the operations tests).

The same size and seed always give the same case.
"""

from __future__ import annotations

import random

from zorgkracht.domain import Case, Domain, Network, Person, Tie
from zorgkracht.domain.codes import (
    ChildType,
    Circle,
    CoupleType,
    Direction,
    DomainKind,
    EmotionalType,
    Frequency,
    Gender,
    Quality,
    Role,
    Support,
    TieStatus,
    Zone,
)
from zorgkracht.domain.model import ChildRelation, CoupleRelation, EmotionalRelation, LifeEvent

FAMILY_SEED = 20120401
NETWORK_SEED = 20261129
LAST_BIRTH = 2015


# -- families and ecograms ---------------------------------------------------------------------


class _Family:
    def __init__(self, size: int, rng: random.Random) -> None:
        self.size = size
        self.rng = rng
        self.persons: list[Person] = []
        self.couples: list[CoupleRelation] = []
        self.children: list[ChildRelation] = []

    def person(self, gender: Gender, born: int) -> str | None:
        if len(self.persons) >= self.size:
            return None
        pid = f"p{len(self.persons)}"
        died = born + self.rng.randint(55, 95) if born < 1950 else None
        self.persons.append(
            Person(
                id=pid,
                name=f"persoon {len(self.persons)}",
                gender=gender,
                birth_year=born,
                death_year=died if died is not None and died < 2024 else None,
            )
        )
        return pid

    def couple(self, a: str, b: str, start: int, kind: CoupleType, end: int | None) -> str:
        cid = f"c{len(self.couples)}"
        self.couples.append(
            CoupleRelation(id=cid, a=a, b=b, type=kind, start_year=start, end_year=end)
        )
        return cid


def family(size: int, seed: int = FAMILY_SEED) -> Case:
    """A seeded family of exactly ``size`` persons over several generations."""
    rng = random.Random(seed + size)
    fam = _Family(size, rng)
    queue: list[tuple[str, str, int]] = []  # parents and the year their first child is born
    while len(fam.persons) < size:
        born = 1900 + rng.randint(0, 10)
        a = fam.person(Gender.MALE, born)
        b = fam.person(Gender.FEMALE, born + rng.randint(-3, 3))
        if a is None or b is None:
            break
        fam.couple(a, b, born + 24, CoupleType.MARRIED, None)
        queue.append((a, b, born + 26))
        while queue and len(fam.persons) < size:
            pa, pb, year = queue.pop(0)
            if year > LAST_BIRTH:
                continue
            for n in range(rng.randint(1, 4)):
                gender = rng.choice((Gender.MALE, Gender.FEMALE))
                child = fam.person(gender, year + 2 * n)
                if child is None:
                    break
                kind = ChildType.ADOPTED if rng.random() < 0.03 else ChildType.BIOLOGICAL
                parents = [pa, pb] if pb else [pa]
                fam.children.append(
                    ChildRelation(
                        id=f"k{len(fam.children)}", child=child, parents=parents, type=kind
                    )
                )
                if rng.random() < 0.3:
                    continue  # stays single
                other = Gender.FEMALE if gender is Gender.MALE else Gender.MALE
                first = fam.person(other, year + 2 * n + rng.randint(-4, 4))
                if first is None:
                    break
                if rng.random() < 0.15:  # the partner's parents are in the genogram too
                    born = year + 2 * n - 28
                    father = fam.person(Gender.MALE, born)
                    mother = fam.person(Gender.FEMALE, born + rng.randint(-3, 3))
                    if father is None or mother is None:
                        break
                    fam.couple(father, mother, born + 24, CoupleType.MARRIED, None)
                    fam.children.append(
                        ChildRelation(
                            id=f"k{len(fam.children)}", child=first, parents=[father, mother]
                        )
                    )
                start = year + 2 * n + 24
                if rng.random() < 0.2:
                    fam.couple(child, first, start, CoupleType.DIVORCED, start + 8)
                    queue.append((child, first, start + 1))
                    second = fam.person(other, year + 2 * n + rng.randint(-2, 8))
                    if second is None:
                        break
                    fam.couple(child, second, start + 10, CoupleType.MARRIED, None)
                    queue.append((child, second, start + 11))
                else:
                    kind_c = CoupleType.MARRIED if rng.random() < 0.8 else CoupleType.COHABITING
                    fam.couple(child, first, start, kind_c, None)
                    queue.append((child, first, start + 2))
    ids = [p.id for p in fam.persons]
    emotions = [
        EmotionalRelation(
            id=f"e{i}",
            a=rel.child,
            b=rel.parents[0],
            type=rng.choice((EmotionalType.CLOSE, EmotionalType.CONFLICT, EmotionalType.CUTOFF)),
        )
        for i, rel in enumerate(fam.children)
        if rng.random() < 0.08
    ]
    index = ids[-1] if ids else "p0"
    network = Network(
        persons=fam.persons,
        household=[index],
        couples=fam.couples,
        children=fam.children,
        emotions=emotions,
    )
    return Case(id="bench", title="bench", client=index, network=network)


def ecogram_case(members: int, seed: int = FAMILY_SEED) -> Case:
    """A client with ``members`` members, a tie to the client each and ties among them."""
    rng = random.Random(seed + members)
    persons = [Person(id="c", name="client", gender=Gender.FEMALE, birth_year=1980)]
    ties: list[Tie] = []
    roles = list(Role)
    letters = list(Support)
    for i in range(members):
        pid = f"m{i}"
        persons.append(Person(id=pid, name=f"lid {i}", role=rng.choice(roles)))
        ties.append(
            Tie(
                id=f"t{i}",
                a="c",
                b=pid,
                strength=rng.randint(1, 3),
                support=set(rng.sample(letters, 2)),
            )
        )
    for i in range(members):
        for k in range(2):
            j = rng.randrange(members)
            if j != i:
                ties.append(Tie(id=f"u{i}-{k}", a=f"m{i}", b=f"m{j}"))
    return Case(id="bench", title="bench", client="c", network=Network(persons=persons, ties=ties))


# -- network lists as a social worker enters them -------------------------------------------

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


def network_case(members: int, seed: int = NETWORK_SEED) -> Case:
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


# -- a family as a GEDCOM file ----------------------------------------------------------------


def family_gedcom(case: Case) -> str:
    """A :func:`family` as GEDCOM 5.5.1 text: every person an INDI (name, sex, birth and death
    year), every couple a FAM (married or divorced, the year) with the children it has. What
    GEDCOM cannot say (emotional relations, cohabiting, adoption) is left out."""
    net = case.network
    ids = {p.id: f"@I{n}@" for n, p in enumerate(net.persons, 1)}
    fams = {frozenset((c.a, c.b)): f"@F{n}@" for n, c in enumerate(net.couples, 1)}
    lines = ["0 HEAD", "1 GEDC", "2 VERS 5.5.1", "2 FORM LINEAGE-LINKED", "1 CHAR UTF-8"]
    for p in net.persons:
        lines += [f"0 {ids[p.id]} INDI", f"1 NAME {p.name} /Bench/"]
        lines.append("1 SEX " + ("M" if p.gender is Gender.MALE else "F"))
        if p.birth_year is not None:
            lines += ["1 BIRT", f"2 DATE {p.birth_year}"]
        if p.death_year is not None:
            lines += ["1 DEAT", f"2 DATE {p.death_year}"]
    children: dict[frozenset[str], list[str]] = {}
    for rel in net.children:
        children.setdefault(frozenset(rel.parents), []).append(rel.child)
    genders = {p.id: p.gender for p in net.persons}
    for c in net.couples:
        husband, wife = (c.a, c.b) if genders[c.a] is Gender.MALE else (c.b, c.a)
        lines += [f"0 {fams[frozenset((c.a, c.b))]} FAM"]
        lines += [f"1 HUSB {ids[husband]}", f"1 WIFE {ids[wife]}"]
        if c.start_year is not None:
            lines += ["1 MARR", f"2 DATE {c.start_year}"]
        if c.type is CoupleType.DIVORCED and c.end_year is not None:
            lines += ["1 DIV", f"2 DATE {c.end_year}"]
        lines += [f"1 CHIL {ids[child]}" for child in children.get(frozenset((c.a, c.b)), [])]
    lines.append("0 TRLR")
    return "\n".join(lines) + "\n"
