"""Research instruments answered by the client, scored as their manuals prescribe.

These are **research instruments**, not diagnoses; the result is a number for the
conversation, labelled as such (``"kind": "research_instrument"``).

De Jong Gierveld loneliness scale, 6 items (De Jong Gierveld & Van Tilburg 2006; *Manual of
the Loneliness Scale*, De Jong Gierveld & Van Tilburg 1999, updated 2022, §8), instrument id
``djg6``. Items in the order of the short scale (11-item numbers in brackets):

1. I experience a general sense of emptiness (3) — emotional
2. I miss having people around me (9) — emotional
3. I often feel rejected (10) — emotional
4. There are plenty of people I can rely on when I have problems (4) — social
5. There are many people I can trust completely (7) — social
6. There are enough people I feel close to (8) — social

Answers, by item number ``"1"``–``"6"``: ``1`` = ja/yes, ``2`` = min of meer/more or less,
``3`` = nee/no, ``None`` = not answered. An emotional item scores 1 for yes or more or less,
a social item scores 1 for more or less or no (the neutral answer counts as lonely on both).
Missing answers, as the manual's syntax: the total (0–6) is the count of lonely answers and
is missing when more than one item is unanswered; each subscale (0–3) is missing when any of
its items is unanswered. Categories of the total: 0–1 not lonely, 2–4 moderately lonely,
5–6 severely lonely.

Not (yet) scored: the 11-item version and the Lubben Social Network Scale (LSNS-6), and the
typology of Machielse & Hortulanus; their answers are returned as ``scored: False``.
"""

from __future__ import annotations

from typing import Any

from zorgkracht.domain.model import InstrumentResponse

DJG6_EMOTIONAL = ("1", "2", "3")
DJG6_SOCIAL = ("4", "5", "6")
YES, MORE_OR_LESS, NO = 1, 2, 3


def _djg6_category(total: int) -> str:
    if total <= 1:
        return "not_lonely"
    if total <= 4:
        return "moderately_lonely"
    return "severely_lonely"


def score_djg6(answers: dict[str, int | None]) -> dict[str, Any]:
    """Total, emotional and social scores of the 6-item De Jong Gierveld scale."""
    for item, value in answers.items():
        if item not in DJG6_EMOTIONAL + DJG6_SOCIAL:
            raise ValueError(f"djg6 has no item {item!r}")
        if value is not None and value not in (YES, MORE_OR_LESS, NO):
            raise ValueError(f"djg6 item {item}: answer {value} is not 1, 2 or 3")
    lonely: dict[str, int] = {}
    for item in DJG6_EMOTIONAL:
        value = answers.get(item)
        if value is not None:
            lonely[item] = int(value in (YES, MORE_OR_LESS))
    for item in DJG6_SOCIAL:
        value = answers.get(item)
        if value is not None:
            lonely[item] = int(value in (MORE_OR_LESS, NO))
    missing = 6 - len(lonely)
    total = sum(lonely.values()) if missing <= 1 else None

    def sub(items: tuple[str, ...]) -> int | None:
        if any(i not in lonely for i in items):
            return None
        return sum(lonely[i] for i in items)

    return {
        "total": total,
        "emotional": sub(DJG6_EMOTIONAL),
        "social": sub(DJG6_SOCIAL),
        "missing": missing,
        "category": _djg6_category(total) if total is not None else None,
        "max": 6,
    }


def score_instruments(responses: list[InstrumentResponse]) -> list[dict[str, Any]]:
    """Score every response the module knows; others are listed with ``scored: False``."""
    out: list[dict[str, Any]] = []
    for response in responses:
        entry: dict[str, Any] = {
            "instrument": response.instrument,
            "kind": "research_instrument",
            "taken_on": response.taken_on.isoformat() if response.taken_on else None,
        }
        if response.instrument == "djg6":
            entry.update(scored=True, **score_djg6(response.answers))
        else:
            entry["scored"] = False
        out.append(entry)
    return out


def typology(size: int, scored: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Machielse & Hortulanus typology: not computed yet (needs the client's perception)."""
    return None
