"""A small run-time check of a JSON value against the analysis result types.

Enough of :mod:`typing` for :mod:`zorgkracht.analysis.results`: TypedDicts (required and
optional keys, no others), ``list[X]``, ``dict[K, V]``, ``Literal``, unions with ``None``,
``str``, ``int``, ``float`` (an ``int`` is a ``float``, as in JSON) and ``bool``.
"""

from __future__ import annotations

import types
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints, is_typeddict


def problems(value: object, typ: Any, where: str = "$") -> list[str]:
    """Every place where ``value`` does not have type ``typ`` (empty: it has)."""
    origin = get_origin(typ)
    if is_typeddict(typ):
        if not isinstance(value, dict):
            return [f"{where}: {type(value).__name__}, not {typ.__name__}"]
        hints = get_type_hints(typ)
        found = [f"{where}: no key {k!r}" for k in typ.__required_keys__ - value.keys()]
        found += [f"{where}: unexpected key {k!r}" for k in value.keys() - hints.keys()]
        for key, item in value.items():
            if key in hints:
                found += problems(item, hints[key], f"{where}.{key}")
        return found
    if origin is Literal:
        return [] if value in get_args(typ) else [f"{where}: {value!r} not in {get_args(typ)}"]
    if origin in (Union, types.UnionType):
        options = [problems(value, option, where) for option in get_args(typ)]
        return [] if any(not p for p in options) else min(options, key=len)
    if origin is list:
        if not isinstance(value, list):
            return [f"{where}: {type(value).__name__}, not a list"]
        (item_type,) = get_args(typ)
        return [
            p for i, item in enumerate(value) for p in problems(item, item_type, f"{where}[{i}]")
        ]
    if origin is dict:
        if not isinstance(value, dict):
            return [f"{where}: {type(value).__name__}, not a dict"]
        key_type, value_type = get_args(typ)
        return [
            p
            for key, item in value.items()
            for p in problems(key, key_type, f"{where} key")
            + problems(item, value_type, f"{where}[{key!r}]")
        ]
    if typ is type(None):
        return [] if value is None else [f"{where}: {value!r}, not None"]
    if typ is float:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        return [] if ok else [f"{where}: {value!r}, not a number"]
    if typ is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
        return [] if ok else [f"{where}: {value!r}, not an int"]
    if typ in (str, bool):
        return [] if isinstance(value, typ) else [f"{where}: {value!r}, not {typ.__name__}"]
    raise TypeError(f"{where}: no check for {typ!r}")
