"""A small case for the process operations: the client, Ans and Bob who may be asked, Cor who
may not (the client said so), each with a tie to the client."""

from __future__ import annotations

from zorgkracht.domain import Case, Network, Person, Tie


def base_case() -> Case:
    persons = [
        Person(id="cl", name="Carla"),
        Person(id="ans", name="Ans"),
        Person(id="bob", name="Bob"),
        Person(id="cor", name="Cor", may_ask=False),
    ]
    ties = [Tie(id=f"t{k}", a="cl", b=p.id) for k, p in enumerate(persons[1:], start=1)]
    return Case(id="c", title="Carla", client="cl", network=Network(persons=persons, ties=ties))
