"""Change between two states of a network (Karel's two ecograms, book ch. 5).

* **Came / left**: member ids (see :mod:`~zorgkracht.analysis.view`) in the later network and
  not in the earlier one, and the other way round. A member who died or became a pet does not
  count as present.
* **Ties** are matched by their unordered pair of ends ``{a, b}`` (persons or domains), so a
  tie redrawn the other way round is the same tie. Several ties between the same pair are
  merged: the largest strength, the most strained quality and the union of support letters.
  For a matched pair the change in strength, quality and support letters is reported, with a
  ``trend``: ``strengthened`` when every change goes one way — stronger, a better quality
  (positive > tense > conflict), support gained — ``weakened`` when every change goes the
  other way, ``mixed`` otherwise. Unmatched pairs are ``added`` or ``removed``.
* **Intended change** (book 3078–3079: "het kunnen afstand nemen van bestaande, dwingende of
  eenzijdige netwerken kan bevrijdend werken"; Karel, whose café friends are gone years later,
  2947–2949): a member who left, and whose ``wish`` in the earlier state was ``less`` or
  ``none``, left as the client wished. ``departures`` lists every member who left with
  ``intended`` true or false and that earlier wish; ``ties.removed_intended`` are the removed
  ties with such a member, and a changed tie with such a member that weakened or changed both
  ways carries ``intended: true``. Progress, not loss: the report and the compare page say so.
* **Measures**: every number of :func:`~zorgkracht.analysis.measures.analyse_network` (lists
  counted by their length where noted) as ``{from, to, change}`` with ``change = to − from``,
  ``None`` when either side is undefined.
"""

from __future__ import annotations

from collections.abc import Mapping

from zorgkracht.domain.codes import Quality, Support, Wish
from zorgkracht.domain.model import Network

from .results import LETTER, AnalysisResult, Change, Departure, TieChange, TieChanges, Trend
from .view import SUPPORT_ORDER

QUALITY_RANK = {Quality.POSITIVE: 0, Quality.TENSE: 1, Quality.CONFLICT: 2}
_SKIP = frozenset(
    {
        "persons",
        "radio",
        "year",
        "client",
        "client_name",
        "reference_date",
        "excluded",
        "support",
        "client_system",
    }
)
_COUNT_LISTS = frozenset({"bridges", "isolates", "carers", "gaps", "signals"})

Pair = tuple[str, str]


def _merged_ties(network: Network) -> dict[Pair, tuple[int, Quality, set[Support]]]:
    merged: dict[Pair, tuple[int, Quality, set[Support]]] = {}
    for tie in network.ties:
        pair: Pair = (min(tie.a, tie.b), max(tie.a, tie.b))
        if pair in merged:
            strength, quality, support = merged[pair]
            if QUALITY_RANK[tie.quality] > QUALITY_RANK[quality]:
                quality = tie.quality
            merged[pair] = (max(strength, tie.strength), quality, support | tie.support)
        else:
            merged[pair] = (tie.strength, tie.quality, set(tie.support))
    return merged


DISTANCE_WISHES = frozenset({Wish.LESS, Wish.NONE})


def wished_distance(network: Network) -> set[str]:
    """Ids of the persons the client wanted less or no contact with in ``network``."""
    return {p.id for p in network.persons if p.wish in DISTANCE_WISHES}


def departures(before: Network, left: list[str]) -> list[Departure]:
    """Every member who left, with ``intended`` when the client wished less or no contact."""
    wish = {p.id: p.wish for p in before.persons}
    out: list[Departure] = []
    for pid in left:
        w = wish.get(pid)
        out.append(
            {
                "person": pid,
                "intended": w in DISTANCE_WISHES,
                "wish": w.value if w is not None else None,
            }
        )
    return out


def tie_changes(before: Network, after: Network) -> TieChanges:
    """Ties added, removed and changed between two networks, matched by unordered ends."""
    distance = wished_distance(before)
    old = _merged_ties(before)
    new = _merged_ties(after)
    changed: list[TieChange] = []
    for pair in sorted(old.keys() & new.keys()):
        s0, q0, l0 = old[pair]
        s1, q1, l1 = new[pair]
        gained = [LETTER[s] for s in SUPPORT_ORDER if s in l1 - l0]
        lost = [LETTER[s] for s in SUPPORT_ORDER if s in l0 - l1]
        if s0 == s1 and q0 is q1 and not gained and not lost:
            continue
        ups = (s1 > s0) + (QUALITY_RANK[q1] < QUALITY_RANK[q0]) + bool(gained)
        downs = (s1 < s0) + (QUALITY_RANK[q1] > QUALITY_RANK[q0]) + bool(lost)
        trend: Trend = "mixed" if ups and downs else "strengthened" if ups else "weakened"
        changed.append(
            {
                "pair": list(pair),
                "strength": {"from": s0, "to": s1, "change": s1 - s0},
                "quality": {"from": q0.value, "to": q1.value},
                "support_gained": gained,
                "support_lost": lost,
                "trend": trend,
                "intended": trend != "strengthened" and bool(distance & set(pair)),
            }
        )
    removed = [list(p) for p in sorted(old.keys() - new.keys())]
    return {
        "added": [list(p) for p in sorted(new.keys() - old.keys())],
        "removed": removed,
        "removed_intended": [p for p in removed if distance & set(p)],
        "changed": changed,
        "strengthened": [c["pair"] for c in changed if c["trend"] == "strengthened"],
        "weakened": [c["pair"] for c in changed if c["trend"] == "weakened"],
    }


def numbers(result: Mapping[str, object], prefix: str = "") -> dict[str, float]:
    """Every number in an analysis result (or any part of one), by dotted path.

    A walk over the values, not over the typed keys: every number counts, whatever its key.

    Lists named in :data:`_COUNT_LISTS` count by their length, as ``<key>.count``; the
    per-category ``counts`` of the variety measures are left out (``by_*`` has them).
    """
    out: dict[str, float] = {}
    for key, value in result.items():
        if key in _SKIP and not prefix:
            continue
        path = f"{prefix}{key}"
        if isinstance(value, bool) or key == "counts":
            continue
        if isinstance(value, int | float):
            out[path] = value
        elif isinstance(value, Mapping):
            out.update(numbers(value, f"{path}."))
        elif isinstance(value, list) and key in _COUNT_LISTS:
            out[f"{path}.count"] = len(value)
    return out


def measure_changes(before: AnalysisResult, after: AnalysisResult) -> dict[str, Change]:
    """``{from, to, change}`` for every number in either analysis, sorted by path."""
    old = numbers(before)
    new = numbers(after)
    out: dict[str, Change] = {}
    for path in sorted(old.keys() | new.keys()):
        a = old.get(path)
        b = new.get(path)
        out[path] = {
            "from": a,
            "to": b,
            "change": b - a if a is not None and b is not None else None,
        }
    return out
