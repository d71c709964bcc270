"""What the editing forms of the case page need: the choices of their selects, and the data of
the case the drawing script (``static/case/*.js``) fills them from."""

from __future__ import annotations

from typing import Any

from zorgkracht.domain import Case, Network
from zorgkracht.domain.codes import (
    ChildType,
    Circle,
    CoupleType,
    Direction,
    DomainKind,
    EmotionalType,
    Frequency,
    Gender,
    Quality,
    Role,
    Support,
    TieStatus,
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
}


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


def case_data(case: Case, labels: dict[str, str] | None = None) -> dict[str, Any]:
    """What the drawing script needs to fill its forms (no notes: only what the forms show);
    a domain under its name in ``labels`` (by id) when given, the page's language's name."""
    net = case.network
    fields = ("name", "role", "gender", "circle", "zone", "frequency", "birth_year")
    families = family_keys(net)
    return {
        "client": case.client,
        "household": list(net.household),
        "persons": {p.id: {k: _code(getattr(p, k)) for k in fields} for p in net.persons},
        "domains": {
            d.id: {"name": (labels or {}).get(d.id, d.name), "members": list(d.members)}
            for d in net.domains
        },
        "ties": {
            t.id: {
                "a": t.a,
                "b": t.b,
                "strength": t.strength,
                "quality": t.quality.value,
                "direction": t.direction.value,
                "support": sorted(s.value for s in t.support),
                "reciprocal": t.reciprocal,
            }
            for t in net.ties
        },
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
    return value.value if hasattr(value, "value") else value
