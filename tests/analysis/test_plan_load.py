"""The action plan's hours feed the carer load (issue 14; analysis/carers.py "Hours in the
plan"): hand-computed cases. The threshold is 8 hours a week (SCP, table 2.3)."""

from __future__ import annotations

import dataclasses

from zorgkracht.analysis import analyse
from zorgkracht.domain.codes import Role
from zorgkracht.domain.model import Case, Snapshot
from zorgkracht.domain.process import Action, ActionPerson, HelpQuestion, Process
from zorgkracht.domain.process_codes import ActionStatus, Part

from .helpers import case, helps, network, person


def planned_case() -> Case:
    net = network(
        person("a", role=Role.CHILD),
        person("b", role=Role.FRIEND),
        person("d", role=Role.NEIGHBOUR),
        ties=[helps("a", "P", care_hours_per_week=5), helps("b", "E"), helps("d", "E")],
    )
    process = Process(
        help_questions=[HelpQuestion(id="hq1", text="Boodschappen")],
        actions=[
            # a does 4 h: 5 + 4 = 9 > 8
            Action(
                id="ac1",
                help_question="hq1",
                description="Boodschappen",
                hours_per_week=4,
                persons=[
                    ActionPerson(person="a"),
                    ActionPerson(person="d", part=Part.THINKS_ALONG),
                ],
            ),
            # b does 10 h of their own (the action's 2 do not apply to b)
            Action(
                id="ac2",
                help_question="hq1",
                description="Koken",
                hours_per_week=2,
                persons=[ActionPerson(person="b", hours_per_week=10)],
            ),
            # done: counts no more
            Action(
                id="ac3",
                help_question="hq1",
                description="Verhuizen",
                hours_per_week=30,
                status=ActionStatus.DONE,
                persons=[ActionPerson(person="d")],
            ),
        ],
    )
    return dataclasses.replace(case(net), process=process)


def test_plan_hours_are_added_to_the_care_hours_and_reported_apart() -> None:
    result = analyse(planned_case())
    carers = {c["person"]: c for c in result["carers"]}
    assert sorted(carers) == ["a", "b"]  # d only thinks along, and ac3 is done
    assert carers["a"]["hours_per_week"] == 9.0
    assert carers["a"]["plan_hours_per_week"] == 4.0
    assert carers["b"]["hours_per_week"] == 10.0
    assert carers["b"]["plan_hours_per_week"] == 10.0


def test_a_plan_that_overloads_someone_says_so() -> None:
    result = analyse(planned_case())
    loads = {s["persons"][0]: s for s in result["signals"] if s["code"] == "CARER_LOAD"}
    # a: 9 h, nobody else gives P → high_hours; without the plan 5 h → plan_load
    assert loads["a"]["reasons"] == ["high_hours", "plan_load"]
    assert "met de acties van het plan op 9 uur per week" in loads["a"]["message"]["nl"]
    # b: 10 h, gives no letter and is not the only carer → not high_hours; the plan → plan_load
    assert loads["b"]["reasons"] == ["plan_load"]


def test_a_snapshot_is_analysed_without_the_plan() -> None:
    planned = planned_case()
    snap = Snapshot(id="s1", label="start", network=planned.network)
    with_snapshot = dataclasses.replace(planned, snapshots=[snap])
    carers = analyse(with_snapshot, "s1")["carers"]
    assert carers == []  # 5 h alone is no carer (not more than 8, no months)
