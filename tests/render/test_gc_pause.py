"""Drawing without cyclic garbage collection, and the collector back on afterwards."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from devtools.generators import family
from zorgkracht.layout.memo import forget
from zorgkracht.render import gc_pause, views
from zorgkracht.render.gc_pause import paused, without_collection


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_the_collector_is_off_inside_and_on_again_after() -> None:
    with paused():
        assert not gc.isenabled()
        with paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer block still runs
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    with paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_the_collector_is_on_again_after_an_error() -> None:
    @without_collection
    def fails() -> None:
        raise ValueError("boom")

    with pytest.raises(ValueError):
        fails()
    assert gc.isenabled()


def test_overlapping_drawings_in_two_threads_switch_it_on_only_at_the_end() -> None:
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen: list[bool] = []

    def first() -> None:
        with paused():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def second() -> None:
        first_in.wait(5)
        with paused():
            second_in.set()
            first_out.wait(5)
            seen.append(gc.isenabled())  # the first has left, this one is still drawing

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert seen == [False]
    assert gc.isenabled()


def test_a_large_genogram_is_drawn_without_a_collection() -> None:
    case = family(1000)
    during: list[int] = []  # collections that started while a drawing was under way
    runs: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            runs.append(info["generation"])
            if gc_pause._depth:
                during.append(info["generation"])

    views.render_svg(case, "genogram")  # warm up: imports, caches
    gc.callbacks.append(count)
    try:
        forget()  # draw from nothing, not from what the last drawing left
        views.render_svg(case, "genogram")
        forget()
        with_collector = len(runs)
        views.render_svg.__wrapped__(case, "genogram")  # type: ignore[attr-defined]
        with_collector = len(runs) - with_collector
    finally:
        gc.callbacks.remove(count)
    assert during == []
    # the same drawing with the collector on collects several times, once in all generations
    assert with_collector > 5
