"""How long a ``zorgkracht`` command takes as a whole process, next to ``python -c pass``.

Run with ``python -m benchmarks.bench_startup [--runs N] [--python PYTHON]``. ``PYTHON`` is the
interpreter of the environment to measure: by default this one (the development environment,
the sources); ``.venv-app/bin/python`` measures the installed wheel. Each command runs as a new
process, ``--runs`` times in turns after one warm-up round (so that all meet the same moments of
a shared machine), and the median wall-clock and CPU time (user + system of the process) are
reported, absolute and above ``python -c pass`` of the same interpreter:

- ``python -c pass``: the floor, an interpreter that starts and stops;
- ``zorgkracht --help`` and ``zorgkracht version`` (target: under 150 ms);
- ``zorgkracht analyse small.csv`` and ``zorgkracht render small.csv --view ecogram -o x.svg``
  (target: under 400 ms), on a network list of 12 members
  (:func:`devtools.generators.network_case`).

The targets are those of issue 11, for this machine. Prints a markdown table.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from devtools.generators import network_case
from zorgkracht.interchange.network_list_write import write_network_list

ROOT = Path(__file__).resolve().parent.parent
MEMBERS = 12
TARGETS_MS = {"--help": 150.0, "version": 150.0, "analyse": 400.0, "render": 400.0}


def commands(python: Path, work: Path) -> dict[str, list[str]]:
    zorgkracht = str(python.parent / "zorgkracht")
    small = str(work / "small.csv")
    return {
        "python -c pass": [str(python), "-c", "pass"],
        "zorgkracht --help": [zorgkracht, "--help"],
        "zorgkracht version": [zorgkracht, "version"],
        "zorgkracht analyse small.csv": [zorgkracht, "analyse", small],
        "zorgkracht render small.csv --view ecogram -o x.svg": [
            zorgkracht, "render", small, "--view", "ecogram", "-o", str(work / "x.svg"),
        ],
    }  # fmt: skip


def timed(args: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """Wall-clock and CPU milliseconds of one whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, env=env, cwd=cwd, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall * 1000, cpu * 1000


def target(name: str) -> float | None:
    return next((ms for word, ms in TARGETS_MS.items() if f" {word}" in name), None)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--python", type=Path, default=Path(sys.executable))
    args = parser.parse_args(argv)
    args.python = args.python.absolute()  # not resolved: a venv's python is a symlink
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["ZORGKRACHT_DATABASE_URL"] = "sqlite://"  # never the user's own database
    with tempfile.TemporaryDirectory(prefix="zorgkracht-startup-") as tmp:
        work = Path(tmp)
        env["HOME"] = str(work)
        write_network_list(network_case(MEMBERS), work / "small.csv")
        todo = commands(args.python, work)
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in todo}
        for command in todo.values():
            timed(command, env, work)
        for _ in range(args.runs):
            for name, command in todo.items():
                times[name].append(timed(command, env, work))
    floor_wall = statistics.median(w for w, _ in times["python -c pass"])
    floor_cpu = statistics.median(c for _, c in times["python -c pass"])
    print(f"Python: {args.python} ({args.runs} runs each, in turns; medians)")
    print()
    print("| command | wall ms | above `python -c pass` | CPU ms | target | met |")
    print("|---|---:|---:|---:|---:|---|")
    for name, runs in times.items():
        wall = statistics.median(w for w, _ in runs)
        cpu = statistics.median(c for _, c in runs)
        goal = target(name)
        above = "" if name.startswith("python") else f"+{wall - floor_wall:,.0f}"
        met = "" if goal is None else ("yes" if wall < goal else "no")
        goal_text = "" if goal is None else f"< {goal:,.0f}"
        print(f"| `{name}` | {wall:,.0f} | {above} | {cpu:,.0f} | {goal_text} | {met} |")
    print()
    print(f"(`python -c pass`: {floor_wall:.0f} ms wall, {floor_cpu:.0f} ms CPU.)")


if __name__ == "__main__":
    main()
