"""Time the genogram and the ecogram (layout + SVG) against Graphviz ``dot`` on the same graph.

Run with ``python -m benchmarks.bench_layout``. Families are generated from a fixed seed
(:func:`family`): founding couples, every couple 1-4 children, most children a partner from
outside the family, some of them a second partner after a divorce, generation after generation
until the family has the wanted number of persons, and a few emotional relations. Ecograms
(:func:`ecogram_case`) are a client with members in every sector, each with a tie to the client
and a few ties among each other.

The reference is Graphviz ``dot`` laying out the same graph in the same run: for the genogram
every person a box and every couple (or single parent) a point node that the partners lead into
and the children hang from, partners on one rank; for the ecogram the client and the members
with their ties. ``dot -Tsvg`` runs as a subprocess on the DOT text and the whole process is
timed (start-up included, which is what a program calling dot pays). Ours is drawn from
nothing every run (nothing remembered from the previous drawing), and ours and dot are timed
in turns, so that both meet the same moments of a shared machine. Times are medians of
repeated runs: wall-clock (``time.perf_counter``) and CPU time (``time.process_time`` for
this process, ``getrusage(RUSAGE_CHILDREN)`` for dot), the latter being what counts on a machine
that is busy with other work. Prints markdown tables.
"""

from __future__ import annotations

import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial

from zorgkracht import _compiled
from zorgkracht.domain.codes import (
    ChildType,
    CoupleType,
    EmotionalType,
    Gender,
    Role,
    Support,
)
from zorgkracht.domain.model import (
    Case,
    ChildRelation,
    CoupleRelation,
    EmotionalRelation,
    Network,
    Person,
    Tie,
)
from zorgkracht.layout.memo import forget
from zorgkracht.render import views

GENOGRAM_SIZES = (10, 50, 200, 1000)
ECOGRAM_SIZES = (10, 50, 200)
SEED = 20120401
LAST_BIRTH = 2015
SLOW = 2.0
DOT = shutil.which("dot") or "/usr/bin/dot"


# -- generated cases ---------------------------------------------------------------------------


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


def family(size: int, seed: int = SEED) -> Case:
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


def ecogram_case(members: int, seed: int = SEED) -> Case:
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


# -- the same graphs for Graphviz --------------------------------------------------------------


def genogram_dot(case: Case) -> str:
    """Persons as boxes, each couple or single parent a point node; partners on one rank."""
    net = case.network
    lines = ["digraph g {", "  node [shape=box, width=1.2, height=0.8];"]
    lines += [f'  {p.id} [label="{p.name}"];' for p in net.persons]
    unions: dict[tuple[str, ...], str] = {}
    for c in net.couples:
        u = f"u_{c.id}"
        unions[tuple(sorted((c.a, c.b)))] = u
        lines.append(f"  {u} [shape=point];")
        lines.append(f"  {{rank=same; {c.a} -> {u} -> {c.b} [arrowhead=none];}}")
    for ch in net.children:
        key = tuple(sorted(ch.parents))
        if key not in unions:
            u = f"u{len(unions)}"
            unions[key] = u
            lines.append(f"  {u} [shape=point];")
            lines += [f"  {p} -> {u} [arrowhead=none];" for p in ch.parents]
        lines.append(f"  {unions[key]} -> {ch.child} [arrowhead=none];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def member_dot(case: Case, engine_hint: str = "dot") -> str:
    lines = [f"graph {engine_hint} {{", "  node [shape=circle, width=0.5];"]
    lines += [f'  {p.id} [label="{p.name}"];' for p in case.network.persons]
    lines += [f"  {t.a} -- {t.b};" for t in case.network.ties]
    lines.append("}")
    return "\n".join(lines) + "\n"


def run_graphviz(engine: str, dot_text: str) -> Callable[[], object]:
    data = dot_text.encode("utf-8")

    def run() -> object:
        done = subprocess.run(
            [DOT, f"-K{engine}", "-Tsvg"], input=data, capture_output=True, check=True
        )
        return done.stdout

    return run


# -- timing ------------------------------------------------------------------------------------


def _cpu() -> float:
    """CPU seconds used so far by this process and by its finished children (dot)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def median_times(func: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall-clock and median CPU seconds of ``func`` (after one warm-up run). CPU time
    is what the work costs on a machine that other programs are using at the same time."""
    return paired(func, None, runs)[0]


def paired(
    ours: Callable[[], object], ref: Callable[[], object] | None, runs: int
) -> list[tuple[float, float]]:
    """Median wall-clock and CPU seconds of ``ours`` and ``ref``, timed in turns (ours, ref,
    ours, ref, ...) after one warm-up each, so that both meet the same moments of a shared
    machine; a function that takes seconds per run is timed once."""
    funcs = [f for f in (ours, ref) if f is not None]
    counts = []
    for func in funcs:
        start = time.perf_counter()
        func()  # warm-up
        counts.append(1 if time.perf_counter() - start > SLOW else runs)
    walls: list[list[float]] = [[] for _ in funcs]
    cpus: list[list[float]] = [[] for _ in funcs]
    for n in range(max(counts)):
        for k, func in enumerate(funcs):
            if n >= counts[k]:
                continue
            start, cpu = time.perf_counter(), _cpu()
            func()
            walls[k].append(time.perf_counter() - start)
            cpus[k].append(_cpu() - cpu)
    return [(statistics.median(w), statistics.median(c)) for w, c in zip(walls, cpus, strict=True)]


def from_scratch(case: Case, view: str) -> str:
    """The picture with nothing remembered from an earlier drawing
    (:func:`zorgkracht.layout.memo.forget`): what a first drawing costs (or a redraw after an
    edit that moved someone). Shared by the other benchmarks."""
    forget()
    return views.render_svg(case, view)


def _runs(size: int) -> int:
    return 21 if size <= 50 else 11 if size <= 200 else 5


def _row(label: str, ours: tuple[float, float], ref: tuple[float, float]) -> str:
    return (
        f"| {label} | {ours[0] * 1000:.1f} | {ref[0] * 1000:.1f} | {ours[0] / ref[0]:.2f} |"
        f" {ours[1] * 1000:.1f} | {ref[1] * 1000:.1f} | {ours[1] / ref[1]:.2f} |"
    )


def bench_genogram() -> None:
    print(
        "| persons (couples) | genogram layout+SVG ms | dot -Tsvg ms | ratio |"
        " genogram CPU ms | dot CPU ms | CPU ratio |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for size in GENOGRAM_SIZES:
        case = family(size)
        ours = partial(from_scratch, case, "genogram")
        mine, ref = paired(ours, run_graphviz("dot", genogram_dot(case)), _runs(size))
        print(_row(f"{size:,} ({len(case.network.couples):,})", mine, ref))


def bench_ecogram() -> None:
    try:
        views.render_svg(ecogram_case(ECOGRAM_SIZES[0]), "ecogram")
    except ModuleNotFoundError:
        print("ecogram: not available (zorgkracht.render.ecogram does not exist yet)")
        return
    print(
        "| members (ties) | ecogram layout+SVG ms | dot -Tsvg ms | ratio |"
        " ecogram CPU ms | dot CPU ms | CPU ratio | neato -Tsvg ms |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in ECOGRAM_SIZES:
        case = ecogram_case(size)
        ours = partial(from_scratch, case, "ecogram")
        runs = _runs(size)
        mine, ref = paired(ours, run_graphviz("dot", member_dot(case)), runs)
        neato = median_times(run_graphviz("neato", member_dot(case)), runs)
        label = f"{size:,} ({len(case.network.ties):,})"
        print(f"{_row(label, mine, ref)} {neato[0] * 1000:.1f} |")


def modules_line() -> str:
    """Which modules this run measures: the compiled ones (``docs/compiled.md``) or plain
    Python (``ZORGKRACHT_PURE_PYTHON=1`` or no current build). Shared by the other benchmarks."""
    built = _compiled.current_build()
    if built is None or os.environ.get(_compiled.OFF, "") not in ("", "0"):
        return "Modules: plain Python"
    return f"Modules: compiled with mypyc ({len(built) - 1} modules, docs/compiled.md)"


def main() -> None:
    if shutil.which(DOT) is None:
        sys.exit(f"Graphviz dot not found at {DOT}; run scripts/system-packages.sh")
    print(modules_line())
    print()
    bench_genogram()
    print()
    bench_ecogram()


if __name__ == "__main__":
    main()
