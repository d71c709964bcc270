"""The demo cases give what a professional who read the book would expect (ch. 4, 5 and 7).

Each test names the passage it follows; these tests read the demo data through
:func:`zorgkracht.analysis.analyse`. One test per conclusion the book itself draws, for all six
cases, is in ``test_book_readings.py``.
"""

from __future__ import annotations

import pytest

from zorgkracht.analysis import AnalysisResult, Signal, analyse, compare
from zorgkracht.demo import load_demo_cases
from zorgkracht.domain import Case

from .helpers import some


@pytest.fixture(scope="module")
def demos() -> dict[str, Case]:
    return {c.id: c for c in load_demo_cases()}


def codes(result: AnalysisResult) -> list[str]:
    return [s["code"] for s in result["signals"]]


def signal(result: AnalysisResult, code: str) -> Signal:
    found = [s for s in result["signals"] if s["code"] == code]
    assert len(found) == 1, codes(result)
    return found[0]


def actions(result: AnalysisResult) -> dict[str, str]:
    """Member id → the RADIO suggestion other than onderhouden."""
    return {r["person"]: r["action"] for r in result["radio"] if r["action"] != "onderhouden"}


# Karel, ch. 5: "sociaal geïsoleerd en voelt zich eenzaam"; father, mother (not seen for
# 25 years), café friends and a girlfriend after a violent quarrel.


def test_karel_at_the_start_has_no_weak_ties_and_a_faded_tie_with_his_mother(
    demos: dict[str, Case],
) -> None:
    start = analyse(demos["karel"], "start")
    assert start["size"] == 4  # the dog goes with him, but is no member
    assert "NO_WEAK_TIES" in codes(start)
    assert actions(start)["moeder"] == "reanimeren"
    # nobody supports him yet: every support letter is a gap
    assert [s["letter"] for s in start["signals"] if s["code"] == "SUPPORT_GAP"] == list("PGAEW")
    # the quarrel with violence and the father "who taught him to drink"
    assert {"vader", "vriendin"} <= set(signal(start, "CONFLICT_TIES")["persons"])
    assert actions(start)["vader"] == "deblokkeren"


def test_karel_years_later_has_weak_ties_and_more_variety(demos: dict[str, Case]) -> None:
    start = analyse(demos["karel"], "start")
    later = analyse(demos["karel"], "later")
    assert "NO_WEAK_TIES" not in codes(later)
    # the dog walk: neighbours, the newsagent, the grocer; volunteers and colleagues
    roles = {later["persons"][p]["role"] for p in ("buurvrouw", "buurman", "collegas")}
    assert roles == {"neighbour", "colleague"}
    assert later["size"] > start["size"]
    assert some(later["variety"]["sector"]["iqv"]) > some(start["variety"]["sector"]["iqv"])
    assert later["by_sector"]["friendly"] > start["by_sector"]["friendly"]
    assert "SUPPORT_GAP" not in codes(later)
    # the neighbour across who ignores him, the colleagues who bully him
    assert actions(later)["overbuur"] == "deblokkeren"
    assert actions(later)["collegas"] == "deblokkeren"
    assert {"overbuur", "collegas"} <= set(signal(later, "CONFLICT_TIES")["persons"])


def test_karels_change_from_start_to_later(demos: dict[str, Case]) -> None:
    change = compare(demos["karel"], "start", "later")
    # he chose to keep his distance from the café friends; the girlfriend is gone
    assert change["left"] == ["cafevrienden", "vriendin"]
    assert {"buurvrouw", "buurman", "krantenwinkelier", "medevrijwilligers"} <= set(change["came"])
    assert some(change["measures"]["variety.sector.iqv"]["change"]) > 0


# The Flodders, ch. 4: not the whole neighbourhood is against them; the neighbour (the army
# commander) and the tennis club are, Jolanda is not; Sjakie the social worker helps, the
# alderman has doubts; five fathers out of the picture.


def test_flodder_signals(demos: dict[str, Case]) -> None:
    now = analyse(demos["flodder"])
    assert "NO_WEAK_TIES" not in codes(now)  # Jolanda, the neighbour's wife
    assert "ONLY_FAMILY" not in codes(now)
    conflict = signal(now, "CONFLICT_TIES")
    assert conflict["severity"] == "attention"
    assert {"buurman", "wethouder"} <= set(conflict["persons"])
    # Sjakie carries most of the support the family gets, but he is a professional: no
    # mantelval (the book's readings are in test_book_readings.py)
    assert now["support"]["P"] == ["sjakie"]
    radio = actions(now)
    assert radio["buurman"] == "deblokkeren"
    # the five husbands: married and divorced, nothing known of contact; nothing to revive
    assert not {f"man{i}" for i in range(1, 6)} & set(radio)
    assert "jolanda" not in radio  # a positive tie that already gives company: only upkeep


# The Taveniers, ch. 7: a network of mainly Pieter's family and professionals, Lina's family
# in Germany, friction with the department head, pressure from the personnel officer, the
# question how to make friends, and at the end "for the first time taken seriously".


def test_tavenier_signals(demos: dict[str, Case]) -> None:
    now = analyse(demos["tavenier"])
    assert now["by_sector"]["kin"] + now["by_sector"]["services"] == now["size"] - 1
    assert "friend" not in {p["role"] for p in now["persons"].values()}
    conflict = signal(now, "CONFLICT_TIES")
    assert {"afdelingsleider", "personeelsfunctionaris"} <= set(conflict["persons"])
    # the tie to the creditors (a domain) is an open conflict: the debts of the referral
    assert "t_schuldeisers" in conflict["ties"]
    assert conflict["severity"] == "attention"
    # Lina's mother far away gives emotional support only: no signal for distance
    assert "FAR_PRACTICAL_SUPPORT" not in codes(now)
    assert actions(now)["moeder_lina"] == "intensiveren"
    # nobody on the map gives appreciation: "voor het eerst serieus genomen" came later
    assert signal(now, "SUPPORT_GAP")["letter"] == "W"
    # the family gives and takes; paid help is not a one-way tie in the reciprocity sense
    assert "LOW_RECIPROCITY" not in codes(now)
    assert now["reciprocity"]["share"] == 1.0
    # Michel, teacher, debt and family workers, HR, and, for Lina in the client system, her
    # therapist, internist and pulmonologist
    assert now["reciprocity"]["formal"] == 8
