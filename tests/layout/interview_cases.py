"""Interview-built cases: a client's answers to the name generators turned into a case through
the interview's own operations (:mod:`zorgkracht.services.interview`), by hand (Pauline Bloem,
issue 13) and generated (for the tidy-picture properties in ``tests/render/test_tidy_*.py``)."""

from __future__ import annotations

import dataclasses

from hypothesis import strategies as st

from zorgkracht.domain import Case, Network, Person
from zorgkracht.domain.codes import Gender, Zone
from zorgkracht.services.interview import add_name, set_acquaintances, set_interpreters
from zorgkracht.services.interview_steps import NAME_STEPS

PAULINE_ANSWERS: tuple[tuple[str, str, str], ...] = (
    ("household", "Kees Bloem", "partner"),
    ("family", "Marjolein van den Berg-Bloem", "child"),
    ("family", "Thomas Bloem", "child"),
    ("family", "Zus Annie", "sibling"),
    ("family", "Kleindochter Fleur", "grandchild"),
    ("friends", "Riet Jansen", "friend"),
    ("friends", "Gerda", "friend"),
    ("neighbours", "Buurvrouw Ans", "neighbour"),
    ("neighbours", "Meneer Pietersen", "neighbour"),
    ("clubs", "Koor De Zangers", "acquaintance"),
    ("professionals", "Huisarts dokter Van Leeuwen", "professional"),
    ("professionals", "Winkel zorgcentrum De Hoge Weide", "service"),
    ("professionals", "Wijkverpleegkundige Sandra", "professional"),
    ("birthday", "Oud-collega Wim", "acquaintance"),
)
"""Pauline Bloem's network as the volunteer coach of issue 13 put it in: 15 persons."""


def new_case(client_name: str = "Pauline Bloem") -> Case:
    client = Person(id="p1", name=client_name, gender=Gender.FEMALE)
    return Case(id="interview", title=client_name, client="p1", network=Network(persons=[client]))


def answered(case: Case, answers: tuple[tuple[str, str, str], ...]) -> Case:
    for step, name, role in answers:
        case = add_name(case, step, name, role=role, another_person=True).case
    return case


def pauline() -> Case:
    """Pauline Bloem's case as the interview builds it, with some interpreters answered."""
    case = answered(new_case(), PAULINE_ANSWERS)
    letters = ["PE", "GE", "E", "P", "GE", "G", "P", "PA", "G", "A", "P", "AE", "G", ""]
    named = {name for _, name, _ in PAULINE_ANSWERS}  # not the unnamed parents of her sister
    answered_persons = [p for p in case.network.persons if p.name in named]
    for person, support in zip(answered_persons, letters, strict=True):
        case = set_interpreters(case, person.id, {"support": list(support)})
    persons = [
        dataclasses.replace(p, organisation=True) if p.name.startswith(("Koor", "Winkel")) else p
        for p in case.network.persons
    ]
    return dataclasses.replace(case, network=dataclasses.replace(case.network, persons=persons))


_WORDS = (
    "Ans",
    "Bram",
    "Wim",
    "Fleur",
    "Riet",
    "Kees",
    "Els",
    "Mo",
    "Gerda",
    "Jansen",
    "Bloem",
    "de",
    "van",
    "den",
    "Berg",
    "Pietersen",
    "Van Leeuwen",
    "Huisarts",
    "dokter",
    "Buurvrouw",
    "Tante",
    "Oom",
    "Neef",
    "Zus",
    "Broer",
    "Oud-collega",
    "Wijkverpleegkundige",
    "Koor",
    "Zangers",
    "Winkel",
    "zorgcentrum",
    "Hoge",
    "Weide",
    "Voetbalvereniging",
    "Thuiszorg",
    "Moskee",
    "Kerk",
    "Maatschappelijk",
    "werker",
    "Kapper",
    "Fysiotherapeut",
    "El",
    "Amrani",
    "Marjolein",
    "Berg-Bloem",
    "Schuldhulpverlening",
)
_STEPS = tuple(s for s in NAME_STEPS)


@st.composite
def names(draw: st.DrawFn) -> str:
    """A name as a coach types it: one to five words, short first names to long institutions."""
    return " ".join(draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=5)))


@st.composite
def interview_cases(draw: st.DrawFn, max_persons: int = 40) -> Case:
    """Random answers to the name generators (1 to ``max_persons`` persons with the client),
    entered through the interview's own operations; random support letters, circles and
    zones; who knows whom; some organisations; with or without the domains the steps make."""
    count = draw(st.integers(0, max_persons - 1))
    answers: list[tuple[str, str, str]] = []
    for _ in range(count):
        step = draw(st.sampled_from(_STEPS))
        answers.append((step.key, draw(names()), draw(st.sampled_from(step.roles)).value))
    case = answered(new_case(draw(names())), tuple(answers))
    members = case.network.persons[1:]
    for person in members:
        answers_of: dict[str, list[str]] = {}
        if draw(st.booleans()):
            letters = draw(st.lists(st.sampled_from("PGAEW"), unique=True, max_size=5))
            answers_of["support"] = letters
        if draw(st.booleans()):
            answers_of["circle"] = [str(draw(st.integers(1, 4)))]
        if draw(st.booleans()):
            answers_of["zone"] = [draw(st.sampled_from(Zone)).value]
        if draw(st.booleans()):
            answers_of["reciprocal"] = [draw(st.sampled_from(["yes", "no"]))]
        if answers_of:
            case = set_interpreters(case, person.id, answers_of)
    if len(members) >= 2:
        ids = [p.id for p in members]
        pairs = draw(
            st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)), max_size=len(ids))
        )
        case = set_acquaintances(case, [f"{a} {b}" for a, b in pairs if a != b])
    organisations = set(
        draw(st.lists(st.sampled_from([p.id for p in members]), max_size=4)) if members else []
    )
    persons = [
        dataclasses.replace(p, organisation=True) if p.id in organisations else p
        for p in case.network.persons
    ]
    network = dataclasses.replace(case.network, persons=persons)
    if not draw(st.booleans()):  # the interview without domains (helper E2's choice)
        network = dataclasses.replace(network, domains=[])
    return dataclasses.replace(case, network=network)


_FORTY_NAMES = [
    "Anna Jansen",
    "Bram de Vries",
    "Cor van den Berg",
    "Dirk Bakker",
    "Els El Amrani",
    "Fatima Visser",
    "Gijs Smit",
    "Hanna Meijer",
    "Ilse de Boer",
    "Jan Mulder",
    "Karim Bos",
    "Lotte Vos",
    "Mo Peters",
    "Noor Hendriks",
    "Olga van Leeuwen",
    "Piet Dekker",
    "Quinten Brouwer",
    "Rosa de Wit",
    "Sem Dijkstra",
    "Tess Smits",
    "Umar de Graaf",
    "Vera van der Meer",
    "Wim Kok",
    "Xander Jacobs",
    "Yara de Haan",
    "Zoë Vermeulen",
    "Ahmed van Dijk",
    "Bea Schouten",
    "Chris van Beek",
    "Daan Willems",
    "Eva Hoekstra",
    "Frank Maas",
    "Gerrit Verhoeven",
    "Hilde Koster",
    "Ivo Prins",
    "Joost Kuipers",
    "Kees Post",
    "Lina Bosman",
    "Winkel zorgcentrum De Hoge Weide",
]
_FORTY_STEPS = (
    [("household", "child")] * 2
    + [("family", "other_family")] * 8
    + [("friends", "friend")] * 8
    + [("neighbours", "neighbour")] * 5
    + [("work", "colleague")] * 4
    + [("clubs", "acquaintance")] * 4
    + [("professionals", "professional")] * 3
    + [("birthday", "acquaintance")] * 2
    + [("moving", "friend")] * 2
    + [("professionals", "service")]
)
FORTY_ANSWERS: tuple[tuple[str, str, str], ...] = tuple(
    (step, name, role) for (step, role), name in zip(_FORTY_STEPS, _FORTY_NAMES, strict=True)
)
"""A larger network through the interview: 39 persons with the client, 40."""


def forty() -> Case:
    case = answered(new_case("Marianne Hoekstra-de Groot"), FORTY_ANSWERS)
    assert len(case.network.persons) == 40, len(case.network.persons)
    return case
