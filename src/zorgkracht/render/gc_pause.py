"""No cyclic garbage collection while a picture is drawn.

Drawing a large picture makes hundreds of thousands of small objects (points, boxes, SVG parts)
that reference counting frees; almost none take part in a reference cycle. Python's cyclic
collector still counts them and, about once per drawing of a 1,000-person genogram, runs a full
collection over every live object: 10–15 ms of a drawing of 80–150 ms, measured with
``gc.callbacks`` (``docs/benchmarks.md``). :func:`paused` switches the collector off for the
duration of a drawing and back on afterwards, as mypy does for its own build; what a drawing
leaves in cycles is collected after it as usual.

Drawings may run at the same time in several threads (the web server's worker threads): the
collector is switched off by the first and back on by the last, and only if it was on before.
"""

from __future__ import annotations

import functools
import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

_lock = threading.Lock()
_depth = 0
_restore = False


@contextmanager
def paused() -> Iterator[None]:
    """The cyclic garbage collector off inside the block (nested and threaded use allowed)."""
    global _depth, _restore
    with _lock:
        if _depth == 0:
            _restore = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _restore:
                gc.enable()


def without_collection(func: Callable[P, R]) -> Callable[P, R]:
    """``func`` run inside :func:`paused`."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with paused():
            return func(*args, **kwargs)

    return wrapper
