"""The book's readings of its own cases, one test per conclusion, run on the demo cases.

Each test names the lines of ``seed/de-zorgkracht-van-sociale-netwerken.txt`` it encodes (in its
name and docstring) and reads the demo case through the public :func:`zorgkracht.analysis.analyse`
and :func:`~zorgkracht.analysis.compare`, asserting codes and keys of the JSON result, never
texts. The cases: Karel at the start and years later (ch. 5), the Taveniers (ch. 7), the
Flodders (ch. 4), Fatima Tahir (after ch. 4), Ada Hendriks (after ch. 8) and Pauline Bloem
(after ch. 11). The rules these readings need are in ``docs/analysis.md`` (domain.md §6).
"""

from __future__ import annotations

import datetime as dt
import json
import types
from pathlib import Path
from typing import Any

import pytest

import zorgkracht.analysis
from zorgkracht.analysis import AnalysisResult, analyse, compare
from zorgkracht.cli.main import main
from zorgkracht.demo import load_demo_cases
from zorgkracht.domain import Case

FORMAL_ROLES = {"professional", "service"}
LISTS = Path(__file__).resolve().parents[1] / "data" / "book"
LIST_YEAR = 2026
"""The birth years in ``tests/data/book/*.csv`` give the book's ages in this year (Fatima's son
22, the Tavenier children 11, 8 and 4); a network list has no date, so the lists are analysed
as on a day of this year."""


@pytest.fixture(scope="module")
def demos() -> dict[str, Case]:
    return {c.id: c for c in load_demo_cases()}


def codes(result: Any) -> list[str]:
    return [s["code"] for s in result["signals"]]


def signals(result: AnalysisResult, code: str) -> list[Any]:
    return [s for s in result["signals"] if s["code"] == code]


def actions(result: Any) -> dict[str, str]:
    """Member id → the RADIO suggestion other than onderhouden (at most one per member)."""
    found: dict[str, str] = {}
    for r in result["radio"]:
        if r["action"] != "onderhouden":
            assert r["person"] not in found, r["person"]
            found[r["person"]] = r["action"]
    return found


def energy(result: Any, kind: str) -> set[str]:
    """The members in the energy summary who ``gives``, ``costs`` or ``both``."""
    return set(result["energy"]["persons"][kind])


def intended(change: Any) -> set[str]:
    """Members whose departure the comparison marks as intended (the client's wish)."""
    return {d["person"] for d in change["departures"] if d["intended"]}


def carer_signal(result: AnalysisResult, person: str) -> Any:
    found = [s for s in signals(result, "CARER_LOAD") if person in s["persons"]]
    assert len(found) == 1, codes(result)
    return found[0]


def informal(result: AnalysisResult, persons: list[str]) -> bool:
    return all(result["persons"][p]["role"] not in FORMAL_ROLES for p in persons)


# --- Karel, ch. 5 ---------------------------------------------------------------------------


def test_karel_start_wants_distance_from_the_cafe_friends_2947_2949(
    demos: dict[str, Case],
) -> None:
    """l. 2947-2949: after withdrawal Karel wants distance from his café friends. The wish
    comes first: taking distance, not activating them (domain.md §6, RADIO)."""
    start = analyse(demos["karel"], "start")
    assert actions(start)["cafevrienden"] == "afstand_nemen"


def test_karel_start_is_socially_isolated_without_weak_ties_2922_2941(
    demos: dict[str, Case],
) -> None:
    """l. 2922-2941: a socially isolated man; the first ecogram has only father, mother, café
    friends and girlfriend: no neighbours, colleagues or acquaintances."""
    start = analyse(demos["karel"], "start")
    assert "NO_WEAK_TIES" in codes(start)
    assert start["size"] == 4


def test_karel_start_searches_for_his_mother_2959_2966(demos: dict[str, Case]) -> None:
    """l. 2959-2966: he is encouraged to look for his mother, not seen for 25 years: a faded
    contact he wants back is one to revive."""
    start = analyse(demos["karel"], "start")
    assert actions(start)["moeder"] == "reanimeren"


def test_karel_start_tries_to_mend_the_break_with_his_girlfriend_2950_2953(
    demos: dict[str, Case],
) -> None:
    """l. 2950-2953: after a violent quarrel he tries to glue the break: a disturbed contact he
    wants more of is to be unblocked, not let go."""
    start = analyse(demos["karel"], "start")
    assert actions(start)["vriendin"] == "deblokkeren"


def test_karel_later_has_a_varied_network_with_weak_ties_3004_3017(
    demos: dict[str, Case],
) -> None:
    """l. 3004-3017: "gegroeid tot een veelzijdig netwerk": neighbourhood life, help,
    volunteering, changing girlfriends."""
    start = analyse(demos["karel"], "start")
    later = analyse(demos["karel"], "later")
    assert "NO_WEAK_TIES" not in codes(later)
    assert later["size"] > start["size"]
    assert later["by_sector"]["friendly"] > start["by_sector"]["friendly"]
    assert "cafevrienden" not in later["persons"]


def test_karel_later_the_cafe_friends_leaving_is_progress_3078(demos: dict[str, Case]) -> None:
    """l. 3078-3079: "Het kunnen afstand nemen van bestaande, dwingende of eenzijdige netwerken
    kan bevrijdend werken": the café friends' departure is what Karel wished, not a loss; the
    girlfriend he wanted to keep is not such a departure."""
    change = compare(demos["karel"], "start", "later")
    assert {"cafevrienden", "vriendin"} <= set(change["left"])
    assert "cafevrienden" in intended(change)
    assert "vriendin" not in intended(change)


# --- Tavenier, ch. 7 -------------------------------------------------------------------------


def test_tavenier_parents_are_heavily_burdened_carers_3579_3593(demos: dict[str, Case]) -> None:
    """l. 3579-3593: Pieter and Lina are "zwaar belast met de zorg voor hun kinderen" with
    disabilities: the client system gives care above the carer thresholds."""
    now = analyse(demos["tavenier"])
    found = signals(now, "CLIENT_CARER_LOAD")
    # one signal per giver in the client system: Pieter and Lina
    assert sorted(s["carer"] for s in found) == ["lina", "pieter"], codes(now)
    for s in found:
        assert set(s["persons"]) == {"dochter", "zoon", "jongste"}
        assert s["severity"] == "attention"


def test_tavenier_have_no_friends_which_is_a_help_question_3647(demos: dict[str, Case]) -> None:
    """l. 3625-3628 and 3647: the network is Pieter's family and institutions; "Hoe kunnen
    Pieter en Lina vriendschappen aangaan en onderhouden?"."""
    now = analyse(demos["tavenier"])
    assert "NO_FRIENDS" in codes(now)
    assert "friend" not in {p["role"] for p in now["persons"].values()}


def test_tavenier_young_children_are_not_to_be_activated_3554_3571(
    demos: dict[str, Case],
) -> None:
    """l. 3554-3571: a daughter of 11 and sons of 8 and 4, all with disabilities and cared for:
    they are not a source of help to activate."""
    radio = actions(analyse(demos["tavenier"]))
    for child in ("dochter", "zoon", "jongste"):
        assert radio.get(child) != "activeren", child


def test_tavenier_care_potential_is_the_informal_network_1100_1109(
    demos: dict[str, Case],
) -> None:
    """l. 1100-1109 (Broese van Groenou & van Tilburg): potential carers are children,
    neighbours, family and friends with monthly contact who exchange practical support; the
    debt counsellor and the family worker are professionals, not care potential."""
    now = analyse(demos["tavenier"])
    persons = now["care_potential"]["persons"]
    assert "schuldhulpverlener" not in persons
    assert "gezinsbegeleider" not in persons
    assert persons == ["broer_pieter", "moeder_pieter", "zus_pieter"]


# --- Flodder, ch. 4 --------------------------------------------------------------------------


def test_flodder_no_mantelval_warning_on_sjakie_the_social_worker_1871_4681(
    demos: dict[str, Case],
) -> None:
    """l. 1871-1872 and 4681: Sjakie is a social worker "erg gericht op helpen"; the mantelval
    is about the informal network: a professional carrying much is no mantelval."""
    now = analyse(demos["flodder"])
    for s in signals(now, "SUPPORT_CONCENTRATED"):
        assert "sjakie" not in s["persons"]


def test_flodder_ex_partners_are_not_faded_contacts_to_revive_1689_1692(
    demos: dict[str, Case],
) -> None:
    """l. 1689-1692: Ma Flodder married and divorced five times; the book says nothing of
    contact with the men: they are not faded contacts to revive."""
    radio = actions(analyse(demos["flodder"]))
    for n in range(1, 6):
        assert radio.get(f"man{n}") not in ("reanimeren", "activeren"), n


def test_flodder_opa_is_cared_for_not_a_helper_to_activate_1733(demos: dict[str, Case]) -> None:
    """l. 1733-1734: "Ma Flodder voor opa zorgt": Opa receives care; he is no source of help to
    activate and no care potential."""
    now = analyse(demos["flodder"])
    assert actions(now).get("opa") != "activeren"
    assert "opa" not in now["care_potential"]["persons"]


def test_flodder_conflict_with_the_tennis_club_counts_1866_1869(demos: dict[str, Case]) -> None:
    """l. 1866-1869: not the whole neighbourhood is against them, but the tennis club is: a
    conflict tie to a domain counts."""
    now = analyse(demos["flodder"])
    found = signals(now, "CONFLICT_TIES")
    assert len(found) == 1
    assert "t_tennisclub" in found[0]["ties"]
    assert found[0]["severity"] == "attention"


def test_flodder_household_members_live_together_1773(demos: dict[str, Case]) -> None:
    """l. 1773-1774: the client system is Ma, her five children, Opa and the dog, living
    together: they are tied to each other, not isolates."""
    now = analyse(demos["flodder"])
    household = {"johnie", "kees_d", "kees_z", "henkie", "toet", "opa"}
    assert not household & set(now["isolates"])
    assert now["density"] is not None and now["density"] > 0
    assert any(household <= set(component) for component in now["components"])


# --- Fatima Tahir, after ch. 4 ---------------------------------------------------------------


def test_fatima_son_is_a_young_overloaded_carer_2492_2502(demos: dict[str, Case]) -> None:
    """l. 2492-2502: the oldest son living in the Netherlands, much involved at the start, was
    burdened too much: care for his mother, building his own life and finishing school. A young
    adult under 25 with needs of his own."""
    begin = analyse(demos["fatima"], "begin")
    carer = next(c for c in begin["carers"] if c["person"] == "zoon_oudste")
    assert carer["young"] is True
    assert carer["own_needs"] is True
    reasons = set(carer_signal(begin, "zoon_oudste")["reasons"])
    assert {"young", "own_needs"} <= reasons


def test_fatima_now_the_son_no_longer_carries_the_care_2497(demos: dict[str, Case]) -> None:
    """l. 2497-2500: Julia asks how to prevent loved ones being overloaded; now the son no
    longer gives the care hours he gave at the start."""
    now = analyse(demos["fatima"], "nu")
    assert "zoon_oudste" not in {c["person"] for c in now["carers"]}
    assert not [s for s in signals(now, "CARER_LOAD") if "zoon_oudste" in s["persons"]]


def test_fatima_care_potential_and_concentration_leave_out_julia_1100_1109(
    demos: dict[str, Case],
) -> None:
    """l. 1100-1109 and 2434-2438: care potential is the informal network; Julia, the family
    worker who does most, is a professional and no mantelval."""
    for snapshot in ("nu", "begin"):
        result = analyse(demos["fatima"], snapshot)
        persons = result["care_potential"]["persons"]
        assert "julia" not in persons and "voedselbank" not in persons
        assert informal(result, persons)
        assert "kennissen" in persons  # Somali acquaintances do odd jobs (l. 2429-2432)
        for s in signals(result, "SUPPORT_CONCENTRATED"):
            assert "julia" not in s["persons"]


def test_fatima_young_children_at_home_are_not_activated_2351(demos: dict[str, Case]) -> None:
    """l. 2351-2354: seven children at home, the youngest one to eight; children under 12 are
    not suggested as helpers."""
    radio = actions(analyse(demos["fatima"], "nu"))  # ages in the book's year, 2011
    for child in ("kind6", "kind7", "kind8", "kind9", "kind10"):
        assert radio.get(child) != "activeren", child


# --- Ada Hendriks, after ch. 8 ---------------------------------------------------------------


def test_ada_at_the_referral_has_nobody_for_company_4130_4134(demos: dict[str, Case]) -> None:
    """l. 4130-4134: "geen mensen meer had om iets leuks mee te doen of om stoom af te blazen":
    companionship (G) is a gap at the referral and is not at the end."""
    start = analyse(demos["ada"], "aanmelding")
    end = analyse(demos["ada"], "eind")
    assert "G" in [s.get("letter") for s in signals(start, "SUPPORT_GAP")]
    assert "G" not in [s.get("letter") for s in signals(end, "SUPPORT_GAP")]


def test_ada_neglected_contacts_are_to_be_revived_4283_4290(demos: dict[str, Case]) -> None:
    """l. 4283-4290: good contacts she had "letterlijk en figuurlijk verwaarloosd" and picked up
    again: at the referral the good acquaintance and the two neighbours are to be revived."""
    radio = actions(analyse(demos["ada"], "aanmelding"))
    assert {radio["kennis"], radio["buurvrouw1"], radio["buurvrouw2"]} == {"reanimeren"}


def test_ada_widened_her_network_4179_4204(demos: dict[str, Case]) -> None:
    """l. 4179-4204: the painting course, regular contact again with a good acquaintance and two
    neighbours, sport with one of them: the course came, the neighbours' ties grew."""
    change = compare(demos["ada"], "aanmelding", "eind")
    assert {"cursisten", "carmen"} <= set(change["came"])
    assert change["left"] == []
    grown = {tuple(sorted(pair)) for pair in change["ties"]["strengthened"]}
    assert {("ada", "buurvrouw1"), ("ada", "buurvrouw2"), ("ada", "kennis")} <= grown
    end = analyse(demos["ada"], "eind")
    assert "NO_WEAK_TIES" not in codes(end)


def test_ada_the_ex_costs_energy_4117(demos: dict[str, Case]) -> None:
    """l. 4114-4118: "Het kost Ada energie om hiermee goed om te gaan": the ex-husband is in
    the energy summary as costing energy; Carmen and the course give it."""
    end = analyse(demos["ada"], "eind")
    assert "ex" in energy(end, "costs")
    assert {"carmen", "cursisten"} <= energy(end, "gives")


# --- Pauline Bloem, after ch. 11 -------------------------------------------------------------


def test_pauline_was_a_carer_for_years_5103_5115(demos: dict[str, Case]) -> None:
    """l. 5103-5115: "in feite al jaren mantelzorger": while her husband lived at home the client
    gave care above the carer thresholds."""
    home = analyse(demos["pauline"], "thuis")
    found = signals(home, "CLIENT_CARER_LOAD")
    assert len(found) == 1, codes(home)
    assert found[0]["persons"] == ["man"]


def test_pauline_is_no_official_carer_after_the_nursing_home_5109_5110(
    demos: dict[str, Case],
) -> None:
    """l. 5109-5110: "Op dat moment was Pauline geen officiële mantelzorger meer"."""
    assert "CLIENT_CARER_LOAD" not in codes(analyse(demos["pauline"]))


def test_pauline_husband_in_the_nursing_home_is_no_helper_5108(demos: dict[str, Case]) -> None:
    """l. 5108-5110 and 5123-5126: her husband lives in a nursing home and receives care; "geen
    man meer die iets voor haar kan betekenen": not to activate, no care potential."""
    now = analyse(demos["pauline"])
    assert actions(now).get("man") != "activeren"
    assert "man" not in now["care_potential"]["persons"]
    assert informal(now, now["care_potential"]["persons"])


def test_pauline_spends_less_time_on_contacts_that_cost_energy_5187_5189(
    demos: dict[str, Case],
) -> None:
    """l. 5187-5189: she cherishes those who give her energy and spends less time on contacts
    that give little or turn on their own needs: taking distance, her choice."""
    now = analyse(demos["pauline"])
    assert actions(now)["kennis"] == "afstand_nemen"
    assert "kennis" in energy(now, "costs")


def test_pauline_netwerkcirkel_shows_who_gives_energy_5166_5170(demos: dict[str, Case]) -> None:
    """l. 5166-5170: the netwerkcirkel made clear which contacts give energy and which less."""
    now = analyse(demos["pauline"])
    assert {"zoon", "dochter", "lisa", "vrouwengilde"} <= energy(now, "gives")
    assert not energy(now, "gives") & energy(now, "costs")


def test_pauline_losing_the_professionals_was_a_gap_not_a_choice_5196_5201(
    demos: dict[str, Case],
) -> None:
    """l. 5196-5201: when the care ended, the contacts with the professionals ended too:
    "dan vallen mensen in een groot gat". Their departure is not one she wished."""
    change = compare(demos["pauline"], "thuis", "nu")
    assert {"casemanager", "geriater"} <= set(change["left"])
    assert not {"casemanager", "geriater"} & intended(change)


# --- the network lists (tests/data/book/*.csv) through ``zorgkracht analyse LIST --json`` ------


class _ListDay(dt.date):
    @classmethod
    def today(cls) -> _ListDay:
        return cls(LIST_YEAR, 12, 1)


@pytest.fixture()
def analyse_list(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Any:
    """Run ``zorgkracht analyse tests/data/book/NAME --json`` in-process, on a day of
    :data:`LIST_YEAR`, and return the JSON."""
    monkeypatch.setattr(zorgkracht.analysis, "dt", types.SimpleNamespace(date=_ListDay))

    def run(name: str) -> dict[str, Any]:
        with pytest.raises(SystemExit) as done:
            main(["analyse", str(LISTS / name), "--json"])
        out, err = capsys.readouterr()
        assert done.value.code in (0, None), err
        result: dict[str, Any] = json.loads(out)
        return result

    return run


def test_list_karel_with_his_wishes_2947_2949(analyse_list: Any) -> None:
    """l. 2947-2949 and 2959-2966, as a network list with the column ``wens``: distance from
    the café friends he wants less of, his mother and girlfriend he wants more of."""
    result = analyse_list("karel_start.csv")
    radio = actions(result)
    assert radio["cafevrienden"] == "afstand_nemen"
    assert radio["moeder"] == "reanimeren"
    assert radio["vriendin"] == "deblokkeren"
    assert "NO_WEAK_TIES" in codes(result)
    assert "cafevrienden" in energy(result, "costs")


def test_list_pauline_5108_5189(analyse_list: Any) -> None:
    """l. 5108-5110 and 5166-5189 as a network list: the husband in the nursing home receives
    care (no helper to activate, no care potential); the contact she wants less of costs energy
    and gets taking distance; the children, Lisa and the guild give energy."""
    result = analyse_list("pauline.csv")
    radio = actions(result)
    assert radio.get("man-van-pauline") != "activeren"
    assert radio["kennis-van-vroeger"] == "afstand_nemen"
    assert "man-van-pauline" not in result["care_potential"]["persons"]
    assert result["care_potential"]["persons"] == ["dochter"]
    assert {"zoon", "dochter", "lisa-spruit", "vrouwengilde"} <= energy(result, "gives")
    assert energy(result, "costs") == {"kennis-van-vroeger"}


def test_list_fatimas_son_as_a_young_carer_2492_2502(analyse_list: Any) -> None:
    """l. 2492-2502 as a network list: the son of 22 gives 12 hours a week for half a year and
    has needs of his own: a carer load signal that names his youth and his own needs (others
    share the support, so the hours alone are no reason here); Julia,
    a professional, is no care potential and no mantelval."""
    result = analyse_list("fatima_zoon.csv")
    son = next(c for c in result["carers"] if c["person"] == "oudste-zoon")
    assert son["young"] is True and son["own_needs"] is True
    found = [s for s in result["signals"] if s["code"] == "CARER_LOAD"]
    assert [s["persons"] for s in found] == [["oudste-zoon"]]
    assert {"young", "own_needs"} <= set(found[0]["reasons"])
    assert "julia-van-hoof" not in result["care_potential"]["persons"]
    for s in result["signals"]:
        if s["code"] == "SUPPORT_CONCENTRATED":
            assert "julia-van-hoof" not in s["persons"]


def test_list_the_tavenier_parents_as_carers_3579_3593_3647(analyse_list: Any) -> None:
    """l. 3579-3593 and 3647 as a network list with ``zorguren_client``, ``zorgmaanden_client``
    and ``krijgt_zorg``: the client cares for three children (a load signal naming them), the
    children under 12 who receive care are not activated, no friends, and the care potential
    leaves out the debt counsellor and the family worker."""
    result = analyse_list("tavenier_ouders.csv")
    children = {"dochter", "oudste-zoon", "jongste-zoon"}
    found = [s for s in result["signals"] if s["code"] == "CLIENT_CARER_LOAD"]
    assert len(found) == 1
    assert children <= set(found[0]["persons"])
    radio = actions(result)
    assert not children & {p for p, a in radio.items() if a == "activeren"}
    assert "NO_FRIENDS" in codes(result)
    assert result["care_potential"]["persons"] == ["broer-van-pieter", "moeder-van-pieter"]


def test_list_a_professional_carrying_most_support_4681(analyse_list: Any) -> None:
    """l. 1871-1872 and 4681, as a network list in English columns: Sjakie, a professional,
    gives most of the support; the mantelval is about the informal network, so no concentration
    signal names him and he is no care potential; Opa, cared for, is not activated."""
    result = analyse_list("professional_carries_most.csv")
    assert result["support"]["P"] == ["johnie", "sjakie"]
    for s in result["signals"]:
        if s["code"] == "SUPPORT_CONCENTRATED":
            assert "sjakie" not in s["persons"]
    assert result["concentration"]["person"] != "sjakie"
    assert "sjakie" not in result["care_potential"]["persons"]
    assert "opa" not in result["care_potential"]["persons"]
    assert actions(result).get("opa") != "activeren"
