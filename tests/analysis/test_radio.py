from __future__ import annotations

import datetime as dt

from zorgkracht.analysis import analyse
from zorgkracht.domain.codes import Circle, Frequency, Role, TieStatus
from zorgkracht.domain.model import Network

from .helpers import case, helps, network, person

DAY = dt.date(2024, 6, 1)


def _actions(net: Network) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for s in analyse(case(net), reference_date=DAY)["radio"]:
        out.setdefault(s["person"], []).append(s["action"])
    return out


def test_radio_rules() -> None:
    net = network(
        person("f", status=TieStatus.FADED),
        person("d", status=TieStatus.DISTURBED),
        person("w", status=TieStatus.WEAK),
        # active, monthly contact, gives nothing → activeren
        person("m", status=TieStatus.ACTIVE, frequency=Frequency.MONTHLY),
        # unknown status, circle of friendship, gives nothing → activeren
        person("k", circle=Circle.FRIENDSHIP, frequency=Frequency.RARELY),
        # gives support → only onderhouden
        person("s", frequency=Frequency.WEEKLY),
        # yearly contact, acquaintance circle, gives nothing → only onderhouden
        person("y", frequency=Frequency.YEARLY, circle=Circle.ACQUAINTANCE),
        # professional with weekly contact and no support: not activated
        person("p", role=Role.PROFESSIONAL, frequency=Frequency.WEEKLY),
        ties=[helps("s", "P")],
    )
    assert _actions(net) == {
        "d": ["deblokkeren", "onderhouden"],
        "f": ["reanimeren", "onderhouden"],
        "k": ["activeren", "onderhouden"],
        "m": ["activeren", "onderhouden"],
        "p": ["onderhouden"],
        "s": ["onderhouden"],
        "w": ["intensiveren", "onderhouden"],
        "y": ["onderhouden"],
    }


def test_status_wins_over_activeren_and_reasons_are_bilingual() -> None:
    net = network(person("f", status=TieStatus.FADED, frequency=Frequency.DAILY))
    radio = analyse(case(net), reference_date=DAY)["radio"]
    assert [s["action"] for s in radio] == ["reanimeren", "onderhouden"]
    for s in radio:
        assert s["reason"]["nl"] and s["reason"]["en"]


def test_empty_network_has_no_suggestions() -> None:
    assert analyse(case(network()), reference_date=DAY)["radio"] == []
