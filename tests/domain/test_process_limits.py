"""The size limits of the process (``domain/limits.py``): how many records, how many persons in
one record, how long a text; each broken limit is one problem naming the field, in Dutch and
English, and a case over them is refused before anything else looks at it."""

from __future__ import annotations

import dataclasses

import pytest

from tests.storage.process_sample import case_with_process, full_process
from zorgkracht.domain.errors import InvalidInput, Problem
from zorgkracht.domain.invariants import validate_case
from zorgkracht.domain.limits import (
    MAX_ACTIONS,
    MAX_EVALUATIONS,
    MAX_HELP_QUESTIONS,
    MAX_INVITEES,
    MAX_MEETINGS,
    MAX_NAME,
    MAX_NOTE,
    MAX_PROCESS_PERSONS,
    MAX_STEPS,
    check_limits,
    check_process,
)
from zorgkracht.domain.process import (
    Action,
    ActionPerson,
    Evaluation,
    HelpQuestion,
    Invitee,
    Meeting,
    Process,
    StepRecord,
)


def _actions(n: int) -> list[Action]:
    return [Action(id=f"ac{k}", help_question="hq1", description="x") for k in range(n)]


def _questions(n: int) -> list[HelpQuestion]:
    return [HelpQuestion(id=f"hq{k}", text="Vraag") for k in range(1, n + 1)]


def test_the_limits_are_the_agreed_numbers() -> None:
    assert (MAX_HELP_QUESTIONS, MAX_MEETINGS, MAX_ACTIONS) == (200, 200, 1000)
    assert (MAX_INVITEES, MAX_PROCESS_PERSONS, MAX_EVALUATIONS) == (100, 100, 500)
    assert (MAX_NAME, MAX_NOTE) == (200, 10_000)


def test_a_full_process_and_an_empty_one_fit() -> None:
    assert check_process(full_process()) == []
    assert check_process(Process()) == []
    assert check_limits(case_with_process()) == []


def test_two_hundred_help_questions_fit_and_one_more_does_not() -> None:
    assert check_process(Process(help_questions=_questions(200))) == []
    assert check_process(Process(help_questions=_questions(201))) == [
        Problem(
            "process/help_questions",
            "te veel hulpvragen: 201, hooguit 200",
            "too many help questions: 201, at most 200",
            "too_many",
        )
    ]


@pytest.mark.parametrize(
    ("process", "where", "nl", "en"),
    [
        (
            Process(meetings=[Meeting(id=f"mt{k}") for k in range(201)]),
            "process/meetings",
            "te veel bijeenkomsten: 201, hooguit 200",
            "too many meetings: 201, at most 200",
        ),
        (
            Process(
                actions=[
                    Action(id=f"ac{k}", help_question="hq1", description="x") for k in range(1001)
                ]
            ),
            "process/actions",
            "te veel acties: 1001, hooguit 1000",
            "too many actions: 1001, at most 1000",
        ),
        (
            Process(evaluations=[Evaluation(id=f"evl{k}") for k in range(501)]),
            "process/evaluations",
            "te veel evaluaties: 501, hooguit 500",
            "too many evaluations: 501, at most 500",
        ),
        (
            Process(steps=[StepRecord(step=1) for _ in range(MAX_STEPS + 1)]),
            "process/steps",
            "te veel stappen: 101, hooguit 100",
            "too many steps: 101, at most 100",
        ),
    ],
)
def test_too_many_records_name_the_list(process: Process, where: str, nl: str, en: str) -> None:
    assert check_process(process) == [Problem(where, nl, en, "too_many")]


def test_too_many_persons_inside_one_record_name_that_record() -> None:
    process = full_process()
    process.meetings[0].invitees = [Invitee(person=f"p{k}") for k in range(101)]
    process.actions[0].persons = [ActionPerson(person=f"p{k}") for k in range(100)]  # fits
    assert process.team is not None and process.closing is not None
    process.team.members = [f"p{k}" for k in range(102)]
    process.closing.call = [f"p{k}" for k in range(101)]
    problems = check_process(process)
    assert [(p.where, p.en) for p in problems] == [
        ("process/meetings/mt1/invitees", "too many invitees: 101, at most 100"),
        ("process/team/members", "too many team members: 102, at most 100"),
        ("process/closing/call", "too many persons to call: 101, at most 100"),
    ]
    assert problems[0].nl == "te veel genodigden: 101, hooguit 100"
    process = full_process()
    process.actions[0].persons = [ActionPerson(person=f"p{k}") for k in range(101)]
    process.help_questions[1].persons = [f"p{k}" for k in range(101)]
    assert [(p.where, p.nl) for p in check_process(process)] == [
        ("process/help_questions/hq1/persons", "te veel personen: 101, hooguit 100"),
        ("process/actions/ac1/persons", "te veel personen: 101, hooguit 100"),
    ]


def test_texts_over_their_limit_name_the_field() -> None:
    process = full_process()
    assert process.referral is not None and process.closing is not None
    process.help_questions[0].text = "x" * MAX_NOTE  # at the limit: fits
    process.help_questions[1].note = "x" * (MAX_NOTE + 1)
    process.referral.referrer_name = "n" * (MAX_NAME + 1)  # a name: 200 at most
    process.referral.reason = "r" * (MAX_NAME + 1)  # not a name: fits
    process.meetings[0].place = "p" * MAX_NAME
    process.actions[0].gives_back = "g" * (MAX_NOTE + 5)
    process.evaluations[0].words = "w" * (MAX_NOTE + 1)
    process.closing.way_back = "b" * (MAX_NOTE + 1)
    process.steps[1].note = "s" * (MAX_NOTE + 1)
    problems = check_process(process)
    assert [(p.where, p.code) for p in problems] == [
        ("process/referral/referrer_name", "too_long"),
        ("process/closing/way_back", "too_long"),
        ("process/help_questions/hq1/note", "too_long"),
        ("process/actions/ac1/gives_back", "too_long"),
        ("process/evaluations/evl1/words", "too_long"),
        ("process/steps/1/note", "too_long"),
    ]
    assert problems[0].nl == "te lang: 201 tekens, hooguit 200"
    assert problems[3].en == "too long: 10005 characters, at most 10000"


def test_an_id_with_a_space_is_refused() -> None:
    process = Process(help_questions=[HelpQuestion(id="hq 1", text="Vraag")])
    assert [(p.where, p.code) for p in check_process(process)] == [
        ("process/help_questions", "pattern")
    ]


def test_a_case_over_a_process_limit_is_refused_whole() -> None:
    case = case_with_process()
    process = dataclasses.replace(case.process, meetings=[Meeting(id=f"mt{k}") for k in range(201)])
    too_big = dataclasses.replace(case, process=process)
    with pytest.raises(InvalidInput) as err:
        validate_case(too_big)
    assert [p.where for p in err.value.problems] == ["process/meetings"]
    assert validate_case(case) is case
