"""Records of the case (person, tie, domain, ...) to and from JSON, changed field by field,
and put back at their old place by an inverse."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from enum import Enum
from typing import Any

from zorgkracht.domain import (
    ChildRelation,
    Condition,
    CoupleRelation,
    Domain,
    EmotionalRelation,
    InstrumentResponse,
    InvalidInput,
    LifeEvent,
    Person,
    Problem,
    Tie,
)
from zorgkracht.interchange.case_json import (
    ChildDoc,
    CoupleDoc,
    DomainDoc,
    EmotionDoc,
    EventDoc,
    InstrumentDoc,
    PersonDoc,
    TieDoc,
)

from .ids import _index
from .messages import _parse
from .operations import Json, Membership, Placed


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, set | frozenset):
        return sorted(_plain(v) for v in value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return record_json(value)
    return value


def record_json(record: Any) -> Json:
    """A record of the model (person, tie, domain, ...) as a JSON-ready dict of every field."""
    return {f.name: _plain(getattr(record, f.name)) for f in dataclasses.fields(record)}


def _person(data: Any, where: str = "person") -> Person:
    doc = _parse(PersonDoc, data, where)
    fields = doc.model_dump()
    fields["identities"] = set(doc.identities)
    fields["conditions"] = [Condition(**c.model_dump()) for c in doc.conditions]
    return Person(**fields)


def _tie(data: Any, where: str) -> Tie:
    doc = _parse(TieDoc, data, where)
    return Tie(
        **{
            **doc.model_dump(),
            "support": set(doc.support),
            "care_tasks": set(doc.care_tasks),
            "client_care_tasks": set(doc.client_care_tasks),
        }
    )


def _domain(data: Any, where: str) -> Domain:
    doc = _parse(DomainDoc, data, where)
    return Domain(**{**doc.model_dump(), "members": list(doc.members)})


def _couple(data: Any, where: str) -> CoupleRelation:
    return CoupleRelation(**_parse(CoupleDoc, data, where).model_dump())


def _child(data: Any, where: str) -> ChildRelation:
    doc = _parse(ChildDoc, data, where)
    return ChildRelation(**{**doc.model_dump(), "parents": list(doc.parents)})


def _emotion(data: Any, where: str) -> EmotionalRelation:
    return EmotionalRelation(**_parse(EmotionDoc, data, where).model_dump())


def _event(data: Any, where: str) -> LifeEvent:
    doc = _parse(EventDoc, data, where)
    return LifeEvent(**{**doc.model_dump(), "persons": list(doc.persons)})


def _instrument(data: Any, where: str) -> InstrumentResponse:
    doc = _parse(InstrumentDoc, data, where)
    return InstrumentResponse(**{**doc.model_dump(), "answers": dict(doc.answers)})


def _changes(
    record: Any, changes: Mapping[str, Any], parse: Callable[[Any, str], Any], read_only: set[str]
) -> tuple[Any, Json]:
    """``record`` with ``changes`` (fields as in the case file) and the old values."""
    current = record_json(record)
    problems = [
        Problem(f"changes/{key}", "onbekend veld", "unknown field", "extra_forbidden")
        for key in changes
        if key not in current
    ] + [
        Problem(f"changes/{key}", "kan niet gewijzigd worden", "cannot be changed", "read_only")
        for key in changes
        if key in read_only
    ]
    if problems:
        raise InvalidInput(problems)
    updated = parse({**current, **changes}, "changes")
    old = {key: current[key] for key in changes}
    return updated, old


def _insert_placed(
    items: list[Any], placed: Iterable[Placed], parse: Callable[[Any, str], Any], where: str
) -> None:
    for p in sorted(placed, key=lambda p: p.index):
        items.insert(min(p.index, len(items)), parse(p.item, where))


def _drop_ref(items: list[Any], attr: str, ref: str) -> list[Json]:
    """Take ``ref`` out of the ``attr`` list of every item; where it was, for the inverse."""
    memberships: list[Json] = []
    for k, item in enumerate(items):
        refs: list[str] = getattr(item, attr)
        if ref in refs:
            memberships += [{"ref": item.id, "index": j} for j, r in enumerate(refs) if r == ref]
            items[k] = dataclasses.replace(item, **{attr: [r for r in refs if r != ref]})
    return memberships


def _insert_ref(
    items: list[Any], attr: str, memberships: list[Membership], ref: str, where: str
) -> None:
    for m in sorted(memberships, key=lambda m: m.index):
        k = _index(items, m.ref, where, "onderdeel", "item")
        refs = list(getattr(items[k], attr))
        refs.insert(m.index, ref)
        items[k] = dataclasses.replace(items[k], **{attr: refs})
