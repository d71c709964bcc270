"""The parts of a case's last layout, kept for the next redraw of the same case.

An edit changes a little of a case: a tie's strength, a person's name. A redraw after it
repeats every step whose inputs did not change. :func:`recall` keeps, per case and per part of a
layout, the last result with a *key* made of every input that part reads; a later call with an
equal key returns that result instead of computing it again, so a picture drawn from remembered
parts is byte for byte the picture drawn afresh (the tests compare the two).

Keys are built with :func:`fingerprint`, the pickle of the inputs: equal bytes mean equal
inputs. Two equal inputs can pickle differently (a set's order depends on how it was built);
that only costs a recomputation, never a wrong result.

The store is small and bounded (:data:`SLOTS` entries, least recently used dropped first) and
lives in process memory only, like the cases the web application keeps for the next edit;
nothing of it is logged or written anywhere.
"""

from __future__ import annotations

import pickle
from collections import OrderedDict
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

SLOTS = 64
"""How many (case, part) results are kept."""

_HELD: OrderedDict[tuple[str, str], tuple[object, object]] = OrderedDict()
_CLEARERS: list[Callable[[], None]] = []


def fingerprint(*inputs: object) -> bytes:
    """The key of ``inputs``: equal bytes only for equal inputs."""
    return pickle.dumps(inputs, protocol=pickle.HIGHEST_PROTOCOL)


def recall(case_id: str, part: str, key: object, compute: Callable[[], T]) -> T:
    """The result of ``compute()``, or the one kept from the last call for this case and part
    when that call had an equal ``key``."""
    slot = (case_id, part)
    held = _HELD.get(slot)
    if held is not None and held[0] == key:
        _HELD.move_to_end(slot)
        value: T = held[1]  # type: ignore[assignment]
        return value
    value = compute()
    _HELD[slot] = (key, value)
    _HELD.move_to_end(slot)
    while len(_HELD) > SLOTS:
        _HELD.popitem(last=False)
    return value


def on_forget(clear: Callable[[], None]) -> None:
    """Have :func:`forget` also call ``clear``: for the other caches of pictures' parts (bows,
    curves, written persons and ties), so that one call drops them all."""
    _CLEARERS.append(clear)


def forget(case_id: str | None = None) -> None:
    """Drop everything kept, here and in every cache registered with :func:`on_forget`: the
    next picture is made from nothing, as at the first request (benchmarks time a first
    drawing this way; tests compare pictures drawn both ways).

    With ``case_id`` (a case erased), drop that case's parts here; the registered caches are
    not kept per case, so they are emptied entirely: nothing drawn of the case stays."""
    if case_id is None:
        _HELD.clear()
    else:
        for slot in [slot for slot in _HELD if slot[0] == case_id]:
            del _HELD[slot]
    for clear in _CLEARERS:
        clear()


__all__ = ["SLOTS", "fingerprint", "forget", "on_forget", "recall"]
