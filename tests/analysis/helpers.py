"""Small builders for hand-made cases: the client is always ``c``."""

from __future__ import annotations

from typing import Any, TypeVar

from zorgkracht.domain.codes import Direction, Support
from zorgkracht.domain.model import Case, Network, Person, Snapshot, Tie

CLIENT = "c"
T = TypeVar("T")


def some(value: T | None) -> T:
    """``value``, which the test expects to be defined (a typed result allows ``None``)."""
    assert value is not None
    return value


def person(pid: str, **kwargs: Any) -> Person:
    return Person(id=pid, name=kwargs.pop("name", f"Persoon {pid}"), **kwargs)


def tie(a: str, b: str, support: str = "", **kwargs: Any) -> Tie:
    """A tie from ``a`` (client side) to ``b``; ``support`` as letters, e.g. ``"PE"``."""
    tid = kwargs.pop("id", f"t-{a}-{b}")
    return Tie(id=tid, a=a, b=b, support={Support(x) for x in support}, **kwargs)


def helps(b: str, support: str, **kwargs: Any) -> Tie:
    """A tie from the client to ``b`` along which ``b`` gives ``support`` to the client."""
    kwargs.setdefault("direction", Direction.TO_CLIENT)
    return tie(CLIENT, b, support, **kwargs)


def network(*persons: Person, ties: list[Tie] | None = None) -> Network:
    return Network(persons=[Person(id=CLIENT, name="Cliënt"), *persons], ties=ties or [])


def case(net: Network, snapshots: list[Snapshot] | None = None) -> Case:
    return Case(id="case", title="Test", client=CLIENT, network=net, snapshots=snapshots or [])
