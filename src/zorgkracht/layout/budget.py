"""A time budget for drawing: a cooperative deadline that the slow layout loops check.

The web application draws inside :func:`drawing_budget` (``draw_budget_seconds``, 5 s by
default); the loops whose work grows faster than the size of a case (the ecogram's bowed
lines, the sociogram's ring of groups) call :func:`check` once per round, which raises
:class:`DrawingTooSlow` when the deadline has passed. The drawing then stops where it is, in
the thread that was drawing: nothing is left running for a client that has gone. Without a
budget (the command line, the tests of the pictures) :func:`check` does nothing, and a picture
drawn within its budget is byte for byte the picture drawn without one.

The deadline lives in a :class:`~contextvars.ContextVar`, so two requests drawing at once in
two threads each have their own. This module stays plain Python; the compiled layout modules
call :func:`check` as an ordinary function.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_DEADLINE: ContextVar[float] = ContextVar("zorgkracht_drawing_deadline", default=0.0)


class DrawingTooSlow(Exception):
    """The picture did not fit in its time budget."""


stopped = 0
"""How many drawings were stopped at their deadline (for the operator's log and the tests)."""


def check() -> None:
    """Raise :class:`DrawingTooSlow` when the current drawing's deadline has passed."""
    deadline = _DEADLINE.get()
    if deadline and time.monotonic() > deadline:
        global stopped
        stopped += 1
        raise DrawingTooSlow()


@contextmanager
def drawing_budget(seconds: float | None) -> Iterator[None]:
    """Draw within ``seconds`` (``None``: without a budget)."""
    if seconds is None:
        yield
        return
    token = _DEADLINE.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _DEADLINE.reset(token)
