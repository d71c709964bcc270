"""What the editing forms of the case page need: the choices of their selects, and the data of
the case the drawing script (``static/case/*.js``) fills them from."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

from zorgkracht.domain import Case, Condition, Network
from zorgkracht.domain.codes import (
    AgeGroup,
    CareTask,
    ChildType,
    Circle,
    ConditionKind,
    ConditionState,
    CoupleType,
    Direction,
    DomainKind,
    EducationLevel,
    EmotionalType,
    Energy,
    Frequency,
    Gender,
    Identity,
    NetworkZone,
    Quality,
    Role,
    Support,
    TieStatus,
    Wish,
    Zone,
)

# The choices of the edit forms, in the order a user expects them.
CHOICES: dict[str, list[Any]] = {
    "role": list(Role),
    "gender": list(Gender),
    "circle": list(Circle),
    "zone": list(Zone),
    "frequency": list(Frequency),
    "status": list(TieStatus),
    "quality": list(Quality),
    "direction": list(Direction),
    "support": list(Support),
    "domain_kind": list(DomainKind),
    "couple_type": list(CoupleType),
    "child_type": list(ChildType),
    "emotion_type": list(EmotionalType),
    "identity": list(Identity),
    "condition_kind": list(ConditionKind),
    "condition_state": list(ConditionState),
    "education": list(EducationLevel),
    "age_group": list(AgeGroup),
    "network_zone": list(NetworkZone),
    "wish": list(Wish),
    "energy": list(Energy),
    "care_task": list(CareTask),
}

PERSON_FIELDS = (
    "name",
    "role",
    "gender",
    "circle",
    "zone",
    "frequency",
    "birth_year",
    "death_year",
    "deceased",
    "age",
    "identities",
    "pet",
    "organisation",
    "conditions",
    "pregnant",
    "weight",
    "education",
    "age_group",
    "network_zone",
    "status",
    "sensitive",
    "wish",
    "energy",
    "may_ask",
    "receives_care",
    "own_needs",
    "note",
)
"""The person fields the person dialog shows and changes (``update_person`` takes them)."""

TIE_FIELDS = (
    "a",
    "b",
    "strength",
    "quality",
    "direction",
    "support",
    "reciprocal",
    "care_hours_per_week",
    "care_months",
    "care_since",
    "care_tasks",
    "client_care_hours_per_week",
    "client_care_months",
    "client_care_tasks",
    "sensitive",
    "note",
)
"""The tie fields the tie dialog shows and changes (``update_tie`` takes them)."""


def family_keys(net: Network) -> dict[str, str]:
    """Child relation id → the ``data-family`` key of the genogram group its line is drawn in:
    ``c:<couple id>`` (the first couple of the two parents, or ``~a+b`` when they are no couple)
    or ``p:<parent>``, as :func:`zorgkracht.layout.family.select` makes them."""
    pair_key: dict[tuple[str, str], str] = {}
    for c in net.couples:
        if c.a != c.b:
            pair_key.setdefault((min(c.a, c.b), max(c.a, c.b)), c.id)
    keys: dict[str, str] = {}
    for ch in net.children:
        parents = [p for p in ch.parents if p != ch.child]
        if len(parents) == 2:
            pair = (min(parents), max(parents))
            keys[ch.id] = "c:" + pair_key.get(pair, "~" + "+".join(pair))
        elif parents:
            keys[ch.id] = "p:" + parents[0]
    return keys


def case_data(
    case: Case, labels: dict[str, str] | None = None, *, editable: bool = True
) -> dict[str, Any]:
    """What the drawing script needs to fill its forms: every field the forms show and change;
    a domain under its name in ``labels`` (by id) when given, the page's language's name. A page
    that cannot be edited (a snapshot, a network meeting) gets no notes: no form shows them."""
    data = _case_data(case, labels)
    if not editable:
        for kind in ("persons", "ties", "events", "domains"):
            for record in data[kind].values():
                record.pop("note", None)
                for c in record.get("conditions", []):
                    c.pop("note", None)
    return data


def _case_data(case: Case, labels: dict[str, str] | None) -> dict[str, Any]:
    net = case.network
    families = family_keys(net)
    return {
        "client": case.client,
        "household": list(net.household),
        "persons": {
            p.id: {k: _code(getattr(p, k, None)) for k in PERSON_FIELDS} for p in net.persons
        },
        "domains": {
            d.id: {
                "name": (labels or {}).get(d.id, d.name),
                "kind": d.kind.value,
                "members": list(d.members),
                "note": d.note,
            }
            for d in net.domains
        },
        "ties": {t.id: {k: _code(getattr(t, k, None)) for k in TIE_FIELDS} for t in net.ties},
        "events": {
            e.id: {
                "year": e.year,
                "date": _code(e.date),
                "title": e.title,
                "valence": e.valence,
                "persons": list(e.persons),
                "sensitive": e.sensitive,
                "note": e.note,
            }
            for e in net.events
        },
        "instruments": [
            {
                "instrument": r.instrument,
                "answers": dict(r.answers),
                "taken_on": _code(r.taken_on),
                "respondent": r.respondent,
            }
            for r in case.instruments
        ],
        "couples": {
            c.id: {
                "a": c.a,
                "b": c.b,
                "type": c.type.value,
                "start_year": c.start_year,
                "end_year": c.end_year,
            }
            for c in net.couples
        },
        "children": {
            ch.id: {
                "child": ch.child,
                "parents": list(ch.parents),
                "type": ch.type.value,
                "family": families.get(ch.id),
            }
            for ch in net.children
        },
        "emotions": {e.id: {"a": e.a, "b": e.b, "type": e.type.value} for e in net.emotions},
    }


def _code(value: Any) -> Any:
    """A field as JSON: a code by its value, a set sorted, a date as ISO, conditions as
    ``{kind, state, note}``."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, set | frozenset):
        return sorted(_code(v) for v in value)
    if isinstance(value, list):
        return [_code(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Condition):
        return {"kind": value.kind.value, "state": value.state.value, "note": value.note}
    return value
