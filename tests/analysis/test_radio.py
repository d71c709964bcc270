from __future__ import annotations

import datetime as dt

from zorgkracht.analysis import analyse
from zorgkracht.domain.codes import AgeGroup, Circle, Frequency, Role, TieStatus, Wish
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


# The client's wish first (domain §6; book 3078–3079, Karel 2947–2949).


def _radio(net: Network, year: int = 2024) -> list[tuple[str, str]]:
    return [
        (s["person"], s["action"])
        for s in analyse(case(net), reference_date=DAY, year=year)["radio"]
    ]


def test_a_contact_the_client_wants_less_of_gets_afstand_nemen_only() -> None:
    # cafe: weekly, gives nothing → would be activeren; wish less → afstand_nemen.
    # ex: faded → would be reanimeren; wish none → afstand_nemen. w: weak, wish same →
    # intensiveren as before. Each keeps onderhouden.
    net = network(
        person("cafe", role=Role.FRIEND, frequency=Frequency.WEEKLY, wish=Wish.LESS),
        person("ex", role=Role.PARTNER, status=TieStatus.FADED, wish=Wish.NONE),
        person("d", status=TieStatus.DISTURBED, wish=Wish.LESS),
        person("w", status=TieStatus.WEAK, wish=Wish.SAME),
    )
    assert _actions(net) == {
        "cafe": ["afstand_nemen", "onderhouden"],
        "d": ["afstand_nemen", "onderhouden"],
        "ex": ["afstand_nemen", "onderhouden"],
        "w": ["intensiveren", "onderhouden"],
    }
    reason = analyse(case(net), reference_date=DAY)["radio"][0]["reason"]
    assert "uw keuze" in reason["nl"] and "your choice" in reason["en"]


def test_who_is_not_suggested_for_activeren() -> None:
    # all weekly, circle of intimacy, no support: each would be activeren, but
    # opa receives care, kid is 11 in 2024 (born 2013), young is 12 (born 2012): activeren,
    # baby has age group child, no: may not be asked, org is an organisation,
    # unasked: may_ask None (not asked yet) → activeren.
    close = {"frequency": Frequency.WEEKLY, "circle": Circle.INTIMACY}
    net = network(
        person("opa", role=Role.ACQUAINTANCE, receives_care=True, **close),
        person("kid", role=Role.CHILD, birth_year=2013, **close),
        person("young", role=Role.CHILD, birth_year=2012, **close),
        person("baby", role=Role.GRANDCHILD, age_group=AgeGroup.CHILD, **close),
        person("no", role=Role.SIBLING, may_ask=False, **close),
        person("org", role=Role.ACQUAINTANCE, organisation=True, **close),
        person("unasked", role=Role.SIBLING, may_ask=None, **close),
    )
    acts = _actions(net)
    assert {p for p, a in acts.items() if "activeren" in a} == {"young", "unasked"}
    assert all(a[-1] == "onderhouden" for a in acts.values())


def test_a_wish_for_more_is_enough_for_activeren_and_deepens_a_supporting_contact() -> None:
    # far: yearly, acquaintance circle, no support → no activeren without a wish; with
    # wish more → activeren. sup: gives G, wish more → intensiveren; sup2 gives G, no
    # wish → nothing but onderhouden. prof: wish more, but paid help → nothing.
    net = network(
        person("far", frequency=Frequency.YEARLY, circle=Circle.ACQUAINTANCE),
        person("sup", role=Role.FRIEND, wish=Wish.MORE),
        person("sup2", role=Role.FRIEND),
        person("prof", role=Role.PROFESSIONAL, wish=Wish.MORE),
        ties=[helps("sup", "G"), helps("sup2", "G")],
    )
    assert _actions(net)["far"] == ["onderhouden"]
    net.persons[1].wish = Wish.MORE
    radio = analyse(case(net), reference_date=DAY)["radio"]
    acts = {s["person"]: s for s in radio if s["action"] != "onderhouden"}
    assert {p: s["action"] for p, s in acts.items()} == {
        "far": "activeren",
        "sup": "intensiveren",
    }
    assert "U wilt meer contact" in acts["far"]["reason"]["nl"]
    assert "U wilt meer contact" in acts["sup"]["reason"]["nl"]


def test_the_most_pressing_come_first_and_onderhouden_last_for_everyone() -> None:
    # order: afstand_nemen, deblokkeren, reanimeren, activeren, intensiveren; within one
    # action the closer circle first (x2 intimacy before x1 friendship), then by id.
    net = network(
        person("a1", status=TieStatus.WEAK),
        person("b1", frequency=Frequency.WEEKLY),
        person("c1", status=TieStatus.FADED),
        person("d1", status=TieStatus.DISTURBED),
        person("e1", wish=Wish.NONE),
        person("x1", status=TieStatus.DISTURBED, circle=Circle.FRIENDSHIP),
        person("x2", status=TieStatus.DISTURBED, circle=Circle.INTIMACY),
    )
    assert _radio(net) == [
        ("e1", "afstand_nemen"),
        ("x2", "deblokkeren"),
        ("x1", "deblokkeren"),
        ("d1", "deblokkeren"),
        ("c1", "reanimeren"),
        ("b1", "activeren"),
        ("a1", "intensiveren"),
        *((p, "onderhouden") for p in ["a1", "b1", "c1", "d1", "e1", "x1", "x2"]),
    ]
