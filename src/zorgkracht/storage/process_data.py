"""The process of a case as the JSON of the ``cases.process`` column, and back.

The process (referral to closing, :mod:`zorgkracht.domain.process`) is read and written whole
with its case, so it is one JSON value (``JSONB`` on PostgreSQL) rather than tables of its own;
``NULL`` when the case has no process. The value has the shape of ``process`` in the case file
(``zorgkracht/2``, :mod:`zorgkracht.interchange.process_json`): codes as their strings, dates
and times in ISO 8601, every field equal to its default left out. Storage may not import the
interchange package (they are siblings in the layers), so the conversion is worked out here
from the records' type hints; ``tests/storage/test_process_storage.py`` checks that both give
the same document.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import operator
import types
import typing
from collections.abc import Callable
from typing import Any

from zorgkracht.domain.process import Process

Convert = Callable[[Any], Any] | None
"""How a value changes on the way; ``None``: it stays as it is (texts, numbers, flags)."""
_Field = tuple[str, Convert, Convert, Any]
"""A field's name, how its JSON value becomes the model's value and back, and its default."""

_REQUIRED = object()


def _is_record(kind: Any) -> bool:
    return isinstance(kind, type) and dataclasses.is_dataclass(kind)


def _default(f: dataclasses.Field[Any]) -> Any:
    if f.default is not dataclasses.MISSING:
        return f.default
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory()
    return _REQUIRED


def _optional(convert: Convert) -> Convert:
    if convert is None:
        return None
    return lambda v: None if v is None else convert(v)


def _each(convert: Convert) -> Callable[[Any], Any]:
    if convert is None:
        return list
    return lambda v: [convert(x) for x in v]


def _codec(kind: Any, where: str) -> tuple[Convert, Convert]:
    """How a JSON value becomes a value of the type hint ``kind``, and back."""
    origin = typing.get_origin(kind)
    if origin in (types.UnionType, typing.Union):
        (inner,) = [k for k in typing.get_args(kind) if k is not type(None)]
        read, write = _codec(inner, where)
        return _optional(read), _optional(write)
    if origin is list:
        (item,) = typing.get_args(kind)
        read, write = _codec(item, where)
        return _each(read), _each(write)
    if _is_record(kind):
        return (lambda v: _read_record(kind, v)), _write_record
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return kind, operator.attrgetter("value")
    if kind in (dt.date, dt.time):
        return kind.fromisoformat, kind.isoformat
    if kind is float:
        return float, None
    if kind in (str, int, bool):
        return None, None
    raise TypeError(f"no JSON form for {kind!r} ({where})")


_FIELDS: dict[type[Any], tuple[_Field, ...]] = {}


def _fields(cls: type[Any]) -> tuple[_Field, ...]:
    """The fields of a record class, worked out once from its type hints."""
    found = _FIELDS.get(cls)
    if found is None:
        hints = typing.get_type_hints(cls)
        found = _FIELDS[cls] = tuple(
            (f.name, *_codec(hints[f.name], f"{cls.__name__}.{f.name}"), _default(f))
            for f in dataclasses.fields(cls)
        )
    return found


def _read_record(cls: type[Any], data: dict[str, Any]) -> Any:
    fields_ = _fields(cls)
    unknown = set(data) - {f[0] for f in fields_}
    if unknown:
        raise ValueError(f"unknown fields of {cls.__name__} in cases.process: {sorted(unknown)}")
    values: dict[str, Any] = {}
    for name, read, _, _ in fields_:
        if name in data:
            value = data[name]
            values[name] = value if read is None else read(value)
    return cls(**values)


def _write_record(record: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, _, write, default in _fields(type(record)):
        value = getattr(record, name)
        if default is _REQUIRED or value != default:
            out[name] = value if write is None else write(value)
    return out


def process_to_json(process: Process) -> dict[str, Any] | None:
    """The value of ``cases.process``: ``None`` (SQL ``NULL``) for a case without a process."""
    if process.is_empty():
        return None
    return _write_record(process)


def process_from_json(data: dict[str, Any] | None) -> Process:
    """The process of a ``cases.process`` value; an empty process for ``NULL`` (or ``{}``)."""
    if not data:
        return Process()
    result: Process = _read_record(Process, data)
    return result
