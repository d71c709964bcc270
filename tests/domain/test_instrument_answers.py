"""Instrument answers are checked when a case is checked: known code, known items, answer range."""

from __future__ import annotations

import pytest

from zorgkracht.domain import (
    Case,
    InvalidInput,
    Network,
    Person,
    Snapshot,
    check_case,
    validate_case,
)
from zorgkracht.domain.codes import INSTRUMENT_ITEMS
from zorgkracht.domain.model import InstrumentResponse


def with_answers(instrument: str, answers: dict[str, int | None]) -> Case:
    net = Network(persons=[Person(id="kim", name="Kim")])
    snap = Snapshot(
        id="s1",
        label="start",
        network=Network(persons=[Person(id="kim", name="Kim")]),
        instruments=[InstrumentResponse(instrument=instrument, answers=answers)],
    )
    return Case(id="c", title="T", client="kim", network=net, snapshots=[snap])


@pytest.mark.parametrize(
    ("instrument", "items", "low", "high"),
    [("djg11", 11, 1, 5), ("djg6", 6, 1, 3), ("lsns6", 6, 0, 5), ("csi", 13, 0, 1)],
)
def test_every_item_at_both_ends_of_its_range_and_unanswered_is_accepted(
    instrument: str, items: int, low: int, high: int
) -> None:
    assert INSTRUMENT_ITEMS[instrument] == (items, low, high)
    for value in (low, high, None):
        answers: dict[str, int | None] = {str(i): value for i in range(1, items + 1)}
        assert check_case(with_answers(instrument, answers)) == []


def test_unknown_instrument_is_rejected() -> None:
    problems = check_case(with_answers("ucla20", {"1": 1}))
    assert [(p.where, p.code) for p in problems] == [
        ("snapshots/s1/instruments/0/instrument", "unknown_instrument")
    ]
    assert "djg11" in problems[0].en


def test_answers_outside_the_range_and_unknown_items_are_rejected_all_at_once() -> None:
    case = with_answers("lsns6", {"1": 6, "2": -1, "3": 5, "7": 0})
    with pytest.raises(InvalidInput) as err:
        validate_case(case)
    assert [(p.where, p.code) for p in err.value.problems] == [
        ("snapshots/s1/instruments/0/answers/1", "out_of_range"),
        ("snapshots/s1/instruments/0/answers/2", "out_of_range"),
        ("snapshots/s1/instruments/0/answers/7", "unknown_item"),
    ]
    assert "tussen 0 en 5" in err.value.problems[0].nl


def test_perception_question_has_one_item_with_two_answers() -> None:
    assert check_case(with_answers("perception", {"1": 2})) == []
    assert [p.code for p in check_case(with_answers("perception", {"1": 3}))] == ["out_of_range"]


def test_the_answers_of_now_and_who_answered_are_checked() -> None:
    """The answers of now are checked as a snapshot's; the respondent is a person of the
    network the answers belong to (now: the current network; a snapshot: its own)."""
    case = with_answers("csi", {"1": 1})
    case.network.persons.append(Person(id="mantel", name="Mantelzorger"))
    case.snapshots[0].instruments[0].respondent = "mantel"  # not in the snapshot's network
    case.instruments = [
        InstrumentResponse(instrument="csi", answers={"1": 2}, respondent="mantel"),
        InstrumentResponse(instrument="djg6", respondent="niemand"),
    ]
    problems = check_case(case)
    assert [(p.where, p.code) for p in problems] == [
        ("instruments/0/answers/1", "out_of_range"),
        ("instruments/1/respondent", "unknown_reference"),
        ("snapshots/s1/instruments/0/respondent", "unknown_reference"),
    ]
    assert "niemand" in problems[1].nl and "niemand" in problems[1].en
    case.instruments[0].answers["1"] = 1
    case.instruments[1].respondent = "mantel"
    case.snapshots[0].instruments[0].respondent = None  # the client
    assert check_case(case) == []
