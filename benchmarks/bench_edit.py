"""Edit a tie in a 150-person case over HTTP and get the redrawn picture back.

Run with ``python -m benchmarks.bench_edit [--edits N] [--view VIEW] [--also VIEW ...]``
(``--view`` is the picture redrawn after each edit, the genogram unless given; ``--also`` adds
the bare render time of other views to the table). The script starts the web
application with uvicorn in a subprocess on a free port with a temporary SQLite database,
creates the first account through ``/setup``, stores a generated case of 150 persons (the
client and 149 members, each with a tie to the client, 150 ties between members and six
domains), then sends ``--edits`` (at least 200) ``update_tie`` operations to
``POST /api/cases/{id}/edits`` one after another, as the page does: each with ``If-Match``, each
answered with the new version and the SVG of the view redrawn by the same renderer as the
exports. Every round trip is timed on the client (``time.perf_counter``).

References measured in the same run: the round trip of ``GET /api/health`` (HTTP and the
server's own middleware, no work), and in this process the parts of an edit: ``render_svg`` of
the view after each of a series of tie edits (reusing what the previous drawing left, as the
server does) and drawn from nothing (:func:`zorgkracht.layout.memo.forget` first),
``analyse``, ``apply_edit``, and saving each edited case with ``CaseService.update`` given the
previous version (as the server does) and without it (old rows read back). Prints a markdown
table; the target is a 95th percentile under 100 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import httpx

from devtools.compiled import modules_line
from zorgkracht.analysis import analyse
from zorgkracht.domain import Case, Domain, Network, Person, Tie
from zorgkracht.domain.codes import (
    Circle,
    Direction,
    DomainKind,
    Frequency,
    Gender,
    Quality,
    Role,
    Support,
    TieStatus,
    Zone,
)
from zorgkracht.interchange.case_json import case_to_dict
from zorgkracht.render.views import render_svg
from zorgkracht.services import CaseService
from zorgkracht.services.edits import apply_edit
from zorgkracht.storage import CaseStore

from .bench_layout import from_scratch

PERSONS = 150
MEMBER_TIES = 150
SEED = 20261129
PASSWORD = "benchmark password 2026"
_SERVER = """
import sys, uvicorn
from zorgkracht.services import CaseService
from zorgkracht.storage import CaseStore
from zorgkracht.web.app import create_app
store = CaseStore(sys.argv[1]); store.migrate()
uvicorn.run(create_app(CaseService(store)), host="127.0.0.1", port=int(sys.argv[2]),
            log_level="warning", access_log=False)
"""
_META = re.compile(r'<meta name="csrf-token" content="([^"]+)">')


def generate(persons: int = PERSONS, seed: int = SEED) -> Case:
    """A case with ``persons`` persons, every member tied to the client, some to each other."""
    rng = random.Random(seed)
    people = [Person(id="c", name="Cliënt", gender=Gender.FEMALE)]
    ties: list[Tie] = []
    for i in range(1, persons):
        pid = f"m{i}"
        people.append(
            Person(
                id=pid,
                name=f"Lid {i}",
                gender=rng.choice([Gender.MALE, Gender.FEMALE]),
                role=rng.choice(list(Role)),
                circle=rng.choice(list(Circle)),
                zone=rng.choice(list(Zone)),
                frequency=rng.choice(list(Frequency)),
                status=rng.choice(list(TieStatus)),
                birth_year=rng.randint(1935, 2015),
            )
        )
        ties.append(
            Tie(
                id=f"tc{i}",
                a="c",
                b=pid,
                strength=rng.randint(1, 3),
                direction=Direction.TO_CLIENT,
                support=set(rng.sample(list(Support), rng.randint(0, 3))),
                reciprocal=rng.choice([True, False, None]),
            )
        )
    for k in range(MEMBER_TIES):
        a, b = rng.sample(range(1, persons), 2)
        ties.append(Tie(id=f"tm{k}", a=f"m{a}", b=f"m{b}"))
    kinds = [
        DomainKind.WORK,
        DomainKind.SPORTS,
        DomainKind.CHURCH,
        DomainKind.HEALTH_CARE,
        DomainKind.NEIGHBOURHOOD,
        DomainKind.SCHOOL,
    ]
    domains = [
        Domain(
            id=f"d{j}",
            name=kind.nl,
            kind=kind,
            members=[f"m{i}" for i in rng.sample(range(1, persons), 5)],
        )
        for j, kind in enumerate(kinds)
    ]
    return Case(
        id="bench",
        title="Benchmark",
        client="c",
        network=Network(persons=people, household=["c"], ties=ties, domains=domains),
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


SERVER_PYTHON = "ZORGKRACHT_BENCH_SERVER_PYTHON"
"""An environment variable naming the Python that runs the server (default: this one): set it to
``.venv-app/bin/python`` to measure the compiled application that ``scripts/run.sh`` installs."""


def start_server(db: str, port: int) -> subprocess.Popen[bytes]:
    python = os.environ.get(SERVER_PYTHON) or sys.executable
    process = subprocess.Popen([python, "-c", _SERVER, db, str(port)])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.1)
    process.terminate()
    raise SystemExit("the server did not start")


def sign_up(client: httpx.Client) -> None:
    page = client.get("/setup")
    found = _META.search(page.text)
    assert found, "no CSRF token on /setup"
    done = client.post(
        "/setup",
        data={
            "csrf_token": found.group(1),
            "username": "bench",
            "display_name": "Benchmark",
            "password": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert done.status_code in (200, 303), done.text
    client.headers["X-CSRF-Token"] = client.get("/api/session").json()["csrf_token"]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    low, high = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def timed(func: Callable[[], object], runs: int) -> list[float]:
    func()  # warm-up
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        out.append((time.perf_counter() - start) * 1000)
    return out


def tie_edits(case: Case, count: int, seed: int = SEED) -> list[dict[str, object]]:
    rng = random.Random(seed + 1)
    ids = [t.id for t in case.network.ties]
    edits: list[dict[str, object]] = []
    for _ in range(count):
        changes: dict[str, object] = rng.choice(
            [
                {"strength": rng.randint(1, 3)},
                {"quality": rng.choice([q.value for q in Quality])},
                {"support": sorted(rng.sample([s.value for s in Support], rng.randint(0, 3)))},
                {"direction": rng.choice([d.value for d in Direction])},
            ]
        )
        edits.append({"op": "update_tie", "id": rng.choice(ids), "changes": changes})
    return edits


def row(name: str, times: list[float]) -> str:
    return (
        f"| {name} | {len(times)} | {statistics.median(times):.1f} | "
        f"{percentile(times, 0.95):.1f} | {max(times):.1f} |"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=250)
    parser.add_argument("--view", default="genogram", help="the view redrawn after each edit")
    parser.add_argument(
        "--also", nargs="*", default=[], help="other views whose bare render time to report"
    )
    args = parser.parse_args(argv)
    count = max(200, args.edits)
    print(modules_line() + " (this process and the server)")
    print()
    case = generate()
    with tempfile.TemporaryDirectory() as tmp:
        db = f"sqlite:///{Path(tmp) / 'bench.sqlite'}"
        port = free_port()
        server = start_server(db, port)
        try:
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
                sign_up(client)
                created = client.post("/api/cases", json=case_to_dict(case))
                assert created.status_code == 201, created.text
                version = 1
                health = timed(lambda: client.get("/api/health").raise_for_status(), 200)
                edit_times: list[float] = []
                for op in tie_edits(case, count):
                    start = time.perf_counter()
                    answer = client.post(
                        f"/api/cases/bench/edits?view={args.view}",
                        json=op,
                        headers={"If-Match": f'"{version}"'},
                    )
                    edit_times.append((time.perf_counter() - start) * 1000)
                    assert answer.status_code == 200, answer.text
                    body = answer.json()
                    assert body["svg"].startswith("<svg"), body["svg"][:80]
                    version = body["version"]
        finally:
            server.terminate()
            server.wait(timeout=10)
    edited = [case]
    for op in tie_edits(case, 62, seed=SEED + 7):
        edited.append(apply_edit(edited[-1], op).case)
    steps = iter(edited[1:])
    render = timed(lambda: render_svg(next(steps), args.view), 30)
    fresh = timed(partial(from_scratch, case, args.view), 10)
    analysis = timed(lambda: analyse(case), 30)
    op = tie_edits(case, 1)[0]
    apply = timed(lambda: apply_edit(case, op), 30)
    with tempfile.TemporaryDirectory() as tmp:
        store = CaseStore(f"sqlite:///{Path(tmp) / 'direct.sqlite'}")
        store.migrate()
        service = CaseService(store)
        records = [service.create(case)]
        saves = iter(edited[1:] * 2)

        def save(given: bool) -> None:
            last = records[-1]
            previous = last if given else None
            records.append(service.update(next(saves), last.version, previous=previous))

        saving = timed(partial(save, True), 30)
        saving_read = timed(partial(save, False), 30)
        loading = timed(lambda: service.get(case.id), 30)
        store.close()
    others = {v: timed(partial(render_svg, case, v), 3) for v in args.also}
    print(
        f"Edit a tie in a {PERSONS}-person case ({len(case.network.ties)} ties, "
        f"{len(case.network.domains)} domains), view {args.view}, SQLite, one uvicorn worker"
    )
    print()
    print("| measurement | n | median ms | p95 ms | max ms |")
    print("|---|---|---|---|---|")
    print(row("POST /api/cases/{id}/edits (update_tie, SVG back)", edit_times))
    print(row("reference: GET /api/health round trip", health))
    print(row(f"reference: render_svg({args.view}) after a tie edit, in process", render))
    print(row(f"reference: render_svg({args.view}) from nothing, in process", fresh))
    print(row("reference: analyse() in process", analysis))
    print(row("reference: apply_edit() (check and apply) in process", apply))
    print(row("reference: CaseService.get() (SQLite) in process", loading))
    print(row("reference: CaseService.update(previous=...) (SQLite) in process", saving))
    print(row("reference: CaseService.update() reading old rows (SQLite)", saving_read))
    for view, times in others.items():
        print(row(f"other view: render_svg({view}) in process", times))
    p95 = percentile(edit_times, 0.95)
    print()
    print(f"p95 {p95:.1f} ms: {'under' if p95 < 100 else 'OVER'} the 100 ms target")


if __name__ == "__main__":
    main()
