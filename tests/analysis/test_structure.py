from __future__ import annotations

import datetime as dt

import pytest

from zorgkracht.analysis import analyse
from zorgkracht.analysis.structure import density
from zorgkracht.domain.codes import Role
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


def test_household_members_are_tied_to_each_other() -> None:
    # Flodder-like: the client c lives with j, k and opa (and the dog); n is a neighbour who
    # knows j. Without the household rule: 1 edge of 6 possible, isolates k, opa.
    # With it: j-k, j-opa, k-opa (+ j-n) = 4 edges of 4·3/2 = 6 → D = 2/3, one component,
    # no isolates; the bridge j-n holds the neighbour to the family.
    net = network(
        person("j"),
        person("k"),
        person("opa"),
        person("n"),
        person("dog", pet="hond"),
        ties=[tie("j", "n")],
    )
    before = analyse(case(net), reference_date=DAY)
    assert (before["ties_among_members"], before["isolates"]) == (1, ["k", "opa"])
    net.household = ["c", "j", "k", "opa", "dog"]
    result = analyse(case(net), reference_date=DAY)
    assert result["ties_among_members"] == 4
    assert result["density"] == pytest.approx(4 / 6)
    assert result["components"] == [["j", "k", "n", "opa"]]
    assert result["isolates"] == []
    assert result["bridges"] == [["j", "n"]]
    assert result["client_system"] == ["c", "j", "k", "opa"]


def test_support_to_a_household_member_is_support_to_the_family() -> None:
    # "steun aan cliënt/gezin" (book 3600): grandma gives the partner p emotional support; the
    # internist gives p advice. With p in the household both count as support; without,
    # they are ties between members only.
    net = network(
        person("p", role=Role.PARTNER),
        person("oma", role=Role.OTHER_FAMILY),
        person("arts", role=Role.PROFESSIONAL),
        ties=[tie("p", "oma", "E"), tie("p", "arts", "A"), helps("p", "G")],
    )
    assert analyse(case(net), reference_date=DAY)["support"]["E"] == []
    net.household = ["c", "p"]
    result = analyse(case(net), reference_date=DAY)
    assert result["support"] == {"P": [], "G": ["p"], "A": ["arts"], "E": ["oma"], "W": []}
    assert result["ties_among_members"] == 2  # p-oma and p-arts still show who knows whom
