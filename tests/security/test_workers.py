"""``zorgkracht serve --workers 2`` on PostgreSQL: two server processes behave as one.

The first-run setup is done through one request and is known to both; a session made by one is
accepted by the other; a case created through one is read back through both; nothing answers
5xx. Which process answered a request is read from ``/proc``: the server side of the request's
connection belongs to exactly one worker.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import httpx

from tests.security.ops_support import (
    Databases,
    burst_case,
    databases,
    free_port,
    stop,
    wait_healthy,
    zorgkracht,
)
from zorgkracht.interchange.case_json import case_to_dict

__all__ = ["databases"]  # the fixture, used by name

PASSWORD = "correct horse battery"
_META = re.compile(r'<meta name="csrf-token" content="([^"]+)">')
_HIDDEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def _worker_of(response: httpx.Response, port: int, workers: list[int]) -> int:
    """The worker process holding the server side of ``response``'s connection."""
    stream = response.extensions["network_stream"]
    client_port = stream.get_extra_info("client_addr")[1]
    inode = None
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local, remote = fields[1], fields[2]
        if int(local.split(":")[1], 16) == port and int(remote.split(":")[1], 16) == client_port:
            inode = fields[9]
    assert inode is not None, "the connection is not in /proc/net/tcp"
    owners = []
    for pid in workers:
        fds = Path(f"/proc/{pid}/fd")
        for fd in fds.iterdir():
            try:
                if os.readlink(fd) == f"socket:[{inode}]":
                    owners.append(pid)
                    break
            except OSError:
                continue
    assert len(owners) == 1, owners
    return owners[0]


def test_two_workers_share_setup_sessions_and_cases(databases: Databases) -> None:
    db = databases.new("postgresql")
    port = free_port()
    server = zorgkracht("serve", "--db", db, "--port", str(port), "--no-demo", "--workers", "2")
    try:
        assert server.stdout is not None
        address = ""
        for line in server.stdout:
            if "draait op" in line:
                address = line.split()[-1]
                break
        assert "/setup?token=" in address, address
        wait_healthy(port, server)
        deadline = time.monotonic() + 30
        while len(workers := _children(server.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        # uvicorn's supervisor has the two workers as children (and may have a helper).
        assert len(workers) >= 2, workers
        base = f"http://127.0.0.1:{port}"
        token = address.split("token=")[1]
        setup_pages: dict[int, int] = {}
        for _ in range(60):  # the setup page with the printed token, from every worker
            with httpx.Client(base_url=base) as fresh:
                page = fresh.get(f"/setup?token={token}")
                assert page.status_code == 200, page.text
                worker = _worker_of(page, port, workers)
                setup_pages[worker] = setup_pages.get(worker, 0) + 1
            if len(setup_pages) >= 2:
                break
        assert len(setup_pages) >= 2, f"only one worker answered: {setup_pages}"
        with httpx.Client(base_url=base) as setup:  # setup done in one request
            page = setup.get(f"/setup?token={token}")
            assert page.status_code == 200
            found = _HIDDEN.search(page.text) or _META.search(page.text)
            assert found
            done = setup.post(
                f"/setup?token={token}",
                data={
                    "csrf_token": found.group(1),
                    "username": "beheer",
                    "display_name": "Bea de Vries",
                    "password": PASSWORD,
                    "password2": PASSWORD,
                },
            )
            assert done.status_code in (200, 303), done.text
        served: dict[int, int] = {}
        cookies: httpx.Cookies | None = None
        headers: dict[str, str] = {}
        statuses: list[int] = []
        logins: list[int] = []
        for attempt in range(80):
            with httpx.Client(base_url=base, cookies=cookies, headers=headers) as client:
                if cookies is None or attempt % 10 == 5:  # sign in, on whichever worker
                    client.cookies.clear()
                    client.headers.pop("X-CSRF-Token", None)
                    login = client.get("/login")
                    found = _HIDDEN.search(login.text) or _META.search(login.text)
                    assert found
                    signed = client.post(
                        "/login",
                        data={
                            "csrf_token": found.group(1),
                            "username": "beheer",
                            "password": PASSWORD,
                        },
                    )
                    statuses.append(signed.status_code)
                    assert signed.status_code in (200, 303), signed.text
                    logins.append(_worker_of(signed, port, workers))
                    session = client.get("/api/session")
                    assert session.status_code == 200, session.text
                    headers = {"X-CSRF-Token": session.json()["csrf_token"]}
                    cookies = httpx.Cookies(client.cookies)
                    client.headers.update(headers)
                    if attempt == 0:
                        created = client.post("/api/cases", json=case_to_dict(burst_case(1)))
                        assert created.status_code == 201, created.text
                        statuses.append(created.status_code)
                    continue
                read = client.get("/api/cases/burst-1")
                statuses.append(read.status_code)
                assert read.status_code == 200, read.text
                assert read.json()["title"] == "Burst 1 v1"
                worker = _worker_of(read, port, workers)
                served[worker] = served.get(worker, 0) + 1
            if len(served) >= 2 and attempt >= 20:
                break
        assert len(served) >= 2, f"only one worker answered: {served}"
        print(f"setup pages {setup_pages}, sign-ins {logins}, reads {served}")
        assert all(s < 500 for s in statuses), statuses
    finally:
        _out, err = stop(server)
    assert "Traceback" not in err, err
