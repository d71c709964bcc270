from __future__ import annotations

import datetime as dt

import pytest

from zorgkracht.analysis import compare, format_comparison
from zorgkracht.domain.codes import Quality, Role
from zorgkracht.domain.errors import NotFound
from zorgkracht.domain.model import Case, Snapshot

from .helpers import case, helps, network, person, tie


def _karel() -> Case:
    # then: a (P, strength 2), b (E), d; a-b know each other
    then = network(
        person("a", role=Role.CHILD),
        person("b", role=Role.FRIEND),
        person("d", role=Role.NEIGHBOUR),
        ties=[helps("a", "P"), helps("b", "E", strength=3), tie("a", "b")],
    )
    # now: d left, e came; a gained E and strength 3 (strengthened); b lost E, strength 1
    # and gained G (mixed); a-b stored the other way round, now tense (weakened)
    now = network(
        person("a", role=Role.CHILD),
        person("b", role=Role.FRIEND),
        person("e", role=Role.PROFESSIONAL),
        ties=[
            helps("a", "PE", strength=3),
            helps("b", "G", strength=1),
            tie("b", "a", quality=Quality.TENSE),
            helps("e", "A"),
        ],
    )
    return case(
        now, [Snapshot(id="start", label="begin", taken_on=dt.date(2020, 1, 1), network=then)]
    )


def test_came_left_and_ties() -> None:
    result = compare(_karel(), "start", "current")
    assert result["came"] == ["e"]
    assert result["left"] == ["d"]
    ties = result["ties"]
    assert ties["added"] == [["c", "e"]]
    assert ties["removed"] == []
    by_pair = {tuple(c["pair"]): c for c in ties["changed"]}
    assert by_pair[("a", "c")]["trend"] == "strengthened"
    assert by_pair[("a", "c")]["strength"] == {"from": 2, "to": 3, "change": 1}
    assert by_pair[("a", "c")]["support_gained"] == ["E"]
    assert by_pair[("b", "c")]["trend"] == "mixed"
    assert by_pair[("b", "c")]["support_gained"] == ["G"]
    assert by_pair[("b", "c")]["support_lost"] == ["E"]
    assert by_pair[("a", "b")]["trend"] == "weakened"
    assert by_pair[("a", "b")]["quality"] == {"from": "positive", "to": "tense"}
    assert ties["strengthened"] == [["a", "c"]]
    assert ties["weakened"] == [["a", "b"]]


def test_measure_changes() -> None:
    m = compare(_karel(), "start", "current")["measures"]
    # size 3 → 3; services 0 → 1; friendly 2 → 1
    assert m["size"] == {"from": 3, "to": 3, "change": 0}
    assert m["by_sector.services"] == {"from": 0, "to": 1, "change": 1}
    assert m["by_sector.friendly"]["change"] == -1
    # density: 1 tie among 3 members both times: 1/3 → 1/3
    assert m["density"]["change"] == pytest.approx(0)
    # P providers 1 → 1, A 0 → 1, gaps G A W (3) → W (1)
    assert m["support_counts.A"] == {"from": 0, "to": 1, "change": 1}
    assert m["gaps.count"] == {"from": 3, "to": 1, "change": -2}
    assert "persons" not in m


def test_unknown_snapshot_raises_not_found_in_both_languages() -> None:
    with pytest.raises(NotFound) as info:
        compare(_karel(), "start", "later")
    assert "later" in info.value.nl and "later" in info.value.en
    assert info.value.nl != info.value.en


def test_format_comparison_mentions_who_came() -> None:
    kase = _karel()
    kase.network.persons[3].name = "Sjakie"
    text = format_comparison(compare(kase, "start", "current"), "nl")
    assert "Erbij gekomen: Sjakie" in text
    assert "Came: Sjakie" in format_comparison(compare(kase, "start", "current"), "en")


def test_comparison_names_the_client_not_its_id() -> None:
    text = format_comparison(compare(_karel(), "start", "current"), "en")
    # new tie client–e: the client's name 'Cliënt' is shown, not the id 'c'
    assert "New ties: Cliënt - Persoon e" in text
