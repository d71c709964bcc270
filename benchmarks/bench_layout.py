"""Time the genogram and the ecogram (layout + SVG) against Graphviz ``dot`` on the same graph.

Run with ``python -m benchmarks.bench_layout`` (the sources) or ``.venv-app/bin/python -m
benchmarks.bench_layout`` (the compiled wheel). Families are generated from a fixed seed
(:func:`devtools.generators.family`): founding couples, every couple 1-4 children, most
children a partner from outside the family, some of them a second partner after a divorce,
generation after generation until the family has the wanted number of persons, and a few
emotional relations. Ecograms (:func:`devtools.generators.ecogram_case`) are a client with
members in every sector, each with a tie to the client and a few ties among each other.

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

import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial

from devtools.compiled import modules_line
from devtools.generators import ecogram_case, family
from zorgkracht.domain.model import Case
from zorgkracht.layout.memo import forget
from zorgkracht.render import views

GENOGRAM_SIZES = (10, 50, 200, 1000)
ECOGRAM_SIZES = (10, 50, 200)
SLOW = 2.0
DOT = shutil.which("dot") or "/usr/bin/dot"


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
