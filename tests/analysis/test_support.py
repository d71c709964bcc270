from __future__ import annotations

import datetime as dt

import pytest

from zorgkracht.analysis import AnalysisResult, analyse
from zorgkracht.domain.codes import Direction, Energy, Frequency, Role

from .helpers import CLIENT, case, helps, network, person, tie

DAY = dt.date(2024, 6, 1)


def _result() -> AnalysisResult:
    # a gives P E G (3 letters), b gives P (1), d gives E (1) but on a tie stored with the
    # client at end b, and e's tie goes from the client only, so e provides nothing.
    net = network(
        person("a", frequency=Frequency.WEEKLY),
        person("b", frequency=Frequency.YEARLY),
        person("d", frequency=Frequency.DAILY),
        person("e", frequency=Frequency.MONTHLY),
        ties=[
            helps("a", "PEG", reciprocal=True),
            helps("b", "P", reciprocal=False),
            tie("d", CLIENT, "E", direction=Direction.NONE),
            helps("e", "P", direction=Direction.FROM_CLIENT, reciprocal=False),
        ],
    )
    return analyse(case(net), reference_date=DAY)


def test_coverage_per_letter_and_gaps() -> None:
    result = _result()
    assert result["support"] == {"P": ["a", "b"], "G": ["a"], "A": [], "E": ["a", "d"], "W": []}
    assert result["gaps"] == ["A", "W"]
    assert result["support_counts"] == {"P": 2, "G": 1, "A": 0, "E": 2, "W": 0}


def test_concentration_is_share_of_provider_letter_pairs() -> None:
    # pairs: (a,P) (a,E) (a,G) (b,P) (d,E) → 5; a has 3 → 3/5
    conc = _result()["concentration"]
    assert conc["share"] == pytest.approx(0.6)
    assert conc["person"] == "a"
    assert conc["tied"] == ["a"]
    assert conc["total_pairs"] == 5


def test_concentration_counts_a_letter_once_per_provider_and_reports_ties() -> None:
    # a gives P on two ties (one pair), b gives P: pairs (a,P) (b,P) → 1/2, a and b tied
    net = network(
        person("a"),
        person("b"),
        ties=[helps("a", "P"), helps("a", "P", id="t2"), helps("b", "P")],
    )
    conc = analyse(case(net), reference_date=DAY)["concentration"]
    assert conc["share"] == 0.5
    assert conc["tied"] == ["a", "b"]
    assert conc["person"] == "a"


def test_reciprocity_leaves_unknown_out() -> None:
    # supporting ties: a (True), b (False), d (None); e is from the client → not supporting.
    # share = 1 / 2, unknown 1
    rec = _result()["reciprocity"]
    assert rec["share"] == 0.5
    assert rec["reciprocal"] == 1
    assert rec["not_reciprocal"] == 1
    assert rec["unknown"] == 1
    assert rec["supporting_ties"] == 3
    assert rec["one_way_persons"] == ["b"]
    assert rec["formal"] == 0


def test_reciprocity_leaves_paid_help_out() -> None:
    # a professional and a service provider on one-way ties do not count; the neighbour does
    net = network(
        person("w", role=Role.PROFESSIONAL),
        person("s", role=Role.SERVICE),
        person("n", role=Role.NEIGHBOUR),
        person("v", role=Role.VOLUNTEER),
        ties=[
            helps("w", "A", reciprocal=False),
            helps("s", "P", reciprocal=False),
            helps("n", "G", reciprocal=True),
            helps("v", "G", reciprocal=False),
        ],
    )
    rec = analyse(case(net), reference_date=DAY)["reciprocity"]
    # informal: n (True), v (False) → 1/2; formal 2
    assert (rec["share"], rec["formal"], rec["supporting_ties"]) == (0.5, 2, 4)
    assert rec["one_way_persons"] == ["v"]


def test_care_potential_needs_monthly_contact_and_practical_support() -> None:
    # a: weekly + P → yes; b: P but yearly → no; d: daily but only E → no;
    # e: monthly but the tie is from the client → no
    assert _result()["care_potential"] == {"count": 1, "persons": ["a"]}


def test_no_support_at_all() -> None:
    result = analyse(case(network(person("a", role=Role.FRIEND))), reference_date=DAY)
    assert result["gaps"] == ["P", "G", "A", "E", "W"]
    assert result["concentration"]["share"] is None
    assert result["reciprocity"]["share"] is None
    assert result["care_potential"] == {"count": 0, "persons": []}


# The informal network only (domain §6; book 1100–1109, 1111–1114).


def _sjakie() -> AnalysisResult:
    # Flodder-like: sjakie (professional) gives P A E, the grocer (service) P, jolanda
    # (neighbour) G, the club (organisation) G, opa (acquaintance, cared for, weekly) P,
    # zus (sibling, weekly) P E.
    net = network(
        person("sjakie", role=Role.PROFESSIONAL, frequency=Frequency.WEEKLY),
        person("winkel", role=Role.SERVICE, frequency=Frequency.DAILY),
        person("jolanda", role=Role.NEIGHBOUR, frequency=Frequency.WEEKLY),
        person("club", role=Role.ACQUAINTANCE, organisation=True, frequency=Frequency.WEEKLY),
        person("opa", role=Role.ACQUAINTANCE, receives_care=True, frequency=Frequency.DAILY),
        person("zus", role=Role.SIBLING, frequency=Frequency.WEEKLY),
        ties=[
            helps("sjakie", "PAE"),
            helps("winkel", "P"),
            helps("jolanda", "G"),
            helps("club", "G"),
            helps("opa", "P"),
            helps("zus", "PE"),
        ],
    )
    return analyse(case(net), reference_date=DAY)


def test_concentration_counts_the_informal_network_only() -> None:
    # informal pairs: (jolanda,G) (opa,P) (zus,P) (zus,E) → 4; zus has 2 → 2/4.
    # Left out: sjakie 3 + winkel 1 + club 1 = 5 formal pairs.
    conc = _sjakie()["concentration"]
    assert conc == {
        "share": 0.5,
        "person": "zus",
        "tied": ["zus"],
        "pairs": 2,
        "total_pairs": 4,
        "formal_pairs": 5,
    }


def test_care_potential_is_informal_and_not_cared_for() -> None:
    # P at least monthly: sjakie (professional), winkel (service), opa (receives care), zus.
    # Only zus counts.
    assert _sjakie()["care_potential"] == {"count": 1, "persons": ["zus"]}


def test_energy_summary_counts_and_names() -> None:
    net = network(
        person("a", energy=Energy.GIVES),
        person("b", energy=Energy.COSTS),
        person("d", energy=Energy.GIVES),
        person("e", energy=Energy.BOTH),
        person("f"),
        person("dog", pet="hond", energy=Energy.GIVES),  # not a member
    )
    assert analyse(case(net), reference_date=DAY)["energy"] == {
        "gives": 2,
        "costs": 1,
        "both": 1,
        "unknown": 1,
        "persons": {"gives": ["a", "d"], "costs": ["b"], "both": ["e"]},
    }
