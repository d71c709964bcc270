"""The compiled wheel against the sources, in the same minutes.

Run with ``python -m benchmarks.bench_compiled [--rounds N] [--python WHEEL_PYTHON]`` from the
development environment. ``WHEEL_PYTHON`` is the Python of an environment with the compiled
wheel installed: by default ``.venv-app/bin/python`` (``scripts/setup.sh`` makes it); the
sources are those of this checkout (``PYTHONPATH=src``). See ``docs/compiled.md``.

1. In one process: each round starts two fresh processes in turns, one on the wheel and one on
   the sources; each draws the genogram of 200 and of 1,000 persons and the ecogram of 50
   members of :mod:`devtools.generators` from nothing, seven times after a warm-up, and reports
   the median CPU time.
2. As a whole process, what a user waits for: ``zorgkracht render big.ged --view genogram -o
   big.svg`` on a 1,280-person family (:func:`devtools.generators.family`, written as GEDCOM),
   with the wheel and with the sources, against Graphviz ``dot -Tsvg`` with orthogonal lines
   (``splines=ortho``) on the same family graph (:func:`benchmarks.bench_layout.genogram_dot`),
   the three in turns; median wall-clock and CPU time (the process and its children).

Prints markdown tables.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bench_layout import DOT, genogram_dot
from devtools.generators import family, family_gedcom
from zorgkracht.interchange.gedcom import read_gedcom

ROOT = Path(__file__).resolve().parent.parent
PICTURES = (("genogram", 200), ("genogram", 1000), ("ecogram", 50))
BIG = 1280

_ONE_PROCESS = """
import json, statistics, time
from benchmarks.bench_layout import from_scratch
from devtools.compiled import running_compiled
from devtools.generators import ecogram_case, family
out = {"compiled": len(running_compiled())}
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


def environment(wheel: bool) -> dict[str, str]:
    """The wheel's process must not see the sources; the sources' process must see them."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    return env if wheel else {**env, "PYTHONPATH": str(ROOT / "src")}


def one_process(python: str, wheel: bool) -> dict[str, float]:
    done = subprocess.run(
        [python, "-c", _ONE_PROCESS % (PICTURES,)],
        env=environment(wheel),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout)
    return result


def in_process(wheel_python: str, rounds: int) -> None:
    compiled: list[dict[str, float]] = []
    plain: list[dict[str, float]] = []
    for _ in range(rounds):
        compiled.append(one_process(wheel_python, wheel=True))
        plain.append(one_process(sys.executable, wheel=False))
    if not all(run["compiled"] for run in compiled) or any(run["compiled"] for run in plain):
        sys.exit("The processes did not run on the modules they were meant to run on.")
    print("| picture (in process) | wheel CPU ms | sources CPU ms | times faster |")
    print("|---|---:|---:|---:|")
    for kind, size in PICTURES:
        key = f"{kind} {size}"
        fast = [run[key] for run in compiled]
        slow = [run[key] for run in plain]
        print(
            f"| {key} | {statistics.median(fast):.1f} ({min(fast):.1f}–{max(fast):.1f}) |"
            f" {statistics.median(slow):.1f} ({min(slow):.1f}–{max(slow):.1f}) |"
            f" {statistics.median(slow) / statistics.median(fast):.2f} |"
        )


def timed(args: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, env=env, cwd=cwd, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu


def whole_process(wheel_python: str, rounds: int) -> None:
    with tempfile.TemporaryDirectory(prefix="zorgkracht-bench-") as tmp:
        work = Path(tmp)
        big = work / "big.ged"
        big.write_text(family_gedcom(family(BIG)), encoding="utf-8")
        case = read_gedcom(big)
        graph = genogram_dot(case).replace("digraph g {", "digraph g {\n  splines=ortho;", 1)
        (work / "big.dot").write_text(graph, encoding="utf-8")
        render = ["render", str(big), "--view", "genogram", "-o"]
        commands = {
            "zorgkracht render, wheel (compiled)": (
                [str(Path(wheel_python).parent / "zorgkracht"), *render, "wheel.svg"],
                environment(wheel=True),
            ),
            "zorgkracht render, sources": (
                [str(Path(sys.executable).parent / "zorgkracht"), *render, "sources.svg"],
                environment(wheel=False),
            ),
            "dot -Tsvg, splines=ortho": (
                [DOT, "-Tsvg", "big.dot", "-o", "dot.svg"],
                environment(wheel=True),
            ),
        }
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for args, env in commands.values():  # warm-up: the file system cache
            timed(args, env, work)
        for _ in range(rounds):
            for name, (args, env) in commands.items():
                times[name].append(timed(args, env, work))
        same = (work / "wheel.svg").read_bytes() == (work / "sources.svg").read_bytes()
    persons, couples = len(case.network.persons), len(case.network.couples)
    print(f"Whole process, a {persons:,}-person genogram ({couples} couples), {rounds} rounds")
    print(f"in turns; the wheel's SVG {'is' if same else 'is NOT'} the sources' byte for byte.")
    print()
    print("| command | wall ms (median) | CPU ms (median) | CPU range ms |")
    print("|---|---:|---:|---:|")
    for name, runs in times.items():
        walls = [w * 1000 for w, _ in runs]
        cpus = [c * 1000 for _, c in runs]
        print(
            f"| {name} | {statistics.median(walls):,.0f} | {statistics.median(cpus):,.0f} |"
            f" {min(cpus):,.0f}–{max(cpus):,.0f} |"
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--python", default=str(ROOT / ".venv-app" / "bin" / "python"))
    parser.add_argument("--skip-in-process", action="store_true")
    args = parser.parse_args(argv)
    args.python = str(Path(args.python).absolute())  # the whole-process runs use another cwd
    if not Path(args.python).is_file():
        sys.exit(f"No wheel environment at {args.python}: run scripts/setup.sh first.")
    if shutil.which(DOT) is None:
        sys.exit(f"Graphviz dot not found at {DOT}; run scripts/system-packages.sh dev")
    if not args.skip_in_process:
        in_process(args.python, args.rounds)
        print()
    whole_process(args.python, args.rounds)


if __name__ == "__main__":
    main()
