"""Time every network view (layout + SVG) against Graphviz ``neato`` on the same member graph.

Run with ``python -m benchmarks.bench_views [--runs N]``. Cases come from
:func:`benchmarks.cases.network_case` (seeded) with 10, 50, 150 and 200 members. Every view but
the genogram is drawn through ``zorgkracht.render.views.render_svg``; the time is the median of
repeated runs after one warm-up (``time.perf_counter``). The in-run reference is Graphviz
``neato -Tsvg`` laying out the same graph (the client and the members as circles, every tie an
edge) as a subprocess, start-up included; the table gives each view's time and its ratio to
neato. The ecogram is timed twice: "first" forgets the tie bows of the previous layout before
every run (a first drawing, or an edit that moves someone); "ecogram" redraws the same case,
which is what an edit that moves nobody (a tie's strength, letters, ...) costs. Target: every
view under 30 ms at 150 members and under 50 ms at 200.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import time
from collections.abc import Callable
from functools import partial

from zorgkracht.domain import Case
from zorgkracht.layout.ecogram_ties import forget_bows
from zorgkracht.render.views import render_svg

from .cases import network_case

SIZES = (10, 50, 150, 200)
VIEWS = ("ecogram", "netwerkkaart", "netwerkschema", "levenslijn", "sociogram")
TARGET_MS = {10: 30.0, 50: 30.0, 150: 30.0, 200: 50.0}
NEATO = shutil.which("neato") or "/usr/bin/neato"


def member_dot(case: Case) -> str:
    """The client and the members as circles, every tie an edge."""
    lines = ["graph g {", "  node [shape=circle, width=0.5];"]
    lines += [f'  {p.id} [label="{p.name}"];' for p in case.network.persons]
    lines += [f"  {t.a} -- {t.b};" for t in case.network.ties]
    lines.append("}")
    return "\n".join(lines) + "\n"


def neato(dot_text: str) -> bytes:
    done = subprocess.run(
        [NEATO, "-Tsvg"], input=dot_text.encode("utf-8"), capture_output=True, check=True
    )
    return done.stdout


def median_ms(func: Callable[[], object], runs: int) -> float:
    func()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def ecogram_from_scratch(case: Case) -> str:
    """The ecogram with no bows remembered from the previous layout (a first drawing, or a
    redraw after an edit that moved someone)."""
    forget_bows()
    return render_svg(case, "ecogram")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs per measurement")
    args = parser.parse_args(argv)
    have_neato = shutil.which(NEATO) is not None
    head = " | ".join(f"{v} ms" for v in VIEWS)
    print(f"| members (ties) | ecogram first ms | {head} | neato -Tsvg ms | slowest / neato |")
    print("|---:|" + "---:|" * (len(VIEWS) + 3))
    misses: list[str] = []
    for size in SIZES:
        case = network_case(size)
        first = median_ms(partial(ecogram_from_scratch, case), args.runs)
        times = [median_ms(partial(render_svg, case, view), args.runs) for view in VIEWS]
        if first >= TARGET_MS[size]:
            misses.append(f"ecogram first drawing at {size}: {first:.1f} ms")
        for view, ms in zip(VIEWS, times, strict=True):
            if ms >= TARGET_MS[size]:
                misses.append(f"{view} at {size}: {ms:.1f} ms")
        ref = median_ms(partial(neato, member_dot(case)), args.runs) if have_neato else 0.0
        cells = " | ".join(f"{ms:.1f}" for ms in [first, *times])
        ratio = f"{max(first, *times) / ref:.2f}" if ref else "n/a"
        ref_cell = f"{ref:.1f}" if ref else "n/a"
        print(f"| {size} ({len(case.network.ties)}) | {cells} | {ref_cell} | {ratio} |")
    print()
    if misses:
        print("Over target (30 ms up to 150 members, 50 ms at 200): " + "; ".join(misses))
    else:
        print("Every view under target (30 ms up to 150 members, 50 ms at 200).")


if __name__ == "__main__":
    main()
