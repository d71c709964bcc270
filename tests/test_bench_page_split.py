"""The page-load split's pure part (the benchmark itself drives Chromium and is not run in the
test suite): the main thread's top-level trace events summed per kind between the HTML
received and the page interactive."""

from __future__ import annotations

from typing import Any

from benchmarks.bench_page_split import split


def event(name: str, ts_ms: float, dur_ms: float, tid: int = 1) -> dict[str, Any]:
    return {"name": name, "ph": "X", "ts": ts_ms * 1000, "dur": dur_ms * 1000, "tid": tid}


def test_top_level_events_are_summed_per_kind_within_the_load() -> None:
    events = [
        {"name": "navigationStart", "ts": 0, "tid": 1},
        event("ParseHTML", 5, 3),  # before the HTML was in: not counted
        event("ParseHTML", 20, 10),
        event("Layout", 25, 2),  # inside the parse: counted once, as parse
        event("UpdateLayoutTree", 31, 4),
        event("Layout", 35, 6),
        event("PrePaint", 41, 1),
        event("Paint", 42, 2),
        event("v8.evaluateModule", 50, 5),
        event("Layout", 52, 1),  # forced by the script: part of it
        event("ParseHTML", 30, 50, tid=2),  # another thread
        event("Paint", 70, 9),  # after the page was interactive
    ]
    parts = split(events, {"html": 10.0, "parsed": 45.0, "ready": 60.0})
    assert parts == {"parse": 10.0, "style": 4.0, "layout": 6.0, "paint": 3.0, "script": 5.0}
