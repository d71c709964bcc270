"""Typology of Machielse & Hortulanus: size × the client's perception, hand-computed."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from zorgkracht.analysis import AnalysisSettings, analyse
from zorgkracht.analysis.instruments import score_instruments
from zorgkracht.analysis.results import ScoredInstrument
from zorgkracht.analysis.typology import typology
from zorgkracht.domain.model import InstrumentResponse, Snapshot

from .helpers import case, network, person, some

Item = tuple[str, Mapping[str, int | None]]


def responses(*items: Item) -> list[ScoredInstrument]:
    return score_instruments([InstrumentResponse(instrument=c, answers=dict(a)) for c, a in items])


MEANINGFUL = ("perception", {"1": 1})
BURDENSOME = ("perception", {"1": 2})


@pytest.mark.parametrize(
    ("size", "answer", "expected"),
    [
        (10, MEANINGFUL, "socially_resilient"),
        (10, BURDENSOME, "lonely"),
        (9, MEANINGFUL, "few_contacts"),
        (9, BURDENSOME, "socially_isolated"),
        (0, BURDENSOME, "socially_isolated"),
    ],
)
def test_four_types_with_the_rich_threshold_inclusive(
    size: int, answer: Item, expected: str
) -> None:
    t = typology(size, responses(answer), 10)
    assert t["type"] == expected
    assert t["network"] == ("rich" if size >= 10 else "poor")
    assert t["perception_source"] == "perception"
    assert t["reason"] is None
    message = some(t["message"])
    assert "geen oordeel" in message["nl"] and "not a verdict" in message["en"]


def test_no_perception_gives_no_type_but_a_reason() -> None:
    t = typology(12, [], 10)
    assert (t["type"], t["network"], t["perception"]) == (None, "rich", None)
    reason = some(t["reason"])
    assert reason["code"] == "no_perception"
    assert "12" in reason["nl"] and "not known" in reason["en"]
    # an LSNS-6 says nothing about perception
    assert typology(3, responses(("lsns6", {str(i): 1 for i in range(1, 7)})), 10)["type"] is None


def djg11_with(lonely: int) -> Item:
    """11-item answers with exactly ``lonely`` lonely items (the first ``lonely`` ones)."""
    social = {"1", "4", "7", "8", "11"}
    answers: dict[str, int | None] = {}
    for k in range(11):
        item = str(k + 1)
        is_lonely = k < lonely
        answers[item] = (4 if is_lonely else 2) if item in social else (2 if is_lonely else 4)
    return ("djg11", answers)


def test_djg11_from_three_is_burdensome_below_is_meaningful() -> None:
    assert typology(4, responses(djg11_with(3)), 10)["type"] == "socially_isolated"
    t = typology(4, responses(djg11_with(2)), 10)
    assert (t["type"], t["perception"], t["perception_source"]) == (
        "few_contacts",
        "meaningful",
        "djg11",
    )


def test_djg6_from_two_is_burdensome() -> None:
    two = ("djg6", {"1": 1, "2": 1, "3": 1, "4": 1, "5": 1, "6": 3})  # items 1 and 4 lonely
    one = ("djg6", {"1": 1, "2": 1, "3": 1, "4": 3, "5": 1, "6": 3})  # item 1 lonely
    assert typology(20, responses(two), 10)["type"] == "lonely"
    assert typology(20, responses(one), 10)["type"] == "socially_resilient"


def test_the_clients_own_answer_comes_before_a_scale() -> None:
    t = typology(20, responses(djg11_with(9), MEANINGFUL), 10)
    assert (t["type"], t["perception_source"]) == ("socially_resilient", "perception")


def test_a_scale_with_too_many_missing_answers_gives_no_perception() -> None:
    unusable = ("djg11", {"1": 2, "2": 2, "3": 2})  # 8 unanswered
    assert some(typology(20, responses(unusable), 10)["reason"])["code"] == "no_perception"
    # ... and the next source is used instead
    t = typology(20, responses(unusable, ("djg6", {str(i): 2 for i in range(1, 7)})), 10)
    assert (t["type"], t["perception_source"]) == ("lonely", "djg6")


def test_analyse_uses_the_snapshot_answers_and_the_setting() -> None:
    members = [person(f"m{i}") for i in range(10)]
    snap = Snapshot(
        id="s",
        label="s",
        network=network(*members),
        instruments=[InstrumentResponse(instrument="perception", answers={"1": 2})],
    )
    c = case(network(), [snap])
    assert analyse(c, "s")["typology"]["type"] == "lonely"
    poorer = analyse(c, "s", settings=AnalysisSettings(typology_rich_size=11))
    assert poorer["typology"]["type"] == "socially_isolated"
    # the network now has no answers
    assert some(analyse(c)["typology"]["reason"])["code"] == "no_perception"
    with pytest.raises(ValueError):
        AnalysisSettings(typology_rich_size=-1)
