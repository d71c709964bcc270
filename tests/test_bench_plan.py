"""The plan benchmark's case and edits (the benchmark itself is timed and not run in the test
suite): the generated case is a valid case of the size it promises, and one of its plan edits
goes through the in-process app, as the benchmark sends it, and changes the plan page's badges
and those of the edit's answer, so the benchmark cannot rot."""

from __future__ import annotations

import re
from pathlib import Path

from benchmarks.bench_plan import (
    ACTIONS,
    CASE_ID,
    INVITEES,
    QUESTIONS,
    TEAM,
    form_changes,
    plan_case,
    plan_edits,
)
from zorgkracht.domain.invariants import validate_case
from zorgkracht.domain.process_codes import ActionStatus
from zorgkracht.interchange.case_json import case_to_dict
from zorgkracht.services.edits import apply_edit

from .web.helpers import signed_in_client


def test_the_case_has_the_promised_size_and_is_valid() -> None:
    case = validate_case(plan_case())
    process = case.process
    assert len(case.network.persons) == 150
    assert len(process.help_questions) == QUESTIONS == 20
    assert len(process.actions) == ACTIONS == 50
    assert len(process.meetings[0].invitees) == INVITEES == 20
    assert process.team is not None and len(process.team.members) == TEAM
    assert all(1 <= len(a.persons) <= 3 for a in process.actions)
    assert case.client not in {i.person for i in process.meetings[0].invitees}
    assert plan_case() == case  # seeded: the same case every run


def test_the_unchanged_form_gives_back_the_same_action() -> None:
    case = plan_case()
    op = {"op": "update_action", "id": "ac7", "changes": form_changes(case, "ac7")}
    assert apply_edit(case, op).case.process.actions == case.process.actions


def test_one_plan_edit_through_the_app_changes_the_badges(tmp_path: Path) -> None:
    case = plan_case()
    action = case.process.actions[0]
    op = {
        "op": "update_action",
        "id": action.id,
        "changes": form_changes(case, action.id, status=ActionStatus.DONE.value),
    }
    assert plan_edits(case, 3)[0]["op"] == "update_action"
    badge = re.compile(r'data-plan-person="([^"]+)" data-actions="(\d+)"')
    with signed_in_client(tmp_path) as client:
        assert client.post("/api/cases", json=case_to_dict(case)).status_code == 201
        before = dict(badge.findall(client.get(f"/cases/{CASE_ID}/plan").text))
        # as the benchmark sends it (as plan.js does): the answer carries the action's part
        answer = client.post(
            f"/api/cases/{CASE_ID}/edits?lang=nl&part=action&view=ecogram",
            json=op,
            headers={"If-Match": '"1"'},
        )
        assert answer.status_code == 200, answer.text
        assert answer.json()["version"] == 2
        part = answer.json()["part"]
        page = client.get(f"/cases/{CASE_ID}/plan").text
        after = dict(badge.findall(page))
    assert 'data-version="2"' in page and 'data-version="2"' in part
    assert dict(badge.findall(part)) == after
    # a done action no longer counts: each of its persons has one action fewer (or no badge)
    for ap in action.persons:
        left = int(before[ap.person]) - 1
        assert after.get(ap.person, "0") == str(left) if left else ap.person not in after
