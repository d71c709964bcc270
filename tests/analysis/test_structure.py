from __future__ import annotations

import datetime as dt

import pytest

from zorgkracht.analysis import analyse
from zorgkracht.analysis.structure import density
from zorgkracht.domain.model import Domain

from .helpers import case, helps, network, person, tie

DAY = dt.date(2024, 6, 1)


def test_density_formula() -> None:
    # 4 members, 2 ties: 2 / (4·3/2) = 1/3
    assert density(4, 2) == pytest.approx(1 / 3)
    assert density(1, 0) is None
    assert density(0, 0) is None


def test_density_components_bridges_isolates() -> None:
    # members a b c d e; member ties a-b, b-c, a-c (triangle), c-d; e knows nobody.
    # Client ties and a tie to a domain are ignored. m = 4, n = 5: D = 4/10.
    # Components: {a,b,c,d}, {e}. Bridge: c-d (the triangle has none). Isolate: e.
    net = network(
        *(person(x) for x in "abde"),
        person("cc"),
        ties=[
            tie("a", "b"),
            tie("b", "cc"),
            tie("cc", "a"),
            tie("cc", "d"),
            tie("d", "cc", id="dup"),  # same pair again: counts once
            helps("e", "P"),
            tie("a", "work"),
        ],
    )
    net.domains.append(Domain(id="work", name="Werk"))
    result = analyse(case(net), reference_date=DAY)
    assert result["ties_among_members"] == 4
    assert result["density"] == pytest.approx(0.4)
    assert result["components"] == [["a", "b", "cc", "d"], ["e"]]
    assert result["component_count"] == 2
    assert result["bridges"] == [["cc", "d"]]
    assert result["isolates"] == ["e"]


def test_members_without_ties_are_all_isolates() -> None:
    # 3 members, no ties: D = 0 / 3 = 0, three components of one
    result = analyse(case(network(person("a"), person("b"), person("d"))), reference_date=DAY)
    assert result["density"] == 0.0
    assert result["component_count"] == 3
    assert result["isolates"] == ["a", "b", "d"]
    assert result["bridges"] == []


def test_one_member_has_undefined_density() -> None:
    result = analyse(case(network(person("a"))), reference_date=DAY)
    assert result["density"] is None
    assert result["components"] == [["a"]]


def test_ties_to_pets_are_ignored() -> None:
    net = network(person("a"), person("dog", pet="hond"), ties=[tie("a", "dog")])
    result = analyse(case(net), reference_date=DAY)
    assert result["ties_among_members"] == 0
    assert result["isolates"] == ["a"]
