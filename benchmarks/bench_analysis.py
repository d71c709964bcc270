"""Time :func:`zorgkracht.analysis.analyse` on generated networks of 50, 500 and 5,000 members.

Run with ``python -m benchmarks.bench_analysis``. Each network is generated from a fixed seed:
every member gets one tie to the client (with random support letters, reciprocity and care
hours) and nine ties to other members chosen at random, so 10 ties per member. Roles, circles,
zones, frequencies and statuses are drawn at random; from a second seeded generator (so the
network itself stays as before) the fields of issue 12: a wish, energy, may be asked and
receives care per member, the client's own care on every tenth client tie, and a household of
the client and three members (the client system, tied to each other). The in-run reference
is networkx's own ``density`` + ``bridges`` + ``connected_components`` on the same member
graph, so the ratio says how much the full analysis costs on top of the graph algorithms it
cannot avoid.
Prints a markdown table; times are the median of several runs (``time.perf_counter``).
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable

import networkx as nx

from zorgkracht.analysis import analyse
from zorgkracht.domain.codes import (
    CareTask,
    Circle,
    Direction,
    Energy,
    Frequency,
    Role,
    Support,
    TieStatus,
    Wish,
    Zone,
)
from zorgkracht.domain.model import Case, Network, Person, Tie

SIZES = (50, 500, 5000)
TIES_PER_MEMBER = 10
SEED = 20120401


def generate(members: int, seed: int = SEED) -> Case:
    """A case with ``members`` members and ``TIES_PER_MEMBER`` ties made per member."""
    rng = random.Random(seed + members)
    persons = [Person(id="c", name="client")]
    ties: list[Tie] = []
    letters = list(Support)
    for i in range(members):
        pid = f"m{i}"
        persons.append(
            Person(
                id=pid,
                name=f"member {i}",
                role=rng.choice(list(Role)),
                circle=rng.choice(list(Circle)),
                zone=rng.choice(list(Zone)),
                frequency=rng.choice(list(Frequency)),
                status=rng.choice(list(TieStatus)),
                birth_year=rng.randint(1930, 2015),
            )
        )
        ties.append(
            Tie(
                id=f"c-{i}",
                a="c",
                b=pid,
                direction=Direction.TO_CLIENT,
                support=set(rng.sample(letters, rng.randint(0, 3))),
                reciprocal=rng.choice([True, False, None]),
                care_hours_per_week=rng.choice([None, 2.0, 12.0]),
            )
        )
    for i in range(members):
        for k in range(TIES_PER_MEMBER - 1):
            j = rng.randrange(members)
            if j != i:
                ties.append(Tie(id=f"t-{i}-{k}", a=f"m{i}", b=f"m{j}"))
    extra = random.Random(seed - members)
    for person in persons[1:]:
        person.wish = extra.choice([None, *Wish])
        person.energy = extra.choice([None, *Energy])
        person.may_ask = extra.choice([None, True, False])
        person.receives_care = extra.random() < 0.1
    for tie in ties[:members:10]:  # the client ties come first
        tie.client_care_hours_per_week = 6.0
        tie.client_care_months = 12
        tie.client_care_tasks = {CareTask.TRANSPORT}
    household = ["c", *(p.id for p in persons[1:4])]
    network = Network(persons=persons, ties=ties, household=household)
    return Case(id="bench", title="bench", client="c", network=network)


def member_graph(case: Case) -> nx.Graph:
    graph = nx.Graph()
    graph.add_nodes_from(p.id for p in case.members())
    graph.add_edges_from((t.a, t.b) for t in case.network.ties if "c" not in (t.a, t.b))
    return graph


def median_seconds(func: Callable[[], object], runs: int) -> float:
    func()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    print("| members | ties | analyse() ms | networkx density+bridges+components ms | ratio |")
    print("|---:|---:|---:|---:|---:|")
    for size in SIZES:
        case = generate(size)
        graph = member_graph(case)
        runs = 15 if size < 5000 else 5

        def reference(g: nx.Graph = graph) -> object:
            return (nx.density(g), list(nx.bridges(g)), list(nx.connected_components(g)))

        def full(c: Case = case) -> object:
            return analyse(c, year=2024)

        ours = median_seconds(full, runs)
        ref = median_seconds(reference, runs)
        print(
            f"| {size:,} | {len(case.network.ties):,} | {ours * 1000:.1f} | {ref * 1000:.1f} |"
            f" {ours / ref:.1f} |"
        )


if __name__ == "__main__":
    main()
