"""Small hand-made families for the layout and render tests."""

from __future__ import annotations

from zorgkracht.domain import (
    Case,
    ChildRelation,
    Condition,
    CoupleRelation,
    EmotionalRelation,
    Network,
    Person,
)
from zorgkracht.domain.codes import (
    ChildType,
    ConditionKind,
    ConditionState,
    CoupleType,
    EmotionalType,
    Gender,
    Identity,
    TwinType,
)

M, F = Gender.MALE, Gender.FEMALE


def case_of(net: Network, client: str, index: str | None = None) -> Case:
    return Case(id="t", title="t", client=client, index_person=index, network=net)


def three_children() -> Case:
    """A couple with three children entered out of birth order."""
    return case_of(
        Network(
            persons=[
                Person(id="mum", name="Moeder", gender=F, birth_year=1960),
                Person(id="dad", name="Vader", gender=M, birth_year=1958),
                Person(id="c1990", name="Jongste", gender=F, birth_year=1990),
                Person(id="c1985", name="Oudste", gender=M, birth_year=1985),
                Person(id="c1988", name="Middelste", gender=F, birth_year=1988),
            ],
            couples=[CoupleRelation(id="m", a="mum", b="dad", start_year=1983)],
            children=[
                ChildRelation(id=f"k{c}", child=c, parents=["mum", "dad"])
                for c in ("c1990", "c1985", "c1988")
            ],
        ),
        client="mum",
    )


def five_partners() -> Case:
    """Ma with five partners and one child from each, partners entered out of order."""
    persons = [Person(id="ma", name="Ma", gender=F)]
    couples = []
    children = []
    for n in (3, 1, 5, 2, 4):
        persons.append(Person(id=f"man{n}", name=f"Man {n}", gender=M))
        persons.append(Person(id=f"kid{n}", name=f"Kind {n}", gender=M, birth_year=1978 + 4 * n))
        couples.append(
            CoupleRelation(
                id=f"h{n}",
                a="ma",
                b=f"man{n}",
                type=CoupleType.DIVORCED,
                start_year=1975 + 4 * n,
                end_year=1978 + 4 * n,
            )
        )
        children.append(ChildRelation(id=f"k{n}", child=f"kid{n}", parents=["ma", f"man{n}"]))
    return case_of(Network(persons=persons, couples=couples, children=children), client="ma")


def cousins() -> Case:
    """Two brothers' children marry each other and have a child."""
    p = [
        Person(id="gp", name="Opa", gender=M, birth_year=1900),
        Person(id="gm", name="Oma", gender=F, birth_year=1902),
        Person(id="s1", name="Zoon 1", gender=M, birth_year=1925),
        Person(id="w1", name="Schoondochter 1", gender=F, birth_year=1926),
        Person(id="s2", name="Zoon 2", gender=M, birth_year=1928),
        Person(id="w2", name="Schoondochter 2", gender=F, birth_year=1929),
        Person(id="c1", name="Neef", gender=M, birth_year=1950),
        Person(id="c2", name="Nicht", gender=F, birth_year=1952),
        Person(id="x", name="Achterkleinkind", gender=F, birth_year=1975),
    ]
    couples = [
        CoupleRelation(id="m0", a="gp", b="gm"),
        CoupleRelation(id="m1", a="s1", b="w1"),
        CoupleRelation(id="m2", a="s2", b="w2"),
        CoupleRelation(id="m3", a="c1", b="c2"),
    ]
    children = [
        ChildRelation(id="k1", child="s1", parents=["gp", "gm"]),
        ChildRelation(id="k2", child="s2", parents=["gp", "gm"]),
        ChildRelation(id="k3", child="c1", parents=["s1", "w1"]),
        ChildRelation(id="k4", child="c2", parents=["s2", "w2"]),
        ChildRelation(id="k5", child="x", parents=["c1", "c2"]),
    ]
    return case_of(Network(persons=p, couples=couples, children=children), client="x")


def twins_and_pet() -> Case:
    """Identical twins and an older sister; the household has a dog."""
    return case_of(
        Network(
            persons=[
                Person(id="mum", name="Moeder", gender=F, birth_year=1970),
                Person(id="dad", name="Vader", gender=M, birth_year=1968),
                Person(id="sis", name="Zus", gender=F, birth_year=1995),
                Person(id="t1", name="Tweeling 1", gender=M, birth_year=1998),
                Person(id="t2", name="Tweeling 2", gender=M, birth_year=1998),
                Person(id="dog", name="Bobbie", pet="hond"),
            ],
            household=["mum", "dad", "dog"],
            couples=[CoupleRelation(id="m", a="dad", b="mum", type=CoupleType.COHABITING)],
            children=[
                ChildRelation(
                    id="k1",
                    child="t1",
                    parents=["mum", "dad"],
                    twin_group="a",
                    twin_type=TwinType.IDENTICAL,
                ),
                ChildRelation(id="k0", child="sis", parents=["mum", "dad"]),
                ChildRelation(
                    id="k2",
                    child="t2",
                    parents=["mum", "dad"],
                    twin_group="a",
                    twin_type=TwinType.IDENTICAL,
                ),
            ],
        ),
        client="mum",
    )


def small_family() -> Case:
    """The golden-file family: three generations with most kinds of symbol."""
    persons = [
        Person(id="opa", name="Jan de Vries", gender=M, birth_year=1930, death_year=2001),
        Person(
            id="oma",
            name="Truus de Vries-Bakker",
            gender=F,
            birth_year=1932,
            conditions=[Condition(kind=ConditionKind.PHYSICAL_ILLNESS)],
        ),
        Person(
            id="anna",
            name="Anna",
            gender=F,
            birth_year=1958,
            conditions=[
                Condition(kind=ConditionKind.MENTAL_ILLNESS, state=ConditionState.IN_RECOVERY)
            ],
        ),
        Person(
            id="piet",
            name="Piet",
            gender=M,
            birth_year=1956,
            conditions=[
                Condition(kind=ConditionKind.SUBSTANCE_USE, state=ConditionState.SUSPECTED)
            ],
        ),
        Person(id="karel", name="Karel", gender=M, birth_year=1960, identities={Identity.GAY}),
        Person(id="lisa", name="Lisa & <Co>", gender=Gender.OTHER, birth_year=1984),
        Person(id="tom", name="Tom", gender=M, birth_year=1987, sensitive=True),
        Person(id="mis", name="Miskraam", gender=Gender.UNKNOWN),
        Person(id="sam", name="Sam", gender=Gender.UNKNOWN, age=6),
        Person(id="poes", name="Minoes", pet="kat"),
    ]
    couples = [
        CoupleRelation(
            id="h1", a="opa", b="oma", type=CoupleType.WIDOWED, start_year=1955, end_year=2001
        ),
        CoupleRelation(
            id="h2", a="piet", b="anna", type=CoupleType.DIVORCED, start_year=1982, end_year=1999
        ),
    ]
    children = [
        ChildRelation(id="k1", child="anna", parents=["opa", "oma"]),
        ChildRelation(id="k2", child="karel", parents=["opa", "oma"], type=ChildType.ADOPTED),
        ChildRelation(id="k3", child="lisa", parents=["anna", "piet"]),
        ChildRelation(id="k4", child="tom", parents=["anna", "piet"], type=ChildType.FOSTER),
        ChildRelation(id="k5", child="mis", parents=["anna", "piet"], type=ChildType.MISCARRIAGE),
        ChildRelation(id="k6", child="sam", parents=["lisa"]),
    ]
    emotions = [
        EmotionalRelation(id="e1", a="anna", b="oma", type=EmotionalType.CLOSE),
        EmotionalRelation(id="e2", a="anna", b="karel", type=EmotionalType.CUTOFF),
        EmotionalRelation(id="e3", a="lisa", b="sam", type=EmotionalType.CARE),
        EmotionalRelation(id="e4", a="piet", b="tom", type=EmotionalType.HOSTILE, sensitive=True),
    ]
    return Case(
        id="golden",
        title="Familie De Vries",
        client="lisa",
        index_person="anna",
        network=Network(
            persons=persons,
            household=["lisa", "sam", "poes"],
            couples=couples,
            children=children,
            emotions=emotions,
        ),
    )
