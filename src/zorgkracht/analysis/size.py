"""Size of the network: members in total and per classification, and reachability.

Size is the number of network members (see :mod:`zorgkracht.analysis.view`: every person but
the client, without pets and deceased persons). It is counted per MSNA sector (Baars 1990),
Lensink segment and circle (Smit & van Gennep 2002), MSNA zone, contact frequency and MSNA
network zone. Every count has an ``unknown`` key for members without that value, so the
counts of one classification always add up to the size.

Reference points are context, never norms, and are worded so that a client with 15 people is
not told they fall short: Lensink about 6–10 persons in the circle of intimacy and 6–10 in
friendship, 150–200 acquaintances (book 1967–1973, "het blijft helaas onduidelijk hoe men tot
dit getal komt"); Mueller 35–55 persons (2202–2204, "onduidelijk of het dan gaat om sterke of
zwakke relaties"); older people have 3–4 potential carers on average (1100–1103). There is no
norm for a good network (ch. 5).

Reachability (MSNA) is the share of members per zone among the members whose zone is known:
``share(z) = n_z / Σ n_known``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import Enum

from zorgkracht.domain.codes import Circle, Frequency, NetworkZone, Sector, Segment, Zone
from zorgkracht.domain.model import Person

from .results import SizeMeasures
from .view import NetworkView

UNKNOWN = "unknown"


def count_by(
    members: Iterable[Person], key: Callable[[Person], Enum | None], codes: Iterable[Enum]
) -> dict[str, int]:
    """Count members per code, every code present (0 when nobody), plus ``unknown``."""
    counts: dict[str, int] = {str(code.value): 0 for code in codes}
    counts[UNKNOWN] = 0
    for person in members:
        value = key(person)
        counts[UNKNOWN if value is None else str(value.value)] += 1
    return counts


def shares(counts: dict[str, int]) -> dict[str, float] | None:
    """Share of each known code among the known values; ``None`` when nothing is known."""
    known = {k: v for k, v in counts.items() if k != UNKNOWN}
    total = sum(known.values())
    if total == 0:
        return None
    return {k: v / total for k, v in known.items()}


def size_measures(view: NetworkView) -> SizeMeasures:
    """``size``, ``by_sector`` … ``by_network_zone`` and ``reachability`` of a network."""
    members = view.members
    by_zone = count_by(members, lambda p: p.zone, Zone)
    return {
        "size": len(members),
        "by_sector": count_by(members, lambda p: p.sector, Sector),
        "by_segment": count_by(members, lambda p: p.segment, Segment),
        "by_circle": count_by(members, lambda p: p.circle, Circle),
        "by_zone": by_zone,
        "by_frequency": count_by(members, lambda p: p.frequency, Frequency),
        "by_network_zone": count_by(members, lambda p: p.network_zone, NetworkZone),
        "reachability": shares(by_zone),
    }
