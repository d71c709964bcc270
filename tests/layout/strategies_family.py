"""Hypothesis strategies for realistic families: couples per generation, children in birth
years after their parents, remarriage, cousins who marry, twins and pets."""

from __future__ import annotations

from hypothesis import strategies as st

from zorgkracht.domain import (
    Case,
    ChildRelation,
    CoupleRelation,
    EmotionalRelation,
    Network,
    Person,
)
from zorgkracht.domain.codes import ChildType, CoupleType, EmotionalType, Gender, TwinType


@st.composite
def families(draw: st.DrawFn, max_generations: int = 3) -> Case:
    persons: list[Person] = []
    couples: list[CoupleRelation] = []
    children: list[ChildRelation] = []
    counter = iter(range(10_000))

    def person(gen: int, year: int | None = None) -> str:
        pid = f"p{next(counter)}"
        birth = year if year is not None else draw(st.integers(1900 + 30 * gen, 1915 + 30 * gen))
        persons.append(
            Person(
                id=pid,
                name=pid,
                gender=draw(st.sampled_from([Gender.MALE, Gender.FEMALE, Gender.OTHER])),
                birth_year=birth if draw(st.booleans()) or year is not None else None,
            )
        )
        return pid

    def marry(a: str, b: str, start: int) -> str:
        cid = f"c{next(counter)}"
        couples.append(
            CoupleRelation(
                id=cid, a=a, b=b, type=draw(st.sampled_from(CoupleType)), start_year=start
            )
        )
        return cid

    generation: list[str] = []
    for _ in range(draw(st.integers(1, 2))):
        a, b = person(0), person(0)
        marry(a, b, 1930)
        generation.append(a)
        generation.append(b)
    couples_of_gen: list[tuple[str, str]] = [(c.a, c.b) for c in couples]
    for gen in range(1, max_generations):
        kids: list[str] = []
        for a, b in couples_of_gen:
            twin = draw(st.booleans())
            for k in range(draw(st.integers(0, 3))):
                kid = person(gen)
                kids.append(kid)
                children.append(
                    ChildRelation(
                        id=f"k{next(counter)}",
                        child=kid,
                        parents=[a, b] if draw(st.integers(0, 4)) else [a],
                        type=draw(st.sampled_from([ChildType.BIOLOGICAL, ChildType.ADOPTED])),
                        twin_group="t" if twin and k < 2 else None,
                        twin_type=TwinType.IDENTICAL if twin and k < 2 else None,
                    )
                )
        if not kids:
            break
        couples_of_gen = []
        free = list(kids)
        while free:
            kid = free.pop(0)
            choice = draw(st.integers(0, 3))
            if choice == 0:
                continue
            if choice == 1 and free:
                other = draw(st.sampled_from(free))  # a cousin or a sibling: drawn once
                free.remove(other)
                marry(kid, other, 1960 + 30 * gen)
                couples_of_gen.append((kid, other))
                continue
            for n in range(draw(st.integers(1, 3))):
                spouse = person(gen)
                marry(kid, spouse, 1960 + 30 * gen + 3 * n)
                couples_of_gen.append((kid, spouse))
    ids = [p.id for p in persons]
    household = draw(st.lists(st.sampled_from(ids), unique=True, max_size=3))
    for n in range(draw(st.integers(0, 2))):
        pet = Person(id=f"pet{n}", name=f"pet{n}", pet="hond")
        persons.append(pet)
        household.append(pet.id)
    emotions = [
        EmotionalRelation(id=f"e{i}", a=a, b=b, type=draw(st.sampled_from(EmotionalType)))
        for i, (a, b) in enumerate(
            draw(
                st.lists(
                    st.tuples(st.sampled_from(ids), st.sampled_from(ids)).filter(
                        lambda t: t[0] != t[1]
                    ),
                    max_size=3,
                )
            )
        )
    ]
    net = Network(
        persons=persons,
        household=household,
        couples=couples,
        children=children,
        emotions=emotions,
    )
    return Case(id="fam", title="fam", client=ids[0], network=net)
