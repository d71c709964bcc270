"""The edit operations of the process (issue 14): exact inverses, and bad input refused with the
field named and nothing changed (point 8 of the issue)."""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

import pytest

from zorgkracht.demo import demo_path
from zorgkracht.domain import Case, InvalidInput
from zorgkracht.domain.process import Process
from zorgkracht.interchange.case_json import read_case
from zorgkracht.services.edits import apply_edit

from .helpers_process import base_case


def run(case: Case, ops: list[dict[str, Any]]) -> Case:
    for op in ops:
        case = apply_edit(case, op).case
    return case


PLAN: list[dict[str, Any]] = [
    {"op": "set_phasing", "phasing": "sns"},
    {
        "op": "set_record",
        "record": "referral",
        "value": {"referrer_name": "Huisarts", "reason": "x"},
    },
    {"op": "set_record", "record": "intake", "value": {"own_words": "Ik wil weer naar buiten"}},
    {"op": "add_help_question", "text": "Wie rijdt mij naar de dagbesteding?", "priority": 1},
    {"op": "add_help_question", "text": "Hulp in huis", "priority": 2, "persons": ["ans"]},
    {
        "op": "add_meeting",
        "date": "2024-03-01",
        "start": "19:30",
        "minutes": 90,
        "invitees": [{"person": "ans"}, {"person": "bob"}],
        "questions": ["hq1", "hq2"],
    },
    {
        "op": "add_action",
        "help_question": "hq1",
        "description": "Rijden op dinsdag",
        "persons": [{"person": "ans"}, {"person": "bob", "part": "thinks_along"}],
        "start": "2024-03-05",
        "end": "2024-06-30",
        "frequency": "weekly",
        "hours_per_week": 2.5,
    },
    {
        "op": "set_record",
        "record": "team",
        "value": {"members": ["ans", "bob"], "coordinator": "ans"},
    },
    {
        "op": "add_evaluation",
        "help_question": "hq1",
        "action": "ac1",
        "words": "Het lukt",
        "after": "current",
    },
    {"op": "set_step", "step": 2, "done_on": "2024-03-01"},
    {"op": "set_step", "step": 1, "done_on": "2024-02-01"},
    {"op": "update_meeting", "id": "mt1", "changes": {"phase": "private_time", "held": True}},
    {"op": "update_action", "id": "ac1", "changes": {"status": "ongoing", "hours_per_week": 3}},
    {"op": "update_help_question", "id": "hq2", "changes": {"status": "let_go"}},
    {"op": "set_record", "record": "closing", "value": {"call": ["bob"], "warning_signs": "stil"}},
    {"op": "clear_step", "step": 2},
    {"op": "remove_evaluation", "id": "evl1"},
    {"op": "remove_action", "id": "ac1"},
    {"op": "remove_meeting", "id": "mt1"},
]


def test_each_operation_is_undone_exactly_and_redone_exactly() -> None:
    case = base_case()
    for op in PLAN:
        result = apply_edit(case, op)
        undone = apply_edit(result.case, result.inverse)
        assert undone.case == case, op["op"]
        redone = apply_edit(undone.case, undone.inverse)
        assert redone.case == result.case, op["op"]
        case = result.case


def test_the_plan_is_built_with_fresh_ids_and_the_records_as_asked() -> None:
    case = run(base_case(), PLAN[:11])
    p = case.process
    assert [q.id for q in p.help_questions] == ["hq1", "hq2"]
    assert [m.id for m in p.meetings] == ["mt1"]
    assert p.meetings[0].start is not None and p.meetings[0].start.isoformat() == "19:30:00"
    assert [a.id for a in p.actions] == ["ac1"]
    # steps are kept in their order, whatever order they were marked in
    assert [s.step for s in p.steps] == [1, 2]
    # 2.5 hours for Ans, who does it; Bob thinks along
    assert p.plan_hours() == {"ans": 2.5}
    assert p.team is not None and p.team.coordinator == "ans"


def test_ids_of_the_process_are_never_reused_even_after_removal() -> None:
    case = run(base_case(), PLAN[:4])
    case = apply_edit(case, {"op": "remove_help_question", "id": "hq1"}).case
    case = apply_edit(case, {"op": "add_help_question", "text": "Nieuw"}).case
    # hq1 is free again in the case (nothing names it), so the allocator may hand it out;
    # what matters is that no two records share an id
    ids = [q.id for q in case.process.help_questions]
    assert len(ids) == len(set(ids)) == 1


def bad(case: Case, op: dict[str, Any]) -> list[tuple[str, str]]:
    before = copy.deepcopy(case)
    with pytest.raises(InvalidInput) as caught:
        apply_edit(case, op)
    assert case == before  # nothing changed
    for p in caught.value.problems:
        assert p.nl and p.en and p.nl != p.en
    return [(p.where, p.code) for p in caught.value.problems]


def test_an_action_tied_to_no_question_is_refused() -> None:
    case = run(base_case(), PLAN[:4])
    op = {"op": "add_action", "help_question": "hq9", "description": "Koken"}
    assert bad(case, op) == [("help_question", "unknown_reference")]
    op = {"op": "add_action", "description": "Koken"}
    assert bad(case, op) == [("help_question", "missing")]


def test_a_person_not_in_the_network_is_refused() -> None:
    case = run(base_case(), PLAN[:4])
    op = {
        "op": "add_action",
        "help_question": "hq1",
        "description": "Koken",
        "persons": [{"person": "ans"}, {"person": "nobody"}],
    }
    assert bad(case, op) == [("persons/#2/person", "unknown_reference")]
    op2: dict[str, Any] = {"op": "set_record", "record": "team", "value": {"members": ["nobody"]}}
    assert bad(case, op2) == [("value/members/#1", "unknown_reference")]


def test_an_end_before_its_start_is_refused_naming_the_changed_field() -> None:
    case = run(base_case(), PLAN[:7])
    op = {"op": "update_action", "id": "ac1", "changes": {"start": "2024-07-01"}}
    assert bad(case, op) == [("changes/start", "end_before_start")]
    op = {"op": "update_action", "id": "ac1", "changes": {"end": "2024-01-01"}}
    assert bad(case, op) == [("changes/end", "end_before_start")]


def test_inviting_someone_the_client_does_not_allow_is_refused() -> None:
    case = run(base_case(), PLAN[:4])
    op = {"op": "add_meeting", "invitees": [{"person": "ans"}, {"person": "cor"}]}
    assert bad(case, op) == [("invitees/#2/person", "may_not_ask")]
    op = {"op": "add_meeting", "invitees": [{"person": "cl"}]}
    assert bad(case, op) == [("invitees/#1/person", "client_invited")]
    op = {"op": "add_meeting", "invitees": [{"person": "ans"}, {"person": "ans"}]}
    assert bad(case, op) == [("invitees/#2/person", "duplicate")]


def test_a_person_who_may_not_be_asked_any_more_cannot_stay_invited() -> None:
    case = run(base_case(), PLAN[:6])
    with pytest.raises(InvalidInput) as caught:
        apply_edit(case, {"op": "update_person", "id": "ans", "changes": {"may_ask": False}})
    assert [(p.where, p.code) for p in caught.value.problems] == [
        ("process/meetings/mt1/invitees/#1/person", "may_not_ask")
    ]


@pytest.mark.parametrize("hours", [-1, 168.5, 1000])
def test_hours_outside_a_week_are_refused(hours: float) -> None:
    case = run(base_case(), PLAN[:7])
    assert bad(case, {"op": "update_action", "id": "ac1", "changes": {"hours_per_week": hours}})[0][
        0
    ] == ("changes/hours_per_week")
    op = {
        "op": "add_action",
        "help_question": "hq1",
        "description": "Koken",
        "persons": [{"person": "ans", "hours_per_week": hours}],
    }
    assert bad(case, op)[0][0] == "persons/#1/hours_per_week"


def test_a_record_others_name_is_not_removed() -> None:
    case = run(base_case(), PLAN[:9])
    assert bad(case, {"op": "remove_help_question", "id": "hq1"}) == [("id", "in_use")]
    assert bad(case, {"op": "remove_action", "id": "ac1"}) == [("id", "in_use")]
    assert bad(case, {"op": "remove_person", "id": "bob"}) == [("id", "in_plan")]


def test_a_coordinator_outside_the_team_is_refused() -> None:
    case = base_case()
    op = {"op": "set_record", "record": "team", "value": {"members": ["ans"], "coordinator": "bob"}}
    assert bad(case, op) == [("value/coordinator", "coordinator_not_member")]


def test_a_step_outside_the_phasing_is_refused_and_a_shorter_phasing_drops_steps_undoably() -> None:
    case = run(base_case(), [{"op": "set_phasing", "phasing": "coach"}])
    assert bad(case, {"op": "set_step", "step": 11})[0][0] == "step"
    case = run(case, [{"op": "set_step", "step": 2}, {"op": "set_step", "step": 7}])
    result = apply_edit(case, {"op": "set_phasing", "phasing": "sns"})
    assert [s.step for s in result.case.process.steps] == [2]
    assert apply_edit(result.case, result.inverse).case == case
    assert bad(result.case, {"op": "set_step", "step": 4}) == [("step", "unknown_step")]


def test_unknown_fields_and_ids_are_named() -> None:
    case = run(base_case(), PLAN[:4])
    op = {"op": "update_help_question", "id": "hq1", "changes": {"colour": "red"}}
    assert bad(case, op) == [("changes/colour", "extra_forbidden")]
    op = {"op": "update_help_question", "id": "hq1", "changes": {"id": "hq7"}}
    assert bad(case, op) == [("changes/id", "read_only")]
    assert bad(case, {"op": "remove_meeting", "id": "mt4"}) == [("id", "unknown_reference")]


def test_a_batch_of_process_operations_is_one_edit() -> None:
    case = base_case()
    result = apply_edit(case, {"op": "batch", "operations": PLAN[:8]})
    assert len(result.case.process.actions) == 1
    assert apply_edit(result.case, result.inverse).case == case


def test_the_demo_cases_take_process_operations() -> None:
    case = read_case(demo_path("tavenier"))
    case = dataclasses.replace(case, process=Process())
    person = next(
        p.id for p in case.network.persons if p.id != case.client and p.may_ask is not False
    )
    after = run(
        case,
        [
            {"op": "add_help_question", "text": "Hulp"},
            {"op": "add_meeting", "invitees": [{"person": person}], "questions": ["hq1"]},
        ],
    )
    assert after.process.meetings[0].invitees[0].person == person
