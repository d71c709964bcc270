"""The process records: the plan's hours, the top 3, the persons named; the phasings."""

from __future__ import annotations

import re

import pytest

from zorgkracht.domain.phasings import STEPS
from zorgkracht.domain.process import (
    AGENDA,
    Action,
    ActionPerson,
    Closing,
    HelpQuestion,
    Invitee,
    Meeting,
    Process,
    Team,
)
from zorgkracht.domain.process_codes import ActionStatus, AgendaPhase, Part, Phasing

RECORDS = {
    "referral",
    "intake",
    "map",
    "help_questions",
    "meetings",
    "actions",
    "team",
    "evaluations",
    "closing",
}
BOOK_LINES = 5431
"""Lines in the book's text (``shared/seed/de-zorgkracht-van-sociale-netwerken.txt``)."""


def _plan() -> Process:
    return Process(
        help_questions=[
            HelpQuestion(id="hq1", text="Wie haalt de kinderen?", priority=2, persons=["kim"]),
            HelpQuestion(id="hq2", text="Even op adem komen", priority=1, asked_by="lina"),
            HelpQuestion(id="hq3", text="Een vriendin", priority=4),
            HelpQuestion(id="hq4", text="Meer rust"),
        ],
        meetings=[Meeting(id="mt1", invitees=[Invitee(person="oma"), Invitee(person="buur")])],
        actions=[
            Action(
                id="ac1",
                help_question="hq1",
                description="Halen op dinsdag",
                hours_per_week=2.0,
                persons=[
                    ActionPerson(person="oma"),
                    ActionPerson(person="buur", hours_per_week=0.5),
                    ActionPerson(person="tante", part=Part.THINKS_ALONG),
                ],
            ),
            Action(
                id="ac2",
                help_question="hq2",
                description="Oppassen",
                hours_per_week=3.0,
                persons=[ActionPerson(person="oma")],
            ),
            Action(
                id="ac3",
                help_question="hq2",
                description="Klaar",
                hours_per_week=9.0,
                status=ActionStatus.DONE,
                persons=[ActionPerson(person="oma")],
            ),
        ],
        team=Team(members=["oma", "oom"], coordinator="oom"),
        closing=Closing(call=["zus"]),
    )


def test_plan_hours_add_up_per_person_over_open_actions() -> None:
    # oma: 2 (ac1, the action's hours) + 3 (ac2); ac3 is done and counts no more.
    # buur: her own 0.5 in ac1; tante thinks along: no hours.
    assert _plan().plan_hours() == {"oma": 5.0, "buur": 0.5}


def test_hours_of_a_person_who_thinks_along_are_zero() -> None:
    action = _plan().action("ac1")
    assert [action.hours_of(p) for p in action.persons] == [2.0, 0.5, 0.0]
    assert [p.person for p in action.doers()] == ["oma", "buur"]


def test_the_top_3_is_priorities_one_to_three_in_order() -> None:
    assert [q.id for q in _plan().top()] == ["hq2", "hq1"]


def test_every_person_the_process_names() -> None:
    assert _plan().person_refs() == {"kim", "lina", "oma", "buur", "tante", "oom", "zus"}


def test_lookups_name_the_missing_id() -> None:
    with pytest.raises(KeyError, match="hq9"):
        _plan().help_question("hq9")
    assert _plan().meeting("mt1").invitees[0].person == "oma"


def test_an_empty_process_is_empty_and_a_phasing_alone_is_not() -> None:
    assert Process().is_empty()
    assert not Process(phasing=Phasing.FREE).is_empty()


def test_the_agenda_follows_the_book_3676_3702() -> None:
    assert AGENDA == (
        AgendaPhase.INTRODUCTIONS,
        AgendaPhase.INFORMATION,
        AgendaPhase.PRIVATE_TIME,
        AgendaPhase.PLAN_BACK,
    )


@pytest.mark.parametrize(
    ("phasing", "count"),
    [
        (Phasing.SNS, 3),
        (Phasing.VEREIJKEN, 4),
        (Phasing.SCHEFFERS, 5),
        (Phasing.COACH, 10),
        (Phasing.FREE, 0),
    ],
)
def test_each_phasing_has_its_steps_in_order(phasing: Phasing, count: int) -> None:
    steps = STEPS[phasing]
    assert [s.number for s in steps] == list(range(1, count + 1))
    for step in steps:
        assert set(step.records) <= RECORDS, step
        assert step.nl and step.en and step.phase_nl and step.phase_en
        m = re.fullmatch(r"(\d+)(?:-(\d+))?", step.lines)
        assert m, step.lines
        first, last = int(m[1]), int(m[2] or m[1])
        assert 1 <= first <= last <= BOOK_LINES


def test_the_coach_has_ten_steps_in_three_phases_table_8_1() -> None:
    phases = [s.phase_nl for s in STEPS[Phasing.COACH]]
    assert phases == ["oriënteren"] * 3 + ["denken"] * 3 + ["doen"] * 4
    assert STEPS[Phasing.COACH][6].nl == "kies een top 3"
