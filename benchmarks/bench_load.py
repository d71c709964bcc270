"""A team at work: many professionals at once against several server processes.

Run with ``python -m benchmarks.bench_load [--seconds 60] [--users 50] [--cases 1000]
[--workers 4] [--only postgresql|sqlite] [--port P] [--json FILE]``. Loopback only and bounded
(at most 600 s, 200 users, 10,000 cases).

For each configuration (PostgreSQL with ``--workers`` server processes, in a fresh database it
creates and drops; and SQLite with one process, in a temporary file) the script stores
``--cases`` small generated cases (:func:`devtools.generators.network_case`, 12 members), makes
``--users`` accounts and assigns the cases to them in turn (each case to one professional),
starts ``zorgkracht serve`` as a subprocess on 127.0.0.1 and lets every professional (an
asyncio task with its own ``httpx.AsyncClient``, signed in through ``/login``, its own session)
work for ``--seconds``: after a pause of 0–2 × ``--think`` seconds, one of

- ``list``: the case list (``GET /api/cases``), weight 2;
- ``page``: a case page with its picture, table and analysis (``GET /cases/{id}``), weight 2;
- ``picture``: a picture of a random view as SVG (``GET /cases/{id}/export/{view}.svg``), 2;
- ``edit``: ``update_tie`` through ``POST /api/cases/{id}/edits`` with ``If-Match``, answered
  with the redrawn picture, 3;
- ``export``: the case file (``GET /cases/{id}/export/case.json``), 1.

Reference in the same run: before the crowd starts, the first professional alone makes five
requests of each kind one after another ("alone p50"): the same server without a crowd.

Reported per configuration: requests, requests per second, p50/p95 per kind (ms, measured on
the client), errors (any answer but 2xx, or no answer: must be 0), conflicts (409: must be 0,
each case has one editor), and **lost edits**: each professional counts the edits it saw
accepted (the reference's included); at the end the version stored for each case must be
1 + that count (an edit that was acknowledged but not stored is lost; must be 0). The figures
of one run compare the two configurations on the same machine at the same time; they say
nothing about another machine.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import re
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from argon2 import PasswordHasher

from devtools.compiled import modules_line
from devtools.generators import network_case
from zorgkracht.render.views import VIEWS
from zorgkracht.services import CaseService
from zorgkracht.services.accounts import AccountService
from zorgkracht.storage import CaseStore

from .bench_storage import DEFAULT_PG, pg_database

HOST = "127.0.0.1"
SIGN_INS_AT_ONCE = 4
IDLE_RUNS = 5
MEMBERS = 12
PASSWORD = "correct horse battery"
KINDS = {"list": 2, "page": 2, "picture": 2, "edit": 3, "export": 1}
LIMITS = {"seconds": 600, "users": 200, "cases": 10_000, "workers": 16}
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@dataclass
class Tally:
    """What every professional saw: times per kind, errors, and edits accepted per case."""

    times: dict[str, list[float]] = field(default_factory=lambda: {k: [] for k in KINDS})
    idle: dict[str, list[float]] = field(default_factory=lambda: {k: [] for k in KINDS})
    errors: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    samples: list[str] = field(default_factory=list)
    conflicts: int = 0
    accepted: dict[str, int] = field(default_factory=dict)

    def error(self, kind: str, what: str) -> None:
        self.errors[kind] += 1
        if len(self.samples) < 10:
            self.samples.append(f"{kind}: {what}"[:300])


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def case_id(i: int) -> str:
    return f"load-{i:05d}"


def username(u: int) -> str:
    return f"prof{u:03d}"


def populate(url: str, users: int, cases: int) -> dict[str, list[str]]:
    """Store the cases and accounts; each user's case ids."""
    hasher = PasswordHasher()  # the server's own parameters: no renewal at sign-in
    owned: dict[str, list[str]] = {username(u): [] for u in range(users)}
    with CaseStore(url) as store:
        store.migrate()
        service = CaseService(store)
        accounts = AccountService.for_cases(store, hasher)
        ids = {}
        for u in range(users):
            ids[username(u)] = accounts.create_user(username(u), f"Prof {u}", PASSWORD).id
        for i in range(cases):
            case = network_case(MEMBERS, seed=i)
            case.id = case_id(i)
            case.title = f"Casus {i}"
            service.create(case)
            owner = username(i % users)
            accounts.assign(case.id, ids[owner])
            owned[owner].append(case.id)
    return owned


def stored_versions(url: str) -> dict[str, int]:
    with CaseStore(url) as store:
        return {s.id: s.version for s in store.list(include_archived=True)}


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def server(url: str, port: int, workers: int, log: Path) -> Iterator[str]:
    """``zorgkracht serve`` on 127.0.0.1:``port`` until the block ends."""
    command = [sys.executable, "-m", "zorgkracht.cli.main", "serve", "--db", url]
    command += ["--host", HOST, "--port", str(port), "--no-demo", "--workers", str(workers)]
    with log.open("w") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://{HOST}:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"the server did not start:\n{log.read_text()}")
            try:
                if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


async def sign_in(client: httpx.AsyncClient, name: str) -> None:
    page = await client.get("/login")
    found = _CSRF.search(page.text)
    assert found, "no CSRF token on /login"
    done = await client.post(
        "/login", data={"csrf_token": found.group(1), "username": name, "password": PASSWORD}
    )
    if done.status_code not in (200, 303):
        raise SystemExit(f"sign-in of {name} failed: {done.status_code} {done.text[:200]}")
    session = await client.get("/api/session")
    client.headers["X-CSRF-Token"] = session.json()["csrf_token"]


class Professional:
    """One signed-in professional: its client, its cases and the versions it last saw."""

    def __init__(self, client: httpx.AsyncClient, name: str, cases: list[str]) -> None:
        self.client, self.name, self.cases = client, name, cases
        self.rng = random.Random(name)
        self.versions = dict.fromkeys(cases, 1)

    async def act(self, kind: str, tally: Tally, times: dict[str, list[float]]) -> None:
        """One request of ``kind`` on one of the cases; its time into ``times``."""
        client, rng = self.client, self.rng
        case = rng.choice(self.cases)
        began = time.perf_counter()
        try:
            if kind == "list":
                answer = await client.get("/api/cases")
            elif kind == "page":
                answer = await client.get(f"/cases/{case}")
            elif kind == "picture":
                answer = await client.get(f"/cases/{case}/export/{rng.choice(VIEWS)}.svg")
            elif kind == "export":
                answer = await client.get(f"/cases/{case}/export/case.json")
            else:
                op = {
                    "op": "update_tie",
                    "id": f"tc{rng.randint(1, MEMBERS)}",
                    "changes": {"strength": rng.randint(1, 3)},
                }
                answer = await client.post(
                    f"/api/cases/{case}/edits?view=netwerkschema",
                    json=op,
                    headers={"If-Match": f'"{self.versions[case]}"'},
                )
        except httpx.HTTPError as err:
            tally.error(kind, f"{type(err).__name__}: {err}")
            return
        times[kind].append((time.perf_counter() - began) * 1000)
        if kind == "edit" and answer.status_code == 409:
            tally.conflicts += 1
            fresh = await client.get(f"/api/cases/{case}")
            self.versions[case] = int(fresh.headers["ETag"].strip('"'))
        elif not 200 <= answer.status_code < 300:
            tally.error(kind, f"{answer.status_code} {answer.text[:200]}")
        elif kind == "edit":
            self.versions[case] = answer.json()["version"]
            tally.accepted[case] = tally.accepted.get(case, 0) + 1

    async def work(self, stop: float, think: float, tally: Tally) -> None:
        kinds, weights = list(KINDS), list(KINDS.values())
        while True:
            pause = self.rng.uniform(0, 2 * think)
            await asyncio.sleep(min(pause, max(0.0, stop - time.monotonic())))
            if time.monotonic() >= stop:
                return
            await self.act(self.rng.choices(kinds, weights)[0], tally, tally.times)


async def crowd(
    base: str, owned: dict[str, list[str]], seconds: float, think: float, tally: Tally
) -> float:
    """All professionals sign in (a few at a time: sign-in hashes the password, slowly on
    purpose); then the first alone makes ``IDLE_RUNS`` requests of each kind one after another
    (the reference: the server without a crowd); then everyone works for ``seconds``. Returns
    the seconds the crowd worked."""
    team = [
        Professional(httpx.AsyncClient(base_url=base, timeout=30), name, cases)
        for name, cases in owned.items()
    ]
    gate = asyncio.Semaphore(SIGN_INS_AT_ONCE)

    async def signed_in(member: Professional) -> None:
        async with gate:
            await sign_in(member.client, member.name)

    try:
        await asyncio.gather(*(signed_in(member) for member in team))
        for kind in KINDS:
            for _ in range(IDLE_RUNS):
                await team[0].act(kind, tally, tally.idle)
        start = time.monotonic()
        stop = start + seconds
        await asyncio.gather(*(member.work(stop, think, tally) for member in team))
        return time.monotonic() - start
    finally:
        for member in team:
            await member.client.aclose()


def run(
    backend: str, url: str, workers: int, args: argparse.Namespace, port: int
) -> dict[str, Any]:
    began = time.monotonic()
    owned = populate(url, args.users, args.cases)
    setup_s = time.monotonic() - began
    tally = Tally()
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "server.log"
        try:
            # A loop of its own in a thread of its own: the caller may be running one.
            with server(url, port, workers, log) as base, ThreadPoolExecutor(1) as pool:
                elapsed = pool.submit(
                    lambda: asyncio.run(crowd(base, owned, args.seconds, args.think, tally))
                ).result()
        finally:
            if log.exists() and log.stat().st_size:
                print(f"server output ({backend}):\n{log.read_text()[-3000:]}")
    versions = stored_versions(url)
    lost = sum(max(0, 1 + tally.accepted.get(c, 0) - v) for c, v in versions.items())
    unacknowledged = sum(max(0, v - 1 - tally.accepted.get(c, 0)) for c, v in versions.items())
    requests = sum(len(t) for t in tally.times.values()) + sum(tally.errors.values())
    return {
        "backend": backend,
        "workers": workers,
        "users": args.users,
        "cases": len(versions),
        "seconds": round(elapsed, 1),
        "setup_seconds": round(setup_s, 1),
        "requests": requests,
        "per_second": round(requests / elapsed, 1) if elapsed else 0.0,
        "errors": sum(tally.errors.values()),
        "conflicts": tally.conflicts,
        "edits_accepted": sum(tally.accepted.values()),
        "lost_edits": lost,
        "unacknowledged_edits": unacknowledged,
        "kinds": {
            kind: {
                "requests": len(times) + tally.errors[kind],
                "p50_ms": round(percentile(times, 0.5), 1),
                "p95_ms": round(percentile(times, 0.95), 1),
                "idle_p50_ms": round(percentile(tally.idle[kind], 0.5), 1),
                "errors": tally.errors[kind],
            }
            for kind, times in tally.times.items()
        },
        "error_samples": tally.samples,
    }


def table(results: list[dict[str, Any]]) -> str:
    lines = [
        "| backend | processes | kind | requests | p50 ms | p95 ms | alone p50 ms | errors |",
        "|---|---:|---|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        for kind, k in r["kinds"].items():
            lines.append(
                f"| {r['backend']} | {r['workers']} | {kind} | {k['requests']:,} | "
                f"{k['p50_ms']:.1f} | {k['p95_ms']:.1f} | {k['idle_p50_ms']:.1f} | "
                f"{k['errors']} |"
            )
    lines += [
        "",
        "| backend | processes | users | cases | seconds | requests | per second | errors "
        "| conflicts | edits accepted | lost edits |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r['backend']} | {r['workers']} | {r['users']} | {r['cases']:,} | {r['seconds']} "
            f"| {r['requests']:,} | {r['per_second']} | {r['errors']} | {r['conflicts']} "
            f"| {r['edits_accepted']:,} | {r['lost_edits']} |"
        )
    return "\n".join(lines)


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=4, help="processes on PostgreSQL")
    parser.add_argument("--think", type=float, default=1.0, help="mean pause in seconds")
    parser.add_argument("--only", choices=["postgresql", "sqlite"])
    parser.add_argument("--pg-url", default=DEFAULT_PG, help="server for the fresh database")
    parser.add_argument("--port", type=int, default=0, help="on 127.0.0.1; 0: any free port")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    for name, limit in LIMITS.items():
        value = getattr(args, name)
        if not 0 < value <= limit:
            parser.error(f"--{name} must be between 1 and {limit}")
    if args.cases < args.users:
        parser.error("--cases must be at least --users (every professional has a case)")
    return args


def main(argv: list[str] | None = None) -> dict[str, Any]:
    args = parse(argv)
    print(modules_line())
    load_before = os.getloadavg()
    results = []
    if args.only in (None, "postgresql"):
        with pg_database(args.pg_url) as url:
            results.append(run("PostgreSQL", url, args.workers, args, args.port or free_port()))
    if args.only in (None, "sqlite"):
        with tempfile.TemporaryDirectory() as tmp:
            url = f"sqlite:///{Path(tmp) / 'load.sqlite'}"
            results.append(run("SQLite", url, 1, args, args.port or free_port()))
    report = {
        "modules": modules_line(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}",
        "load_average": {"before": load_before[0], "after": os.getloadavg()[0]},
        "think_seconds": args.think,
        "runs": results,
    }
    print(table(results))
    print(
        f"\n{report['machine']}; load average {load_before[0]:.2f} before, "
        f"{report['load_average']['after']:.2f} after"
    )
    for r in results:
        for sample in r["error_samples"]:
            print(f"{r['backend']} error: {sample}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))
    return report


if __name__ == "__main__":
    main()
