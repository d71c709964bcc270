"""``zorgkracht serve`` starts again at once after a crash on the same port.

A server killed with SIGKILL while a client holds a connection leaves that connection's socket
on the port for up to a minute (FIN_WAIT/TIME_WAIT). The port check before start must allow
that (``SO_REUSEADDR``, as uvicorn's own socket does), or an operator cannot restart.
"""

from __future__ import annotations

import signal
from pathlib import Path

import httpx

from tests.security.ops_support import free_port, stop, wait_healthy, zorgkracht


def test_serve_starts_again_right_after_a_kill(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'restart.sqlite'}"
    port = free_port()
    args = ("serve", "--db", db, "--port", str(port), "--no-demo")
    first = zorgkracht(*args)
    try:
        wait_healthy(port, first)
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
            assert client.get("/api/health").status_code == 200  # a connection kept open
            first.send_signal(signal.SIGKILL)
            first.wait(timeout=10)
            second = zorgkracht(*args)
            try:
                wait_healthy(port, second)
                fresh = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=5)
                assert fresh.json()["status"] == "ok"
            finally:
                out, err = stop(second)
            assert "niet beschikbaar" not in err, err
            assert "draait op" in out
    finally:
        stop(first)


def test_a_port_in_use_is_still_refused(tmp_path: Path) -> None:
    """Address reuse does not let a second server start on a port another one listens on."""
    db = f"sqlite:///{tmp_path / 'busy.sqlite'}"
    port = free_port()
    first = zorgkracht("serve", "--db", db, "--port", str(port), "--no-demo")
    try:
        wait_healthy(port, first)
        second = zorgkracht("serve", "--db", db, "--port", str(port), "--no-demo")
        _out, err = second.communicate(timeout=60)
        assert second.returncode == 1
        assert f"Poort {port} op 127.0.0.1 is niet beschikbaar" in err
    finally:
        stop(first)
