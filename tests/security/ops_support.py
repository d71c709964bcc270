"""Shared helpers of the operations tests (backup, workers, restart): fresh databases of both
backends, generated cases whose content names their version, and servers as subprocesses.

A "burst" case carries its version in its content: its title ends in ``v<version>`` and its
second person is called ``Lid v<version>``; :func:`burst_edit` keeps that true, so a case read
back half old, half new is seen at once (:func:`version_mismatches`).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import make_url

from devtools.generators import network_case
from tests.storage.conftest import DEFAULT_PG_URL, PG_URL_ENV, PgDatabases
from zorgkracht.domain import Case
from zorgkracht.storage import CaseRecord, CaseStore

ROOT = Path(__file__).resolve().parents[2]
PORTS = range(8840, 8860)
"""Loopback ports of these tests (the range given to this part of the work)."""


class Databases:
    """Fresh, empty databases of either backend; PostgreSQL ones are dropped at the end."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.pg = PgDatabases(make_url(os.environ.get(PG_URL_ENV, DEFAULT_PG_URL)))
        self.count = 0

    def new(self, backend: str) -> str:
        self.count += 1
        if backend == "sqlite":
            return f"sqlite:///{self.tmp / f'db{self.count}.sqlite'}"
        return self.pg.create(f"_ops{self.count}")

    def close(self) -> None:
        self.pg.drop_all()


@pytest.fixture
def databases(tmp_path: Path) -> Iterator[Databases]:
    dbs = Databases(tmp_path)
    yield dbs
    dbs.close()


def burst_case(i: int, members: int = 8) -> Case:
    case = network_case(members, seed=i)
    case.id = f"burst-{i}"
    case.title = f"Burst {i} v1"
    case.network.persons[1].name = "Lid v1"
    return case


def burst_edit(record: CaseRecord) -> Case:
    """The case of ``record`` changed so that it names the version it will be saved as."""
    case = record.case
    version = record.version + 1
    case.title = f"{case.title.rsplit(' v', 1)[0]} v{version}"
    case.network.persons[1].name = f"Lid v{version}"
    tie = case.network.ties[version % len(case.network.ties)]
    tie.strength = 1 + version % 3
    return case


def version_mismatches(store: CaseStore) -> list[str]:
    """Ids of the burst cases whose content does not name their stored version."""
    bad = []
    for summary in store.list(include_archived=True):
        record = store.get(summary.id)
        wanted = f"v{record.version}"
        if not (
            record.case.title.endswith(f" {wanted}")
            and record.case.network.persons[1].name == f"Lid {wanted}"
        ):
            bad.append(summary.id)
    return bad


def free_port() -> int:
    """A port of :data:`PORTS` that nothing listens on now."""
    for port in PORTS:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError("no free port in 8840-8859")


def zorgkracht(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """``zorgkracht ARGS`` as a subprocess of this interpreter, output in pipes."""
    return subprocess.Popen(
        [sys.executable, "-m", "zorgkracht.cli.main", *args],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_healthy(port: int, process: subprocess.Popen[str], seconds: float = 60) -> None:
    """Until ``/api/health`` answers on ``port``; fails with the server's output if it ends."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            out, err = process.communicate()
            pytest.fail(f"the server ended ({process.returncode}):\n{out}\n{err}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    pytest.fail(f"the server on port {port} did not answer in {seconds} s")


def stop(process: subprocess.Popen[str]) -> tuple[str, str]:
    """Stop a server started here (SIGTERM, then SIGKILL); its output."""
    if process.poll() is None:
        process.terminate()
        try:
            return process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
    return process.communicate()
