"""The process rules on a whole case (reading a file, an import): every problem named under
``process/`` with the record's id, in Dutch and English (domain/process_rules.py)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from zorgkracht.domain import Case, Network, Person, Tie
from zorgkracht.domain.invariants import check_case
from zorgkracht.domain.process import (
    Action,
    ActionPerson,
    Evaluation,
    HelpQuestion,
    Invitee,
    Meeting,
    Process,
    StepRecord,
    Team,
)
from zorgkracht.domain.process_codes import Phasing


def case_with(process: Process) -> Case:
    persons = [Person(id="cl", name="Carla"), Person(id="ans", name="Ans")]
    persons.append(Person(id="cor", name="Cor", may_ask=False))
    ties = [Tie(id="t1", a="cl", b="ans"), Tie(id="t2", a="cl", b="cor")]
    return Case(
        id="c",
        title="Carla",
        client="cl",
        network=Network(persons=persons, ties=ties),
        process=process,
    )


def found(case: Case) -> list[tuple[str, str]]:
    return [(p.where, p.code) for p in check_case(case)]


def test_a_good_process_has_no_problem() -> None:
    q = HelpQuestion(id="hq1", text="Vervoer", priority=1, asked_by="ans")
    m = Meeting(id="mt1", invitees=[Invitee(person="ans")], questions=["hq1"])
    a = Action(
        id="ac1",
        help_question="hq1",
        description="Rijden",
        persons=[ActionPerson(person="ans", hours_per_week=2)],
        start=dt.date(2024, 1, 1),
        end=dt.date(2024, 1, 1),
    )
    e = Evaluation(id="evl1", help_question="hq1", action="ac1", after="current")
    process = Process(
        phasing=Phasing.SNS,
        help_questions=[q],
        meetings=[m],
        actions=[a],
        evaluations=[e],
        team=Team(members=["ans"], coordinator="ans"),
        steps=[StepRecord(step=3)],
    )
    assert found(case_with(process)) == []


def test_every_rule_names_its_record_and_field() -> None:
    q = HelpQuestion(id="hq1", text=" ", priority=0, persons=["x"])
    m = Meeting(
        id="mt1",
        invitees=[Invitee(person="cor"), Invitee(person="cl"), Invitee(person="zz")],
        questions=["hq5"],
    )
    a = Action(
        id="ac1",
        help_question="hq2",
        description="Rijden",
        persons=[ActionPerson(person="ans", hours_per_week=200)],
        start=dt.date(2024, 2, 1),
        end=dt.date(2024, 1, 1),
    )
    e = Evaluation(id="t1", action="ac9", before="s9")
    process = Process(
        phasing=Phasing.SNS,
        help_questions=[q],
        meetings=[m],
        actions=[a],
        evaluations=[e],
        team=Team(members=["ans"], coordinator="cor"),
        steps=[StepRecord(step=4)],
    )
    assert sorted(found(case_with(process))) == sorted(
        [
            ("process/t1", "duplicate_id"),
            ("process/help_questions/hq1/text", "required"),
            ("process/help_questions/hq1/persons/#1", "unknown_reference"),
            ("process/help_questions/hq1/priority", "out_of_range"),
            ("process/meetings/mt1/invitees/#1/person", "may_not_ask"),
            ("process/meetings/mt1/invitees/#2/person", "client_invited"),
            ("process/meetings/mt1/invitees/#3/person", "unknown_reference"),
            ("process/meetings/mt1/questions/#1", "unknown_reference"),
            ("process/actions/ac1/help_question", "unknown_reference"),
            ("process/actions/ac1/end", "end_before_start"),
            ("process/actions/ac1/persons/#1/hours_per_week", "out_of_range"),
            ("process/evaluations/t1/action", "unknown_reference"),
            ("process/evaluations/t1/before", "unknown_reference"),
            ("process/team/coordinator", "coordinator_not_member"),
            ("process/steps/#1/step", "unknown_step"),
        ]
    )


def test_removing_a_person_from_the_network_breaks_the_plan_that_names_them() -> None:
    process = Process(help_questions=[HelpQuestion(id="hq1", text="x", persons=["ans"])])
    case = case_with(process)
    net = dataclasses.replace(case.network, persons=case.network.persons[:1], ties=[])
    assert found(dataclasses.replace(case, network=net)) == [
        ("process/help_questions/hq1/persons/#1", "unknown_reference")
    ]
