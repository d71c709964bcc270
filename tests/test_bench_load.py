"""The load benchmark runs, tiny: its report has every figure, no errors and no lost edits.

Timings are not checked (they depend on the machine); the shape and the zero counts are.
"""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from benchmarks import bench_load
from tests.security.ops_support import free_port


def test_a_tiny_run_reports_every_kind_without_errors(tmp_path: Path) -> None:
    out = tmp_path / "load.json"
    argv = ["--seconds", "3", "--users", "3", "--cases", "10", "--only", "sqlite"]
    argv += ["--think", "0.1", "--port", str(free_port()), "--json", str(out)]
    report = bench_load.main(argv)
    assert json.loads(out.read_text()) == json.loads(json.dumps(report))
    assert report["modules"].startswith("Modules:")
    (run,) = report["runs"]
    assert (run["backend"], run["workers"], run["users"], run["cases"]) == ("SQLite", 1, 3, 10)
    assert run["errors"] == 0, run["error_samples"]
    assert run["conflicts"] == 0
    assert run["lost_edits"] == 0 and run["unacknowledged_edits"] == 0
    assert set(run["kinds"]) == {"list", "page", "picture", "edit", "export"}
    assert run["requests"] == sum(k["requests"] for k in run["kinds"].values()) > 0
    for figures in run["kinds"].values():
        assert set(figures) == {"requests", "p50_ms", "p95_ms", "idle_p50_ms", "errors"}
        assert figures["idle_p50_ms"] > 0
        assert figures["errors"] == 0
        assert figures["p95_ms"] >= figures["p50_ms"] >= 0
    assert run["edits_accepted"] == run["kinds"]["edit"]["requests"] + bench_load.IDLE_RUNS


def test_it_runs_when_the_caller_has_an_event_loop_running() -> None:
    """The whole suite once failed here: an earlier test left an event loop running in this
    thread, and ``asyncio.run`` refuses to start inside one."""

    async def caller() -> dict[str, Any]:
        argv = ["--seconds", "1", "--users", "2", "--cases", "4", "--only", "sqlite"]
        return bench_load.main([*argv, "--think", "0.1", "--port", str(free_port())])

    # in a thread of its own: this test's thread may hold a loop that another test left running
    # (Playwright's), where asyncio.run itself would refuse to start
    with ThreadPoolExecutor(1) as pool:
        report = pool.submit(lambda: asyncio.run(caller())).result()
    assert report["runs"][0]["errors"] == 0


def test_limits_keep_it_bounded() -> None:
    for argv in (["--seconds", "601"], ["--users", "0"], ["--cases", "2", "--users", "3"]):
        try:
            bench_load.parse(argv)
        except SystemExit as stop:
            assert stop.code == 2
        else:
            raise AssertionError(f"{argv} accepted")
