from __future__ import annotations

import datetime as dt
from typing import Any

from zorgkracht.analysis import AnalysisSettings, Signal, analyse
from zorgkracht.domain.codes import (
    Circle,
    ConditionKind,
    Quality,
    Role,
    Support,
    Wish,
    Zone,
)
from zorgkracht.domain.model import Condition, Domain, Network

from .helpers import CLIENT, case, helps, network, person, tie

DAY = dt.date(2024, 6, 1)


def _signals(net: Network, **kwargs: Any) -> list[Signal]:
    return analyse(case(net), reference_date=DAY, year=2024, **kwargs)["signals"]


def _codes(net: Network, **kwargs: Any) -> list[str]:
    return [s["code"] for s in _signals(net, **kwargs)]


def _one(net: Network, code: str) -> Signal:
    found = [s for s in _signals(net) if s["code"] == code]
    assert len(found) == 1, found
    return found[0]


def test_empty_network_says_so_calmly_and_nothing_else() -> None:
    signals = _signals(network())
    assert [s["code"] for s in signals] == ["EMPTY_NETWORK"]
    assert signals[0]["severity"] == "info"
    assert signals[0]["persons"] == []
    assert signals[0]["message"]["nl"] and signals[0]["message"]["en"]


def test_every_signal_has_the_contract_shape() -> None:
    net = network(person("a", role=Role.PARENT), ties=[helps("a", "P")])
    for s in _signals(net):
        assert set(s) >= {"code", "severity", "persons", "message"}
        assert s["severity"] in ("info", "attention")
        assert set(s["message"]) == {"nl", "en"}


def test_only_professionals() -> None:
    net = network(person("a", role=Role.PROFESSIONAL), person("b", role=Role.SERVICE))
    assert "ONLY_PROFESSIONALS" in _codes(net)
    assert "ONLY_FAMILY" not in _codes(net)
    # one member of unknown role: we cannot say "only"
    assert "ONLY_PROFESSIONALS" not in _codes(
        network(person("a", role=Role.PROFESSIONAL), person("b"))
    )


def test_only_family_and_no_low_variety_on_top() -> None:
    net = network(*(person(x, role=Role.SIBLING) for x in "abc"))
    codes = _codes(net)
    assert "ONLY_FAMILY" in codes
    assert "LOW_VARIETY" not in codes
    assert "ONLY_FAMILY" not in _codes(network(person("a", role=Role.SIBLING), person("b")))


def test_no_weak_ties_rule() -> None:
    assert "NO_WEAK_TIES" in _codes(network(person("a", role=Role.FRIEND)))
    assert "NO_WEAK_TIES" not in _codes(network(person("a", role=Role.NEIGHBOUR)))
    assert "NO_WEAK_TIES" not in _codes(network(person("a", role=Role.COLLEAGUE)))
    # a friend whom the client places in the circle of acquaintances is a weak tie
    assert "NO_WEAK_TIES" not in _codes(
        network(person("a", role=Role.FRIEND, circle=Circle.ACQUAINTANCE))
    )
    # ... but a parent the client sees rarely, in that circle, is a family tie, not a weak tie
    assert "NO_WEAK_TIES" in _codes(
        network(person("a", role=Role.PARENT, circle=Circle.ACQUAINTANCE))
    )
    # someone without a role in the circle of acquaintances counts as a weak tie
    assert "NO_WEAK_TIES" not in _codes(network(person("a", circle=Circle.ACQUAINTANCE)))


def test_support_gap_one_per_missing_letter() -> None:
    net = network(person("a"), ties=[helps("a", "PGE")])
    gaps = [s for s in _signals(net) if s["code"] == "SUPPORT_GAP"]
    assert [s["letter"] for s in gaps] == ["A", "W"]
    assert all(s["severity"] == "attention" for s in gaps)


def test_support_concentrated() -> None:
    # a: P G E (3 pairs), b: P (1) → 3/4 > 0.5 and 4 pairs ≥ 3 → signal on a
    net = network(person("a"), person("b"), ties=[helps("a", "PGE"), helps("b", "P")])
    assert _one(net, "SUPPORT_CONCENTRATED")["persons"] == ["a"]
    # a: P G (2), b: P A (2) → 2/4 = 0.5, not more than half → no signal
    net = network(person("a"), person("b"), ties=[helps("a", "PG"), helps("b", "PA")])
    assert "SUPPORT_CONCENTRATED" not in _codes(net)
    # only 2 pairs, below the minimum of 3 → no signal even though a gives all
    assert "SUPPORT_CONCENTRATED" not in _codes(network(person("a"), ties=[helps("a", "PG")]))


def test_support_concentrated_threshold_is_a_setting() -> None:
    net = network(person("a"), person("b"), ties=[helps("a", "PG"), helps("b", "PA")])
    settings = AnalysisSettings(concentration_share=0.4)
    assert "SUPPORT_CONCENTRATED" in _codes(net, settings=settings)


def test_carer_load_high_hours_nobody_sharing() -> None:
    # a gives P 20 h/week; nobody else gives P → high_hours
    net = network(
        person("a", role=Role.CHILD),
        person("b", role=Role.FRIEND),
        ties=[helps("a", "P", care_hours_per_week=20), helps("b", "E")],
    )
    s = _one(net, "CARER_LOAD")
    assert s["persons"] == ["a"]
    assert s["reasons"] == ["high_hours"]
    # b also gives P → shared → no signal
    net.ties[1].support.add(Support.PRACTICAL)
    assert "CARER_LOAD" not in _codes(net)


def test_carer_load_young_or_own_needs_even_with_few_hours() -> None:
    net = network(
        person("s", role=Role.CHILD, birth_year=2012),
        person("u", role=Role.PARTNER, conditions=[Condition(kind=ConditionKind.PHYSICAL_ILLNESS)]),
        ties=[helps("s", "P", care_months=6), helps("u", "P", care_months=6)],
    )
    loads = [s for s in _signals(net) if s["code"] == "CARER_LOAD"]
    assert [(s["persons"], s["reasons"]) for s in loads] == [
        (["s"], ["young"]),
        (["u"], ["own_needs"]),
    ]


def test_low_reciprocity() -> None:
    # 3 supporting ties, reciprocal known on 3: 1 yes → 1/3 < 0.5
    net = network(
        person("a"),
        person("b"),
        person("d"),
        ties=[
            helps("a", "P", reciprocal=True),
            helps("b", "E", reciprocal=False),
            helps("d", "G", reciprocal=False),
        ],
    )
    assert _one(net, "LOW_RECIPROCITY")["persons"] == ["b", "d"]
    # 1 yes, 1 no, 1 unknown → 1/2, not below 0.5
    net.ties[2].reciprocal = None
    assert "LOW_RECIPROCITY" not in _codes(net)
    # only one known tie: below the minimum of 2 → no signal
    net.ties[0].reciprocal = None
    assert "LOW_RECIPROCITY" not in _codes(net)


def test_far_practical_support() -> None:
    # P only from a (region) and b (outside region) → signal for P; G from d (town) → none;
    # E only from far away is no signal
    net = network(
        person("a", zone=Zone.REGION),
        person("b", zone=Zone.OUTSIDE_REGION),
        person("d", zone=Zone.TOWN),
        ties=[helps("a", "PE"), helps("b", "P"), helps("d", "G")],
    )
    far = [s for s in _signals(net) if s["code"] == "FAR_PRACTICAL_SUPPORT"]
    assert [(s["letter"], s["persons"]) for s in far] == [("P", ["a", "b"])]
    # one provider with an unknown zone: not only far away → no signal
    net.persons.append(person("e"))
    net.ties.append(helps("e", "P"))
    assert "FAR_PRACTICAL_SUPPORT" not in _codes(net)


def test_conflict_ties() -> None:
    net = network(
        person("a"),
        person("b"),
        ties=[helps("a", "P", quality=Quality.TENSE), tie("a", "b", quality=Quality.POSITIVE)],
    )
    s = _one(net, "CONFLICT_TIES")
    assert s["severity"] == "info"
    assert s["persons"] == ["a"]
    net.ties[1].quality = Quality.CONFLICT
    s = _one(net, "CONFLICT_TIES")
    assert s["severity"] == "attention"
    assert s["persons"] == ["a", "b"]
    assert s["ties"] == ["t-a-b", "t-c-a"]


def test_conflict_with_a_contact_the_client_wants_less_of_names_distance_as_a_choice() -> None:
    # Karel and the café friends (book 2947–2949, 3078–3079): unblocking is not the only way;
    # the sentence about taking distance comes only when such a wish is in the signal.
    net = network(person("a"), ties=[tie(CLIENT, "a", quality=Quality.TENSE)])
    s = _one(net, "CONFLICT_TIES")
    assert "afstand nemen" not in s["message"]["nl"]
    net.persons[1].wish = Wish.LESS
    s = _one(net, "CONFLICT_TIES")
    assert "afstand nemen ook een keuze" in s["message"]["nl"]
    assert "taking distance is a choice too" in s["message"]["en"]
    net.persons[1].wish = Wish.MORE
    assert "afstand nemen" not in _one(net, "CONFLICT_TIES")["message"]["nl"]


def test_low_variety() -> None:
    # friendly 3, kin 1: p = 3/4, 1/4; B = 1 − 9/16 − 1/16 = 3/8; IQV = 3/8 × 3/2 = 9/16
    # = 0.5625 ≥ 0.5 → no signal
    net = network(*(person(x, role=Role.FRIEND) for x in "abd"), person("e", role=Role.PARENT))
    assert "LOW_VARIETY" not in _codes(net)
    # friendly 5, kin 1: B = 1 − 25/36 − 1/36 = 10/36; IQV = 10/36 × 3/2 = 5/12 < 0.5
    net.persons += [person("f", role=Role.FRIEND), person("g", role=Role.NEIGHBOUR)]
    assert "LOW_VARIETY" in _codes(net)


def test_messages_do_not_name_anyone() -> None:
    net = network(
        person("a", name="Jolanda", role=Role.CHILD, birth_year=2012, zone=Zone.REGION),
        ties=[helps("a", "PGE", care_hours_per_week=30, reciprocal=False, quality=Quality.TENSE)],
    )
    for s in _signals(net):
        assert "Jolanda" not in s["message"]["nl"]
        assert "Jolanda" not in s["message"]["en"]


def test_conflict_ties_to_domains_count() -> None:
    # The Flodders and the tennis club (book 1868–1869): a conflictvol tie from the client to
    # a domain; a tense tie between a member and a domain; a tie between two domains and a
    # positive one are not counted.
    net = network(
        person("a"),
        ties=[
            tie(CLIENT, "tennis", quality=Quality.CONFLICT, id="t1"),
            tie("a", "werk", quality=Quality.TENSE, id="t2"),
            tie("werk", "tennis", quality=Quality.CONFLICT, id="t3"),
            tie(CLIENT, "school", id="t4"),
        ],
    )
    net.domains += [Domain(id=d, name=d) for d in ("tennis", "werk", "school")]
    s = _one(net, "CONFLICT_TIES")
    assert s["severity"] == "attention"
    assert s["ties"] == ["t1", "t2"]
    assert s["persons"] == ["a"]
    assert s["domains"] == ["tennis", "werk"]
    assert "2 relaties zijn gespannen of conflictvol" in s["message"]["nl"]


def test_no_friends() -> None:
    # Tavenier-like: kin, a colleague far out (acquaintance circle), professionals → no
    # friendly member in circle 1–2 → NO_FRIENDS. A neighbour in circle friendship ends it;
    # so does a friend with unknown circle; a friend in circle acquaintance does not.
    net = network(
        person("moeder", role=Role.PARENT, circle=Circle.INTIMACY),
        person("baas", role=Role.COLLEAGUE, circle=Circle.ACQUAINTANCE),
        person("michel", role=Role.PROFESSIONAL, circle=Circle.SERVICES),
    )
    s = _one(net, "NO_FRIENDS")
    assert (s["severity"], s["persons"]) == ("attention", [])
    net.persons.append(person("f1", role=Role.FRIEND, circle=Circle.ACQUAINTANCE))
    assert "NO_FRIENDS" in _codes(net)
    net.persons.append(person("f2", role=Role.FRIEND))
    assert "NO_FRIENDS" not in _codes(net)
    net.persons[-1] = person("buur", role=Role.NEIGHBOUR, circle=Circle.FRIENDSHIP)
    assert "NO_FRIENDS" not in _codes(net)
    # Opa Flodder lives with the family: an acquaintance in circle 1, but no friend outside
    net.persons[-1] = person("opa", role=Role.ACQUAINTANCE, circle=Circle.INTIMACY)
    net.household = [CLIENT, "opa"]
    assert "NO_FRIENDS" in _codes(net)
    net.household = [CLIENT]
    assert "NO_FRIENDS" not in _codes(net)


def test_no_friends_is_not_said_twice_with_only_family() -> None:
    net = network(person("a", role=Role.PARENT), person("b", role=Role.SIBLING))
    codes = _codes(net)
    assert "ONLY_FAMILY" in codes and "NO_FRIENDS" not in codes


def test_support_concentrated_ignores_a_professional_carrying_much() -> None:
    # Flodder: Sjakie gives P A E, Jolanda G. Before: 3 of 4 pairs on Sjakie → signal.
    # Now only informal pairs count: 1 pair (< 3) → no signal. Two informal providers
    # (zus P E G, buur G) → 3 of 4 → the signal names zus.
    net = network(
        person("sjakie", role=Role.PROFESSIONAL),
        person("jolanda", role=Role.NEIGHBOUR),
        ties=[helps("sjakie", "PAE"), helps("jolanda", "G")],
    )
    assert "SUPPORT_CONCENTRATED" not in _codes(net)
    net.persons.append(person("zus", role=Role.SIBLING))
    net.ties.append(helps("zus", "PEG"))
    s = _one(net, "SUPPORT_CONCENTRATED")
    assert s["persons"] == ["zus"]
    assert s["message"]["nl"].startswith("Hoeveel rust op één persoon: ")
    assert "75%" in s["message"]["nl"]


def test_a_carer_of_22_is_young() -> None:
    # Fatima's son: 22 in 2024, cares 6 h a week for 12 months → a carer (long-term), young
    net = network(
        person("zoon", role=Role.CHILD, birth_year=2002),
        ties=[helps("zoon", "PE", care_hours_per_week=6, care_months=12)],
    )
    s = _one(net, "CARER_LOAD")
    assert s["reasons"] == ["young"]
    assert "jonger dan 25" in s["message"]["nl"]


def test_texts_say_client_or_family_where_the_client_is_a_family() -> None:
    # reciprocity 0 of 2 → LOW_RECIPROCITY; with a household it speaks of "cliënt/het gezin"
    net = network(
        person("a", role=Role.FRIEND),
        person("b", role=Role.FRIEND),
        person("p", role=Role.PARTNER),
        ties=[helps("a", "P", reciprocal=False), helps("b", "G", reciprocal=False)],
    )
    assert "geeft de cliënt iets terug" in _one(net, "LOW_RECIPROCITY")["message"]["nl"]
    net.household = [CLIENT, "p"]
    assert "de cliënt/het gezin iets terug" in _one(net, "LOW_RECIPROCITY")["message"]["nl"]
