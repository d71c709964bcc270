from __future__ import annotations

import datetime as dt

import pytest

from zorgkracht.analysis import analyse
from zorgkracht.analysis.instruments import score_djg6
from zorgkracht.domain.model import InstrumentResponse, Snapshot

from .helpers import case, network, person

YES, MORE_OR_LESS, NO = 1, 2, 3


def test_djg6_all_answered() -> None:
    # emotional 1 yes → 1, 2 more or less → 1, 3 no → 0: emotional 2
    # social 4 yes → 0, 5 more or less → 1, 6 no → 1: social 2; total 4 → moderately lonely
    s = score_djg6({"1": YES, "2": MORE_OR_LESS, "3": NO, "4": YES, "5": MORE_OR_LESS, "6": NO})
    assert (s["total"], s["emotional"], s["social"], s["missing"]) == (4, 2, 2, 0)
    assert s["category"] == "moderately_lonely"


def test_djg6_one_missing_keeps_total_but_not_its_subscale() -> None:
    # item 6 missing: total counts the 5 answered (1 + 0 + 0 + 0 + 0 = 1); social undefined
    s = score_djg6({"1": YES, "2": NO, "3": NO, "4": YES, "5": YES, "6": None})
    assert (s["total"], s["emotional"], s["social"], s["missing"]) == (1, 1, None, 1)
    assert s["category"] == "not_lonely"


def test_djg6_two_missing_gives_no_total() -> None:
    s = score_djg6({"1": YES, "2": YES, "3": YES, "4": NO})
    assert s["total"] is None
    assert s["emotional"] == 3
    assert s["social"] is None
    assert s["category"] is None


def test_djg6_rejects_unknown_items_and_answers() -> None:
    with pytest.raises(ValueError):
        score_djg6({"7": YES})
    with pytest.raises(ValueError):
        score_djg6({"1": 4})


def test_instruments_on_a_snapshot_are_labelled_research_instruments() -> None:
    answers: dict[str, int | None] = {str(i): NO for i in range(1, 7)}
    snap = Snapshot(
        id="s1",
        label="start",
        taken_on=dt.date(2024, 1, 1),
        network=network(person("a")),
        instruments=[
            InstrumentResponse(instrument="djg6", answers=answers),
            InstrumentResponse(instrument="lsns6", answers={"1": 3}),
        ],
    )
    result = analyse(case(network(), [snap]), "s1")
    djg, lsns = result["instruments"]
    # emotional items 'no' → 0 each; social items 'no' → 1 each: total 3
    assert djg["kind"] == "research_instrument"
    assert (djg["scored"], djg["total"], djg["emotional"], djg["social"]) == (True, 3, 0, 3)
    assert lsns["scored"] is False
    assert result["typology"] is None
    assert analyse(case(network()))["instruments"] == []
