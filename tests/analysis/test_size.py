from __future__ import annotations

import datetime as dt

from zorgkracht.analysis import analyse
from zorgkracht.domain.codes import Circle, Frequency, NetworkZone, Role, Zone

from .helpers import case, network, person, some

DAY = dt.date(2024, 6, 1)


def test_empty_network_has_size_zero_and_every_count_zero() -> None:
    result = analyse(case(network()), reference_date=DAY)
    assert result["size"] == 0
    assert result["by_sector"] == {"kin": 0, "friendly": 0, "services": 0, "unknown": 0}
    assert result["by_circle"] == {
        "intimacy": 0,
        "friendship": 0,
        "acquaintance": 0,
        "services": 0,
        "unknown": 0,
    }
    assert result["reachability"] is None
    assert result["persons"] == {}


def test_counts_per_classification_with_unknown() -> None:
    # members: m1 parent (kin/family), m2 friend (friendly/society), m3 fellow client
    # (friendly/client_contacts), m4 professional (services/professional), m5 no role (unknown)
    net = network(
        person("m1", role=Role.PARENT, circle=Circle.INTIMACY, zone=Zone.TOWN),
        person("m2", role=Role.FRIEND, circle=Circle.FRIENDSHIP, zone=Zone.TOWN),
        person("m3", role=Role.FELLOW_CLIENT, frequency=Frequency.WEEKLY),
        person("m4", role=Role.PROFESSIONAL, zone=Zone.REGION),
        person("m5", network_zone=NetworkZone.NOMINAL),
    )
    result = analyse(case(net), reference_date=DAY)
    assert result["size"] == 5
    assert result["by_sector"] == {"kin": 1, "friendly": 2, "services": 1, "unknown": 1}
    assert result["by_segment"] == {
        "family": 1,
        "client_contacts": 1,
        "professional": 1,
        "society": 1,
        "unknown": 1,
    }
    assert result["by_circle"]["intimacy"] == 1
    assert result["by_circle"]["friendship"] == 1
    assert result["by_circle"]["unknown"] == 3
    assert result["by_zone"] == {
        "neighbourhood": 0,
        "town": 2,
        "region": 1,
        "outside_region": 0,
        "online": 0,
        "unknown": 2,
    }
    assert result["by_frequency"]["weekly"] == 1
    assert result["by_frequency"]["unknown"] == 4
    assert result["by_network_zone"] == {"personal": 4, "nominal": 1, "extensive": 0, "unknown": 0}
    # reachability over the 3 members with a known zone: town 2/3, region 1/3
    reachability = some(result["reachability"])
    assert reachability["town"] == 2 / 3
    assert reachability["region"] == 1 / 3
    assert reachability["online"] == 0
    assert result["persons"]["m1"] == {"name": "Persoon m1", "role": "parent", "sensitive": False}
    assert result["persons"]["m5"]["role"] is None


def test_pets_and_deceased_are_not_members_and_are_reported() -> None:
    net = network(
        person("dog", pet="hond"),
        person("opa", role=Role.GRANDPARENT, death_year=2001),
        person("m1", role=Role.SIBLING),
    )
    result = analyse(case(net), reference_date=DAY)
    assert result["size"] == 1
    assert result["excluded"] == {"pets": ["dog"], "deceased": ["opa"]}
    assert list(result["persons"]) == ["m1"]


def test_client_is_never_counted() -> None:
    result = analyse(case(network(person("m1"))), reference_date=DAY)
    assert result["size"] == 1
    assert "c" not in result["persons"]
