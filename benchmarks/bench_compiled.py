"""The compiled modules against plain Python, in the same minutes.

Run with ``python -m benchmarks.bench_compiled [--rounds N]``. Each round starts two fresh
processes in turns, one on the compiled modules and one with ``ZORGKRACHT_PURE_PYTHON=1``
(``docs/compiled.md``); each draws the genogram of 200 and of 1,000 persons and the ecogram of
50 members of :mod:`benchmarks.bench_layout` from nothing, seven times after a warm-up, and
reports the median CPU time. Taking the two kinds in turns lets both meet the same moments of a
shared machine. Prints a markdown table: the median over the rounds and how many times faster
the compiled modules were.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

from zorgkracht import _compiled

ROOT = Path(__file__).resolve().parent.parent
PICTURES = (("genogram", 200), ("genogram", 1000), ("ecogram", 50))

_ONE_PROCESS = """
import json, statistics, time
from benchmarks.bench_layout import ecogram_case, family, from_scratch
from zorgkracht import _compiled
out = {"compiled": len(_compiled.active())}
for kind, size in %r:
    case = family(size) if kind == "genogram" else ecogram_case(size)
    from_scratch(case, kind)
    times = []
    for _ in range(7):
        start = time.process_time()
        from_scratch(case, kind)
        times.append(time.process_time() - start)
    out[f"{kind} {size}"] = statistics.median(times) * 1000
print(json.dumps(out))
"""


def one_process(pure: bool) -> dict[str, float]:
    env = dict(os.environ)
    env.pop(_compiled.OFF, None)
    if pure:
        env[_compiled.OFF] = "1"
    done = subprocess.run(
        [sys.executable, "-c", _ONE_PROCESS % (PICTURES,)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout)
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    if _compiled.current_build() is None:
        sys.exit("No current compiled build: run scripts/setup.sh (or scripts/compile.py).")
    compiled: list[dict[str, float]] = []
    pure: list[dict[str, float]] = []
    for _ in range(args.rounds):
        compiled.append(one_process(pure=False))
        pure.append(one_process(pure=True))
    if not all(run["compiled"] for run in compiled) or any(run["compiled"] for run in pure):
        sys.exit("The processes did not run on the modules they were meant to run on.")
    print("| picture | compiled CPU ms | plain Python CPU ms | times faster |")
    print("|---|---:|---:|---:|")
    for kind, size in PICTURES:
        key = f"{kind} {size}"
        fast = statistics.median(run[key] for run in compiled)
        slow = statistics.median(run[key] for run in pure)
        lo = min(run[key] for run in compiled), max(run[key] for run in compiled)
        lo_p = min(run[key] for run in pure), max(run[key] for run in pure)
        print(
            f"| {key} | {fast:.1f} ({lo[0]:.1f}–{lo[1]:.1f}) |"
            f" {slow:.1f} ({lo_p[0]:.1f}–{lo_p[1]:.1f}) | {slow / fast:.2f} |"
        )


if __name__ == "__main__":
    main()
