"""Instrument scoring, hand-computed from each manual's rule, missing answers included."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zorgkracht.analysis import analyse, format_analysis
from zorgkracht.analysis.instruments import (
    SCORERS,
    score_csi,
    score_lsns6,
    score_perception,
    score_response,
)
from zorgkracht.analysis.loneliness import score_djg6, score_djg11
from zorgkracht.domain.codes import INSTRUMENT_ITEMS
from zorgkracht.domain.model import InstrumentResponse, Snapshot

from .helpers import case, network, person, some

Answers = dict[str, int | None]

# djg11: 1 ja!, 2 ja, 3 min of meer, 4 nee, 5 nee!
DJG11_FULL: Answers = {
    "1": 1,  # S yes!  -> 0
    "2": 2,  # E yes   -> 1
    "3": 3,  # E m.o.l.-> 1
    "4": 4,  # S no    -> 1
    "5": 5,  # E no!   -> 0
    "6": 4,  # E no    -> 0
    "7": 3,  # S m.o.l.-> 1
    "8": 2,  # S yes   -> 0
    "9": 1,  # E yes!  -> 1
    "10": 4,  # E no   -> 0
    "11": 5,  # S no!  -> 1
}


def without(answers: Answers, *items: str) -> Answers:
    return {k: (None if k in items else v) for k, v in answers.items()}


def test_every_instrument_code_has_a_scorer() -> None:
    assert set(SCORERS) == set(INSTRUMENT_ITEMS)


def test_djg11_complete() -> None:
    s = score_djg11(DJG11_FULL)
    # emotional 2,3,9 lonely = 3; social 4,7,11 lonely = 3
    assert (s["total"], s["emotional"], s["social"], s["missing"]) == (6, 3, 3, 0)
    assert s["category"] == "moderately_lonely"
    assert s["reasons"] == []


def test_djg11_one_missing_counts_the_answered_items() -> None:
    s = score_djg11(without(DJG11_FULL, "9"))  # item 9 was lonely
    assert (s["total"], s["emotional"], s["social"], s["missing"]) == (5, 2, 3, 1)


def test_djg11_two_missing_keeps_the_total_and_subscales_with_one_missing_each() -> None:
    s = score_djg11(without(DJG11_FULL, "9", "11"))
    assert (s["total"], s["emotional"], s["social"], s["missing"]) == (4, 2, 2, 2)
    assert s["category"] == "moderately_lonely"


def test_djg11_two_missing_in_one_subscale_leaves_that_subscale_undefined() -> None:
    s = score_djg11(without(DJG11_FULL, "9", "10"))
    assert (s["total"], s["emotional"], s["social"]) == (5, None, 3)
    assert [(r["score"], r["missing"], r["allowed_missing"]) for r in s["reasons"]] == [
        ("emotional", 2, 1)
    ]


def test_djg11_three_missing_is_one_too_many_for_the_total() -> None:
    s = score_djg11(without(DJG11_FULL, "9", "10", "11"))
    assert (s["total"], s["emotional"], s["social"], s["category"]) == (None, None, 2, None)
    total_reason = s["reasons"][0]
    assert (total_reason["score"], total_reason["code"]) == ("total", "too_many_missing")
    assert "3 of 11" in total_reason["en"] and "3 van de 11" in total_reason["nl"]


@pytest.mark.parametrize(
    ("lonely_items", "category"),
    [
        (0, "not_lonely"),
        (2, "not_lonely"),
        (3, "moderately_lonely"),
        (8, "moderately_lonely"),
        (9, "severely_lonely"),
        (10, "severely_lonely"),
        (11, "very_severely_lonely"),
    ],
)
def test_djg11_cut_offs(lonely_items: int, category: str) -> None:
    order = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"]
    social = {"1", "4", "7", "8", "11"}
    answers: Answers = {}
    for k, item in enumerate(order):
        lonely = k < lonely_items
        # social: 'no' is lonely, 'yes' is not; emotional: 'yes' is lonely, 'no' is not
        answers[item] = (4 if lonely else 2) if item in social else (2 if lonely else 4)
    s = score_djg11(answers)
    assert (s["total"], s["category"]) == (lonely_items, category)


def test_djg11_neutral_answer_is_lonely_on_every_item() -> None:
    s = score_djg11({str(i): 3 for i in range(1, 12)})
    assert (s["total"], s["emotional"], s["social"]) == (11, 6, 5)


@pytest.mark.parametrize("answers", [{"1": 0}, {"1": 6}, {"12": 1}])
def test_djg11_rejects_out_of_range_answers_and_unknown_items(answers: Answers) -> None:
    with pytest.raises(ValueError):
        score_djg11(answers)


# djg6: 1 ja, 2 min of meer, 3 nee; manual order E S S E S E
DJG6_FULL: Answers = {"1": 1, "2": 1, "3": 2, "4": 3, "5": 3, "6": 2}


def test_djg6_complete() -> None:
    # emotional 1 yes→1, 4 no→0, 6 m.o.l.→1 = 2; social 2 yes→0, 3 m.o.l.→1, 5 no→1 = 2
    s = score_djg6(DJG6_FULL)
    assert (s["total"], s["emotional"], s["social"], s["missing"]) == (4, 2, 2, 0)
    assert s["category"] == "moderately_lonely"
    assert (s["emotional_category"], s["social_category"]) == ("lonely", "lonely")


def test_djg6_items_follow_the_manuals_order_of_the_short_scale() -> None:
    # all 'yes': lonely on the emotional items 1, 4, 6 only
    s = score_djg6({str(i): 1 for i in range(1, 7)})
    assert (s["total"], s["emotional"], s["social"]) == (3, 3, 0)
    assert s["social_category"] == "not_lonely"


def test_djg6_one_missing_keeps_the_total_but_not_its_subscale() -> None:
    s = score_djg6(without(DJG6_FULL, "5"))  # item 5 (social) was lonely
    assert (s["total"], s["emotional"], s["social"], s["missing"]) == (3, 2, None, 1)
    assert s["social_category"] is None
    assert [r["score"] for r in s["reasons"]] == ["social"]


def test_djg6_two_missing_is_one_too_many() -> None:
    s = score_djg6(without(DJG6_FULL, "5", "6"))
    assert (s["total"], s["emotional"], s["social"], s["category"]) == (None, None, None, None)
    assert [r["score"] for r in s["reasons"]] == ["total", "emotional", "social"]


@pytest.mark.parametrize(
    ("total", "category"),
    [
        (0, "not_lonely"),
        (1, "not_lonely"),
        (2, "moderately_lonely"),
        (4, "moderately_lonely"),
        (5, "severely_lonely"),
        (6, "severely_lonely"),
    ],
)
def test_djg6_cut_offs(total: int, category: str) -> None:
    answers: Answers = {}
    for k, item in enumerate(("1", "2", "3", "4", "5", "6")):
        lonely = k < total
        emotional = item in ("1", "4", "6")  # lonely with 'yes' (1); social with 'no' (3)
        answers[item] = (1 if lonely else 3) if emotional else (3 if lonely else 1)
    s = score_djg6(answers)
    assert (s["total"], s["category"]) == (total, category)


@pytest.mark.parametrize("answers", [{"1": 0}, {"1": 4}, {"7": 1}])
def test_djg6_rejects_out_of_range_answers_and_unknown_items(answers: Answers) -> None:
    with pytest.raises(ValueError):
        score_djg6(answers)


LSNS_FULL: Answers = {"1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5}


def test_lsns6_complete() -> None:
    s = score_lsns6(LSNS_FULL)
    assert (s["total"], s["family"], s["friends"], s["missing"]) == (15, 3, 12, 0)
    assert s["category"] == "not_at_risk"


def test_lsns6_below_twelve_is_at_risk_of_social_isolation() -> None:
    eleven: Answers = {"1": 2, "2": 2, "3": 2, "4": 2, "5": 2, "6": 1}
    assert (score_lsns6(eleven)["total"], score_lsns6(eleven)["category"]) == (
        11,
        "at_risk_of_isolation",
    )
    twelve = {**eleven, "6": 2}
    assert (score_lsns6(twelve)["total"], score_lsns6(twelve)["category"]) == (12, "not_at_risk")


def test_lsns6_allows_no_missing_answer_but_keeps_the_other_subscale() -> None:
    s = score_lsns6(without(LSNS_FULL, "2"))
    assert (s["total"], s["family"], s["friends"], s["category"]) == (None, None, 12, None)
    assert [(r["score"], r["allowed_missing"]) for r in s["reasons"]] == [
        ("total", 0),
        ("family", 0),
    ]
    assert "no item may be unanswered" in s["reasons"][0]["en"]


@pytest.mark.parametrize("answers", [{"1": -1}, {"1": 6}, {"7": 0}])
def test_lsns6_rejects_out_of_range_answers_and_unknown_items(answers: Answers) -> None:
    with pytest.raises(ValueError):
        score_lsns6(answers)


def test_csi_seven_yes_is_high_strain_six_is_not() -> None:
    seven: Answers = {str(i): 1 if i <= 7 else 0 for i in range(1, 14)}
    six = {**seven, "7": 0}
    assert (score_csi(seven)["total"], score_csi(seven)["category"]) == (7, "high_strain")
    assert (score_csi(six)["total"], score_csi(six)["category"]) == (6, "lower_strain")


def test_csi_allows_no_missing_answer() -> None:
    s = score_csi({str(i): 1 for i in range(1, 13)})  # item 13 not answered
    assert (s["total"], s["missing"], s["category"]) == (None, 1, None)
    assert s["reasons"][0]["code"] == "too_many_missing"


@pytest.mark.parametrize("answers", [{"1": 2}, {"1": -1}, {"14": 1}])
def test_csi_rejects_out_of_range_answers_and_unknown_items(answers: Answers) -> None:
    with pytest.raises(ValueError):
        score_csi(answers)


def test_perception_question() -> None:
    assert score_perception({"1": 1})["perception"] == "meaningful"
    assert score_perception({"1": 2})["perception"] == "burdensome"
    unanswered = score_perception({"1": None})
    assert unanswered["perception"] is None
    assert unanswered["reasons"][0]["code"] == "too_many_missing"
    with pytest.raises(ValueError):
        score_perception({"1": 3})


def test_unknown_code_and_bad_answers_are_not_scored_but_reported() -> None:
    unknown = score_response(InstrumentResponse(instrument="ucla3", answers={"1": 1}))
    assert (unknown["scored"], unknown["reasons"][0]["code"]) == (False, "unknown_instrument")
    bad = score_response(InstrumentResponse(instrument="csi", answers={"1": 5}))
    assert (bad["scored"], bad["reasons"][0]["code"]) == (False, "invalid_answer")


def test_instruments_on_a_snapshot_are_labelled_research_instruments() -> None:
    snap = Snapshot(
        id="s1",
        label="start",
        taken_on=dt.date(2024, 1, 1),
        network=network(person("a")),
        instruments=[
            InstrumentResponse(instrument="djg6", answers={str(i): 3 for i in range(1, 7)}),
            InstrumentResponse(instrument="lsns6", answers=LSNS_FULL, taken_on=dt.date(2024, 1, 2)),
        ],
    )
    result = analyse(case(network(), [snap]), "s1")
    djg, lsns = result["instruments"]
    # all 'no': emotional items 0 each, social items 1 each
    assert (djg["kind"], djg["scored"], djg["total"], djg["emotional"], djg["social"]) == (
        "research_instrument",
        True,
        3,
        0,
        3,
    )
    assert djg["name"]["en"] == "De Jong Gierveld Loneliness Scale (6 items)"
    assert (lsns["kind"], lsns["total"], lsns["taken_on"]) == (
        "research_instrument",
        15,
        "2024-01-02",
    )
    assert analyse(case(network()))["instruments"] == []


def test_the_text_report_shows_scores_reasons_and_typology_in_both_languages() -> None:
    snap = Snapshot(
        id="s1",
        label="start",
        network=network(person("a")),
        instruments=[
            InstrumentResponse(instrument="djg11", answers=DJG11_FULL),
            InstrumentResponse(instrument="lsns6", answers=without(LSNS_FULL, "2")),
        ],
    )
    result = analyse(case(network(), [snap]), "s1")
    nl = format_analysis(result, "nl")
    assert "Onderzoeksinstrumenten (een getal voor het gesprek, geen diagnose)" in nl
    assert "(11 items): 6 van 11 (emotioneel 3, sociaal 3); categorie volgens de bron: matig" in nl
    assert "familie: geen score, 1 van de 3 items niet beantwoord" in nl
    assert "het type 'sociaal geïsoleerd'" in nl  # 1 member, loneliness scale total 6
    en = format_analysis(result, "en")
    assert "Research instruments (a number for the conversation, not a diagnosis)" in en
    assert "6 of 11 (emotional 3, social 3); category per the source: moderately lonely" in en
    assert "the type 'socially isolated'" in en
    # without instruments the report stays as it was
    assert "Onderzoeksinstrumenten" not in format_analysis(analyse(case(network())), "nl")


@given(st.lists(st.integers(1, 5), min_size=11, max_size=11))
def test_djg11_total_is_the_sum_of_its_subscales(values: list[int]) -> None:
    s = score_djg11({str(i + 1): v for i, v in enumerate(values)})
    emotional, social = some(s.get("emotional")), some(s.get("social"))
    assert s.get("total") == emotional + social
    assert 0 <= emotional <= 6 and 0 <= social <= 5


@given(st.lists(st.integers(1, 3), min_size=6, max_size=6))
def test_djg6_total_is_the_sum_of_its_subscales(values: list[int]) -> None:
    s = score_djg6({str(i + 1): v for i, v in enumerate(values)})
    assert s.get("total") == some(s.get("emotional")) + some(s.get("social"))
    assert s["category"] is not None


@given(st.lists(st.integers(0, 5), min_size=6, max_size=6))
def test_lsns6_total_is_family_plus_friends(values: list[int]) -> None:
    s = score_lsns6({str(i + 1): v for i, v in enumerate(values)})
    assert s.get("total") == some(s.get("family")) + some(s.get("friends")) == sum(values)
    assert (s["category"] == "at_risk_of_isolation") == (sum(values) < 12)
