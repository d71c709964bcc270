from __future__ import annotations

import datetime as dt

import pytest

from zorgkracht.analysis import compare, format_comparison
from zorgkracht.domain.codes import Quality, Role, Sector, Wish
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
    assert "New relations: Cliënt - Persoon e" in text


def _karel_with_wishes() -> Case:
    # start: the café friends (wish less), girlfriend v (wish more, strength 3), dad d
    # (wish none, strength 2) and mother m (same). later: café gone, d still there at
    # strength 1 (weakened, as wished), v gone (not wished: a loss), m unchanged.
    then = network(
        person("cafe", name="Cafévrienden", role=Role.FRIEND, wish=Wish.LESS),
        person("v", name="Vriendin", role=Role.FRIEND, wish=Wish.MORE),
        person("d", name="Vader", role=Role.PARENT, wish=Wish.NONE),
        person("m", name="Moeder", role=Role.PARENT, wish=Wish.SAME),
        ties=[
            helps("cafe", "G"),
            helps("v", "E", strength=3),
            tie("c", "d", strength=2),
            helps("m", "E"),
        ],
    )
    now = network(
        person("d", name="Vader", role=Role.PARENT),
        person("m", name="Moeder", role=Role.PARENT),
        ties=[tie("c", "d", strength=1), helps("m", "E")],
    )
    return case(now, [Snapshot(id="start", label="begin", network=then)])


def test_a_departure_the_client_wished_is_intended() -> None:
    result = compare(_karel_with_wishes(), "start", "current")
    assert result["left"] == ["cafe", "v"]
    assert result["departures"] == [
        {"person": "cafe", "intended": True, "wish": "less"},
        {"person": "v", "intended": False, "wish": "more"},
    ]
    assert result["ties"]["removed"] == [["c", "cafe"], ["c", "v"]]
    assert result["ties"]["removed_intended"] == [["c", "cafe"]]
    (changed,) = result["ties"]["changed"]
    assert (changed["pair"], changed["trend"], changed["intended"]) == (
        ["c", "d"],
        "weakened",
        True,
    )


def test_the_report_says_intended_and_uses_labels_and_the_books_words() -> None:
    nl = format_comparison(compare(_karel_with_wishes(), "start", "current"), "nl")
    assert (
        "Weggegaan: Cafévrienden (zoals de cliënt wilde: afstand genomen, een winst); Vriendin"
        in nl
    )
    assert "Cliënt - Vader: belangrijk → minder belangrijk, zoals de cliënt wilde" in nl
    assert "  netwerkleden: 4 → 2" in nl
    assert f"per sector (MSNA): {Sector.FRIENDLY.nl}: 2 → 0" in nl
    assert "by_sector" not in nl and "variety." not in nl
    en = format_comparison(compare(_karel_with_wishes(), "start", "current"), "en")
    assert "Left: Cafévrienden (as the client wished: distance taken, a gain); Vriendin" in en
    assert "important → less important" in en


def test_every_number_of_a_comparison_has_a_label_not_its_key() -> None:
    import json
    from pathlib import Path

    from zorgkracht.analysis.labels import measure_label

    paths = set(compare(_karel_with_wishes(), "start", "current")["measures"])
    for golden in (Path(__file__).parent / "golden").glob("*.compare.*.json"):
        paths |= set(json.loads(golden.read_text(encoding="utf-8"))["measures"])
    assert len(paths) > 80
    for path in sorted(paths):
        for lang in ("nl", "en"):
            label = measure_label(path, lang)
            assert label != path and "_" not in label, (path, label)
