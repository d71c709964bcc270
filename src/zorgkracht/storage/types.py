"""Column types shared by the models: domain codes as plain strings, timestamps in UTC.

Codes are stored as their string value in an ordinary ``VARCHAR`` column, not as a database enum
type: a new code in :mod:`zorgkracht.domain.codes` then needs no migration, and both backends
store and compare the same text.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any, Generic, TypeVar

from sqlalchemy import DateTime, Dialect, String
from sqlalchemy.types import TypeDecorator

CODE_LENGTH = 40

E = TypeVar("E", bound=StrEnum)


class Code(TypeDecorator[E], Generic[E]):
    """A :class:`StrEnum` member stored as its code."""

    impl = String(CODE_LENGTH)
    cache_ok = True

    def __init__(self, enum: type[E]) -> None:
        super().__init__()
        self.enum = enum

    def process_bind_param(self, value: E | None, dialect: Dialect) -> str | None:
        return None if value is None else self.enum(value).value

    def process_result_value(self, value: Any, dialect: Dialect) -> E | None:
        return None if value is None else self.enum(value)


class UtcDateTime(TypeDecorator[dt.datetime]):
    """An aware UTC timestamp; SQLite keeps no zone, so naive values read back as UTC."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime; use an aware UTC timestamp")
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        assert isinstance(value, dt.datetime)
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)
