"""Time every network view (layout + SVG) against Graphviz ``neato`` on the same member graph.

Run with ``python -m benchmarks.bench_views [--runs N]``. Cases come from
:func:`devtools.generators.network_case` (seeded) with 10, 50, 150 and 200 members. Every view but
the genogram is drawn through ``zorgkracht.render.views.render_svg``; the time is the median of
repeated runs after one warm-up (``time.perf_counter``). The in-run reference is Graphviz
``neato -Tsvg`` laying out the same graph (the client and the members as circles, every tie an
edge) as a subprocess, start-up included; the table gives each view's time and its ratio to
neato. Every view is drawn from nothing (:func:`zorgkracht.layout.memo.forget` before each
run: a first drawing). The ecogram is timed once more as "ecogram after a tie edit": each run
draws the case after one more ``update_tie`` (strength, quality, direction or letters, in turn),
reusing what the previous drawing left, which is what the page's redraw after such an edit
costs. Target: every view under 30 ms at 150 members and under 50 ms at 200.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import time
from collections.abc import Callable
from functools import partial

from devtools.compiled import modules_line
from devtools.generators import network_case
from zorgkracht.domain import Case
from zorgkracht.render.views import render_svg
from zorgkracht.services.edits import apply_edit

from .bench_layout import from_scratch

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


_CHANGES: list[dict[str, object]] = [
    {"strength": 3},
    {"quality": "tense"},
    {"direction": "both"},
    {"support": ["P", "E"]},
    {"strength": 1},
    {"quality": "positive"},
    {"direction": "to_client"},
    {"support": []},
]


class TieEdits:
    """Calls draw the ecogram of the case after one more tie edit each."""

    def __init__(self, case: Case) -> None:
        self.case = case
        self.count = 0

    def __call__(self) -> str:
        ties = self.case.network.ties
        tie = ties[(self.count * 37) % len(ties)]
        changes = _CHANGES[self.count % len(_CHANGES)]
        self.count += 1
        self.case = apply_edit(
            self.case, {"op": "update_tie", "id": tie.id, "changes": changes}
        ).case
        return render_svg(self.case, "ecogram")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs per measurement")
    args = parser.parse_args(argv)
    have_neato = shutil.which(NEATO) is not None
    print(modules_line())
    print()
    head = " | ".join(f"{v} ms" for v in VIEWS)
    print(
        f"| members (ties) | {head} | ecogram after a tie edit ms | neato -Tsvg ms "
        "| slowest / neato |"
    )
    print("|---:|" + "---:|" * (len(VIEWS) + 3))
    misses: list[str] = []
    for size in SIZES:
        case = network_case(size)
        edited = median_ms(TieEdits(case), args.runs)
        times = [median_ms(partial(from_scratch, case, view), args.runs) for view in VIEWS]
        if edited >= TARGET_MS[size]:
            misses.append(f"ecogram after a tie edit at {size}: {edited:.1f} ms")
        for view, ms in zip(VIEWS, times, strict=True):
            if ms >= TARGET_MS[size]:
                misses.append(f"{view} at {size}: {ms:.1f} ms")
        ref = median_ms(partial(neato, member_dot(case)), args.runs) if have_neato else 0.0
        cells = " | ".join(f"{ms:.1f}" for ms in [*times, edited])
        ratio = f"{max(edited, *times) / ref:.2f}" if ref else "n/a"
        ref_cell = f"{ref:.1f}" if ref else "n/a"
        print(f"| {size} ({len(case.network.ties)}) | {cells} | {ref_cell} | {ratio} |")
    print()
    if misses:
        print("Over target (30 ms up to 150 members, 50 ms at 200): " + "; ".join(misses))
    else:
        print("Every view under target (30 ms up to 150 members, 50 ms at 200).")


if __name__ == "__main__":
    main()
