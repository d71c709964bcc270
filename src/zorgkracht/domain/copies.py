"""Copies of a case that share nothing mutable with it: :func:`copy_case`, the one way to copy.

Several times faster than :func:`copy.deepcopy`: the copy plan of every model class is worked
out once from its type hints, and immutable values (strings, numbers, codes, dates) are
shared, not copied. The storage layer hands out such copies; a snapshot holds one of the
network (:func:`copy_network`); the interview changes one.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import fields, is_dataclass
from enum import Enum
from types import UnionType
from typing import Any, Union, get_args, get_origin, get_type_hints

from .model import Case, Network

_Copier = Callable[[Any], Any]
_COPIERS: dict[type, _Copier] = {}


def _same(value: Any) -> Any:
    return value


def _copier_for(hint: Any) -> _Copier:
    """How to copy a value of type ``hint``: scalars, enums and dates are shared (immutable)."""
    origin = get_origin(hint)
    if origin in (Union, UnionType):
        options = [a for a in get_args(hint) if a is not type(None)]
        if len(options) != 1:
            return _deep
        inner = _copier_for(options[0])
        if inner is _same or inner is _deep:
            return inner
        return lambda v: None if v is None else inner(v)
    if origin is list:
        (item,) = get_args(hint)
        inner = _copier_for(item)
        return list.copy if inner is _same else lambda v: [inner(x) for x in v]
    if origin is set:
        return set.copy  # sets of codes and ids: immutable members
    if origin is dict:
        _, item = get_args(hint)
        inner = _copier_for(item)
        return dict.copy if inner is _same else lambda v: {k: inner(x) for k, x in v.items()}
    if isinstance(hint, type) and is_dataclass(hint):
        return _dataclass_copier(hint)
    if isinstance(hint, type) and issubclass(hint, (str, int, float, bool, dt.date, dt.time, Enum)):
        return _same
    return _deep


def _deep(value: Any) -> Any:
    return copy.deepcopy(value)


def _dataclass_copier(cls: type) -> _Copier:
    copier = _COPIERS.get(cls)
    if copier is not None:
        return copier
    hints = get_type_hints(cls)
    plan = [(f.name, _copier_for(hints[f.name])) for f in fields(cls)]
    shared = tuple(name for name, c in plan if c is _same)
    deep = tuple((name, c) for name, c in plan if c is not _same)
    new = object.__new__
    setter = object.__setattr__

    def copy_one(value: Any) -> Any:
        out: Any = new(cls)
        for name in shared:
            setter(out, name, getattr(value, name))
        for name, c in deep:
            setter(out, name, c(getattr(value, name)))
        return out

    _COPIERS[cls] = copy_one
    return copy_one


def copy_case(case: Case) -> Case:
    """A deep copy of ``case`` that shares nothing mutable with it, several times faster than
    :func:`copy.deepcopy`: the copy plan of every model class is worked out once from its type
    hints, and immutable values (strings, numbers, codes, dates) are shared, not copied."""
    result: Case = _dataclass_copier(Case)(case)
    return result


def copy_network(network: Network) -> Network:
    """A deep copy of one network (as :func:`copy_case`)."""
    result: Network = _dataclass_copier(Network)(network)
    return result


def same_apart_from_positions(old: Case, new: Case) -> bool:
    """Whether ``new`` differs from ``old`` in its position overrides at most. Fast when
    ``new`` is an edit of ``old``: they share every record the edit did not replace."""
    return dataclasses.replace(new, positions=old.positions) == old
